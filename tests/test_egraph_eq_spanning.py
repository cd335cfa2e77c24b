"""E-graph: an AND of equalities over a set of values keeps a spanning forest (equality is transitive),
the dual OR of inequalities likewise (rtlopt/egraph/eqchain.py); the original is priced as written
(``written_cost``: the shortened AND is a prefix of the written chain, so after saturation the chain's
class holds the prefix and the class-wise price of the original equalled the rewrite's); a packed net whose
bits a generate loop writes (assigns or compare instances) is read as the concatenation of those bits.
Near misses: a pair set without a redundant edge keeps every compare, a set of two components keeps the
edge of the other component, an OR of equalities is not transitive and keeps all compares."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from tests.test_egraph_inst_read import _proven

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "eq_spanning"


def _rewrite(text: str, module: str, name: str) -> tuple[str, dict] | None:
    got = [(t, i) for m, t, i in optimize_text(text, name, budget_s=60) if m == module]
    return got[0] if got else None


def _body(text: str, module: str) -> str:
    s = text[text.index(f"module {module}"):]
    return s[:s.index("endmodule")]


def _cmps(text: str, module: str, op: str = "==") -> int:
    return len(re.findall(re.escape(op), _body(text, module)))


CHAIN_V = """module allsame(input [5:0] a, input [5:0] b, input [5:0] c, input [5:0] d, input en, output y);
  assign y = en & (a == b) & (a == c) & (a == d) & (b == c) & (b == d) & (c == d);
endmodule
"""

# the same check spelled as a logical AND in a combinational block, pairs in another order
CHAIN_SV = """module allsame(input logic [5:0] a, b, c, d, input logic en, output logic y);
  always_comb begin
    y = (c == d) && (b == d) && en;
    y = y && (a == d) && (b == c) && (a == b) && (c == a);
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text,sfx", [(CHAIN_V, ".v"), (CHAIN_SV, ".sv")], ids=["assign_chain", "comb_logical_and"])
def test_chain_keeps_a_spanning_tree_and_is_proven(tmp_path: Path, text: str, sfx: str):
    got = _rewrite(text, "allsame", "t" + sfx)
    assert got is not None, "no rewrite"
    new, info = got
    # the original is priced as written (6 compares), not as the prefix its class holds after saturation
    assert info["model_before"] > 1.5 * info["model_after"], info
    assert _cmps(new, "allsame") == 3, new
    assert _proven(tmp_path, text, new, sfx, "allsame") == "EQUIVALENT"


@pytest.mark.yosys
def test_two_components_keep_the_other_edge(tmp_path: Path):
    text = """module two(input [3:0] a, b, c, d, e, output y);
  assign y = (a == b) & (b == c) & (a == c) & (d == e);
endmodule
"""
    got = _rewrite(text, "two", "t.v")
    assert got is not None
    new, _info = got
    assert _cmps(new, "two") == 3 and re.search(r"\b[de] == [de]\b", _body(new, "two")), new
    assert _proven(tmp_path, text, new, ".v", "two") == "EQUIVALENT"


@pytest.mark.parametrize("text", [
    # a forest already: nothing implied
    """module f(input [3:0] a, b, c, d, e, output y);
  assign y = (a == b) & (c == d) & (b == e) & (d == a);
endmodule
""",
    # OR of equalities: not transitive
    """module f(input [3:0] a, b, c, output y);
  assign y = (a == b) | (b == c) | (a == c);
endmodule
""",
], ids=["spanning_forest_already", "or_of_equalities"])
def test_near_misses_keep_every_compare(text: str):
    got = _rewrite(text, "f", "t.v")
    assert got is None or _cmps(got[0], "f") == _cmps(text, "f"), got


@pytest.mark.yosys
@pytest.mark.parametrize("fname,module,op,keep", [
    ("v_generate_bits.v", "chan_agree", "==", 4),
    ("sv_child_mismatch.sv", "voter_alarm", "!=", 4),
], ids=["v_generate_assign_bits", "sv_generate_child_ne"])
def test_own_designs_generate_bits(tmp_path: Path, fname: str, module: str, op: str, keep: int):
    p = GEN / fname
    text = p.read_text()
    got = _rewrite(text, module, fname)
    assert got is not None, "the packed net written by the generate loop is not read"
    new, _info = got
    body = _body(new, module)
    # the rewritten expression compares each value with one other: a spanning tree, no packed net read
    last = [ln for ln in body.splitlines() if op in ln and ("alarm =" in ln or "agree <=" in ln)]
    assert last and sum(ln.count(op) for ln in last) == keep, new
    assert _proven(tmp_path, text, new, p.suffix, module) == "EQUIVALENT"
