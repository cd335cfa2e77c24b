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
    # clr -> (0 == d & ~clr) holds combinationally, but clr is asynchronous: the arm must stay
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
