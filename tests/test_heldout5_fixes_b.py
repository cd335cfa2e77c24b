"""heldout5 fixes (b): shift round-trip sticky bit as a mask (shift_roundtrip_sticky), aligned power-of-two
range tests as one masked equality (aligned_range_to_equality), and wide parameter values readable for
pinning a rewrite of a parameterized module (engine.modproof). Real pyslang/Yosys; negatives included."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization"

STICKY_WIRE = """module s(input [23:0] m, input [4:0] sh, output [23:0] q, output st);
  assign q  = m >> sh;
  assign st = ((q << sh) != m);
endmodule
"""

STICKY_ALWAYS = """module s(input [15:0] m, input [3:0] d, output reg [15:0] q, output reg ex);
  reg [15:0] back;
  always @* begin
    q = m >> d;
    back = q << d;
    ex = m == back;
  end
endmodule
"""

STICKY_NEG = {
    # the wire drops the top bits of m >> s: not the same test
    "narrow_wire": "module n(input [15:0] m, input [3:0] s, output st);\n  wire [7:0] q = m >> s;\n"
                   "  assign st = (q << s) != m;\nendmodule\n",
    # different shift amounts
    "two_amounts": "module n(input [15:0] m, input [3:0] s, t, output st);\n"
                   "  assign st = ((m >> s) << t) != m;\nendmodule\n",
    # compared with another value
    "other_value": "module n(input [15:0] m, k, input [3:0] s, output st);\n"
                   "  assign st = ((m >> s) << s) != k;\nendmodule\n",
}

RANGE = """module r(input [15:0] a, input v, output x, output y, output z);
  assign x = v && (a >= 16'h4000) && (a < 16'h5000);
  assign y = (16'h0800 <= a) && (a <= 16'h0fff);
  assign z = (a > 16'h1fff) & (a < 16'h2100);
