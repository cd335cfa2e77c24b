"""The Yosys fork server (rtlopt.tools._forkserver): the PPA flow's Yosys runs in children forked from
one pre-imported pyosys process must give exactly what a fresh process gives, honour time limits and
niceness, and step aside (None: a normal child) when it must not be used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from rtlopt.errors import ToolTimeout
from rtlopt.ppa import _measure
from rtlopt.tools import Yosys, _forkserver
from rtlopt.tools.base import BACKGROUND_NICE, background_children

pytestmark = pytest.mark.yosys

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

_FSM = """module blink(input clk, input rst, input go, output reg [1:0] st, output busy);
  reg [3:0] cnt;
  always @(posedge clk) begin
    if (rst) begin st <= 0; cnt <= 0; end
    else case (st)
      2'd0: if (go) st <= 2'd1;
      2'd1: begin cnt <= cnt + 1; if (cnt == 4'd9) st <= 2'd2; end
      2'd2: st <= go ? 2'd2 : 2'd0;
      default: st <= 0;
    endcase
  end
  assign busy = st != 0;
endmodule
module top(input clk, input rst, input go, output [1:0] st, output busy);
  blink u(.clk(clk), .rst(rst), .go(go), .st(st), .busy(busy));
endmodule
"""


@pytest.fixture
def yosys():
    y = Yosys()
    if not y.command or y.command[-1] != "rtlopt.tools._pyosys_main":
        pytest.skip("a system Yosys binary: no fork server")
    return y


def _full(tmp_path: Path, name: str):
    f = tmp_path / f"{name}.v"
    f.write_text(_FSM)
    with _measure._MAPPED_LOCK:
        _measure._MAPPED.clear()
    syn = _measure.synthesize([f], liberty=LIB if LIB.exists() else None, top="top", generic=False)
    netlist = (syn.work / "netlist.v").read_text()
    rep = _measure.finish(syn)
    return rep.area_um2.value, rep.delay_ns.value, rep.generic_cells.value, rep.cells_by_type, netlist


def test_forked_children_measure_exactly_like_fresh_processes(tmp_path, monkeypatch, yosys):
    monkeypatch.setenv("RTLOPT_FORKSERVER", "0")
    fresh = _full(tmp_path, "a")
    monkeypatch.setenv("RTLOPT_FORKSERVER", "1")
    calls = []
    real = _forkserver.run_script
    monkeypatch.setattr(_forkserver, "run_script", lambda *a, **k: calls.append(1) or real(*a, **k))
    forked = _full(tmp_path, "b")
    forked2 = _full(tmp_path, "c")  # a second request to the same server
    assert forked == fresh == forked2
    assert len(calls) >= 6  # two synthesis processes and the generic one, twice


def test_time_limit_kills_the_child(tmp_path, yosys):
    marker = tmp_path / "late.txt"
    t0 = time.monotonic()
    with pytest.raises(ToolTimeout):
        _forkserver.run_script(yosys, f"!sleep 20; touch {marker}\n", cwd=tmp_path, timeout=2)
    assert time.monotonic() - t0 < 60
    time.sleep(1)
    assert not marker.exists()  # the shell Yosys started was killed with its group


def test_error_exit_and_output(tmp_path, yosys):
    res = _forkserver.run_script(yosys, "log hello-from-fork\nthis_is_not_a_pass\n", cwd=tmp_path, timeout=120)
    assert res is not None
    assert res.returncode != 0
    assert "hello-from-fork" in res.stdout
    assert "ERROR" in res.stdout + res.stderr


def test_niceness_in_the_background(tmp_path, yosys):
    probe = tmp_path / "nice.txt"
    script = f"!awk '{{print $19}}' /proc/$PPID/stat > {probe}\n"
    with background_children():
        res = _forkserver.run_script(yosys, script, cwd=tmp_path, timeout=120)
    assert res is not None and res.returncode == 0
    assert int(probe.read_text()) == min(19, os.nice(0) + BACKGROUND_NICE)
    res = _forkserver.run_script(yosys, script, cwd=tmp_path, timeout=120)
    assert int(probe.read_text()) == os.nice(0)


def test_steps_aside_when_it_must_not_be_used(tmp_path, monkeypatch, yosys):
    # near misses: turned off, no working directory, a confined (untrusted) run, a system binary
    monkeypatch.setenv("RTLOPT_FORKSERVER", "0")
    assert _forkserver.run_script(yosys, "help\n", cwd=tmp_path, timeout=60) is None
    monkeypatch.setenv("RTLOPT_FORKSERVER", "1")
    assert _forkserver.run_script(yosys, "help\n", cwd=None, timeout=60) is None
    from rtlopt.tools import sandbox

    monkeypatch.setattr(sandbox, "confine", lambda argv, env, cwd, force=None: (["bwrap", *argv], env))
    assert _forkserver.run_script(yosys, "help\n", cwd=tmp_path, timeout=60) is None
    monkeypatch.undo()

    class Binary:
        command = ["/usr/bin/yosys"]

    assert _forkserver.run_script(Binary(), "help\n", cwd=tmp_path, timeout=60) is None


def test_analysis_and_proof_yosys_runs_use_the_server_with_the_same_results(tmp_path, monkeypatch, yosys):
    """Every ``Yosys.run_script`` with a working directory (sequential analyses, proofs) is a child of
    the fork server; what it computes equals a fresh process's (the netlist an analysis simulates, a
    proof's verdict)."""
    from rtlopt.semantic import seqsim
    from rtlopt.verify import VerifyOptions, check_equivalence

    f = tmp_path / "fsm.v"
    f.write_text(_FSM)
    g = tmp_path / "gate.v"
    g.write_text(_FSM.replace("assign busy = st != 0;", "assign busy = |st;"))

    def run(tag: str):
        net = seqsim.load([f], "top", timeout=120)
        res = check_equivalence(_design(f), _design(g), VerifyOptions(timeout_s=120))
        return (net.nsig, net.gates, [(q.q, q.d, q.rst) for q in net.flops], sorted(net.outputs.items()),
                str(res.verdict))

    monkeypatch.setenv("RTLOPT_FORKSERVER", "0")
    fresh = run("fresh")
    monkeypatch.setenv("RTLOPT_FORKSERVER", "1")
    calls = []
    real = _forkserver.run_script
    monkeypatch.setattr(_forkserver, "run_script", lambda *a, **k: calls.append(k.get("cwd")) or real(*a, **k))
    forked = run("forked")
    assert forked == fresh and "EQUIVALENT" in fresh[-1] and "NOT" not in fresh[-1]
    assert len(calls) >= 2


