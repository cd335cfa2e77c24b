"""Word-level lifting of bounded shifts and funnel shifts.

A loop that selects ``d[i +: W]`` (or ``d << i``, or ``{hi, lo} >> i``) when ``s == i`` for ``i < L`` and
leaves zero otherwise is an L:1 multiplexer per output bit; it computes ``(s < L) ? (d >> s) : 0`` -- one
log shifter and one compare. Before, the shift matcher only accepted zero from the operand's width on
(a bound below it, W=24 in a 48-bit word with a 5-bit position, was no shift), a concatenation that no
word names was no operand, and the emitter left the emptied ``for`` loop behind (a syntax error).
Near misses (a hole among the positions, a non-zero value past the bound) are not lifted.

Also countcmp on a count of loop terms (``mm += (q[2*i +: 2] != r[2*i +: 2])``, no word naming the counted
bits): a vector of the terms is declared in a generate loop and ``mm == 0`` / ``mm <= 1`` read it as
``~|x`` / ``~|(x & (x - 1))``; a 2-bit term, a loop not starting at 0 or a compare with 3 are not rewritten.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from rtlopt.design import open_design
from rtlopt.semantic.lift import Operand, match_target

# the bit funnel with a named concatenation, extract by an indexed part select (Verilog-2005 style)
SLICE = """module slice_pick #(parameter W = 8, parameter PW = 4) (
    input  [W-1:0]  a,
    input  [W-1:0]  b,
    input  [PW-1:0] p,
    output reg [W-1:0] y
);
    reg [2*W-1:0] ab;
    integer i;
    always @(*) begin
        ab = {b, a};
        y = {W{1'b0}};
        for (i = 0; i < W; i = i + 1)
            if (p == i)
                y = ab[i +: W];
    end
endmodule

module slice_top (input [11:0] x0, input [11:0] x1, input [3:0] at, output [11:0] o);
    slice_pick #(.W(12), .PW(4)) u (.a(x0), .b(x1), .p(at), .y(o));
endmodule
"""

# the funnel with no word naming {hi, lo} (SystemVerilog, loop variable declared in the loop)
FUNNEL = """module fpick #(parameter int W = 8, parameter int SW = 4, parameter int LIM = 8) (
    input  logic [W-1:0]  lo,
    input  logic [W-1:0]  hi,
    input  logic [SW-1:0] off,
    output logic [W-1:0]  win
);
    always_comb begin
        win = '0;
        for (int k = 0; k < LIM; k++) begin
            if (off == SW'(k))
                win = W'({hi, lo} >> k);
        end
    end
endmodule

module ftop (input logic [9:0] l, input logic [9:0] h, input logic [3:0] s, output logic [9:0] q);
    fpick #(.W(10), .SW(4), .LIM(9)) u (.lo(l), .hi(h), .off(s), .win(q));
endmodule
"""


def _cands(path, top: str):
    from rtlopt.engine.search import State, lifting_candidates
    d = open_design([path], top)
    return lifting_candidates(State(d, {d.files[0]: path.read_text()}, "area", None, 0, None,
                                    time.monotonic() + 120))


def _proven(tmp_path, orig, text: str, top: str) -> bool:
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / ("cand" + orig.suffix)
    g.write_text(text)
    res = check_equivalence(open_design([orig], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return res.verdict.name == "EQUIVALENT"


def _op(name: str, w: int, v) -> Operand:
    base = 100 * (ord(name[0]) - ord("a"))  # distinct bit ids per operand
    return Operand(name, name, w, np.asarray(v, dtype=np.uint64), False, True, tuple(range(base, base + w)))


def test_matcher_bounded_shift_and_near_misses():
    rng = np.random.default_rng(3)
    n = 4096
    d = rng.integers(0, 1 << 20, n, dtype=np.uint64)
    s = rng.integers(0, 16, n, dtype=np.uint64)
    ops = [_op("d", 20, d), _op("s", 4, s)]
    good = np.where(s < 11, (d >> s) & np.uint64(0xFFF), np.uint64(0))
    got = match_target(good, 12, ops)
    assert got and got[0][0] == "limited_shift_right", got
    assert got[0][2][0] == "(s < 4'd11) ? (d >> s) : 12'd0"
    # a hole at position 5 (zero there, the shift elsewhere below the bound): no bounded shift
    hole = np.where(s == 5, np.uint64(0), good)
    assert not any(k.startswith("limited_") for k, _u, _e in match_target(hole, 12, ops))
    # past the bound the word is all ones, not zero: no bounded shift
    ones = np.where(s < 11, good, np.uint64(0xFFF))
    assert not any(k.startswith("limited_") for k, _u, _e in match_target(ones, 12, ops))
    # a funnel: {h, l} >> s bounded, with no operand naming the concatenation
    lo = rng.integers(0, 1 << 8, n, dtype=np.uint64)
    hi = rng.integers(0, 1 << 8, n, dtype=np.uint64)
    cat = (hi << np.uint64(8)) | lo
    fun = np.where(s < 7, (cat >> s) & np.uint64(0xFF), np.uint64(0))
    got = match_target(fun, 8, [_op("h", 8, hi), _op("l", 8, lo), _op("s", 4, s)])
    assert got and got[0][0] == "funnel_limited_shift_right", got
    assert "{h, l} >> s" in got[0][2][0]


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("src,top,suffix,kind", [
    (SLICE, "slice_top", ".v", "limited_shift_right"),
    (FUNNEL, "ftop", ".sv", "funnel_limited_shift_right"),
])
def test_select_loop_lifted_to_bounded_shift_and_proven(tmp_path, src, top, suffix, kind):
    f = tmp_path / ("d" + suffix)
    f.write_text(src)
    cands = [c for c in _cands(f, top) if c.description.startswith(kind + ":")]
    assert cands, [c.description for c in _cands(f, top)]
    c = cands[0]
    assert " >> " in c.text.split("rtlopt_pinned")[1] and "for (" not in c.text.split("_orig")[0].split(
        "rtlopt_pinned")[1]
    assert _proven(tmp_path, f, c.text, top)


@pytest.mark.yosys
@pytest.mark.slow
def test_near_miss_loop_with_a_hole_is_not_a_shift(tmp_path):
    # position 3 is skipped (zero there): an extract, but no shift
    f = tmp_path / "hole.v"
    f.write_text(SLICE.replace("if (p == i)", "if (p == i && i != 3)"))
    descs = [c.description for c in _cands(f, "slice_top")]
    assert not any("shift" in d for d in descs), descs


def test_emptied_loop_with_an_outer_variable_stays():
    # a loop whose variable is declared outside keeps its final value after the loop: dropped only when
    # nothing else reads that variable
    from rtlopt.semantic.emit import _drop_emptied_conditionals, _walk
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze
    for head, tail, dropped in (("for (int i = 0; i < 4; i++)", "", True),
                                ("for (j = 0; j < 4; j = j + 1)", "", True),
                                ("for (j = 0; j < 4; j = j + 1)", "assign z = j[0];", False)):
        var = "i" if "int i" in head else "j"
        text = (f"module m(input [1:0] a, input [3:0] b, output logic y, output z); integer j;\n"
                f"always_comb begin\n y = 1'b0;\n {head}\n  if (a == {var}) y = b[{var}];\nend\n{tail}\n"
                f"endmodule\n")
        an = analyze(text)
        blk = next(n for n in _walk(an.tree.root if hasattr(an, "tree") else an.root)
                   if kind_name(n) == "AlwaysCombBlock")
        inner = next(n for n in _walk(blk) if kind_name(n) == "ExpressionStatement" and "b[" in str(n))
        s, e = an.span(inner)
        out = _drop_emptied_conditionals(an, blk, [], [(s, e)])
        loop = next(n for n in _walk(blk) if kind_name(n) == "ForLoopStatement")
        ls, le = an.span(loop)
        gone = any(x.start <= ls and x.end >= le for x in out or ())
        assert gone == dropped, (head, tail, out)


# ---- a population count of loop terms (no named vector) compared with 0 / 1 -------------------------
SEED = """module seedc #(parameter int NB = 8) (
    input  logic [2*NB-1:0] q,
    input  logic [2*NB-1:0] r,
    output logic            exact,
    output logic            one
);
    logic [3:0] mm;
    always_comb begin
        mm = '0;
        for (int i = 0; i < NB; i++)
            mm += (q[2*i +: 2] != r[2*i +: 2]);
        exact = (mm == 0);
        one   = (mm <= 1);
    end
endmodule

module seedt (input logic [13:0] a, input logic [13:0] b, output logic e, output logic o);
    seedc #(.NB(7)) u (.q(a), .r(b), .exact(e), .one(o));
endmodule
"""


def _cc(tmp_path, name: str, text: str, mods: list[str]):
    from rtlopt.semantic.countcmp import rewrites
    from rtlopt.semantic.netlist import elaborate_modules
    p = tmp_path / name
    p.write_text(text)
    return p, rewrites(text, str(p), elaborate_modules([p], mods))


@pytest.mark.yosys
def test_count_of_loop_terms_compared_with_zero_and_one_proven(tmp_path):
    p, got = _cc(tmp_path, "s.sv", SEED, ["seedc"])
    assert len(got) == 3, [d for _t, d in got]  # exact, one, and both at once
    both = got[-1][0]
    assert both.count("genvar rtlopt_cc_mm_i;") == 1  # one vector of the terms for both compares
    assert "exact = (~|rtlopt_cc_mm);" in both and "one   = (~|(rtlopt_cc_mm & (rtlopt_cc_mm - 1'b1)));" in both
    assert _proven(tmp_path, p, both, "seedt")


@pytest.mark.yosys
def test_loop_terms_near_misses_not_rewritten(tmp_path):
    # a 2-bit term (a lane's difference, not a flag) is no count of bits
    _p, got = _cc(tmp_path, "w.sv", SEED.replace("(q[2*i +: 2] != r[2*i +: 2])", "(q[2*i +: 2] ^ r[2*i +: 2])"),
                  ["seedc"])
    assert got == []
    # the loop starts at 1 (a count of NB-1 terms starting elsewhere): not this shape
    _p, got = _cc(tmp_path, "o.sv", SEED.replace("int i = 0;", "int i = 1;"), ["seedc"])
    assert got == []
    # compared with an input-dependent value (every constant 0..7 of a 7-lane count is a threshold now:
    # at least / exactly K for K <= 3 or 4, in ones or in zeros)
    _p, got = _cc(tmp_path, "t.sv", SEED.replace("(mm == 0)", "(mm == {1'b0, q[2:0]})").replace("(mm <= 1)", "(mm <= r[3:0])"),
                  ["seedc"])
    assert got == []


# the count of agreeing bits compared with its width and one less: thresholds counted in zeros
AGREE = """module agc #(parameter int N = 6) (
    input  logic [N-1:0] a,
    input  logic [N-1:0] b,
    output logic all_eq,
    output logic most,
    output logic one_off,
    output logic three
);
    logic [3:0] c;
    always_comb begin
        c = '0;
        for (int i = 0; i < N; i++)
            c = c + (a[i] == b[i]);
        all_eq  = (c == 4'd9);
        most    = (c >= 4'd8);
        one_off = (c == 4'd8);
        three   = (c == 4'd4);
    end
endmodule

module agt (input logic [8:0] a, input logic [8:0] b, output logic x, output logic y, output logic z,
            output logic t);
    agc #(.N(9)) u (.a, .b, .all_eq(x), .most(y), .one_off(z), .three(t));
endmodule
"""


@pytest.mark.yosys
def test_count_compared_with_width_and_one_less_proven(tmp_path):
    p, got = _cc(tmp_path, "a.sv", AGREE, ["agc"])
    assert len(got) == 4, [d for _t, d in got]  # all, at most one clear, exactly one clear, together
    both = got[-1][0]
    assert "three   = (c == 4'd4);" in both  # no threshold of the bits: kept
    assert "all_eq  = (~|(~rtlopt_cc_c));" in both
    assert _proven(tmp_path, p, both, "agt")


@pytest.mark.yosys
def test_bitwise_term_widens_in_the_sum_not_rewritten(tmp_path):
    # a ~^ of two bits is context-sized: in a 4-bit sum it adds 4'b1111 for two zeros, no count of bits
    _p, got = _cc(tmp_path, "x.sv", AGREE.replace("(a[i] == b[i])", "(a[i] ~^ b[i])"), ["agc"])
    assert got == []


# an adder tree written out over unnamed flags (no loop, no vector)
TREE = """module vote5 (input [9:0] a, input [9:0] b, output none, output single, output many);
    wire [2:0] n;
    assign n = (a[1:0] != b[1:0]) + (a[3:2] != b[3:2]) + ((a[5:4] != b[5:4]) + (a[7:6] != b[7:6]))
             + (a[9:8] != b[9:8]);
    assign none = n == 3'd0;
    assign single = n == 3'd1;
    assign many = n >= 3'd2;
endmodule
"""


@pytest.mark.yosys
def test_count_of_an_adder_tree_of_flags_proven(tmp_path):
    p, got = _cc(tmp_path, "t.v", TREE, ["vote5"])
    assert len(got) == 4, [d for _t, d in got]
    flags = "{(a[1:0] != b[1:0]), (a[3:2] != b[3:2]), (a[5:4] != b[5:4]), (a[7:6] != b[7:6]), (a[9:8] != b[9:8])}"
    assert f"assign none = (~|{flags});" in got[-1][0]
    assert _proven(tmp_path, p, got[-1][0], "vote5")
    # a 2-bit term (a lane's difference) in the sum: no count of bits
    _p, got = _cc(tmp_path, "u.v", TREE.replace("(a[3:2] != b[3:2])", "(a[3:2] ^ b[3:2])"), ["vote5"])
    assert got == []
