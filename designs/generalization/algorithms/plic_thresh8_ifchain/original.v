// PLIC-style target claim: a source is eligible when it is pending, enabled and its priority
// reaches the context threshold; the highest eligible priority wins, the highest index on ties.
module plic_claim8 (
  input  wire [7:0]  ip,          // pending
  input  wire [7:0]  ie,          // enable
  input  wire [39:0] priority_q,  // 8 x 5-bit priorities
  input  wire [4:0]  threshold,
  output reg         irq,
  output reg  [2:0]  claim_id,
  output reg  [4:0]  claim_prio
);
  wire [7:0] req = ip & ie;
  reg  [4:0] p;
  integer i;
  always @(*) begin
    irq = 1'b0;
    claim_id = 3'd0;
    claim_prio = 5'd0;
    for (i = 0; i < 8; i = i + 1) begin
      p = priority_q[i*5 +: 5];
      if (req[i] && p >= threshold) begin
        if (!irq || p >= claim_prio) begin
          irq = 1'b1;
          claim_id = i[2:0];
          claim_prio = p;
        end
      end
    end
  end
endmodule
