// Next-PC of a 16-bit compressed-ISA core: one target adder with the base and the offset selected
// first (the offset 2 for the sequential pc); the link address keeps its own incrementer.
module npc16 (
  input  wire [15:0] pc,
  input  wire [15:0] rs,
  input  wire [10:0] disp,
  input  wire        is_branch,
  input  wire        taken,
  input  wire        is_jr,
  output wire [15:0] npc,
  output wire [15:0] link
);
  wire [15:0] base = is_jr ? rs : pc;
  wire [15:0] offs = is_jr ? {{5{disp[10]}}, disp} :
                     (is_branch && taken) ? {{4{disp[10]}}, disp, 1'b0} : 16'd2;
  assign npc  = base + offs;
  assign link = pc + 16'd2;
endmodule
