"""A shift history read only through its whole window kept as a counter (rtlopt.semantic.histwin): an OR window
("a strobe in the last M writes") becomes a down-counter loaded with M, an AND window ("high for the last M
writes") a run counter saturating at M. Designs: a bus activity monitor (Verilog, '<<' shift, '!= 0', two
instances at different window lengths, async active-low reset) and a push-button conditioner (SV always_ff,
shifted down by concatenation, reset to all ones, '== 8'hFF'). Restyles: a right shift read through '~|', '>
0' / '>= 1' / '< 1' / '<= 0', the window read as a truth value ('&&', '?:', if), a two-bit lane shifted in,
the shift written element by element in a for loop (Verilog; SV with a per-element reset loop) or as a
generate loop of one-flop blocks, a child's output bus read by its parent only through its window (two
instances at different lengths). Near misses (no rewrite): the history also read bit by bit or as a word, also
written bit by bit, a rotation, a blocking write, OR and AND windows of one history, a compare with another
constant ('== 8'h0F', '> 1'); an element loop that leaves one out or shifts by two; a child's bus also read
bit by bit by the parent; a generate chain shifting under another enable or with a stage also read. Real Yosys
+ ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import histwin

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "history"


def _file(tmp_path: Path, text: str, name: str = "d.v") -> Path:
    f = tmp_path / name
    f.write_text(text)
    return f


@pytest.mark.yosys
@pytest.mark.parametrize("name, top, what", [("window_busy_shl_v", "bus_monitor", "down-counter"),
                                             ("window_stable_run_sv", "key_cond", "run counter")])
def test_designs(tmp_path, name, top, what):
    src = next((GEN / name).glob("original.*"))
    f = _file(tmp_path, src.read_text(), "d" + src.suffix)
    got = histwin.candidates_for({f: f.read_text()}, top, timeout_s=60)
    assert len(got) == 1, got
    new, desc = got[0]
    assert what in desc, desc
    assert abc_verdict(tmp_path, f, new[f], top) == "EQUIVALENT"


_DOWN = """
module hold_led (input clk, input rst, input pulse, output dark);
  reg [6:0] h;
  always @(posedge clk)
    if (rst) h <= 7'b1000000;
    else     h <= {pulse, h[6:1]};
  assign dark = ~|h;
endmodule
"""

_LANE = """
module pair_win (input clk, input rst_n, input en, input [1:0] ev, output any);
  reg [7:0] w;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) w <= 8'h00;
    else if (en) w <= {w[5:0], ev};
  assign any = |w;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text, top, bits", [(_DOWN, "hold_led", "7 stages"), (_LANE, "pair_win", "(8 / 2) stages")])
def test_restyles(tmp_path, text, top, bits):
    f = _file(tmp_path, text)
    got = histwin.candidates_for({f: text}, top, timeout_s=60)
    assert len(got) == 1 and bits in got[0][1], got
    assert abc_verdict(tmp_path, f, got[0][0][f], top) == "EQUIVALENT"


_ELEM_V = """
module el (input clk, input rst, input a, output y);
  reg [5:0] h;
  integer i;
  always @(posedge clk)
    if (rst) h <= 6'd0;
    else begin
      h[0] <= a;
      for (i = FIRST; i < 6; i = i + 1)
        h[i] <= h[i-STEP];
    end
  assign y = ~|h;
endmodule
"""

