"""heldout3 timer/pwm_period_range and its restyle: registers declared with a parameter-expression
range (``logic [CW-1:0] cnt_q``) are narrowed to their value range at the elaborated values."""

from __future__ import annotations

import textwrap

PWM = textwrap.dedent("""
module pwm #(parameter int CW = 16, parameter int PERIOD = 1000) (
  input logic clk_i, input logic rst_ni, input logic en_i, input logic [CW-1:0] duty_i, output logic pwm_o);
  logic [CW-1:0] cnt_q;
  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni)                       cnt_q <= '0;
    else if (!en_i)                    cnt_q <= '0;
    else if (cnt_q == CW'(PERIOD - 1)) cnt_q <= '0;
    else                               cnt_q <= cnt_q + 1'b1;
  end
  assign pwm_o = en_i && (cnt_q < duty_i);
endmodule
module top (input logic clk_i, input logic rst_ni, input logic en_i, input logic [15:0] duty_i,
            output logic pwm_o, output logic pwm2_o);
  pwm #(.CW(16), .PERIOD(200)) u_pwm (.clk_i, .rst_ni, .en_i, .duty_i, .pwm_o);
  INST2
endmodule
""").lstrip()

TONE = textwrap.dedent("""
module tone #(parameter WIDTH = 24, parameter [WIDTH-1:0] LAST = 24'd9999) (
    input clk, input rst, input [WIDTH-1:0] level, output hi);
    reg [WIDTH-1:0] phase;
    always @(posedge clk or posedge rst)
        if (rst) phase <= {WIDTH{1'b0}};
        else     phase <= (phase == LAST) ? {WIDTH{1'b0}} : phase + 1'b1;
    assign hi = level > phase;
endmodule
module top (input clk, input rst, input [23:0] level, output hi);
    tone #(.WIDTH(24), .LAST(24'd99)) u (.clk(clk), .rst(rst), .level(level), .hi(hi));
endmodule
""").lstrip()


def _narrowed(tmp_path, src: str, name: str) -> list[str]:
    from rtlopt.design import open_design
    from rtlopt.engine.search import State, template_candidates

    f = tmp_path / name
    f.write_text(src)
    st = State(design=open_design([f], "top"), texts={f: src}, goal="area", liberty=None)
    return [c.text for c in template_candidates(st) if "register_width_reduction" in c.rules]


def test_parameter_range_declaration_narrowed(tmp_path):
    texts = _narrowed(tmp_path, PWM.replace("INST2", "assign pwm2_o = 1'b0;"), "pwm.sv")
    assert any("logic [7:0] cnt_q;" in t for t in texts), texts


def test_parameter_range_not_narrowed_when_copies_differ_or_range_is_full(tmp_path):
    # a second copy with CW = 24 declares cnt_q 24 bits wide: one literal range can not serve both
    two = PWM.replace("INST2", "pwm #(.CW(24), .PERIOD(100)) u_b (.clk_i, .rst_ni, .en_i, "
                               ".duty_i({8'd0, duty_i}), .pwm_o(pwm2_o));")
    assert not any("logic [7:0] cnt_q;" in t or "logic [6:0] cnt_q;" in t for t in _narrowed(tmp_path, two, "two.sv"))
    # the period uses every value of the 16-bit counter: nothing to narrow
    full = PWM.replace("INST2", "assign pwm2_o = 1'b0;").replace(".PERIOD(200)", ".PERIOD(65536)")
    assert _narrowed(tmp_path, full, "full.sv") == []


def test_parameter_range_register_with_replication_reset_gets_inductive_bound(tmp_path):
    # ternary wrap and {WIDTH{1'b0}} constants: the z3 inductive bound (7 bits for LAST = 99)
    texts = _narrowed(tmp_path, TONE, "tone.v")
    assert any("[6:0] phase_" in t and "wire [WIDTH-1:0] phase = " in t for t in texts), texts
