// Token bucket policer: RATE tokens per tick, capped at CAP; a packet needs LEN tokens.
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
  reg  [31:0] tokens;
  wire [31:0] refill = (tick ? tokens + RATE : tokens);
  wire [31:0] capped = (refill > CAP) ? CAP : refill;

  assign conform = pkt_valid && (tokens >= {21'd0, pkt_len});

  always @(posedge clk) begin
    if (rst)
      tokens <= CAP;
    else if (conform)
      tokens <= capped - pkt_len;
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
