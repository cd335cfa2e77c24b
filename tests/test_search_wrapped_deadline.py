"""A time limit that fires inside a z3/pyslang call comes back from ctypes wrapped
(``ctypes.ArgumentError: argument 2: Deadline``): the search treats it as the generator's deadline,
it does not end the run (heldout18 codecinit crashed in its FSM generator this way)."""

from __future__ import annotations

import ctypes
import json
from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.engine import search

pytestmark = pytest.mark.yosys


def test_wrapped_deadline_in_a_generator_is_a_cut_not_a_crash(tmp_path: Path, monkeypatch, capsys):
    calls: list[int] = []

    def boom(state):
        calls.append(1)
        raise ctypes.ArgumentError("argument 2: Deadline: ")

    monkeypatch.setattr(search, "_GENERATORS", {"boom": boom, "templates": search._GENERATORS["templates"]})
    src = tmp_path / "add.v"
    src.write_text("module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n")
    rc = main(["optimize", str(src), "-o", str(tmp_path / "out.v"), "--json", "--budget", "30"])
    report = json.loads(capsys.readouterr().out)
    assert calls and rc in (0, 4) and report

