"""reglockstep below the top, the base register inside another sibling instance that the parent does
not name: the sibling's module exports it on a new output port into the parent (crossinst, nested
path) and the redundant register takes the exported bits on its new input port. A shifter's bit-in-byte
counter equal to a controller's bit position [2:0] (designs/generalization/seqredundancy/
lockexp_serial_nested_v, Verilog), an accumulator's phase equal to a sequencer's sample index [3:0]
(lockexp_window_nested_sv, SV, .* connections). Near misses: a counter that also restarts on an input
the other ignores, and one that counts a different strobe, stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import reglockstep

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, [(new[f], d) for new, d in reglockstep.candidates_for({f: text}, top, timeout_s=60)]


def test_shifter_bit_counter_fed_from_controller_position(tmp_path):
    text = (GEN / "lockexp_serial_nested_v" / "original.v").read_text()
    f, got = _cands(tmp_path, text, ".v", "ser_top")
    mine = [n for n, d in got if d.startswith("'u_core.u_sh.nbit' == rtlopt_u_ctl_pos[2:0]")]
    assert len(mine) == 1, got
    new = mine[0]
    assert "assign rtlopt_pos_o = pos;" in new and "nbit <= nbit + 3'd1" not in new
    assert ".rtlopt_lock_0_i(rtlopt_u_ctl_pos[2:0])" in new
    assert abc_verdict(tmp_path, f, new, "ser_top") == "EQUIVALENT"


def test_accumulator_phase_fed_from_sequencer_index_dotstar(tmp_path):
    text = (GEN / "lockexp_window_nested_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, text, ".sv", "win_top")
    mine = [n for n, d in got if d.startswith("'u_eng.u_acc.phase' == rtlopt_u_seq_idx[3:0]")]
    assert len(mine) == 1, got
    assert "win_seq #(.NS(NS)) u_seq (.*, .rtlopt_idx_o(rtlopt_u_seq_idx));" in mine[0]
    assert abc_verdict(tmp_path, f, mine[0], "win_top") == "EQUIVALENT"


@pytest.mark.parametrize("old,new", [
    # the shifter restarts its byte count mid-frame on an input bit the controller ignores
    ("        end else if (start && !busy) begin\n            sr   <= word;\n            nbit <= 3'd0;",
     "        end else if (start && !busy || busy && word[0] && word[1]) begin\n            sr   <= word;\n"
     "            nbit <= 3'd0;"),
    # the shifter counts every shift strobe, busy or not
    ("            nbit <= nbit + 3'd1;\n        end", "            nbit <= nbit + 3'd1;\n"
     "        end else if (shift) begin\n            nbit <= nbit + 3'd1;\n        end"),
])
def test_near_misses_keep_the_counter(tmp_path, old, new):
    text = (GEN / "lockexp_serial_nested_v" / "original.v").read_text()
    near = text.replace(old, new)
    assert near != text
    _f, got = _cands(tmp_path, near, ".v", "ser_top")
    assert not [d for _n, d in got if "u_sh.nbit" in d]
