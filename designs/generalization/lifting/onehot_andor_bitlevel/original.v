module csr_read (
  input  [2:0]  hit,
  input  [31:0] status,
  input  [31:0] control,
  input  [31:0] irq_mask,
  output [31:0] rd
);
  genvar b;
  generate
    for (b = 0; b < 32; b = b + 1) begin : bitmux
      assign rd[b] = (hit[0] & status[b]) | (hit[1] & control[b]) | (hit[2] & irq_mask[b]);
    end
  endgenerate
endmodule
