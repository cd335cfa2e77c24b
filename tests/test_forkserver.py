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
