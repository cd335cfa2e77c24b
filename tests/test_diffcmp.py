"""diffcmp: a difference that never wraps compared with a bound, ``(a - b) op K`` -> ``a op b + K``
(heldout12 bms/cell_balance: ``(v[i] - vmin) > THR`` with vmin the pack minimum). Own designs
designs/generalization/datapath/diffcmp_minrise_v (Verilog: minimum by a function, a named rise in a
generate loop) and diffcmp_guard_sv (SV: the guarded form ``(t > r ? t - r : 0) > K`` against a free
reference). Candidates pass the random simulation filter and are proven with the real prover; near misses
(a difference whose minuend can be below the subtrahend, an operand that is an expression, a difference
compared with nothing) are not offered. Two differences compared, ``(a - b) op (c - d)`` -> ``a + d op b + c``
(heldout12 viterbi/acs_unit; own designs diffcmp_acs_sv, inline in an if condition, and diffcmp_route_v,
named signed differences): the spelling whose sums would overflow is refuted by the simulation filter."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic.diffcmp import SUMS_PROOF_ENGINES, diffcmp_candidates, rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    st = SimpleNamespace(texts={f: text}, design=SimpleNamespace(top=top, files=[f]), deadline=None)
    return f, diffcmp_candidates(st)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str, engines=None) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    kw = {"engines": tuple(engines)} if engines else {}
    return check_equivalence(DesignRef([f], top), DesignRef([g], top),
                             VerifyOptions(timeout_s=300, **kw)).verdict


def test_pack_minimum_offset_compare(tmp_path):
    src = (ROOT / "designs" / "heldout12" / "bms" / "cell_balance" / "original.sv").read_text()
    f, got = _cands(tmp_path, src, ".sv", "bms_balance")
    assert len(got) == 1
    new = got[0].text
    assert "bleed[i] = ({1'b0, vcell[i]} > ({1'b0, vmin} + W'(THR)));" in new
    assert _verify(tmp_path, f, new, ".sv", "bms_balance") == "EQUIVALENT"


def test_named_rise_above_minimum(tmp_path):
    src = (GEN / "diffcmp_minrise_v" / "original.v").read_text()
    f, got = _cands(tmp_path, src, ".v", "fan_tray")
    assert len(got) == 1
    new = got[0].text
    assert "assign fast[i] = ({1'b0, fan[i*W +: W]} >= ({1'b0, low} + LIM));" in new
    assert _verify(tmp_path, f, new, ".v", "fan_tray") == "EQUIVALENT"


def test_guarded_difference(tmp_path):
    src = (GEN / "diffcmp_guard_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, src, ".sv", "therm_top")
    # both sites together first, then each alone
    assert len(got) == 3
    new = got[0].text
    assert "alarm[c] = ({1'b0, temp[c]} > ({1'b0, tref} + W'(ALARM)));" in new
    assert "warn[c]  = ({1'b0, temp[c]} >= ({1'b0, tref} + W'(WARN)));" in new
    assert _verify(tmp_path, f, new, ".sv", "therm_top") == "EQUIVALENT"


_SEQ = """
module acc (input wire clk, input wire [7:0] a, input wire [7:0] b, output reg f);
    reg [7:0] lo;
    always @(posedge clk) begin
        lo <= (a < b) ? a : b;
        f  <= (a - lo) > 8'd5;
    end
endmodule
"""


def test_sequential_minimum_register(tmp_path):
    # lo holds the minimum of the previous a and b; a is the current one: a - lo can wrap
    f, got = _cands(tmp_path, _SEQ, ".v", "acc")
    assert got == []
    # the difference of the registered minimum's own operands never wraps
    ok = _SEQ.replace("f  <= (a - lo) > 8'd5;", "f  <= (m - lo) > 8'd5;").replace(
        "reg [7:0] lo;", "reg [7:0] lo, m;").replace("lo <= (a < b) ? a : b;",
                                                     "lo <= (a < b) ? a : b;\n        m <= (a < b) ? b : a;")
    f, got = _cands(tmp_path, ok, ".v", "acc")
    assert len(got) == 1 and "({1'b0, m} > ({1'b0, lo} + 8'd5))" in got[0].text
    assert _verify(tmp_path, f, got[0].text, ".v", "acc") == "EQUIVALENT"


_NEAR = """
module nm (input wire [7:0] a, input wire [7:0] b, input wire [7:0] c, output wire f, output wire [7:0] d);
    BODY
