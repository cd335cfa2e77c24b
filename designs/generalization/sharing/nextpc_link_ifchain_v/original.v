// Next-PC of a 16-bit compressed-ISA core: sequential pc+2 (also the link address), relative branch,
// and register-indirect jump, each with its own adder; an if-chain on the decoded kind picks one.
module npc16 (
  input  wire [15:0] pc,
  input  wire [15:0] rs,
  input  wire [10:0] disp,
  input  wire        is_branch,
  input  wire        taken,
  input  wire        is_jr,
  output reg  [15:0] npc,
  output wire [15:0] link
);
  wire [15:0] seq  = pc + 16'd2;
  wire [15:0] brt  = pc + {{4{disp[10]}}, disp, 1'b0};
  wire [15:0] jrt  = rs + {{5{disp[10]}}, disp};

  always @* begin
    if (is_jr)
      npc = jrt;
    else if (is_branch && taken)
      npc = brt;
    else
      npc = seq;
  end

  assign link = seq;
endmodule
