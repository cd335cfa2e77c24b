"""Portfolio order for adder-only combinational designs: a short algebra slice, then ABC's SAT sweeping
before z3 (ones'-complement sums whose polynomial blows up). Real tools; soundness stays the engines'."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._check import ABC_AFTER_ALGEBRA_S, _abc_slice, _engine_order
from rtlopt.verify._netlist import NetlistInfo
from rtlopt.verify._prepare import MiterSpec


def test_adder_only_designs_try_abc_before_z3():
    ins = {"a": 16, "b": 16, "c": 16, "d": 16}
    info = NetlistInfo("m", dict(ins), {"y": 16}, {}, [], [], [], cell_types={"$add", "$mux"})
    order = _engine_order(VerifyOptions(), MiterSpec(dict(ins), {"y": 16}), info, info)
    assert order.index("algebra") < order.index("abc") < order.index("smt")
    assert _abc_slice(56.0, last=False, sequential=False, after_equiv=False, multipliers=False,
                      after_algebra=True) == ABC_AFTER_ALGEBRA_S


# end-around carry after every add (RFC 1071 as a designer writes it per word) against one wide sum
# folded at the end; the other wrong only when the fold's carry is dropped (sums near 0xffff)
PER_ADD = """module cs(input [47:0] w, output [15:0] y);
  function [15:0] oc; input [15:0] a, b; reg [16:0] s; begin s = a + b; oc = s[15:0] + s[16]; end endfunction
  assign y = ~oc(oc(w[15:0], w[31:16]), w[47:32]);
endmodule
"""
FOLDED = """module cs(input [47:0] w, output [15:0] y);
  wire [17:0] s = w[15:0] + w[31:16] + w[47:32];
  wire [16:0] f1 = s[15:0] + s[17:16];
  assign y = ~(f1[15:0] + f1[16]);
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("gate, verdict", [(FOLDED, Verdict.EQUIVALENT),
                                           (FOLDED.replace("f1[15:0] + f1[16]", "f1[15:0]"),
                                            Verdict.NOT_EQUIVALENT)], ids=["folded", "carry_dropped"])
def test_ones_complement_fold(tmp_path: Path, gate: str, verdict):
    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(PER_ADD)
    h.write_text(gate)
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=90))
    assert res.verdict == verdict, (res.reason, res.engines_tried)
    if verdict == Verdict.EQUIVALENT:
        assert res.engine != "smt", res.engines_tried  # decided before z3's bit-blasting
