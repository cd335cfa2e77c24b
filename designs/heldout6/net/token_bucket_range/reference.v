// Token bucket policer with the level held in exactly as many bits as CAP needs.
module token_bucket #(
  parameter CAP  = 4096,
  parameter RATE = 8
) (
  input         clk,
  input         rst,
  input         tick,
  input         pkt_valid,
  input  [10:0] pkt_len,
  output        conform
);
  localparam TW = $clog2(CAP + RATE + 1);
  reg  [TW-1:0] tokens;
  wire [TW-1:0] refill = tick ? tokens + RATE[TW-1:0] : tokens;
  wire [TW-1:0] capped = (refill > CAP) ? CAP[TW-1:0] : refill;

  assign conform = pkt_valid && ({{(32-TW){1'b0}}, tokens} >= {21'd0, pkt_len});

  always @(posedge clk) begin
    if (rst)
      tokens <= CAP[TW-1:0];
    else if (conform)
      tokens <= capped - pkt_len[TW-1:0];
    else
      tokens <= capped;
  end
endmodule

module policer2 (
  input         clk,
  input         rst,
  input         tick,
  input         valid_a,
  input  [10:0] len_a,
  input         valid_b,
  input  [10:0] len_b,
  output        pass_a,
  output        pass_b
);
  token_bucket #(.CAP(1500), .RATE(3)) u_a (.clk(clk), .rst(rst), .tick(tick),
    .pkt_valid(valid_a), .pkt_len(len_a), .conform(pass_a));
  token_bucket #(.CAP(200), .RATE(1)) u_b (.clk(clk), .rst(rst), .tick(tick),
    .pkt_valid(valid_b), .pkt_len(len_b), .conform(pass_b));
endmodule
