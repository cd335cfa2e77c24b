"""Word-level lifting (rtlopt.semantic): simulator, matcher, source edits, and end-to-end runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from rtlopt.semantic.emit import apply_lift
from rtlopt.semantic.lift import Operand, match_target

LIB = Path("/work/shared/lib/sky130hd_tt.lib.gz")
SUITE = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "lifting"
RNG = np.random.default_rng(7)
N = 2048


def _op(name: str, w: int, values=None, signed: bool = False) -> Operand:
    v = RNG.integers(0, 1 << w, N, dtype=np.uint64) if values is None else np.asarray(values, dtype=np.uint64)
    return Operand(name, name, w, v, signed, True, (), 0)


def _kinds(t, w, ops) -> list[str]:
    return [k for k, _o, _e in match_target(np.asarray(t, dtype=np.uint64), w, ops)]


# ---- matcher (pure) -------------------------------------------------------------------------------
def test_matcher_arithmetic_and_comparisons():
    a, b = _op("a", 8), _op("b", 8)
    b.value[: N // 4] = a.value[: N // 4]  # equal operands must occur, as the stimulus makes them
    c = _op("c", 1)
    m = np.uint64(0xFF)
    assert "add" in _kinds((a.value + b.value) & m, 8, [a, b])
    assert _kinds((a.value + b.value) & np.uint64(0x1FF), 9, [a, b])[0] == "add"
    assert "subtract" in _kinds((b.value - a.value) & m, 8, [a, b])
    assert "add_carry_in" in _kinds((a.value + b.value + c.value) & m, 8, [a, b, c])
    assert "equal" in _kinds(a.value == b.value, 1, [a, b])
    assert "less_than" in _kinds(a.value < b.value, 1, [a, b])
    sa = a.value.astype(np.int64) - 256 * (a.value >= 128)
    sb = b.value.astype(np.int64) - 256 * (b.value >= 128)
    kinds = _kinds(sa <= sb, 1, [a, b])
    assert "less_equal_signed" in kinds and "less_equal" not in kinds
    assert "max" in _kinds(np.maximum(a.value, b.value), 8, [a, b])
    assert "negate" in _kinds((np.uint64(0) - a.value) & m, 8, [a])
    assert "increment" in _kinds((a.value + np.uint64(1)) & m, 8, [a])


def test_matcher_encoders_decoders_and_shifts():
    x = _op("x", 8)
    s = _op("s", 3)
    assert _kinds(np.uint64(1) << s.value, 8, [s]) == ["decoder"]
    low = np.array([(int(v) & -int(v)).bit_length() - 1 if v else 0 for v in x.value], dtype=np.uint64)
    high = np.array([int(v).bit_length() - 1 if v else 0 for v in x.value], dtype=np.uint64)
    assert _kinds(low, 3, [x])[0] == "priority_lowest"
    assert _kinds(high, 3, [x])[0] == "priority_highest"
    assert "popcount" in _kinds(np.bitwise_count(x.value).astype(np.uint64), 4, [x])
    assert "parity" in _kinds(np.bitwise_count(x.value).astype(np.uint64) & np.uint64(1), 1, [x])
    assert "shift_left" in _kinds((x.value << s.value) & np.uint64(0xFF), 8, [x, s])
    rot = ((x.value << s.value) | (x.value >> (np.uint64(8) - s.value))) & np.uint64(0xFF)
    assert "rotate_left" in _kinds(rot, 8, [x, s])


def test_matcher_indexed_mux_and_no_false_match():
    d = [_op(f"d{i}", 8) for i in range(4)]
    sel = _op("sel", 2)
    t = np.choose(sel.value.astype(np.int64), [o.value for o in d])
    found = match_target(t, 8, [*d, sel])
    assert found and found[0][0] == "indexed_mux"
    assert "sel[1]" in found[0][2][0] and "d3" in found[0][2][0]
    # a function outside the library (a & b | c) matches nothing
    a, b, c = _op("a", 8), _op("b", 8), _op("c", 8)
    assert _kinds((a.value & b.value) | c.value, 8, [a, b, c]) == []


# ---- source edits (pure) ----------------------------------------------------------------------------
RCA = """module fa(input x, y, ci, output s, co);
  assign s = x ^ y ^ ci;
  assign co = (x & y) | (ci & (x ^ y));
