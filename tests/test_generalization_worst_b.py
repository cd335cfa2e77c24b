"""Worst cases of the generalization suite (issue 10), second batch, each closed by a generic mechanism:

- a counter module instantiated with different periods (``cnt < PERIOD - 1`` with PERIOD 7 and 600):
  in every copy the register stays ``<= PERIOD - 1`` (reset to 0, ``+ 1`` only below the bound), so
  the magnitude compare is an equality per copy; offered together with the per-copy narrowing.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization"

_TIMER = """
module tmr #(parameter P = 50) (input clk, input rst, output reg t);
  reg [15:0] c;
  always @(posedge clk)
    if (rst) begin c <= 16'd0; t <= 1'b0; end
    else if (c < P - 1) begin c <= c + STEP; t <= 1'b0; end
    else begin c <= LOAD; t <= 1'b1; end
endmodule
module top (input clk, input rst, output a, output b);
  tmr #(.P(7)) u0 (clk, rst, a);
  tmr #(.P(600)) u1 (clk, rst, b);
endmodule
"""


def _compare_eq(text: str, name: str = "t.v") -> list:
    from rtlopt.templates import REGISTRY, analyze
    ms = REGISTRY["register_width_reduction"].match(analyze(text, name))
    return [m for m in ms if "as equalities" in m.description]


def test_per_copy_top_compare_becomes_an_equality_in_every_copy_style():
    for path in (GEN / "parameterized" / "pulse_two_sv" / "original.sv",
                 GEN / "parameterized" / "prescale_two_v" / "original.v"):
        ms = _compare_eq(path.read_text(), path.name)
        assert ms, path
        # alone, and together with the per-copy narrowing (a later round no longer sees the register)
        assert any("per elaborated copy;" in m.description for m in ms), [m.description for m in ms]
        for m in ms:
            assert [e.replacement for e in m.edits if e.end - e.start == 1] == ["!="]
    assert _compare_eq(_TIMER.replace("STEP", "1'b1").replace("LOAD", "16'd0"))


def test_per_copy_compare_is_not_rewritten_when_a_copy_can_pass_its_bound():
    # a step of 2 jumps over P - 1 (c < 6 -> c = 7 for P = 7): '<' is no '!=' there
    assert not _compare_eq(_TIMER.replace("STEP", "16'd2").replace("LOAD", "16'd0"))
    # a reload of 9 exceeds the smaller copy's bound 6
    assert not _compare_eq(_TIMER.replace("STEP", "1'b1").replace("LOAD", "16'd9"))


_SEL = """
module m (input [1:0] s, input [7:0] a, input [7:0] b, output reg [7:0] y);
  wire [8:0] t = a + b;
  wire [7:0] p = t[7:0];
  wire [7:0] q = t[QSEL];
  always @* begin
    case (s)
      2'd0: y = p;
      2'd1: y = q;
      2'd2: y = a;
      default: y = b;
    endcase
  end
endmodule
"""


def _merged(text: str) -> list[str]:
    from rtlopt.templates import REGISTRY, analyze
    return [m.description for m in REGISTRY["case_item_merge"].match(analyze(text, "t.v"))]


def test_case_items_reading_nets_with_one_identical_driver_merge():
    # after a shared adder both temporaries are 't[7:0]': the add and sub items are one statement
    assert any("2 case items" in d for d in _merged(_SEL.replace("QSEL", "7:0")))


def test_case_items_reading_different_nets_do_not_merge():
    assert not _merged(_SEL.replace("QSEL", "8:1"))  # another slice: another value
    # the same driver text in two modules names two different values: no alias across modules
    two = ("module n (input [7:0] a, output [7:0] p2); wire [8:0] t = a; assign p2 = t[7:0]; endmodule\n"
           + _SEL.replace("wire [7:0] q = t[QSEL];", "wire [7:0] q = t[7:0] ^ 8'd1;"))
    assert not _merged(two)


_SHIFT_DEFAULT = """
module s (input [1:0] mode, input [3:0] g, input [19:0] acc, input [19:0] x, output [19:0] y);
  wire [19:0] t = (mode[0] & ~mode[1]) ? (x << g) : (mode[0] & mode[1]) ? 1'b0 : (x << 2);
  assign y = acc + t;
