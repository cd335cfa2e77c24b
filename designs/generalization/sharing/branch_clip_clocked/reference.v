module clip2 (
  input             clk,
  input             sel,
  input      [15:0] x1,
  input      [15:0] x2,
  input      [15:0] lim,
  output reg [15:0] q,
  output reg        hit
);
  wire [15:0] x = sel ? x1 : x2;
  wire        over = x > lim;
  always @(posedge clk) begin
    q   <= over ? lim : x;
    hit <= over;
  end
endmodule
