// Sign-magnitude channel select: select sign and magnitude first, then one negator.
module sm_sel #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic [1:0] sel,
  input  logic [W:0] a, b, c,          // {sign, magnitude}
  output logic [W:0] y
);
  logic [W:0] p, t;
  always_comb begin
    case (sel)
      2'd0:    p = a;
      2'd1:    p = b;
      default: p = c;
    endcase
    t = p[W] ? -{1'b0, p[W-1:0]} : {1'b0, p[W-1:0]};
  end
  always_ff @(posedge clk)
    if (rst) y <= '0;
    else y <= t;
endmodule

module sm_sel_top (
  input  logic clk, rst,
  input  logic [1:0] sel,
  input  logic [12:0] a, b, c,
  output logic [12:0] y
);
  sm_sel #(.W(12)) u_s (.*);
endmodule