endmodule
module add8(input [7:0] a, b, output [7:0] sum, output cout, output [8:0] carries);
  wire [8:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate for (i = 0; i < 8; i = i + 1) begin : g
    fa u (.x(a[i]), .y(b[i]), .ci(c[i]), .s(sum[i]), .co(c[i+1]));
  end endgenerate
  assign cout = c[8];
  assign carries = EXTRA;
endmodule
"""


def test_emit_replaces_generate_of_instances_and_keeps_the_rest():
    text = RCA.replace("EXTRA", "9'd0")
    new = apply_lift(text, "add8", ("cout", "sum"), ("a", "b"), "{cout, sum}", "a + b",
                     cone_names=("c",))
    assert new is not None
    assert "assign {cout, sum} = a + b;" in new
    assert "generate" not in new and "assign c[0]" not in new
    assert new.startswith(text[: text.index("module add8")])  # the full adder module is untouched
    assert "assign carries = 9'd0;" in new


def test_emit_refuses_when_removed_logic_is_read_elsewhere():
    text = RCA.replace("EXTRA", "c")  # the carry vector is an output: the loop cannot go
    assert apply_lift(text, "add8", ("cout", "sum"), ("a", "b"), "{cout, sum}", "a + b",
                      cone_names=("c",)) is None


def test_emit_always_block_target_stays_a_variable():
    text = """module d(input [2:0] s, output reg [7:0] y);
  integer i;
  always @* begin
    for (i = 0; i < 8; i = i + 1) y[i] = (s == i);
  end
endmodule
"""
    new = apply_lift(text, "d", ("y",), ("s",), "y", "8'd1 << s")
    assert new is not None and "always @* y = 8'd1 << s;" in new and "for" not in new


# ---- Yosys: simulator and lifting on real netlists ---------------------------------------------------
STYLES = {
    "cmp_loop": ("""module m(input [11:0] a, b, output reg lt);
  integer i; reg done;
  always @* begin lt = 0; done = 0;
    for (i = 11; i >= 0; i = i - 1) if (!done && a[i] != b[i]) begin lt = b[i]; done = 1; end
  end
endmodule""", "lt", "less_than"),
    "eq_gates": ("""module m(input [7:0] p, q, output e);
  wire [7:0] x = p ~^ q;
  and g (e, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
endmodule""", "e", "equal"),
    "dec_case": ("""module m(input [1:0] s, output reg [3:0] y);
  always @* case (s) 2'd0: y = 4'b0001; 2'd1: y = 4'b0010; 2'd2: y = 4'b0100; default: y = 4'b1000; endcase
endmodule""", "y", "decoder"),
    "prio_casez": ("""module m(input [3:0] r, output reg [1:0] k);
  always @* casez (r) 4'b???1: k = 0; 4'b??10: k = 1; 4'b?100: k = 2; 4'b1000: k = 3; default: k = 0; endcase
endmodule""", "k", "priority_lowest"),
    "popcount": ("""module m(input [9:0] v, output reg [3:0] n);
  integer i; always @* begin n = 0; for (i = 0; i < 10; i = i + 1) n = n + v[i]; end
endmodule""", "n", "popcount"),
    "sub_signed_cmp": ("""module m(input signed [7:0] a, b, output gt);
  wire [8:0] d = {a[7], a} - {b[7], b};
  assign gt = d[8] == 1'b0 && d != 0;
endmodule""", "gt", "less_than_signed"),
}


@pytest.mark.yosys
@pytest.mark.parametrize("style", sorted(STYLES))
def test_lift_module_recognises_each_style(tmp_path, style):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    src, target, kind = STYLES[style]
    f = tmp_path / "m.v"
    f.write_text(src + "\n")
    nl = elaborate_modules([f], ["m"])["m"]
    got = {lf.lhs: lf.kind for lf in lift_module(nl)}
    assert got.get(target) == kind, got


@pytest.mark.yosys
def test_simulator_agrees_with_word_semantics(tmp_path):
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text("""module m(input [7:0] a, b, input [2:0] s, input signed [7:0] c,
  output [8:0] sum, output lt, output [7:0] sh, output [7:0] sr, output [7:0] mx);
  assign sum = a + b; assign lt = c < $signed(b); assign sh = a << s; assign sr = c >>> s;
  assign mx = s[0] ? a : b;
endmodule
""")
    nl = elaborate_modules([f], ["m"])["m"]
    v = nl.simulate(1024)
    w = {n: nl.word(v, nl.nets[n].bits) for n in ("a", "b", "s", "c", "sum", "lt", "sh", "sr", "mx")}
    assert np.array_equal(w["sum"], w["a"] + w["b"])
    sc = w["c"].astype(np.int64) - 256 * (w["c"] >= 128)
    sb = w["b"].astype(np.int64) - 256 * (w["b"] >= 128)
    assert np.array_equal(w["lt"], (sc < sb).astype(np.uint64))
    assert np.array_equal(w["sh"], (w["a"] << w["s"]) & np.uint64(255))
    assert np.array_equal(w["sr"], (sc >> w["s"].astype(np.int64)).astype(np.uint64) & np.uint64(255))
    assert np.array_equal(w["mx"], np.where(w["s"] & np.uint64(1), w["a"], w["b"]))
    assert (w["a"] == w["b"]).mean() > 0.05  # the stimulus makes equal operands


# ---- end to end ------------------------------------------------------------------------------------------
@pytest.mark.yosys
@pytest.mark.sta
@pytest.mark.slow
# (dec_loop_eq is no longer one: with the sorted PPA flow its loop of compares maps to 269 um^2 and
# the lifted 32'd1 << sel to 307, so the lifting is rightly rejected; lzc_loop's lifting saves 45 %)
@pytest.mark.parametrize("case", ["cmp_cascade_loop", "lzc_loop"])
def test_optimize_lifts_suite_case_proven_and_smaller(tmp_path, case):
    from rtlopt.design import open_design
    from rtlopt.engine.search import optimize
    src = SUITE / case / "original.v"
    if not src.exists():
        pytest.skip("suite case missing")
    f = tmp_path / "original.v"
    shutil.copy(src, f)
    res = optimize(open_design([f]), goal="area", liberty=str(LIB) if LIB.exists() else None, budget_s=240)
    assert res.status == "improved"
    assert any("word_level_lifting" in st.rules for st in res.steps)
    assert all(st.verdict == "EQUIVALENT" for st in res.steps)
    assert res.after.area_um2.value < res.before.area_um2.value


# ---- constants, enables, zero counts (pure) ------------------------------------------------------------
def test_matcher_enable_decoder_and_zero_counts():
    s, en = _op("s", 3), _op("en", 1)
    dec = np.uint64(1) << s.value
    assert "decoder_enable" in _kinds(np.where(en.value == 1, dec, np.uint64(0)), 8, [s, en])
    assert "decoder_enable" in _kinds(np.where(en.value == 1, np.uint64(0), dec), 8, [s, en])
    x = _op("x", 8)
    x.value[:64] = 0  # zero must occur
    tz = np.array([(int(v) & -int(v)).bit_length() - 1 if v else 8 for v in x.value], dtype=np.uint64)
    lz = np.array([8 - int(v).bit_length() for v in x.value], dtype=np.uint64)
    assert _kinds(tz, 4, [x]) == ["trailing_zeros"]
    assert _kinds(lz, 4, [x]) == ["leading_zeros"]
    # a lowest-index encoder that gives 0 (not 8) for zero is not a trailing-zero count
    assert "trailing_zeros" not in _kinds(np.where(x.value == 0, np.uint64(0), tz), 4, [x])


def test_threshold_exprs_cover_equal_less_range_and_reject_scattered():
    from rtlopt.semantic.lift import _threshold_exprs
    x = _op("x", 5, np.arange(32))
    v = np.arange(32)
    kinds = {
        "equal_const": v == 9, "not_equal_const": v != 9, "less_than_const": v < 12,
        "greater_equal_const": v >= 20, "range_const": (v >= 3) & (v <= 7), "outside_range_const": (v < 3) | (v > 7),
    }
    for kind, t in kinds.items():
        got = _threshold_exprs(t, x)
        assert got and got[0][0] == kind, (kind, got)
    assert _threshold_exprs(np.isin(v, [1, 4, 9]), x) == []  # not a comparison against one constant
    assert "x < 5'd12" in _threshold_exprs(v < 12, x)[0][2]


# ---- leftovers (pure) -------------------------------------------------------------------------------------
def test_remove_leftovers_only_what_the_edit_left_behind():
    from rtlopt.semantic.emit import remove_leftovers
    before = """module m(input [7:0] a, b, output e);
  wire [7:0] x = a ~^ b;
  wire unused_by_user = a[0];
  reg t; integer i;
  assign e = &x;
endmodule
"""
    after = before.replace("assign e = &x;", "assign e = a == b;")
    new = remove_leftovers(after, "m", before)
    assert "wire [7:0] x" not in new and "assign e = a == b;" in new
    assert "wire unused_by_user = a[0];" in new  # not touched by the edit: stays
    assert "reg t; integer i;" in new


# ---- registers: next-state cones in clocked blocks ---------------------------------------------------------
CLOCKED = {
    "cmp_loop": ("""module m(input clk, rst, en, input [11:0] x, y, output reg lt_q);
  reg lt, done; integer i;
  always @(posedge clk) begin
    if (rst) lt_q <= 1'b0;
    else if (en) begin
      lt = 1'b0; done = 1'b0;
      for (i = 11; i >= 0; i = i - 1)
        if (!done && x[i] != y[i]) begin lt = y[i]; done = 1'b1; end
      lt_q <= lt;
    end
  end
endmodule""", "lt_q", "less_than", "lt_q <= x < y;"),
    "prio_top_of_block": ("""module m(input clk, ld, input [7:0] r, output reg [2:0] k);
  integer i; reg [2:0] t; reg f;
  always @(posedge clk) begin
    t = 3'd0; f = 1'b0;
    for (i = 0; i < 8; i = i + 1) if (r[i] && !f) begin t = i; f = 1'b1; end
    if (ld) k <= t;
  end
endmodule""", "k", "priority_lowest", "if (ld) k <= "),
    "case_table": ("""module m(input clk, rst_n, input [1:0] s, output reg [3:0] y);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) y <= 4'd0;
    else case (s) 2'd0: y <= 4'b0001; 2'd1: y <= 4'b0010; 2'd2: y <= 4'b0100; default: y <= 4'b1000; endcase
endmodule""", "y", "decoder", "else y <= 4'd1 << s;"),
    "bitlevel_rhs": ("""module m(input clk, input [3:0] a, b, output reg eq_q);
  always @(posedge clk) eq_q <= ~(a[0] ^ b[0]) & ~(a[1] ^ b[1]) & ~(a[2] ^ b[2]) & ~(a[3] ^ b[3]);
endmodule""", "eq_q", "equal", "eq_q <= a == b;"),
}


@pytest.mark.yosys
@pytest.mark.parametrize("style", sorted(CLOCKED))
def test_clocked_next_state_is_lifted_and_edited_in_place(tmp_path, style):
    from rtlopt.semantic import find_lifts, lifting_candidates
    src, reg, kind, snippet = CLOCKED[style]
    f = tmp_path / "m.v"
    f.write_text(src + "\n")
    got = [lf for _p, lf in find_lifts({f: f.read_text()}) if lf.notes.get("clocked")]
    assert [(lf.lhs, lf.kind) for lf in got] == [(reg, kind)], got

    class St:
        texts = {f: f.read_text()}
    cands = lifting_candidates(St())
    assert cands and snippet in cands[0].text, cands[0].text if cands else None
    assert "always @(posedge clk" in cands[0].text  # the clocked block and its reset/enable stay
    assert "for (" not in cands[0].text and "integer" not in cands[0].text  # the loop and its temps went


def test_apply_clocked_refuses_a_blocking_temporary_operand():
    from rtlopt.semantic.emit import apply_clocked
    text = """module m(input clk, input [7:0] a, output reg [7:0] q);
  reg [7:0] t;
  always @(posedge clk) begin t = a + 8'd1; q <= t ^ 8'h55; end
endmodule
"""
    # the old value of t is not what the block reads after assigning it
    assert apply_clocked(text, "m", "q", 0, 1, (), ("t",), "t + 1'b1") is None
    assert apply_clocked(text, "m", "q", 0, 1, (), ("a",), "(a + 8'd1) ^ 8'h55") is not None


# ---- generate scopes --------------------------------------------------------------------------------------
@pytest.mark.yosys
def test_generate_scope_words_are_lifted_once_for_all_instances(tmp_path):
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / "g.v"
    f.write_text("""module g(input [23:0] a, b, output [2:0] ne);
  genvar i;
  generate for (i = 0; i < 3; i = i + 1) begin : lane
    wire [7:0] x = a[i*8 +: 8];
    wire [7:0] y = b[i*8 +: 8];
    wire [7:0] d = x ^ y;
    wire n;
    assign n = d[0] | d[1] | d[2] | d[3] | d[4] | d[5] | d[6] | d[7];
    assign ne[i] = n;
  end endgenerate
endmodule
""")

    class St:
        texts = {f: f.read_text()}
    cands = lifting_candidates(St())
    assert cands, "no candidate"
    new = cands[0].text
    assert "assign n = x != y;" in new  # the block's own names, the same text for every instance
    assert "wire [7:0] d" not in new  # the helper word went with the gates
    assert "wire [7:0] x = a[i*8 +: 8];" in new and "assign ne[i] = n;" in new


@pytest.mark.yosys
def test_submodule_function_in_context_is_lifted_in_the_submodule_source(tmp_path):
    from rtlopt.semantic import find_lifts
    f = tmp_path / "h.v"
    f.write_text("""module cnt(input [7:0] v, input up, output reg [3:0] n);
  integer i; reg stop;
  always @* begin n = 0; stop = 0;
    for (i = 0; i < 8; i = i + 1) if (!stop) begin if (v[up ? 7 - i : i]) stop = 1; else n = n + 1; end
  end
endmodule
module top(input [7:0] a, b, output [3:0] na, nb);
  cnt u0 (.v(a), .up(1'b1), .n(na));
  cnt u1 (.v(b), .up(1'b1), .n(nb));
endmodule
module other(input [7:0] a, output [3:0] n);
  cnt #(.W(8)) u (.v(a), .up(1'b0), .n(n));
endmodule
""")
    got = {(lf.module, lf.lhs, lf.kind, lf.notes.get("instance_in")) for _p, lf in find_lifts({f: f.read_text()})}
    # standalone, cnt computes either count (up is free): only its uses in top make it a leading-zero count
    assert ("cnt", "n", "leading_zeros", "top") in got
    # the parameterised instance in `other` is not used as evidence for cnt's source
    assert not any(m == "cnt" and inst == "other" for m, _l, _k, inst in got)


def test_wide_matcher_on_python_ints():
    from rtlopt.semantic.lift import match_wide
    rng = np.random.default_rng(3)
    n = 512
    a = np.array([int(x) for x in rng.integers(0, 1 << 62, n)], dtype=object) << 40
    b = a.copy()
    b[n // 2:] = np.array([int(x) << 37 for x in rng.integers(0, 1 << 62, n // 2)], dtype=object)
    oa = Operand("a", "a", 102, a, False, True)
    ob = Operand("b", "b", 102, b, False, True)
    m = (1 << 102) - 1
    kinds = lambda t, w: [k for k, _o, _e in match_wide(np.asarray(t, dtype=object), w, [oa, ob])]  # noqa: E731
    assert "equal" in kinds((a == b).astype(int), 1)
    assert "less_than" in kinds((a < b).astype(int), 1)
    assert "add" in kinds((a + b) & m, 102)
    assert "subtract" in kinds((a - b) & m, 102)
    assert kinds((a ^ b) & m, 102) == []  # xor is not in the library


def test_matcher_onehot_andor_only_when_equal_on_every_select():
    sel = _op("sel", 4)
    bus = _op("bus", 32)
    m = np.uint64(0xFF)
    lanes = [(bus.value >> np.uint64(8 * k)) & m for k in range(4)]
    andor = np.zeros(N, dtype=np.uint64)
    for k in range(4):
        andor |= np.where((sel.value >> np.uint64(k)) & np.uint64(1) == 1, lanes[k], np.uint64(0))
    found = match_target(andor, 8, [sel, bus])
    assert found and found[0][0] == "onehot_andor_mux"
    assert "({8{sel[0]}} & bus[7:0])" in found[0][2][0] and "bus[31:24]" in found[0][2][0]
    # a priority chain agrees on one-hot selects only: no AND-OR reading
    prio = np.zeros(N, dtype=np.uint64)
    for k in reversed(range(4)):
        prio = np.where((sel.value >> np.uint64(k)) & np.uint64(1) == 1, lanes[k], prio)
    assert "onehot_andor_mux" not in _kinds(prio, 8, [sel, bus])


def test_matcher_copy_of_an_existing_word():
    a, b = _op("a", 8), _op("b", 8)
    got = match_target(a.value.copy(), 8, [a, b])
    assert got and got[0][0] == "copy" and got[0][2] == ["a"]


def test_edit_refused_when_the_logic_depends_on_an_overridable_parameter():
    text = """module d #(parameter N = 8) (input [2:0] s, output reg [N-1:0] y);
  integer i;
  always @* for (i = 0; i < N; i = i + 1) y[i] = (s == i);
endmodule
"""
    # 8'd1 << s is right for N = 8 only: an instance with N = 4 would break
    assert apply_lift(text, "d", ("y",), ("s",), "y", "8'd1 << s") is None
    fixed = text.replace("#(parameter N = 8) ", "").replace("N-1", "7").replace("i < N", "i < 8")
    assert apply_lift(fixed, "d", ("y",), ("s",), "y", "8'd1 << s") is not None


def test_partial_always_block_keeps_the_other_outputs():
    text = """module a(input [3:0] r, input m, output reg [1:0] idx, output reg any, output reg keep);
  always @* begin
    idx = 2'd0;
    any = 1'b0;
    keep = m;
    if (r[0]) begin idx = 2'd0; any = 1'b1; end
    else if (r[1]) begin idx = 2'd1; any = 1'b1; keep = 1'b0; end
  end
endmodule
"""
    from rtlopt.semantic.emit import apply_lifts
    new = apply_lifts(text, "a", [(("any",), ("r",), "any", "r[0] | r[1]")])
    assert new is not None
    assert "always @* any = r[0] | r[1];" in new and "any = 1'b1" not in new
    assert "keep = 1'b0;" in new and "idx = 2'd1;" in new  # the block still computes the rest
