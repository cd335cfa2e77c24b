// Dark-frame subtraction stage: signed delta registered, scaled only when non-negative.
module dark_sub #(parameter int W = 10) (
  input  logic             clk,
  input  logic             srst,
  input  logic [W-1:0]     px,
  input  logic [W-1:0]     dark,
  input  logic [2:0]       scale,
  output logic [W+2:0]     out
);
  logic signed [W:0] delta_q;
  always_ff @(posedge clk) begin
    if (srst) begin
      delta_q <= '0;
      out     <= '0;
    end else begin
      delta_q <= $signed({1'b0, px}) - $signed({1'b0, dark});
      out     <= (delta_q >= 0) ? delta_q[W-1:0] * scale : '0;
    end
  end
endmodule

module dark_top (
  input  logic        clk, srst,
  input  logic [7:0]  px, dark,
  input  logic [2:0]  scale,
  output logic [10:0] out
);
  dark_sub #(.W(8)) u (.*);
endmodule