endmodule
"""


def _shift_merges(text: str) -> list:
    from rtlopt.templates import REGISTRY, analyze
    t = REGISTRY["shifted_arm_merge"]
    return [(m, t.rewrite(text, [m])) for m in t.match(analyze(text, "t.v"))]


def test_shift_arm_merged_into_the_default_selects_its_amount_on_the_care_set():
    # the merged default is reached only where mode != 3: 'mode[0] & ~mode[1]' is just mode[0] there
    got = [new for m, new in _shift_merges(_SHIFT_DEFAULT) if "as the default" in m.description]
    assert any("(x << (mode[0] ? g : 4'd2))" in n for n in got), got
    assert any("(mode[0] & ~mode[1]) ? g" in n for n in got), got  # the plain select is measured too
    # negative: with a default reached also at mode == 3, no single bit tells the arms apart
    wide = _SHIFT_DEFAULT.replace("(mode[0] & mode[1]) ? 1'b0 : ", "")
    got = [new for m, new in _shift_merges(wide) if "as the default" in m.description]
    assert got and not any("(mode[0] ?" in n for n in got), got


def test_shift_merge_of_a_parenthesized_operand_keeps_the_parentheses():
    text = ("module g (input [1:0] m, input [2:0] k, input [15:0] s, input [15:0] d, output [15:0] y);\n"
            "  assign y = s + ((!m) ? d : ((m == 2'd1) ? (d << k) : ((m == 2'd2) ? (d << 3) : 16'd0)));\n"
            "endmodule\n")
    got = _shift_merges(text)
    assert got
    for _m, new in got:
        assert new is not None and "assign y = s + ((" in new, new


_STAGES = """
module st (input clk, input rst, input [7:0] a, input [7:0] b, output reg [23:0] y);
  wire [23:0] p [0:2];
  assign p[0] = 24'd0;
  assign p[1] = p[0] + ((a << 3) - a);
  assign p[2] = p[1] + ((b << 4) - b);
  always @(posedge clk) if (rst) y <= 24'd0; else y <= p[2];
endmodule
"""


def _narrowing(text: str) -> list[str]:
    from rtlopt.templates import REGISTRY, analyze
    return [m.description for m in REGISTRY["register_width_reduction"].match(analyze(text, "t.v"))
            if "behind a copy" in m.description]


def test_output_register_bounded_through_net_array_elements_and_generate_iterations():
    # 7*a + 15*b <= 5610: 13 bits, seen through the elements' single drivers
    assert any("24 -> 13 bits" in d for d in _narrowing(_STAGES)), _narrowing(_STAGES)
    # one generate-for iteration per tap: indexed part-selects and genvar indices elaborated per iteration
    gen = (GEN / "parameterized" / "gen_taps" / "original.v").read_text()
    assert any("20 -> 17 bits" in d for d in _narrowing(gen)), _narrowing(gen)


def test_net_array_element_with_a_second_driver_is_not_seen_through():
    # p[2] has a second driver (a generate iteration's): no one driver, no bound (the register keeps 24 bits)
    two = _STAGES.replace("  always", "  genvar i;\n  for (i = 2; i < 3; i = i + 1) begin : g\n"
                                      "    assign p[i] = 24'hffffff;\n  end\n  always")
    assert not _narrowing(two)
    # the whole array driven by one more assign (an unpacked array assignment): none either
    whole = _STAGES.replace("  always", "  wire [23:0] q [0:2];\n  assign q = p;\n  always").replace("y <= p[2]", "y <= q[2]")
    assert not _narrowing(whole)
    # a value that does not fit: b * 2^20 overflows any narrower width
    wide = _STAGES.replace("((b << 4) - b)", "(b << 16)")
    assert not _narrowing(wide)
