"""The flat measurement limit of a design with submodules (a tenth of the budget) grows with the machine's
load per core, up to LOAD_FACTOR_MAX times: the limit decides whether the design is too large for a flat
run, and a busy machine must not send a small design module by module."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.commands import optimize as cmd
from rtlopt.errors import InputError

TWO = """module leaf(input [3:0] a, b, output [3:0] y);
  assign y = a + b;
endmodule
module top(input [3:0] a, b, c, output [3:0] y, z);
  leaf u0(.a(a), .b(b), .y(y));
  leaf u1(.a(a), .b(c), .y(z));
endmodule
"""


@pytest.mark.parametrize(("load", "cores", "want"), [(0.5, 2, 1.0), (2.0, 2, 1.0), (5.0, 2, 2.5), (27.0, 2, 3.0),
                                                    (27.0, 16, 27.0 / 16)])
def test_load_factor(monkeypatch, load, cores, want):
    monkeypatch.setattr(cmd.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(cmd.os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert cmd.load_factor() == pytest.approx(want)


def test_load_factor_without_load_average(monkeypatch):
    def no_load():
        raise OSError("no load average")

    monkeypatch.setattr(cmd.os, "getloadavg", no_load)
    assert cmd.load_factor() == 1.0


def _limit_given(tmp_path: Path, monkeypatch, load: float, text: str = TWO) -> float:
    src = tmp_path / "d.v"
    src.write_text(text)
    seen = {}

    def fake(design, **kw):
        seen.update(kw)
        raise InputError("stop here")

    monkeypatch.setattr(cmd, "optimize", fake)
    monkeypatch.setattr(cmd.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(cmd.os, "sched_getaffinity", lambda _pid: {0, 1})
    assert main(["optimize", str(src), "--top", "top", "-q", "--budget", "90"]) != 0
    return seen["ppa_timeout_s"]


def test_flat_limit_scales_with_load(tmp_path: Path, monkeypatch):
    idle = _limit_given(tmp_path, monkeypatch, 0.3)
    busy = _limit_given(tmp_path, monkeypatch, 25.0)
    assert idle == pytest.approx(9.0)  # a tenth of --budget 90
    assert busy == pytest.approx(27.0)  # at most LOAD_FACTOR_MAX times that


def test_single_module_limit_unchanged_by_load(tmp_path: Path, monkeypatch):
    """Near miss: a design without submodules keeps the PPA time limit (the load changes nothing)."""
    one = "module top(input [3:0] a, b, output [3:0] y);\n  assign y = a + b;\nendmodule\n"
    assert _limit_given(tmp_path, monkeypatch, 25.0, one) == _limit_given(tmp_path, monkeypatch, 0.3, one)
