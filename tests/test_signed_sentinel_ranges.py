"""register_width_reduction of signed registers with a small negative range (rtlopt.templates._signedrange):
an ``integer`` / ``int`` counter with ``-1`` as its idle value (reset -1, started at 0 by ``< 0`` / ``== -1``,
stepped by ``+ 1`` under ``>= 0``, back to -1 at ``== N - 1`` / ``>= N - 1``) gets the interval -1 .. N-1
from the joint search over the constants' ends (the one-sided search fixed ``lo`` at the type minimum,
where the ``== N - 1`` stop does not keep any upper end), and sits behind a sign-extending copy of a
narrow signed register: every compare still reads the full-width integer.

Negative: a counter that keeps counting down below -1 (no interval) is not narrowed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from tests._proof import abc_verdict

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]

# Verilog: two integers, -1 = AV interval not running (if/else-if chain), and a refractory down-counter
V_AV = """module avt (input clk, rst, tick, a_ev, v_s, output reg v_p, output wire refr);
  integer av_cnt;     // -1 = not running
  integer rp_cnt;
  always @(posedge clk) begin
    if (rst) begin av_cnt <= -1; rp_cnt <= 0; v_p <= 1'b0; end
    else begin
      v_p <= 1'b0;
      if (tick && rp_cnt != 0) rp_cnt <= rp_cnt - 1;
      if (a_ev && av_cnt < 0 && rp_cnt == 0) av_cnt <= 0;
      else if (av_cnt >= 0) begin
        if (v_s && rp_cnt == 0) begin av_cnt <= -1; rp_cnt <= 20; end
        else if (tick) begin
          if (av_cnt == 12 - 1) begin av_cnt <= -1; v_p <= 1'b1; rp_cnt <= 20; end
          else av_cnt <= av_cnt + 1;
        end
      end
    end
  end
  assign refr = (rp_cnt != 0);
endmodule
"""


def _signed_copies(text: str):
    return [m for m in RW.match(text) if "signed bits behind a copy" in m.description]


@pytest.mark.yosys
def test_integer_minus_one_sentinel_narrowed_and_proven(tmp_path: Path):
    ms = _signed_copies(V_AV)
    assert [m.description.split(" at line")[0] for m in ms] and len(ms) == 1, [m.description for m in RW.match(V_AV)]
    assert "av_cnt (integer) 32 -> 5 signed bits" in ms[0].description and "-1..11" in ms[0].description
    new = RW.rewrite(V_AV, ms)
    assert "integer av_cnt;" in new and "reg signed [4:0] av_cnt_q;" in new and "always @* av_cnt = av_cnt_q;" in new
    assert "if (a_ev && av_cnt < 0 && rp_cnt == 0) av_cnt_q <= 0;" in new  # compares read the full copy
    old = tmp_path / "old.v"
    old.write_text(V_AV)
    assert abc_verdict(tmp_path, old, new, "avt").name == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_int_slot_case_narrowed_and_proven(tmp_path: Path):
    src = ROOT / "designs/generalization/ranges/sentinel_slot_int_sv/original.sv"
    text = src.read_text()
    ms = _signed_copies(text)
    assert len(ms) == 1 and "slot (int) 32 -> 7 signed bits" in ms[0].description, [m.description for m in ms]
    assert "-1..39" in ms[0].description
    old = tmp_path / "old.sv"
    old.write_text(text)
    assert abc_verdict(tmp_path, old, RW.rewrite(text, ms), "slot_timer").name == "EQUIVALENT"


def test_counter_below_minus_one_not_narrowed():
    # near miss: once negative it keeps counting down (wraps through the whole range): no interval
    text = V_AV.replace("if (a_ev && av_cnt < 0 && rp_cnt == 0) av_cnt <= 0;",
                        "if (a_ev && av_cnt < 0 && rp_cnt == 0) av_cnt <= 0;\n"
                        "      else if (av_cnt < 0 && tick) av_cnt <= av_cnt - 1;")
    assert "av_cnt - 1" in text
    assert not [m for m in _signed_copies(text) if "av_cnt" in m.description]


def test_sentinel_minus_two_reached_kept_wider():
    # near miss: the idle value is -1 but an abort parks it at -2 first: -2 .. 11 still fits 5 signed bits,
    # a park at -20 needs 6 -- the interval follows the values really written
    text = V_AV.replace("if (v_s && rp_cnt == 0) begin av_cnt <= -1;", "if (v_s && rp_cnt == 0) begin av_cnt <= -20;")
    ms = [m for m in _signed_copies(text) if "av_cnt" in m.description]
    assert len(ms) == 1 and "6 signed bits" in ms[0].description and "-20..11" in ms[0].description, \
        [m.description for m in ms]


@pytest.mark.yosys
def test_copies_proven_by_z3_width_and_range_invariants(tmp_path: Path):
    # both integers narrowed (av_cnt -1..11 signed, rp_cnt 0..20 unsigned): z3 alone proves it with
    # gold.r == sext(gate.r') and the signed bounds -1 <= r <= K (the zero-extension and unsigned bounds
    # alone do not tie gold's -1 to the narrow register), and the matches name that order
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    ms = [m for m in RW.match(V_AV) if "behind a copy" in m.description]
    assert len(ms) == 2 and all(m.data.get("engines") == ("smt", "abc") for m in ms), [m.data for m in ms]
    old, new = tmp_path / "old.v", tmp_path / "new.v"
    old.write_text(V_AV)
    new.write_text(RW.rewrite(V_AV, ms))
    res = check_equivalence(DesignRef([old], "avt"), DesignRef([new], "avt"),
                            VerifyOptions(engines=("smt",), timeout_s=300))
    assert res.verdict.name == "EQUIVALENT" and res.engine == "smt", (res.verdict, res.reason)


@pytest.mark.yosys
def test_verilog_countdown_through_zero_to_minus_one(tmp_path: Path):
    # an integer loaded with HOLD-1 and stepped down under >= 0 past 0 to -1 (idle): -1..99, 8 signed bits;
    # proven in the order the match names (z3 first)
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    src = ROOT / "designs/generalization/ranges/sentinel_countdown_int_v/original.v"
    text = src.read_text()
    ms = _signed_copies(text)
    assert len(ms) == 1 and "left (integer) 32 -> 8 signed bits" in ms[0].description and "-1..99" in \
        ms[0].description, [m.description for m in ms]
    new = tmp_path / "new.v"
    new.write_text(RW.rewrite(text, ms))
    res = check_equivalence(DesignRef([src], "holdoff_cd"), DesignRef([new], "holdoff_cd"),
                            VerifyOptions(engines=ms[0].data["engines"], timeout_s=300))
    assert res.verdict.name == "EQUIVALENT", (res.verdict, res.reason)


def test_countdown_past_minus_one_not_narrowed():
    # near miss: stepped while nonzero, so from -1 (the reset) it keeps counting down through the negatives
    text = (ROOT / "designs/generalization/ranges/sentinel_countdown_int_v/original.v").read_text()
    text = text.replace("else if (left >= 0)", "else if (left != 0)")
    assert "left != 0" in text
    assert not _signed_copies(text)
