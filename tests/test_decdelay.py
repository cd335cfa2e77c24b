"""A child delay line whose input changes only once per counter period kept as one stage per period
(rtlopt.semantic.decdelay). Own designs: a level meter (Verilog array shifted by a for loop, async active-low
reset, the hold register loaded on a sibling down-counting divider's tick: 15 stages, period 5) and a control
pipe (SV packed concatenation shift, synchronous reset, the phase counter in the parent; taps after 4 and 8
clocks with period 3: loaded stages plus plain ones). Restyles: a chain of one-stage instances in a generate
loop resetting to a nonzero value; the level meter's delay as a generate loop of always blocks. Delay lines
inside a module (an array read at two fixed stages, named stage registers, a packed shift) have their fixed-stage
reads redirected to the new stages. Near misses
(nothing offered): a hold register that may also load between ticks, a divider that only runs while an input
is high, a delay line fed by a primary input, a delay module with an output that is no chain; a candidate with
the load at the wrong phase is refuted by the simulation and by the proof. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import decdelay, seqsim

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "decimated_delay"


def _file(tmp_path: Path, text: str, name: str = "d.v") -> Path:
    f = tmp_path / name
    f.write_text(text)
    return f


def _cands(f: Path, top: str):
    return decdelay.candidates_for({f: f.read_text()}, top, timeout_s=60)


def _one(f: Path, top: str, *needles: str) -> str:
    """The text of the one candidate offered, whose description names every needle."""
    got = _cands(f, top)
    assert len(got) == 1 and all(n in got[0][1] for n in needles), got
    return got[0][0][f]


@pytest.mark.yosys
def test_level_meter_array_loop_v(tmp_path):
    f = _file(tmp_path, (GEN / "v_array_loop_sibling_divider" / "original.v").read_text())
    t = _one(f, "level_meter", "once per 5 cycles", "90 stage flip-flops -> 21")
    assert "pipe[" not in t.split("module align_delay")[1].split("endmodule")[0]
    assert abc_verdict(tmp_path, f, t, "level_meter") == "EQUIVALENT"


@pytest.mark.yosys
def test_wrong_phase_refuted(tmp_path):
    f = _file(tmp_path, (GEN / "v_array_loop_sibling_divider" / "original.v").read_text())
    t = _cands(f, "level_meter")[0][0][f]
    # the load one cycle early: the stages take the held code before it is complete
    import re
    m = re.search(r"if \(rtlopt_dd_ph == 3'd(\d)\)", t)
    assert m is not None, t
    bad = t.replace(m.group(0), f"if (rtlopt_dd_ph == 3'd{(int(m.group(1)) + 4) % 5})")
    net = seqsim.load_texts({f: f.read_text()}, "level_meter")
    assert seqsim.outputs_agree(net, {f: bad}, "level_meter", 60) is False
    assert abc_verdict(tmp_path, f, bad, "level_meter") == "NOT EQUIVALENT"


@pytest.mark.yosys
def test_ctl_pipe_packed_shift_sync_residual_sv(tmp_path):
    f = _file(tmp_path, (GEN / "sv_packed_shift_sync_residual" / "original.sv").read_text(), "d.sv")
    t = _one(f, "ctl_pipe", "once per 3 cycles")
    # 8 = 2*3 + 2: the second or third loaded stage by phase; 4 = 3 + 1: the first or second by phase
    assert "? rtlopt_dd_0_e1 : rtlopt_dd_0_e2)" in t and "? rtlopt_dd_0_e1 : rtlopt_dd_0_e0)" in t, t
    assert "always @(posedge clk)\n" in t and "_p1_" not in t
    assert abc_verdict(tmp_path, f, t, "ctl_pipe") == "EQUIVALENT"


_CHAIN = """
module stage #(parameter W = 4) (input clk, input rst, input [W-1:0] d, output reg [W-1:0] q);
  always @(posedge clk or posedge rst)
    if (rst) q <= {W{1'b1}} ^ 4'h5;
    else q <= d;
endmodule

module dline #(parameter W = 4, parameter N = 2) (input clk, input rst, input [W-1:0] a, output [W-1:0] z);
  wire [W-1:0] w [0:N];
  assign w[0] = a;
  genvar g;
  generate for (g = 0; g < N; g = g + 1) begin : st
    stage #(.W(W)) u (.clk(clk), .rst(rst), .d(w[g]), .q(w[g+1]));
  end endgenerate
  assign z = w[N];
endmodule

module divider (input clk, input rst, RUN output reg stb);
  reg [1:0] c;
  always @(posedge clk or posedge rst)
    if (rst) begin c <= 2'd0; stb <= 1'b0; end
    else if (GO) begin c <= c + 2'd1; stb <= (c == 2'd3); end
endmodule

module top (input clk, input rst, RUN input [3:0] din, input poke, output [3:0] late);
  wire stb;
  reg [3:0] h;
  divider u_dv (.clk(clk), .rst(rst), RUNC .stb(stb));
  always @(posedge clk or posedge rst)
    if (rst) h <= 4'hA;
    else if (LOAD) h <= din;
  dline #(.W(4), .N(NST)) u_dl (.clk(clk), .rst(rst), .a(SRC), .z(late));
endmodule
"""


def _chain(load="stb", src="h", nst=12, run=False) -> str:
    return (_CHAIN.replace("LOAD", load).replace("SRC", src).replace("NST", str(nst))
            .replace("RUNC", ".run(run), " if run else "").replace("RUN", "input run," if run else "")
            .replace("GO", "run" if run else "1'b1"))


@pytest.mark.yosys
def test_instance_chain_nonzero_reset(tmp_path):
    f = _file(tmp_path, _chain())
    t = _one(f, "top", "once per 4 cycles")
    assert "4'd10" in t and "stage #(.W(W)) u" not in t.split("module dline")[1]
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("kw", [{"load": "stb | poke"}, {"run": True}, {"src": "din"}])
def test_near_misses_not_offered(tmp_path, kw):
    # loaded between strobes too; a divider that only counts while an input is high; a primary input
    f = _file(tmp_path, _chain(**kw))
    assert _cands(f, "top") == []


@pytest.mark.yosys
def test_output_that_is_no_chain_not_offered(tmp_path):
    text = _chain().replace("output [W-1:0] z);", "output [W-1:0] z, output p);").replace(
        "assign z = w[N];", "assign z = w[N];\n  assign p = ^w[3];").replace(
        "output [3:0] late);", "output [3:0] late, output par);").replace(".z(late)", ".z(late), .p(par)")
    f = _file(tmp_path, text)
    assert _cands(f, "top") == []


_METER_GEN = (GEN / "v_array_loop_sibling_divider" / "original.v").read_text().replace(
    """  reg [WD-1:0] pipe [0:DEPTH-1];
  integer k;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) begin
      for (k = 0; k < DEPTH; k = k + 1) pipe[k] <= {WD{1'b0}};
    end else begin
      for (k = DEPTH - 1; k > 0; k = k - 1) pipe[k] <= pipe[k-1];
      pipe[0] <= din;
    end
  assign dout = pipe[DEPTH-1];""",
    """  wire [WD*(DEPTH+1)-1:0] taps;
  assign taps[WD-1:0] = din;
  genvar s;
  generate for (s = 0; s < DEPTH; s = s + 1) begin : g
    reg [WD-1:0] r;
    always @(posedge clk or negedge arst_n)
      if (!arst_n) r <= 0;
      else r <= taps[s*WD +: WD];
    assign taps[(s+1)*WD +: WD] = r;
  end endgenerate
  assign dout = taps[DEPTH*WD +: WD];""")


@pytest.mark.yosys
def test_level_meter_restyled_generate(tmp_path):
    assert "genvar s" in _METER_GEN
    f = _file(tmp_path, _METER_GEN)
    t = _one(f, "level_meter", "once per 5 cycles")
    assert abc_verdict(tmp_path, f, t, "level_meter") == "EQUIVALENT"


_STEREO = """
module shifter #(parameter W = 3, parameter N = 6) (input clk, input rst_n, input en, input [W-1:0] i,
                                                   output [W-1:0] o);
  reg [W*N-1:0] s;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) s <= 0;
    else if (en) s <= {s[W*(N-1)-1:0], i};
  assign o = s[W*N-1 -: W];
