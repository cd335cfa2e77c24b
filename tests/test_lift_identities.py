"""Word-level identities lifted by value: the ring distance ``a >= b ? a - b : 2**w - b + a`` is the
``w``-bit difference zero-extended; a flag that forces a constant (``c ? K : f``) is matched on the other
vectors; a lowest-first one-hot grant is the isolated lowest set bit ``x & -x``.

Matcher tests are pure; restyled RTL (?: with ``>``, if/else with ``<``, scanning loop with a flag) is lifted
on a real Yosys netlist and the emitted form proven; near misses (a wrong wrap constant, a highest-first
grant, a flag whose arm is not constant) are not."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand, match_target

RNG = np.random.default_rng(5)
N = 2048


def _op(name: str, w: int) -> Operand:
    return Operand(name, name, w, RNG.integers(0, 1 << w, N, dtype=np.uint64), False, True, (), 0)


def _kinds(t, w, ops) -> dict[str, list[str]]:
    return {k: e for k, _o, e in match_target(np.asarray(t, dtype=np.uint64), w, ops)}


def test_ring_distance_is_the_truncated_difference():
    a, b = _op("a", 5), _op("b", 5)
    av, bv = a.value, b.value
    t = np.where(av >= bv, av - bv, np.uint64(32) - bv + av)
    got = _kinds(t, 6, [a, b])
    assert got.get("subtract_mod") == ["{1'b0, a - b}"], got
    # a wrong wrap constant (2**w - 1) is no modular difference
    bad = np.where(av >= bv, av - bv, np.uint64(31) - bv + av)
    assert "subtract_mod" not in _kinds(bad, 6, [a, b])


def test_flag_forcing_a_constant_is_matched_on_the_other_vectors():
    a, b, f = _op("a", 5), _op("b", 5), _op("full", 1)
    av, bv, fv = a.value, b.value, f.value
    t = np.where(fv == 1, np.uint64(32), (av - bv) & np.uint64(31))
    got = _kinds(t, 6, [a, b, f])
    assert got.get("const_arm_subtract_mod") == ["full ? 6'd32 : ({1'b0, a - b})"], got
    e = np.where(fv == 1, np.uint64(0), (av == bv).astype(np.uint64))
    assert "const_arm_equal" in _kinds(e, 1, [a, b, f])
    # the flagged arm is not constant: no constant-arm lift
    t2 = np.where(fv == 1, av, (av - bv) & np.uint64(31))
    assert not [k for k in _kinds(t2, 6, [a, b, f]) if k.startswith("const_arm")]


def test_isolated_lowest_bit_and_not_the_highest():
    x, g = _op("x", 12), _op("go", 1)
    xv = x.value
    iso = xv & (np.uint64(0) - xv) & np.uint64(0xFFF)
    assert _kinds(iso, 12, [x]).get("isolate_lowest") == ["x & (~x + 1'b1)"]
    gated = np.where(g.value == 1, iso, np.uint64(0))
    assert "const_arm_isolate_lowest" in _kinds(gated, 12, [x, g])
    hi = np.zeros_like(xv)
    for k in range(12):
        hi = np.where((xv >> np.uint64(k)) & np.uint64(1) == 1, np.uint64(1) << np.uint64(k), hi)
    assert "isolate_lowest" not in _kinds(hi, 12, [x])


STYLES = {
    # if/else with the compare written as a < b and 2**w as a constant
    "ifelse_lt": ("""module m(input [4:0] w, input [4:0] r, input full, output reg [5:0] cnt);
  always @* begin
    if (full) cnt = 6'd32;
    else if (w < r) cnt = 6'd32 + w - r;
    else cnt = w - r;
  end
endmodule""", "cnt", "const_arm_subtract_mod"),
    # ?: with the compare reversed (t > h) and 2**w written first
    "ternary_gt": ("""module m(input [7:0] h, input [7:0] t, output [8:0] d);
  wire [8:0] dd;
  assign dd = (t > h) ? 9'd256 - t + h : h - t;
  assign d = dd;
endmodule""", "dd", "subtract_mod"),
    "grant_loop": ("""module m(input [11:0] req, input [11:0] msk, input en, output reg [11:0] g);
  wire [11:0] act = req & msk;
  integer i;
  reg hit;
  always @* begin
    g = 12'd0; hit = 1'b0;
    for (i = 0; i < 12; i = i + 1)
      if (en && act[i] && !hit) begin g[i] = 1'b1; hit = 1'b1; end
  end
endmodule""", "g", "const_arm_isolate_lowest"),
}

NEGATIVE = {
    # wraps by 31, not 32: not the modular difference
    "wrong_wrap": """module m(input [4:0] w, input [4:0] r, output [5:0] cnt);
  assign cnt = (w < r) ? 6'd31 + w - r : w - r;
endmodule""",
    # highest index wins: not x & -x
    "grant_highest": """module m(input [11:0] act, output reg [11:0] g);
  integer i;
  reg hit;
  always @* begin
    g = 12'd0; hit = 1'b0;
    for (i = 11; i >= 0; i = i - 1)
      if (act[i] && !hit) begin g[i] = 1'b1; hit = 1'b1; end
  end
endmodule""",
}


def _lifts(tmp_path, src):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text(src + "\n")
    return f, lift_module(elaborate_modules([f], ["m"])["m"])


@pytest.mark.yosys
@pytest.mark.parametrize("style", sorted(STYLES))
def test_restyled_identity_lifted_and_proven(tmp_path, style):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    src, target, kind = STYLES[style]
    f, lifts = _lifts(tmp_path, src)
    lf = next((x for x in lifts if x.lhs == target), None)
    assert lf is not None and lf.kind == kind, [(x.lhs, x.kind) for x in lifts]
    new = apply_lift(src + "\n", "m", lf.targets, lf.operands, lf.lhs, lf.exprs[0])
    assert new is not None
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_near_misses_not_lifted(tmp_path, case):
    _f, lifts = _lifts(tmp_path, NEGATIVE[case])
    kinds = {x.kind.removeprefix("const_arm_") for x in lifts}
    assert not kinds & {"subtract_mod", "isolate_lowest"}, kinds
