// AXI4 burst address generator (next beat address), 32-bit address.
module axi_addr_next (
  input  logic [31:0] addr_i,
  input  logic [2:0]  size_i,   // bytes per beat = 1 << size (up to 8 here)
  input  logic [1:0]  burst_i,  // 0 FIXED, 1 INCR, 2 WRAP
  input  logic [3:0]  len_i,    // beats - 1 (WRAP: 1, 3, 7 or 15)
  output logic [31:0] addr_o
);
  logic [31:0] incr;
  logic [31:0] wrap_mask;

  always_comb begin
    case (size_i)
      3'd0:    incr = addr_i + 32'd1;
      3'd1:    incr = (addr_i & ~32'd1) + 32'd2;
      3'd2:    incr = (addr_i & ~32'd3) + 32'd4;
      default: incr = (addr_i & ~32'd7) + 32'd8;
    endcase
  end

  always_comb begin
    case (size_i)
      3'd0:    wrap_mask = {28'd0, len_i};
      3'd1:    wrap_mask = {27'd0, len_i, 1'b1};
      3'd2:    wrap_mask = {26'd0, len_i, 2'b11};
      default: wrap_mask = {25'd0, len_i, 3'b111};
    endcase
  end

  always_comb begin
    unique case (burst_i)
      2'd0:    addr_o = addr_i;
      2'd2:    addr_o = (addr_i & ~wrap_mask) | (incr & wrap_mask);
      default: addr_o = incr;
    endcase
  end
endmodule
