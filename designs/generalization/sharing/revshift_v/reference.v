// Barrel alignment unit: one right shifter; operand and result bit-reversed to move up.
module align_unit #(parameter D = 8) (
  input  wire [D-1:0] w,
  input  wire [3:0] k,
  input  wire up,
  output wire [D-1:0] r
);
  reg [D-1:0] wr, sr;
  wire [D-1:0] sh;
  integer i;
  always @* for (i = 0; i < D; i = i + 1) wr[i] = w[D-1-i];
  assign sh = (up ? wr : w) >> k;
  always @* for (i = 0; i < D; i = i + 1) sr[i] = sh[D-1-i];
  assign r = up ? sr : sh;
endmodule

module align_top (
  input  wire clk,
  input  wire [11:0] w,
  input  wire [3:0] k,
  input  wire up,
  output reg  [11:0] r_q
);
  wire [11:0] r;
  align_unit #(.D(12)) u_al (.w(w), .k(k), .up(up), .r(r));
  always @(posedge clk) r_q <= r;
endmodule
