// Event counter kept as three BCD digit counters: no binary-to-BCD conversion at all.
module evt_bcd (
  input  wire       clk,
  input  wire       rst,
  input  wire       evt,
  output reg  [3:0] hundreds,
  output reg  [3:0] tens,
  output reg  [3:0] ones
);
  wire c0 = (ones == 4'd9);
  wire c1 = c0 && (tens == 4'd9);
  wire c2 = c1 && (hundreds == 4'd9);
  always @(posedge clk) begin
    if (rst) begin
      ones <= 4'd0; tens <= 4'd0; hundreds <= 4'd0;
    end else if (evt) begin
      ones <= c0 ? 4'd0 : ones + 4'd1;
      if (c0) tens <= c1 ? 4'd0 : tens + 4'd1;
      if (c1) hundreds <= c2 ? 4'd0 : hundreds + 4'd1;
    end
  end
endmodule
