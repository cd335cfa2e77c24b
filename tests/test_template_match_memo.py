"""The templates generator keeps each finished matcher's matches by analysed text: a second run on the same
text (after a cut at the input's measurement cap or at its slice) does not run the matcher again and gives
the same candidates; a matcher interrupted at its time limit is run again; another text is matched anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.engine import search
from rtlopt.engine.search import State, template_candidates
from rtlopt.engine.timelimit import Deadline
from rtlopt.templates._arith import ConstMultToShiftAdd

SRC = "module m(input [7:0] a, b, output [15:0] y, z);\n  assign y = a * 8'd29;\n  assign z = b * 8'd45;\nendmodule\n"


class Counting(ConstMultToShiftAdd):
    """The constant-multiplication template, counting its matcher runs; ``cut`` runs end at the time limit."""

    def __init__(self, cut: int = 0) -> None:
        self.calls = 0
        self.cut = cut

    def find(self, an):
        self.calls += 1
        if self.calls <= self.cut:
            raise Deadline("cut")
        return super().find(an)


@pytest.fixture(autouse=True)
def _empty_memo():
    search._MATCH_MEMO.clear()
    yield
    search._MATCH_MEMO.clear()


def _state(src: str = SRC) -> State:
    f = Path("/nonexistent/m.v")
    return State(design=None, texts={f: src}, goal="area", liberty=None)


def test_finished_matcher_not_run_again_same_candidates():
    t = Counting()
    first = template_candidates(_state(), {"const_mult_to_shift_add": t})
    runs = t.calls
    assert len(first) == 3 and runs >= 1  # both products, then each alone
    second = template_candidates(_state(), {"const_mult_to_shift_add": t})
    assert t.calls == runs  # every analysed text's matches came from the memo
    assert [c.text for c in second] == [c.text for c in first]
    assert [c.description for c in second] == [c.description for c in first]


def test_matcher_cut_at_its_limit_runs_again():
    t = Counting(cut=1)
    st = _state()
    assert template_candidates(st, {"const_mult_to_shift_add": t}) == []
    assert st.cut  # the generator reports the cut (it runs again next round)
    again = template_candidates(_state(), {"const_mult_to_shift_add": t})
    assert t.calls >= 2 and len(again) == 3


def test_other_text_is_matched_anew():
    t = Counting()
    template_candidates(_state(), {"const_mult_to_shift_add": t})
    runs = t.calls
    other = SRC.replace("8'd45", "8'd27")
    got = template_candidates(_state(other), {"const_mult_to_shift_add": t})
    assert t.calls > runs and len(got) == 3
    assert all("27" in c.description or "29" in c.description for c in got)


def test_another_template_object_of_the_same_id_is_not_served():
    """A different template object (tests, custom template sets) never reads another one's matches."""
    a, b = Counting(), Counting()
    template_candidates(_state(), {"const_mult_to_shift_add": a})
    template_candidates(_state(), {"const_mult_to_shift_add": b})
    assert a.calls >= 1 and b.calls >= 1
