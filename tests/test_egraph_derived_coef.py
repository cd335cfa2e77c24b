"""datapath_egraph across a module boundary: multiplier coefficients derived from one another in another
module (a coefficient bank that registers ``g`` and outputs ``g2 = g << 1`` / ``{g, 1'b0}`` / a function
``3 g``) are seen as those functions of the parent's net (a child's output register stands for the net it
drives), so the products of a filter over the bank's outputs factor into one multiplier. A net read by a
register-only instance (an output register module) is a real read. Near misses: a coefficient register
loaded separately, or loaded from the other one a cycle later (equal only after a load), is no function
of it: its product stays."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph, saturate

DESIGNS = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "datapath"

# explicit instances, an output-register instance, a constant-multiple coefficient c1 = c0 * 5
BANK_X5 = """module kbank (input wire clk, input wire rst, input wire ld, input wire [4:0] kin,
              output reg [4:0] c0, output wire [7:0] c1);
  always @(posedge clk) if (rst) c0 <= 5'd0; else if (ld) c0 <= kin;
  assign c1 = c0 * 3'd5;
endmodule
module pmul #(parameter A = 5, B = 5) (input wire [A-1:0] a, input wire [B-1:0] b, output wire [A+B-1:0] p);
  assign p = a * b;
endmodule
module oreg #(parameter W = 8) (input wire clk, input wire en, input wire [W-1:0] d, output reg [W-1:0] q);
  always @(posedge clk) if (en) q <= d;
endmodule
module sec5 (input wire clk, input wire rst, input wire ld, input wire en, input wire [4:0] kin,
             input wire [4:0] u, input wire [4:0] v, output wire [13:0] y);
  wire [4:0] c0;
  wire [7:0] c1;
  wire [9:0] q0;
  wire [12:0] q1;
  wire [13:0] s;
  kbank ub (.clk(clk), .rst(rst), .ld(ld), .kin(kin), .c0(c0), .c1(c1));
  pmul #(5, 5) m0 (.a(u), .b(c0), .p(q0));
  pmul #(5, 8) m1 (.a(v), .b(c1), .p(q1));
  assign s = q0 + q1;
  oreg #(14) uo (.clk(clk), .en(en), .d(s), .q(y));
