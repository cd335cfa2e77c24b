// Event counter 0..999 (wraps) shown on three BCD digits through a double-dabble loop.
module evt_bcd (
  input  wire       clk,
  input  wire       rst,
  input  wire       evt,
  output reg  [3:0] hundreds,
  output reg  [3:0] tens,
  output reg  [3:0] ones
);
  reg [9:0] count;
  always @(posedge clk) begin
    if (rst)
      count <= 10'd0;
    else if (evt)
      count <= (count == 10'd999) ? 10'd0 : count + 10'd1;
  end

  integer i;
  reg [21:0] sh;   // {hundreds, tens, ones, binary}
  always @* begin
    sh = {12'd0, count};
    for (i = 0; i < 10; i = i + 1) begin
      if (sh[13:10] >= 4'd5) sh[13:10] = sh[13:10] + 4'd3;
      if (sh[17:14] >= 4'd5) sh[17:14] = sh[17:14] + 4'd3;
      if (sh[21:18] >= 4'd5) sh[21:18] = sh[21:18] + 4'd3;
      sh = sh << 1;
    end
    hundreds = sh[21:18];
    tens     = sh[17:14];
    ones     = sh[13:10];
  end
endmodule
