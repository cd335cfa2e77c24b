"""regfunc on heldout3-style designs: parameterized copies of one module, SV output aliases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys


def _cands(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


# Verilog-2001, counter from 0, flags registered from the next-state value in their own always block;
# two copies at different limits and widths: the limit is a parameter, so one text serves both
PARAM_FLAGS = """
module occ #(parameter LIM = 12, parameter W = 4) (input clk, input rst, input push, input pop,
    output [W-1:0] n_o, output busy_o, output top_o);
  reg [W-1:0] n;
  reg busy, at_top;
  wire inc = push & ~at_top;
  wire dec = pop & busy;
  wire [W-1:0] n_nx = (inc & ~dec) ? n + 1'b1 : (dec & ~inc) ? n - 1'b1 : n;
  always @(posedge clk) n <= rst ? {W{1'b0}} : n_nx;
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; at_top <= 1'b0; end
    else begin busy <= |n_nx; at_top <= (n_nx == LIM); end
  assign n_o = n;
  assign busy_o = busy;
  assign top_o = at_top;
endmodule

module two(input clk, input rst, input [1:0] push, input [1:0] pop, output [3:0] a, output [4:0] b,
    output [1:0] busy, output [1:0] full);
  occ #(.LIM(12), .W(4)) ua (.clk(clk), .rst(rst), .push(push[0]), .pop(pop[0]), .n_o(a),
    .busy_o(busy[0]), .top_o(full[0]));
  occ #(.LIM(30), .W(5)) ub (.clk(clk), .rst(rst), .push(push[1]), .pop(pop[1]), .n_o(b),
    .busy_o(busy[1]), .top_o(full[1]));
endmodule
"""


def test_flags_of_parameterized_copies_use_the_parameter(tmp_path):
    _an, p, cands = _cands(tmp_path, PARAM_FLAGS, "two")
    new = [n[p] for n, d in cands if "at_top" in n[p] and "(n == LIM)" in n[p]]
    assert new, [d for _, d in cands]
    t = new[0]
    assert "at_top <= (n_nx == LIM)" not in t
    assert _verify(tmp_path, p, t, "two") == 0


# the same flags registered from the CURRENT count lag one cycle: not a function of the count
LAGGING = PARAM_FLAGS.replace("busy <= |n_nx; at_top <= (n_nx == LIM);", "busy <= |n; at_top <= (n == LIM);")


def test_lagging_flags_of_parameterized_copies_are_not_functions(tmp_path):
    an, _p, _cands_ = _cands(tmp_path, LAGGING, "two")
    assert not [r for r in an.relations if r.target.rpartition(".")[2] in ("at_top", "busy", "busy_o", "top_o")]


# Verilog-2001, synchronous reset, a parity flag registered from two registers' next values
NEXT_VALUES = """
module pack(input clk, input rst, input wa, input wb, input [7:0] d, output [7:0] a_o, output [7:0] b_o,
    output par_o, output hit_o);
  reg [7:0] a, b, a_n, b_n;
  reg par, hit;
  always @* begin
    a_n = wa ? d : a;
    b_n = wb ? d ^ a : b;
  end
  always @(posedge clk) begin
    if (rst) begin
      a <= 8'd0; b <= 8'd0; par <= 1'b0; hit <= 1'b0;
    end else begin
      a <= a_n;
      b <= b_n;
      par <= ^(a_n ^ b_n);
      hit <= (a_n == b_n);
    end
  end
  assign a_o = a;
  assign b_o = b;
  assign par_o = par;
  assign hit_o = hit;
endmodule
"""


def test_register_of_next_values_is_a_function_of_the_registers(tmp_path):
    from rtlopt.semantic import nextfunc

    p = tmp_path / "pack.v"
    p.write_text(NEXT_VALUES)
    got = nextfunc.candidates_for({p: NEXT_VALUES}, "pack")
    assert got
    t = got[0][0][p]
    assert "always @* par = ^(a ^ b);" in t and "always @* hit = (a == b);" in t
    assert "par <=" not in t and "a <= a_n;" in t
    # hit resets to 0 while a == b there: that one is wrong from reset, and the proof says so
    assert _verify(tmp_path, p, t, "pack") != 0
    ok = [n[p] for n, d in got if "'par'" in d and "'hit'" not in d]
    assert ok and _verify(tmp_path, p, ok[0], "pack") == 0


def test_register_loaded_under_another_condition_is_not_a_function():
    from rtlopt.semantic import nextfunc

    text = NEXT_VALUES.replace("par <= ^(a_n ^ b_n);", "if (wa) par <= ^(a_n ^ b_n);")
    got = nextfunc.candidates_for({Path("pack.v"): text}, "pack")
    assert not [d for _, d in got if "'par'" in d]


# a wrapper keeping its own copy of a counter that lives in a (parameterized) child instance
DUP_IN_CHILD = """
module ticker #(parameter N = 10, parameter W = 4) (input clk, input rst, input tick, output wrap);
  reg [W-1:0] c;
  assign wrap = tick && c == N - 1;
  always @(posedge clk) begin
    if (rst) c <= 0;
    else if (tick) c <= wrap ? 0 : c + 1'b1;
  end
endmodule

module wrapper(input clk, input rst, input tick, output wrap, output [3:0] pos);
  reg [3:0] mine;
  ticker #(.N(12)) u_t (.clk(clk), .rst(rst), .tick(tick), .wrap(wrap));
  always @(posedge clk)
    if (rst) mine <= 4'd0;
    else if (tick) begin
      if (wrap) mine <= 4'd0;
      else mine <= mine + 4'd1;
    end
  assign pos = mine;
endmodule
"""


def test_copy_of_a_child_register_is_exported_from_the_child(tmp_path):
    from rtlopt.engine import parampin

    _an, p, cands = _cands(tmp_path, DUP_IN_CHILD, "wrapper")
    new = [n[p] for n, d in cands if "exported from the instance" in d]
    assert new, [d for _, d in cands]
    t = new[0]
    assert "output wire [W-1:0] rtlopt_c_o" in t and "assign rtlopt_c_o = c;" in t
    assert ".rtlopt_c_o(rtlopt_u_t_c)" in t and "always @* mine = rtlopt_u_t_c;" in t
    # exporting changes no behaviour of the parameterized child: nothing to pin
    assert parampin.pin_text(DUP_IN_CHILD, t, {}) == t
    assert _verify(tmp_path, p, t, "wrapper") == 0


def test_counter_with_its_own_clear_is_not_a_copy_of_the_child(tmp_path):
    text = DUP_IN_CHILD.replace("input tick, output wrap, output [3:0] pos",
                                "input tick, input clr, output wrap, output [3:0] pos")
    text = text.replace("if (rst) mine <= 4'd0;", "if (rst || clr) mine <= 4'd0;")
    _an, _p, cands = _cands(tmp_path, text, "wrapper")
    assert not [d for _, d in cands if "exported from the instance" in d]
