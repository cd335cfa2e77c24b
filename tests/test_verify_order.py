"""The proof portfolio's engine order and time slices, chosen from cheap features of the two netlists
(multipliers, adders, registers, input bits). Soundness is the engines' own; the order only decides
which engine gets the time first, so these are unit tests plus one real proof."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._check import ABC_FIRST_SEQ_S, _abc_slice, _engine_order
from rtlopt.verify._netlist import NetlistInfo, Register
from rtlopt.verify._prepare import MiterSpec


def _info(cells: set[str], regs: list[tuple[str, int]], inputs: dict[str, int]) -> NetlistInfo:
    return NetlistInfo("m", dict(inputs), {"y": 32}, {}, [Register(n, w, "$dff", has_init=True) for n, w in regs],
                       [], [], cell_types=set(cells))


def _order(cells: set[str], regs: list[tuple[str, int]], inputs: dict[str, int], gate_regs=None) -> list[str]:
    g = _info(cells, regs, inputs)
    h = _info(cells, regs if gate_regs is None else gate_regs, inputs)
    spec = MiterSpec(dict(inputs), {"y": 32}, clock="clk" if regs else None, sequential=bool(regs))
    return _engine_order(VerifyOptions(), spec, g, h)


WIDE = {"clk": 1, "a": 16, "b": 16, "c": 16}


def test_registered_multipliers_try_the_algebraic_engine_before_register_correspondence():
    order = _order({"$mul", "$dff", "$mux"}, [("ar", 16), ("br", 16), ("y", 32)], WIDE)
    assert order.index("algebra") < order.index("equiv") and order[0] == "algebra"
    # dividers have no polynomial: register correspondence stays first
    assert _order({"$mul", "$div", "$dff"}, [("ar", 16), ("y", 32)], WIDE)[0] == "equiv"


def test_combinational_shapes():
    assert _order({"$mux", "$and"}, [], {"a": 4, "b": 4})[0] == "exhaustive"  # few input bits
    assert _order({"$mul"}, [], {"a": 16, "b": 16})[0] == "algebra"  # word-level arithmetic
    assert _order({"$lt", "$mux"}, [], {"a": 16, "b": 16, "c": 16})[:2] == ["equiv", "abc"]  # control only


def test_sequential_control_gets_abc_before_z3():
    regs = [("state_reg", 2), ("busy_reg", 1), ("count_reg", 32)]
    order = _order({"$add", "$dff", "$mux", "$eq"}, regs, WIDE, gate_regs=regs[:1] + regs[2:])
    assert order.index("abc") < order.index("smt")


def test_abc_slice_by_shape():
    # sequential without multipliers: a long first slice (ABC restarts from scratch when run again)
    assert _abc_slice(56.0, last=False, sequential=True, after_equiv=True, multipliers=False) >= 20.0
    assert _abc_slice(20.0, last=False, sequential=True, after_equiv=True, multipliers=False) == 10.0
    assert _abc_slice(56.0, last=False, sequential=True, after_equiv=False, multipliers=True) == ABC_FIRST_SEQ_S
    assert _abc_slice(56.0, last=True, sequential=True, after_equiv=False, multipliers=True) == 56.0
    assert _abc_slice(56.0, last=False, sequential=False, after_equiv=True, multipliers=False) == 20.0
    assert _abc_slice(56.0, last=False, sequential=False, after_equiv=False, multipliers=False) == 5.0


GOLD = """module m(input clk, input rst, input sel, input [15:0] a, input [15:0] b, input [15:0] c,
         output reg [31:0] y);
  reg [15:0] ar, br, cr; reg s;
  always @(posedge clk) begin
    if (rst) begin ar <= 0; br <= 0; cr <= 0; s <= 0; y <= 0; end
    else begin ar <= a; br <= b; cr <= c; s <= sel; y <= s ? ar * br : ar * cr; end
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("gate_expr, verdict", [("ar * (s ? br : cr)", Verdict.EQUIVALENT),
                                                ("ar * (s ? cr : br)", None)])
def test_registered_multiplier_rewrite_decided_by_algebra_first(tmp_path: Path, gate_expr, verdict):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(GOLD)
    h.write_text(GOLD.replace("s ? ar * br : ar * cr", gate_expr))
    # parallel=False: the order itself (in a race another engine may decide first under load)
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60, parallel=False))
    if verdict is Verdict.EQUIVALENT:
        assert res.verdict == Verdict.EQUIVALENT and res.engine == "algebra", res.reason
        assert res.engines_tried[0][0] == "algebra"
    else:  # swapped operands: never proven (a difference in unreachable states is no verdict either)
        assert res.verdict != Verdict.EQUIVALENT


def test_adder_only_registers_of_equal_names_try_a_short_algebra_slice_first():
    regs = [("acc", 24)]
    order = _order({"$add", "$sub", "$dff", "$mux"}, regs, WIDE)
    assert order[0] == "algebra" and order.index("algebra") < order.index("equiv") < order.index("smt")
    # no adders (control only), or registers that differ in width: register correspondence first
    assert _order({"$eq", "$dff", "$mux"}, regs, WIDE)[0] == "equiv"
    assert "algebra" not in _order({"$add", "$dff"}, regs, WIDE, gate_regs=[("acc", 14)])


SMOOTH = """module sm(input clk, input rst_n, input en, input [7:0] s0, input [7:0] s1, input [7:0] s2,
          input [7:0] s3, output reg [23:0] sum);
  wire [23:0] t = ((s0 << 3) - s0) + ((s1 << 4) - s1) + ((s2 << 4) - s2) + ((s3 << 3) - s3);
  always @(posedge clk) if (!rst_n) sum <= 0; else if (en) sum <= t;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("gate_expr, verdict", [("({o, 3'b0} + {i, 4'b0}) - (o + i)", Verdict.EQUIVALENT),
                                                ("({o, 3'b0} + {i, 4'b0}) - (o + s1)", None)])
def test_registered_shift_and_subtract_sum_decided_by_algebra_first(tmp_path: Path, gate_expr, verdict):
    # 7-15-15-7 weights re-associated as (positive terms) - (negative terms); register 'sum' kept
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(SMOOTH)
    h.write_text(SMOOTH.replace("wire [23:0] t = ", "wire [8:0] o = s0 + s3, i = s1 + s2;\n  wire [23:0] t = ")
                 .replace("((s0 << 3) - s0) + ((s1 << 4) - s1) + ((s2 << 4) - s2) + ((s3 << 3) - s3)", gate_expr))
    # parallel=False: the order itself (in a race another engine may decide first under load)
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60, parallel=False))
    assert res.engines_tried[0][0] == "algebra", res.engines_tried
    if verdict is Verdict.EQUIVALENT:
        assert res.verdict == Verdict.EQUIVALENT and res.engine == "algebra", res.reason
    else:  # a wrong term: never proven
        assert res.verdict != Verdict.EQUIVALENT
