// Ethernet half-duplex truncated binary exponential backoff: after the n-th collision wait
// r slot times, r uniform in [0, 2^min(n,10) - 1]; give up after 16 attempts.
module backoff #(parameter MAXEXP = 8, parameter LIMIT = 8, parameter RW = 8) (
  input  wire clk, rst,
  input  wire collision,
  input  wire tx_ok,
  input  wire [RW-1:0] rnd,
  output reg  [RW-1:0] slots,
  output reg  excessive
);
  integer attempts;
  integer k;
  reg [RW-1:0] mask;
  always @* begin
    k = (attempts + 1 > MAXEXP) ? MAXEXP : attempts + 1;
    mask = (1 << k) - 1;
  end
  always @(posedge clk)
    if (rst) begin attempts <= 0; slots <= {RW{1'b0}}; excessive <= 1'b0; end
    else if (tx_ok || excessive) begin attempts <= 0; excessive <= 1'b0; end
    else if (collision) begin
      if (attempts + 1 == LIMIT) begin excessive <= 1'b1; attempts <= 0; end
      else begin attempts <= attempts + 1; slots <= rnd & mask; end
    end
endmodule

module mac_backoff (
  input  wire clk, rst, collision, tx_ok,
  input  wire [9:0] rnd,
  output wire [9:0] slots,
  output wire excessive
);
  backoff #(.MAXEXP(10), .LIMIT(16), .RW(10)) u_b (.clk(clk), .rst(rst), .collision(collision), .tx_ok(tx_ok),
    .rnd(rnd), .slots(slots), .excessive(excessive));
endmodule
