// Reference: the acknowledge is zero or one-hot at ack_bank: one flop plus its decode.
module bank_ack16 (
    input  wire        clk,
    input  wire        rst,
    input  wire        req,
    input  wire [3:0]  bank,
    input  wire [3:0]  busy_bank,
    input  wire        busy,
    output wire [15:0] ack,
    output reg  [3:0]  ack_bank,
    output reg         ack_any
);
    assign ack = {15'd0, ack_any} << ack_bank;

    always @(posedge clk) begin
        if (rst) begin
            ack_any  <= 1'b0;
            ack_bank <= 4'd0;
        end else begin
            ack_any  <= req && !(busy && busy_bank == bank);
            ack_bank <= bank;
        end
    end
endmodule
