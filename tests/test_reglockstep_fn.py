"""Registers of a child instance that are per-bit tables of ONE register outside it, or k +/- S + b
(rtlopt.semantic.reglockstep): an LFSR copy seeded one step ahead, mod-5 / mod-2 counters beside a
mod-10 one, a short timer max(t - 4, 0) of a long one, an exit count = entry count - level. Modules
instantiated more than once are copied for the one instance rewritten. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.engine.parampin import pin_text
from rtlopt.semantic import reglockstep

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _design(name: str) -> tuple[str, str]:
    d = GEN / name
    f = next(d.glob("original.*"))
    return f.read_text(), f.suffix


def _run(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f, reglockstep.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
def test_lfsr_copy_one_step_ahead_is_the_next_state(tmp_path):
    text, sfx = _design("lockfn_lfsr_peek_v")
    f, got = _run(tmp_path, text, sfx, "scr_peek")
    new, desc = next((t, d) for t, d in got if "'g_nxt.r'" in d)
    t = new[f]
    # the successor written bit by bit: taps as XORs with the feedback bit
    assert "(s_now[6] ^ now_bit)" in desc and "s_now[1]}" in desc, desc
    # the module is copied for g_nxt alone; g_now keeps the original module
    assert "module galois8_rtlopt_ig_nxt" in t and "galois8 #(.SEED(8'hA5)) g_now" in t, t
    assert "always @* r = rtlopt_lock_0_i;" in t
    assert pin_text(text, t, {"galois8": {(("SEED", 0xA5),), (("SEED", 0xEA),)}}) == t
    assert abc_verdict(tmp_path, f, t, "scr_peek") == "EQUIVALENT"


@pytest.mark.yosys
def test_lfsr_copy_on_its_own_enable_is_left_alone(tmp_path):
    text, sfx = _design("lockfn_lfsr_peek_v")
    text = text.replace("g_nxt (.clk(clk), .rst(rst), .adv(adv),", "g_nxt (.clk(clk), .rst(rst), .adv(adv & ~din[0]),")
    _f, got = _run(tmp_path, text, sfx, "scr_peek")
    assert not any("'g_nxt.r'" in d or "'g_now.r'" in d for _t, d in got), got


@pytest.mark.yosys
def test_mod5_and_mod2_are_tables_of_the_mod10_index(tmp_path):
    text, sfx = _design("lockfn_mod_slices_sv")
    f, got = _run(tmp_path, text, sfx, "decade_seq")
    descs = {d: t[f] for t, d in got}
    d2 = next(d for d in descs if "'u_pair.q'" in d)
    assert "== {1'b0, idx[0]}" in d2, d2
    d5 = next(d for d in descs if "'u_half.q'" in d)
    for d in (d2, d5):
        assert abc_verdict(tmp_path, f, descs[d], "decade_seq") == "EQUIVALENT", d


@pytest.mark.yosys
def test_short_timer_is_a_saturating_difference(tmp_path):
    text, sfx = _design("lockfn_satdiff_timers_v")
    f, got = _run(tmp_path, text, sfx, "turnaround")
    t, d = next((t[f], d) for t, d in got if "'u_short.u'" in d)
    assert "left[3]" in d and "left[4]" not in d, d  # t <= 9: bit 4 never matters
    assert "u <= u - 6'd1" not in t
    assert abc_verdict(tmp_path, f, t, "turnaround") == "EQUIVALENT"


@pytest.mark.yosys
def test_short_timer_with_another_reset_value_is_left_alone(tmp_path):
    # reset to 1 while the long timer resets to 0: u is 1 then 0 while t stays 0 (fails once)
    text, sfx = _design("lockfn_satdiff_timers_v")
    text = text.replace("if (rst) u <= 6'd0;", "if (rst) u <= 6'd1;")
    _f, got = _run(tmp_path, text, sfx, "turnaround")
    assert not any("'u_short.u'" in d for _t, d in got), got


@pytest.mark.yosys
def test_entry_count_is_exit_count_plus_level(tmp_path):
    text, sfx = _design("lockfn_enter_exit_sv")
    f, got = _run(tmp_path, text, sfx, "occ_stats")
    t, d = next((t[f], d) for t, d in got if "'u_in.n'" in d)
    assert "== exits + busy_q" in d, d
    assert "n <= n + 10'd1" not in t.split("module cnt_exit")[0].split("module cnt_enter")[1]
    assert abc_verdict(tmp_path, f, t, "occ_stats") == "EQUIVALENT"


@pytest.mark.yosys
def test_exit_count_with_an_extra_event_is_left_alone(tmp_path):
    text, sfx = _design("lockfn_enter_exit_sv")
    text = text.replace("else n <= n + 10'(!now && was);", "else n <= n + 10'((!now && was) || (now && was && n == 10'd3));")
    _f, got = _run(tmp_path, text, sfx, "occ_stats")
    assert not any("'u_in.n'" in d or "'u_out.n'" in d for _t, d in got), got


@pytest.mark.yosys
def test_same_module_mod3_counter_is_a_table_of_the_slot(tmp_path):
    text, sfx = _design("lockfn_local_mod_flat_v")
    f, got = _run(tmp_path, text, sfx, "tdm_flat")
    t, d = next((t[f], d) for t, d in got if d.startswith("'c3' =="))
    assert "always @* c3 = {" in t and "c3 <= (c3 == 2'd2)" not in t, t
    assert "c4 <= c4 + 2'd1;" in t  # the other counter is left to regfunc's own relations
    assert abc_verdict(tmp_path, f, t, "tdm_flat") == "EQUIVALENT"


@pytest.mark.yosys
def test_same_module_counter_with_an_out_of_range_reset_is_left_alone(tmp_path):
    # c3 reset to 3: 3, 0, 1, 2, 0, ... beside slot 0, 1, 2, ...: at slot 0 it is 3 once, then 2
    text, sfx = _design("lockfn_local_mod_flat_v")
    text = text.replace("c4 <= 2'd0; c3 <= 2'd0;", "c4 <= 2'd0; c3 <= 2'd3;")
    _f, got = _run(tmp_path, text, sfx, "tdm_flat")
    assert not any(d.startswith("'c3' ==") for _t, d in got), got


@pytest.mark.yosys
def test_same_module_lfsr_successor_register(tmp_path):
    text, sfx = _design("lockfn_local_lfsr_ahead_sv")
    f, got = _run(tmp_path, text, sfx, "prbs9_top")
    t, d = next((t[f], d) for t, d in got if d.startswith("'u_gen.ahead' =="))
    assert "cur[0], (bit_now ^ cur[4])}" in d, d
    assert "ahead <= step(ahead);" not in t and "always @* ahead = {cur[7]" in t, t
    assert abc_verdict(tmp_path, f, t, "prbs9_top") == "EQUIVALENT"


def test_pinned_export_of_a_renamed_register_reads_zero_in_the_original_arm():
    # an earlier rewrite renamed the narrowed counter (c -> c_q); the original arm has no c_q
    old = """module m #(parameter D = 8) (
  input clk,
  input rst,
  output t
);
  reg [7:0] c;
  always @(posedge clk) c <= rst ? 8'd0 : c + 8'd1;
  assign t = (c == D - 1);
endmodule
"""
    new = old.replace("  output t\n);", "  output t,\n  output wire [2:0] rtlopt_c_q_o\n);") \
        .replace("reg [7:0] c;", "reg [2:0] c_q;").replace("c <= rst ? 8'd0 : c + 8'd1;", "c_q <= rst ? 3'd0 : c_q + 3'd1;") \
        .replace("(c == D - 1)", "(c_q == D - 1)").replace("endmodule", "  assign rtlopt_c_q_o = c_q;\nendmodule")
    got = pin_text(old, new, {"m": {(("D", 8),)}})
    assert got is not None
    pinned, orig = got.split("end else begin")
    assert "assign rtlopt_c_q_o = c_q;" in pinned, got
    assert "assign rtlopt_c_q_o = 0;" in orig and "= c_q" not in orig, got
