"""Fixes found by the held-out set (designs/heldout): e-graph widening of non-wrapping operations,
two-step candidates (a proven-constant register, then the rule it enables)."""

from __future__ import annotations

import random
import textwrap

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import saturate
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze

NARROW = """
module narrow(input [7:0] w, input [7:0] x0, input [7:0] x1, input [5:0] k, input [9:0] u,
              output [17:0] fac, output [19:0] wrap, output [9:0] sums);
  wire [15:0] p0 = w * x0;          // exact: 8+8 bits
  wire [15:0] p1 = x1 * w;
  wire [11:0] t0 = u * k;           // truncated: 10+6 > 12
  wire [11:0] t1 = k * u;
  wire [8:0]  s0 = x0 + x1;         // exact: max(8,8)+1
  wire [7:0]  s1 = x0 + w;          // wraps
  assign fac  = p0 + p1;
  assign wrap = t0 + t1;
  assign sums = s0 + s1;
endmodule
"""


def _ref(e):
    w, x0, x1, k, u = e["w"], e["x0"], e["x1"], e["k"], e["u"]
    return {"fac": (w * x0 + x1 * w) & 0x3FFFF,
            "wrap": ((u * k) & 0xFFF) + ((k * u) & 0xFFF),
            "sums": (x0 + x1 + ((x0 + w) & 0xFF)) & 0x3FF}


def test_zext_of_non_wrapping_ops_is_sound():
    an = analyze(textwrap.dedent(NARROW))
    (body,) = module_bodies(an)
    mg = build_module(an, body)
    saturate(mg.eg, max_nodes=5000, max_iters=6, time_s=20)
    named = {r.lhs for r in mg.roots if r.nameable}
    rnd = random.Random(3)
    samples = []
    for _ in range(40):
        samples.append({k: rnd.choice([0, (1 << lf.width) - 1, rnd.getrandbits(lf.width)])
                        for k, lf in mg.leaves.items() if k not in named})
    assert mg.eg.check(samples) == []
    for env in samples:
        vals = mg.eg.values(env)
        for name, v in _ref(env).items():
            r = next(r for r in mg.roots if r.lhs == name)
            assert vals[mg.eg.find(r.cls)] == v, (name, env)


@pytest.mark.parametrize("src", [
    # products named by exact-width wires, summed in a register
    """module m(input clk, input [7:0] w, x0, x1, x2, output reg [17:0] acc);
         wire [15:0] p0 = w * x0;
         wire [15:0] p1 = w * x1;
         wire [15:0] p2 = w * x2;
         always @(posedge clk) acc <= p0 + p1 + p2;
       endmodule""",
    # restyled: blocking temporaries in a combinational block, operands commuted
    """module m(input clk, input [5:0] k, input [9:0] u, v, output reg [19:0] y);
         reg [15:0] m1, m2;
         always @(*) begin
           m1 = u * k;
           m2 = k * v;
         end
         always @(posedge clk) y <= m1 + m2;
       endmodule""",
])
def test_factoring_sees_through_exact_width_product_names(src):
    out = optimize_text(textwrap.dedent(src))
    assert out, "the common factor should be pulled out"
    new = out[0][1]
    body = new.split("always @(posedge clk)")[1]
    assert body.count("*") == 1, body


def test_truncated_products_are_not_factored():
    src = """module m(input [5:0] k, input [9:0] u, v, output [19:0] z);
               wire [11:0] t1 = u * k;
               wire [11:0] t2 = v * k;
               assign z = t1 + t2;
             endmodule"""
    for _mod, new, _info in optimize_text(textwrap.dedent(src)):
        assert "assign z = t1 + t2;" in new


