"""redundant_guarded_arm (rtlopt.templates._guardarm): an if arm, one || term of its condition, or a ?:
arm whose effect under its condition equals what the rest computes anyway (a wrap to 0 at a counter's
all-ones value) is dropped, decided by z3 for every input and register value, in every elaborated copy.
Real Yosys + ABC proofs and the real PPA flow (sky130hd); near-misses that must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest
import z3
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY
from rtlopt.templates._guardarm import RedundantGuardedArm
from rtlopt.templates._sem import analyze

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "ranges"
LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"
T = RedundantGuardedArm()


def _design(name: str) -> tuple[str, str]:
    f = next((GEN / name).glob("original.*"))
    return f.read_text(), f.suffix


def _matches(text: str, suffix: str = ".v"):
    return T.match(analyze(text, "d" + suffix))


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def test_registered():
    assert "redundant_guarded_arm" in REGISTRY


@pytest.mark.yosys
def test_wrap_term_or_ed_into_a_clear_is_dropped_proven_and_smaller(tmp_path):
    text, sfx = _design("guardarm_wrap_slot_v")
    ms = _matches(text, sfx)
    term = next(m for m in ms if "frame_end change nothing" in m.description)
    new = T.rewrite(text, [term])
    assert "if (rst || sync_clr) slot <= 6'd0;" in new, new
    f = tmp_path / ("o" + sfx)
    f.write_text(text)
    assert abc_verdict(tmp_path, f, new, "slot_timer") == "EQUIVALENT"
    assert _area(tmp_path, new, sfx, "slot_timer", "n") < _area(tmp_path, text, sfx, "slot_timer", "o")
    # the ternary wrap of the frame counter is found too
    tern = next(m for m in ms if "frame >= 8'd255" in m.description)
    assert "frame <= (frame + 8'd1);" in T.rewrite(text, [tern])


@pytest.mark.yosys
def test_sv_ring_pointer_every_copy_wraps_by_itself(tmp_path):
    text, sfx = _design("guardarm_ring_ptr_sv")
    ms = _matches(text, sfx)
    assert len(ms) == 1, [m.description for m in ms]
    new = T.rewrite(text, ms)
    assert "else if (flush) ptr <= '0;" in new, new
    f = tmp_path / ("o" + sfx)
    f.write_text(text)
    assert abc_verdict(tmp_path, f, new, "rings") == "EQUIVALENT"
    assert _area(tmp_path, new, sfx, "rings", "n") < _area(tmp_path, text, sfx, "rings", "o")


def test_ring_wrapping_before_its_last_code_is_left_alone():
    text, sfx = _design("guardarm_ring_ptr_sv")
    text = text.replace("localparam int LAST = (1 << W) - 1;", "localparam int LAST = (1 << W) - 2;")
    assert "(1 << W) - 2" in text
    assert _matches(text, sfx) == []


def test_copies_that_disagree_are_left_alone():
    # the data ring has 24 slots (LAST = 23 of 5 bits): its wrap is no overflow, the command ring's is
    text, sfx = _design("guardarm_ring_ptr_sv")
    text = text.replace("module ring_ptr #(parameter int W = 3) (", "module ring_ptr #(parameter int W = 3, parameter int N = 1 << W) (")
    text = text.replace("localparam int LAST = (1 << W) - 1;", "localparam int LAST = N - 1;")
    text = text.replace("ring_ptr #(.W(5)) u_dat", "ring_ptr #(.W(5), .N(24)) u_dat")
    assert "N(24)" in text and "LAST = N - 1" in text
    assert _matches(text, sfx) == []
    # with 32 slots both copies agree again
    assert len(_matches(text.replace(".N(24)", ".N(32)"), sfx)) == 1


def test_wrap_to_one_is_left_alone():
    text, sfx = _design("guardarm_wrap_slot_v")
    text = text.replace("if (rst || sync_clr || frame_end) slot <= 6'd0;",
                        "if (rst || sync_clr) slot <= 6'd0;\n    else if (frame_end) slot <= 6'd1;")
    assert "slot <= 6'd1;" in text
    assert not any("frame_end" in m.description for m in _matches(text, sfx))


def test_asynchronous_reset_arm_is_left_alone():
    # clr -> (0 == d & ~clr) clrs combinationally, but clr is asynchronous: the arm must stay
    text = """module q (input clk, input clr, input d, output reg r);
  always @(posedge clk or posedge clr)
    if (clr) r <= 1'b0;
    else     r <= d & ~clr;
