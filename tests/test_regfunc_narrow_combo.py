"""A flag register that is a predicate of a counter declared wider than its value range: the register
function and the width narrowing in one candidate (regfunc_seq.with_narrowing), so the flag does not
wait for a later round; predicates over an 'int' counter whose samples stay narrow (regfunc words up
to 40 bits). Near-miss: a flag raised one cycle after the count saturates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _combo(tmp_path: Path, text: str, top: str, suffix: str):
    from rtlopt.semantic import regfunc, regfunc_seq

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    texts = {p: text}
    an = regfunc.analysis_for(texts, top)
    assert an.error is None, an.error
    got = regfunc.candidates_for(texts, top)
    return an, p, regfunc_seq.with_narrowing(texts, top, got)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=400)
    return r.returncode


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,want", [
    ("flagnarrow_hold_timer_v", "door_lock", ("reg [6:0] t;", "holding = (t != 7'h0);")),
    ("flagnarrow_link_down_sv", "phy_mon", ("reg [9:0] cnt_q;", "down = (cnt == 32'd600);")),
])
def test_flag_and_narrowing_in_one_candidate(tmp_path, case, top, want):
    src = next((GEN / case).glob("original.*"))
    _an, p, combos = _combo(tmp_path, src.read_text(), top, src.suffix)
    new = [n[p] for n, d in combos if all(w in n[p] for w in want) and "register_width_reduction" in d]
    assert new, [d for _n, d in combos]
    assert _verify(tmp_path, p, new[0], top) == 0


@pytest.mark.yosys
def test_flag_one_cycle_late_is_not_a_function(tmp_path):
    src = GEN / "flagnarrow_link_down_sv" / "original.sv"
    # raised one cycle after the count saturates: down is 0 in the first saturated state
    late = src.read_text().replace("if (cnt == MAXC - 1) down <= 1'b1;", "if (cnt == MAXC) down <= 1'b1;")
    assert late != src.read_text()
    an, p, combos = _combo(tmp_path, late, "phy_mon", ".sv")
    assert not [r for r in an.relations if r.target == "down" and not r.gate]
    assert not [d for _n, d in combos if "'down' ==" in d]
