"""A bit counter and a busy flag kept beside a one-hot trial mask (a SAR controller): regpred rewrites the
counter's comparisons to mask bits (``cnt == 1`` is ``mask[0]``), the counter becomes unread, and the
register function ``busy == mask != 0`` is proven on that text; both in one candidate
(regfunc_seq.with_regpred), whose proof is quick where each rewrite alone was UNKNOWN. Also: regpred
reads thresholds written as parameter arithmetic (``idx == W - 1``). Near-misses: a busy flag cleared one
cycle late, a counter loaded with another value on some starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"

SAR = """
module sar6(input clk, input rst, input go, input hi, output [5:0] dac, output reg [5:0] res,
            output reg fin, output reg busy);
  reg [5:0] mask, acc;
  reg [2:0] cnt;
  always @(posedge clk)
    if (rst) begin mask <= 6'd0; acc <= 6'd0; cnt <= 3'd0; busy <= 1'b0; fin <= 1'b0; res <= 6'd0; end
    else begin
      fin <= 1'b0;
      if (go && !busy) begin mask <= 6'b100000; acc <= 6'd0; cnt <= 3'd6; busy <= 1'b1; end
      else if (busy) begin
        if (hi) acc <= acc | mask;
        mask <= mask >> 1;
        cnt <= cnt - 3'd1;
        if (cnt == 3'd1) begin busy <= 1'b0; fin <= 1'b1; res <= hi ? (acc | mask) : acc; end
      end
    end
  assign dac = acc | mask;
endmodule
"""

# near-miss: busy drops one cycle after the last trial (at cnt == 0): busy is 1 with mask == 0 once
LATE = SAR.replace("if (cnt == 3'd1) begin busy <= 1'b0; fin", "if (cnt == 3'd1) begin fin").replace(
    "      else if (busy) begin\n", "      else if (busy && cnt == 3'd0) busy <= 1'b0;\n      else if (busy) begin\n")

# near-miss: a start with 'hi' high runs a short conversion (counter loaded with 3): cnt == 1 is then not
# mask[0]
SHORT = SAR.replace("cnt <= 3'd6;", "cnt <= hi ? 3'd3 : 3'd6;")


def _combo(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    from rtlopt.semantic import regfunc, regfunc_seq

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    texts = {p: text}
    an = regfunc.analysis_for(texts, top)
    assert an.error is None, an.error
    got = regfunc.candidates_for(texts, top)
    return an, p, regfunc_seq.with_regpred(texts, top, got)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=400)
    return r.returncode


@pytest.mark.yosys
def test_counter_and_flag_of_one_hot_mask_go_together(tmp_path):
    an, p, combos = _combo(tmp_path, SAR, "sar6")
    assert any(r.target == "busy" and r.base == "mask" and r.op == "ne" for r in an.relations)
    assert combos, "no combined candidate"
    t = combos[0][0][p]
    assert "(mask[0])" in t and "cnt ==" not in t  # the comparison reads the mask bit
    assert "busy = (mask != 6'd0);" in t and "busy <=" not in t
    assert _verify(tmp_path, p, t, "sar6") == 0


@pytest.mark.yosys
def test_flag_cleared_one_cycle_late_is_kept(tmp_path):
    an, p, combos = _combo(tmp_path, LATE, "sar6")
    # busy is 'fin ? 1 : mask != 0' (the extra cycle is the one with fin set), never plain mask != 0
    assert not [r for r in an.relations if r.target == "busy" and r.base == "mask" and not r.gate]
    for new, _d in combos:
        assert "busy = (mask != 6'd0);" not in new[p]


@pytest.mark.yosys
def test_counter_loaded_otherwise_is_kept(tmp_path):
    _an, p, combos = _combo(tmp_path, SHORT, "sar6")
    for new, _d in combos:
        assert "cnt == 3'd1" in new[p] and "(mask[0])" not in new[p]


def test_threshold_of_parameter_arithmetic_is_a_site(tmp_path):
    from rtlopt.semantic import regpred

    text = """
module m #(parameter W = 8) (input clk, input rst, input en, output reg [2:0] i, output last);
  always @(posedge clk) if (rst) i <= 3'd0; else if (en) i <= (i == W - 1) ? 3'd0 : i + 3'd1;
  assign last = (i == W - 1);
endmodule
module top(input clk, input rst, input en, output [2:0] i, output last);
  m #(.W(6)) u (.clk(clk), .rst(rst), .en(en), .i(i), .last(last));
endmodule
"""
    p = tmp_path / "top.v"
    p.write_text(text)
    sites = regpred._sites({p: text}, "top")
    assert {(s[3], s[4], s[5]) for s in sites} == {("i", "eq", 5)}  # W - 1 at the instance's W = 6
    # a comparison with another register is no constant threshold
    other = text.replace("assign last = (i == W - 1);", "reg [2:0] j;\n  always @(posedge clk) j <= i;\n"
                         "  assign last = (i == j + 1);")
    p.write_text(other)
    assert ("i", "eq") not in {(s[3], s[4]) for s in regpred._sites({p: other}, "top") if s[5] != 5}


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,want", [
    ("onehot_walk_cnt_flag_v", "ser_top", ("(sel[5])", "active = (sel != 6'd0);")),
    ("onehot_scan_rem_flag_sv", "keypad_front", ("(strobe[0])", "scanning = (strobe != 5'd0);")),
])
def test_generalization_designs(tmp_path, case, top, want):
    src = next((GEN / case).glob("original.*"))
    _an, p, combos = _combo(tmp_path, src.read_text(), top, src.suffix)
    new = [n[p] for n, _d in combos if all(w in n[p] for w in want)]
    assert new, [d for _n, d in combos]
    assert _verify(tmp_path, p, new[0], top) == 0
