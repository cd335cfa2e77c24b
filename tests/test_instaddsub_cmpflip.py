"""Resource sharing of mutually exclusive operations (heldout10 dsp/sat_addsub, sort/bitonic4_dir):

* two instances of DIFFERENT modules, one body up to ``+``/``-`` sites, whose results are used under
  an exclusive selection, become one instance of a changed copy (``x + (sel ? ~y : y) + sel``)
  (rtlopt.semantic.instaddsub through rtlopt.semantic.instmux);
* a direction-selected comparison ``c ? (x > y) : (x < y)`` (a ternary, nested ternaries with equal
  arms, nested if/else with equal arms) becomes ``(x > y) ^ ~c``: exact only when a decision on equal
  operands does not matter, which the proof decides (a near-miss where it matters is offered and the
  proof rejects it).

Real pyslang and Yosys/SAT proofs; near-misses that must not be offered."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rtlopt.semantic.cmpflip import cmpflip_edits
from rtlopt.semantic.instmux import instmux_edits

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _offers(fn, text: str, name: str = "t.v") -> list[tuple[str, str]]:
    p = Path(name)
    return [(nt[p], d) for nt, d in fn({p: text})]


def _equivalent(tmp_path: Path, src: str, text: str, top: str, suffix: str = ".v") -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / f"orig{suffix}"
    f.write_text(src)
    g = tmp_path / f"cand{suffix}"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


LEAF = """module {name} (input [7:0] p, input [7:0] q, output [7:0] r, output z);
  wire [8:0] {t} = p {op} q;
  assign r = {t}[7:0];
  assign z = {zero};
endmodule
"""


def _twin_top(add_zero: str = "~|t[7:0]", sub_zero: str = "~|d[7:0]", op_b: str = "-",
              use: str = "  always @(posedge clk) begin q <= m ? rb : ra; f <= m ? zb : za; end\n") -> str:
    return (LEAF.format(name="m_add", t="t", op="+", zero=add_zero)
            + LEAF.format(name="m_sub", t="d", op=op_b, zero=sub_zero)
            + "module top(input clk, input m, input [7:0] a, b, output reg [7:0] q, output reg f);\n"
              "  wire [7:0] ra, rb; wire za, zb;\n"
              "  m_add ua (.p(a), .q(b), .r(ra), .z(za));\n  m_sub ub (.p(a), .q(b), .r(rb), .z(zb));\n"
            + use + "endmodule\n")


@pytest.mark.yosys
@pytest.mark.parametrize("case,top", [("inst_addsub_twin_v/original.v", "offset_stage"),
                                      ("inst_addsub_twin_sv/original.sv", "gain_trim")])
def test_twin_instances_offered_and_proven(tmp_path, case, top):
    p = GEN / case
    src = p.read_text()
    got = _offers(instmux_edits, src, p.name)
    assert len(got) == 1, got
    new, desc = got[0]
    assert "add/subtract" in desc
    # one instance left (of the changed copy), the other's results copied from it
    assert new.count("_rtlopt_i") == 2 and "rtlopt_sel" in new
    assert _equivalent(tmp_path, src, new, top, p.suffix)


@pytest.mark.yosys
def test_twin_inline_leaf_proven(tmp_path):
    src = _twin_top()
    got = _offers(instmux_edits, src)
    assert len(got) == 1
    assert _equivalent(tmp_path, src, got[0][0], "top")


def test_twin_bodies_differing_beyond_the_operator_not_offered():
    # the subtractor's zero flag reads one bit fewer: not one body
    assert _offers(instmux_edits, _twin_top(sub_zero="~|d[6:0]")) == []
    # a multiplier is not an adder's twin
    assert _offers(instmux_edits, _twin_top(op_b="*")) == []


def test_twin_results_used_together_not_offered():
    use = "  always @(posedge clk) begin q <= ra ^ rb; f <= za & zb; end\n"
    assert _offers(instmux_edits, _twin_top(use=use)) == []


def test_twin_port_names_must_match():
    src = _twin_top().replace("module m_sub (input [7:0] p,", "module m_sub (input [7:0] pp,") \
        .replace("wire [8:0] d = p - q;", "wire [8:0] d = pp - q;")
    assert _offers(instmux_edits, src) == []


# ---------------------------------------------------------------------------------------------------
# direction-selected comparisons

@pytest.mark.yosys
@pytest.mark.parametrize("case,top,sites", [("cmpflip_swap_reg_v/original.v", "order_pair_reg", 2),
                                            ("cmpflip_minmax_sv/original.sv", "extreme3_top", 2)])
def test_cmpflip_designs_offered_and_proven(tmp_path, case, top, sites):
    p = GEN / case
    src = p.read_text()
    got = _offers(cmpflip_edits, src, p.name)
    assert got and got[0][1].startswith(f"{sites} direction-selected")
    new = got[0][0]
    assert new.count("^ ~") == sites
    gone = ["(a <= b)", "ab <= c"] if p.suffix == ".sv" else ["(y0 < x0)", "(y1 < x1)"]
    assert not any(g in new for g in gone), new
    assert _equivalent(tmp_path, src, new, top, p.suffix)


CELL = """module cx(input up, input [5:0] a, input [5:0] b, output reg [5:0] lo, output reg [5:0] hi);
  always @* begin
    if (up) begin
      if ({p}) begin lo = b; hi = a; end
      else begin lo = a; hi = b; end
    end else begin
      if ({q}) begin {t} end
      else begin {e} end
    end
  end
endmodule
"""


def _cell(p="a > b", q="a < b", t="lo = b; hi = a;", e="lo = a; hi = b;") -> str:
    return CELL.format(p=p, q=q, t=t, e=e)


@pytest.mark.yosys
def test_cmpflip_if_else_cell_proven(tmp_path):
    src = _cell()
    got = _offers(cmpflip_edits, src)
    assert len(got) == 1
    new = got[0][0]
    assert "a < b" not in new and "^ ~up" in new
    assert _equivalent(tmp_path, src, new, "cx")
    # the inner arms written the other way round (b < a: same outcomes as a > b, arms swapped)
    src2 = _cell(q="b > a", t="lo = a; hi = b;", e="lo = b; hi = a;")
    # Q* = !(b > a) = a >= b and P = a > b agree on a < b: not a direction flip, not offered
    assert _offers(cmpflip_edits, src2) == []


def test_cmpflip_near_misses_not_offered():
    assert _offers(cmpflip_edits, _cell(q="a < c".replace("c", "b[4:0]"))) == []  # other operands
    assert _offers(cmpflip_edits, _cell(q="a > b")) == []  # same direction in both arms
    assert _offers(cmpflip_edits, _cell(e="lo = a; hi = a;")) == []  # arms differ between directions
    src = "module m(input s, input [3:0] a, b, output y); assign y = s ? (a > b) : (a == b); endmodule\n"
    assert _offers(cmpflip_edits, src) == []


@pytest.mark.yosys
def test_cmpflip_tie_that_matters_rejected_by_the_proof(tmp_path):
    # the decision itself is an output: on equal operands the flip changes it, the proof must say so
    src = textwrap.dedent("""
    module flag(input up, input [4:0] a, input [4:0] b, output f);
      assign f = up ? (a > b) : (a < b);
    endmodule
    """).lstrip()
    got = _offers(cmpflip_edits, src)
    assert len(got) == 1
    assert not _equivalent(tmp_path, src, got[0][0], "flag")
