"""Simulation in the optimizer: a fast filter before the proof, and evidence only on explicit request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_optimize import DESIGNS, _WrongTemplate

from rtlopt.cli import main
from rtlopt.engine import search
from rtlopt.verify import Verdict

pytestmark = [pytest.mark.yosys, pytest.mark.sta, pytest.mark.iverilog]


class _Unknown:
    """What the verifier returns when it runs out of time."""

    verdict = Verdict.UNKNOWN
    engine = None
    seconds = 0.0
    reason = "time limit (simulated prover time-out)"

    def to_dict(self) -> dict:
        return {"verdict": "UNKNOWN", "reason": self.reason}


def _prover(result=None, calls: list | None = None):
    from rtlopt.verify import VerifyOptions

    def check(gold, gate, opts):
        if calls is not None:
            calls.append(gate)
        if result is None:
            raise AssertionError("the prover must not run")
        return result

    return lambda: (check, VerifyOptions)


def test_sim_check_rejects_a_wrong_candidate_before_the_prover(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(search, "REGISTRY", {"wrong_on_purpose": _WrongTemplate()})
    monkeypatch.setattr(search, "_GENERATORS", {"templates": search._GENERATORS["templates"]})  # that one only
    monkeypatch.setattr(search, "_verify_api", _prover(None))
    src = tmp_path / "add.v"
    src.write_text("module add(input [7:0] a, b, output [8:0] y);\n  assign y = a + b;\nendmodule\n")
    before = src.read_text()
    rc = main(["optimize", str(src), "--in-place", "-q", "--sim-check", "--json", "--budget", "60"])
    report = json.loads(capsys.readouterr().out)
    assert rc == 4 and src.read_text() == before
    attempts = [a for a in report["candidates"] if a.get("verdict")] if "candidates" in report else []
    text = json.dumps(report)
    assert "NOT_EQUIVALENT" in text and "simulation" in text
    assert not attempts or all(a["verdict"] == "NOT_EQUIVALENT" for a in attempts)


#: mac_const (designs/mac_const.v) with a 5-bit sample: the same constant taps, and the bounded check of
#: the evidence takes 2.5 s instead of 56 s (30 cycles of 12-bit multiplications, load 18)
MAC5 = (DESIGNS / "mac_const.v").read_text().replace("[11:0] x", "[4:0] x").replace("[19:0]", "[12:0]") \
    .replace("20'd0", "13'd0")


def test_unknown_proof_is_accepted_only_with_accept_simulation(tmp_path: Path, monkeypatch, capsys):
    calls: list = []
    monkeypatch.setattr(search, "_verify_api", _prover(_Unknown(), calls))
    # one generator (the constant-multiplication template) gives the candidates: every other generator's
    # candidates would also end UNKNOWN and be simulated one after the other, and the budget ran out
    # before the first SIMULATED one at a load of 15 (59 s of the suite's time idle)
    monkeypatch.setattr(search, "_GENERATORS", {"templates": search._GENERATORS["templates"]})
    monkeypatch.setattr(search, "REGISTRY", {"const_mult_to_shift_add": search.REGISTRY["const_mult_to_shift_add"]})
    src = tmp_path / "mac_const.v"
    assert "[4:0] x" in MAC5 and "x * 23" in MAC5
    src.write_text(MAC5)
    before = src.read_text()
    # UNKNOWN is never success by default
    assert main(["optimize", str(src), "--in-place", "-q", "--budget", "60"]) == 4
    assert src.read_text() == before and calls
    capsys.readouterr()
    # with the explicit flag, simulation evidence may carry it, and the report says it is not proven.
    # The evidence's time limit is twice --verify-timeout (at least 120 s; the simulation runs get 60 %
    # of it): three Icarus runs took 26-33 s each at a load of 18, more than the 72 s of the default
    rc = main(["optimize", str(src), "--in-place", "-q", "--budget", "60", "--accept-simulation",
               "--sim-cycles", "100", "--verify-timeout", "150"])
    out = capsys.readouterr().out
    assert rc == 0
    assert src.read_text() != before
    assert "NOT PROVEN" in out and "SIMULATED" in out
