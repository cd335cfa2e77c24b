// Offset stage of a 10-bit data path: an adder and a subtractor module, each
// with its own zero and carry/borrow flags, instantiated by position; only one
// of the two results is ever latched (mode picks it).
module add_flags (input [9:0] p, input [9:0] q, output [9:0] r, output z, output co);
  wire [10:0] t;
  assign t  = p + q;
  assign r  = t[9:0];
  assign z  = ~|t[9:0];
  assign co = t[10];
endmodule

module sub_flags (input [9:0] p, input [9:0] q, output [9:0] r, output z, output co);
  wire [10:0] u;
  assign u  = p - q;
  assign r  = u[9:0];
  assign z  = ~|u[9:0];
  assign co = u[10];
endmodule

module offset_stage (
  input            clk,
  input            mode,
  input      [9:0] smp,
  input      [9:0] ofs,
  output reg [9:0] q,
  output reg       zero,
  output reg       cy
);
  wire [9:0] r_add, r_sub;
  wire       z_add, z_sub, c_add, c_sub;

  add_flags ua (smp, ofs, r_add, z_add, c_add);
  sub_flags us (smp, ofs, r_sub, z_sub, c_sub);

  always @(posedge clk) begin
    if (mode) begin
      q    <= r_sub;
      zero <= z_sub;
      cy   <= c_sub;
    end else begin
      q    <= r_add;
      zero <= z_add;
      cy   <= c_add;
    end
  end
endmodule
