module rtc (
  input        clk, rst,
  output [7:0] sec,
  output       minute
);
  reg [15:0] pre;
  reg [7:0]  s;
  wire tick = pre == 16'd99;
  always @(posedge clk) begin
    if (rst) begin
      pre <= 16'd0;
      s   <= 8'd0;
    end else begin
      pre <= tick ? 16'd0 : pre + 16'd1;
      if (tick) s <= (s == 8'd59) ? 8'd0 : s + 8'd1;
    end
  end
  assign sec = s;
  assign minute = tick && s == 8'd59;
endmodule
