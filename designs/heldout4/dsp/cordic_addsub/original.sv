// Two unrolled CORDIC rotation-mode iterations (shift i, i+1), combinational stage of a pipelined core.
module cordic_iter #(
  parameter int W = 16,
  parameter int SHIFT = 0,
  parameter logic [W-1:0] ATAN = '0
) (
  input  logic signed [W-1:0] x_i, y_i, z_i,
  output logic signed [W-1:0] x_o, y_o, z_o
);
  logic signed [W-1:0] xs, ys;
  logic signed [W-1:0] x_pos, x_neg, y_pos, y_neg, z_pos, z_neg;
  assign xs = x_i >>> SHIFT;
  assign ys = y_i >>> SHIFT;
  // both rotation directions, pick by the sign of the residual angle
  assign x_pos = x_i - ys;
  assign y_pos = y_i + xs;
  assign z_pos = z_i - $signed(ATAN);
  assign x_neg = x_i + ys;
  assign y_neg = y_i - xs;
  assign z_neg = z_i + $signed(ATAN);
  always_comb begin
    if (z_i[W-1]) begin
      x_o = x_neg; y_o = y_neg; z_o = z_neg;
    end else begin
      x_o = x_pos; y_o = y_pos; z_o = z_pos;
    end
  end
endmodule

module cordic_2step (
  input  logic signed [17:0] x_i, y_i, z_i,
  output logic signed [17:0] x_o, y_o, z_o
);
  logic signed [17:0] x1, y1, z1;
  cordic_iter #(.W(18), .SHIFT(3), .ATAN(18'd2036)) u_it3 (.x_i, .y_i, .z_i, .x_o(x1), .y_o(y1), .z_o(z1));
  cordic_iter #(.W(18), .SHIFT(4), .ATAN(18'd1019)) u_it4 (.x_i(x1), .y_i(y1), .z_i(z1), .x_o, .y_o, .z_o);
endmodule
