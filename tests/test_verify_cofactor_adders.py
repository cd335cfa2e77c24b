"""Register correspondence keeps a share of its time for the split per select value when the designs'
adders (not only multipliers) differ in number (rtlopt.verify._yosys_engines.run_equiv_seq). The long
suite's vending machine: ``sel ? A + B : C + D`` on 1024-bit words shared as one adder on muxed operands;
the plain run spent its whole slice in SAT on adders of different structure (UNKNOWN under load), while
per value of ``sel`` both sides are the same structure."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = """
module vend(input clk, input rst, input cond, input sel, input [255:0] a, b, c, d,
            output reg [255:0] total, output reg [1:0] st);
  always @(posedge clk) if (rst) st <= 2'd0; else st <= cond ? st + 2'd1 : st;
  always @(*) begin
    if (sel) total = a + b;
    else total = c + d;
  end
endmodule
"""

SHARED = GOLD.replace("""    if (sel) total = a + b;
    else total = c + d;""", """    total = (sel ? a : c) + (sel ? b : d);""")


def _run(tmp_path: Path, gate: str, monkeypatch):
    import rtlopt.verify._yosys_engines as ye
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    calls: list[tuple[bool | str, float]] = []
    real = ye.yosys_tool

    class Spy:
        def __init__(self, tool):
            self._tool = tool

        def run_script(self, script, *a, timeout=None, **k):
            if "equiv_make" in script:
                calls.append(("connect -set" in script, timeout))
            return self._tool.run_script(script, *a, timeout=timeout, **k)

        def __getattr__(self, name):
            return getattr(self._tool, name)

    monkeypatch.setattr(ye, "yosys_tool", lambda: Spy(real()))
    # the path under test is the plain run and the split per select value: the check with every
    # flip-flop cut, which proves this pair first (tests/test_verify_everted.py), is left out
    monkeypatch.setattr(ye, "_all_registers_paired", lambda *a: False)
    f, g = tmp_path / "gold.v", tmp_path / "gate.v"
    f.write_text(GOLD)
    g.write_text(gate)
    # the conftest scales a limit set here by the load: the share is checked against the scaled limit
    opts = VerifyOptions(timeout_s=90, engines=["equiv"])
    res = check_equivalence(open_design([f], "vend"), open_design([g], "vend"), opts)
    calls.append(("limit", opts.timeout_s))
    return res, calls


@pytest.mark.yosys
def test_shared_adder_plain_run_leaves_time_for_the_split(tmp_path, monkeypatch):
    res, calls = _run(tmp_path, SHARED, monkeypatch)
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res.reason
    limit = next(t for cof, t in calls if cof == "limit")
    plain = [t for cof, t in calls if cof is False]
    assert plain and plain[0] < 0.5 * limit  # a share, not the whole slice


@pytest.mark.yosys
def test_swapped_operands_not_proven(tmp_path, monkeypatch):
    bad = SHARED.replace("(sel ? b : d)", "(sel ? d : b)")
    res, _calls = _run(tmp_path, bad, monkeypatch)
    assert str(res.verdict).split(".")[-1].upper() != "EQUIVALENT"
