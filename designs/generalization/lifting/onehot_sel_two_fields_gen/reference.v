// A registered lowest-requester grant (one-hot or zero): both payload fields are AND-OR selections
// on the grant bits (entry 0 also when nothing is granted, as the encoder gives index 0 then).
module two_field_pick (
  input              clk,
  input              rst,
  input      [7:0]   req,
  input      [127:0] d,      // 8 x 16-bit data
  input      [31:0]  tg,     // 8 x 4-bit tags
  output reg [7:0]   gnt,
  output     [15:0]  y,
  output     [3:0]   t
);
  always @(posedge clk)
    if (rst) gnt <= 8'd0;
    else     gnt <= req & (~req + 8'd1);

  wire       none_hi = ~|gnt[7:1];
  reg [15:0] ya;
  reg [3:0]  ta;
  integer i;
  always @* begin
    ya = d[15:0] & {16{none_hi}};
    ta = tg[3:0] & {4{none_hi}};
    for (i = 1; i < 8; i = i + 1) begin
      ya = ya | (d[i*16 +: 16] & {16{gnt[i]}});
      ta = ta | (tg[i*4 +: 4] & {4{gnt[i]}});
    end
  end
  assign y = ya;
  assign t = ta;
endmodule
