"""regfunc "mul": a register that is a constant multiple of another in every reachable state (a derived
coefficient ``b1 <= {wd, 1'b0}`` or ``k3 <= kin * 3`` loaded together with ``b0 <= wd``) becomes that
multiple of the other (``always @* b1 = b0 << 1;``), so the datapath e-graph of its reader can factor the
products of both. Found on simulation traces, proven inductive by z3, the candidate proven by the
verifier. Near misses: a copy loaded from the other a cycle later (equal only after a second load), a
coefficient loaded from its own input, and a multiple that wraps (an inverse modulo 2^w) are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_semantic_regfunc import _run

pytestmark = pytest.mark.yosys

# Verilog: one block loads both, the derived one as a concatenation
BANK_V = """module cbk (input wire clk, input wire rst, input wire we, input wire [5:0] wd,
            input wire [5:0] x0, input wire [5:0] x1, output wire [13:0] y);
  reg [5:0] b0;
  reg [6:0] b1;
  always @(posedge clk)
    if (rst) begin b0 <= 6'd0; b1 <= 7'd0; end
    else if (we) begin b0 <= wd; b1 <= {wd, 1'b0}; end
  assign y = x0 * b0 + x1 * b1;
endmodule
"""

# SV: separate always_ff blocks, async low reset, the multiple 3 computed by a function
BANK_SV = """module cbk3 (input logic clk, input logic rst_n, input logic ld, input logic [4:0] kin,
             input logic [4:0] u, input logic [4:0] v, output logic [12:0] y);
  function automatic logic [6:0] x3(input logic [4:0] a);
    x3 = {2'b00, a} + {1'b0, a, 1'b0};
  endfunction
  logic [4:0] k1;
  logic [6:0] k3;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) k1 <= '0;
    else if (ld) k1 <= kin;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) k3 <= '0;
    else if (ld) k3 <= x3(kin);
  assign y = u * k1 + v * k3;
endmodule
"""

LAG_V = BANK_V.replace("b1 <= {wd, 1'b0};", "b1 <= {b0, 1'b0};")
OWN_V = BANK_V.replace("input wire [5:0] wd,", "input wire [5:0] wd, input wire [5:0] wd1,").replace(
    "b1 <= {wd, 1'b0};", "b1 <= {wd1, 1'b0};")
WRAP_V = """module wrp (input wire clk, input wire rst, input wire we, input wire [5:0] wd, input wire [5:0] x,
            output wire [11:0] y);
  reg [5:0] b0, b1;
  always @(posedge clk)
    if (rst) begin b0 <= 6'd0; b1 <= 6'd0; end
    else if (we) begin b0 <= wd; b1 <= wd * 6'd3; end
  assign y = x * b0 + x * b1;
endmodule
"""


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    """0 when ``b_text`` (written beside ``a``, same suffix) is proven equivalent to ``a``."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    res = check_equivalence(DesignRef([a], top), DesignRef([b], top), VerifyOptions(timeout_s=200))
    return 0 if res.verdict == "EQUIVALENT" else 1


def _muls(an) -> set:
    return {(r.target, r.base, r.k) for r in an.relations if r.op == "mul"}


def test_concat_copy_becomes_shift_and_proves(tmp_path):
    an, p, cands = _run(tmp_path, BANK_V, "cbk")
    assert ("b1", "b0", 2) in _muls(an)
    new = [n[p] for n, d in cands if "'b1' == b0 * 2" in d]
    assert new and "always @* b1 = b0 << 1;" in new[0] and "b1 <= {wd" not in new[0]
    assert _verify(tmp_path, p, new[0], "cbk") == 0


def test_sv_function_multiple_three_and_proves(tmp_path):
    from rtlopt.semantic import regfunc

    p = tmp_path / "cbk3.sv"
    p.write_text(BANK_SV)
    an = regfunc.analysis_for({p: BANK_SV}, "cbk3")
    assert an.error is None, an.error
    assert ("k3", "k1", 3) in _muls(an)
    assert not any(r.target == "k1" and r.op == "mul" for r in an.relations)  # k1 == 3^-1 k3 wraps
    new = [n[p] for n, d in regfunc.candidates_for({p: BANK_SV}, "cbk3") if "'k3' == k1 * 3" in d]
    assert new and "k3 = k1 * 7'd3;" in new[0]
    assert _verify(tmp_path, p, new[0], "cbk3") == 0


@pytest.mark.parametrize("text,top", [(LAG_V, "cbk"), (OWN_V, "cbk"), (WRAP_V, "wrp")],
                         ids=["loaded_a_cycle_later", "own_input", "wrapping_multiple"])
def test_near_misses(tmp_path, text, top):
    an, _p, _c = _run(tmp_path, text, top)
    assert not _muls(an)


def test_compose_function_then_egraph_proven_in_two_links(tmp_path):
    """The search's two-step candidate: the register function, then the e-graph on its readers (one
    product b0 * (x0 + 2 x1) instead of two), each link proven on its own."""
    import re
    from types import SimpleNamespace

    from rtlopt.engine.compose import compose_candidates

    p = tmp_path / "cbk.v"
    p.write_text(BANK_V)
    st = SimpleNamespace(texts={p: BANK_V}, design=SimpleNamespace(top="cbk"), deadline=None, scope=None)
    got = [c for c in compose_candidates(st) if c.description.startswith("register function: 'b1' == b0 * 2; then")]
    assert got
    c = got[0]
    (mid,) = c.hints["chain"]
    assert "always @* b1 = b0 << 1;" in mid
    y = re.search(r"assign y = ([^;]*);", c.text).group(1)
    assert "b1" not in y and len(re.findall(r"\*(?!\s*\d+'d)", y)) == 1, y
    assert _verify(tmp_path, p, mid, "cbk") == 0
    m = tmp_path / "mid.v"
    m.write_text(mid)
    assert _verify(tmp_path, m, c.text, "cbk") == 0
