// Credit monitor: the outstanding count was always sent - back: the watermark reads the difference.
module ev_count #(parameter int W = 8) (
  input  logic clk, rst, inc,
  output logic [W-1:0] n
);
  always_ff @(posedge clk)
    if (rst) n <= '0;
    else if (inc) n <= n + W'(1);
endmodule

module credit_mon (
  input  logic clk, rst, snd, ret,
  output logic [7:0] sent, back,
  output logic many
);
  ev_count #(.W(8)) u_s (.clk, .rst, .inc(snd), .n(sent));
  ev_count #(.W(8)) u_r (.clk, .rst, .inc(ret), .n(back));
  logic [7:0] level;
  assign level = sent - back;
  assign many = level >= 8'd40;
endmodule
