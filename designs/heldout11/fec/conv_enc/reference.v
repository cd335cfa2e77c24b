// Reference: both branches shift the same bits and step their puncturing
// position on the same enables, so one memory and one 2-bit position counter
// (mod 3) in the parent serve both parity trees and keep patterns.
module conv_enc (
    input  wire clk,
    input  wire rst,
    input  wire flush,
    input  wire en,
    input  wire din,
    output reg  c0,
    output reg  v0,
    output reg  c1,
    output reg  v1
);
    reg [3:0] mem;
    reg [1:0] ppos;
    wire [2:0] pat0 = 3'b101, pat1 = 3'b011;

    always @(posedge clk) begin
        if (rst || flush) begin
            mem  <= 4'd0;
            ppos <= 2'd0;
            c0 <= 1'b0; c1 <= 1'b0; v0 <= 1'b0; v1 <= 1'b0;
        end else if (en) begin
            mem  <= {din, mem[3:1]};
            c0   <= ^({din, mem} & 5'b10011);
            c1   <= ^({din, mem} & 5'b11101);
            v0   <= pat0[ppos];
            v1   <= pat1[ppos];
            ppos <= (ppos == 2'd2) ? 2'd0 : ppos + 1'b1;
        end else begin
            v0 <= 1'b0; v1 <= 1'b0;
        end
    end
endmodule