endmodule
"""

# c1 loaded separately (independent), and c1 loaded from c0 a cycle after c0 (not invariant)
INDEP = BANK_X5.replace("""  always @(posedge clk) if (rst) c0 <= 5'd0; else if (ld) c0 <= kin;
  assign c1 = c0 * 3'd5;""", """  reg [7:0] c1r;
  always @(posedge clk) if (rst) c0 <= 5'd0; else if (ld) c0 <= kin;
  always @(posedge clk) if (rst) c1r <= 8'd0; else if (ld) c1r <= {kin, 3'b000} - {3'b000, kin};
  assign c1 = c1r;""")
LAG = BANK_X5.replace("""  assign c1 = c0 * 3'd5;""", """  reg [7:0] c1r;
  always @(posedge clk) if (rst) c1r <= 8'd0; else if (ld) c1r <= c0 * 3'd5;
  assign c1 = c1r;""")


def _rewrites(text: str, name: str, scope: str):
    return [(new, info) for _m, new, info in optimize_text(text, name=name, scope=scope, budget_s=60)]


def _line(text: str, lhs: str) -> str:
    m = re.search(rf"(?:assign\s+{lhs}\s*=|\b{lhs}\s*=)([^;]*);", text)
    assert m, lhs
    return m.group(1)


def _products(expr: str) -> int:
    """Multiplications whose right operand is not a constant."""
    return len(re.findall(r"\*(?!\s*\d+'d)", expr))


def test_concat_select_rules_keep_values():
    """The new identities on random values: {x, k'b0} == zext(x) * 2^k (leading zero parts too), a
    truncation / right shift of a concatenation at a part boundary, products factored through a
    constant multiple."""
    eg = EGraph()
    x = eg.add(("var", 5, "x"))
    y = eg.add(("var", 4, "y"))
    a = eg.add(("var", 6, "a"))
    z2 = eg.k(2, 0)
    z1 = eg.k(1, 0)
    cat = eg.add(("concat", 11, None, x, y, z2))
    lead = eg.add(("concat", 8, None, z1, x, z2))
    tr = eg.add(("trunc", 6, None, cat))
    sh = eg.add(("lshr", 11, 6, cat))
    d = eg.add(("mul", 8, None, eg.add(("zext", 8, None, x)), eg.k(8, 4)))
    s = eg.add(("add", 12, None, eg.add(("mul", 12, None, eg.add(("zext", 12, None, a)), eg.add(("zext", 12, None, x)))),
                eg.add(("mul", 12, None, eg.add(("zext", 12, None, a)), eg.add(("zext", 12, None, d))))))
    for c in (cat, lead, tr, sh, s):
        assert eg.find(c) is not None
    saturate(eg, max_nodes=3000, max_iters=6, time_s=10)
    rnd = random.Random(5)
    samples = [{"x": rnd.randrange(32), "y": rnd.randrange(16), "a": rnd.randrange(64)} for _ in range(200)]
    assert eg.check(samples) == []
    # the low 6 bits of {x, y, 00} are {y, 00}; bits 6 up are x; {0, x, 00} is 4 * x
    assert any(n[0] == "concat" and len(n) == 5 for n in eg.nodes[eg.find(tr)])
    assert any(n[0] == "zext" and eg.find(n[3]) == eg.find(x) for n in eg.nodes[eg.find(sh)])
    assert eg.find(lead) == eg.find(d)


def test_verilog_generate_bank_fires():
    """Own design (Verilog): g2 = g << 1 in a bank module, a generate loop of multiplier instances over a
    packed coefficient bus: the four products become one."""
    p = DESIGNS / "derived_coef_bank_gen_v" / "original.v"
    got = _rewrites(p.read_text(), str(p), "interp4")
    assert got
    expr = _line(got[0][0], "sum")
    assert "prod" not in expr and _products(expr) == 1, expr


@pytest.mark.yosys
def test_sv_function_always_comb_fires_and_proves(tmp_path):
    """Own design (SV): w3 = triple(w) by a function in the coefficient module, products accumulated in
    always_comb: one multiplier, proven equivalent."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    p = DESIGNS / "derived_coef_fn_sv" / "original.sv"
    got = _rewrites(p.read_text(), str(p), "blend3")
    assert got
    new = got[0][0]
    expr = _line(new, "acc")
    assert _products(expr) == 1, expr
    g = tmp_path / "new.sv"
    g.write_text(new)
    res = check_equivalence(DesignRef([p], "blend3"), DesignRef([g], "blend3"),
                            VerifyOptions(engines=("algebra", "smt"), timeout_s=300))
    assert res.verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_constant_multiple_through_output_register_instance(tmp_path):
    """c1 = c0 * 5 in the bank, the sum read only by an output-register instance: factored, proven."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    got = _rewrites(BANK_X5, "sec5.v", "sec5")
    assert got
    new = got[0][0]
    expr = _line(new, "s")
    assert "q1" not in expr and _products(expr) == 1, expr
    old = tmp_path / "old.v"
    old.write_text(BANK_X5)
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(DesignRef([old], "sec5"), DesignRef([g], "sec5"),
                            VerifyOptions(engines=("algebra", "smt"), timeout_s=300))
    assert res.verdict == "EQUIVALENT"


@pytest.mark.parametrize("text", [INDEP, LAG], ids=["independent", "loaded_a_cycle_later"])
def test_near_misses_keep_the_product(text):
    """A coefficient register of its own (even one equal to 5 * c0 after every load of both, or one
    loaded from c0 a cycle later) is no function of c0: its product is never folded into c0's."""
    for new, _info in _rewrites(text, "nm.v", "sec5"):
        assert "q1" in _line(new, "s") or "c1" in _line(new, "s")