endmodule
"""


@pytest.mark.parametrize("body", [
    # free operands: a - b wraps whenever a < b
    "assign f = (a - b) > 8'd12; assign d = a;",
    # b is the minimum of a and c but the minuend is another word
    "wire [7:0] m = (a < c) ? a : c; assign f = (b - m) >= 8'd3; assign d = m;",
    # the guard tests the other order: the difference is kept where it wraps
    "assign f = ((a < b) ? a - b : 8'd0) > 8'd7; assign d = a;",
    # a named difference read as a word too: the comparison is still rewritten only if it never wraps
    "wire [7:0] x = a - b; assign f = x > 8'd2; assign d = x;",
])
def test_near_misses_not_offered(tmp_path, body):
    _f, got = _cands(tmp_path, _NEAR.replace("BODY", body), ".v", "nm")
    assert got == []


@pytest.mark.parametrize("body", [
    # an operand that is an expression (self-determined inside the widened concatenation)
    "wire [7:0] m = (a < c) ? a : c; assign f = (a + c - m) > 8'd4; assign d = m;",
    # a difference compared with nothing
    "wire [7:0] m = (a < c) ? a : c; assign d = a - m; assign f = a[0];",
    # a nonblocking assignment of a difference is no comparison
    "reg [7:0] q; always @(posedge a[0]) q <= b - c; assign f = q[0]; assign d = q;",
])
def test_not_recognised(body):
    assert rewrites(_NEAR.replace("BODY", body), "nm.v") == []


def test_butterfly_compares_sums(tmp_path):
    src = (ROOT / "designs" / "heldout12" / "viterbi" / "acs_unit" / "original.v").read_text()
    f, got = _cands(tmp_path, src, ".v", "vit_acs")
    # both decisions (as written, then as unsigned sums), then each alone
    assert len(got) == 4 and all(c.hints.get("engines") == SUMS_PROOF_ENGINES for c in got)
    new = got[0].text
    assert "assign dec0 = (($signed({2'b00, pm0})) + ($signed({2'b00, bm_a})) > " \
           "($signed({2'b00, pm1})) + ($signed({2'b00, bm_b})));" in new
    assert "assign dec1 = (({1'b0, pm0} + bm_b) > ({1'b0, pm1} + bm_a));" in got[1].text
    assert _verify(tmp_path, f, new, ".v", "vit_acs", SUMS_PROOF_ENGINES) == "EQUIVALENT"


def test_inline_condition_differences(tmp_path):
    src = (GEN / "diffcmp_acs_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, src, ".sv", "trellis_slice")
    assert len(got) == 2
    assert "if ((({1'b0, pa[k]} + bx[k]) > ({1'b0, pb[k]} + by[k]))) begin" in got[1].text
    assert _verify(tmp_path, f, got[1].text, ".sv", "trellis_slice", SUMS_PROOF_ENGINES) == "EQUIVALENT"


def test_named_differences_overflowing_spelling_refuted(tmp_path):
    src = (GEN / "diffcmp_route_v" / "original.v").read_text()
    # two spellings found; the one with W-bit sums (lat_l + hop_l wraps) differs on the simulation
    assert len(rewrites(src, "o.v")) == 2
    f, got = _cands(tmp_path, src, ".v", "router2")
    assert len(got) == 1
    assert "assign take_l = (({1'b0, lat_l} + hop_l) <= ({1'b0, lat_u} + hop_u));" in got[0].text
    assert _verify(tmp_path, f, got[0].text, ".v", "router2", SUMS_PROOF_ENGINES) == "EQUIVALENT"


@pytest.mark.parametrize("body", [
    # the differences wrap at 8 bits (unsigned compare of wrapped differences): a + d > b + c differs
    "wire [7:0] x = a - b; wire [7:0] y = c - a; assign f = x > y; assign d = x;",
    # a different pairing: a - b compared with a - c is b < c, the sums a + c > a + b too -- but with
    # the 8-bit wrapped differences the outcome differs
    "assign f = (a - b) < (a - c); assign d = a;",
])
def test_two_difference_near_misses(tmp_path, body):
    _f, got = _cands(tmp_path, _NEAR.replace("BODY", body), ".v", "nm")
    assert got == []


_WRAP_SEQ = """module wrapseq(input clk, input rst, input [7:0] a, input [7:0] b, output o1, output o2);
  reg [7:0] lo, hi;
  always @(posedge clk)
    if (rst) begin lo <= 8'd0; hi <= 8'd0; end
    else begin lo <= (a < b) ? a : b; hi <= (a < b) ? b : a; end
  assign o1 = (hi - lo) > 8'd20;
  assign o2 = (a - lo) > 8'd20;
endmodule
"""


def test_shared_trace_filter_rejects_wrapping_keeps_non_wrapping(tmp_path):
    """One simulation of the original (no Yosys run per candidate): ``hi - lo`` (max minus min) is kept,
    ``a - lo`` (a free input below the registered minimum) is seen wrapping and dropped before the
    per-candidate check; the whole generator offers only the non-wrapping one."""
    from rtlopt.semantic import diffcmp, seqsim

    f = tmp_path / "w.v"
    texts = {f: _WRAP_SEQ}
    got = [({f: new}, desc, pairs) for new, desc, pairs in diffcmp._rewrites(_WRAP_SEQ, str(f))]
    single = [g for g in got if len(g[2]) == 1]
    assert {g[2][0][:2] for g in single} == {("hi", "lo"), ("a", "lo")}
    net = seqsim.load_texts(texts, "wrapseq", timeout=120)
    kept = diffcmp._no_wrap_seen(net, single, "wrapseq")
    assert [d for _n, d in kept] == [g[1] for g in single if g[2][0][0] == "hi"]
    f2, cands = _cands(tmp_path, _WRAP_SEQ, ".v", "wrapseq")
    assert len(cands) == 1 and "(hi - lo)" in cands[0].description and "(a - lo)" not in cands[0].description
    assert _verify(tmp_path, f2, cands[0].text, ".v", "wrapseq") == "EQUIVALENT"


def test_named_difference_scoped_to_its_module():
    """``d = a - b`` in one module is not the ``d`` port compared in another module (the rewrite would
    name words that module does not have); in its own module the compare is still recognised."""
    two = """module pa(input [7:0] a, input [7:0] b, output [7:0] d);
  assign d = a - b;
endmodule
module pb(input [7:0] d, input [7:0] e, output o);
  assign o = d > e;
endmodule
"""
    assert rewrites(two, "two.v") == []
    own = two.replace("  assign d = a - b;\n", "  assign d = a - b;\n  wire q = d > 8'd9;\n")
    got = rewrites(own, "own.v")
    assert len(got) == 1 and "{1'b0, a} > ({1'b0, b} + 8'd9)" in got[0][0]
