module bdiv (clk, rst, en, cnt_o, stb_o);
  parameter LIMIT = 433;
  input         clk, rst, en;
  output [15:0] cnt_o;
  output        stb_o;
  reg    [8:0]  cnt;
  reg           stb_o;
  wire wrap = cnt == LIMIT;
  assign cnt_o = {7'd0, cnt};
  always @(posedge clk)
    if (rst) begin
      cnt   <= 9'd0;
      stb_o <= 1'b0;
    end else begin
      cnt   <= en ? (wrap ? 9'd0 : cnt + 9'd1) : cnt;
      stb_o <= en & wrap;
    end
endmodule
