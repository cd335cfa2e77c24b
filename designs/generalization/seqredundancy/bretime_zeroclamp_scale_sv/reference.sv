// Dark-frame subtraction stage: the clamp at zero before the register (W flip-flops, no sign bit).
module dark_sub #(parameter int W = 10) (
  input  logic             clk,
  input  logic             srst,
  input  logic [W-1:0]     px,
  input  logic [W-1:0]     dark,
  input  logic [2:0]       scale,
  output logic [W+2:0]     out
);
  logic [W:0]   d;
  logic [W-1:0] pos_q;
  assign d = {1'b0, px} - {1'b0, dark};
  always_ff @(posedge clk) begin
    if (srst) begin
      pos_q <= '0;
      out   <= '0;
    end else begin
      pos_q <= d[W] ? '0 : d[W-1:0];
      out   <= pos_q * scale;
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
