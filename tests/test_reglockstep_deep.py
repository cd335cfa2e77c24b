"""Lock-step registers rtlopt.semantic.reglockstep finds beyond equal simulation traces:

- registers that never move on the simulated states (a seconds count stepped every 6000 cycles):
  every bit is paired with outside flip-flops that also kept one value, Houdini keeps the pairs that
  are inductive together (``sub == secs[2:0]``, ``lamp == secs[3]``, inverted pairs too);
- equal registers two levels down (a generator instance nested in each of two lane instances): the
  nested instance of one lane goes and its net takes the other lane's, exported;
- a saturated copy ``R == min(S, k)`` (a counter stopping at a limit beside one stopping at all ones),
  the limit among the source's constants.

Near-misses (another enable, another reset value, another modulus, a counter that wraps at the
limit) must not fire. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import reglockstep

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _design(name: str) -> tuple[str, str]:
    f = next((GEN / name).glob("original.*"))
    return f.read_text(), f.suffix


def _run(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f, reglockstep.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
def test_slow_counter_and_phase_are_bits_of_the_seconds_count(tmp_path):
    text, sfx = _design("lock9_slow_blink_v")
    f, got = _run(tmp_path, text, sfx, "clock_led")
    t, d = next((t[f], d) for t, d in got if "'u_led.sub'" in d)
    assert "'u_led.sub' == secs[2:0]" in d and "'u_led.lamp' == secs[3]" in d, d
    assert "sub <= sub + 3'd1" not in t
    assert abc_verdict(tmp_path, f, t, "clock_led") == "EQUIVALENT"


@pytest.mark.yosys
def test_slow_flag_reset_high_is_an_inverted_bit(tmp_path):
    text, sfx = _design("lock9_slow_blink_sv")
    f, got = _run(tmp_path, text, sfx, "wdog_hb")
    t, d = next((t[f], d) for t, d in got if "'u_hb.flip'" in d)
    assert "'u_hb.flip' == ~beats[2]" in d and "'u_hb.q' == beats[1:0]" in d, d
    assert abc_verdict(tmp_path, f, t, "wdog_hb") == "EQUIVALENT"


@pytest.mark.yosys
def test_slow_counter_on_its_own_enable_is_left_alone(tmp_path):
    text, sfx = _design("lock9_slow_blink_v")
    text = text.replace("else if (tick) sub <= sub + 3'd1;", "else if (tick && armed) sub <= sub + 3'd1;")
    _f, got = _run(tmp_path, text, sfx, "clock_led")
    assert not any("'u_led.sub'" in d or "'u_led.lamp'" in d for _t, d in got), got


@pytest.mark.yosys
def test_slow_counter_with_another_reset_value_is_left_alone(tmp_path):
    # q reset to 1: q == beats + 1, no bit of which is one bit of beats
    text, sfx = _design("lock9_slow_blink_sv")
    text = text.replace("q <= 2'd0;", "q <= 2'd1;")
    _f, got = _run(tmp_path, text, sfx, "wdog_hb")
    assert not any("'u_hb.q'" in d for _t, d in got), got


@pytest.mark.yosys
def test_nested_generators_are_shared(tmp_path):
    text, sfx = _design("lock9_nested_lfsr_sv")
    f, got = _run(tmp_path, text, sfx, "dual_lane")
    t, d = next((t[f], d) for t, d in got if "'u_a.p'" in d)
    assert "nested instance dropped" in d, d
    copy = t.split("module lane_rtlopt_iu_a")[1]
    assert "prbs7" not in copy.split("endmodule")[0] and "assign p = rtlopt_lock_0_i;" in copy, t
    assert abc_verdict(tmp_path, f, t, "dual_lane") == "EQUIVALENT"


@pytest.mark.yosys
def test_nested_counters_are_shared(tmp_path):
    text, sfx = _design("lock9_nested_pos_v")
    f, got = _run(tmp_path, text, sfx, "tdm_pair")
    t, d = next((t[f], d) for t, d in got if "'u_b.cur'" in d or "'u_a.cur'" in d)
    assert t.count("slot_ctr #(.SLOTS(SLOTS)) u_ctr") == 1, t
    assert abc_verdict(tmp_path, f, t, "tdm_pair") == "EQUIVALENT"


@pytest.mark.yosys
def test_nested_generator_on_another_enable_is_left_alone(tmp_path):
    text, sfx = _design("lock9_nested_lfsr_sv")
    text = text.replace("lane u_b (.clk, .rst, .adv,", "lane u_b (.clk, .rst, .adv(adv & d1[0]),")
    _f, got = _run(tmp_path, text, sfx, "dual_lane")
    assert not any("'u_a.p'" in d or "'u_b.p'" in d for _t, d in got), got


@pytest.mark.yosys
def test_nested_counters_of_another_modulus_are_left_alone(tmp_path):
    text, sfx = _design("lock9_nested_pos_v")
    text = text.replace("framer #(.SLOTS(10), .MINE(4'd7))", "framer #(.SLOTS(9), .MINE(4'd7))")
    _f, got = _run(tmp_path, text, sfx, "tdm_pair")
    assert not any("'u_a.cur'" in d or "'u_b.cur'" in d for _t, d in got), got


def _smt_verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    """The z3 engine's verdict (its structural candidates hold the saturated-copy invariant; ABC's PDR
    does not find it in time)."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("new" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=120)).verdict


