"""E-graph: a child instance's output that the parent's terms prove constant (a complex multiplier fed X
and conj(X): the imaginary part X_r*(-X_i) + X_i*X_r is 0) is read as the constant, so the instance's
products go unread (synthesis removes them). The modelled original counts the instance's logic as
written (the e-graph's constant class is still built by the instance), and a reading site of such an
output counts as changed. A negation spelled as the two's complement (``~x + 1``) is ``-x``.
Near misses: X * conj(Y) with Y another input keeps its imaginary product; ``~x + 2`` is no negation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph.core import EGraph, saturate
from tests.test_egraph_inst_read import _area, _opt, _proven

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "instconst"


def _value(eg: EGraph, w: int, name: str) -> int:
    return eg.add(("var", w, name))


def test_twos_complement_is_negation():
    eg = EGraph()
    x = _value(eg, 8, "x")
    tc = eg.add(("add", 8, None, eg.add(("not", 8, None, x)), eg.k(8, 1)))
    off = eg.add(("add", 8, None, eg.add(("not", 8, None, x)), eg.k(8, 2)))
    neg = eg.add(("neg", 8, None, x))
    saturate(eg, max_nodes=2000, max_iters=4, time_s=20)
    assert eg.find(tc) == eg.find(neg)
    assert eg.find(off) != eg.find(neg)  # ~x + 2 = -x + 1


@pytest.mark.yosys
@pytest.mark.parametrize("fname,top,quad,real", [
    ("cmag_v.v", "mag_mon", "quad", "mag"),  # Verilog child, one product per wire, conj as 0 - im
    ("conj_sv.sv", "energy_pipe", "q_q", "e_q"),  # SV always_comb child, conj as ~im + 1
])
def test_conjugate_product_imaginary_part_is_zero(tmp_path, fname, top, quad, real):
    src = (GEN / fname).read_text()
    new = _opt(src, top, fname)
    assert new is not None
    body = new[new.index(f"module {top}"):]
    assert re.search(rf"\b{quad} <= \d+'d0;", body.split("else")[-1]), body
    assert re.search(rf"\b{real} <= eg_", body)  # the real part from the parent's terms, not the instance's
    suffix = Path(fname).suffix
    assert _proven(tmp_path, src, new, suffix, top) == "EQUIVALENT"
    if fname == "conj_sv.sv":  # (the other's original takes ~50 s to map: ABC proves its products cancel)
        before = _area(tmp_path, src, suffix, top, "before")
        after = _area(tmp_path, new, suffix, top, "after")
        assert after < before * 0.85, (before, after)


CMUL = """
module cmul #(parameter int N = 8) (
  input  logic signed [N-1:0] xr, xi, yr, yi,
  output logic signed [2*N:0] zr, zi
);
  always_comb begin
    zr = xr * yr - xi * yi;
    zi = xr * yi + xi * yr;
  end
endmodule
"""

# X * conj(Y): the imaginary part Y_r*X_i - X_r*Y_i is zero only when X = Y
NEAR = CMUL + """
module cross_pipe (
  input  logic clk, rst,
  input  logic signed [5:0] sr, si, tr, ti,
  output logic [13:0] e_q,
  output logic signed [14:0] q_q
);
  logic signed [6:0] wr, wi, vr, vc;
  logic signed [14:0] zr, zi;
  assign wr = sr;
  assign wi = si;
  assign vr = tr;
  assign vc = ~ti + 7'sd1;
  cmul #(.N(7)) u_m (.xr(wr), .xi(wi), .yr(vr), .yi(vc), .zr(zr), .zi(zi));
  always_ff @(posedge clk)
    if (rst) begin
      e_q <= '0;
      q_q <= '0;
    end else begin
      e_q <= zr[13:0];
      q_q <= zi;
    end
endmodule
"""


@pytest.mark.yosys
def test_conjugate_of_another_signal_keeps_its_imaginary_part(tmp_path):
    new = _opt(NEAR, "cross_pipe", "near.sv")
    if new is None:
        return
    body = new[new.index("module cross_pipe"):]
    assert not re.search(r"\bq_q <= \d+'d0;", body.split("else")[-1])
    assert _proven(tmp_path, NEAR, new, ".sv", "cross_pipe") == "EQUIVALENT"


# only the imaginary part changes: the real part keeps reading the instance (its modelled cost is the
# same either way), so the gain is the instance's imaginary products, which the e-graph proves constant
ONLY = CMUL + """
module pow_acc (
  input  logic clk, rst, en,
  input  logic signed [5:0] sr, si,
  output logic [19:0] acc,
  output logic signed [14:0] q_q
);
  logic signed [6:0] wr, wi, wc;
  logic signed [14:0] zr, zi;
  assign wr = sr;
  assign wi = si;
  assign wc = -wi;
  cmul #(.N(7)) u_m (.xr(wr), .xi(wi), .yr(wr), .yi(wc), .zr(zr), .zi(zi));
  always_ff @(posedge clk)
    if (rst) begin
      acc <= '0;
      q_q <= '0;
    end else if (en) begin
      acc <= acc + 20'(zr);
      q_q <= zi;
    end
endmodule
"""


@pytest.mark.yosys
def test_constant_instance_output_alone_is_worth_a_rewrite(tmp_path):
    new = _opt(ONLY, "pow_acc", "only.sv")
    assert new is not None  # before: the original was modelled with q_q already 0 (no gain, no rewrite)
    body = new[new.index("module pow_acc"):]
    assert re.search(r"\bq_q <= \d+'d0;", body.split("else if")[-1]), body
    assert _proven(tmp_path, ONLY, new, ".sv", "pow_acc") == "EQUIVALENT"
