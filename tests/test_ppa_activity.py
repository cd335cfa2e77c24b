"""Power with switching activity measured by simulation (rtlopt ppa --activity-from-sim)."""

from __future__ import annotations

import json

import pytest

from rtlopt.cli import main

pytestmark = [pytest.mark.yosys, pytest.mark.sta, pytest.mark.iverilog]


def test_activity_from_simulation_is_used_and_stated(designs, capsys):
    d = str(designs / "ppa" / "adder8.v")
    assert main(["ppa", d, "--json"]) == 0
    assumed = json.loads(capsys.readouterr().out)
    assert main(["ppa", d, "--json", "--activity-from-sim", "--sim-cycles", "200"]) == 0
    simulated = json.loads(capsys.readouterr().out)
    act = simulated["provenance"]["activity"]
    assert "measured by simulation" in act["assumption"]
    assert 0 < act["global_activity"] != assumed["provenance"]["activity"]["global_activity"]
    assert "no simulation activity" in assumed["provenance"]["activity"]["assumption"]
    # same netlist, different activity: area equal, dynamic power differs
    assert simulated["metrics"]["area"]["value"] == assumed["metrics"]["area"]["value"]
    assert simulated["metrics"]["power"]["value"] != assumed["metrics"]["power"]["value"]
