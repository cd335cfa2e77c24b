"""Register correspondence with every flip-flop cut (rtlopt.verify._yosys_engines._everted_equal).

When every flip-flop of gold and gate sits on the same public wire bits, the induction step of register
correspondence is one combinational check: each flip-flop's output becomes an input port, its next
state an output port (``expose -evert-dff``), and ``equiv_simple`` proves the ports equal. On
verilog-axis axis_frame_length_adjust (DATA_WIDTH=64) one ``frame_ptr_reg + KEEP_WIDTH`` shared for six
took 8 s of CPU in ``equiv_induct`` over 422 flip-flop pairs (UNKNOWN in the search's ~12 s slices
under load); cut, ~2 s. These tests check that it proves such a rewrite, that it never proves a change
of a next state or of a start value, and that the pairing it relies on is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = """
module fptr(input clk, input rst, input go, input last, input [3:0] keep, input [15:0] lmin,
            output reg [15:0] len, output reg pad, output [15:0] ptr_o);
  reg [15:0] ptr = 16'd0, ptr_next;
  reg [1:0] st = 2'd0, st_next;
  assign ptr_o = ptr;
  always @* begin
    ptr_next = ptr; st_next = st;
    case (st)
      2'd0: if (go) begin ptr_next = ptr + 16'd8; st_next = last ? 2'd0 : 2'd1; end
      2'd1: if (go) begin
              if (last && ptr < lmin) begin ptr_next = ptr + 16'd8; st_next = 2'd2; end
              else if (last) begin ptr_next = 16'd0; st_next = 2'd0; end
              else ptr_next = ptr + 16'd8;
            end
      2'd2: begin ptr_next = ptr + 16'd8; if (ptr_next >= lmin) begin ptr_next = 16'd0; st_next = 2'd0; end end
      default: st_next = 2'd0;
    endcase
  end
  always @(posedge clk) begin
    if (rst) begin ptr <= 16'd0; st <= 2'd0; len <= 16'd0; pad <= 1'b0; end
    else begin
      ptr <= ptr_next; st <= st_next;
      if (go && last) len <= ptr + {12'd0, keep};
      pad <= st == 2'd2;
    end
  end
endmodule
"""

# the hand edit: one adder for the three `ptr + 16'd8`
SHARED = GOLD.replace("  reg [1:0] st = 2'd0, st_next;", "  reg [1:0] st = 2'd0, st_next;\n  wire [15:0] ptr_inc = ptr + 16'd8;") \
    .replace("ptr_next = ptr + 16'd8;", "ptr_next = ptr_inc;")

# near miss: one arm steps by 9 (a reachable next state differs)
STEP9 = SHARED.replace("else ptr_next = ptr_inc;", "else ptr_next = ptr + 16'd9;")

# near miss: the same logic, ptr starts at 8 (the step holds, the base case does not)
START8 = SHARED.replace("reg [15:0] ptr = 16'd0, ptr_next;", "reg [15:0] ptr = 16'd8, ptr_next;") \
    .replace("if (rst) begin ptr <= 16'd0;", "if (rst) begin ptr <= 16'd8;")

# equivalent, but only on reachable states: st never holds 3, and the gate's default arm differs there
UNREACH = SHARED.replace("default: st_next = 2'd0;", "default: st_next = 2'd1;")


def _verify(tmp_path: Path, gate: str, monkeypatch, engines=("equiv",), timeout=90):
    import rtlopt.verify._yosys_engines as ye
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    seen: list[bool] = []
    real = ye._everted_equal

    def spy(*a, **k):
        r = real(*a, **k)
        seen.append(r)
        return r

    monkeypatch.setattr(ye, "_everted_equal", spy)
    f, g = tmp_path / "gold.v", tmp_path / "gate.v"
    f.write_text(GOLD)
    g.write_text(gate)
    res = check_equivalence(open_design([f], "fptr"), open_design([g], "fptr"),
                            VerifyOptions(timeout_s=timeout, engines=list(engines) if engines else None))
    return res.verdict.name, res, seen


@pytest.mark.yosys
def test_shared_adder_proven_with_flip_flops_cut(tmp_path, monkeypatch):
    verdict, res, seen = _verify(tmp_path, SHARED, monkeypatch)
    assert verdict == "EQUIVALENT", res.reason
    assert seen == [True]
    assert "every flip-flop cut" in res.reason


@pytest.mark.yosys
def test_changed_next_state_not_proven(tmp_path, monkeypatch):
    verdict, res, seen = _verify(tmp_path, STEP9, monkeypatch)
    assert verdict != "EQUIVALENT"
    assert seen == [False]
    verdict, res, _ = _verify(tmp_path, STEP9, monkeypatch, engines=None)
    assert verdict == "NOT_EQUIVALENT", res.reason


@pytest.mark.yosys
def test_changed_start_value_not_proven(tmp_path, monkeypatch):
    # the cut check alone would pass (same next-state functions); the start states decide first
    verdict, res, seen = _verify(tmp_path, START8, monkeypatch)
    assert verdict != "EQUIVALENT"
    assert seen == []
    verdict, res, _ = _verify(tmp_path, START8, monkeypatch, engines=None)
    assert verdict == "NOT_EQUIVALENT", res.reason


@pytest.mark.yosys
def test_unreachable_difference_is_not_the_cut_checks_to_prove(tmp_path, monkeypatch):
    # not inductive over all register values: the cut check must fail (whatever the rest decides)
    verdict, res, seen = _verify(tmp_path, UNREACH, monkeypatch)
    assert seen and seen[0] is False
    assert verdict != "NOT_EQUIVALENT"


@pytest.mark.yosys
def test_removed_register_skips_the_cut_check(tmp_path, monkeypatch):
    # pad's flip-flop renamed (pad_q, pad a combinational copy): gold's pad has no namesake flip-flop
    gate = SHARED.replace("      pad <= st == 2'd2;\n", "").replace(" pad <= 1'b0;", "") \
        .replace("endmodule", "  reg pad_q = 1'b0;\n  always @(posedge clk) pad_q <= rst ? 1'b0 : st == 2'd2;\n"
                              "  always @* pad = pad_q;\nendmodule")
    verdict, res, seen = _verify(tmp_path, gate, monkeypatch)
    assert seen == []
    assert verdict != "NOT_EQUIVALENT"


def test_pairing_requires_the_same_register_bits():
    from rtlopt.verify._yosys_engines import _everted_pairing_ok

    def mod(alias: str) -> dict:
        return {"ports": {"clk": {"direction": "input", "bits": [2]}, "y": {"direction": "output", "bits": [5]},
                          "r.q": {"direction": "input", "bits": [7]}, "r.d": {"direction": "output", "bits": [8]},
                          "r.c": {"direction": "output", "bits": [2]}},
                "cells": {"$x": {"type": "$xor", "connections": {"A": [7], "B": [2], "Y": [5]}}},
                "netnames": {alias: {"bits": [7]}, "r.q": {"bits": [7]}}}

    orig = {"clk", "y"}
    assert _everted_pairing_ok(mod("r"), mod("r"), orig)
    # the cut input is another register's bits in the gate: not the pairing the start states were checked on
    assert not _everted_pairing_ok(mod("r"), mod("s"), orig)
    # a flip-flop left uncut
    m = mod("r")
    m["cells"]["$f"] = {"type": "$dff", "connections": {"D": [8], "Q": [9], "CLK": [2]}}
    assert not _everted_pairing_ok(m, mod("r"), orig)
    # ports differ
    m = mod("r")
    m["ports"]["s.q"] = {"direction": "input", "bits": [10]}
    assert not _everted_pairing_ok(m, mod("r"), orig)


VEND = """
module vend(input clk, input rst, input cond, input sel, input [255:0] a, b, c, d,
            output reg [255:0] total, output reg [1:0] st);
  always @(posedge clk) if (rst) st <= 2'd0; else st <= cond ? st + 2'd1 : st;
  always @(*) begin
    if (sel) total = a + b;
    else total = c + d;
  end
endmodule
"""


def _verify_vend(tmp_path: Path, gate: str, monkeypatch):
    import rtlopt.verify._yosys_engines as ye
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    runs: list[tuple[bool, bool]] = []
    real = ye._everted_run

    def spy(workdir, timeout, fix):
        r = real(workdir, timeout, fix)
        runs.append((bool(fix), r))
        return r

    monkeypatch.setattr(ye, "_everted_run", spy)
    f, g = tmp_path / "gold.v", tmp_path / "gate.v"
    f.write_text(VEND)
    g.write_text(gate)
    res = check_equivalence(open_design([f], "vend"), open_design([g], "vend"),
                            VerifyOptions(timeout_s=90, engines=["equiv"]))
    return res, runs


@pytest.mark.yosys
def test_shared_adders_proven_cut_per_select_value(tmp_path, monkeypatch):
    # two adders shared as one on muxed operands: the cut designs split per value of sel first
    gate = VEND.replace("""    if (sel) total = a + b;
    else total = c + d;""", "    total = (sel ? a : c) + (sel ? b : d);")
    res, runs = _verify_vend(tmp_path, gate, monkeypatch)
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert runs[:2] == [(True, True), (True, True)]
    assert "every flip-flop cut" in res.reason


@pytest.mark.yosys
def test_swapped_shared_operands_not_proven_cut(tmp_path, monkeypatch):
    gate = VEND.replace("""    if (sel) total = a + b;
    else total = c + d;""", "    total = (sel ? a : c) + (sel ? d : b);")
    res, runs = _verify_vend(tmp_path, gate, monkeypatch)
    assert res.verdict.name != "EQUIVALENT"
    assert runs and not any(r for _fix, r in runs)
