// Conditional-branch unit of an SV core: a function decodes funct3 of the instruction word.
module cond_unit (
  input  logic        clk,
  input  logic [31:0] instr,
  input  logic [23:0] x, y,
  output logic        taken_q
);
  function automatic logic cond(input logic [2:0] f, input logic [23:0] p, input logic [23:0] q);
    logic e, n, s_lt, s_ge, u_lt, u_ge;
    e    = p == q;
    n    = ~e;
    s_lt = $signed(p) < $signed(q);
    s_ge = ~s_lt;
    u_lt = p < q;
    u_ge = q <= p;
    unique case (f)
      3'b000:  cond = e;
      3'b001:  cond = n;
      3'b100:  cond = s_lt;
      3'b101:  cond = s_ge;
      3'b110:  cond = u_lt;
      3'b111:  cond = u_ge;
      default: cond = 1'b0;
    endcase
  endfunction

  always_ff @(posedge clk)
    taken_q <= (instr[6:0] == 7'b1100011) && cond(instr[14:12], x, y);
endmodule
