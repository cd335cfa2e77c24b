"""Registers busy in disjoint phases share one register that holds one of them transformed
(rtlopt.semantic.lifeshare: complement, offset), where the register waiting across the other's phase
is read again afterwards and finds its value as the transform of the other's last value.

Fires: a Verilog two-process LIFO replay (write pointer up while loading, read pointer down while
draining, the write pointer's held last address shown between bursts: the read pointer becomes ~wp),
the same restyled (if/else chain, reset values as literals), an SV enum line mirror (capture column
down, replay column up: the replay column becomes ~wcol), and the mirror stopping its replay one column
early (no complement fits: an offset does). Near misses that must not fire: the write pointer shown on
an output in every state (its lifetime overlaps the drain), the replay ended early by an input (the
held value is not a function of the other register's). Real Yosys, simulation and ABC."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import lifeshare
from tests.test_lifeshare import _run as _run_lifeshare
from tests.test_lifeshare import _smt_verdict


def _run(tmp_path: Path, name: str, top: str, edits: list[tuple[str, str]] = ()):
    return _run_lifeshare(tmp_path, name, top, edits, timeout_s=90)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    return _smt_verdict(tmp_path, old, new_text, top, engines=lifeshare.PROOF_ENGINES_TF)


def _regs(text: str, names: list[str]) -> int:
    return sum(bool(re.search(rf"^\s*(?:reg|logic)\b[^;]*\b{n}\b[^;]*;", text, re.M)) for n in names)


@pytest.mark.yosys
def test_lifo_pointers_share_with_the_read_pointer_complemented(tmp_path):
    f, got = _run(tmp_path, "lifeshare_compl_lifo_v", "lifo_replay")
    assert len(got) == 1, got
    t, desc = got[0][0][f], got[0][1]
    assert "rp read as ~wp" in desc, desc
    assert _regs(t, ["wp", "rp"]) == 1 and "wire [AW-1:0] rp = ~wp;" in t, t
    # the read pointer's decrement is the kept pointer's increment; no write of rp is left
    assert "S_DRAIN: if (rp != {AW{1'b0}}) wp <= wp + 1'b1;" in t, t
    assert not re.search(r"\brp\s*<=", t)
    assert _verdict(tmp_path, f, t, "lifo_replay") == "EQUIVALENT"


@pytest.mark.yosys
def test_restyled_lifo_still_fires(tmp_path):
    f, got = _run(tmp_path, "lifeshare_compl_lifo_v", "lifo_replay", [
        ("""            case (state)
                S_IDLE:  if (go) wp <= {AW{1'b0}};
                S_LOAD:  if (wp == {AW{1'b1}}) rp <= {AW{1'b1}};
                         else                  wp <= wp + 1'b1;
                S_DRAIN: if (rp != {AW{1'b0}}) rp <= rp - 1'b1;
                default: ;
            endcase""", """            if (state == S_IDLE && go)
                wp <= 0;
            else if (state == S_LOAD && wp != {AW{1'b1}})
                wp <= wp + 1;
            else if (state == S_LOAD)
                rp <= ~0;
            else if (state == S_DRAIN && rp != 0)
                rp <= rp - 1;"""),
        ("            rp   <= {AW{1'b0}};\n", "            rp   <= 0;\n"),
    ])
    assert len(got) == 1, got
    t = got[0][0][f]
    assert " read as ~" in got[0][1] and _regs(t, ["wp", "rp"]) == 1, t
    assert _verdict(tmp_path, f, t, "lifo_replay") == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_line_mirror_columns_share(tmp_path):
    f, got = _run(tmp_path, "lifeshare_compl_mirror_sv", "line_mirror")
    assert len(got) == 1, got
    t, desc = got[0][0][f], got[0][1]
    assert "rcol read as ~wcol" in desc, desc
    assert _regs(t, ["wcol", "rcol"]) == 1 and "wire [CW-1:0] rcol = ~wcol;" in t, t
    assert "PLAY: if (pix_ok && rcol != LASTC) wcol <= wcol - 1'b1;" in t, t
    assert _verdict(tmp_path, f, t, "line_mirror") == "EQUIVALENT"


@pytest.mark.yosys
def test_replay_stopping_one_early_shares_by_an_offset(tmp_path):
    # the replay ends at LASTC - 1, where the capture column waits at 0: not the complement (that reads
    # 1 between lines), but x = y + 2 at every hand-over
    f, got = _run(tmp_path, "lifeshare_compl_mirror_sv", "line_mirror", [
        ("PLAY: if (pix_ok && rcol == LASTC) ph_n = GAP;", "PLAY: if (pix_ok && rcol == LASTC - 1'b1) ph_n = GAP;"),
        ("PLAY: if (pix_ok && rcol != LASTC) rcol", "PLAY: if (pix_ok && rcol != LASTC - 1'b1) rcol"),
    ])
    assert len(got) == 1, got
    t, desc = got[0][0][f], got[0][1]
    assert re.search(r"read as \w+ - \d+", desc), desc
    assert " = ~" not in t
    assert _verdict(tmp_path, f, t, "line_mirror") == "EQUIVALENT"


@pytest.mark.yosys
def test_pointer_shown_in_every_state_is_not_shared(tmp_path):
    # the write pointer is an output in the drain too: its lifetime overlaps the read pointer's
    _f, got = _run(tmp_path, "lifeshare_compl_lifo_v", "lifo_replay", [
        ("output              busy;", "output              busy;\n    output [AW-1:0]     fill;"),
        ("module lifo_replay (clk, rst_n, go, addr,", "module lifo_replay (clk, rst_n, go, fill, addr,"),
        ("    assign busy  = (state != S_IDLE);", "    assign busy  = (state != S_IDLE);\n    assign fill  = wp;"),
    ])
    assert got == [], [d for _n, d in got]


@pytest.mark.yosys
def test_replay_ended_by_an_input_is_not_shared(tmp_path):
    # the replay column's last value depends on when 'sol' ends it: the capture column's 0 between lines
    # is no function of it, no transform holds at every hand-over
    _f, got = _run(tmp_path, "lifeshare_compl_mirror_sv", "line_mirror", [
        ("PLAY: if (pix_ok && rcol == LASTC) ph_n = GAP;", "PLAY: if (sol || (pix_ok && rcol == LASTC)) ph_n = GAP;"),
    ])
    assert got == [], [d for _n, d in got]
