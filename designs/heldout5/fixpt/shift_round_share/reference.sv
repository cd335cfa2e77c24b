// Shift once with one extra fraction bit; its LSB is the rounding bit.
module rshift_round #(
  parameter int W = 16
) (
  input  logic signed [W-1:0] x,
  input  logic [3:0]          sh,
  output logic signed [W-1:0] y
);
  logic signed [W:0] t;
  always_comb begin
    t = $signed({x, 1'b0}) >>> sh;
    y = t[W:1] + t[0];
  end
endmodule

module out_scaler (
  input  logic               clk,
  input  logic signed [23:0] acc,
  input  logic [3:0]         shift,
  output logic signed [23:0] dout
);
  logic signed [23:0] r;
  rshift_round #(.W(24)) u_rs (.x(acc), .sh(shift), .y(r));
  always_ff @(posedge clk) dout <= r;
endmodule
