"""Sequential redundancy that needs helper invariants: a one-hot state register's "exactly one bit
set" (pairwise exclusions + some bit set) or two events a sibling raises from the two arms of one
if/else, found on the traces and proven together with the constant registers (Houdini in
seqsim.prove_classes); the recovery guard they make dead becomes 1'b0 (rtlopt.semantic.deadcond).
Near misses: an arm that sets two state bits (the recovery can fire), a sibling that raises both
events in one rare case (after 50 cycles)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic import seqred, seqsim

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"
DOOR = ROOT / "invhelp_door_onehot_v" / "original.v"
TALLY = ROOT / "invhelp_tally_excl_sv" / "original.sv"


def _consts(path: Path, top: str, text: str | None = None) -> set[str]:
    text = path.read_text() if text is None else text
    an = seqred.analyze_texts({path: text}, top, timeout_s=60)
    assert an.error is None, an.error
    return {f.name for f in an.facts if f.const is not None}


def _door_two_bits() -> str:
    src = DOOR.read_text()
    old = "s[SH]: if (obstruct) n[RO] = 1'b1; else if (closed) n[CL] = 1'b1; else n[SH] = 1'b1;"
    assert old in src
    return src.replace(old, "s[SH]: if (obstruct) begin n[RO] = 1'b1; if (closed) n[CL] = 1'b1; end\n"
                            "                   else if (closed) n[CL] = 1'b1; else n[SH] = 1'b1;")


def _tally_late() -> str:
    src = TALLY.read_text()
    old = """            pa <= a; pb <= b;
            enter <= 1'b0; leave <= 1'b0;
            if (a && !pa && pb) enter <= 1'b1;"""
    assert old in src
    src = src.replace("    logic pa, pb;\n", "    logic pa, pb;\n    logic [5:0] age;\n")
    src = src.replace("pa <= 1'b0; pb <= 1'b0; enter", "age <= '0; pa <= 1'b0; pb <= 1'b0; enter")
    return src.replace(old, """            pa <= a; pb <= b;
            if (age != 6'd50) age <= age + 6'd1;
            enter <= 1'b0; leave <= 1'b0;
            if (age == 6'd50 && a && b && !pa && !pb) begin enter <= 1'b1; leave <= 1'b1; end
            else if (a && !pa && pb) enter <= 1'b1;""")


@pytest.mark.yosys
def test_onehot_recovery_fault_flag_is_constant(monkeypatch):
    assert "err" in _consts(DOOR, "door_onehot")
    # the helper invariants are what makes it go through
    monkeypatch.setattr(seqsim, "clause_candidates", lambda *a, **k: [])
    monkeypatch.setattr(seqred, "_NETS", {})
    monkeypatch.setattr(seqsim, "_LOAD_MEMO", {})
    assert "err" not in _consts(DOOR, "door_onehot")


@pytest.mark.yosys
def test_near_miss_an_arm_setting_two_bits_keeps_the_fault_flag(tmp_path):
    f = tmp_path / "door_twobits.v"
    src = _door_two_bits()
    f.write_text(src)
    assert "err" not in _consts(f, "door_onehot", src)


@pytest.mark.yosys
def test_sibling_exclusive_events_make_the_error_state_and_counter_constant():
    got = _consts(TALLY, "tally_excl")
    assert {"u_f.errors", "u_f.st"} <= got, got


@pytest.mark.yosys
def test_near_miss_sibling_raising_both_after_50_cycles(tmp_path):
    f = tmp_path / "tally_late.sv"
    src = _tally_late()
    f.write_text(src)
    got = _consts(f, "tally_excl", src)
    assert "u_f.errors" not in got and "u_f.st" not in got, got


def _cands(path: Path, top: str, text: str):
    st = SimpleNamespace(texts={path: text}, design=SimpleNamespace(top=top), deadline=None)
    return seqred.seq_candidates(st)


@pytest.mark.yosys
def test_dead_recovery_guard_is_emitted_and_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence

    cands = [c for c in _cands(DOOR, "door_onehot", DOOR.read_text()) if "dead guard" in c.description]
    assert cands
    new = cands[0].text
    assert "if (1'b0)" in new and "err <=" not in new, new
    g = tmp_path / "door_onehot.v"
    g.write_text(new)
    assert check_equivalence(DesignRef([DOOR], "door_onehot"), DesignRef([g], "door_onehot")).verdict == "EQUIVALENT"


RESTYLE = """module door_sv (
  input  logic clk, rst, call, opened, closed, obstruct,
  output logic motor_open, motor_close, fault
);
  logic [3:0] s, n;
  always_comb begin
    n = '0;
    unique case (1'b1)
      s[0]: n[call ? 1 : 0] = 1'b1;
      s[1]: n[opened ? 2 : 1] = 1'b1;
      s[2]: if (obstruct) n[1] = 1'b1; else if (closed) n[0] = 1'b1; else n[2] = 1'b1;
      s[3]: n[0] = 1'b1;
      default: n[0] = 1'b1;
    endcase
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      s <= 4'b0001; fault <= 1'b0;
    end else if ($countones(s) != 1) begin
      s <= 4'b0001; fault <= 1'b1;
    end else s <= n;
  end
  assign motor_open = s[1];
  assign motor_close = s[2] | s[3];
endmodule
"""


@pytest.mark.yosys
def test_restyled_sv_countones_recovery_fires(tmp_path):
    f = tmp_path / "door_sv.sv"
    f.write_text(RESTYLE)
    assert "fault" in _consts(f, "door_sv", RESTYLE)
    cands = [c for c in _cands(f, "door_sv", RESTYLE) if "dead guard" in c.description]
    assert cands and "$countones(s) != 1" not in cands[0].text
