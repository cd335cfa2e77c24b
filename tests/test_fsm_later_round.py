"""The FSM engine in later rounds of the search (rtlopt.engine.search.fsm_candidates): a merge of two
equivalent states whose arms hold a 32-bit `integer` timer does not pay in the first round (the width
reduction of the timer wins), and pays once the timer is narrow: the machine is extracted again from the
current texts, and the candidates replace the user's file. Near-miss: no machine in the first round,
no FSM engine later."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.engine import search
from rtlopt.engine.search import State, fsm_candidates

pytestmark = pytest.mark.yosys

CASE = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "fsm" / "dupstate_int_timer_v"


def _narrowed(text: str) -> str:
    # what the width reduction leaves in the working text (unpinned): the integer timer behind a copy
    assert "integer   hold;" in text
    return (text.replace("integer   hold;", "integer   hold;\n  reg [3:0] hold_q;\n  always @* hold = hold_q;")
            .replace("hold <= 0", "hold_q <= 0").replace("hold <= hold + 1", "hold_q <= hold + 1"))


def test_merge_proposed_again_on_the_narrowed_texts(tmp_path):
    f = tmp_path / "pump.v"
    text = (CASE / "original.v").read_text()
    f.write_text(text)
    design = open_design([f], "pump_top")
    search._FSM_FOUND.clear()
    first = fsm_candidates(State(design=design, texts={f: text}, goal="area", liberty=None, round=0))
    assert any("6 -> 5 states" in c.description for c in first), [c.description for c in first]
    cur = _narrowed(text)
    later = fsm_candidates(State(design=design, texts={f: cur}, goal="area", liberty=None, round=1))
    merged = [c for c in later if "6 -> 5 states" in c.description and c.hints.get("encoding") == "binary"]
    assert merged
    c = merged[0]
    assert Path(c.hints["file"]) == f  # the user's file, not the temporary copy
    assert "reg [3:0] hold_q;" in c.text  # built on the current (narrowed) text
    assert abc_verdict(tmp_path, f, c.text, "pump_top") == "EQUIVALENT"


def test_no_machine_in_the_first_round_no_later_rounds(tmp_path):
    f = tmp_path / "cnt.v"
    text = """
module cnt(input clk, input rst, input en, output [3:0] q);
  integer c;
  always @(posedge clk) if (rst) c <= 0; else if (en) c <= (c == 9) ? 0 : c + 1;
  assign q = c[3:0];
endmodule
"""
    f.write_text(text)
    design = open_design([f], "cnt")
    search._FSM_FOUND.clear()
    assert fsm_candidates(State(design=design, texts={f: text}, goal="area", liberty=None, round=0)) == []
    cur = text.replace("integer c;", "integer c;  // narrowed elsewhere")
    assert fsm_candidates(State(design=design, texts={f: cur}, goal="area", liberty=None, round=1)) == []