endmodule
"""

RANGE_NEG = {
    "not_aligned": "module n(input [15:0] a, output x);\n  assign x = (a >= 16'h4100) && (a < 16'h5100);\nendmodule\n",
    "not_pow2": "module n(input [15:0] a, output x);\n  assign x = (a >= 16'h4000) && (a < 16'h7000);\nendmodule\n",
    "two_values": "module n(input [15:0] a, b, output x);\n  assign x = (a >= 16'h4000) && (b < 16'h5000);\nendmodule\n",
    "signed": "module n(input signed [15:0] a, output x);\n  assign x = (a >= 16'sh0000) && (a < 16'sh1000);\n"
              "endmodule\n",
}


def _reps(tid: str, text: str) -> list[str]:
    return [e.replacement for m in REGISTRY[tid].match(text) for e in m.edits]


def test_sticky_through_wire_and_always():
    assert _reps("shift_roundtrip_sticky", STICKY_WIRE) == ["|(m & ~({24{1'b1}} << sh))"]
    assert _reps("shift_roundtrip_sticky", STICKY_ALWAYS) == ["~|(m & ~({16{1'b1}} << d))"]


@pytest.mark.parametrize("name", sorted(STICKY_NEG))
def test_sticky_not_offered(name):
    assert _reps("shift_roundtrip_sticky", STICKY_NEG[name]) == []


def test_aligned_ranges_constant():
    reps = _reps("aligned_range_to_equality", RANGE)
    assert [r.strip("()") for r in reps] == ["a & 16'hf000) == 16'h4000", "a & 16'hf800) == 16'h800",
                                             "a & 16'hff00) == 16'h2000"], reps


@pytest.mark.parametrize("name", sorted(RANGE_NEG))
def test_aligned_range_not_offered(name):
    assert _reps("aligned_range_to_equality", RANGE_NEG[name]) == []


def _prove(tmp_path: Path, gold: str, gate: str, top: str | None = None) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(parents=True)
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / "t.sv").write_text(gold)
    (tmp_path / "gate" / "t.sv").write_text(gate)
    r = check_equivalence(open_design(tmp_path / "gold" / "t.sv", top=top),
                          open_design(tmp_path / "gate" / "t.sv", top=top), VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("text,tid", [(STICKY_ALWAYS, "shift_roundtrip_sticky"),
                                      (RANGE, "aligned_range_to_equality")])
def test_rewrites_are_proven(tmp_path: Path, text: str, tid: str):
    tmpl = REGISTRY[tid]
    new = tmpl.rewrite(text, tmpl.match(text))
    assert new and new != text
    assert _prove(tmp_path, text, new) == "EQUIVALENT", new


PARAM = """module dec #(parameter int N = 2, parameter logic [N*32-1:0] BASE = {32'h1000, 32'h0},
               parameter logic [N*32-1:0] SIZE = {N{32'h1000}})
  (input logic [31:0] a, output logic [N-1:0] hit);
  always_comb
    for (int i = 0; i < N; i++)
      hit[i] = (a >= BASE[32*i +: 32]) && (a < BASE[32*i +: 32] + SIZE[32*i +: 32]);
endmodule
module top(input logic [31:0] a, output logic [2:0] hit);
  dec #(.N(3), .BASE({32'h5001_0000, 32'h5000_4000, 32'h5000_0000}),
        .SIZE({32'h0001_0000, 32'h0000_4000, 32'h0000_1000})) u (.a(a), .hit(hit));
endmodule
"""


@pytest.mark.yosys
def test_parameter_indexed_bounds_pinned_and_proven(tmp_path: Path):
    """Bounds from a wide parameter indexed by a loop variable: offered symbolically, pinned to the
    192-bit parameter values (printed in full, not abbreviated) and proven."""
    from rtlopt.engine import parampin

    tmpl = REGISTRY["aligned_range_to_equality"]
    new = tmpl.rewrite(PARAM, tmpl.match(PARAM))
    assert new and "~(SIZE[32*i +: 32] - 1'b1)) == BASE[32*i +: 32]" in new
    d = open_design(_write(tmp_path / "cfg", PARAM), top="top")
    cfgs = parampin.design_configs(d.parsed, "top")
    assert cfgs and None not in cfgs["dec"], cfgs
    pinned = parampin.pin_text(PARAM, new, cfgs)
    assert pinned is not None and "96'h500100005000400050000000" in pinned
    assert _prove(tmp_path, PARAM, pinned, top="top") == "EQUIVALENT"
    # a non-aligned region at these parameters: the proof refuses the same symbolic rewrite
    bad = PARAM.replace("32'h5000_4000", "32'h5000_4100")
    bad_new = tmpl.rewrite(bad, tmpl.match(bad))
    assert _prove(tmp_path / "bad", bad, bad_new, top="top") != "EQUIVALENT"


def _write(d: Path, text: str) -> Path:
    d.mkdir(parents=True)
    p = d / "t.sv"
    p.write_text(text)
    return p


@pytest.mark.parametrize("case,tid", [
    ("datapath/sticky_roundtrip_always", "shift_roundtrip_sticky"),
    ("datapath/sticky_exact_assign", "shift_roundtrip_sticky"),
    ("ranges/aligned_region_localparam", "aligned_range_to_equality"),
    ("ranges/aligned_region_ifchain", "aligned_range_to_equality"),
    ("algorithms/argmin4_words_always", None),
    ("sharing/branch_clip_clocked", "branch_operand_mux"),
    ("sharing/branch_round_always", "branch_operand_mux"),
    ("sharing/complementary_smag_function", "complementary_selection"),
    ("sharing/complementary_pair_always", "complementary_selection"),
    ("algorithms/argmax3_signed_function", None),
])
def test_generalization_cases_fire(case: str, tid: str | None):
    from rtlopt.templates import analyze

    path = GEN / case / "original.v"
    if tid is None:  # word-level lifting: an argmax / argmin candidate
        from rtlopt.semantic import lifting_candidates

        class St:
            texts = {path: path.read_text()}
        assert any("argm" in c.description for c in lifting_candidates(St())), case
        return
    assert REGISTRY[tid].match(analyze(path.read_text(), str(path))), case


# ---- argmax / argmin over separate words (rtlopt.semantic.algos._arg_extreme_words) ----------------------
def _word(name: str, w: int, rng, n: int = 2048):
    import numpy as np

    from rtlopt.semantic.lift import Operand

    v = rng.integers(0, 1 << w, n, dtype=np.uint64)
    v[:300] &= np.uint64(3)  # ties occur
    return Operand(name, name, w, v, False, True, (), 0)


def test_argmax_of_separate_words_in_any_index_order():
    import numpy as np

    from rtlopt.semantic.algos import match_algorithms

    rng = np.random.default_rng(5)
    ops = [_word(f"r{i}", 8, rng) for i in range(4)] + [_word("en", 1, rng)]
    key = np.stack([o.value for o in ops[:4]]).astype(np.int64)
    perm = [2, 0, 3, 1]  # index k names word perm[k]
    hit = key[perm] == key.max(0)
    first = np.argmax(hit, axis=0).astype(np.uint64)
    kinds = [k for k, _u, _e in match_algorithms(first, 2, ops)]
    assert kinds == ["argmax_first"], kinds
    last_min = (3 - np.argmax((key[perm] == key.min(0))[::-1], axis=0)).astype(np.uint64)
    assert [k for k, _u, _e in match_algorithms(last_min, 2, ops)] == ["argmin_last"]
    # the index of the second largest word: no argmax
    second = np.argsort(key, axis=0, kind="stable")[-2].astype(np.uint64)
    assert not [k for k, _u, _e in match_algorithms(second, 2, ops) if k.startswith("arg")]


@pytest.mark.yosys
def test_argmax3_index_and_value_share_one_tree_and_are_proven(tmp_path: Path):
    from rtlopt.design import DesignRef
    from rtlopt.semantic import lifting_candidates
    from rtlopt.verify import check_equivalence

    f = tmp_path / "am.v"
    f.write_text("""module am(input [9:0] r0, r1, r2, output [1:0] best, output [9:0] v);
  assign best = (r0 >= r1 && r0 >= r2) ? 2'd0 : (r1 >= r2) ? 2'd1 : 2'd2;
  wire [9:0] m01 = (r0 > r1) ? r0 : r1;
  assign v = (m01 > r2) ? m01 : r2;
endmodule
""")

    class St:
        texts = {f: f.read_text()}
    cands = [c for c in lifting_candidates(St()) if "argmax_first" in c.description]
    assert cands, [c.description for c in lifting_candidates(St())]
    new = cands[0].text
    assert "_ix1" in new and "(r0 >= r1 && r0 >= r2)" not in new, new
    g = tmp_path / "am2.v"
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "am"), DesignRef([g], "am")).verdict == "EQUIVALENT"


# ---- complementary_selection ------------------------------------------------------------------------------
MINMAX_FN = """module mm(input [11:0] p, q, output [11:0] lo, hi);
  function smlt;
    input [11:0] x, y;
    begin
      if (x[11] != y[11]) smlt = x[11];
      else if (x[11])     smlt = x[10:0] > y[10:0];
      else                smlt = x[10:0] < y[10:0];
    end
  endfunction
  assign lo = smlt(p, q) ? p : q;
  assign hi = smlt(q, p) ? p : q;
endmodule
"""

# keys are not the values: a selection by unrelated controls, not offered
KEYED = """module kk(input [3:0] ka, kb, input [7:0] a, b, output [7:0] win, lose);
  assign win  = (ka > kb) ? a : b;
  assign lose = (kb > ka) ? a : b;
endmodule
"""

# decisions about the pair that are not complementary: offered, refused by the proof
NOT_COMPL = """module nc(input [7:0] a, b, output [7:0] win, lose);
  assign win  = (a > b) ? a : b;
  assign lose = (a != b) ? a : b;
endmodule
"""


def test_complementary_selection_offered():
    reps = _reps("complementary_selection", MINMAX_FN)
    assert reps == ["smlt(p, q) ? q : p"], reps
    assert _reps("complementary_selection", KEYED) == []
    # one selection only, or the same condition twice (CSE's business): nothing
    assert _reps("complementary_selection", "module o(input [7:0] a, b, output [7:0] y);\n"
                 "  assign y = (a < b) ? a : b;\nendmodule\n") == []
    assert _reps("complementary_selection", "module o(input [7:0] a, b, output [7:0] y, z);\n"
                 "  assign y = (a < b) ? a : b;\n  assign z = (a < b) ? b : a;\nendmodule\n") == []


# MixColumns xtime terms: selections between two constants by each byte's top bit are no pair decision
MIXCOL_XTIME = """module mx(input [7:0] a0, a1, a2, output [7:0] y0, y1, y2);
  wire t0 = a0 >> 7;
  wire t1 = a1 >> 7;
  assign y0 = {a0[6:0], 1'd0} ^ (t0 ? 8'd27 : 8'd0);
  assign y1 = {a1[6:0], 1'd0} ^ (t1 ? 8'd27 : 8'd0) ^ a2;
  assign y2 = {a2[6:0], 1'b0} ^ (a2[7] ? 8'h1b : 8'h00);
endmodule
"""


def test_complementary_selection_not_between_constants():
    assert _reps("complementary_selection", MIXCOL_XTIME) == []
    # a clamp against a constant still is a pair decision (the value and the bound)
    assert _reps("complementary_selection", "module c(input [7:0] a, output [7:0] lo, hi);\n"
                 "  assign lo = (a < 8'd9) ? a : 8'd9;\n  assign hi = (8'd9 < a) ? a : 8'd9;\nendmodule\n") \
        == ["(a < 8'd9) ? 8'd9 : a"]


@pytest.mark.yosys
def test_complementary_selection_proven_or_refused(tmp_path: Path):
    tmpl = REGISTRY["complementary_selection"]
    new = tmpl.rewrite(MINMAX_FN, tmpl.match(MINMAX_FN))
    assert _prove(tmp_path / "ok", MINMAX_FN, new) == "EQUIVALENT", new
    bad = tmpl.rewrite(NOT_COMPL, tmpl.match(NOT_COMPL))
    assert bad and _prove(tmp_path / "bad", NOT_COMPL, bad) != "EQUIVALENT", bad


# ---- branch_operand_mux -----------------------------------------------------------------------------------
SAT_ARMS = """module sa(input signed [11:0] a, b, input sub, output logic signed [11:0] y);
  logic signed [12:0] s1, s2;
  always_comb begin
    s1 = a + b;
    s2 = a - b;
    if (sub) begin
      if (s2 > 13'sd2047) y = 12'sd2047;
      else if (s2 < -13'sd2048) y = -12'sd2048;
      else y = s2[11:0];
    end else begin
      if (s1 > 13'sd2047) y = 12'sd2047;
      else if (s1 < -13'sd2048) y = -12'sd2048;
      else y = s1[11:0];
    end
  end
endmodule
"""

BRANCH_NEG = {
    # the arms assign different targets
    "targets": "module n(input c, input [7:0] a, b, output reg [7:0] x, y);\n"
               "  always @* begin x = 0; y = 0; if (c) x = a + 1'b1; else y = b + 1'b1; end\nendmodule\n",
    # the arms differ in an operator, not an operand
    "operator": "module n(input c, input [7:0] a, b, output reg [7:0] x);\n"
                "  always @* if (c) x = a + b; else x = a - b;\nendmodule\n",
    # differing operands of different widths
    "widths": "module n(input c, input [7:0] a, input [3:0] b, output reg [8:0] x);\n"
              "  always @* if (c) x = a + 1'b1; else x = b + 1'b1;\nendmodule\n",
}


def test_branch_operand_mux_moves_selects_out_whole():
    ms = REGISTRY["branch_operand_mux"].match(SAT_ARMS)
    outer = [m for m in ms if m.original.startswith("if (sub)")]
    assert len(outer) == 1
    rep = outer[0].edits[0].replacement
    assert "(sub ? s2 : s1) > 13'sd2047" in rep and "(sub ? s2[11:0] : s1[11:0])" in rep, rep


@pytest.mark.parametrize("name", sorted(BRANCH_NEG))
def test_branch_operand_mux_not_offered(name):
    assert _reps("branch_operand_mux", BRANCH_NEG[name]) == []


@pytest.mark.yosys
def test_branch_operand_mux_proven(tmp_path: Path):
    tmpl = REGISTRY["branch_operand_mux"]
    m = [m for m in tmpl.match(SAT_ARMS) if m.original.startswith("if (sub)")]
    new = tmpl.rewrite(SAT_ARMS, m)
    assert new and new.count(" > 13'sd2047") == 1
    assert _prove(tmp_path, SAT_ARMS, new) == "EQUIVALENT", new


# ---- datapath e-graph: a + (s ? -x : x) as one adder with an inverted operand and a carry-in -----------------
ADDSUB = """module as(input [15:0] a, b, input sub, output [15:0] y);
  assign y = a + (sub ? -b : b);
endmodule
"""


def _flip(text: str) -> str | None:
    from rtlopt.egraph import optimize_text

    for _m, new, _i in optimize_text(text):
        if " ^ " in new and "-" not in new.split(");", 1)[1]:
            return new
    return None


def test_conditional_negation_becomes_xor_and_carry_in():
    new = _flip(ADDSUB)
    assert new is not None
    # the negated arm is another operand: not a conditional negation
    assert _flip(ADDSUB.replace("input [15:0] a, b,", "input [15:0] a, b, c,").replace("-b", "-c")) is None


@pytest.mark.yosys
def test_conditional_negation_rewrite_is_proven(tmp_path: Path):
    new = _flip(ADDSUB)
    assert new and _prove(tmp_path, ADDSUB, new) == "EQUIVALENT", new


# ---- selection networks (rtlopt.semantic.algos.SELECTION_NETS) ---------------------------------------------
def test_selection_networks_select_their_ranks():
    from itertools import product

    from rtlopt.semantic.algos import SELECTION_NETS

    for (n, ranks), net in SELECTION_NETS.items():
        for v in product((0, 1), repeat=n):  # 0-1 principle
            x = list(v)
            for i, j in net:
                if x[i] > x[j]:
                    x[i], x[j] = x[j], x[i]
            assert all(x[r] == sorted(v)[r] for r in ranks), (n, ranks, v)


@pytest.mark.yosys
def test_median5_lift_uses_seven_compares(tmp_path: Path):
    from rtlopt.design import DesignRef
    from rtlopt.semantic import lifting_candidates
    from rtlopt.verify import check_equivalence

    src = GEN / "algorithms" / "median5_insertion_function" / "original.v"
    f = tmp_path / "m.v"
    f.write_text(src.read_text())

    class St:
        texts = {f: f.read_text()}
    c = next(c for c in lifting_candidates(St()) if "median" in c.description)
    body = c.text.split("endfunction")[1]
    assert body.count(" < ") + body.count(" > ") == 7, c.text
    g = tmp_path / "m2.v"
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], "med5w"), DesignRef([g], "med5w")).verdict == "EQUIVALENT"


def test_aligned_range_not_offered_for_run_time_bounds():
    text = ("module n(input [15:0] a, lo, hi, output x);\n"
            "  assign x = (a >= lo) && (a < hi);\nendmodule\n")
    assert _reps("aligned_range_to_equality", text) == []
