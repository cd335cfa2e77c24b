// TLB-style entry match: a lookup port and a probe port, each with its own match unit; a probe is
// only served in a cycle without a lookup
module ent_match #(parameter int VW = 18) (
  input  logic [VW-1:0] vpn_q,
  input  logic          v_q,
  input  logic [7:0]    asid_q,
  input  logic [VW-1:0] vpn,
  input  logic [7:0]    asid,
  output logic          hit
);
  always_comb begin
    hit = 1'b0;
    if (v_q && vpn_q == vpn && asid_q == asid) hit = 1'b1;
  end
endmodule

module tlb_ent (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        lk_v,
  input  logic [17:0] lk_vpn,
  input  logic        pr_v,
  input  logic [17:0] pr_vpn,
  input  logic [7:0]  cur_asid,
  input  logic [17:0] e_vpn,
  input  logic [7:0]  e_asid,
  input  logic        e_valid,
  output logic        lk_hit,
  output logic        pr_hit,
  output logic        pr_idle
);
  logic pr_go;
  assign pr_go = pr_v & ~lk_v;
  logic m_lk, m_pr;
  ent_match u_lk (.vpn_q(e_vpn), .v_q(e_valid), .asid_q(e_asid), .vpn(lk_vpn), .asid(cur_asid), .hit(m_lk));
  ent_match u_pr (.vpn_q(e_vpn), .v_q(e_valid), .asid_q(e_asid), .vpn(pr_vpn), .asid(cur_asid), .hit(m_pr));
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      lk_hit  <= 1'b0;
      pr_hit  <= 1'b0;
      pr_idle <= 1'b1;
    end else begin
      lk_hit  <= m_lk & lk_v;
      pr_hit  <= pr_go && m_pr;
      pr_idle <= !pr_go || !m_pr;
    end
  end
endmodule
