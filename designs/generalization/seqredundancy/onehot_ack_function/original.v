// Register-file write port with per-bank acknowledge: a function decodes the bank of the
// next request into a registered acknowledge vector (16 banks).
module bank_ack16 (
    input  wire        clk,
    input  wire        rst,
    input  wire        req,
    input  wire [3:0]  bank,
    input  wire [3:0]  busy_bank,
    input  wire        busy,
    output reg  [15:0] ack,
    output reg  [3:0]  ack_bank,
    output wire        ack_any
);
    function [15:0] bank_onehot;
        input [3:0] b;
        input       en;
        begin
            bank_onehot = 16'd0;
            bank_onehot[b] = en;
        end
    endfunction

    assign ack_any = |ack;

    always @(posedge clk) begin
        if (rst) begin
            ack      <= 16'd0;
            ack_bank <= 4'd0;
        end else begin
            ack      <= bank_onehot(bank, req && !(busy && busy_bank == bank));
            ack_bank <= bank;
        end
    end
endmodule
