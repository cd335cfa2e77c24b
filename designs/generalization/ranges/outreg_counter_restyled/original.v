// restyle of outreg_counter: non-ANSI ports, ternary next state, parameter limit, renamed
module bdiv (clk, rst, en, cnt_o, stb_o);
  parameter LIMIT = 433;
  input         clk, rst, en;
  output [15:0] cnt_o;
  output        stb_o;
  reg    [15:0] cnt_o;
  reg           stb_o;
  wire wrap = cnt_o == LIMIT;
  always @(posedge clk)
    if (rst) begin
      cnt_o <= 0;
      stb_o <= 0;
    end else begin
      cnt_o <= en ? (wrap ? 16'd0 : cnt_o + 16'd1) : cnt_o;
      stb_o <= en & wrap;
    end
endmodule
