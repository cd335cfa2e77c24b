// Registered accumulator with async active-low reset, an async-set flag, a negedge register,
// a sync-reset enable register: every flop kind dfflibmap/dfflegalize must handle.
module regs_async (
  input clk, input rst_n, input set_n, input en, input srst,
  input [7:0] d, output reg [7:0] acc, output reg flag, output reg [3:0] neg_q, output reg [3:0] en_q
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) acc <= 8'd0; else acc <= acc + d;
  always @(posedge clk or negedge set_n)
    if (!set_n) flag <= 1'b1; else flag <= ^acc;
  always @(negedge clk) neg_q <= d[3:0] ^ acc[7:4];
  always @(posedge clk)
    if (srst) en_q <= 4'd0; else if (en) en_q <= en_q + 4'd1;
endmodule
