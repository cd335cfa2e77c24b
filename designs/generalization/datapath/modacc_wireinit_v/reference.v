// Packet ones'-complement checksum (sender side) over bytes: a start byte and up
// to 15 more are added into a 12-bit accumulator; the end-around carries are
// folded in by net declaration assignments, and the complement is sent.
module pkt_csum (
    input  wire       clk,
    input  wire       rst,
    input  wire       sop,
    input  wire       bv,
    input  wire [7:0] b,
    output wire [7:0] csum
);
    function [7:0] rtlopt_ocadd_acc;
        input [7:0] a;
        input [7:0] b;
        reg [8:0] s;
        begin
            s = a + b;
            rtlopt_ocadd_acc = s[7:0] + s[8];
        end
    endfunction
    reg  [11:0] acc;
    reg  [3:0]  n;
    wire [7:0]  ck;
    assign ck = ~acc[7:0];

    wire [7:0] rtlopt_fsh0_0 = rtlopt_ocadd_acc(sop ? 8'd0 : acc, sop ? {4'd0, b} : b);
    always @(posedge clk) begin
        if (rst) begin
            acc <= 12'd0;
            n   <= 4'd0;
        end else if (sop) begin
            acc <= rtlopt_fsh0_0;
            n   <= 4'd0;
        end else if (bv && n != 4'd15) begin
            acc <= rtlopt_fsh0_0;
            n   <= n + 4'd1;
        end
    end

    assign csum = ck;
endmodule
