// AXI4 burst address generator (within a 4 KiB page): FIXED, INCR, WRAP.
module axi_next_addr (
  input  logic [11:0] addr,
  input  logic [1:0]  burst,     // 0 FIXED, 1 INCR, 2 WRAP
  input  logic [2:0]  size,      // bytes per beat = 2**size
  input  logic [3:0]  len,       // beats - 1 (WRAP: 1, 3, 7 or 15)
  output logic [11:0] next
);
  logic [11:0] incr, wrap_bytes, wrap_mask, inc_addr;
  always_comb begin
    incr       = 12'd1 << size;
    inc_addr   = addr + incr;
    wrap_bytes = (len + 12'd1) * incr;            // total bytes of the burst
    wrap_mask  = wrap_bytes - 12'd1;
    unique case (burst)
      2'd0:    next = addr;
      2'd2:    next = (addr & ~wrap_mask) | (inc_addr & wrap_mask);
      default: next = inc_addr;
    endcase
  end
endmodule
