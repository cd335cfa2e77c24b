// Rotary angle counter (Verilog-2001): one step per enable, up or down, wrapping within 0 .. MOD-1
// in both directions; two instances with their own modulus (360 and 100).
module angle_ctr #(parameter MOD = 360) (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       en,
  input  wire       up,
  output wire [8:0] ang_o,
  output wire       zero
);
  reg [15:0] ang;
  wire at_top = (ang == MOD - 1);
  wire at_bot = (ang == 16'd0);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) ang <= 16'd0;
    else if (en) ang <= up ? (at_top ? 16'd0 : ang + 16'd1) : (at_bot ? MOD - 1 : ang - 16'd1);
  assign ang_o = ang[8:0];
  assign zero  = at_bot;
endmodule

module dial2 (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       en_a, up_a, en_b, up_b,
  output wire [8:0] deg,
  output wire [8:0] pct,
  output wire       deg0, pct0
);
  angle_ctr #(.MOD(360)) u_deg (.clk(clk), .rst_n(rst_n), .en(en_a), .up(up_a), .ang_o(deg), .zero(deg0));
  angle_ctr #(.MOD(100)) u_pct (.clk(clk), .rst_n(rst_n), .en(en_b), .up(up_b), .ang_o(pct), .zero(pct0));
endmodule
