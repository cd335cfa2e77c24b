// (len+1) * 2**size is a shift, not a multiplication.
module axi_next_addr (
  input  logic [11:0] addr,
  input  logic [1:0]  burst,
  input  logic [2:0]  size,
  input  logic [3:0]  len,
  output logic [11:0] next
);
  logic [11:0] inc_addr, wrap_mask;
  always_comb begin
    inc_addr  = addr + (12'd1 << size);
    wrap_mask = ({7'd0, {1'b0, len} + 5'd1} << size) - 12'd1;
    unique case (burst)
      2'd0:    next = addr;
      2'd2:    next = (addr & ~wrap_mask) | (inc_addr & wrap_mask);
      default: next = inc_addr;
    endcase
  end
endmodule
