"""exclusive_operator_sharing, whole arithmetic trees (rtlopt.templates._treeshare): multiply-adds (signed or
unsigned, any operand order) evaluated under provably disjoint guards -- FSM state arms in different always
blocks, case arms on a decoded index, temporaries read under an if chain -- become one unit with a mux per
leaf; proven with the real verifier. Uses evaluated together or under overlapping guards are not shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

FSM_SIGNED = """module macseq(input clk, input rst, input go,
  input signed [3:0] ka, kb, kc, input signed [3:0] ea, eb, ec,
  output reg signed [9:0] out);
  localparam [1:0] I = 2'd0, A = 2'd1, B = 2'd2, C = 2'd3;
  reg [1:0] st;
  reg signed [9:0] acc;
  always @(posedge clk) begin
    if (rst) st <= I;
    else case (st)
      I: if (go) st <= A;
      A: st <= B;
      B: st <= C;
      default: st <= I;
    endcase
  end
  always @(posedge clk) begin
    if (rst) acc <= 10'sd0;
    else if (st == A) acc <= acc + ka * ea;
    else if (st == B) acc <= eb * kb + acc;
  end
  always @(posedge clk) begin
    if (rst) out <= 10'sd0;
    else if (st == C) out <= acc + kc * ec;
  end
