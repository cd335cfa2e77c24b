"""A combinational loop (``g = f(g)``) has no single value: the verifier gives no verdict on a design with
one (Yosys equiv read the loop as a consistent net and called such a gate EQUIVALENT), and onehotsel no
longer reads a register index through a vector computed from that same index (mode == f(g) with
``g = table(mode)``, which made ``g = table(f(g))``). A real-valued acyclic design still proves."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design

GOLD = """module pgl (input logic clk, input logic rst, input logic wr, input logic [1:0] mode_in,
            input logic [7:0] x, output logic [10:0] y);
  logic [1:0] mode;
  logic [2:0] g;
  always_comb begin
    case (mode)
      2'd0: g = 3'd0;
      2'd1: g = 3'd1;
      2'd2: g = 3'd2;
      default: g = 3'd4;
    endcase
  end
  always_ff @(posedge clk)
    if (rst) begin mode <= 2'd0; y <= '0; end
    else begin
      if (wr) mode <= mode_in;
      y <= x * g;
    end
endmodule
"""

# the index replaced by a function of the vector computed from it: a loop, y a product with any fixed point
LOOP = """module pgl (input logic clk, input logic rst, input logic wr, input logic [1:0] mode_in,
            input logic [7:0] x, output logic [10:0] y);
  logic [2:0] g;
  always_comb begin
    g = ({3{g[0]}} & 3'd1) | ({3{g[1]}} & 3'd2) | ({3{g[2]}} & 3'd4);
  end
  always_ff @(posedge clk)
    if (rst) y <= '0;
    else y <= x * g;
endmodule
"""


def _verify(tmp_path: Path, gold: str, gate: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / "t.sv").write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / "t.sv"), open_design(tmp_path / "gate" / "t.sv"),
                             VerifyOptions(timeout_s=120))


@pytest.mark.yosys
def test_verifier_no_verdict_on_combinational_loop(tmp_path: Path):
    r = _verify(tmp_path, GOLD, LOOP)
    assert r.verdict.name == "UNKNOWN", (r.verdict, r.reason)
    assert "combinational loop" in r.reason


@pytest.mark.yosys
def test_verifier_still_proves_acyclic(tmp_path: Path):
    gate = GOLD.replace("y <= x * g;", "y <= {3'd0, x} << mode;").replace("3'd4;", "3'd4;  // gain")
    gate = gate.replace("y <= {3'd0, x} << mode;", "y <= (mode == 2'd0) ? 11'd0 : ({3'd0, x} << (mode - 2'd1));")
    assert _verify(tmp_path, GOLD, gate).verdict.name == "EQUIVALENT"


@pytest.mark.yosys
def test_onehotsel_no_index_through_its_own_decode(tmp_path: Path):
    from rtlopt.semantic import onehotsel

    f = tmp_path / "t.sv"
    f.write_text(GOLD)
    assert onehotsel.candidates_for({f: GOLD}, "pgl", timeout_s=60) == []
