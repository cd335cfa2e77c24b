// Small fully associative TLB: each entry stores whether its page is a
// kernel page, computed when the entry is filled.
module tlb_array #(
  parameter int N = 8, parameter int VW = 20, parameter int PW = 16,
  parameter logic [VW-1:0] KBASE = 20'h80000
) (
  input  logic clk, rst_n,
  input  logic fill, flush,
  input  logic [$clog2(N)-1:0] fill_idx,
  input  logic [VW-1:0] fill_vpn,
  input  logic [PW-1:0] fill_ppn,
  input  logic [VW-1:0] vpn,
  output logic hit, kern,
  output logic [PW-1:0] ppn
);
  logic [N-1:0] valid, kern_m, match;
  logic [N-1:0][VW-1:0] vpn_m;
  logic [N-1:0][PW-1:0] ppn_m;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      valid <= '0; kern_m <= '0; vpn_m <= '0; ppn_m <= '0;
    end else if (flush) begin
      valid <= '0;
    end else if (fill) begin
      valid[fill_idx]  <= 1'b1;
      vpn_m[fill_idx]  <= fill_vpn;
      ppn_m[fill_idx]  <= fill_ppn;
      kern_m[fill_idx] <= fill_vpn >= KBASE;
    end
  always_comb begin
    ppn = '0;
    for (int i = 0; i < N; i++) begin
      match[i] = valid[i] && (vpn_m[i] == vpn);
      if (match[i]) ppn |= ppn_m[i];
    end
    hit  = |match;
    kern = |(match & kern_m);
  end
endmodule

module mmu_check (
  input  logic clk, rst_n, req, user,
  input  logic [11:0] va_page,
  input  logic fill, flush,
  input  logic [2:0] fill_idx,
  input  logic [11:0] fill_vpn,
  input  logic [7:0] fill_ppn,
  output logic miss_q, fault_q,
  output logic [7:0] pa_page_q
);
  logic hit, kern;
  logic [7:0] ppn;
  tlb_array #(.N(6), .VW(12), .PW(8), .KBASE(12'hC00)) u_tlb (.clk, .rst_n, .fill, .flush, .fill_idx,
    .fill_vpn, .fill_ppn, .vpn(va_page), .hit, .kern, .ppn);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin miss_q <= 1'b0; fault_q <= 1'b0; pa_page_q <= '0; end
    else if (req) begin
      miss_q    <= !hit;
      fault_q   <= hit && kern && user;
      pa_page_q <= ppn;
    end
endmodule
