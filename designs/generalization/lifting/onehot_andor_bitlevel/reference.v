module csr_read (
  input  [2:0]  hit,
  input  [31:0] status,
  input  [31:0] control,
  input  [31:0] irq_mask,
  output [31:0] rd
);
  assign rd = ({32{hit[0]}} & status) | ({32{hit[1]}} & control) | ({32{hit[2]}} & irq_mask);
endmodule
