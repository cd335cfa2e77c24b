"""narrowacc, gated form: ``if (c) T = T + E;`` (no else) in the narrow accumulation becomes
``T = T + ((c) ? (E) : <w>'d0);`` (the select on the addend instead of a K-bit mux of the sum), offered
before the updates as written; an unsigned addend widened by an explicit cast is added as it is. Not
for an if with an else arm, a signed addend or a constant step. Every candidate proven by real Yosys/z3."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.funcview import through_functions
from rtlopt.semantic.narrowacc import rewrites

pytestmark = pytest.mark.yosys

# SystemVerilog always_comb, 3-bit weights widened by a cast inside a foreach-style loop
SV_CAST = """module bytes_used (input logic [31:0] base, input logic [11:0] w, input logic [3:0] on,
                   output logic [31:0] nxt);
  always_comb begin
    nxt = base;
    for (int j = 0; j < 4; j++)
      if (on[j]) nxt = nxt + 32'(w[3*j +: 3]);
  end
endmodule
"""

# Verilog-2001, unrolled begin/end ifs with the addend on the left
V_UNROLLED = """module credits (clk, rst, g, a, b, c, tot);
  input clk, rst;
  input [2:0] g;
  input [1:0] a, b, c;
  output reg [15:0] tot;
  reg [15:0] t;
  always @* begin
    t = tot;
    if (g[0]) begin t = a + t; end
    if (g[1]) begin t = b + t; end
    if (g[2]) begin t = c + t; end
  end
  always @(posedge clk) if (rst) tot <= 16'd0; else tot <= t;
endmodule
"""

# a Verilog function with a loop of enabled 2-bit lane counts
V_FUNC = """module ptrs (input clk, input rst, input [5:0] ev, input [11:0] n, output reg [17:0] p);
  function [17:0] adv;
    input [17:0] b;
    input [5:0] e;
    input [11:0] w;
    integer i;
    begin
      adv = b;
      for (i = 0; i < 6; i = i + 1)
        if (e[i]) adv = adv + w[2*i +: 2];
    end
  endfunction
  always @(posedge clk) if (rst) p <= 18'd0; else p <= adv(p, ev, n);
endmodule
"""

# a constant step (an event count): gated it gained 0-2 % and its proof needed ABC; not offered
CONST_STEP = V_FUNC.replace("if (e[i]) adv = adv + w[2*i +: 2];", "if (e[i]) adv = adv + 18'd1;")

# near misses: an else arm (the step is not 'E or nothing') and a signed addend
ELSE_ARM = SV_CAST.replace("if (on[j]) nxt = nxt + 32'(w[3*j +: 3]);",
                           "if (on[j]) nxt = nxt + 32'(w[3*j +: 3]); else nxt = nxt + 32'd1;")
SIGNED = """module sacc (input logic [23:0] base, input logic signed [3:0] d0, input logic signed [3:0] d1,
             input logic [1:0] on, output logic [23:0] nxt);
  always_comb begin
    nxt = base;
    if (on[0]) nxt = nxt + d0;
    if (on[1]) nxt = nxt + d1;
  end
endmodule
"""


def _cands(tmp_path: Path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text)
    return rewrites({p: text}, budget_s=60) + through_functions({p: text}, lambda t, b: rewrites(t, budget_s=b), 60)


def _proven(tmp_path: Path, name: str, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                             VerifyOptions(timeout_s=120)).verdict.name


@pytest.mark.parametrize("name,text,step", [
    ("a.sv", SV_CAST, "nxt_inc = nxt_inc + ((on[j]) ? ((w[3*j +: 3])) : 3'd0);"),
    ("b.v", V_UNROLLED, "t_inc = t_inc + ((g[1]) ? (b) : 2'd0);"),
    ("c.v", V_FUNC, "adv_inc = adv_inc + ((e[i]) ? (w[2*i +: 2]) : 2'd0);"),
])
def test_gated_steps_offered_first_and_proven(tmp_path: Path, name, text, step):
    got = _cands(tmp_path, name, text)
    gated = [c for c in got if "addend" in c[2]]
    plain = [c for c in got if "addend" not in c[2]]
    assert len(gated) == 1 and len(plain) == 1, got
    assert got.index(gated[0]) < got.index(plain[0])
    new = gated[0][1]
    assert step in new, new
    assert _proven(tmp_path, name, text, new) == "EQUIVALENT"


@pytest.mark.parametrize("name,text", [("d.sv", ELSE_ARM), ("e.sv", SIGNED), ("f.v", CONST_STEP)])
def test_no_gated_form_for_else_arm_signed_or_constant_addend(tmp_path: Path, name, text):
    got = _cands(tmp_path, name, text)
    assert got, "the narrow sum itself is still offered"
    assert not [c for c in got if "addend" in c[2]], got
