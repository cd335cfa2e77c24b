"""Register functions that show only after long runs (rtlopt.semantic.regfunc's deep simulation run) and
register functions offered together with the narrowing of the register they read
(rtlopt.semantic.regfunc_seq)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import regfunc, regfunc_seq

# Verilog, localparam divider: the 3-bit phase steps every 150 cycles; 'hi' is set when the phase
# becomes 4 and cleared when it wraps: hi == phase[2] (phase >= 4)
SLOW_V = """
module slow_wave (
  input            clk,
  input            rst,
  input            run,
  output reg       hi,
  output reg [2:0] phase
);
  localparam DIV = 150;
  reg [7:0] div;
  always @(posedge clk) begin
    if (rst || !run) begin
      div <= 8'd0; phase <= 3'd0; hi <= 1'b0;
    end else if (div == DIV - 1) begin
      div <= 8'd0;
      phase <= phase + 3'd1;
      if (phase == 3'd3) hi <= 1'b1;
      if (phase == 3'd7) hi <= 1'b0;
    end else
      div <= div + 8'd1;
  end
endmodule
"""

# SystemVerilog enum FSM: RUN lasts 300 cycles (int counter); 'fin' is a separately kept flag of DONE
FSM_SV = """
module long_job (
  input  logic clk,
  input  logic rst_n,
  input  logic go,
  input  logic ack,
  output logic fin,
  output logic [1:0] stq
);
  typedef enum logic [1:0] {IDLE, RUN, DONE} st_t;
  st_t st;
  int unsigned n;
  assign stq = st;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; n <= 0; fin <= 1'b0;
    end else begin
      unique case (st)
        IDLE: if (go) begin st <= RUN; n <= 0; end
        RUN:  if (n == 299) begin st <= DONE; fin <= 1'b1; end else n <= n + 1;
        default: if (ack) begin st <= IDLE; fin <= 1'b0; end
      endcase
    end
  end
endmodule
"""

# the divider is a child instance (a tick), the phase and the output register are in the top
SUB_V = """
module prescale #(parameter N = 200) (input clk, input rst, output tick);
  reg [9:0] c;
  always @(posedge clk)
    if (rst || c == N - 1) c <= 10'd0;
    else c <= c + 10'd1;
  assign tick = (c == N - 1);
endmodule

module blink (input clk, input rst, output reg led, output reg [1:0] ph);
  wire t;
  prescale #(.N(180)) u_p (.clk(clk), .rst(rst), .tick(t));
  always @(posedge clk)
    if (rst) begin
      ph <= 2'd0; led <= 1'b1;
    end else if (t) begin
      ph <= ph + 2'd1;
      led <= (ph == 2'd3) | (ph == 2'd0);
    end
endmodule
"""


def _rels(tmp_path: Path, text: str, top: str, name: str):
    f = tmp_path / name
    f.write_text(text)
    an = regfunc.analyze_texts({f: text}, top, timeout_s=60)
    assert an.error is None, an.error
    return f, {(r.target, regfunc._describe(r)) for r in an.relations}


@pytest.mark.yosys
def test_output_register_of_a_slow_phase_verilog(tmp_path):
    f, rels = _rels(tmp_path, SLOW_V, "slow_wave", "d.v")
    assert ("hi", "(phase >= 4)") in rels, rels
    # the phase steps every 150 cycles: without the deep run (a reset every 32 cycles) hi stays 0
    deep = regfunc._DEEP_FLOPS
    try:
        regfunc._DEEP_FLOPS = 0
        _f, shallow = _rels(tmp_path, SLOW_V, "slow_wave", "d.v")
    finally:
        regfunc._DEEP_FLOPS = deep
    assert not any(t == "hi" for t, _d in shallow), shallow
    got = regfunc.candidates_for({f: SLOW_V}, "slow_wave", timeout_s=60)
    new = got[0][0][f]
    assert "always @* hi = (phase >= 3'd4);" in new and "hi <= 1'b1" not in new
    assert abc_verdict(tmp_path, f, new, "slow_wave") == "EQUIVALENT"


@pytest.mark.yosys
def test_done_flag_of_a_long_sv_state(tmp_path):
    f, rels = _rels(tmp_path, FSM_SV, "long_job", "d.sv")
    # st never holds 3: fin == (st == DONE) is the state's upper bit
    assert ("fin", "st[1] (as st <= 2)") in rels, rels
    got = regfunc.candidates_for({f: FSM_SV}, "long_job", timeout_s=60)
    new = got[0][0][f]
    assert "fin <= 1'b1" not in new and "always @* fin = st[1];" in new
    assert abc_verdict(tmp_path, f, new, "long_job") == "EQUIVALENT"


@pytest.mark.yosys
def test_led_of_a_phase_stepped_by_a_child_prescaler(tmp_path):
    f, rels = _rels(tmp_path, SUB_V, "blink", "d.v")
    assert ("led", "(ph < 2)") in rels, rels
    got = regfunc.candidates_for({f: SUB_V}, "blink", timeout_s=60)
    new = got[0][0][f]
    assert "always @* led = (ph < 2'd2);" in new
    assert abc_verdict(tmp_path, f, new, "blink") == "EQUIVALENT"


@pytest.mark.yosys
def test_near_misses_of_the_slow_phase_are_not_rewritten(tmp_path):
    cases = [
        # one cycle late: hi copies phase[2] every cycle, so it differs right after each phase step
        SLOW_V.replace("if (phase == 3'd3) hi <= 1'b1;\n      if (phase == 3'd7) hi <= 1'b0;\n", "")
        .replace("    end else\n      div <= div + 8'd1;", "    end else begin\n      div <= div + 8'd1;"
                 "\n      hi <= phase[2];\n    end"),
        # cleared one phase early (at 6 -> 7): hi is phase 4..6, no comparison of the phase
        # with one threshold... but it is (phase >= 4) && (phase != 7): not in the vocabulary
        SLOW_V.replace("if (phase == 3'd7) hi <= 1'b0;", "if (phase == 3'd6) hi <= 1'b0;"),
    ]
    for i, text in enumerate(cases):
        _f, rels = _rels(tmp_path, text, "slow_wave", f"n{i}.v")
        assert not any(t == "hi" for t, _d in rels), (i, rels)


# a retriggerable stretcher: a 12-bit down counter loaded with LEN (9 in the top) and an 'active' flag
# that is (count != 0); the counter's upper bits are constant zero
STRETCH_V = """
module stretch #(parameter LEN = 5) (input clk, input rst, input kick, output reg active, output [11:0] left);
  reg [11:0] c;
  always @(posedge clk)
    if (rst) begin
      c <= 12'd0; active <= 1'b0;
    end else if (kick) begin
      c <= LEN; active <= 1'b1;
    end else if (c != 12'd0) begin
      c <= c - 12'd1;
      if (c == 12'd1) active <= 1'b0;
    end
  assign left = c;
endmodule

module stretch_top (input clk, input rst, input k, output a, output [11:0] l);
  stretch #(.LEN(9)) u (.clk(clk), .rst(rst), .kick(k), .active(a), .left(l));
endmodule
"""


@pytest.mark.yosys
def test_function_and_narrowing_in_one_candidate(tmp_path):
    f = tmp_path / "s.v"
    f.write_text(STRETCH_V)
    texts = {f: STRETCH_V}
    got = regfunc.candidates_for(texts, "stretch_top", timeout_s=60)
    assert got and "== (l != 0)" in got[0][1], [d for _t, d in got]
    both = regfunc_seq.with_seqred(texts, "stretch_top", got)
    assert len(both) == 1, both
    new, desc = both[0]
    assert "then sequential redundancy" in desc
    t = new[f]
    assert "active <= 1'b1" not in t and "always @* active = " in t
    assert "c[3:0]" in t  # the counter narrowed to 4 bits, the function reads the narrow counter too
    assert abc_verdict(tmp_path, f, t, "stretch_top") == "EQUIVALENT"


@pytest.mark.yosys
def test_no_combination_without_a_function(tmp_path):
    # 'active' goes low one cycle after the count reaches zero: no register function, nothing combined
    text = STRETCH_V.replace("if (c == 12'd1) active <= 1'b0;", "").replace(
        "    end else if (c != 12'd0) begin", "    end else if (c == 12'd0) active <= 1'b0;\n"
        "    else if (c != 12'd0) begin")
    f = tmp_path / "s.v"
    f.write_text(text)
    got = regfunc.candidates_for({f: text}, "stretch_top", timeout_s=60)
    assert not any("active" in d for _t, d in got), [d for _t, d in got]
    assert not any("active" in d for _t, d in regfunc_seq.with_seqred({f: text}, "stretch_top", got))
