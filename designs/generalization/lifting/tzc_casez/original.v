module tz_count (
  input      [7:0] v,
  output reg [3:0] tz
);
  always @* begin
    casez (v)
      8'b???????1: tz = 4'd0;
      8'b??????10: tz = 4'd1;
      8'b?????100: tz = 4'd2;
      8'b????1000: tz = 4'd3;
      8'b???10000: tz = 4'd4;
      8'b??100000: tz = 4'd5;
      8'b?1000000: tz = 4'd6;
      8'b10000000: tz = 4'd7;
      default:     tz = 4'd8;
    endcase
  end
endmodule
