"""Register correspondence split per value of a one-bit input (rtlopt.verify._yosys_engines._cofactors_equal).

Sharing a multiplier between two coefficient banks (``sel ? x*c1 : x*c0`` -> ``x * (sel ? c1 : c0)``, the
instance's output net ``p0`` now the shared product) failed every engine on heldout8 mac/sat_mac_mode: the
named net ``p0`` differs, SAT and z3 on two multipliers of different structure behind saturation run out,
the polynomial of the saturation logic blows up. With the select fixed at 0 and at 1 (and the gate's
internal names dropped) both sides are the same structure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = """
module mmac(input clk, input rst, input en, input sel, input signed [5:0] x, c0, c1,
            output reg signed [13:0] acc);
  wire signed [11:0] p0 = x * c0;
  wire signed [11:0] p1 = x * c1;
  wire signed [14:0] s = acc + (sel ? p1 : p0);
  always @(posedge clk)
    if (rst) acc <= 14'sd0;
    else if (en) acc <= (s > 15'sd8191) ? 14'sd8191 : (s < -15'sd8192) ? -14'sd8192 : s[13:0];
endmodule
"""

SHARED = GOLD.replace("wire signed [11:0] p0 = x * c0;", "wire signed [11:0] p0 = x * (sel ? c1 : c0);") \
    .replace("(sel ? p1 : p0)", "p0")


def _check(tmp_path: Path, gold: str, gate: str, engines=None):
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f, g = tmp_path / "gold.v", tmp_path / "gate.v"
    f.write_text(gold)
    g.write_text(gate)
    return check_equivalence(open_design([f], "mmac"), open_design([g], "mmac"),
                             VerifyOptions(timeout_s=90, engines=engines))


def _verdict(res) -> str:
    return str(res.verdict).split(".")[-1].upper()


@pytest.mark.yosys
def test_shared_multiplier_proven_per_select_value(tmp_path, monkeypatch):
    from rtlopt.verify import _yosys_engines as ye

    # by default the register correspondence with every flip-flop cut proves this pair first
    # (tests/test_verify_everted.py); the split per select value is what this test is about
    res = _check(tmp_path, GOLD, SHARED, engines=["equiv"])
    assert _verdict(res) == "EQUIVALENT", res.reason
    monkeypatch.setattr(ye, "_all_registers_paired", lambda *a: False)
    res = _check(tmp_path, GOLD, SHARED, engines=["equiv"])
    assert _verdict(res) == "EQUIVALENT", res.reason
    assert "per value of input sel" in res.reason


@pytest.mark.yosys
def test_swapped_banks_not_proven(tmp_path):
    bad = SHARED.replace("(sel ? c1 : c0)", "(sel ? c0 : c1)")
    res = _check(tmp_path, GOLD, bad, engines=["equiv"])
    assert _verdict(res) != "EQUIVALENT"


@pytest.mark.yosys
def test_input_held_over_cycles_is_not_assumed(tmp_path):
    # under sel fixed at 0 in every cycle the flag stays 0 in both: a split that assumed the input constant
    # over time (flip-flop optimisation on the cofactor) would prove this; per cycle, sel = 1 differs
    gold = """
module mmac(input clk, input rst, input sel, input [3:0] a, output reg f, output [3:0] y);
  always @(posedge clk) if (rst) f <= 1'b0; else f <= sel ? 1'b1 : f;
  assign y = f ? a : 4'd0;
endmodule
"""
    gate = gold.replace("f <= sel ? 1'b1 : f;", "f <= f;")
    res = _check(tmp_path, gold, gate, engines=["equiv"])
    assert _verdict(res) != "EQUIVALENT"