_ELEM_SV = """
module el2 #(parameter int N = 5) (input logic clk, input logic rst_n, input logic en, input logic a, output logic y);
  logic [N-1:0] h;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (int i = 0; i < N; i++) h[i] <= 1'b0;
    end else if (en) begin
      for (int i = 0; i < N - 1; i++) h[i] <= h[i+1];
      h[N-1] <= a;
    end
  assign y = &h;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text, top, name", [(_ELEM_V.replace("FIRST", "1").replace("STEP", "1"), "el", "d.v"),
                                             (_ELEM_SV, "el2", "d.sv")])
def test_restyle_element_loops(tmp_path, text, top, name):
    f = _file(tmp_path, text, name)
    got = histwin.candidates_for({f: text}, top, timeout_s=60)
    assert len(got) == 1 and "element-by-element" in got[0][1], got
    t = got[0][0][f]
    assert "h[" not in t
    assert abc_verdict(tmp_path, f, t, top) == "EQUIVALENT"


@pytest.mark.parametrize("first, step", [("2", "1"), ("2", "2")])
def test_element_loop_near_misses(first, step):
    # an element left out of the loop (written by nothing), a shift by two elements
    assert histwin.rewrites(_ELEM_V.replace("FIRST", first).replace("STEP", step)) == []


_GEN = """
module gch #(parameter N = 5) (input clk, input rst, input en, input a, output y, output z);
  reg [N-1:0] sh;
  always @(posedge clk)
    if (rst) sh[0] <= 1'b0;
    else     sh[0] <= a;
  genvar g;
  generate
    for (g = 1; g < N; g = g + 1) begin : st
      always @(posedge clk)
        if (rst) sh[g] <= 1'b0;
        else COND sh[g] <= sh[g-1];
    end
  endgenerate
  assign y = |sh;
  assign z = Z;
