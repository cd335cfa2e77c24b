"""regfunc: a register that is the sum or difference of two registers of other widths (mixed-width
affine relations), and the z3 engine's matching cross-design candidates (rtlopt.verify._affine).

heldout16 morse/elem_count kept an 8-bit elements-left count beside a 3-bit loaded length and an
integer index (left == len - idx mod 256); regfunc only related registers of one width, and the
length was never read (its flip-flops were gone from the netlist; the unread-register check took the
ROM's port 'len' for it). Own designs: a Verilog burst generator (left == len - beat, 8/4/8 bits) and
an SV two-process frame counter in a child instance (total == payload + hdr, 10/10/3 bits). Near
misses: a count that diverges from length - index only after a narrow index wraps (past every
simulated trace: proposed, refuted by the induction, never emitted) and a count that skips one
update on a rare input. Real Yosys/z3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import regfunc, seqsim

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
BURST = GEN / "affine_burst_left_v" / "original.v"
FRAME = GEN / "affine_frame_total_sv" / "original.sv"


def _cands(tmp_path: Path, src: Path | str, top: str, edits=(), suffix: str | None = None):
    text = src.read_text() if isinstance(src, Path) else src
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + (suffix or (src.suffix if isinstance(src, Path) else ".v")))
    f.write_text(text)
    return f, regfunc.candidates_for({f: text}, top, 60)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str, engines=None) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("g" + old.suffix)
    g.write_text(new_text)
    kw = {"engines": engines} if engines else {}
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(timeout_s=150, **kw)).verdict


def _computed(f: Path, got, target: str) -> list[str]:
    return [new[f] for new, _d in got if re.search(rf"always @\* {target} = ", new[f])]


@pytest.mark.yosys
def test_burst_left_is_length_minus_index(tmp_path):
    f, got = _cands(tmp_path, BURST, "burst_gen")
    texts = _computed(f, got, "left")
    assert texts, [d for _n, d in got]
    t = texts[0]
    # the 4-bit length zero-extended to the count's 8 bits
    assert "always @* left = ($unsigned(len_q) - beat);" in t, t
    assert not re.search(r"\bleft\s*<=", t), t
    assert _verdict(tmp_path, f, t, "burst_gen") == "EQUIVALENT"


@pytest.mark.yosys
def test_frame_total_is_payload_plus_header_proven_by_z3(tmp_path):
    f, got = _cands(tmp_path, FRAME, "framer_top")
    texts = _computed(f, got, "total")
    assert texts, [d for _n, d in got]
    t = texts[0]
    assert "always @* total = (payload + $unsigned(hdr_q));" in t, t
    assert not re.search(r"\btotal\s*<=", t), t
    # z3 alone: its induction needs gold.total == gate.payload + zext(gate.hdr_q) (rtlopt.verify._affine)
    assert _verdict(tmp_path, f, t, "framer_top", engines=("smt",)) == "EQUIVALENT"


@pytest.mark.yosys
def test_restyled_burst_two_blocks_integer_index(tmp_path):
    """The count in an always block of its own, the index an integer (32 bits, wider than the count)."""
    src = BURST.read_text()
    f, got = _cands(tmp_path, src, "burst_gen", [
        ("output reg  [7:0]    beat,", "output wire [7:0]    beat,"),
        ("    reg [7:0] left;\n", "    reg [7:0] left;\n    integer   idx;\n    assign beat = idx[7:0];\n"),
        ("            left  <= 8'd0;\n", ""),
        ("            beat  <= 8'd0;\n", "            idx   <= 0;\n"),  # (both: reset and load)
        ("                    left  <= {4'b0000, blen};\n", ""),
        ("                    left <= left - 8'd1;\n", ""),
        ("                    beat <= beat + 8'd1;\n", "                    idx <= idx + 1;\n"),
        ("    assign last = valid && (left == 8'd1);\n",
         "    always @(posedge clk or negedge rst_n)\n"
         "        if (!rst_n) left <= 8'd0;\n"
         "        else if (!valid && start && blen != 4'd0) left <= blen;\n"
         "        else if (valid && ready && left != 8'd1) left <= left - 1'b1;\n\n"
         "    assign last = valid && (left == 8'd1);\n"),
    ])
    texts = _computed(f, got, "left")
    assert texts, [d for _n, d in got]
    # the 32-bit index read in the count's 8 bits (or through the output wire of those bits)
    assert re.search(r"always @\* left = \(\$unsigned\(len_q\) - (idx\[7:0\]|beat)\);", texts[0]), texts[0]
    assert _verdict(tmp_path, f, texts[0], "burst_gen") == "EQUIVALENT"


SLOW = """
module slow_left (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire [7:0] n,
    output wire       fin,
    output wire [3:0] step_o
);
    reg [6:0] pre;
    reg [3:0] step;
    reg [7:0] left;
    reg [7:0] n_q;
    reg       run;
    always @(posedge clk) begin
        if (rst) begin
            pre <= 7'd0; step <= 4'd0; left <= 8'd0; n_q <= 8'd0; run <= 1'b0;
        end else begin
            pre <= pre + 7'd1;
            if (!run) begin
                if (go && n != 8'd0) begin
                    n_q <= n; left <= n; step <= 4'd0; run <= 1'b1;
                end
            end else if (pre == 7'd127) begin
                if (left == 8'd1) run <= 1'b0;
                else begin
                    left <= left - 8'd1;
                    step <= step + 4'd1;
                end
            end
        end
    end
    assign fin = run && (left == 8'd1);
    assign step_o = step;
endmodule
"""


@pytest.mark.yosys
def test_count_diverging_after_a_late_index_wrap_is_refuted(tmp_path):
    """left == n - step holds on every simulated state (the 4-bit step wraps only after 16 x 128 cycles
    of one burst) but not after the wrap: the hypothesis is made and the induction drops it."""
    f = tmp_path / "slow.v"
    f.write_text(SLOW)
    texts = {f: SLOW}
    net = seqsim.load_texts(texts, "slow_left", keep_regs=True)
    regs = regfunc._registers(net)
    hyps = regfunc.discover(net, regs, regfunc.samples(net), consts=regfunc.mined_constants(texts.values()))
    mine = [h for h in hyps if h.target == "left" and h.base2 and {h.base, h.base2} == {"n_q", "step"}]
    assert mine, hyps
    assert not [r for r in regfunc.prove(net, regs, mine) if r.target == "left"]
    got = regfunc.candidates_for(texts, "slow_left", 60)
    assert not _computed(f, got, "left"), [d for _n, d in got]


@pytest.mark.yosys
def test_count_skipping_one_rare_update_is_no_function(tmp_path):
    f, got = _cands(tmp_path, BURST, "burst_gen", [
        ("                    left <= left - 8'd1;\n",
         "                    if (!(addr == 10'h2A5 && left == 8'd3)) left <= left - 8'd1;\n")])
    assert not _computed(f, got, "left"), [d for _n, d in got]


@pytest.mark.yosys
def test_wrong_mixed_width_relation_is_not_proven(tmp_path):
    """The verifier's cross-design candidates are only candidates: a gate computing the total one too
    high is refuted (the limit is 12 here, so the difference shows within a few cycles)."""
    f, got = _cands(tmp_path, FRAME, "framer_top", [("frame_cnt #(.MAXB(600))", "frame_cnt #(.MAXB(12))")])
    texts = _computed(f, got, "total")
    assert texts, [d for _n, d in got]
    good = texts[0]
    bad = good.replace("always @* total = (payload + $unsigned(hdr_q));",
                       "always @* total = (payload + $unsigned(hdr_q)) + 10'd1;")
    assert bad != good
    assert _verdict(tmp_path, f, bad, "framer_top", engines=("smt",)) == "NOT EQUIVALENT"
