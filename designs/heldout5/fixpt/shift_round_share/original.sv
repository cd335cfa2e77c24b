// Programmable right shift with round-half-up for a fixed-point output stage.
module rshift_round #(
  parameter int W = 16
) (
  input  logic signed [W-1:0] x,
  input  logic [3:0]          sh,
  output logic signed [W-1:0] y
);
  logic signed [W-1:0] q;
  logic                half;
  always_comb begin
    q    = x >>> sh;
    half = (sh == 4'd0) ? 1'b0 : x[sh - 4'd1];   // the last bit shifted out
    y    = q + half;
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
