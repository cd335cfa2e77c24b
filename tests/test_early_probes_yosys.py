"""Proof scheduling with the real verifier (Yosys, ABC, z3): UNKNOWN-prone candidates measured better
than a provable one must not use up the budget before it is tried (rtlopt.engine.search, EARLY_PROBES and
RETRY_DEFER_GAIN_SHARE; the same search on a virtual clock with a fake prover: tests/test_early_probes.py).

Own design: a free-running 32-bit counter's terminal flag and a register that stays 0 from reset (z & a).
The UNKNOWN-prone candidates move the flag's compare value (a difference some 4e9 cycles after reset: no
bounded check reaches it and no induction proves anything, so each proof runs to its limit and ends
UNKNOWN; never accepted); the provable one drops the constant register (ABC, a few seconds). Generator
time (the templates' matching, later analyses) is added on a virtual clock; the proofs take real time.
Before: the templates' combination took the whole early slot, two more of them their prove-stage caps,
and the budget ended before the constant register was tried (no_proof)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.candidate import Candidate
from tests.test_early_probes import _measure, _virtual_clock

pytestmark = [pytest.mark.yosys, pytest.mark.slow]

_SRC = """// AREA=1000 ORIGINAL
module top(input clk, input rst, input [7:0] a, output flag, output [7:0] q);
  reg [31:0] c;
  reg [7:0] z;
  always @(posedge clk)
    if (rst) begin c <= 0; z <= 0; end
    else begin c <= c + 1; z <= z & a; end
  assign flag = c == 32'hFFFFFFFF;
  assign q = z ^ a;
endmodule
"""


def test_the_constant_register_is_proven_within_the_budget(tmp_path: Path, monkeypatch):
    import rtlopt.verify as verify

    clock = _virtual_clock(monkeypatch)
    src = tmp_path / "top.v"
    src.write_text(_SRC)
    design = open_design([str(src)], "top")

    def var(area: int, tag: str, last: str | None = None, const: bool = False) -> str:
        t = _SRC.replace("AREA=1000 ORIGINAL", f"AREA={area} {tag}")
        if last is not None:
            t = t.replace("32'hFFFFFFFF", f"32'h{last}")
        if const:
            t = t.replace("assign q = z ^ a;", "assign q = a;")
        return t

    def templates(state):
        if state.round > 0:
            return []
        clock.offset += 25.0  # the templates' matching under load
        f = str(src)
        return [Candidate(var(600, "COMBO", "FFFFFFFC"), "template",
                          ("common_subexpression_elimination", "register_width_reduction"), "all templates",
                          {"file": f, "parts": ("x", "n1", "n2"), "combined": True}),
                Candidate(var(620, "NARROW1", "FFFFFFFE"), "template", ("register_width_reduction",), "n1",
                          {"file": f, "parts": ("n1",)}),
                Candidate(var(640, "NARROW2", "FFFFFFFD"), "template", ("register_width_reduction",), "n2",
                          {"file": f, "parts": ("n2",)})]

    def light(state):  # (real time: the measurements of the templates' candidates finish meanwhile)
        time.sleep(1.0)
        return []

    def later(state):  # after the early group: the early proof runs before it
        if state.round > 0:
            return []
        clock.offset += 15.0  # its analyses
        return [Candidate(var(700, "CONST", const=True), "template", ("sequential_redundancy",),
                          "z constant", {"file": str(src), "parts": ("z",)})]

    monkeypatch.setattr(search, "_GENERATORS", {"templates": templates, "romsym": light, "later": later})
    monkeypatch.setattr(search, "_MEMO_KEYS", {})
    real = verify.check_equivalence
    proofs: list[tuple[str, float, str]] = []

    def check(gold, gate, opts):
        tag = re.search(r"AREA=\d+ (\w+)", Path(gate.files[0]).read_text()).group(1)
        res = real(gold, gate, opts)
        proofs.append((tag, round(opts.timeout_s, 1), res.verdict.name))
        return res

    monkeypatch.setattr(verify, "check_equivalence", check)
    res = search.optimize(design, budget_s=90, verify_timeout_s=60, measure_fn=_measure, max_steps=1)
    assert [s.description for s in res.steps] == ["z constant"], proofs
    assert res.steps[0].verdict == "EQUIVALENT"
    assert "assign q = a;" in res.final[src]
    # the moved compares were never accepted: each proof UNKNOWN
    assert all(v == "UNKNOWN" for t, _l, v in proofs if t != "CONST"), proofs
