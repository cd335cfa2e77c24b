// Key statistics: a synchronised key level and separate press / release event counters, one
// generic event-counter module per event (async active-low reset).
module evt_count #(parameter W = 8) (
  input              clk,
  input              rst_n,
  input              ev,
  output reg [W-1:0] n
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n)  n <= {W{1'b0}};
    else if (ev) n <= n + 1'b1;
endmodule

module key_stats (
  input        clk,
  input        rst_n,
  input        key_raw,
  output [9:0] presses,
  output [9:0] releases,
  output reg   key_q
);
  reg key_s;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      key_s <= 1'b0;
      key_q <= 1'b0;
    end else begin
      key_s <= key_raw;
      key_q <= key_s;
    end
  evt_count #(.W(10)) u_press   (.clk(clk), .rst_n(rst_n), .ev(key_s & ~key_q), .n(presses));
  evt_count #(.W(10)) u_release (.clk(clk), .rst_n(rst_n), .ev(~key_s & key_q), .n(releases));
endmodule