def _design(path: Path):
    from rtlopt.design import open_design

    return open_design([str(path)], "top")


def test_cancelled_scope_kills_a_server_child(tmp_path, yosys):
    """A proof lane cancels its engines through a child scope: a fork-server child started inside the
    scope is killed with it (the run ends at once, its shell never finishes)."""
    import threading

    from rtlopt.tools.base import ChildScope, child_scope

    marker = tmp_path / "late.txt"
    scope = ChildScope()
    out: list = []

    def lane():
        with child_scope(scope):
            out.append(yosys.run_script(f"!sleep 20; touch {marker}\n", cwd=tmp_path, timeout=120, check=False))

    t = threading.Thread(target=lane)
    t0 = time.monotonic()
    t.start()
    time.sleep(3)
    scope.cancel()
    t.join(60)
    assert not t.is_alive() and time.monotonic() - t0 < 30
    assert out and out[0].returncode != 0
    time.sleep(1)
    assert not marker.exists()


def test_forced_sandbox_is_not_bypassed(tmp_path, monkeypatch, yosys):
    """A Yosys whose runs are always confined (``sandbox=True``) never uses the server (near miss: the
    same tool without it does)."""
    from rtlopt.tools import sandbox

    monkeypatch.setattr(sandbox, "confine", lambda argv, env, cwd, force=None:
                        ((["bwrap", *argv], env) if force else (argv, env)))
    assert _forkserver.run_script(Yosys(sandbox=True), "help\n", cwd=tmp_path, timeout=60) is None
    assert _forkserver.run_script(yosys, "help\n", cwd=tmp_path, timeout=60) is not None
