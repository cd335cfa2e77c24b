// Line timing: a mod-10 pixel-group counter and a mod-5 quintet counter, one generic cyclic
// counter module instantiated twice (async active-low reset, ternary wrap); only the quintet
// counter's wrap strobe and its 'middle' decode leave the design.
module cyc #(parameter N = 4, parameter W = 4) (
  input              clk,
  input              rst_n,
  input              step,
  output reg [W-1:0] n,
  output             hit
);
  assign hit = step & (n == N - 1);
  always @(posedge clk or negedge rst_n)
    if (!rst_n)    n <= {W{1'b0}};
    else if (step) n <= hit ? {W{1'b0}} : n + 1'b1;
endmodule

module line_timing (
  input        clk,
  input        rst_n,
  input        step,
  output [3:0] grp,
  output       grp_end,
  output       quint_end,
  output       mid
);
  wire [3:0] q5;
  cyc #(.N(10), .W(4)) u_grp   (.clk(clk), .rst_n(rst_n), .step(step), .n(grp), .hit(grp_end));
  cyc #(.N(5),  .W(4)) u_quint (.clk(clk), .rst_n(rst_n), .step(step), .n(q5),  .hit(quint_end));
  assign mid = (q5 == 4'd2);
endmodule
