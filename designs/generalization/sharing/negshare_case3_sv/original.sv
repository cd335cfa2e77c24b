// Sign-magnitude channel select: three sign-magnitude inputs; the selected one is converted to
// two's complement in its own case item and registered.
module sm_sel #(parameter int W = 16) (
  input  logic clk, rst,
  input  logic [1:0] sel,
  input  logic [W:0] a, b, c,          // {sign, magnitude}
  output logic [W:0] y
);
  logic [W:0] t;
  always_comb begin
    case (sel)
      2'd0:    t = a[W] ? -{1'b0, a[W-1:0]} : {1'b0, a[W-1:0]};
      2'd1:    t = b[W] ? -{1'b0, b[W-1:0]} : {1'b0, b[W-1:0]};
      default: t = c[W] ? -{1'b0, c[W-1:0]} : {1'b0, c[W-1:0]};
    endcase
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
