module rtc (
  input        clk, rst,
  output [7:0] sec,
  output       minute
);
  reg [6:0] pre;
  reg [5:0] s;
  wire tick = pre == 7'd99;
  always @(posedge clk) begin
    if (rst) begin
      pre <= 7'd0;
      s   <= 6'd0;
    end else begin
      pre <= tick ? 7'd0 : pre + 7'd1;
      if (tick) s <= (s == 6'd59) ? 6'd0 : s + 6'd1;
    end
  end
  assign sec = {2'd0, s};
  assign minute = tick && s == 6'd59;
endmodule
