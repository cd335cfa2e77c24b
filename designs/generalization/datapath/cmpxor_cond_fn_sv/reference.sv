// Conditional-branch unit of an SV core: f[0] inverts the sense of the three base comparisons.
module cond_unit (
  input  logic        clk,
  input  logic [31:0] instr,
  input  logic [23:0] x, y,
  output logic        taken_q
);
  function automatic logic cond(input logic [2:0] f, input logic [23:0] p, input logic [23:0] q);
    logic base;
    case (f[2:1])
      2'b00:   base = p == q;
      2'b10:   base = $signed(p) < $signed(q);
      2'b11:   base = p < q;
      default: base = f[0];
    endcase
    cond = base ^ f[0];
  endfunction

  always_ff @(posedge clk)
    taken_q <= (instr[6:0] == 7'b1100011) && cond(instr[14:12], x, y);
endmodule
