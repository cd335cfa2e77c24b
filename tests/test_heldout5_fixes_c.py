"""heldout5 fixes (c): instance-level resource sharing (rtlopt.semantic.instmux): two instances of one
module whose results are read under exclusive selections become one instance with muxed inputs.
Real pyslang/Yosys; negatives (no offer, and an offer the proof must reject) included."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.instmux import instmux_edits

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"
H5 = ROOT / "designs" / "heldout5"

CHILD = """module f(input [7:0] x, input [7:0] k, output [7:0] y);
  assign y = {x[6:0], x[7]} ^ (x + k);
endmodule
"""


def _offers(text: str, name: str = "t.v") -> list[tuple[str, str]]:
    p = Path(name)
    return [(nt[p], d) for nt, d in instmux_edits({p: text})]


def _top(body: str) -> str:
    return CHILD + "module t(input s, input [7:0] a, b, k, output [7:0] q, output [7:0] z);\n" \
        "  wire [7:0] ya, yb;\n  f ua (.x(a), .k(k), .y(ya));\n  f ub (.x(b), .k(k), .y(yb));\n" + body + "endmodule\n"


@pytest.mark.parametrize("case", ["inst_mux_ifelse/original.v", "inst_mux_ordered/original.v",
                                  "inst_mux_param_ff/original.sv"])
def test_restyles_offered(case):
    p = GEN / case
    if not p.exists():
        pytest.skip("case missing")
    got = _offers(p.read_text(), p.name)
    assert len(got) == 1, got
    new = got[0][0]
    assert new.count("assign ") == p.read_text().count("assign ") + 1  # the dropped instance's result copied
    assert " ? (" in new


def test_feistel_one_f_instance():
    p = H5 / "crypto" / "feistel_encdec" / "original.v"
    if not p.exists():
        pytest.skip("heldout5 missing")
    (new, desc), = _offers(p.read_text())
    assert "(decrypt) ? (l) : (r)" in new and "assign f_dec = f_enc;" in new, desc
    assert new.count("feistel_f u_") == 1


NEG = {
    # both results read together: nothing exclusive
    "xor_both": "  assign q = ya ^ yb;\n  assign z = 0;\n",
    # the selection's arms each read both results
    "mixed_arms": "  assign q = s ? ya + yb : ya - yb;\n  assign z = 0;\n",
    # the selection reads neither result
    "unrelated": "  assign q = s ? a : b;\n  assign z = ya & yb;\n",
}


@pytest.mark.parametrize("name", sorted(NEG))
def test_not_offered(name):
    assert _offers(_top(NEG[name])) == []


def test_different_parameters_not_offered():
    text = """module g #(parameter W = 8) (input [W-1:0] x, output [W-1:0] y);
  assign y = x + 1'b1;
endmodule
module t(input s, input [7:0] a, b, output [7:0] q);
  wire [7:0] ya, yb;
  g #(.W(8)) ua (.x(a), .y(ya));
  g #(.W(7)) ub (.x(b), .y(yb));
  assign q = s ? yb : ya;
