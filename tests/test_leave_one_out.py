"""Leave-one-out reductions (rtlopt/semantic/loo.py, through the word-level lifting's algorithm library):
every lane of a target is the min / max / xor / sum of all input lanes but one (heldout12 ldpc/check_node:
min-sum magnitudes and sign parities). Own designs designs/generalization/algorithms/loo_maxothers_v
(Verilog function max_except in a generate loop) and loo_othersum_sv (SV nested loops, masked sum and
parity, target lanes wider than the words). Each lift is proven with the real prover; near misses (a
lane that keeps its own word, two lanes leaving out the same word, a different operator in one lane)
give no leave-one-out lift."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from rtlopt.semantic import _apply, find_lifts
from rtlopt.semantic.lift import Operand
from rtlopt.semantic.loo import match_leave_one_out

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "algorithms"


def _op(name: str, vals: np.ndarray, w: int) -> Operand:
    return Operand(name, name, w, vals.astype(np.uint64), False, True)


def _pack(lanes: list[np.ndarray], w: int) -> np.ndarray:
    out = np.zeros(len(lanes[0]), dtype=np.uint64)
    for j, v in enumerate(lanes):
        out |= v.astype(np.uint64) << np.uint64(j * w)
    return out


@pytest.fixture
def words():
    rng = np.random.default_rng(3)
    return [rng.integers(0, 16, 4000).astype(np.uint64) for _ in range(5)]


def test_signatures(words):
    x = _pack(words, 4)
    ops = [_op("x", x, 20)]
    mins = [np.min(np.stack([v for i, v in enumerate(words) if i != k]), axis=0) for k in range(5)]
    got = match_leave_one_out(_pack(mins, 4), 20, ops)
    assert got and got[0][0] == "leave_one_out_min" and len(got[0][2]) == 2
    # a permutation of the left-out lanes is still one
    assert match_leave_one_out(_pack(mins[::-1], 4), 20, ops)[0][0] == "leave_one_out_min"
    # the sum of the others kept 7 bits wide (wider than the 4-bit words)
    sums = [sum(v for i, v in enumerate(words) if i != k) for k in range(5)]
    got = match_leave_one_out(_pack(sums, 7), 35, ops)
    assert got and got[0][0] == "leave_one_out_add"
    # near misses: a lane keeps its own word; two lanes leave out the same word; one lane is a max
    own = list(mins)
    own[2] = np.min(np.stack(words), axis=0)
    assert match_leave_one_out(_pack(own, 4), 20, ops) == []
    twice = list(mins)
    twice[1] = mins[0]
    assert match_leave_one_out(_pack(twice, 4), 20, ops) == []
    mixed = list(mins)
    mixed[3] = np.max(np.stack([v for i, v in enumerate(words) if i != 3]), axis=0)
    assert match_leave_one_out(_pack(mixed, 4), 20, ops) == []


def _lifted(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, [lf for _p, lf in find_lifts({f: text}, top=top, design_top=top) if lf.kind.startswith("leave_one_out")]


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str, engines=None) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    opts = VerifyOptions(timeout_s=300) if engines is None else VerifyOptions(timeout_s=300, engines=engines)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top), opts).verdict


def _apply_all(text: str, lifts, alt: int = 0) -> str:
    """The lifts of one module applied together (as the search's component candidate does)."""
    got = _apply(text, lifts[0].module, lifts, alt)
    assert got is not None
    return got


def test_check_node_min_and_parity(tmp_path):
    src = (ROOT / "designs" / "heldout12" / "ldpc" / "check_node" / "original.sv").read_text()
    f, lifts = _lifted(tmp_path, src, ".sv", "ldpc_cn")
    top = [lf for lf in lifts if lf.module == "ldpc_cn"]
    assert sorted(lf.kind for lf in top) == ["leave_one_out_min", "leave_one_out_xor"]
    mins = next(lf for lf in top if lf.kind == "leave_one_out_min")
    assert len(mins.exprs) == 2  # the index spelling and the equality spelling
    for alt in (0, 1):
        new = _apply_all(src, top, alt)
        assert _verify(tmp_path, f, new, ".sv", "ldpc_cn") == "EQUIVALENT"


def test_max_of_others_function(tmp_path):
    src = (GEN / "loo_maxothers_v" / "original.v").read_text()
    f, lifts = _lifted(tmp_path, src, ".v", "xtalk")
    top = [lf for lf in lifts if lf.module == "xtalk"]
    assert [lf.kind for lf in top] == ["leave_one_out_max"]
    assert _verify(tmp_path, f, _apply_all(src, top), ".v", "xtalk") == "EQUIVALENT"


def test_sum_and_parity_of_others(tmp_path):
    src = (GEN / "loo_othersum_sv" / "original.sv").read_text()
    f, lifts = _lifted(tmp_path, src, ".sv", "fair_share")
    top = [lf for lf in lifts if lf.module == "fair_share"]
    assert sorted(lf.kind for lf in top) == ["leave_one_out_add", "leave_one_out_xor"]
    # z3 first: it proves the sums and parities in 0.1-0.2 s, where the automatic order ran equiv, algebra
    # (the parity terms: UNKNOWN after 34 s) and abc (UNKNOWN, 15 s) before it, 51 s at load 14
    assert _verify(tmp_path, f, _apply_all(src, top), ".sv", "fair_share", ("smt", "algebra", "abc")) == "EQUIVALENT"


_NEAR = """
module nm (input wire [23:0] x, output reg [23:0] y);
    integer i, j;
    always @* begin
        for (i = 0; i < 4; i = i + 1) begin
            y[i*6 +: 6] = 6'h3f;
            for (j = 0; j < 4; j = j + 1)
                if (COND && x[j*6 +: 6] < y[i*6 +: 6]) y[i*6 +: 6] = x[j*6 +: 6];
        end
    end
endmodule
"""


@pytest.mark.parametrize("cond", [
    "j != i || i == 2",        # lane 2 keeps its own word (the minimum of all)
    "j != (i == 3 ? 2 : i)",   # lanes 2 and 3 both leave out word 2
    "j != i && (i != 1 || j != 0)",  # lane 1 leaves out two words
])
def test_near_misses(tmp_path, cond):
    _f, lifts = _lifted(tmp_path, _NEAR.replace("COND", f"({cond})"), ".v", "nm")
    assert lifts == []


def test_different_operator_per_lane(tmp_path):
    text = """
module mix (input wire [23:0] x, output reg [23:0] y);
    integer i, j;
    always @* begin
        for (i = 0; i < 4; i = i + 1) begin
            y[i*6 +: 6] = (i == 1) ? 6'h00 : 6'h3f;
            for (j = 0; j < 4; j = j + 1)
                if (j != i) begin
                    if (i == 1) begin
                        if (x[j*6 +: 6] > y[i*6 +: 6]) y[i*6 +: 6] = x[j*6 +: 6];
                    end else if (x[j*6 +: 6] < y[i*6 +: 6]) y[i*6 +: 6] = x[j*6 +: 6];
                end
        end
    end
endmodule
"""
    _f, lifts = _lifted(tmp_path, text, ".v", "mix")
    assert lifts == []


def _lifting_candidates(tmp_path: Path, text: str, top: str):
    from types import SimpleNamespace

    from rtlopt.semantic import _candidates
    f = tmp_path / "orig.v"
    f.write_text(text)
    st = SimpleNamespace(texts={f: text}, design=SimpleNamespace(top=top, files=[f], parsed=None), deadline=None,
                         scope=None)
    return f, _candidates(st)


def test_separate_words_share_one_tournament(tmp_path):
    src = (GEN / "loo_min5_assign_v" / "original.v").read_text()
    f, got = _lifting_candidates(tmp_path, src, "detour5")
    second = [c for c in got if c.description.startswith("word-level lifting (second spellings)")]
    assert len(second) == 1
    new = second[0].text
    # one network: its helper wires declared once, every output a lane of it
    assert len(re.findall(r"wire \[2:0\] c0_loo\w+_i\d+ =", new)) == 4
    assert len(re.findall(r"assign d\d = \{\(\(c0_loo\w+_i\d+ == 3'd\d\) \?", new)) == 5
    assert _verify(tmp_path, f, new, ".v", "detour5") == "EQUIVALENT"
    # the first spellings keep each output's own tree
    first = next(c for c in got if c.description.startswith("word-level lifting:"))
    assert "_loo" not in first.text


@pytest.mark.parametrize("outs", [
    # four words: own trees are smaller (845.8 vs 1058.5 um^2), no shared tournament offered
    ["mn(mn(b, c), d)", "mn(mn(a, c), d)", "mn(mn(a, b), d)", "mn(mn(a, b), c)", "mn(mn(a, b), c)"],
    # two outputs leave out the same word
    ["mn(mn(mn(b, c), d), e)", "mn(mn(mn(a, c), d), e)", "mn(mn(mn(a, c), d), e)", "mn(mn(mn(a, b), c), e)",
     "mn(mn(mn(a, b), c), d)"],
])
def test_separate_words_near_misses(tmp_path, outs):
    body = "\n".join(f"    assign o{i} = {e};" for i, e in enumerate(outs))
    text = f"""module sepn (input wire [5:0] a, b, c, d, e, output wire [5:0] o0, o1, o2, o3, o4);
    function [5:0] mn;
        input [5:0] x, y;
        mn = (x < y) ? x : y;
    endfunction
{body}
endmodule
"""
    _f, got = _lifting_candidates(tmp_path, text, "sepn")
    assert got and not any("_loo" in c.text for c in got)
