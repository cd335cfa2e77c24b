"""Register correspondence by name when a rewrite reads a register through an alias wire.

The e-graph's datapath rewrite of a symmetric FIR (heldout13 crossover/sym_fir) writes
``assign eg_1 = $unsigned(x2);`` and reads the tap registers through such aliases. Yosys keeps one
public name per net after ``opt_clean -purge`` (here the alias, which sorts first), so the gate-level
engines (algebra, exhaustive) saw registers ``eg_1, eg_11, eg_3`` against ``x1, x2, x3`` and gave up
("registers do not correspond by name and width"): UNKNOWN in the search's 28 s slot although the
polynomial identity takes 3 s. Aliases are now kept and a name the other design has is preferred.
"""

from __future__ import annotations

import json

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._gates import _cut_registers

GOLD = """module f (input wire clk, input wire rst, input wire signed [7:0] x,
          input wire signed [4:0] h0, input wire signed [4:0] h1, output reg signed [14:0] y);
  reg signed [7:0] x1, x2, x3;
  wire signed [14:0] p0 = x * h0, p1 = x1 * h1, p2 = x2 * h1, p3 = x3 * h0;
  always @(posedge clk)
    if (rst) begin x1 <= 0; x2 <= 0; x3 <= 0; y <= 0; end
    else begin x1 <= x; x2 <= x1; x3 <= x2; y <= p0 + p1 + p2 + p3; end
endmodule
"""


def _gate(pair: str) -> str:
    # the taps read through aliases whose names sort before the registers' ('a_' < 'x')
    return """module f (input wire clk, input wire rst, input wire signed [7:0] x,
          input wire signed [4:0] h0, input wire signed [4:0] h1, output reg signed [14:0] y);
  reg signed [7:0] x1, x2, x3;
  wire [7:0] a_1 = $unsigned(x1);
  wire [7:0] a_2 = $unsigned(x2);
  wire [7:0] a_3 = $unsigned(x3);
  wire signed [14:0] s0 = $signed(x) + $signed(a_3);
  wire signed [14:0] s1 = PAIR;
  always @(posedge clk)
    if (rst) begin x1 <= 0; x2 <= 0; x3 <= 0; y <= 0; end
    else begin x1 <= x; x2 <= x1; x3 <= x2; y <= s0 * h0 + s1 * h1; end
endmodule
""".replace("PAIR", pair)


RIGHT = _gate("$signed(a_1) + $signed(a_2)")
WRONG = _gate("$signed(a_1) + $signed(a_3)")  # a mirrored pair mixed up: not the same filter


def _check(tmp_path, gate_text, engines):
    g, h = tmp_path / "gold.v", tmp_path / "gate.v"
    g.write_text(GOLD)
    h.write_text(gate_text)
    return check_equivalence(open_design(g, top="f"), open_design(h, top="f"),
                             VerifyOptions(timeout_s=120, engines=engines))


def test_factored_fir_through_register_aliases_is_proven_by_algebra(tmp_path):
    res = _check(tmp_path, RIGHT, ["algebra"])
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == "algebra"


def test_mixed_up_pair_is_not_proven(tmp_path):
    for engines in (["algebra"], ["exhaustive"], None):
        res = _check(tmp_path, WRONG, engines)
        assert res.verdict is not Verdict.EQUIVALENT, res.format_text()


def test_cut_prefers_the_other_designs_name():
    # one register net (bits 2, 3) named 'a_q' (listed first) and 'q'; the other design has 'q'
    mod = json.loads(json.dumps({
        "netnames": {"a_q": {"bits": [2, 3]}, "q": {"bits": [2, 3]}, "d": {"bits": [4, 5]}},
        "cells": {"r0": {"type": "$_DFF_P_", "connections": {"Q": [2], "D": [4]}},
                  "r1": {"type": "$_DFF_P_", "connections": {"Q": [3], "D": [5]}}}}))
    ins, outs = {}, {}
    _cut_registers(mod, ins, outs, frozenset({"q", "clk"}))
    assert list(ins) == ["\0q:q"] and list(outs) == ["\0d:q"]
    ins, outs = {}, {}
    _cut_registers(mod, ins, outs)  # no preference: the first public name, as before
    assert list(ins) == ["\0q:a_q"]
