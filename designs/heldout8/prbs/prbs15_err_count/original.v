// Self-synchronising PRBS-15 (x^15 + x^14 + 1) checker with a saturating error counter.
module prbs15_chk #(parameter ERR_MAX = 65535) (
  input             clk,
  input             rst,
  input             en,
  input             din,
  output reg [31:0] errors,
  output            err_now
);
  reg [14:0] s;
  wire expected = s[14] ^ s[13];
  assign err_now = en & (din ^ expected);
  always @(posedge clk) begin
    if (rst) begin
      s      <= 15'd0;
      errors <= 32'd0;
    end else if (en) begin
      s <= {s[13:0], din};
      if (err_now && errors < ERR_MAX) errors <= errors + 1;
    end
  end
endmodule

module prbs_rx_mon (
  input         clk,
  input         rst,
  input         en,
  input         din,
  output [15:0] err_cnt,
  output        err_flag
);
  wire [31:0] e;
  prbs15_chk #(.ERR_MAX(255)) u_chk (.clk(clk), .rst(rst), .en(en), .din(din), .errors(e), .err_now(err_flag));
  assign err_cnt = e[15:0];
endmodule
