"""Backward retiming through a narrowing function (rtlopt.semantic.bretime): registers read only through
``f(regs)`` hold ``f`` of the values written to them instead. Designs: an upward level-crossing counter
whose previous sample is read only in the clocked block's own condition (Verilog, async reset, a
parameterized compare, reset to all ones), and a two-stage cache tag check whose registered tags and mode
are read only through the hit compare (SV always_ff, selects of the tags, a stage register that stays
because an output reads it, '.*' instance). Near misses: a register also read outside the function, a
function wider than the registers it would remove, registers written under different enables, a right
side whose value depends on the context width. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import bretime

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _design(tmp_path: Path, name: str) -> Path:
    src = next((GEN / name).glob("original.*"))
    f = tmp_path / ("d" + src.suffix)
    f.write_text(src.read_text())
    return f


def _inline(tmp_path: Path, text: str, suffix: str = ".v") -> Path:
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f


@pytest.mark.yosys
def test_crossing_previous_sample_becomes_one_bit(tmp_path):
    f = _design(tmp_path, "bretime_crossing_v")
    got = bretime.candidates_for({f: f.read_text()}, "tacho", timeout_s=60)
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert "registers last are read only through (last <= TH)" in desc and "12 -> 1" in desc, desc
    assert "reg last_f;" in t and "reg [W-1:0] last;" not in t
    assert "last_f <= ((din) <= TH);" in t and "if (last_f && (din > TH))" in t
    assert abc_verdict(tmp_path, f, t, "tacho") == "EQUIVALENT"


@pytest.mark.yosys
def test_tag_compare_moves_before_stage_register(tmp_path):
    f = _design(tmp_path, "bretime_tagcmp_sv")
    got = bretime.candidates_for({f: f.read_text()}, "cache_tag", timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    t = new[f]
    assert "part_q, rt_q, wt_q" in desc and "21 -> 1" in desc, desc
    # the selects read the written names; the reset constants' selected bits are sized literals
    assert "req_tag[TW/2-1:0] == way_tag[TW/2-1:0]" in t and "5'h1f" in t
    assert "idx_q  <= idx;" in t and "logic [TW-1:0] rt_q" not in t
    assert abc_verdict(tmp_path, f, t, "cache_tag") == "EQUIVALENT"


_BASE = """
module m (input clk, input rst, input en, input [7:0] d, output o, output [7:0] q);
  reg [7:0] p;
  always @(posedge clk) if (rst) p <= 8'd0; else if (en) p <= d;
  assign o = (p > 8'd100);
  assign q = p;
endmodule
"""


@pytest.mark.yosys
def test_register_read_elsewhere_is_kept(tmp_path):
    f = _inline(tmp_path, _BASE)
    assert bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60) == []


@pytest.mark.yosys
def test_function_as_wide_as_register_refused(tmp_path):
    f = _inline(tmp_path, _BASE.replace("assign q = p;", "assign q = p + 8'd3;").replace(
        "output [7:0] q", "output [8:0] q").replace("assign o = (p > 8'd100);", "assign o = 1'b0;"))
    # p is read only through 'p + 8'd3' (9 bits in its context, more than p's 8)
    assert bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60) == []


@pytest.mark.yosys
def test_registers_under_different_enables_not_grouped(tmp_path):
    text = """
module m (input clk, input rst, input ea, input eb, input [7:0] a, input [7:0] b, output o);
  reg [7:0] x, y;
  always @(posedge clk) begin
    if (rst) begin x <= 0; y <= 0; end
    else begin
      if (ea) x <= a;
      if (eb) y <= b;
    end
  end
  assign o = (x == y);
endmodule
"""
    f = _inline(tmp_path, text)
    assert bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60) == []


@pytest.mark.yosys
def test_context_dependent_right_side_held_in_a_wire(tmp_path):
    # 'p <= d + d' keeps 8 bits; inside 'p > 100' the sum would keep its carry: never substituted in place,
    # but held in a wire of the register's own type (which truncates like the register did)
    f = _inline(tmp_path, _BASE.replace("p <= d;", "p <= d + d;").replace("assign q = p;", "assign q = 8'd0;"))
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    assert len(got) == 1
    t = got[0][0][f]
    assert "wire [7:0] p_d = d + d;" in t and "p_f <= (p_d > 8'd100);" in t and "(d + d) >" not in t, t
    assert abc_verdict(tmp_path, f, t, "m") == "EQUIVALENT"
    # the same register written with a plain name is moved without a wire
    g = _inline(tmp_path, _BASE.replace("assign q = p;", "assign q = 8'd0;"), suffix=".sv")
    got = bretime.candidates_for({g: g.read_text()}, "m", timeout_s=60)
    assert len(got) == 1 and "p_f <= ((d) > 8'd100);" in got[0][0][g] and "p_d" not in got[0][0][g]
    assert abc_verdict(tmp_path, g, got[0][0][g], "m") == "EQUIVALENT"


@pytest.mark.yosys
def test_right_side_reading_a_blocking_temporary_refused(tmp_path):
    # the wire would read the temporary's value after the block, not the one the write saw
    text = """
module m (input clk, input rst, input en, input [7:0] d, output o);
  reg [7:0] p;
  reg [7:0] t;
  always @(posedge clk) begin
    t = d + 8'd3;
    if (rst) p <= 8'd0; else if (en) p <= t + t;
    t = 8'd0;
  end
  assign o = (p > 8'd100);
endmodule
"""
    f = _inline(tmp_path, text)
    assert all("p_d" not in new[f] for new, _d in bretime.candidates_for({f: text}, "m", timeout_s=60))


@pytest.mark.yosys
def test_output_port_register_is_kept(tmp_path):
    """A register that is also an output port (ANSI 'output reg' or a non-ANSI port declared reg) is
    read outside the module: never removed, whatever reads it inside."""
    ansi = """
module m (input clk, input rst, input [7:0] d, output reg [7:0] p, output o);
  always @(posedge clk) if (rst) p <= 8'd0; else p <= d;
  assign o = (p > 8'd100);
endmodule
"""
    non_ansi = """
module m (clk, rst, d, p, o);
  input clk, rst; input [7:0] d; output [7:0] p; output o;
  reg [7:0] p;
  always @(posedge clk) if (rst) p <= 8'd0; else p <= d;
  assign o = (p > 8'd100);
endmodule
"""
    for text in (ansi, non_ansi):
        f = _inline(tmp_path, text)
        assert bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60) == []


_FUNC = """module m #(parameter W = 12, parameter L = 1800) (input clk, input rst, input v, input [W-1:0] s, output t);
  reg [W-1:0] last;
  function below; input [W-1:0] x; below = x < L; endfunction
  always @(posedge clk) begin
    if (rst) last <= 0;
    else if (v) last <= s;
  end
  assign t = v & below(last) & ~below(s);
endmodule
"""

_SLICE = """module m (input clk, input rst, input v, input [11:0] s, output reg t);
  reg [11:0] last;
  always @(posedge clk) begin
    if (rst) begin last <= 12'd0; t <= 1'b0; end
    else begin
      t <= v && (last[11:4] < 8'd112) && (s[11:4] >= 8'd112);
      if (v) last <= s;
    end
  end
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("text, f_text", [(_FUNC, "below(last)"), (_SLICE, "(last[11:4] < 8'd112)")],
                         ids=["pure_function", "slice_compare_in_clocked_block"])
def test_restyled_crossings_fire(tmp_path, text, f_text):
    """The crossing detector restyled: the compare in a pure function, or on a slice of the register
    inside the clocked block (the written word's slice is read, the reset constant's bits are a literal)."""
    f = _inline(tmp_path, text)
    got = bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60)
    assert len(got) == 1 and f"read only through {f_text}" in got[0][1], got
    assert abc_verdict(tmp_path, f, got[0][0][f], "m") == "EQUIVALENT"


@pytest.mark.yosys
def test_function_reading_module_signals_refused(tmp_path):
    text = _FUNC.replace("below = x < L;", "below = x < L && !rst;")
    f = _inline(tmp_path, text)
    assert bretime.candidates_for({f: f.read_text()}, "m", timeout_s=60) == []


ZGEN = [("bretime_zeroclamp_gain_v", "offs_gain", "corr", "13 -> 12"),
        ("bretime_zeroclamp_scale_sv", "dark_top", "delta_q", "9 -> 8")]


def _smt_or_equiv(gold: Path, new_text: str, top: str, tmp_path: Path) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("new" + gold.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([gold], top), DesignRef([g], top), VerifyOptions(timeout_s=240)).verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("name,top,reg,bits", ZGEN)
def test_zero_arm_enables_clamp_before_register(name, top, reg, bits, tmp_path):
    """Two-step: 'c ? 0 : x * y' -> '(c ? 0 : x) * y' (alone: a mux on the product's operand, measured
    worse), then the clamp is one narrower function of the register and moves before it."""
    f = _design(tmp_path, name)
    got = bretime.candidates_for({f: f.read_text()}, top, timeout_s=60)
    assert len(got) == 1, got
    new, desc = got[0]
    assert f"registers {reg} are read only through" in desc and bits in desc and "zero arm" in desc, desc
    assert f"{reg}_f" in new[f] and f"{reg}_d" in new[f]
    assert _smt_or_equiv(f, new[f], top, tmp_path) == "EQUIVALENT"
    ref = next((GEN / name).glob("reference.*"))
    assert _smt_or_equiv(f, ref.read_text(), top, tmp_path) == "EQUIVALENT"


_ZBASE = """
module z (input clk, input [7:0] a, b, input [3:0] k, input [7:0] m, output reg [11:0] y);
  reg [8:0] d;
  always @(posedge clk) begin
    d <= {1'b0, a} - {1'b0, b};
    y <= d[8] ? 12'd0 : d[7:0] * k;
  end
endmodule
"""


@pytest.mark.yosys
def test_zero_arm_near_misses(tmp_path):
    f = _inline(tmp_path, _ZBASE)
    assert len(bretime.candidates_for({f: _ZBASE}, "z", timeout_s=60)) == 1  # the positive base
    # the product's factors do not read what the condition reads: nothing to move with the condition
    t1 = _ZBASE.replace("d[7:0] * k", "m * k")
    assert bretime.candidates_for({_inline(tmp_path, t1): t1}, "z", timeout_s=60) == []
    # a signed factor: the zero arm would change its extension
    t2 = _ZBASE.replace("d[7:0] * k", "$signed(d[7:0]) * $signed(k)")
    assert bretime.candidates_for({_inline(tmp_path, t2): t2}, "z", timeout_s=60) == []
    # the zero arm is not zero
    t3 = _ZBASE.replace("12'd0", "12'd1")
    assert bretime.candidates_for({_inline(tmp_path, t3): t3}, "z", timeout_s=60) == []
    # the difference register is also read elsewhere: kept
    t4 = _ZBASE.replace("output reg [11:0] y);", "output reg [11:0] y, output o);\n  assign o = d[3];")
    assert bretime.candidates_for({_inline(tmp_path, t4): t4}, "z", timeout_s=60) == []
