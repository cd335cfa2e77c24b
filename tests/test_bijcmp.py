"""bijcmp: two instances of one module that differ in one input, their results compared, compare that
input when the module is one-to-one in it (decided on the module's e-graph). Positives in a SV generate
loop (salted byte-swap hash, packed 2-D words) and a Verilog generate of XOR-NOT coders (!=); near
misses: a module that ANDs with the key (not one-to-one), instances with different keys or rotate amounts
(two differing inputs), a shift that drops a bit, an even product."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.bijcmp import _rewrites
from tests.test_egraph_inst_read import _proven

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "bij_equal"

SCR = """
module scr #(parameter W = 8) (input [W-1:0] a, input [W-1:0] k, input [2:0] r, output [W-1:0] y);
  wire [W-1:0] x = {OP};
  assign y = (x << r) | (x >> (W - r));
endmodule
module top (input [7:0] p, input [7:0] q, input [7:0] k, input [7:0] j, input [2:0] r, input [2:0] s,
            output e);
  wire [7:0] yp, yq;
  scr #(.W(8)) u0 (.a(p), .k(k), .r(r), .y(yp));
  scr #(.W(8)) u1 (.a(q), .k({K2}), .r({R2}), .y(yq));
  assign e = yp == yq;
endmodule
"""


def _one(op: str = "a ^ k", k2: str = "k", r2: str = "r") -> list:
    return _rewrites(SCR.replace("{OP}", op).replace("{K2}", k2).replace("{R2}", r2), "t.v")


def test_xor_rotate_compare_found():
    got = _one()
    assert len(got) == 1 and "((p) == (q))" in got[0][0]


@pytest.mark.parametrize("op,k2,r2", [("a & k", "k", "r"), ("a | k", "k", "r"), ("a ^ k", "j", "r"),
                                      ("a ^ k", "k", "s"), ("(a ^ k) >> 1", "k", "r"), ("a * 2", "k", "r")])
def test_near_misses(op, k2, r2):
    assert _one(op, k2, r2) == []


def test_odd_product_and_subtraction_found():
    assert _one("a * 3") and _one("k - a")


@pytest.mark.yosys
@pytest.mark.parametrize("fname,top,want", [("cam_gen_sv.sv", "cam_gen_sv", "((word[e]) == (probe))"),
                                            ("lane_gen_v.v", "lane_gen_v", "((ref_lane) != (lanes[8*g +: 8]))")])
def test_generate_designs_rewritten_and_proven(tmp_path, fname, top, want):
    text = (GEN / fname).read_text()
    got = _rewrites(text, fname)
    assert len(got) == 1 and want in got[0][0]
    assert _proven(tmp_path, text, got[0][0], Path(fname).suffix, top) == "EQUIVALENT"
