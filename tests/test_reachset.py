"""reachset: a register whose values from reset are a small set is kept as an index into the set.

Fires on a bar-graph thermometer register (case on two strobes, a child counting its ones), a Johnson
ring read through its ones (SV), and a restyled thermometer filled from the top and read with
$countones; candidates are proven from reset. Near misses: a counter (no small set) gives nothing; a
register that leaves the set only after a long count (unseen by the simulation) may be offered, but
is never proven equivalent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic.reachset import candidates_for

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "reachable_set"
BAR = ROOT / "bar_level_v" / "original.v"
JOHNSON = ROOT / "johnson_phase_sv" / "original.sv"


def _cands(path: Path, text: str, top: str):
    return candidates_for({path: text}, top, timeout_s=120.0)


@pytest.mark.yosys
def test_bar_graph_thermometer(tmp_path):
    got = _cands(BAR, BAR.read_text(), "bar_meter")
    assert len(got) == 1 and "'bar' (12 bits) takes 13 values" in got[0][1], [d for _n, d in got]
    new = got[0][0][BAR]
    assert "reg [3:0] bar__c;" in new and "bar__c <= bar__enc(" in new
    assert abc_verdict(tmp_path, BAR, new, "bar_meter", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_johnson_ring(tmp_path):
    got = _cands(JOHNSON, JOHNSON.read_text(), "johnson_phase")
    # step order first (the ring's sequence: index + 1 is the update), then numeric order
    assert len(got) == 2 and "'j' (6 bits) takes 12 values" in got[0][1], [d for _n, d in got]
    assert got[1][1].endswith("numeric order")
    new = got[0][0][JOHNSON]
    assert "4'd6: j = 6'd63;" in new and "4'd7: j = 6'd62;" in new
    assert abc_verdict(tmp_path, JOHNSON, new, "johnson_phase", timeout_s=120) == "EQUIVALENT"


RESTYLE = """
module fill_top (
    input  logic       clk, rst,
    input  logic       more, less,
    output logic [3:0] cnt,
    output logic       half
);
    logic [9:0] t;
    always_ff @(posedge clk) begin
        if (rst) t <= '0;
        else unique case (1'b1)
            more && !less: t <= {1'b1, t[9:1]};
            less && !more: t <= {t[8:0], 1'b0};
            default:       t <= t;
        endcase
    end
    assign cnt  = 4'($countones(t));
    assign half = t[5];
endmodule
"""


@pytest.mark.yosys
def test_restyled_thermometer_from_the_top(tmp_path):
    f = tmp_path / "fill.sv"
    f.write_text(RESTYLE)
    got = _cands(f, RESTYLE, "fill_top")
    assert len(got) == 1 and "'t' (10 bits) takes 11 values" in got[0][1], [d for _n, d in got]
    assert abc_verdict(tmp_path, f, got[0][0][f], "fill_top", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_counter_has_no_small_set(tmp_path):
    text = RESTYLE.replace("{1'b1, t[9:1]}", "t + 10'd1").replace("{t[8:0], 1'b0}", "t - 10'd3")
    f = tmp_path / "cnt.sv"
    f.write_text(text)
    assert _cands(f, text, "fill_top") == []


@pytest.mark.yosys
@pytest.mark.slow
def test_register_leaving_the_set_late_is_never_proven(tmp_path):
    # after 511 cycles without reset the bar jumps to a non-thermometer value: the runs from reset do
    # not get there, so the set they saw is too small; the proof must not accept it
    text = RESTYLE.replace("    logic [9:0] t;\n", "    logic [9:0] t;\n    logic [8:0] age;\n"
                           "    always_ff @(posedge clk) age <= rst ? 9'd0 : age + 9'd1;\n")
    text = text.replace("        if (rst) t <= '0;\n", "        if (rst) t <= '0;\n        else if (&age) t <= 10'h2a5;\n")
    f = tmp_path / "late.sv"
    f.write_text(text)
    for new, _d in _cands(f, text, "fill_top"):
        assert abc_verdict(tmp_path, f, new[f], "fill_top", timeout_s=60) != "EQUIVALENT"
