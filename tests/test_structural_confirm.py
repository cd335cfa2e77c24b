"""structural_adder_to_operator offers a port-shape hypothesis only when the module's own simulation
computes it.

The shape alone (two n-bit inputs, an n-bit and a 1-bit output) proposed ``{tie, low_bin} = bin_x +
bin_y`` for a wrapper around a frequency comparator (designs/generalization/lifting/mono_cmp_scale_sv),
a NOT_EQUIVALENT proof each time. Real adders with a concatenated ``{cout, sum}`` left side and
multipliers still fire and are proven.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._structural import StructuralAdderToOperator

ST = StructuralAdderToOperator()
ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization"
CMP = ROOT / "lifting" / "mono_cmp_scale_sv" / "original.sv"

# Verilog-2001 ripple adder: carry in, n-bit sum and carry out from full-adder cells
RIPPLE_V = """\
module rca4 (input [3:0] x, input [3:0] y, input ci, output [3:0] s, output co);
  wire [4:0] c;
  assign c[0] = ci;
  fa b0 (.a(x[0]), .b(y[0]), .c(c[0]), .s(s[0]), .o(c[1]));
  fa b1 (.a(x[1]), .b(y[1]), .c(c[1]), .s(s[1]), .o(c[2]));
  fa b2 (.a(x[2]), .b(y[2]), .c(c[2]), .s(s[2]), .o(c[3]));
  fa b3 (.a(x[3]), .b(y[3]), .c(c[3]), .s(s[3]), .o(c[4]));
  assign co = c[4];
endmodule
module fa (input a, input b, input c, output s, output o);
  xor (s, a, b, c);
  assign o = (a & b) | (c & (a | b));
endmodule
"""

# SystemVerilog: generate loop of always_comb bit cells, the carry out declared first
RIPPLE_SV = """\
module add6 (
  input  logic [5:0] p, q,
  output logic       carry,
  output logic [5:0] total
);
  logic [6:0] k;
  assign k[0] = 1'b0;
  for (genvar i = 0; i < 6; i++) begin : g
    bitcell u (.a(p[i]), .b(q[i]), .ci(k[i]), .s(total[i]), .co(k[i+1]));
  end
  assign carry = k[6];
endmodule
module bitcell (input logic a, b, ci, output logic s, co);
  always_comb begin
    s = a ^ b ^ ci;
    co = a & b | a & ci | b & ci;
  end
endmodule
"""

# near misses of the same shape: a comparator (minimum and tie), a subtractor (difference and borrow),
# an adder whose top output is the signed overflow instead of the carry
CMP_NETLIST = """\
module pick (input [4:0] a, input [4:0] b, output [4:0] lo, output eq);
  mincell m (.a(a), .b(b), .lo(lo), .eq(eq));
endmodule
module mincell (input [4:0] a, input [4:0] b, output [4:0] lo, output eq);
  assign lo = (a <= b) ? a : b;
  assign eq = a == b;
endmodule
"""
SUB_NETLIST = RIPPLE_V.replace("fa b0 (.a(x[0]), .b(y[0])", "fa b0 (.a(x[0]), .b(~y[0])") \
    .replace(".b(y[1])", ".b(~y[1])").replace(".b(y[2])", ".b(~y[2])").replace(".b(y[3])", ".b(~y[3])")
OVF_NETLIST = RIPPLE_V.replace("assign co = c[4];", "assign co = c[4] ^ c[3];")


def _prove(tmp_path: Path, gold: str, gate: str, top: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / "t.sv", tmp_path / "gate" / "t.sv"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design(g, top), open_design(h, top), VerifyOptions(timeout_s=120))


@pytest.mark.yosys
def test_comparator_wrapper_of_adder_shape_is_not_offered():
    assert ST.match(CMP.read_text()) == []
    assert ST.match(CMP_NETLIST) == []


@pytest.mark.yosys
@pytest.mark.parametrize("text", [SUB_NETLIST, OVF_NETLIST], ids=["subtractor", "overflow"])
def test_other_functions_of_adder_shape_are_not_offered(text):
    assert text != RIPPLE_V
    assert ST.match(text) == []


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,expect", [
    (RIPPLE_V, "rca4", "assign {co, s} = x + y + ci;"),
    (RIPPLE_SV, "add6", "always @* {carry, total} = p + q;"),
], ids=["verilog_carry_in", "sv_generate"])
def test_concatenated_lhs_adders_fire_and_are_proven(tmp_path, text, top, expect):
    ms = ST.match(text)
    assert len(ms) == 1 and expect in ms[0].description, [m.description for m in ms]
    new = ST.rewrite(text, ms)
    assert expect in new
    assert _prove(tmp_path, text, new, top).verdict.name == "EQUIVALENT"
