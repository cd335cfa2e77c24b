// Time-of-day clock: seconds, minutes, hours advanced by a 1 Hz tick; settable.
module tod_clock (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick_1hz,
  input  wire       set,
  input  wire [4:0] set_hour,     // 0..23 expected
  input  wire [5:0] set_min,      // 0..59 expected
  output reg  [7:0] sec,
  output reg  [7:0] min,
  output reg  [7:0] hour,
  output wire       midnight
);
  always @(posedge clk) begin
    if (rst) begin
      sec  <= 8'd0;
      min  <= 8'd0;
      hour <= 8'd0;
    end else if (set) begin
      sec  <= 8'd0;
      min  <= (set_min  > 6'd59) ? 8'd0 : {2'b00, set_min};
      hour <= (set_hour > 5'd23) ? 8'd0 : {3'b000, set_hour};
    end else if (tick_1hz) begin
      if (sec == 8'd59) begin
        sec <= 8'd0;
        if (min == 8'd59) begin
          min <= 8'd0;
          hour <= (hour == 8'd23) ? 8'd0 : hour + 8'd1;
        end else
          min <= min + 8'd1;
      end else
        sec <= sec + 8'd1;
    end
  end
  assign midnight = (hour == 8'd0) && (min == 8'd0) && (sec == 8'd0);
endmodule
