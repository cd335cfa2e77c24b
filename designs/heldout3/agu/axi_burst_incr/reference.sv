// AXI4 burst address generator (next beat address): one aligned adder.
module axi_addr_next (
  input  logic [31:0] addr_i,
  input  logic [2:0]  size_i,
  input  logic [1:0]  burst_i,
  input  logic [3:0]  len_i,
  output logic [31:0] addr_o
);
  logic [1:0]  sz;
  logic [31:0] align_mask, step, incr, wrap_mask;
  assign sz = (size_i > 3'd3) ? 2'd3 : size_i[1:0];
  assign align_mask = ~(32'd7 >> (2'd3 - sz));      // clears the low sz bits
  assign step       = 32'd1 << sz;
  assign incr       = (addr_i & align_mask) + step;
  assign wrap_mask  = ({28'd0, len_i} << sz) | ~align_mask;

  always_comb begin
    unique case (burst_i)
      2'd0:    addr_o = addr_i;
      2'd2:    addr_o = (addr_i & ~wrap_mask) | (incr & wrap_mask);
      default: addr_o = incr;
    endcase
  end
endmodule
