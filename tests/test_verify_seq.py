"""rtlopt.verify on sequential pairs: re-encoded/merged FSMs, sync/async resets, init modes (real tools)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.errors import InputError
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

V = Path(__file__).resolve().parent.parent / "designs" / "verify"
pytestmark = pytest.mark.yosys


def check(gold: str, gate: str, **kw):
    return check_equivalence(open_design(V / f"{gold}.v"), open_design(V / f"{gate}.v"),
                             VerifyOptions(**{"timeout_s": 40, **kw}))


# Python models used to re-simulate counterexamples (cycle by cycle, outputs before the clock edge).
def det_bin(trace):
    nxt = {0: (0, 1), 1: (0, 2), 2: (3, 2), 3: (0, 4), 4: (0, 2)}
    st, outs = 0, []
    for rst, din in trace:
        outs.append(int(st == 4))
        st = 0 if rst else nxt[st][din]
    return outs


def det_onehot_bad(trace):
    st, outs = 1, []
    for rst, din in trace:
        outs.append((st >> 4) & 1)
        b = [(st >> i) & 1 for i in range(5)]
        nb = [(1 - din) & (b[0] | b[1] | b[4]), din & b[0] | (1 - din) & b[3], din & (b[1] | b[2] | b[4]),
              (1 - din) & b[2], din & b[3]]
        st = 1 if rst else sum(v << i for i, v in enumerate(nb))
    return outs


def cnt(trace, wrap):
    c, outs = 0, []
    for arst_n, en in trace:
        if not arst_n:
            c = 0
        outs.append(c)
        if arst_n and en:
            c = 0 if c == wrap else (c + 1) & 15
    return outs


@pytest.mark.parametrize("gate", ["fsm_onehot", "fsm_gray"])
def test_reencoded_and_merged_fsm_is_proven(gate):
    res = check("fsm_bin", gate)
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine in ("smt", "abc")
    assert "induction" in res.reason or "ABC" in res.reason
    assert any("reset 'rst'" in n and "active-high" in n for n in res.notes)


def test_merged_states_prove_in_both_directions():
    res = check("fsm_gray", "fsm_bin")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_fsm_state_map_hint_is_accepted():
    hint = {"gold_reg": "st", "gate_reg": "st", "map": {0: 1, 1: 2, 2: 4, 3: 8, 4: 16}}
    res = check("fsm_bin", "fsm_onehot", state_map=hint, engines=("smt",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    wrong = {0: 3, 1: 3}
    res2 = check("fsm_bin", "fsm_onehot", state_map=wrong, engines=("smt",))
    assert res2.verdict is Verdict.EQUIVALENT  # a wrong hint is dropped, never trusted


def test_buggy_fsm_trace_from_reset_resimulates():
    res = check("fsm_bin", "fsm_onehot_bad")
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample
    assert cex.sequential and cex.cycles[0]["reset_forced"]
    trace = [(c["inputs"]["rst"], c["inputs"]["din"]) for c in cex.cycles]
    gold, gate = det_bin(trace), det_onehot_bad(trace)
    k = cex.diff_cycle
    assert gold[k] != gate[k] and gold[1:k] == gate[1:k]
    assert [c["gold"]["found"] for c in cex.cycles][1:] == gold[1:]
    assert [c["gate"]["found"] for c in cex.cycles] == gate
    text = cex.format()
    assert "cycle" in text and "(reset forced)" in text and "gold.found" in text and "gate.found" in text


def test_async_active_low_reset_pair():
    res = check("cnt_async_a", "cnt_async_b")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert any("arst_n" in n and "active-low" in n for n in res.notes), res.notes


def test_async_counter_bug_resimulates():
    res = check("cnt_async_a", "cnt_async_bad")
    assert res.verdict is Verdict.NOT_EQUIVALENT
    cex = res.counterexample
    trace = [(c["inputs"]["arst_n"], c["inputs"]["en"]) for c in cex.cycles]
    assert trace[0][0] == 0  # active-low reset forced in cycle 0
    gold, gate = cnt(trace, 15), cnt(trace, 9)
    assert gold[cex.diff_cycle] != gate[cex.diff_cycle]
    assert [c["gold"]["q"] for c in cex.cycles][1:] == gold[1:]


def test_sync_reset_retimed_pipeline():
    res = check("pipe_a", "pipe_b")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


def test_reset_polarity_flag_overrides_detection():
    # forced "active-high": cycle 0 drives arst_n=1 (no reset), so gold's counter starts undefined
    # (x, don't-care) until a real reset; the bug still shows after one
    res = check("cnt_async_a", "cnt_async_bad", reset_active_low=False)
    assert any("active-high as given" in n for n in res.notes), res.notes
    assert res.verdict is Verdict.NOT_EQUIVALENT
    cex = res.counterexample
    assert cex.cycles[0]["inputs"]["arst_n"] == 1 and cex.cycles[0]["reset_forced"]
    assert any(c["inputs"]["arst_n"] == 0 for c in cex.cycles[1:])  # the trace must reset itself


def test_bounded_check_without_induction_is_unknown():
    res = check("wrap_a", "wrap_b", timeout_s=8, engines=("smt",))
    assert res.verdict is Verdict.UNKNOWN, res.format_text()
    assert "no difference within" in res.reason and "induction" in res.reason


def test_gate_must_match_once_gold_is_defined():
    # gate forgets the last stage: 2-cycle delay instead of 3; gold is defined from cycle 3 on
    res = check_equivalence(open_design(V / "noreset_a.v"), open_design(V / "noreset_short.v"),
                            VerifyOptions(timeout_s=40))
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()
    cex = res.counterexample
    ds = [c["inputs"]["d"] for c in cex.cycles]
    k = cex.diff_cycle
    assert k >= 3 and ds[k - 3] != ds[k - 2]  # gold shows d from 3 cycles ago, gate from 2


def test_registers_without_reset_are_reported():
    res = check("noreset_a", "noreset_b")
    assert any("no reset input found" in n for n in res.notes), res.notes
    # gold's shift register starts undefined (x): its output is don't-care until filled
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert any("start undefined (x) in gold" in n and "gold.r" in n for n in res.notes), res.notes
    assert any("arbitrary values in gate" in n and "gate.a" in n for n in res.notes), res.notes
    anyinit = check("noreset_a", "noreset_b", init="any")
    assert anyinit.verdict is Verdict.NOT_EQUIVALENT  # independent arbitrary start values differ at once
    assert anyinit.counterexample.diff_cycle == 0
    assert any("arbitrary start values" in n for n in anyinit.notes)
    zero = check("noreset_a", "noreset_b", init="zero")
    assert zero.verdict is Verdict.EQUIVALENT, zero.format_text()
    assert any("--init zero" in n for n in zero.notes)


def test_init_any_is_documented_in_notes():
    res = check("pipe_a", "pipe_b", init="any")
    assert any("--init any" in n for n in res.notes)
    assert res.verdict is Verdict.NOT_EQUIVALENT  # different start registers show at once
    assert res.counterexample.initial_state


def test_unknown_reset_name_is_an_input_error():
    with pytest.raises(InputError, match="no input of that name"):
        check("pipe_a", "pipe_b", reset="rst_q")


def test_abc_is_not_used_when_registers_start_arbitrary(tmp_path):
    """ABC's AIGER export starts undefined registers at 0; it must not decide such designs."""
    gold = tmp_path / "g.v"
    gold.write_text("module m(input clk, input rst, output y);\n  reg r;\n"
                    "  always @(posedge clk) if (rst) r <= 1'b0; else r <= r;\n  assign y = r;\nendmodule\n")
    gate = tmp_path / "h.v"
    gate.write_text("module m(input clk, input rst, output y);\n  reg r;\n"
                    "  always @(posedge clk) r <= r;\n  assign y = r;\nendmodule\n")
    only_abc = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(engines=("abc",)))
    assert only_abc.verdict is Verdict.UNKNOWN
    assert only_abc.engines_tried[0][1].startswith("skipped")
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions())
    assert res.verdict is Verdict.NOT_EQUIVALENT  # gate's r keeps its arbitrary start value forever


