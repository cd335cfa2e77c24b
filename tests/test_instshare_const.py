"""Sibling-instance register sharing with proven-constant bits (rtlopt.semantic.instshare): a timer
wider than its load value (upper bits constant zero in every instance) is still one register across
the instances; near misses (a different load value, one instance's start command differing in a
reachable state, a register constant as a whole) are not shared. Candidates name their proof order."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic import instshare

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
DOOR = (GEN / "inst_const_timer_v" / "original.v").read_text()
HEAT = (GEN / "inst_const_timer_sv" / "original.sv").read_text()


def _cands(text: str, top: str, name: str = "t.v"):
    p = Path(name)
    return [(new[p], d) for new, d in instshare.share_edits({p: text}, top)]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, suffix: str = ".v") -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / f"t{suffix}", tmp_path / "gate" / f"t{suffix}"
    g.write_text(gold)
    h.write_text(gate)
    res = check_equivalence(open_design(g, top=top), open_design(h, top=top),
                            VerifyOptions(timeout_s=120, engines=instshare.PROOF_ENGINES))
    return res.equivalent is True


def test_timer_with_constant_upper_bits_is_shared_verilog(tmp_path: Path):
    got = _cands(DOOR, "door_pair")
    assert [d for _n, d in got] == ["one shared register for 'relock_t' of 2 'door_chan' instances"]
    new = got[0][0]
    assert new.count(".RTLOPT_RELOCK_T_EXT(1)") == 1 and "rtlopt_relock_t_v" in new
    assert _prove(tmp_path, DOOR, new, "door_pair")


def test_timer_and_flag_shared_in_a_generate_loop_sv(tmp_path: Path):
    got = _cands(HEAT, "heat_bank", "t.sv")
    descs = [d for _n, d in got]
    assert "one shared register for 'warm_t' of 3 'heat_stage' instances" in descs
    both = [n for n, d in got if "'lit'" in d and "'warm_t'" in d]
    assert len(both) == 1
    assert _prove(tmp_path, HEAT, both[0], "heat_bank", ".sv")


def test_different_load_value_is_not_shared():
    text = DOOR.replace("#(.RELOCK(37), .INV(1))", "#(.RELOCK(36), .INV(1))")
    assert text != DOOR
    assert _cands(text, "door_pair") == []


def test_one_instance_started_differently_is_not_shared():
    # the back door's unlock also needs ajar[1] low: its timer differs in a reachable state
    text = DOOR.replace(".unlock(unlock), .lock(lock),\n        .ajar(ajar[1])",
                        ".unlock(unlock & ~ajar[1]), .lock(lock),\n        .ajar(ajar[1])")
    assert text != DOOR
    assert all("relock_t" not in d for _n, d in _cands(text, "door_pair"))


def test_register_constant_as_a_whole_is_left_to_seqredundancy():
    # never loaded with anything but zero: every bit constant in both instances (nothing to share)
    text = DOOR.replace("#(.RELOCK(37), .INV(0))", "#(.RELOCK(0), .INV(0))") \
               .replace("#(.RELOCK(37), .INV(1))", "#(.RELOCK(0), .INV(1))")
    assert all("relock_t" not in d for _n, d in _cands(text, "door_pair"))


@pytest.mark.parametrize("text,top,name,engines", [
    (DOOR, "door_pair", "t.v", ("abc", "smt")),  # synchronous reset: z3 after ABC
    (HEAT, "heat_bank", "t.sv", ("abc",)),  # every flip-flop with a reset pin: ABC with the whole slice
])
def test_candidates_name_abc_first(text, top, name, engines):
    p = Path(name)
    state = SimpleNamespace(texts={p: text}, design=SimpleNamespace(top=top),
                            deadline=time.monotonic() + 60)
    got = instshare.instshare_candidates(state)
    assert got and all(c.hints.get("engines") == engines for c in got)
