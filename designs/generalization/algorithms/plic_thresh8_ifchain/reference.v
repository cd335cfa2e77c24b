// PLIC-style target claim: search the best pending+enabled source first (highest index on ties),
// then one threshold compare: if the best does not reach the threshold, none does.
module plic_claim8 (
  input  wire [7:0]  ip,
  input  wire [7:0]  ie,
  input  wire [39:0] priority_q,
  input  wire [4:0]  threshold,
  output wire        irq,
  output wire [2:0]  claim_id,
  output wire [4:0]  claim_prio
);
  wire [7:0] req = ip & ie;
  reg        any;
  reg  [2:0] bid;
  reg  [4:0] best, p;
  integer i;
  always @(*) begin
    any = 1'b0;
    bid = 3'd0;
    best = 5'd0;
    for (i = 0; i < 8; i = i + 1) begin
      p = priority_q[i*5 +: 5];
      if (req[i] && (!any || p >= best)) begin
        any = 1'b1;
        bid = i[2:0];
        best = p;
      end
    end
  end
  assign irq = any && (best >= threshold);
  assign claim_id = irq ? bid : 3'd0;
  assign claim_prio = irq ? best : 5'd0;
endmodule