def test_memory_words_reset_by_a_write_loop_count_as_reset(tmp_path):
    """`for (i...) mem[i] <= 0` under the reset is a write port of the mapped memory, not a mux on
    each word's D input: the words still count as reset (so the start values are defined and ABC may run)."""
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    src = """module m(input clk, rst, we, input [1:0] wa, ra, input [3:0] d, output reg [3:0] q);
  reg [3:0] mem [0:3];
  integer i;
  always @(posedge clk)
    if (rst) begin for (i = 0; i < 4; i = i + 1) mem[i] <= 4'd0; end
    else if (we) mem[wa] <= d;
  always @(posedge clk)
    if (rst) q <= 4'd0; else q <= %s;
endmodule
"""
    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(src % "mem[ra]")
    h.write_text(src % "mem[ra] ^ 4'd0")
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60))
    assert res.verdict.name == "EQUIVALENT", res.reason
    text = " ".join(res.notes)
    assert "no (recognized) reset" not in text, text
    tried = [e for e in res.to_dict()["engines_tried"] if e["engine"] == "abc"]
    assert not any("arbitrary start" in str(e) for e in tried), tried


# --- register correspondence (Yosys equiv_* on registers of equal name), proc x-defaults ---------

_PROC_X_GOLD = """module t(input clk, input rst, input [3:0] a, input [1:0] op, output reg [3:0] y);
  reg [1:0] st, st_next;
  reg [3:0] y_next;
  always @* begin
    st_next = st; y_next = y;
    case (st)
      2'd0: if (op == 2'd1) begin st_next = 2'd1; y_next = a; end
      2'd1: begin if (op[1]) st_next = 2'd2; y_next = y + a; end
      2'd2: begin st_next = 2'd0; y_next = %s; end
      default: st_next = 2'd0;
    endcase
  end
  always @(posedge clk) if (rst) begin st <= 0; y <= 0; end else begin st <= st_next; y <= y_next; end
endmodule
"""
_PROC_X_GATE = """module t(input clk, input rst, input [3:0] a, input [1:0] op, output reg [3:0] y);
  reg [1:0] st, st_next;
  reg [3:0] y_next;
  always @* begin
    st_next = st; y_next = y;
    if (st == 2'd0) begin
      if (op == 2'd1) begin st_next = 2'd1; y_next = a; end
    end else if (st == 2'd1) begin
      y_next = y + a; if (op[1]) st_next = 2'd2;
    end else begin
      st_next = 2'd0; if (st == 2'd2) y_next = %s;
    end
  end
  always @(posedge clk) if (rst) begin st <= 0; y <= 0; end else begin st <= st_next; y <= y_next; end
endmodule
"""


