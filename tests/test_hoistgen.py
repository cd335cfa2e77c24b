"""hoistgen: a generate loop of one combinational module's instances ``F(X[i]) -> Y[i]`` read through one
index ``Y[e]`` (in the same module, or in the child that takes the whole ``Y``) becomes one instance on
``X[e]``. Own designs under designs/generalization/sharing/hoist_genloop_*; real Yosys proofs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.hoistgen import hoistgen_edits
from tests.test_semantic_readshare import _area as area
from tests.test_semantic_readshare import _verdict as verdict

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"
PICK, CHILD = "hoist_genloop_pick_sv", "hoist_genloop_child_sv"


def _orig(name: str) -> Path:
    return GEN / name / "original.sv"


def _cands(name: str, text: str | None = None) -> list[tuple[str, str]]:
    p = _orig(name)
    t = p.read_text() if text is None else text
    return [(nt[p], d) for nt, d in hoistgen_edits({p: t})]


def _verdict(tmp_path: Path, old_text: str, new_text: str, top: str):
    return verdict(tmp_path, tmp_path / "old.sv", new_text, top, old_text=old_text)


def _area(tmp_path: Path, text: str, top: str, tag: str) -> float:
    return area(tmp_path, text, ".sv", top, tag)


@pytest.mark.parametrize("name,desc", [
    (PICK, "one sat_gain on raw[...] instead of a loop of sat_gain read as scaled[...]"),
    (CHILD, "one hex_ascii inside char_ser on chars[...] (fed code instead of the loop's asc)"),
])
def test_loop_read_through_one_index_becomes_one_instance(tmp_path, name, desc):
    from rtlopt.verify import Verdict

    old = _orig(name).read_text()
    got = _cands(name)
    assert [d for _t, d in got] == [desc]
    new = got[0][0]
    assert _verdict(tmp_path, old, new, name) is Verdict.EQUIVALENT
    assert _area(tmp_path, new, name, "n") < 0.6 * _area(tmp_path, old, name, "o")


def test_restyled_generate_region_and_comb_read_still_fires(tmp_path):
    from rtlopt.verify import Verdict

    old = _orig(CHILD).read_text()
    t = old.replace("""    for (genvar i = 0; i < 8; i++) begin : g_cv
        hex_ascii u_cv (.nib(code[i]), .ch(asc[i]));
    end""", """    genvar i;
    generate
        for (i = 0; i < 8; i = i + 1) begin : g_cv
            hex_ascii u_cv (code[i], asc[i]);
        end
    endgenerate""").replace("""    always_ff @(posedge clk) begin
        tx  <= chars[k];""", """    logic [7:0] cur;
    always_comb cur = chars[k];
    always_ff @(posedge clk) begin
        tx  <= cur;""")
    assert "endgenerate" in t and "always_comb cur = chars[k];" in t
    got = _cands(CHILD, t)
    assert len(got) == 1, got
    assert _verdict(tmp_path, t, got[0][0], CHILD) is Verdict.EQUIVALENT


def test_result_also_read_elsewhere_keeps_the_loop(tmp_path):
    from rtlopt.verify import Verdict

    old = _orig(PICK).read_text().replace("    output logic [11:0]     rdata\n",
                                          "    output logic [11:0]     rdata,\n    output logic            any_sat\n")
    old = old.replace("    always_ff @(posedge clk)\n        if (rd)",
                      "    assign any_sat = &scaled[0] | &scaled[5];\n    always_ff @(posedge clk)\n        if (rd)")
    assert "any_sat = &scaled[0]" in old
    got = _cands(PICK, old)
    assert got
    for new, _d in got:
        assert "g_sc" in new  # the loop stays for the other reads
        assert _verdict(tmp_path, old, new, PICK) is Verdict.EQUIVALENT


def test_near_misses_not_offered():
    t = _orig(PICK).read_text()
    # a parameter that differs per iteration: different functions
    per = t.replace("sat_gain #(.G(5)) u_sc", "sat_gain #(.G(i + 3)) u_sc")
    assert per != t and _cands(PICK, per) == []
    # a sequential F
    seq = t.replace("    input  logic [9:0]  v,\n", "    input  logic        clk,\n    input  logic [9:0]  v,\n") \
        .replace("    always_comb begin\n        s =", "    always_ff @(posedge clk) begin\n        s <=") \
        .replace(".v(raw[i])", ".clk(clk), .v(raw[i])")
    assert "always_ff" in seq.split("module hoist")[0] and _cands(PICK, seq) == []
    # the result read whole, not through one index
    whole = t.replace("scaled[addr]", "scaled[addr] ^ scaled[11:0]")
    assert whole != t and _cands(PICK, whole) == []


def test_child_used_twice_changes_a_copy(tmp_path):
    from rtlopt.verify import Verdict

    c = _orig(CHILD).read_text()
    two = c.replace("    output logic            sof\n);", "    output logic            sof,\n"
                    "    output logic [7:0]      tx2\n);")
    two = two.replace("    char_ser u_ser (", "    char_ser u_ser2 (.clk(clk), .rst(rst), .chars(asc), .tx(tx2), .sof());\n"
                      "    char_ser u_ser (")
    assert "u_ser2" in two and "tx2\n);" in two
    got = _cands(CHILD, two)
    assert len(got) == 1 and "inside char_ser" in got[0][1]
    new = got[0][0]
    assert "char_ser_rtlopt_iu_ser2 u_ser2 (" in new and "char_ser u_ser (" in new
    assert "module char_ser_rtlopt_iu_ser2 (" in new and "input  logic [7:0][7:0] chars," in new
    assert _verdict(tmp_path, two, new, CHILD) is Verdict.EQUIVALENT


PORTS = "hoist_ports_scan_v"


def _ports_cands(text: str | None = None) -> list[tuple[str, str]]:
    p = GEN / PORTS / "original.v"
    t = p.read_text() if text is None else text
    return [(nt[p], d) for nt, d in hoistgen_edits({p: t})]


def test_explicit_instances_into_child_case_shared(tmp_path):
    from rtlopt.verify import Verdict

    f = GEN / PORTS / "original.v"
    got = _ports_cands()
    assert [d for _t, d in got] == ["4 dec7 moved into scan4_rtlopt_iu_scan and shared there (4 -> 1)"]
    new = got[0][0]
    clone = new[new.index("module scan4_rtlopt_iu_scan"):]
    assert clone.count("dec7 u_rtlopt_hoist_") == 1 and clone.count("input wire [3:0]") == 4
    assert verdict(tmp_path, f, new, PORTS) is Verdict.EQUIVALENT
    assert area(tmp_path, new, ".v", PORTS, "n") < 0.6 * area(tmp_path, f.read_text(), ".v", PORTS, "o")


def test_explicit_instances_restyled_ternary_chain_still_fires(tmp_path):
    from rtlopt.verify import Verdict

    f = GEN / PORTS / "original.v"
    old = f.read_text().replace("""    always @* begin
        case (k)
            2'd0: seg = s0;
            2'd1: seg = s1;
            2'd2: seg = s2;
            default: seg = s3;
        endcase
    end""", """    always @* seg = k[1] ? (k[0] ? s3 : s2) : (k[0] ? s1 : s0);""")
    assert "k[1] ?" in old
    got = _ports_cands(old)
    assert len(got) == 1 and "shared there" in got[0][1], got
    assert verdict(tmp_path, f, got[0][0], PORTS, old_text=old) is Verdict.EQUIVALENT


def test_explicit_instances_near_misses():
    t = (GEN / PORTS / "original.v").read_text()
    # a decoder output also read in the parent: not moved
    also = t.replace("    dec7 u0 (.d(d0), .s(p0));", "    dec7 u0 (.d(d0), .s(p0));\n    wire blank = p0 == 7'h00;")
    assert "blank" in also and _ports_cands(also) == []
    # a decoder with another parameter value is another function: never grouped with the rest
    two = t.replace("module dec7 (", "module dec7 #(parameter INV = 0) (").replace(
        "dec7 u1 (", "dec7 #(.INV(1)) u1 (")
    got = _ports_cands(two)
    assert all("u1" not in n[n.index("module scan4_rtlopt"):] for n, _d in got)
    assert all("(3 -> 1)" in d or "(2 -> 1)" in d for _n, d in got), [d for _n, d in got]
