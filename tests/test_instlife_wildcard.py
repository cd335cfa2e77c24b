"""instlife with '.*' port connections: every port an instance does not name explicitly connects to the
net of its name (heldout11 clock/alarm_snooze's top connects its child with '.*'; instlife had treated
'.*' as unknown and skipped the instance). A kept instance's implicit input that becomes a selection is
connected explicitly after the '.*'. Two styles (SV enum FSM with async reset and one implicit strobe;
localparam FSM with sync reset whose kept instance takes strobe and length by name), a near-miss
(the clearance counter loaded while the walk counter still counts: overlapping lifetimes) and the
proofs (z3). Real pyslang/Yosys/z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import instlife

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits=()):
    text = (GEN / name / "original.sv").read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / "d.sv"
    f.write_text(text)
    return f, instlife.candidates_for({f: text}, top, timeout_s=60)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / "g.sv"
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=instlife.PROOF_ENGINES, timeout_s=240)).verdict


def test_wildcard_ports_resolve_by_name():
    from pyslang import syntax

    text = "module t; m u(.*, .a(x)); endmodule\n"
    hi = syntax.SyntaxTree.fromText(text).root.members[0].instances[0]
    got = instlife._conns(text, hi, ["clk", "a", "b"])
    assert got["a"][4] == "x" and not got["a"][5]
    assert got["clk"][4] == "clk" and got["clk"][5] == "wild" and got["b"][4] == "b"
    assert text[got["b"][0]:got["b"][1]] == ".*"


@pytest.mark.yosys
def test_kiln_implicit_start_gets_an_explicit_selection(tmp_path):
    f, got = _run(tmp_path, "instlife_wild_kiln_sv", "kiln")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "u_heat (.*, .start((start_soak) || (start)), .len((start_soak) ? (6'd25) : (6'd40)), " \
           ".done(heat_done));" in t, t
    assert "assign soak_done = heat_done;" in t and " u_soak " not in t
    assert _verdict(tmp_path, f, t, "kiln") == "EQUIVALENT"


@pytest.mark.yosys
def test_crossing_both_wildcard_and_near_miss(tmp_path):
    f, got = _run(tmp_path, "instlife_wild_crossing_sv", "crossing")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert ".load((clr_load) || (load)), .len((clr_load) ? (5'd9) : (len))" in t, t
    assert _verdict(tmp_path, f, t, "crossing") == "EQUIVALENT"
    # the clearance counter loaded by the button while the walk counter still counts: must not fire
    _f, got = _run(tmp_path, "instlife_wild_crossing_sv", "crossing",
                   [("wire       clr_load = (ph == WALK) && walk_zero;",
                     "wire       clr_load = (ph == WALK) && button;")])
    assert got == []
