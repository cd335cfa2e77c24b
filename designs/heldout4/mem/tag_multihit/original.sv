// Fully-associative TLB lookup, 8 entries: tag compare per valid entry, hit index, and a
// multi-hit error (two entries matching the same page is a software bug worth trapping).
module tlb_lookup #(
  parameter int ENTRIES = 8,
  parameter int TW = 20,
  localparam int IW = $clog2(ENTRIES)
) (
  input  logic [TW-1:0]             vpn,
  input  logic [ENTRIES-1:0][TW-1:0] tags,
  input  logic [ENTRIES-1:0]        valid,
  output logic                      hit,
  output logic [IW-1:0]             hit_idx,
  output logic                      multi_hit
);
  logic [ENTRIES-1:0] match;
  logic [IW:0]        nmatch;

  always_comb begin
    for (int i = 0; i < ENTRIES; i++)
      match[i] = valid[i] && (tags[i] == vpn);
    nmatch    = $countones(match);
    hit       = (nmatch != 0);
    multi_hit = (nmatch > 1);
    hit_idx   = '0;
    for (int i = ENTRIES - 1; i >= 0; i--)
      if (match[i]) hit_idx = IW'(i);
  end
endmodule

module tlb_top (
  input  logic [17:0]       vpn,
  input  logic [16*18-1:0]  tags,
  input  logic [15:0]       valid,
  output logic              hit,
  output logic [3:0]        hit_idx,
  output logic              multi_hit
);
  tlb_lookup #(.ENTRIES(16), .TW(18)) u_tlb (.vpn, .tags, .valid, .hit, .hit_idx, .multi_hit);
endmodule