endmodule

module stereo (input clk, input rst_n, input [2:0] l, input [2:0] r, output [2:0] lo, output [2:0] ro);
  reg [2:0] ph;
  reg [2:0] lh, rh;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin ph <= 3'd0; lh <= 3'd0; rh <= 3'd0; end
    else begin
      ph <= (ph == 3'd5) ? 3'd0 : ph + 3'd1;
      if (ph == 3'd2) begin lh <= l; rh <= r; end
    end
  shifter #(.W(3), .N(12)) u_l (.clk(clk), .rst_n(rst_n), .en(1'b1), .i(lh), .o(lo));
  shifter #(.W(3), .N(RN)) u_r (.clk(clk), .rst_n(rst_n), .en(1'b1), .i(rh), .o(ro));
endmodule
"""


@pytest.mark.yosys
def test_two_instances_tied_enable(tmp_path):
    # two channels through one delay module (its shift enable tied high): one body serves both
    f = _file(tmp_path, _STEREO.replace("RN", "12"))
    t = _one(f, "stereo", "(u_l, u_r)", "once per 6 cycles")
    assert abc_verdict(tmp_path, f, t, "stereo") == "EQUIVALENT"


@pytest.mark.yosys
def test_two_instances_different_depths_not_offered(tmp_path):
    # the instances would need different bodies (12 and 9 stages): no rewrite of the shared module
    f = _file(tmp_path, _STEREO.replace("RN", "9"))
    assert _cands(f, "stereo") == []


_INLINE = """
module lip (input clk, input rst_n, input [5:0] smp, output [5:0] late, output [5:0] mix, output tick);
  reg [2:0] c;
  reg t;
  reg [5:0] h;
  reg [5:0] r [0:14];
  integer i;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin c <= 3'd0; t <= 1'b0; end
    else begin c <= (c == 3'd4) ? 3'd0 : c + 3'd1; t <= (c == 3'd4); end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) h <= 6'd0;
    else if (LOAD) h <= smp;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (i = 0; i < 15; i = i + 1) r[i] <= 6'd0;
    end else begin
      r[0] <= h;
      for (i = 1; i < 15; i = i + 1) r[i] <= r[i-1];
    end
  assign late = r[14];
  assign mix = r[6] + h;
  assign tick = t;
endmodule
"""


def _two_lines(tick_reads: str, g_reset: bool = True) -> str:
    """_INLINE with a second line: a packed 10-stage shift of g (loaded with h on the tick), read as
    ``tick_reads``; g reset with h, or loaded in a block of its own without a reset."""
    text = _INLINE.replace("LOAD", "t").replace("reg [5:0] h;", "reg [5:0] h, g;\n  reg [59:0] sr;")
    if g_reset:
        text = text.replace("if (!rst_n) h <= 6'd0;", "if (!rst_n) begin h <= 6'd0; g <= 6'd0; end").replace(
            "else if (t) h <= smp;", "else if (t) begin h <= smp; g <= ~smp; end")
    else:
        text = text.replace("else if (t) h <= smp;", "else if (t) h <= smp;\n  always @(posedge clk) if (t) g <= ~smp;")
    return text.replace("  assign tick = t;", "  always @(posedge clk or negedge rst_n)\n    if (!rst_n) sr <= 60'd0;\n"
                        f"    else sr <= {{sr[53:0], g}};\n  assign tick = t ^ {tick_reads};")


@pytest.mark.yosys
def test_inline_array_two_taps(tmp_path):
    # 15 = 3*5 (the third loaded stage) and r[6] = 7 = 5 + 2 (the first or second by phase)
    f = _file(tmp_path, _INLINE.replace("LOAD", "t"))
    t = _one(f, "lip", "'r' in lip read at 2 fixed stage(s)", "once per 5")
    assert "assign late = rtlopt_dd_0_e2;" in t and "r[6]" not in t.split("assign mix")[1].split(";")[0]
    assert abc_verdict(tmp_path, f, t, "lip") == "EQUIVALENT"


@pytest.mark.yosys
def test_inline_loaded_between_ticks_not_offered(tmp_path):
    f = _file(tmp_path, _INLINE.replace("LOAD", "t || smp[5]"))
    assert _cands(f, "lip") == []


@pytest.mark.yosys
def test_inline_named_stages_sv(tmp_path):
    f = _file(tmp_path, (GEN / "sv_inline_named_stages_sibling_strobe" / "original.sv").read_text(), "d.sv")
    t = _one(f, "caption_delay", "'d0/d1/d2/d3/d4/d5' in caption_delay")
    assert "assign code_out = rtlopt_dd_0_e1;" in t and "(rtlopt_dd_0_e0 == match)" in t, t
    assert abc_verdict(tmp_path, f, t, "caption_delay") == "EQUIVALENT"


@pytest.mark.yosys
def test_inline_two_lines_one_counter(tmp_path):
    # a second line (packed, concatenation shift) from another register loaded on the same tick: one
    # phase counter serves both
    f = _file(tmp_path, _two_lines("(^sr[59:54]) ^ (^sr[17:12])"))
    t = _one(f, "lip", "'sr, r' in lip")
    assert t.count("reg [2:0] rtlopt_dd_ph;") == 1 and "sr[" not in t.split("assign tick")[1], t
    assert abc_verdict(tmp_path, f, t, "lip") == "EQUIVALENT"


@pytest.mark.yosys
def test_inline_source_without_reset_refused_other_line_kept(tmp_path):
    # g has no reset: its first value is arbitrary, a change at a cycle the period does not allow; the
    # simulation (x from the unreset register) refuses the pair, nothing is offered for it
    f = _file(tmp_path, _two_lines("(^sr[59:54]) ^ (^sr[17:12])", g_reset=False))
    got = _cands(f, "lip")
    assert [d.split(" in lip")[0] for _nt, d in got] == ["delay line(s) 'r'"], got  # the other line alone


@pytest.mark.yosys
def test_inline_generate_loop_restyle(tmp_path):
    # the inline array shifted by a generate loop of always blocks (stage 0 apart)
    text = _INLINE.replace("LOAD", "t").replace(
        """      for (i = 0; i < 15; i = i + 1) r[i] <= 6'd0;
    end else begin
      r[0] <= h;
      for (i = 1; i < 15; i = i + 1) r[i] <= r[i-1];
    end""", """      r[0] <= 6'd0;
    end else begin
      r[0] <= h;
    end
  genvar gi;
  generate for (gi = 1; gi < 15; gi = gi + 1) begin : sh
    always @(posedge clk or negedge rst_n)
      if (!rst_n) r[gi] <= 6'd0;
      else r[gi] <= r[gi-1];
  end endgenerate""")
    assert "genvar gi" in text
    f = _file(tmp_path, text)
    t = _one(f, "lip", "'r' in lip read at 2 fixed stage(s)")
    assert abc_verdict(tmp_path, f, t, "lip") == "EQUIVALENT"


@pytest.mark.yosys
def test_loaded_on_some_ticks_only(tmp_path):
    # the hold register skips ticks (loaded on the tick only while an input allows): it still changes
    # only at the tick's phase, so the rewrite holds
    f = _file(tmp_path, _chain(load="stb & poke"))
    t = _one(f, "top", "once per 4 cycles")
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_inline_partly_read_line(tmp_path):
    # only bit 5 of two stages of the packed line is read (the other bits' flip-flops are dead): the
    # live bits are a line of their own
    f = _file(tmp_path, _two_lines("sr[59] ^ sr[17]"))
    t = _one(f, "lip", "'sr, r' in lip")
    assert "sr[" not in t.split("assign tick")[1].split(";")[0], t
    assert abc_verdict(tmp_path, f, t, "lip") == "EQUIVALENT"
