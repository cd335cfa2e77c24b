"""instlife over generate-loop instances (heldout11 sched/timeslice: four quantum counters, one per
context from a generate loop, only the running context's counting).

The loop's iterations come from the elaboration (genvar values), their connections are read with the
genvar's value, and the instantiation becomes a generate ``if`` on the genvar: the kept iteration gets
the edited instance, the others assign its outputs. A level enable that clears a counter while its
channel is idle is switched by the phase register's whole next value (its clocked block's if/case
folded), with the counters' own outputs read as zero there (the phase moves when a counter expires:
reading them would close a combinational loop; an expiring counter clears itself anyway).

Fires and proven: a DMA channel scheduler (Verilog generate for + genvar, sync reset, the move wire
reads the counters' last flags, outputs into a bus slice ``counts[4*c +: 4]``) and a pour sequencer
(SV ``for (genvar ...)`` without generate, kick strobes, per-iteration length ``6 + 5 * s`` as a value
port). Near misses: a channel that also counts on its own request while another is served, and a
sequencer that restarts stage 0 while later stages run, do not fire; a stage finish early enough that
neighbouring stages overlap shares only the outer two (the middle iteration keeps its instance).
Real pyslang/Yosys/simulation/ABC/z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import instlife

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits=()):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, instlife.candidates_for({f: text}, top, timeout_s=90)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str, engines) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=engines, timeout_s=400)).verdict


def test_next_value_folds_if_case_and_skips_the_async_reset():
    from pyslang import syntax

    text = ("module m(input clk, rst_n, go, input [1:0] a, output reg [1:0] q);\n"
            "always @(posedge clk or negedge rst_n) begin if (!rst_n) q <= 0; else if (go) case (a)\n"
            "2'd0, 2'd2: q <= 1; default: q <= a; endcase end endmodule\n")
    mod = instlife._modules(syntax.SyntaxTree.fromText(text))[0]
    assert instlife._next_full(text, mod, "q") == \
        "((go) ? (((a) == (2'd0) || (a) == (2'd2)) ? (1) : (a)) : q)"
    # a blocking write in the block: its temporaries are not visible to one expression
    text2 = text.replace("default: q <= a;", "default: begin t = a; q <= t; end")
    mod2 = instlife._modules(syntax.SyntaxTree.fromText(text2))[0]
    assert instlife._next_full(text2, mod2, "q") is None


@pytest.mark.yosys
@pytest.mark.slow
def test_dma_generate_loop_counters_share_one_and_prove(tmp_path):
    f, got = _run(tmp_path, "instlife_genloop_dma_v", "dma_sched")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "if (c == 0) begin : rtlopt_keep" in t and "begin : rtlopt_drop" in t, t
    assert "assign counts[4*c +: 4] = counts[4*(0) +: 4]; assign done[c] = done[(0)];" in t, t
    # the channel's next value with the last flags read as zero: no combinational loop
    assert "localparam [2:0] RTLOPT_Z_done = 0;" in t and "(|RTLOPT_Z_done)" in t, t
    assert t.count("beat_counter #(") == 2  # the module header and one instance
    assert _verdict(tmp_path, f, t, "dma_sched", ("smt", "abc")) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_dma_channel_counting_on_its_request_does_not_fire(tmp_path):
    # channel 0 also counts while requesting: it runs while another channel is served
    _f, got = _run(tmp_path, "instlife_genloop_dma_v", "dma_sched",
                   [(".en   (serving & (ch == c)),", ".en   ((serving & (ch == c)) | ((c == 0) & req[0])),")])
    assert got == []


@pytest.mark.yosys
@pytest.mark.slow
def test_pour_sv_genvar_loop_timers_share_one_and_prove(tmp_path):
    f, got = _run(tmp_path, "instlife_genloop_pour_sv", "pour_seq")
    assert got, got
    t = got[0][0][f]
    assert "for (genvar s = 0; s < 3; s++) begin : g_stage\n        if (s == " in t, t
    assert ".kick ((kick[(" in t and "RTLOPT_EXT(1)" in t and ".rtlopt_LEN(" in t, t
    assert "6 + 5 * (1)" in t and t.count("dwell_timer #(") == 2  # the module's header and one instance
    assert _verdict(tmp_path, f, t, "pour_seq", ("abc", "smt")) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_pour_overlapping_neighbours_share_only_the_outer_stages(tmp_path):
    # finishing at 3 left: each stage's timer is loaded while the previous one still counts down, so
    # neighbours overlap; stages 0 and 2 never do: they share, stage 1 keeps its own instance
    f, got = _run(tmp_path, "instlife_genloop_pour_sv", "pour_seq",
                  [("assign fin = (left == 5'd1);", "assign fin = (left == 5'd3);")])
    assert got, got
    t = got[0][0][f]
    assert "end else if (s == 0) begin : rtlopt_drop" in t or "end else if (s == 2) begin : rtlopt_drop" in t, t
    assert "end else begin : rtlopt_own" in t and "g_stage[1]" not in got[0][1], got[0][1]
    assert _verdict(tmp_path, f, t, "pour_seq", ("abc", "smt")) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_pour_restart_while_running_does_not_fire(tmp_path):
    # 'go' restarts stage 0 at any time: every pair of stage timers can run at once
    _f, got = _run(tmp_path, "instlife_genloop_pour_sv", "pour_seq",
                   [("if (!run && go) begin", "if (go) begin")])
    assert got == []


@pytest.mark.yosys
@pytest.mark.slow
def test_dma_loop_block_wire_and_localparam_read_per_iteration(tmp_path):
    # the enable through a wire the loop block declares, the length through its localparam: each
    # iteration's own (chan[k].mine), not the kept iteration's
    f, got = _run(tmp_path, "instlife_genloop_dma_v", "dma_sched", [
        ("begin : chan\n", "begin : chan\n            wire mine = serving & (ch == c);\n"
                           "            localparam integer NB = 12;\n"),
        ("beat_counter #(.BEATS(12)) u_beats (", "beat_counter #(.BEATS(NB)) u_beats ("),
        (".en   (serving & (ch == c)),", ".en   (mine),")])
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "? (chan[1].mine) :" in t and "? (chan[2].mine) : (chan[0].mine))" in t, t
    assert _verdict(tmp_path, f, t, "dma_sched", ("abc", "smt")) == "EQUIVALENT"
