"""datapath_egraph r_shift_share: a logical (``x >> s``) and an arithmetic (``$signed(x) >>> s``) right
shift of the same x by the same variable amount in exclusive arms of one mux tree become one arithmetic
shift of {fill, x} (W+1 bits, low W kept), fill = x's sign and the select that picks the arithmetic arm.
The variable arithmetic shift (``ashrv``) is checked exhaustively in the e-graph (amounts >= W too); an
SV ternary and a Verilog case on named wires fire and are proven; different amounts, different operands,
a left shift paired with the arithmetic one, and a ``>>>`` made logical by an unsigned context do not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, r_shift_share, saturate

TERNARY_SV = """module sh_t #(parameter int W = 12) (input logic signed [W-1:0] x, input logic [3:0] k,
    input logic ar, output logic [W-1:0] y);
  assign y = ar ? (x >>> k) : (x >> k);
endmodule
"""

# Verilog case over named wires, the two shifts not adjacent in the case, a sign-fill and a pass arm
CASE_V = """module sh_c (input [9:0] a, input [3:0] n, input [1:0] f, output reg [9:0] q);
  wire [9:0] lo = a >> n;
  wire [9:0] hi = $signed(a) >>> n;
  always @* begin
    case (f)
      2'd0: q = lo;
      2'd1: q = a;
      2'd2: q = hi;
      default: q = {10{a[9]}};
    endcase
  end
endmodule
"""

# SV always_comb if/else with an enable around the pair (x declared signed: >> is still logical)
IF_SV = """module sh_i (input logic signed [13:0] x, input logic [4:0] k, input logic arith, en,
    output logic [13:0] y);
  always_comb begin
    if (en) begin
      if (arith) y = x >>> k;
      else y = x >> k;
    end else y = x;
  end
endmodule
"""

OTHER_AMOUNT = """module nm1 (input [11:0] a, input [3:0] s, t, input sel, output [11:0] y);
  assign y = sel ? $signed(a) >>> s : a >> t;
endmodule
"""

OTHER_OPERAND = """module nm2 (input [11:0] a, b, input [3:0] s, input sel, output [11:0] y);
  assign y = sel ? $signed(a) >>> s : b >> s;
endmodule
"""

LEFT_SHIFT = """module nm3 (input [11:0] a, input [3:0] s, input sel, output [11:0] y);
  assign y = sel ? $signed(a) >>> s : a << s;
endmodule
"""

# the ternary's unsigned arm makes the whole conditional unsigned: the >>> is a logical shift too
UNSIGNED_CTX = """module nm4 (input [11:0] a, input [3:0] s, input sel, output [11:0] y);
  assign y = sel ? ($signed(a) >>> s) : (a >> s);
endmodule
"""


def _shared(text: str) -> str | None:
    """The rewritten text when it has the {fill, x} word shifted arithmetically (original named wires
    may stay, unread)."""
    for _m, new, _i in optimize_text(text):
        m = re.search(r"\$signed\((eg_\d+)\) >>> ", new)
        if m and re.search(rf"assign {m.group(1)} = \{{\(", new):
            return new
    return None


@pytest.mark.parametrize("order", ["arith_then", "logic_then", "nested"])
def test_shared_shift_exhaustive(order):
    """Every x (5 bits), amount (0..7, beyond the width too) and select: the rewrite equals both arms."""
    w = 5
    eg = EGraph()
    x = eg.add(("var", w, "x"))
    s = eg.add(("var", 3, "s"))
    c = eg.add(("var", 1, "c"))
    d = eg.add(("var", 1, "d"))
    a = eg.add(("ashrv", w, None, x, s))
    lg = eg.add(("lshrv", w, None, x, s))
    if order == "arith_then":
        root = eg.add(("mux", w, None, c, a, lg))
    elif order == "logic_then":
        root = eg.add(("mux", w, None, c, lg, a))
    else:  # c ? x : (d ? a : lg)
        root = eg.add(("mux", w, None, c, x, eg.add(("mux", w, None, d, a, lg))))
    saturate(eg, rules=[r_shift_share], max_iters=2, max_nodes=100000, time_s=30)
    assert any(m[0] == "trunc" and eg.has(m[3], "ashrv") for m in
               (mm for cl in eg.nodes for mm in eg.nodes[cl]) if m[1] == w)
    envs = [{"x": v, "s": k, "c": cc, "d": dd} for v in range(1 << w) for k in range(8) for cc in (0, 1)
            for dd in (0, 1)]
    assert eg.check(envs) == []
    assert eg.w(root) == w


def test_ashrv_semantics():
    eg = EGraph()
    x = eg.add(("var", 4, "x"))
    s = eg.add(("var", 3, "s"))
    r = eg.add(("ashrv", 4, None, x, s))
    from rtlopt.egraph.core import evaluate
    assert evaluate("ashrv", 4, None, [0b1000, 1], [4, 3]) == 0b1100
    assert evaluate("ashrv", 4, None, [0b1000, 7], [4, 3]) == 0b1111
    assert evaluate("ashrv", 4, None, [0b0110, 7], [4, 3]) == 0
    assert eg.w(r) == 4


@pytest.mark.parametrize("text", [TERNARY_SV, CASE_V, IF_SV], ids=["sv_ternary", "v_case_wires", "sv_if"])
def test_shift_share_fires(text):
    assert _shared(text) is not None, optimize_text(text)


@pytest.mark.parametrize("text", [OTHER_AMOUNT, OTHER_OPERAND, LEFT_SHIFT, UNSIGNED_CTX],
                         ids=["other_amount", "other_operand", "left_shift", "unsigned_context"])
def test_near_misses_keep_their_shifts(text):
    for _m, new, _i in optimize_text(text):
        assert not re.search(r"= \{\(", new), new  # no {fill, x} word


def _verdict(tmp_path: Path, text: str, new: str, top: str, ext: str) -> str:
    old = tmp_path / f"old.{ext}"
    old.write_text(text)
    return abc_verdict(tmp_path, old, new, top, timeout_s=300).name


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,ext", [(TERNARY_SV, "sh_t", "sv"), (CASE_V, "sh_c", "v"), (IF_SV, "sh_i", "sv")],
                         ids=["sv_ternary", "v_case_wires", "sv_if"])
def test_shift_share_is_proven(tmp_path: Path, text, top, ext):
    new = _shared(text)
    assert new is not None
    assert _verdict(tmp_path, text, new, top, ext) == "EQUIVALENT", new


@pytest.mark.yosys
def test_wrong_fill_is_refuted(tmp_path: Path):
    """The verifier sees the difference the fill makes: the shared shift with the select inverted."""
    new = _shared(TERNARY_SV)
    assert new is not None and "(ar &" in new, new
    bad = new.replace("(ar &", "(~ar &")
    assert _verdict(tmp_path, TERNARY_SV, bad, "sh_t", "sv") == "NOT_EQUIVALENT", bad
