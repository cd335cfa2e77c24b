// Fields never exceed 59 / 59 / 23: 6, 6 and 5 bit registers.
module tod_clock (
  input  wire       clk,
  input  wire       rst,
  input  wire       tick_1hz,
  input  wire       set,
  input  wire [4:0] set_hour,
  input  wire [5:0] set_min,
  output wire [7:0] sec,
  output wire [7:0] min,
  output wire [7:0] hour,
  output wire       midnight
);
  reg [5:0] s, m;
  reg [4:0] h;
  always @(posedge clk) begin
    if (rst) begin
      s <= 6'd0; m <= 6'd0; h <= 5'd0;
    end else if (set) begin
      s <= 6'd0;
      m <= (set_min  > 6'd59) ? 6'd0 : set_min;
      h <= (set_hour > 5'd23) ? 5'd0 : set_hour;
    end else if (tick_1hz) begin
      if (s == 6'd59) begin
        s <= 6'd0;
        if (m == 6'd59) begin
          m <= 6'd0;
          h <= (h == 5'd23) ? 5'd0 : h + 5'd1;
        end else
          m <= m + 6'd1;
      end else
        s <= s + 6'd1;
    end
  end
  assign sec  = {2'b00, s};
  assign min  = {2'b00, m};
  assign hour = {3'b000, h};
  assign midnight = ~|{h, m, s};
endmodule