endmodule
"""
    assert _offers(text) == []


def _prove(tmp_path: Path, old: str, new: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.v").write_text(old)
    (tmp_path / "gate" / "t.v").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.v", top="t"),
                          open_design(tmp_path / "gate" / "t.v", top="t"), VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
def test_exclusive_rewrite_is_proven(tmp_path: Path):
    old = _top("  wire [7:0] hb = ~yb;\n  assign q = s ? hb : ya;\n  assign z = 0;\n")
    (new, _d), = _offers(old)
    assert "(s) ? (b) : (a)" in new
    assert _prove(tmp_path, old, new) == "EQUIVALENT", new


@pytest.mark.yosys
def test_not_exclusive_rewrite_is_rejected(tmp_path: Path):
    # the selection looks exclusive but ya is also an output: the shared instance changes z when s = 1
    old = _top("  assign q = s ? yb : ya;\n  assign z = ya;\n")
    (new, _d), = _offers(old)
    assert _prove(tmp_path, old, new) == "NOT_EQUIVALENT", new


# ---- opposite_shift_pair: x << (e - K) / x >> (K - e) -> one left shift of the widened x and a slice

DP = ROOT / "designs" / "generalization" / "datapath"


def _shiftpair(text: str) -> list:
    from rtlopt.templates import REGISTRY

    return REGISTRY["opposite_shift_pair"].match(text)


@pytest.mark.parametrize("case", ["oppshift_assign", "oppshift_function"])
def test_oppshift_restyles_offered(case):
    p = DP / case / "original.v"
    if not p.exists():
        pytest.skip("case missing")
    ms = _shiftpair(p.read_text())
    assert len(ms) == 1, ms
    (ed,) = ms[0].edits
    assert "<<" in ed.replacement and ">>" in ed.replacement and " - " not in ed.replacement


def test_fp8_to_int_one_shift():
    p = H5 / "fp" / "fp8_to_int" / "original.v"
    if not p.exists():
        pytest.skip("heldout5 missing")
    (m,) = _shiftpair(p.read_text())
    assert m.edits[0].replacement == "mag = ({6'd0, {8'd0, m}} << e) >> 6;"


SHIFT_NEG = {
    "signed": "module n(input signed [7:0] x, input [3:0] e, output signed [11:0] y);\n"
              "  assign y = (e >= 4'd4) ? x << (e - 4'd4) : x >>> (4'd4 - e);\nendmodule\n",
    "two_constants": "module n(input [7:0] x, input [3:0] e, output [11:0] y);\n"
                     "  assign y = (e >= 4'd4) ? x << (e - 4'd4) : x >> (4'd5 - e);\nendmodule\n",
    "two_operands": "module n(input [7:0] x, z, input [3:0] e, output [11:0] y);\n"
                    "  assign y = (e >= 4'd4) ? x << (e - 4'd4) : z >> (4'd4 - e);\nendmodule\n",
    "two_amounts": "module n(input [7:0] x, input [3:0] e, f, output [11:0] y);\n"
                   "  assign y = (e >= 4'd4) ? x << (e - 4'd4) : x >> (4'd4 - f);\nendmodule\n",
    "same_direction": "module n(input [7:0] x, input [3:0] e, output [11:0] y);\n"
                      "  assign y = (e >= 4'd4) ? x << (e - 4'd4) : x << (4'd4 - e);\nendmodule\n",
}


@pytest.mark.parametrize("name", sorted(SHIFT_NEG))
def test_oppshift_not_offered(name):
    assert _shiftpair(SHIFT_NEG[name]) == []


@pytest.mark.yosys
def test_oppshift_rewrite_is_proven(tmp_path: Path):
    from rtlopt.hdl.edit import apply_edits

    old = ("module t(input [7:0] x, input [3:0] e, output [11:0] y);\n"
           "  assign y = (e >= 4'd5) ? {4'd0, x} << (e - 4'd5) : {4'd0, x} >> (4'd5 - e);\nendmodule\n")
    (m,) = _shiftpair(old)
    new = apply_edits(old, list(m.edits))
    assert _prove(tmp_path, old, new) == "EQUIVALENT", new


# ---- shift_round_bit: x >> s and (s == 0) ? 0 : x[s - 1] -> one {x, 1'b0} >> s


def _roundbit(text: str) -> list:
    from rtlopt.templates import REGISTRY

    return REGISTRY["shift_round_bit"].match(text)


@pytest.mark.parametrize("case", ["rndshift_assign", "rndshift_always"])
def test_roundbit_restyles_offered(case):
    p = DP / case / "original.v"
    if not p.exists():
        pytest.skip("case missing")
    (m,) = _roundbit(p.read_text())
    assert any(e.replacement.endswith("[0]") for e in m.edits)


def test_shift_round_share_one_shift():
    p = H5 / "fixpt" / "shift_round_share" / "original.sv"
    if not p.exists():
        pytest.skip("heldout5 missing")
    (m,) = _roundbit(p.read_text())
    assert any("$signed({x, 1'b0}) >>> sh" in e.replacement for e in m.edits)


ROUND_NEG = {
    # the bit is not the last one shifted out (x[s], not x[s - 1])
    "wrong_bit": "module n(input [15:0] x, input [3:0] s, output [15:0] y);\n"
                 "  assign y = (x >> s) + ((s == 4'd0) ? 1'b0 : x[s]);\nendmodule\n",
    # another amount
    "two_amounts": "module n(input [15:0] x, input [3:0] s, t, output [15:0] y);\n"
                   "  assign y = (x >> s) + ((t == 4'd0) ? 1'b0 : x[t - 4'd1]);\nendmodule\n",
    # another operand
    "two_operands": "module n(input [15:0] x, z, input [3:0] s, output [15:0] y);\n"
                    "  assign y = (x >> s) + ((s == 4'd0) ? 1'b0 : z[s - 4'd1]);\nendmodule\n",
    # the guard gives 1 at s == 0
    "guard_one": "module n(input [15:0] x, input [3:0] s, output [15:0] y);\n"
                 "  assign y = (x >> s) + ((s == 4'd0) ? 1'b1 : x[s - 4'd1]);\nendmodule\n",
}


@pytest.mark.parametrize("name", sorted(ROUND_NEG))
def test_roundbit_not_offered(name):
    assert _roundbit(ROUND_NEG[name]) == []


@pytest.mark.yosys
def test_roundbit_rewrite_is_proven(tmp_path: Path):
    from rtlopt.hdl.edit import apply_edits

    # x >>> s in the unsigned sum (1'b0 is unsigned) is a logical shift: the rewrite must keep that
    old = ("module t(input signed [15:0] x, input [3:0] s, output signed [15:0] y, output signed [15:0] z);\n"
           "  assign y = (x >>> s) + ((s != 4'd0) ? x[s - 4'd1] : 1'b0);\n"
           "  wire signed [15:0] q = x >>> s;\n  wire r = (s == 4'd0) ? 1'b0 : x[s - 4'd1];\n"
           "  assign z = q + $signed({15'd0, r});\nendmodule\n")
    ms = _roundbit(old)
    assert len(ms) == 4  # every shift with every bit of the same x and s
    for i, m in enumerate(ms):
        new = apply_edits(old, list(m.edits))
        (tmp_path / str(i)).mkdir()
        assert _prove(tmp_path / str(i), old, new) == "EQUIVALENT", new


# ---- rotnorm: a normalized word with its leading one shifted out too (a float's hidden bit dropped)


def test_normalize_with_dropped_leading_one_is_recognised():
    import numpy as np

    from rtlopt.semantic.algos import helpers_for
    from rtlopt.semantic.lift import Operand
    from rtlopt.semantic.rotnorm import _highest, match_normalize

    rng = np.random.default_rng(5)
    v = rng.integers(0, 1 << 10, 2048, dtype=np.uint64)
    d = Operand("m", "m", 10, v, False, True)
    m = np.uint64(1023)
    nz = v != 0
    norm = np.where(nz, (v << (np.uint64(9) - _highest(v, 10))) & m, np.uint64(0))
    res = match_normalize((norm << np.uint64(1)) & m, 10, [d])
    assert [r[0] for r in res] == ["normalize_left_drop"]
    assert res[0][2][0].endswith("[8:0], 1'd0}") and "_z3 = ~|" in helpers_for(res[0][2][0])
    # shifted by the count minus one: no normalizer
    assert match_normalize(np.where(nz, (v << (np.uint64(8) - _highest(v, 10))) & m, np.uint64(0)), 10, [d]) \
        == [] or match_normalize(np.where(nz, (v << (np.uint64(8) - _highest(v, 10))) & m, np.uint64(0)),
                                 10, [d])[0][0] != "normalize_left_drop"


# ---- carry_in_select: c ? x + K + 1 : x + K -> x + K + c


def _carryin(text: str) -> list:
    from rtlopt.templates import REGISTRY

    return REGISTRY["carry_in_select"].match(text)


@pytest.mark.parametrize("case", ["carryin_assign", "carryin_wires"])
def test_carryin_restyles_offered(case):
    p = DP / case / "original.v"
    if not p.exists():
        pytest.skip("case missing")
    (m,) = _carryin(p.read_text())
    assert "1'b1 : 1'b0" in m.edits[0].replacement


def test_fp8_mul_exp_one_adder():
    p = H5 / "fp" / "fp8_mul_exp" / "original.v"
    if not p.exists():
        pytest.skip("heldout5 missing")
    (m,) = _carryin(p.read_text())
    assert "- 7'sd7) + $signed({1'b0, (norm ? 1'b1 : 1'b0)})" in m.edits[0].replacement


CIN_NEG = {
    "differ_by_two": "module n(input [7:0] a, b, input c, output [7:0] y);\n"
                     "  assign y = c ? a + b + 8'd3 : a + b + 8'd1;\nendmodule\n",
    "two_bases": "module n(input [7:0] a, b, input c, output [7:0] y);\n"
                 "  assign y = c ? a + 8'd2 : b + 8'd1;\nendmodule\n",
    # the wire truncates its sum: not the selection's width
    "narrow_wire": "module n(input [7:0] a, input c, output [8:0] y);\n  wire [7:0] h = a + 8'd2;\n"
                   "  wire [7:0] l = a + 8'd1;\n  assign y = c ? h : l;\nendmodule\n",
}


@pytest.mark.parametrize("name", sorted(CIN_NEG))
def test_carryin_not_offered(name):
    assert _carryin(CIN_NEG[name]) == []


@pytest.mark.yosys
def test_carryin_rewrite_is_proven(tmp_path: Path):
    from rtlopt.hdl.edit import apply_edits

    old = ("module t(input signed [7:0] a, b, input c, output y);\n"
           "  wire signed [7:0] h = a - b - 8'sd2;\n  wire signed [7:0] l = a - b - 8'sd3;\n"
           "  assign y = (c ? l : h) < 8'sd0;\nendmodule\n")
    (m,) = _carryin(old)
    new = apply_edits(old, list(m.edits))
    assert "1'b0 : 1'b1" in new
    assert _prove(tmp_path, old, new) == "EQUIVALENT", new
