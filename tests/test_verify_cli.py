"""``rtlopt verify`` command line: exit codes 0/1/2/3, --json, top selection, reset flags."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.cli import main

V = Path(__file__).resolve().parent.parent / "designs" / "verify"
pytestmark = pytest.mark.yosys


def run(capsys, *args):
    rc = main(["verify", *map(str, args)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_exit_0_equivalent(capsys):
    rc, out, _ = run(capsys, V / "mux4_case.v", V / "mux4_tree.v")
    assert rc == 0 and out.startswith("EQUIVALENT")


def test_exit_1_with_counterexample(capsys):
    rc, out, _ = run(capsys, V / "mul10_a.v", V / "mul10_bad.v")
    assert rc == 1 and out.startswith("NOT EQUIVALENT")
    assert "counterexample" in out and "input  a" in out


def test_exit_1_interface(capsys):
    rc, out, _ = run(capsys, V / "mul10_a.v", V / "mul10_wide.v")
    assert rc == 1 and "interface: output 'y' is 12 bits wide in gold but 13 in gate" in out


def test_exit_3_unknown_on_time_limit(capsys):
    rc, out, _ = run(capsys, V / "mulhard_a.v", V / "mulhard_b.v", "--timeout", "2", "--engines", "smt,abc")
    assert rc == 3 and out.startswith("UNKNOWN") and "time limit" in out


def test_json_output(capsys):
    rc, out, _ = run(capsys, V / "fsm_bin.v", V / "fsm_onehot_bad.v", "--json")
    d = json.loads(out)
    assert rc == 1 and d["verdict"] == "NOT EQUIVALENT" and d["exit_code"] == 1
    assert d["counterexample"]["sequential"] is True
    assert d["counterexample"]["cycles"][0]["reset_forced"] is True
    # ABC gets the first short slice on sequential designs; its difference carries a trace re-derived by z3
    assert d["engine"] in ("abc", "smt") and d["counterexample"]["cycles"]


def test_gold_and_gate_tops(capsys):
    rc, out, _ = run(capsys, V / "mul10_a.v", V / "mul10_renamed.v", "--gold-top", "mul10", "--gate-top",
                     "mul10_opt")
    assert rc == 0, out


def test_reset_flags(capsys):
    rc, out, _ = run(capsys, V / "cnt_async_a.v", V / "cnt_async_b.v", "--reset", "arst_n", "--reset-active-low")
    assert rc == 0 and "reset 'arst_n' (given, active-low as given)" in out
    rc, out, _ = run(capsys, V / "noreset_a.v", V / "noreset_b.v", "--init", "zero", "--json")
    assert rc == 0 and json.loads(out)["verdict"] == "EQUIVALENT"


@pytest.mark.parametrize("args,needle", [
    (["nope.v", "mul10_a.v"], "no such file"),
    (["mul10_a.v", "mul10_a.v", "--top", "other"], "top module 'other' not found"),
    (["mul10_a.v", "mul10_b.v", "--timeout", "0"], "--timeout must be positive"),
    (["pipe_a.v", "pipe_b.v", "--reset", "rst_q"], "no input of that name"),
])
def test_exit_2_input_errors(capsys, args, needle):
    rc, out, err = run(capsys, *[V / a if a.endswith(".v") else a for a in args])
    assert rc == 2 and needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_exit_2_bad_files_in_a_subprocess(tmp_path):
    empty = tmp_path / "empty.v"
    empty.write_text("")
    binary = tmp_path / "bin.v"
    binary.write_bytes(b"\x7fELF\x00\x01")
    syntax = tmp_path / "syn.v"
    syntax.write_text("module m(input a, output y);\n  assign y = a &;\nendmodule\n")
    for bad, needle in ((empty, "empty"), (binary, "binary"), (syntax, "syntax error")):
        p = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(V / "mul10_a.v"), str(bad)],
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 2 and needle in p.stderr and "Traceback" not in p.stderr, p.stderr
    p = subprocess.run([sys.executable, "-m", "rtlopt", "verify", "--help"], capture_output=True, text=True,
                       timeout=60)
    assert "exit codes" in p.stdout and "UNKNOWN" in p.stdout


def test_gate_top_defaults_to_gold_top_when_gate_has_spare_modules(capsys, tmp_path):
    """A rewrite may leave cell modules uninstantiated; the gate's top is then the gold's top by name."""
    gold = tmp_path / "gold.v"
    gate = tmp_path / "gate.v"
    gold.write_text("module fa(input a, b, output s); assign s = a ^ b; endmodule\n"
                    "module top(input a, b, output s); fa u(.a(a), .b(b), .s(s)); endmodule\n")
    gate.write_text("module fa(input a, b, output s); assign s = a ^ b; endmodule\n"
                    "module top(input a, b, output s); assign s = b ^ a; endmodule\n")
    rc, out, err = run(capsys, gold, gate)
    assert rc == 0 and out.startswith("EQUIVALENT"), (out, err)
