"""Process hygiene: SIGTERM/SIGINT kill every child group, remove temp files, exit 143/130 cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

GOLD = "module m(input [19:0] a, input [19:0] b, output [39:0] y);\nassign y = a * b;\nendmodule\n"
GATE = """module m(input [19:0] a, input [19:0] b, output [39:0] y);
reg [39:0] acc; integer i;
always @* begin acc = 0; for (i = 0; i < 20; i = i + 1) if (a[i]) acc = acc + ({20'd0, b} << i); end
assign y = acc;
endmodule
"""


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def _alive_in_groups(groups: set[int]) -> list[int]:
    """Live (non-zombie) processes whose process group is one of ``groups``."""
    alive = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp in groups and state not in ("Z", "X"):
            alive.append(int(d.name))
    return alive


def _start(tmp_path: Path, *args: str) -> subprocess.Popen:
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(ROOT))
    # as from an interactive shell: SIGINT at its default even when the test run itself ignores it
    # (pytest started under nohup or as a background job passes SIG_IGN on, which rtlopt keeps on purpose)
    return subprocess.Popen([sys.executable, "-m", "rtlopt", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _signal_mid_proof(tmp_path: Path, sig: int) -> tuple[subprocess.CompletedProcess, set[int]]:
    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(GOLD)
    h.write_text(GATE)
    proc = _start(tmp_path, "verify", str(g), str(h), "--timeout", "600", "--engines", "abc,smt")
    groups: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if kids:  # a Yosys or ABC child is running: the proof is under way
            time.sleep(0.3)
            groups = {os.getpgid(k) for k in _children(proc.pid) if Path(f"/proc/{k}").exists()} or set(kids)
            break
        time.sleep(0.05)
    assert proc.poll() is None, "verify ended before a child process was seen"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err), groups


@pytest.mark.yosys
@pytest.mark.parametrize("sig,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_mid_proof_kills_children_and_cleans_up(tmp_path, sig, code):
    res, groups = _signal_mid_proof(tmp_path, sig)
    assert res.returncode == code, res.stderr
    assert "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert groups
    time.sleep(0.5)
    assert _alive_in_groups(groups) == []
    assert list((tmp_path / "tmp").iterdir()) == []  # the run's temp root (yosys-abc-* inside) is gone


def test_json_on_bad_input(tmp_path):
    bad = tmp_path / "bad.v"
    bad.write_text("module t(input a, output y);\nassign y = ;\nendmodule\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["verify", str(bad), str(bad), "--json"], ["ppa", str(bad), "--json"],
                 ["verify", "--json"]):
        res = subprocess.run([sys.executable, "-m", "rtlopt", *args], capture_output=True, text=True, env=env,
                             timeout=120)
        assert res.returncode == 2
        data = json.loads(res.stdout)
        assert data["status"] == "error" and data["exit_code"] == 2 and data["error"]
        assert "Traceback" not in res.stderr


def test_version_timeout_is_not_too_old(monkeypatch):
    from rtlopt.errors import ToolTimeout
    from rtlopt.tools.base import Tool

    t = Tool(name="slowtool", executable=sys.executable, min_version=(1, 0), install_hint="-")

    def slow(*_a, **_k):
        raise ToolTimeout("slowtool exceeded its time limit of 60 s")

    monkeypatch.setattr(t, "_run_raw", slow)
    assert t.problem() is None
    assert t.version_note == "version query timed out"


def test_background_children_run_at_lower_priority():
    """Children started under background_children() are niced (analyses yield the CPU to the input's
    measurement); a thread marked foreground() keeps the normal priority; nothing else changes."""
    import threading

    from rtlopt.tools.base import BACKGROUND_NICE, background_children, foreground, popen_child

    def niceness() -> int:
        proc = popen_child([sys.executable, "-c", "import os; print(os.nice(0))"],
                           stdout=subprocess.PIPE, text=True)
        out, _ = proc.communicate(timeout=60)
        return int(out)

    base = niceness()
    with background_children():
        assert niceness() == min(19, base + BACKGROUND_NICE)
        with foreground():
            assert niceness() == base
        other: list[int] = []
        t = threading.Thread(target=lambda: other.append(niceness()))
        t.start()
        t.join(60)
        assert other == [min(19, base + BACKGROUND_NICE)]  # the flag holds for every thread of the run
    assert niceness() == base
