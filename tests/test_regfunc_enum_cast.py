"""regfunc's register functions over an enum-typed state register, and lifeshare's proof order.

A state register recovered from registered flags (``dir == {motor_dn, motor_up}``) is written back as
``always @* dir = dir_t'({...});``: an enum variable takes a vector only through a cast (heldout11
clock/alarm_snooze: ``st = {snooze_led, buzz}`` was rejected by the front end, 'no implicit conversion
from logic[1:0] to st_t'). Two styles (a typedef inside a one-process FSM, a file-level typedef in a
two-process FSM) and a near-miss whose flags lag the phase by one cycle (no function either way).
Real pyslang/Yosys/ABC."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic import lifeshare, regfunc

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _cands(tmp_path: Path, name: str, top: str, edits=()):
    text = (GEN / name / "original.sv").read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / "d.sv"
    f.write_text(text)
    return f, regfunc.candidates_for({f: text}, top, 60)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / "g.sv"
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=("abc",), timeout_s=120)).verdict


@pytest.mark.yosys
@pytest.mark.parametrize("name,top,state,ty", [
    ("regfunc_enum_cast_sv", "door_ctrl", "dir", "dir_t"),
    ("regfunc_enum_cast_twoproc_sv", "tank_seq", "ph", "phase_e"),
])
def test_enum_state_from_flags_is_cast_and_proves(tmp_path, name, top, state, ty):
    f, got = _cands(tmp_path, name, top)
    by = {d.split(" == ")[0].strip("'"): new for new, d, *_ in got}
    assert state in by, [d for _n, d, *_ in got]
    t = by[state][f]
    assert f"always @* {state} = {ty}'({{" in t, t
    assert _verdict(tmp_path, f, t, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_flags_lagging_the_phase_are_no_function(tmp_path):
    _f, got = _cands(tmp_path, "regfunc_enum_cast_twoproc_sv", "tank_seq",
                     [("fill_v  <= (ph_n == P_FILL);", "fill_v  <= (ph == P_FILL);"),
                      ("drain_v <= (ph_n == P_DRAIN);", "drain_v <= (ph == P_DRAIN);")])
    descs = [d for _n, d, *_ in got]
    assert not any(d.startswith(("'ph'", "'fill_v'", "'drain_v'")) for d in descs), descs


def test_typedef_lookup_only_for_typedef_names():
    t = ("typedef enum logic [1:0] {A, B} s_t;\nmodule m;\n  s_t st, nx;\n  logic [1:0] q;\n"
         "  wire w;\nendmodule\n")
    assert regfunc._typedef_of(t, t, "st") == "s_t"
    assert regfunc._typedef_of(t, t, "nx") == "s_t"
    assert regfunc._typedef_of(t, t, "q") is None
    assert regfunc._typedef_of(t.replace("typedef", "//"), t.replace("typedef", "//"), "st") is None


def test_lifeshare_candidates_ask_smt_first(monkeypatch):
    from rtlopt.engine.search import _options
    from rtlopt.verify import VerifyOptions

    f = Path("x.v")
    old = "module m(input clk); reg [3:0] a; always @(posedge clk) a <= a + 1; endmodule\n"
    monkeypatch.setattr(lifeshare, "candidates_for",
                        lambda texts, top, timeout_s=20.0: [({f: old.replace("a + 1", "a + 2")}, "d")])
    st = SimpleNamespace(texts={f: old}, design=SimpleNamespace(top="m"), deadline=None)
    got = lifeshare.lifeshare_candidates(st)
    assert got and all(c.hints["engines"] == ("smt", "abc") for c in got)
    assert _options(VerifyOptions, 30.0, got[0].hints).engines == ("smt", "abc")
