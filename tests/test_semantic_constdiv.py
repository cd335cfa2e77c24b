"""A word that is a rounded division of one narrow operand by a constant, found by value and emitted as
an exact multiply-add and shift (``floor((a * M + A) / 2^S)``).

The fit is pure (integer points); a restyled design (division inside a function, a named numerator
word) is lifted on a real Yosys netlist and the emitted form proven; a word that is not such a
function (an integer square root) and an affine word are not matched."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.constdiv import fit_mul_shift


def _check(a, t, fit):
    m, add, s = fit
    assert np.array_equal((a * m + add) >> s, t)


def test_fit_rounded_divisions_exactly():
    a = np.arange(32)
    t = (a * 255 + 15) // 31
    fit = fit_mul_shift(a, t)
    assert fit == (527, 23, 6)
    _check(a, t, fit)
    a = np.arange(1 << 10)
    t = a // 10
    fit = fit_mul_shift(a, t)
    assert fit is not None and fit[2] >= 4
    _check(a, t, fit)


def test_no_fit_for_other_functions():
    a = np.arange(256)
    assert fit_mul_shift(a, 3 * a + 1) is None  # affine: the rest of the library
    assert fit_mul_shift(a, a >> 2) is None  # a plain shift
    assert fit_mul_shift(a, np.floor(np.sqrt(a)).astype(np.int64)) is None  # not floor((aM+A)/2^S)
    assert fit_mul_shift(a, a % 7) is None  # not monotone
    assert fit_mul_shift(np.array([1, 1, 2, 3]), np.array([0, 1, 1, 2])) is None  # not a function of a


SRC = """module m (input [15:0] pix, output [23:0] q);
  function [7:0] scale5(input [4:0] c);
    reg [12:0] num;
    begin
      num = c * 8'd255 + 13'd15;
      scale5 = num / 5'd31;
    end
  endfunction
  wire [5:0] g;
  wire [13:0] gn;
  wire [7:0] g8;
  assign g = pix[10:5];
  assign gn = {g, 8'd0} - g + 14'd31;
  assign g8 = gn / 14'd63;
  assign q = {scale5(pix[15:11]), g8, scale5(pix[4:0])};
endmodule
"""


@pytest.mark.yosys
def test_restyled_division_lifted_and_proven(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    f = tmp_path / "m.v"
    f.write_text(SRC)
    lifts = lift_module(elaborate_modules([f], ["m"])["m"])
    lf = next((x for x in lifts if x.lhs == "g8"), None)
    assert lf is not None and lf.kind == "mul_shift", [(x.lhs, x.kind) for x in lifts]
    assert "/" not in lf.exprs[0] and ">> 6" in lf.exprs[0], lf.exprs
    new = apply_lift(SRC, "m", lf.targets, lf.operands, lf.lhs, lf.exprs[0],
                     cone_names=frozenset(lf.notes.get("cone_names", ())))
    assert new is not None and "/ 14'd63" not in new
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
def test_square_root_table_not_a_mul_shift(tmp_path):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text("""module m (input [7:0] a, output reg [3:0] r);
  integer i;
  always @* begin
    r = 0;
    for (i = 1; i < 16; i = i + 1) if (i * i <= a) r = i;
  end
endmodule
""")
    lifts = lift_module(elaborate_modules([f], ["m"])["m"])
    assert not any(x.kind == "mul_shift" for x in lifts), [(x.lhs, x.kind) for x in lifts]


def test_fit_remainders():
    from rtlopt.semantic.constdiv import fit_mod
    a = np.arange(256)
    k, b, c, (m, add, s) = fit_mod(a, a % 10)
    assert (k, b, c) == (1, 0, 10)
    assert np.array_equal((a * m + add) >> s, a // 10)
    assert fit_mod(a, (3 * a + 5) % 7)[:3] == (3, 5, 7)
    assert fit_mod(a, a % 16) is None  # a bit slice
    assert fit_mod(a, a // 10) is None  # a quotient, not a remainder


@pytest.mark.yosys
def test_remainder_lifted_and_proven(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    src = """module m (input [5:0] c, output [4:0] r);
  wire [12:0] num;
  assign num = c * 7'd100 + 13'd7;
  assign r = num % 13'd23;
endmodule
"""
    f = tmp_path / "m.v"
    f.write_text(src)
    lifts = lift_module(elaborate_modules([f], ["m"])["m"])
    lf = next((x for x in lifts if x.lhs == "r"), None)
    assert lf is not None and lf.kind == "mod_mul_shift", [(x.lhs, x.kind) for x in lifts]
    for e in lf.exprs:
        new = apply_lift(src, "m", lf.targets, lf.operands, lf.lhs, e,
                         cone_names=frozenset(lf.notes.get("cone_names", ())))
        assert new is not None and "%" not in new
        g = tmp_path / "new.v"
        g.write_text(new)
        res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
        assert res.verdict is Verdict.EQUIVALENT, (new, res)