@pytest.mark.yosys
def test_constant_register_then_strength_reduction(tmp_path):
    """A coefficient register loaded at reset and never rewritten (Yosys folds it already, so the
    constant rewrite alone is area-neutral) composed with the constant-multiplication rewrite."""
    from rtlopt.design import open_design
    from rtlopt.engine.compose import compose_candidates
    from rtlopt.engine.search import State
    from rtlopt.verify import VerifyOptions, check_equivalence

    f = tmp_path / "tap.v"
    f.write_text(textwrap.dedent("""
        module fir_tap (input clk, input rst_n, input [9:0] din, output reg [15:0] acc);
          reg [3:0] coef;
          always @(posedge clk or negedge rst_n)
            if (!rst_n) coef <= 4'd10;
            else        coef <= coef;
          always @(posedge clk or negedge rst_n)
            if (!rst_n) acc <= 16'd0;
            else        acc <= acc + din * coef;
        endmodule"""))
    design = open_design([f], "fir_tap")
    st = State(design=design, texts={f: f.read_text()}, goal="area", liberty=None)
    cands = compose_candidates(st)
    assert cands, "the proven-constant coefficient should enable a second rewrite"
    best = cands[0]
    assert "sequential_redundancy" in best.rules and len(best.rules) >= 2
    assert "din * coef" not in best.text
    g = tmp_path / "cand.v"
    g.write_text(best.text)
    res = check_equivalence(design, open_design([g], "fir_tap"), VerifyOptions(timeout_s=120, engines=["abc"]))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res


def test_compose_proposes_nothing_without_constant_registers(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.compose import compose_candidates
    from rtlopt.engine.search import State

    f = tmp_path / "c.v"
    f.write_text("module c(input [7:0] a, b, output [15:0] y);\n  assign y = a * b;\nendmodule\n")
    st = State(design=open_design([f], "c"), texts={f: f.read_text()}, goal="area", liberty=None)
    assert compose_candidates(st) == []





_PORT_STYLES = [
    # up/down counters in lockstep: the down counter (an output register) is ~up
    ("""module bc(input clk, input rst, input en, output reg [3:0] up, output reg [3:0] left);
          always @(posedge clk) begin
            if (rst) begin up <= 4'd0; left <= 4'd15; end
            else if (en) begin up <= up + 4'd1; left <= left - 4'd1; end
          end
        endmodule""", "bc", "left"),
    # restyled: complementary status flags in separate blocks, SystemVerilog logic ports
    ("""module fl(input logic clk, input logic rst_n, input logic set, input logic clr,
                 output logic busy, output logic idle);
          always_ff @(posedge clk or negedge rst_n)
            if (!rst_n) busy <= 1'b0;
            else if (clr) busy <= 1'b0;
            else if (set) busy <= 1'b1;
          always_ff @(posedge clk or negedge rst_n)
            if (!rst_n) idle <= 1'b1;
            else if (clr) idle <= 1'b1;
            else if (set) idle <= 1'b0;
        endmodule""", "fl", "idle"),
]


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,port", _PORT_STYLES)
def test_redundant_output_register_becomes_a_wire(tmp_path, src, top, port):
    from rtlopt.design import open_design
    from rtlopt.semantic.seqred import candidates_for
    from rtlopt.verify import VerifyOptions, check_equivalence

    f = tmp_path / ("d.sv" if "logic" in src else "d.v")
    text = textwrap.dedent(src)
    f.write_text(text)
    got = candidates_for({f: text}, top, timeout_s=30)
    new = next((n[f] for n, _w, names in got if port in names and f"assign {port} =" in n[f]), None)
    assert new is not None, [w for _n, w, _ in got]
    assert f"{port} <=" not in new  # its procedural writes are gone
    g = tmp_path / ("c.sv" if "logic" in src else "c.v")
    g.write_text(new)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120, engines=["abc"]))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res


