"""register_width_reduction with a controller state register (rtlopt.templates._regwidth):

- an event counter bounded by the controller whose state writes read inputs (``st <= line ? IDLE :
  SHIFT``; the inputs are free values of the one-step induction): the bit index of a serial receiver;
- a bound per controller state (``st == v -> r <= b_v``, Houdini over the compared constants): an
  oversampling counter compared with SPB/4 - 1 in one state and SPB - 1 in the others, reset on every
  state change, offered instead of the largest compare plus its step;
- compares with parameter expressions (``SPB/4 - 1``: division is not modelled by z3, the elaborated
  value is used).

Real Yosys + ABC proofs; near-misses that must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.templates import REGISTRY
from rtlopt.templates._sem import analyze

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "ranges"
T = REGISTRY["register_width_reduction"]


def _design(name: str) -> tuple[str, str]:
    f = next((GEN / name).glob("original.*"))
    return f.read_text(), f.suffix


def _descs(text: str, suffix: str) -> list[str]:
    return [m.description for m in T.match(analyze(text, "d" + suffix))]


def _match(text: str, suffix: str, start: str):
    return next(m for m in T.match(analyze(text, "d" + suffix)) if start in m.description)


@pytest.mark.slow
@pytest.mark.yosys
def test_sv_enum_controller_tick_and_bit_counters(tmp_path):
    text, sfx = _design("perstate_ovs_enum_sv")
    ds = _descs(text, sfx)
    assert any("tick (int) 32 -> 3 bits" in d for d in ds), ds  # SPB - 1 = 7 in SHIFT/LAST, 1 in SYNC
    assert any("nbit (int) 32 -> 4 bits" in d for d in ds), ds  # 0..8, SYNC's next state reads 'line'
    for what in ("tick (int) 32 -> 3 bits", "nbit (int) 32 -> 4 bits"):
        m = _match(text, sfx, what)
        new = T.rewrite(text, [m])
        f = tmp_path / ("o" + sfx)
        f.write_text(text)
        assert abc_verdict(tmp_path, f, new, "man_top") == "EQUIVALENT", what


@pytest.mark.slow
@pytest.mark.yosys
def test_verilog_async_controller_slot_index(tmp_path):
    text, sfx = _design("perstate_ovs_async_v")
    ds = _descs(text, sfx)
    assert any("idx 6 -> 3 bits" in d for d in ds), ds  # 0..6, LEAD's next state reads 'ir'
    assert any("phase 12 -> 3 bits" in d for d in ds), ds  # SLOT/2 - 1 = 3 in LEAD, 7 in BITS/TAIL
    assert not any("phase 12 -> 4 bits" in d for d in ds), ds
    new = T.rewrite(text, [_match(text, sfx, "idx 6 -> 3 bits")])
    f = tmp_path / ("o" + sfx)
    f.write_text(text)
    assert abc_verdict(tmp_path, f, new, "ir_top") == "EQUIVALENT"


def test_per_state_bound_replaces_the_compare_plus_step_bound():
    # 8 samples per bit: 7 in SHIFT/LAST, 1 in SYNC -> 3 bits (compare plus step: 8 -> 4 bits)
    text, sfx = _design("perstate_ovs_enum_sv")
    text = text.replace("typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;\n  st_t st;\n  int  tick;",
                        "typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;\n  st_t st;\n  logic [7:0] tick;")
    assert "logic [7:0] tick;" in text
    ds = _descs(text, sfx)
    assert any("tick 8 -> 3 bits" in d and "inductive" in d for d in ds), ds
    assert not any("tick 8 -> 4 bits" in d for d in ds), ds


def test_sync_state_entered_with_the_count_running_is_not_bounded_per_state():
    # IDLE -> SYNC no longer clears tick: SYNC may start at 7 and step past 1 up to 255 (8 bits). Neither
    # the per-state z3 bound nor the compares' one (7 + 1, 4 bits: wrong, its step in SYNC stops at 1 only
    # when it starts at most there) gives a candidate
    text, sfx = _design("perstate_ovs_enum_sv")
    text = text.replace("typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;\n  st_t st;\n  int  tick;",
                        "typedef enum logic [1:0] {IDLE, SYNC, SHIFT, LAST} st_t;\n  st_t st;\n  logic [7:0] tick;")
    text = text.replace("IDLE:  if (!line) begin st <= SYNC; tick <= 0; end", "IDLE:  if (!line) st <= SYNC;")
    text = text.replace("        LAST:  if (tick == SPB - 1) begin\n                 tick <= 0;",
                        "        LAST:  if (tick == SPB - 1) begin")
    assert "IDLE:  if (!line) st <= SYNC;" in text and text.count("tick <= 0;") == 3
    ds = _descs(text, sfx)
    assert not any("tick 8 ->" in d for d in ds), ds


def test_bit_index_stepping_once_more_in_the_last_state_is_not_narrowed_to_four_bits():
    # LAST steps nbit too, and never clears it: 9, 10, ... up to 255 before SYNC clears it again
    text, sfx = _design("perstate_ovs_enum_sv")
    text = text.replace("                 done <= 1'b1;\n", "                 done <= 1'b1;\n                 nbit <= nbit + 1;\n")
    assert text.count("nbit <= nbit + 1;") == 2
    assert not any("nbit (int) 32 -> 4 bits" in d for d in _descs(text, sfx))