def _pair(tmp_path, gold_src, gate_src, **kw):
    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(gold_src)
    h.write_text(gate_src)
    return check_equivalence(open_design(g), open_design(h), VerifyOptions(**{"timeout_s": 60, **kw}))


def test_register_correspondence_proves_proc_x_pair(tmp_path):
    """Yosys proc leaves x constants (no x written); registers match by name: equiv decides it."""
    res = _pair(tmp_path, _PROC_X_GOLD % "y ^ a", _PROC_X_GATE % "y ^ a", parallel=False)  # the order, no race
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == "equiv", res.format_text()


@pytest.mark.parametrize("gold_arm,gate_arm", [("y ^ a", "y | a"), ("y ^ a", "4'bx")])
def test_register_correspondence_never_passes_a_mutant(tmp_path, gold_arm, gate_arm):
    """A wrong arm, or an x the gate writes where gold is defined (the gate's x is any value): never EQUIVALENT."""
    only = _pair(tmp_path, _PROC_X_GOLD % gold_arm, _PROC_X_GATE % gate_arm, engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    res = _pair(tmp_path, _PROC_X_GOLD % gold_arm, _PROC_X_GATE % gate_arm)
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.format_text()


def test_register_correspondence_gold_x_is_one_resolution(tmp_path):
    """gold's written x may be resolved (gate 0 refines it); the reverse direction is not proven."""
    fwd = _pair(tmp_path, _PROC_X_GOLD % "4'bx", _PROC_X_GATE % "4'b0", engines=("equiv",))
    assert fwd.verdict is Verdict.EQUIVALENT, fwd.format_text()
    back = _pair(tmp_path, _PROC_X_GOLD % "4'b0", _PROC_X_GATE % "4'bx", engines=("equiv",))
    assert back.verdict is Verdict.UNKNOWN, back.format_text()


def test_register_correspondence_needs_the_base_case(tmp_path):
    """o = r1 & r2 vs o = r1 agree once r1 == r2 (from cycle 1) but not in cycle 0 (r1 = 1, r2 = 0);
    an induction over every matched net without a base case would pass it; different initial values too."""
    src = ("module b(input clk, input d, output o);\n  reg r1 = 1'b1, r2 = 1'b0;\n"
           "  always @(posedge clk) begin r1 <= d; r2 <= d; end\n  assign o = %s;\nendmodule\n")
    only = _pair(tmp_path, src % "r1 & r2", src % "r1", engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert _pair(tmp_path, src % "r1 & r2", src % "r1").verdict is Verdict.NOT_EQUIVALENT
    init = _pair(tmp_path, src % "r1", src.replace("r1 = 1'b1", "r1 = 1'b0") % "r1", engines=("equiv",))
    assert init.verdict is Verdict.UNKNOWN and "start differently" in init.reason, init.format_text()
    anyinit = _pair(tmp_path, _PROC_X_GOLD % "y ^ a", _PROC_X_GATE % "y ^ a", engines=("equiv",), init="any")
    assert anyinit.verdict is Verdict.UNKNOWN, anyinit.format_text()


_BURST_GOLD = """module burst(input clk, input rst_n, input start, input beat, output [3:0] left);
  reg [4:0] idx_q; reg [3:0] left_q; reg busy;
  wire step = busy & beat;
  wire [3:0] left_d = start & ~busy ? 4'hF : (step ? left_q - 1'b1 : left_q);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) idx_q <= 5'd0; else if (start && !busy) idx_q <= 5'd0; else if (step) idx_q <= idx_q + 5'd1;
  always @(posedge clk or negedge rst_n) if (!rst_n) left_q <= 4'hF; else left_q <= left_d;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) busy <= 1'b0; else if (start && !busy) busy <= 1'b1; else if (step && left_q == 4'd0) busy <= 1'b0;
  assign left = left_q;
endmodule
"""


@pytest.mark.parametrize("gate_expr,equivalent", [("~idx_q", True), ("~idx_q ^ 4'd1", False)])
def test_gold_wire_named_like_an_xprop_output_part(tmp_path, gate_expr, equivalent):
    """Gold has a wire 'left_d' next to output 'left': x-propagation's split output 'left_d' must not
    read it (it did: a false NOT EQUIVALENT with gold.left = 0 under reset)."""
    gold = tmp_path / "gold.v"
    gold.write_text(_BURST_GOLD)
    gate = tmp_path / "gate.v"
    gate.write_text(_BURST_GOLD.replace("always @(posedge clk or negedge rst_n) if (!rst_n) left_q <= 4'hF; "
                                        "else left_q <= left_d;\n", "")
                    .replace("assign left = left_q;", f"always @* left_q = {gate_expr};\n  assign left = left_q;"))
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(timeout_s=60))
    if equivalent:
        assert res.verdict == Verdict.EQUIVALENT, res
    else:
        assert res.verdict == Verdict.NOT_EQUIVALENT
        assert "4'hf" in str(res.to_dict())  # gold shows its reset value, 15, in the trace


@pytest.mark.parametrize("gold_src,gate_src", [
    # o agrees from cycle 1 (r1 == r2 == p1 once loaded) but not in cycle 0: equiv_simple must not look
    # one clock back through the unmatched flip-flops
    ("module u(input clk, input d, output o, output q);\n  reg r1 = 1'b1, r2 = 1'b0, k = 1'b0;\n"
     "  always @(posedge clk) begin r1 <= d; r2 <= d; k <= d; end\n  assign o = r1 & r2;\n  assign q = k;\nendmodule\n",
     "module u(input clk, input d, output o, output q);\n  reg p1 = 1'b1, k = 1'b0;\n"
     "  always @(posedge clk) begin p1 <= d; k <= d; end\n  assign o = p1;\n  assign q = k;\nendmodule\n"),
    # y agrees from cycle 2 only: a 2-step induction without a 2-step base would pass it
    ("module k(input clk, input d, output y);\n  reg x = 1'b0, y = 1'b0;\n"
     "  always @(posedge clk) begin x <= d; y <= x; end\nendmodule\n",
     "module k(input clk, input d, output y);\n  reg x = 1'b0, y = 1'b0, p = 1'b1;\n"
     "  always @(posedge clk) begin x <= d; p <= d; y <= p; end\nendmodule\n"),
])
def test_register_correspondence_has_no_look_back(tmp_path, gold_src, gate_src):
    only = _pair(tmp_path, gold_src, gate_src, engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert _pair(tmp_path, gold_src, gate_src).verdict is Verdict.NOT_EQUIVALENT


def test_reset_found_by_use_when_no_input_is_named_like_one(tmp_path):
    """APB's `presetn` (or any name): the 1-bit input that loads constants into the registers is the
    reset; without it the pair below is not equal from arbitrary start states (q starts anywhere)."""
    gold = tmp_path / "g.v"
    gate = tmp_path / "h.v"
    gold.write_text("module cnt(input pclk, input presetn, input en, output reg [7:0] q);\n"
                    "  always @(posedge pclk or negedge presetn) if (!presetn) q <= 8'd3; else if (en) q <= q + 8'd1;\n"
                    "endmodule\n")
    gate.write_text("module cnt(input pclk, input presetn, input en, output [7:0] q);\n  reg [7:0] r;\n"
                    "  always @(posedge pclk or negedge presetn) if (!presetn) r <= 8'd0; else if (en) r <= r + 8'd1;\n"
                    "  assign q = r + 8'd3;\nendmodule\n")
    res = check_equivalence(open_design(gold), open_design(gate), VerifyOptions(timeout_s=60))
    assert res.verdict is Verdict.EQUIVALENT, res.notes
    assert any("reset 'presetn'" in n and "from its use" in n and "active-low" in n for n in res.notes)
    # an input clearing only half of the state (8 of 16 register bits) is not taken as the reset
    part = tmp_path / "p.v"
    part.write_text("module two(input clk, input wipe, input [7:0] d, output reg [7:0] a, output reg [7:0] b);\n"
                    "  always @(posedge clk or posedge wipe) if (wipe) a <= 8'd0; else a <= d;\n"
                    "  always @(posedge clk) b <= d;\nendmodule\n")
    res2 = check_equivalence(open_design(part), open_design(part), VerifyOptions(timeout_s=60))
    assert not any("reset 'wipe'" in n for n in res2.notes)