_ONEHOT_POS = """
module fsm_out(input clk, input rst_n, input go, input done, input [7:0] a, b, c, output reg [7:0] y,
               output reg [1:0] tag);
  localparam IDLE = 0, LOAD = 1, RUN = 2, FIN = 3;
  reg [3:0] st;                      // one-hot, parameter bit positions
  always @(posedge clk or negedge rst_n)
    if (!rst_n) st <= 4'b0001;
    else begin
      st <= 4'b0000;
      case (1'b1)
        st[IDLE]: if (go) st[LOAD] <= 1'b1; else st[IDLE] <= 1'b1;
        st[LOAD]: st[RUN] <= 1'b1;
        st[RUN]:  if (done) st[FIN] <= 1'b1; else st[RUN] <= 1'b1;
        default:  st[IDLE] <= 1'b1;
      endcase
    end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin y <= 8'd0; tag <= 2'd0; end
    else if (st[LOAD]) begin y <= a; tag <= 2'd1; end
    else if (st[RUN]) begin y <= y + b; tag <= 2'd2; end
    else if (st[FIN]) begin y <= c ^ y; tag <= 2'd3; end
endmodule
"""

_ONEHOT_NEG = """
module notoh(input clk, input rst, input [2:0] req, input [7:0] a, b, c, output reg [7:0] y);
  reg [2:0] r;                       // any pattern: the priority matters
  always @(posedge clk) r <= rst ? 3'd0 : req;
  always @(*) begin
    if (r[0]) y = a;
    else if (r[1]) y = b;
    else if (r[2]) y = c;
    else y = 8'd0;
  end
endmodule
"""


@pytest.mark.yosys
def test_exclusive_priority_chain_becomes_parallel(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.onehot_chain import onehot_chain_candidates
    from rtlopt.engine.search import State
    from rtlopt.verify import VerifyOptions, check_equivalence

    f = tmp_path / "p.v"
    f.write_text(_ONEHOT_POS)
    design = open_design([f], "fsm_out")
    (cand,) = onehot_chain_candidates(State(design=design, texts={f: _ONEHOT_POS}, goal="area", liberty=None))
    assert "(* parallel_case *)" in cand.text and "st[RUN]: begin y <= y + b;" in cand.text
    g = tmp_path / "c.v"
    g.write_text(cand.text)
    res = check_equivalence(design, open_design([g], "fsm_out"), VerifyOptions(timeout_s=120, engines=["abc"]))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res


@pytest.mark.yosys
def test_non_exclusive_priority_chain_is_left_alone(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.onehot_chain import onehot_chain_candidates
    from rtlopt.engine.search import State

    f = tmp_path / "n.v"
    f.write_text(_ONEHOT_NEG)
    st = State(design=open_design([f], "notoh"), texts={f: _ONEHOT_NEG}, goal="area", liberty=None)
    assert onehot_chain_candidates(st) == []


@pytest.mark.parametrize("src", [
    "module m(input s, input [7:0] a, b, c, d, output [15:0] y);\n  assign y = s ? a * b : c * d;\nendmodule\n",
    # restyled: named products, the select in a combinational block
    """module m(input [1:0] op, input [7:0] a, b, c, d, output reg [15:0] y);
         wire [15:0] p = a * b;
         wire [15:0] q = d * c;
         always @(*)
           y = (op == 2'd2) ? q : p;
       endmodule""",
])
def test_selected_products_share_one_multiplier(src):
    out = optimize_text(textwrap.dedent(src))
    assert out
    new = out[0][1]
    last = new.strip().splitlines()
    rhs = [ln for ln in last if "y =" in ln or "y=" in ln]
    assert sum(ln.count("*") for ln in rhs) == 1, new


def test_mux_of_products_rule_is_sound():
    an = analyze("module m(input s, input [7:0] a, b, c, d, output [15:0] y);\n"
                 "  assign y = s ? a * b : c * d;\nendmodule\n")
    (body,) = module_bodies(an)
    mg = build_module(an, body)
    saturate(mg.eg, max_nodes=3000, max_iters=6, time_s=10)
    rnd = random.Random(5)
    named = {r.lhs for r in mg.roots if r.nameable}
    samples = [{k: rnd.getrandbits(lf.width) for k, lf in mg.leaves.items() if k not in named} for _ in range(40)]
    assert mg.eg.check(samples) == []
