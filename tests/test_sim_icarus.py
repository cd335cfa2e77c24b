"""Differential simulation under cocotb with real Icarus Verilog (and Verilator, marked slow)."""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import pytest

from rtlopt.commands import simulate as simulate_cmd
from rtlopt.design import open_design
from rtlopt.errors import InputError, ToolError, ToolTimeout
from rtlopt.sim import SimOptions, simulate_diff
from rtlopt.tools.cocotb_runner import CocotbJob, CocotbRunner
from rtlopt.tools.sim import Icarus, Verilator

DESIGNS = Path(__file__).resolve().parent.parent / "designs"

needs_icarus = pytest.mark.skipif(not Icarus().available(), reason="Icarus Verilog not installed")
pytestmark = [pytest.mark.iverilog, needs_icarus]

ADD = "module adder(input [3:0] a, input [3:0] b, output [4:0] s);\n  assign s = {body};\nendmodule\n"
CNT = """module cnt(input clk, input rst_n, input en, input [7:0] d, output reg [7:0] q, output z);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 8'd0; else {update}
  assign z = {zero};
endmodule
"""


def _w(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.fixture
def cnt_gold(tmp_path):
    return open_design(_w(tmp_path, "cnt_gold.v", CNT.format(update="if (en) q <= q + d;", zero="(q == 8'd0)")))


def test_equivalent_combinational_pair_passes_exhaustively(tmp_path):
    gold = open_design(_w(tmp_path, "g.v", ADD.format(body="a + b")))
    gate = open_design(_w(tmp_path, "c.v", ADD.format(body="b + a")))
    res = simulate_diff(gold, gate, SimOptions(seed=3))
    assert res.passed and res.mismatch is None
    assert res.cycles == 256 and res.mode == "combinational"
    assert res.evidence == "simulated, 256 vectors, no mismatch"
    assert "proven" not in res.format_text().lower()
    assert any("all 256 input combinations" in n for n in res.notes)


def test_non_equivalent_pair_reports_the_first_mismatch(tmp_path):
    gold = open_design(_w(tmp_path, "g.v", ADD.format(body="a + b")))
    gate = open_design(_w(tmp_path, "c.v", ADD.format(body="(a == 4'd7 && b == 4'd9) ? 5'd0 : a + b")))
    res = simulate_diff(gold, gate, SimOptions(work_dir=tmp_path / "keep"))
    assert not res.passed
    m = res.mismatch
    # exhaustive order: a is the low input bits, so (a=7, b=9) is vector 7 + 9*16
    assert m.cycle == 151 and m.inputs == {"a": "4'h7", "b": "4'h9"}
    assert m.gold == {"s": "5'h10"} and m.gate == {"s": "5'h0"} and m.outputs == ["s"]
    text = res.format_text()
    assert "first mismatch at vector 151" in text and "a=4'h7 b=4'h9" in text
    # the cocotb test itself failed: the xunit results file says so
    results = next((tmp_path / "keep").glob("sim-*/build/results.xml")).read_text()
    assert "<failure" in results and "mismatch at cycle 151" in results


def test_sequential_async_active_low_reset_equivalent_and_not(tmp_path, cnt_gold):
    same = open_design(_w(tmp_path, "cnt_ok.v", CNT.format(update="q <= en ? d + q : q;", zero="~|q")))
    res = simulate_diff(cnt_gold, same, SimOptions(cycles=600))
    assert res.passed and res.cycles == 600 and res.mode == "sequential"
    assert any("reset rst_n (active-low)" in n for n in res.notes)
    # A synchronous reset differs from the original's asynchronous one already during reset (cycle 0).
    sync = open_design(_w(tmp_path, "cnt_sync.v", CNT.format(update="if (en) q <= q + d;", zero="(q == 8'd0)")
                          .replace("posedge clk or negedge rst_n", "posedge clk")))
    res = simulate_diff(cnt_gold, sync, SimOptions(cycles=200))
    assert not res.passed and res.mismatch.cycle == 0 and res.mismatch.stimulus == "reset"
    assert res.mismatch.inputs["rst_n"] == "1'h0"
    assert res.mismatch.gold["q"] == "8'h0" and res.mismatch.gate["q"] == "8'bxxxxxxxx"


def test_sequential_bug_after_reset_is_found_with_cycle_and_values(tmp_path, cnt_gold):
    bug = open_design(_w(tmp_path, "cnt_bug.v", CNT.format(update="if (en) q <= q + d;", zero="(q == 8'd0)")
                         .replace("q <= q + d", "q <= (q[7] & d[7]) ? q : q + d")))
    res = simulate_diff(cnt_gold, bug, SimOptions(cycles=2000, seed=5))
    assert not res.passed
    m = res.mismatch
    assert m.cycle >= 2 and m.outputs  # after the two reset cycles
    assert set(m.inputs) == {"en", "d", "rst_n"} and m.gold["q"] != m.gate["q"]


def test_multi_module_files_with_the_same_module_names_do_not_collide(tmp_path):
    gold = open_design(DESIGNS / "ppa" / "multi_module.v")
    text = (DESIGNS / "ppa" / "multi_module.v").read_text().replace("assign s = a + b;", "assign s = b + a;")
    gate = open_design(_w(tmp_path, "mm.v", text))
    res = simulate_diff(gold, gate, SimOptions(cycles=300))
    assert res.passed and res.gold_top == "pipe_top"


def test_gold_x_outputs_are_dont_care_but_gate_x_is_a_mismatch(tmp_path):
    xgold = _w(tmp_path, "xg.v", "module xo(input clk, input [3:0] a, output reg [3:0] q, output [3:0] y);\n"
               "  always @(posedge clk) q <= a;\n  assign y = a[0] ? a : 4'bxxxx;\nendmodule\n")
    known = _w(tmp_path, "xc.v", "module xo(input clk, input [3:0] a, output reg [3:0] q, output [3:0] y);\n"
               "  always @(posedge clk) q <= a;\n  assign y = a;\nendmodule\n")
    res = simulate_diff(open_design(xgold), open_design(known), SimOptions(cycles=300))
    assert res.passed
    assert any("X/Z" in n and "don't-care" in n for n in res.notes)
    back = simulate_diff(open_design(known), open_design(xgold), SimOptions(cycles=300))
    assert not back.passed and "x" in back.mismatch.gate["y"]


def test_a_failing_cocotb_test_fails_the_run(tmp_path, monkeypatch):
    # 1. the runner reads the results file: a failing test is a failure, not a silent pass
    _w(tmp_path, "failing_tb.py", "import cocotb\n\n@cocotb.test()\nasync def t(dut):\n"
            "    assert dut.s.value == 99, 'deliberate failure'\n")
    src = _w(tmp_path, "g.v", ADD.format(body="a + b"))
    run = CocotbRunner().run_job(CocotbJob(simulator="icarus", sources=[str(src)], toplevel="adder",
                                           test_module="failing_tb", build_dir=str(tmp_path / "b"),
                                           python_path=[str(tmp_path)]), timeout=120)
    assert run.tests == 1 and run.failures == 1 and not run.passed
    assert "deliberate failure" in run.cases[0].message
    # 2. simulate_diff: a testbench that fails without recording a mismatch raises, never passes
    _w(tmp_path, "broken_diff_tb.py", "import cocotb\n\n@cocotb.test()\nasync def t(dut):\n"
       "    raise RuntimeError('testbench crashed')\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setattr("rtlopt.sim._diff.TEST_MODULE", "broken_diff_tb")
    gold = open_design(src)
    with pytest.raises(ToolError, match="failed without a recorded mismatch"):
        simulate_diff(gold, gold, SimOptions())


def _processes_mentioning(text: str) -> list[int]:
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if text.encode() in (d / "cmdline").read_bytes():
                    pids.append(int(d.name))
            except OSError:
                continue
    return pids


def test_timeout_kills_the_simulation(tmp_path, cnt_gold):
    work = tmp_path / "slow"
    start = time.monotonic()
    with pytest.raises(ToolTimeout, match="time limit"):
        simulate_diff(cnt_gold, cnt_gold, SimOptions(cycles=50_000_000, timeout_s=4, work_dir=work))
    assert time.monotonic() - start < 30
    time.sleep(0.2)
    assert _processes_mentioning(str(work)) == []  # vvp and the child Python are gone


def test_activity_from_the_gold_vcd(tmp_path, cnt_gold):
    res = simulate_diff(cnt_gold, cnt_gold, SimOptions(cycles=400, activity=True))
    act = res.activity
    assert res.passed and act is not None
    assert act["cycles"] == 400 and act["net_bits"] == 19  # d(8) en rst_n z q(8); the clock is left out
    assert 0.05 < act["average_toggle_rate"] < 1.0
    assert "VCD" in act["source"]


def test_build_errors_in_the_design_are_input_errors_with_the_users_line(tmp_path):
    bad = _w(tmp_path, "bad.v", "module adder(input [3:0] a, input [3:0] b, output [4:0] s);\n"
             "  always @(a or b) s = a + b;\nendmodule\n")
    good = open_design(_w(tmp_path, "g.v", ADD.format(body="a + b")))
    with pytest.raises(InputError) as info:
        simulate_diff(good, open_design(bad), SimOptions())
    assert info.value.file == str(bad) and info.value.line == 2
    assert "icarus rejects the candidate" in str(info.value)


def _args(**kw):
    base = dict(gold_lib=[], gate_lib=[], allow_dropped_inputs=False, top=None, gold_top=None, gate_top=None, cycles=300, seed=1, simulator="icarus", timeout=120.0,
                clock=None, reset=None, reset_active_low=None, activity=False, keep=None, json=False)
    base.update(kw)
    return argparse.Namespace(**base)


def test_simulate_command_exit_codes_and_json(tmp_path, capsys):
    g = _w(tmp_path, "g.v", ADD.format(body="a + b"))
    ok = _w(tmp_path, "ok.v", ADD.format(body="b + a"))
    bad = _w(tmp_path, "bad.v", ADD.format(body="a - b"))
    assert simulate_cmd.run(_args(gold=str(g), gate=str(ok))) == 0
    assert "simulated, 256 vectors, no mismatch" in capsys.readouterr().out
    assert simulate_cmd.run(_args(gold=str(g), gate=str(bad), json=True)) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is False and out["mismatch"]["cycle"] >= 0 and out["mismatch"]["differing_outputs"] == ["s"]
    with pytest.raises(InputError):
        simulate_cmd.run(_args(gold=str(g), gate=str(tmp_path / "missing.v")))
    with pytest.raises(InputError):
        simulate_cmd.run(_args(gold=str(g), gate=str(ok), top="x", gold_top="y"))


def test_simulate_command_with_submodules_in_other_files(tmp_path, capsys):
    lib = _w(tmp_path, "lib.v", "module inc(input [3:0] a, output [3:0] y);\n  assign y = a + 4'd1;\nendmodule\n")
    top = _w(tmp_path, "top.v", "module t(input [3:0] a, output [3:0] y);\n  inc u(.a(a), .y(y));\nendmodule\n")
    flat = _w(tmp_path, "flat.v", "module t(input [3:0] a, output [3:0] y);\n  assign y = a - 4'hf;\nendmodule\n")
    assert simulate_cmd.run(_args(gold=str(top), gate=str(flat), gold_lib=[str(lib)])) == 0
    assert "all 16 input combinations" in capsys.readouterr().out


def test_lenient_ports_simulate_a_candidate_that_dropped_an_input(tmp_path):
    gold = open_design(_w(tmp_path, "g.v", "module t(input [3:0] a, input [3:0] b, input en, output [3:0] y);\n"
                          "  assign y = en ? a & b : a & b;\nendmodule\n"))
    ok = open_design(_w(tmp_path, "ok.v", "module t(input [3:0] a, input [3:0] b, output [3:0] y);\n"
                        "  assign y = b & a;\nendmodule\n"))
    res = simulate_diff(gold, ok, SimOptions(lenient_ports=True))
    assert res.passed and res.cycles == 512 and any("no input(s) en" in n for n in res.notes)
    gold2 = open_design(_w(tmp_path, "g2.v", "module t(input [3:0] a, input [3:0] b, input en, output [3:0] y);\n"
                           "  assign y = en ? a & b : a | b;\nendmodule\n"))
    res = simulate_diff(gold2, ok, SimOptions(lenient_ports=True))
    assert not res.passed and "en" in res.mismatch.inputs


def test_simulate_via_the_cli_entry_point(tmp_path):
    """When the lead has wired ``simulate`` into rtlopt.cli, the real command line gives the same codes."""
    from rtlopt import cli

    if "simulate" not in cli.COMMANDS:
        pytest.skip("simulate not yet listed in rtlopt.cli.COMMANDS")
    g = _w(tmp_path, "g.v", ADD.format(body="a + b"))
    assert cli.main(["simulate", str(g), str(g), "--cycles", "10"]) == 0
    assert cli.main(["simulate", str(g), str(tmp_path / "nope.v")]) == 2


verilator_ok = pytest.mark.skipif(not Verilator().available(), reason="Verilator >= 5.036 not available")


@pytest.mark.verilator
@pytest.mark.slow
@verilator_ok
def test_verilator_finds_the_same_mismatch_as_icarus(tmp_path, cnt_gold):
    bug = open_design(_w(tmp_path, "cnt_bug.v", CNT.format(update="if (en) q <= q + d;", zero="(q == 8'd0)")
                         .replace("q <= q + d", "q <= (q[7] & d[7]) ? q : q + d")))
    opts = dict(cycles=2000, seed=5)
    ica = simulate_diff(cnt_gold, bug, SimOptions(**opts))
    ver = simulate_diff(cnt_gold, bug, SimOptions(simulator="verilator", **opts))
    assert not ver.passed and ver.simulator == "verilator"
    assert ver.mismatch.cycle == ica.mismatch.cycle
    assert ver.mismatch.gold == ica.mismatch.gold and ver.mismatch.gate == ica.mismatch.gate


@pytest.mark.verilator
@pytest.mark.slow
@verilator_ok
def test_verilator_equivalent_pair_passes(tmp_path, cnt_gold):
    same = open_design(_w(tmp_path, "cnt_ok.v", CNT.format(update="q <= en ? d + q : q;", zero="~|q")))
    res = simulate_diff(cnt_gold, same, SimOptions(simulator="verilator", cycles=500))
    assert res.passed and res.cycles == 500
    assert os.path.basename(res.tool_versions["simulator"]).startswith("Verilator")


@pytest.mark.bench
def test_benchmark_variants_with_helper_modules_in_the_same_file(bench_dir):
    """mux_type5: every file also defines ``mux2to1``; renaming keeps the two copies apart."""
    case = bench_dir / "short_benchmark" / "mux" / "mux_type5"
    gold = open_design(case / "mux_type5_redundancy.v", top="mux_tree")
    human = simulate_diff(gold, open_design(case / "mux_type5_redundancy_optimized.v", top="mux_tree"))
    assert human.passed and human.cycles == 64  # 6 input bits: exhaustive
    gpt4 = simulate_diff(gold, open_design(case / "mux_type5_gpt4.v", top="mux_tree"))
    assert not gpt4.passed and gpt4.mismatch.cycle == 4
    assert gpt4.mismatch.gold == {"y": "1'h1"} and gpt4.mismatch.gate == {"y": "1'h0"}
