// Two unrolled CORDIC rotation-mode iterations (shift i, i+1), combinational stage of a pipelined core.
module cordic_iter #(
  parameter int W = 16,
  parameter int SHIFT = 0,
  parameter logic [W-1:0] ATAN = '0
) (
  input  logic signed [W-1:0] x_i, y_i, z_i,
  output logic signed [W-1:0] x_o, y_o, z_o
);
  // one adder/subtractor per coordinate: d = sign of z; a - b == a + ~b + 1
  logic d;
  logic signed [W-1:0] xs, ys;
  assign d  = z_i[W-1];
  assign xs = x_i >>> SHIFT;
  assign ys = y_i >>> SHIFT;
  assign x_o = x_i + (ys ^ {W{~d}}) + {{(W-1){1'b0}}, ~d};
  assign y_o = y_i + (xs ^ {W{d}})  + {{(W-1){1'b0}}, d};
  assign z_o = z_i + (ATAN ^ {W{~d}}) + {{(W-1){1'b0}}, ~d};
endmodule

module cordic_2step (
  input  logic signed [17:0] x_i, y_i, z_i,
  output logic signed [17:0] x_o, y_o, z_o
);
  logic signed [17:0] x1, y1, z1;
  cordic_iter #(.W(18), .SHIFT(3), .ATAN(18'd2036)) u_it3 (.x_i, .y_i, .z_i, .x_o(x1), .y_o(y1), .z_o(z1));
  cordic_iter #(.W(18), .SHIFT(4), .ATAN(18'd1019)) u_it4 (.x_i(x1), .y_i(y1), .z_i(z1), .x_o, .y_o, .z_o);
endmodule
