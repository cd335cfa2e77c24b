"""instmux: one module's instances hoisted past the multiplexer their outputs meet in, when that mux is in a
child instance (an arbiter's ``c ? pa : pb`` on its input ports, translated through the connections) or
is a plain ``case`` over several instances' outputs (one pair per round, the items that read the kept
instance's result on one side). Own designs under designs/generalization/sharing/hoist_*; real Yosys."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.instmux import instmux_edits
from tests.test_semantic_readshare import _area, _verdict

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"


def _orig(name: str) -> Path:
    return next((GEN / name).glob("original.*"))


def _cands(path: Path, text: str | None = None) -> list[tuple[str, str]]:
    t = path.read_text() if text is None else text
    return [(nt[path], d) for nt, d in instmux_edits({path: t})]


TAG = "hoist_tag_arbiter_v"


def test_mux_in_child_arbiter_is_hoisted_proven_and_smaller(tmp_path):
    from rtlopt.verify import Verdict

    f = _orig(TAG)
    got = _cands(f)
    assert [d for _t, d in got] == ["one instance of ones_tag (u_ta) shared with u_tb on "
                                    "(((b_vld) & ((b_pri) | ~(a_vld))))"]
    new = got[0][0]
    assert "assign bt = at;" in new and "u_tb" not in new
    assert _verdict(tmp_path, f, new, TAG) is Verdict.EQUIVALENT
    assert _area(tmp_path, new, ".v", TAG, "n") < 0.85 * _area(tmp_path, f.read_text(), ".v", TAG, "o")


def _restyled() -> str:
    """The arbiter's mux as an if/else in an always block on a named wire, ordered connections."""
    t = _orig(TAG).read_text()
    t = t.replace("""    assign t  = (b_vld & (b_pri | ~a_vld)) ? b_t : a_t;""", """    wire take_a = ~b_vld | (a_vld & ~b_pri);
    reg [N-1:0] r;
    always @* begin
        if (take_a) r = a_t;
        else        r = b_t;
    end
    assign t = r;""")
    t = t.replace(".a_vld(a_vld), .b_vld(b_vld), .b_pri(b_pri), .a_t(at), .b_t(bt),\n"
                  "                                .go(go), .t(lt)", "a_vld, b_vld, b_pri, at, bt, go, lt")
    assert "take_a" in t and "a_vld, b_vld, b_pri, at, bt, go, lt" in t
    return t


def test_restyled_child_mux_still_fires(tmp_path):
    from rtlopt.verify import Verdict

    f = _orig(TAG)
    old = _restyled()
    got = _cands(f, old)
    assert len(got) == 1 and "(u_ta) shared with u_tb on !((~(b_vld) | ((a_vld) & ~(b_pri))))" in got[0][1], got
    assert _verdict(tmp_path, f, got[0][0], TAG, old_text=old) is Verdict.EQUIVALENT


def test_near_miss_result_also_read_outside_the_mux_is_refuted(tmp_path):
    from rtlopt.verify import Verdict

    f = _orig(TAG)
    old = f.read_text().replace("    output reg  [14:0] tx_t\n", "    output reg  [14:0] tx_t,\n"
                                "    output wire        a_par\n").replace(
        "    wire        go;\n", "    wire        go;\n    assign a_par = at[14];\n")
    assert "assign a_par = at[14];" in old
    got = _cands(f, old)
    for new, _d in got:  # offered (the arms alone are exclusive) but never proven
        assert _verdict(tmp_path, f, new, TAG, old_text=old) is not Verdict.EQUIVALENT


def test_near_misses_not_offered():
    f = _orig(TAG)
    t = f.read_text()
    # different parameters: two different functions
    other = t.replace("ones_tag #(.W(10), .CW(4)) u_tb", "ones_tag #(.W(10), .CW(5)) u_tb")
    assert other != t and _cands(f, other) == []
    # the child's select reads its own register: not a function of the parent's nets
    reg = t.replace("    assign t  = (b_vld & (b_pri | ~a_vld)) ? b_t : a_t;",
                    "    reg last_b;\n    always @(posedge a_vld) last_b <= b_vld;\n"
                    "    assign t  = last_b ? b_t : a_t;")
    assert reg != t and _cands(f, reg) == []
    # one arm reads both results
    both = t.replace("? b_t : a_t;", "? b_t ^ a_t : a_t;")
    assert both != t and _cands(f, both) == []


def test_case_over_four_instances_in_three_rounds(tmp_path):
    from rtlopt.verify import Verdict

    name = "hoist_case4_inst_sv"
    f = _orig(name)
    t = f.read_text()
    for _r in range(3):
        got = _cands(f, t)
        assert got
        t = got[0][0]
    assert _cands(f, t) == []
    assert t.count("gray2bin #(.W(7))") == 1 and t.count("assign b") == 3
    assert _verdict(tmp_path, f, t, name) is Verdict.EQUIVALENT
    assert _area(tmp_path, t, ".sv", name, "n") < 0.8 * _area(tmp_path, f.read_text(), ".sv", name, "o")


def test_case_item_reading_both_gives_no_split():
    f = _orig("hoist_case4_inst_sv")
    t = f.read_text().replace("2'd1:    cur = b1;", "2'd1:    cur = b1 ^ b0;")
    assert "b1 ^ b0" in t
    descs = [d for _t, d in _cands(f, t)]
    assert not any("(u_c0) shared with u_c1" in d for d in descs), descs
