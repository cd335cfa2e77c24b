// Frame timer: a 16-bit count that wraps at PERIOD-1 (?: update, >= compare), in a sub-module
module ftimer #(parameter int PERIOD = 1000) (
  input  logic clk, rst_n, en,
  output logic sof,
  output logic [15:0] pos
);
  logic [8:0] cnt;                         // 0..PERIOD-1 (499 in the top)
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) cnt <= '0;
    else if (en) cnt <= (cnt == 9'(PERIOD - 1)) ? '0 : cnt + 9'd1;
  assign sof = en && (cnt == 9'(PERIOD - 1));
  assign pos = {7'd0, cnt};
endmodule

module ftimer500 (input logic clk, rst_n, en, output logic sof, output logic [15:0] pos);
  ftimer #(.PERIOD(500)) u_t (.*);
endmodule