endmodule
"""

CASE_UNSIGNED = """module seg4(input [4:0] x, input [4:0] s0, s1, s2, s3, input [9:0] o0, o1, o2, o3,
  output reg [9:0] y);
  reg [1:0] seg;
  always @* begin
    if (x < 5'd6) seg = 2'd0;
    else if (x < 5'd12) seg = 2'd1;
    else if (x < 5'd20) seg = 2'd2;
    else seg = 2'd3;
  end
  always @* begin
    case (seg)
      2'd0: y = x * s0 + o0;
      2'd1: y = o1 + s1 * x;
      2'd2: y = s2 * x + o2;
      default: y = o3 + x * s3;
    endcase
  end
endmodule
"""

TEMPS = """module tsel(input [3:0] x, input [3:0] k0, k1, k2, input [7:0] c0, c1, c2, output reg [7:0] y);
  reg [7:0] y0, y1, y2;
  always @* begin
    y0 = k0 * x + c0;
    y1 = k1 * x + c1;
    y2 = k2 * x + c2;
    if (x < 4'd5) y = y0;
    else if (x < 4'd11) y = y1;
    else y = y2;
  end
endmodule
"""

# an unsigned context with signed leaves of different widths: the leaves are zero-extended there
MIXED = """module mx(input sel, input signed [3:0] sa, input signed [2:0] sd, input [3:0] b, e,
  input [7:0] c, f, output [7:0] y);
  assign y = sel ? sa * b + c : sd * e + f;
endmodule
"""

# a signed context with signed leaves of different widths: sign-extended
SIGNED_WIDTHS = """module sw(input sel, input signed [3:0] a, input signed [2:0] d, input signed [3:0] b, e,
  input signed [7:0] c, f, output signed [7:0] y);
  assign y = sel ? a * b + c : d * e + f;
endmodule
"""

# a difference and a sum of products in two phases (complex multiply real / imaginary part)
CMUL = """module cmul(input clk, input rst, input ph, input signed [4:0] ar, ai, br, bi,
  output reg signed [10:0] re, im);
  always @(posedge clk) begin
    if (rst) begin re <= 0; im <= 0; end
    else if (ph) re <= ar * br - ai * bi;
    else im <= ar * bi + ai * br;
  end
endmodule
"""

# multiply-accumulate and multiply-subtract in two states
PLUSMINUS = """module pm(input clk, input rst, input [1:0] st, input [3:0] k0, k1, e0, e1, output reg [9:0] acc);
  always @(posedge clk) begin
    if (rst) acc <= 0;
    else case (st)
      2'd1: acc <= acc + k0 * e0;
      2'd2: acc <= acc - k1 * e1;
      default: ;
    endcase
  end
endmodule
"""

# guards over a 10-bit word (no care set: selects from the guard literals), a sum beside two differences
WIDE = """module wide(input [9:0] x, input [3:0] a, b, d, e, input [7:0] c, f, g, h, input [3:0] p, q,
  output reg [7:0] y);
  always @* begin
    if (x < 10'd300) y = a * b + c;
    else if (x > 10'd700) y = p * q - g;
    else y = d * e - f;
  end
endmodule
"""

TOGETHER = """module tg(input [3:0] a, b, d, e, input [7:0] c, f, output [7:0] y, z);
  assign y = a * b + c;
  assign z = d * e + f;
endmodule
"""

OVERLAP = """module ov(input [1:0] m, input [3:0] a, b, d, e, input [7:0] c, f, output reg [7:0] y, z);
  always @* begin
    y = 8'd0; z = 8'd0;
    if (m[0]) y = a * b + c;
    if (m[1]) z = d * e + f;
  end
endmodule
"""


def _muladd(desc: str) -> bool:
    """A multiply-add unit (either operand order)."""
    return ("_ + (_ * _)" in desc or "(_ * _) + _" in desc) and "(_ * _) + (_ * _)" not in desc


def _trees(text: str):
    return [m for m in T.match(text) if m.data.get("tree")]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, suffix: str = ".v"):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g, h = tmp_path / f"gold{suffix}", tmp_path / f"gate{suffix}"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(DesignRef([g], top), DesignRef([h], top), VerifyOptions(timeout_s=120)).verdict


def _rewrite(text: str, m) -> str:
    new = T.rewrite(text, [m])
    assert new is not None and new != text
    return new


def test_signed_fsm_multiply_adds_in_two_blocks_share_one_unit():
    ms = _trees(FSM_SIGNED)
    big = [m for m in ms if m.data["nops"] == 3 and _muladd(m.description)]
    assert big, [m.description for m in ms]
    new = _rewrite(FSM_SIGNED, big[0])
    assert new.count(" * ") == 1 and "wire signed [3:0]" in new and "$signed(rtlopt_sht" in new, new


@pytest.mark.yosys
def test_signed_fsm_rewrite_is_proven(tmp_path):
    m = next(m for m in _trees(FSM_SIGNED) if m.data["nops"] == 3 and _muladd(m.description))
    assert _prove(tmp_path, FSM_SIGNED, _rewrite(FSM_SIGNED, m), "macseq") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text,top", [(CASE_UNSIGNED, "seg4"), (TEMPS, "tsel")])
def test_case_arms_and_guarded_temporaries_share_one_multiply_add(tmp_path, text, top):
    m = next(m for m in _trees(text) if m.data["nops"] >= 3 and _muladd(m.description))
    new = _rewrite(text, m)
    assert new.count(" * ") == 1, new
    # the common operand x is not muxed (the commuted spellings are turned to agree)
    assert not any(ln.strip().startswith("wire [4:0]") and "? x" in ln for ln in new.splitlines()), new
    assert _prove(tmp_path, text, new, top) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text,top", [(MIXED, "mx"), (SIGNED_WIDTHS, "sw")])
def test_leaf_extension_follows_the_context(tmp_path, text, top):
    ms = [m for m in _trees(text) if _muladd(m.description)]
    assert ms
    new = _rewrite(text, ms[0])
    if top == "mx":
        assert "$unsigned(sa)" in new and "$unsigned(sd)" in new, new
    assert _prove(tmp_path, text, new, top) == "EQUIVALENT"


@pytest.mark.parametrize("text", [TOGETHER, OVERLAP])
def test_uses_that_are_not_exclusive_are_not_shared(text):
    assert _trees(text) == []


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,form", [(CMUL, "cmul", "(_ * _) - (_ * _)"), (PLUSMINUS, "pm", "_ + (_ * _)")])
def test_sum_and_difference_share_one_unit_with_a_subtract_select(tmp_path, text, top, form):
    m = next(m for m in _trees(text) if form in m.description and m.data["nops"] == 2)
    new = _rewrite(text, m)
    assert "rtlopt_sht0_s0" in new and new.count(" * ") == (2 if top == "cmul" else 1), new
    assert _prove(tmp_path, text, new, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_wide_guards_select_from_their_literals_with_a_subtract_select(tmp_path):
    m = next(m for m in _trees(WIDE) if m.data["nops"] == 3)
    assert not m.data["care"]
    new = _rewrite(WIDE, m)
    assert new.count(" * ") == 1 and "rtlopt_sht0_s0 = (x < 10'd300) ? 1'b0 : 1'b1" in new, new
    assert _prove(tmp_path, WIDE, new, "wide") == "EQUIVALENT"