endmodule
"""


@pytest.mark.yosys
def test_restyle_generate_chain(tmp_path):
    # one flop per generate iteration, the first stage in its own block
    text = _GEN.replace("COND", "").replace("Z", "1'b0")
    f = _file(tmp_path, text)
    got = histwin.candidates_for({f: text}, "gch", timeout_s=60)
    assert len(got) == 1 and "element-by-element" in got[0][1], got
    t = got[0][0][f]
    assert "sh[" not in t and "generate" not in t
    assert abc_verdict(tmp_path, f, t, "gch") == "EQUIVALENT"


@pytest.mark.parametrize("cond, z", [("if (en)", "1'b0"),   # the later stages shift under another enable
                                     ("", "sh[2]")])        # one stage also read
def test_generate_chain_near_misses(cond, z):
    assert histwin.rewrites(_GEN.replace("COND", cond).replace("Z", z)) == []


_HIER = """
module hist_line #(parameter L = 6) (input clk, input rst, input en, input s, output reg [L-1:0] taps);
  always @(posedge clk)
    if (rst) taps <= {L{1'b0}};
    else if (en) taps <= {taps[L-2:0], s};
endmodule
module mon (input clk, input rst, input en, input [1:0] s, output busy, output idle);
  wire [5:0] t0;
  wire [3:0] t1;
  hist_line #(.L(6)) u0 (.clk(clk), .rst(rst), .en(en), .s(s[0]), .taps(t0));
  hist_line #(.L(4)) u1 (.clk(clk), .rst(rst), .en(1'b1), .s(s[1]), .taps(t1));
  assign busy = |t0;
  assign idle = T1;
endmodule
"""


@pytest.mark.yosys
def test_across_modules(tmp_path):
    # the child's history is an output bus ('output reg', a 'wire' net in the parent) read by the parent
    # only through its window: the window moves into a copy of the child per instance, then the counter
    text = _HIER.replace("T1", "t1 == 4'b0000")
    f = _file(tmp_path, text)
    got = histwin.candidates_for({f: text}, "mon", timeout_s=60)
    assert got and "taps_left'" in got[0][1] and "taps_left_1'" in got[0][1], got
    t = got[0][0][f]
    assert "reg [L-1:0] taps;" not in t
    assert abc_verdict(tmp_path, f, t, "mon") == "EQUIVALENT"


def test_across_modules_near_miss():
    # the parent also reads one bit of the second child's bus: only the first one is rewritten
    got = histwin.rewrites(_HIER.replace("T1", "t1 == 4'b0000 || t1[3]"))
    assert got and all("taps_left_1" not in n for n, _d in got), [d for _n, d in got]


_BASE = """
module m (input clk, input rst, input a, output y, output z);
  reg [7:0] h;
  always @(posedge clk)
    if (rst) h <= 8'd0;
    else WRITE
  assign y = OBS;
  assign z = EXTRA;
endmodule
"""


@pytest.mark.parametrize("write, obs, extra", [
    ("h <= {h[6:0], a};", "|h", "h[7]"),              # also read bit by bit (a delayed strobe)
    ("h <= {h[6:0], a};", "|h", "^h"),                # also read as a word
    ("h <= {h[6:0], h[7]};", "|h", "1'b0"),           # a rotation, not a shift in
    ("h = {h[6:0], a};", "|h", "1'b0"),               # a blocking write
    ("h <= {h[6:0], a};", "|h", "&h"),                # OR and AND windows of one history
    ("h <= {h[6:0], a};", "h == 8'h0F", "1'b0"),      # a compare with another constant
    ("h <= {h[5:0], a, 1'b0};", "|h", "1'b0"),        # the lane does not come in whole at one end
    ("begin h <= {h[6:0], a}; h[3] <= 1'b1; end", "|h", "1'b0"),  # also a write of one bit
])
def test_near_misses(write, obs, extra):
    text = _BASE.replace("WRITE", write).replace("OBS", obs).replace("EXTRA", extra)
    assert histwin.rewrites(text) == []


_TRUTH = """
module tv (input clk, input rst, input a, input b, output y, output z, output reg q);
  reg [7:0] h;
  always @(posedge clk)
    if (rst) h <= 8'd0;
    else h <= {h[6:0], a};
  assign y = h && b;
  assign z = h ? 1'b1 : b;
  always @(posedge clk) if (rst) q <= 1'b0; else if (h) q <= b;
endmodule
"""


@pytest.mark.yosys
def test_restyle_truth_value_reads(tmp_path):
    # the window read as a truth value: '&&', the condition of '?:' and of an if
    f = _file(tmp_path, _TRUTH)
    got = histwin.candidates_for({f: _TRUTH}, "tv", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "(h_left != 0) && b" in t and "(h_left != 0) ? 1'b1" in t and "else if ((h_left != 0))" in t, t
    assert abc_verdict(tmp_path, f, got[0][0][f], "tv") == "EQUIVALENT"


def test_positive_base():
    text = _BASE.replace("WRITE", "h <= {h[6:0], a};").replace("OBS", "h != 0").replace("EXTRA", "1'b0")
    got = histwin.rewrites(text)
    assert len(got) == 1 and "h_left <= (a) ? 8 : h_left - (h_left != 0)" in got[0][0], got


@pytest.mark.parametrize("obs, extra, test", [("h > 0", "0 < h", "!= 0"), ("h >= 1", "h < 1", "!= 0"),
                                              ("h <= 0", "1 > h", "== 0")])
@pytest.mark.yosys
def test_zero_compares(tmp_path, obs, extra, test):
    # unsigned compares with 0 / 1 that only tell an empty window from a nonempty one
    text = _BASE.replace("WRITE", "h <= {h[6:0], a};").replace("OBS", obs).replace("EXTRA", extra)
    got = histwin.rewrites(text)
    assert len(got) == 1 and f"assign y = (h_left {test});" in got[0][0], got
    f = _file(tmp_path, text)
    assert abc_verdict(tmp_path, f, got[0][0], "m") == "EQUIVALENT"


def test_compare_near_miss():
    text = _BASE.replace("WRITE", "h <= {h[6:0], a};").replace("OBS", "h > 1").replace("EXTRA", "1'b0")
    assert histwin.rewrites(text) == []  # 'h > 1' depends on which bits are set


@pytest.mark.yosys
def test_shift_or_zero_extended_lane(tmp_path):
    # the lane ORed in as a zero-extended concatenation '(h << 1) | {7'b0, a}' is the lane a
    text = _BASE.replace("WRITE", "h <= (h << 1) | {7'b0, a};").replace("OBS", "h != 0").replace("EXTRA", "1'b0")
    got = histwin.rewrites(text)
    assert len(got) == 1 and "h_left <= (a) ? 8 : h_left - (h_left != 0)" in got[0][0], got
    assert abc_verdict(tmp_path, _file(tmp_path, text), got[0][0], "m") == "EQUIVALENT"
    # a nonzero upper part is no lane of one bit: no rewrite
    bad = _BASE.replace("WRITE", "h <= (h << 1) | {7'b1, a};").replace("OBS", "h != 0").replace("EXTRA", "1'b0")
    assert histwin.rewrites(bad) == []