endmodule
"""
    assert _matches(text) == []
    # the same condition as a synchronous clear is dropped
    sync = text.replace("always @(posedge clk or posedge clr)", "always @(posedge clk)")
    assert len(_matches(sync)) == 1


def test_signed_wire_driver_is_sign_extended():
    # room_d = MINV - x (x signed, widened by a wire): the saturation arm differs from acc + x there
    text = """module s (input clk, input signed [11:0] x, output reg signed [15:0] acc, output reg lo);
  wire signed [16:0] xe = x;
  wire signed [16:0] room_d = -17'sd32768 - xe;
  always @(posedge clk)
    if (x < 0 && acc < room_d) begin acc <= -16'sd32768; lo <= 1'b1; end
    else begin acc <= acc + x; lo <= 1'b0; end
endmodule
"""
    assert _matches(text) == []
    from rtlopt.templates._guards import Z3Expr, net_definitions

    an = analyze(text, "s.v")
    zx = Z3Expr(an, defs=net_definitions(an))
    xe = next(i.node for i in an.exprs if i.text == "xe")
    x = next(i.node for i in an.exprs if i.text == "x" and i.width == 12)
    s = z3.Solver()
    s.add(zx.bv(x) == -1, zx.bv(xe) != -1)  # xe is x sign-extended
    assert s.check() == z3.unsat


# casez restyle: a ring index stepping on {step, clear, at-last}; the explicit wrap arm at the all-ones
# value computes what the step arm computes there (idx + 1 wraps), so its label joins the step arm.
_CASEZ = """module ring_cz #(parameter W = 3) (
  input              clk,
  input              rst,
  input              clr,
  input              step,
  output reg [W-1:0] idx
);
  always @(posedge clk) begin
    if (rst) idx <= {W{1'b0}};
    else
      casez ({step, clr, idx == {W{1'b1}}})
        3'b?1?:  idx <= {W{1'b0}};
        3'b101:  idx <= {W{1'b0}};
        3'b100:  idx <= idx + 1'b1;
        default: idx <= idx;
      endcase
  end
endmodule

module cz_top (input clk, input rst, input clr, input s0, input s1,
               output [4:0] a, output [2:0] b);
  ring_cz #(.W(5)) u0 (.clk(clk), .rst(rst), .clr(clr), .step(s0), .idx(a));
  ring_cz #(.W(3)) u1 (.clk(clk), .rst(rst), .clr(clr), .step(s1), .idx(b));
endmodule
"""


@pytest.mark.yosys
def test_casez_wrap_arm_joins_the_step_arm_proven_and_smaller(tmp_path):
    ms = _matches(_CASEZ)
    assert len(ms) == 1, [m.description for m in ms]
    new = T.rewrite(_CASEZ, ms)
    assert "3'b10?:  idx <= idx + 1'b1;" in new and "3'b101" not in new, new
    f = tmp_path / "o.v"
    f.write_text(_CASEZ)
    assert abc_verdict(tmp_path, f, new, "cz_top") == "EQUIVALENT"
    assert _area(tmp_path, new, ".v", "cz_top", "n") < _area(tmp_path, _CASEZ, ".v", "cz_top", "o")


@pytest.mark.yosys
def test_casez_wrap_arm_falls_through_to_default_when_it_matches(tmp_path):
    # the wrap arm before a default that steps: dropped outright, its inputs fall to the default
    text = _CASEZ.replace("        3'b100:  idx <= idx + 1'b1;\n        default: idx <= idx;",
                          "        3'b0??:  idx <= idx;\n        default: idx <= idx + 1'b1;")
    assert "default: idx <= idx + 1'b1;" in text
    ms = _matches(text)
    assert len(ms) == 1 and "fall through" in ms[0].description, [m.description for m in ms]
    new = T.rewrite(text, ms)
    assert "3'b101" not in new and "3'b0??:  idx <= idx;" in new, new
    f = tmp_path / "o.v"
    f.write_text(text)
    assert abc_verdict(tmp_path, f, new, "cz_top") == "EQUIVALENT"


def test_casez_near_misses_are_left_alone():
    # wrap to 1: not what idx + 1 gives at the all-ones value
    one = _CASEZ.replace("3'b101:  idx <= {W{1'b0}};", "3'b101:  idx <= {{(W-1){1'b0}}, 1'b1};")
    assert "3'b101:  idx <= {{(W-1){1'b0}}, 1'b1};" in one
    assert _matches(one) == []
    # no step arm after the wrap: its inputs would fall to the holding default (hold, not wrap)
    nostep = _CASEZ.replace("        3'b100:  idx <= idx + 1'b1;\n", "")
    assert "3'b100" not in nostep
    assert _matches(nostep) == []
    # the wrap arm before a label that catches its inputs differently (hold at the last value)
    shadow = _CASEZ.replace("        3'b100:", "        3'b1??:  idx <= idx;\n        3'b100:")
    assert "3'b1??:  idx <= idx;" in shadow
    assert not any("3'b101" in m.description for m in _matches(shadow))
    # casex is not read (x bits of the case expression would be wildcards too)
    assert _matches(_CASEZ.replace("casez", "casex")) == []


_FUNC = """module fptr (input clk, input rst, input push, output reg [4:0] wp, output reg lap);
  function [4:0] bump;
    input [4:0] p;
    begin
      if (p == 5'd31) bump = 5'd0;
      else            bump = p + 5'd1;
    end
  endfunction
  always @(posedge clk)
    if (rst) begin wp <= 5'd0; lap <= 1'b0; end
    else if (push) begin wp <= bump(wp); if (wp == 5'd31) lap <= ~lap; end
endmodule
"""


@pytest.mark.yosys
def test_wrap_inside_a_function_is_dropped_and_proven(tmp_path):
    ms = _matches(_FUNC)
    assert len(ms) == 1, [m.description for m in ms]
    new = T.rewrite(_FUNC, ms)
    assert "bump = p + 5'd1;" in new and "if (p == 5'd31)" not in new, new
    f = tmp_path / "o.v"
    f.write_text(_FUNC)
    assert abc_verdict(tmp_path, f, new, "fptr") == "EQUIVALENT"


def test_function_near_misses_are_left_alone():
    # wrap at 30 (a 31-entry ring): p + 1 is 31 there, not 0
    assert _matches(_FUNC.replace("if (p == 5'd31) bump = 5'd0;", "if (p == 5'd30) bump = 5'd0;")) == []
    # the arm reads what an arm assigns (blocking order matters): not read
    seq = _FUNC.replace("else            bump = p + 5'd1;", "else begin bump = p; bump = bump + 5'd1; end")
    assert "bump = bump + 5'd1;" in seq
    assert _matches(seq) == []


def test_arm_dead_at_the_parameter_values_is_not_a_redundant_guard():
    """`FRAME ? p - r : q - r` (FRAME = 0) and `(FRAME && en) ? ...`: the arm is dead at these parameter values
    (a configuration), not redundant; `rtlopt check` warned on clean code."""
    from rtlopt.templates._guardarm import RedundantGuardedArm
    from rtlopt.templates._sem import analyze

    src = """module params #(parameter W = 8, parameter FRAME = 0)
  (input en, input [W-1:0] p, input [W-1:0] q, input [W-1:0] r, output [W-1:0] z, output [W-1:0] u);
  assign z = FRAME ? p - r : q - r;
  assign u = (FRAME && en) ? p : q;
endmodule
"""
    assert RedundantGuardedArm().find(analyze(src, "params.v")) == []
