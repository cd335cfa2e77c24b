"""preadd (algebraic_factoring): a loop summing products ``acc = acc + X(k) * Y(k)`` is offered with
mirrored operands pre-added (``(X(k) + X(M)) * Y(k)`` for ``k < M``, the middle term kept), once per
choice of the shared factor; only a mirror-symmetric factor is equivalent (symmetric FIR). Proven on a
small SV and a Verilog-2005 loop; a loop that is not a sum of products is not offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.preadd import rewrites

SV = """module fir4 #(parameter int N = 4) (
  input  logic [N-1:0][5:0] x,
  input  logic [1:0][3:0]   c,
  output logic signed [11:0] y
);
  function automatic logic signed [3:0] h(input int k);
    h = (k < N/2) ? c[k] : c[N-1-k];
  endfunction
  always_comb begin
    y = '0;
    for (int k = 0; k < N; k++) y = y + $signed(x[k]) * h(k);
  end
endmodule
"""

V2005 = """module fir3(input [17:0] w, input [9:0] hh, output reg [13:0] s);
  integer i;
  always @* begin
    s = 14'd0;
    for (i = 0; i <= 2; i = i + 1)
      s = s + hh[5*((i < 2) ? i : 2 - i) +: 5] * w[6*i +: 6];
  end
endmodule
"""

NOT_SOP = """module t(input [15:0] a, output reg [7:0] s);
  integer i;
  always @* begin
    s = 8'd0;
    for (i = 0; i < 4; i = i + 1) s = s + (a[4*i +: 4] ^ a[3:0]);
  end
endmodule
"""


def test_offers_both_factors_and_keeps_middle_term():
    got = rewrites(V2005, "t.v")
    assert len(got) == 2, got
    new = got[0][0] + got[1][0]
    assert "begin if (i < (2) - i)" in new and "else if (i == (2) - i)" in new
    sv = rewrites(SV, "t.sv")
    assert any("($bits($signed(x[k])) + 1)'(" in n for n, _ in sv), sv  # width-exact pre-add in SV
    assert rewrites(NOT_SOP, "t.v") == []


def _prove(tmp_path: Path, gold: str, gate: str, name: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    r = check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                          VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
def test_symmetric_factor_proven_other_refuted(tmp_path: Path):
    got = rewrites(SV, "t.sv")
    good = [n for n, d in got if "x[k]) + its mirror" in d]
    bad = [n for n, d in got if "h(k) + its mirror" in d]
    assert len(good) == 1 and len(bad) == 1
    assert _prove(tmp_path, SV, good[0], "t.sv") == "EQUIVALENT", good[0]
    assert _prove(tmp_path, SV, bad[0], "t.sv") == "NOT_EQUIVALENT", bad[0]


@pytest.mark.yosys
def test_verilog2005_odd_loop_proven(tmp_path: Path):
    good = [n for n, d in rewrites(V2005, "t.v") if "(hh[" not in d.split("its mirror")[0]]
    assert len(good) == 1
    assert _prove(tmp_path, V2005, good[0], "t.v") == "EQUIVALENT", good[0]


def test_compound_accumulation_offered():
    src = ("module m(input logic [3:0][7:0] x, input logic [1:0][7:0] c, output logic [17:0] y);\n"
           "  always_comb begin y = 0; for (int k = 0; k < 4; k++) y += x[k] * c[k < 2 ? k : 3 - k]; end\n"
           "endmodule\n")
    got = rewrites(src, "t.sv")
    assert len(got) == 2 and all("y += " in n and "y = y +" not in n for n, _ in got), got