@pytest.mark.yosys
def test_counter_stopping_at_a_limit_is_a_saturated_copy(tmp_path):
    text, sfx = _design("lock9_satcopy_v")
    f, got = _run(tmp_path, text, sfx, "pulse_mon")
    t, d = next((t[f], d) for t, d in got if "'u_s.t'" in d)
    assert "'u_s.t' == ((width > 10'd700) ? 10'd700 : width)" in d, d
    assert _smt_verdict(tmp_path, f, t, "pulse_mon") == "EQUIVALENT"


@pytest.mark.yosys
def test_gap_counter_is_a_saturated_copy_of_the_idle_count(tmp_path):
    text, sfx = _design("lock9_satcopy_sv")
    f, got = _run(tmp_path, text, sfx, "ipg_mon")
    t, d = next((t[f], d) for t, d in got if "'u_gap.n'" in d)
    assert "((idle > 8'd160) ? 8'd160 : idle)" in d, d
    assert _smt_verdict(tmp_path, f, t, "ipg_mon") == "EQUIVALENT"


@pytest.mark.yosys
def test_saturated_reference_needs_the_min_invariant(tmp_path):
    # the hand reference (the counter gone, the flag a comparison of the other count) is proven by the
    # z3 engine only with the saturated-copy candidates
    d = GEN / "lock9_satcopy_v"
    assert _smt_verdict(tmp_path, d / "original.v", (d / "reference.v").read_text(), "pulse_mon") == "EQUIVALENT"


@pytest.mark.yosys
def test_counter_wrapping_at_the_limit_is_left_alone(tmp_path):
    # t goes back to 0 after LIMIT while the width keeps counting: min(width, 700) fails past 700
    text, sfx = _design("lock9_satcopy_v")
    text = text.replace("else if (t < LIMIT)\n      t <= t + 10'd1;", "else\n      t <= (t == LIMIT) ? 10'd0 : t + 10'd1;")
    assert "t == LIMIT) ? 10'd0" in text
    _f, got = _run(tmp_path, text, sfx, "pulse_mon")
    assert not any("'u_s.t'" in d for _t, d in got), got


@pytest.mark.yosys
def test_interval_counter_is_the_difference_of_two_outside_registers(tmp_path):
    text, sfx = _design("lock9_diff_interval_v")
    f, got = _run(tmp_path, text, sfx, "evt_top")
    t, d = next((t[f], d) for t, d in got if "'u_int.since'" in d)
    assert "'u_int.since' == now - last" in d, d
    assert ".rtlopt_lock_0_i(now - last)" in t
    assert _smt_verdict(tmp_path, f, t, "evt_top") == "EQUIVALENT"


@pytest.mark.yosys
def test_outstanding_count_is_sent_minus_back(tmp_path):
    text, sfx = _design("lock9_diff_level_sv")
    f, got = _run(tmp_path, text, sfx, "credit_mon")
    # the instance whose register the top never names is tried first
    t, d = got[0][0][f], got[0][1]
    assert d.startswith("'u_w.out_q' == sent - back"), d
    assert _smt_verdict(tmp_path, f, t, "credit_mon") == "EQUIVALENT"


@pytest.mark.yosys
def test_outstanding_count_held_at_zero_is_left_alone(tmp_path):
    # a return with nothing outstanding keeps 0 while sent - back goes to 255
    text, sfx = _design("lock9_diff_level_sv")
    text = text.replace("2'b01:   out_q <= out_q - W'(1);", "2'b01:   out_q <= (out_q == '0) ? out_q : out_q - W'(1);")
    assert "(out_q == '0) ? out_q" in text
    _f, got = _run(tmp_path, text, sfx, "credit_mon")
    assert not any("'u_w.out_q'" in d for _t, d in got), got
