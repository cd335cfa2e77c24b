// match-progress flags instead of the 20-bit window: p[i] = the last i+1 symbols begin 5 A C 3
module vt2 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       vld,
  input  logic [3:0] sym,
  output logic       frame
);
  logic [3:0] p;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) p <= 4'b0000;
    else if (vld) p <= {p[2] & (sym == 4'h3), p[1] & (sym == 4'hC), p[0] & (sym == 4'hA), sym == 4'h5};
  end
  assign frame = vld & p[3];
endmodule
