"""commutative_reassociation: sharing sub-sums/sub-products written in any order or grouping.

Structural tests check what is (and is not) shared; the ``yosys`` tests prove the rewrites with the
real verifier (Yosys + z3), including the benchmark design ``basic/commutativity_subexpression``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BENCH

from rtlopt.templates import REGISTRY
from rtlopt.templates._assoc import CommutativeReassociation
from rtlopt.templates._sem import analyze

T = CommutativeReassociation()

BASIC = """module arith (
    input  [7:0] A, B, C, D, E, F, G, H,
    output [7:0] r1, r2, r3, r4, r5, r6
);
// keep this comment
assign r1 = (A + B) + (C * D);
assign r2 = (D * C) + (E - F);
assign r3 = (B + G + A) + H;
assign r4 = (D * C + E) * (B + A);
assign r5 = (C * D + B) - (F + B + A);
assign r6 = (A + C + B) * (E - F);
endmodule
"""


def _rewrite(text: str) -> str | None:
    ms = T.match(text)
    return T.rewrite(text, ms) if ms else None


def _decls(text: str) -> list[str]:
    return re.findall(r"^\s*wire\b[^;]*;", text, re.M)


def _ops(text: str, op: str) -> int:
    body = "\n".join(ln for ln in text.splitlines() if "assign" in ln or ln.strip().startswith("wire"))
    return body.count(op)


def _prove(tmp_path: Path, before: str, after: str, top: str):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "d.v", tmp_path / "b" / "d.v"
    a.write_text(before)
    b.write_text(after)
    res = check_equivalence(open_design(a, top), open_design(b, top), VerifyOptions(timeout_s=60))
    assert res.verdict == Verdict.EQUIVALENT, f"{res.verdict}: {res.reason}"


def test_registered():
    assert REGISTRY["commutative_reassociation"].id == "commutative_reassociation"


def test_shares_commuted_and_regrouped_operands():
    new = _rewrite(BASIC)
    assert new is not None
    decls = _decls(new)
    assert any(re.search(r"wire \[7:0\] \w+ = C \* D;", d) for d in decls), decls
    assert any(re.search(r"wire \[7:0\] \w+ = A \+ B;", d) for d in decls), decls
    assert _ops(new, "*") == _ops(BASIC, "*") - 3  # C*D computed once instead of four times
    assert _ops(new, "+") < _ops(BASIC, "+")
    assert "// keep this comment" in new
    assert new.startswith(BASIC.split("// keep")[0])  # header untouched byte for byte
    assert analyze(new).errors == 0
    # r5: +B and -B cancel; r3 regrouped around the shared sum
    r5 = next(ln for ln in new.splitlines() if "r5 =" in ln)
    assert "B" not in r5.replace("r5", "")


def test_reuses_a_net_that_already_holds_the_product():
    src = """module m #(parameter BW = 8) (input [BW-1:0] a, b, c, d, output [BW-1:0] s2, s4);
  assign s2 = a * b;
  assign s4 = c + d + b * a;
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    assert "assign s4 = c + d + s2;" in new
    assert not _decls(new)  # no new wire: the existing net s2 is referenced


def test_parameterised_width_is_kept_symbolic():
    src = """module m #(parameter BW = 8) (input [BW-1:0] a, b, c, d, output [BW-1:0] x, y);
  assign x = a + b + c;
  assign y = d + b + a;
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    assert re.search(r"wire \[BW-1:0\] sum_a_b = a \+ b;", new), new


def test_different_context_widths_are_not_shared():
    # the 16-bit comparison keeps the carry of a + b; the 8-bit sum does not
    src = """module m (input [7:0] a, b, c, d, input [15:0] e, output [7:0] y, output z);
  assign y = a + b + c;
  assign z = (b + a + d) > e;
endmodule
"""
    assert _rewrite(src) is None


def test_signed_and_unsigned_contexts_are_not_shared():
    # (sa + sb) is zero-extended in the first (unsigned) product and sign-extended in the second
    src = """module m (input signed [7:0] sa, sb, sc, input [7:0] u, output [15:0] y, output signed [15:0] z);
  assign y = (sa + sb) * u;
  assign z = (sb + sa) * sc;
endmodule
"""
    assert _rewrite(src) is None


def test_signed_operands_in_unsigned_chain_are_wrapped():
    src = """module m (input signed [7:0] sa, sb, input [15:0] u, v, output [15:0] y, z);
  assign y = sa + sb + u;
  assign z = sb + v + sa;
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    assert "$unsigned(sa) + $unsigned(sb)" in new or "$unsigned(sb) + $unsigned(sa)" in new


def test_impure_operands_are_never_moved():
    src = """module m (input [7:0] a, b, c, output [7:0] y, z);
  assign y = a + $random + b;
  assign z = $random + b + a + c;
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    decls = _decls(new)
    assert decls and not any("$random" in d for d in decls)
    assert new.count("$random") == 2


def test_operands_assigned_in_the_block_are_not_shared():
    src = """module m (input [7:0] a, b, c, d, output reg [7:0] y1, y2);
  reg [7:0] t;
  always @* begin
    t = a;
    y1 = t + b + c;
    t = d;
    y2 = c + t + b;
  end
endmodule
"""
    new = _rewrite(src)
    assert new is not None  # b + c is still shareable: neither is assigned in the block
    decls = _decls(new)
    assert len(decls) == 1 and "t" not in re.sub(r"\bwire\b", "", decls[0]).split("=")[1], decls
    src2 = src.replace("y2 = c + t + b;", "y2 = t + b;")
    assert _rewrite(src2) is None  # only t + b in common, and t changes between the uses


def test_function_bodies_and_locals_are_left_alone():
    src = """module m (input [7:0] a, b, output [7:0] y, z);
  function [7:0] f(input [7:0] p, q); f = p + q + a; endfunction
  function [7:0] g(input [7:0] p, q); g = q + p + b; endfunction
  assign y = f(a, b);
  assign z = g(a, b);
endmodule
"""
    assert _rewrite(src) is None


def test_cancellation_that_would_narrow_the_context_is_refused():
    src = """module m (input [7:0] a, b, input [15:0] x, output c);
  assign c = (a + b + x - x) > 16'd300;
endmodule
"""
    assert _rewrite(src) is None


def test_no_sharing_when_nothing_repeats():
    src = """module m (input [7:0] a, b, c, d, output [7:0] y, z);
  assign y = a + b;
  assign z = c * d;
endmodule
"""
    assert T.match(src) == []


@pytest.mark.yosys
def test_basic_rewrite_is_proven(tmp_path):
    _prove(tmp_path, BASIC, _rewrite(BASIC), "arith")


@pytest.mark.yosys
def test_low_bits_and_procedural_rewrites_are_proven(tmp_path):
    src = """module m #(parameter BW = 8) (input clk, input [BW-1:0] a, b, c, d,
    input signed [7:0] sa, sb, input [15:0] u, v,
    output [BW-1:0] s1, s2, s4, s5, s6, output [15:0] y, z, output reg [BW-1:0] q1, q2);
  assign s1 = a + b;
  assign s2 = a * b;
  assign s4 = c + d + b * a;
  assign s5 = a - b;
  assign s6 = (a * b) + a + d + c - b;
  assign y = sa + sb + u;
  assign z = sb + v + sa;
  always @(posedge clk) begin
    q1 <= d + c + b;
    q2 <= b + a - d;
  end
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    assert "s6 = s4 + s5" in new.replace("(", "").replace(")", "") or "s4" in new.split("s6 =")[1]
    _prove(tmp_path, src, new, "m")


@pytest.mark.yosys
def test_benchmark_commutativity_subexpression_is_proven(tmp_path):
    path = BENCH / "short_benchmark/basic/commutativity_subexpression/basic.v"
    if not path.exists():
        pytest.skip("benchmark not available")
    src = path.read_text()
    new = _rewrite(src)
    assert new is not None and _ops(new, "*") == 3  # C*D once, plus the products of result4 and result6
    _prove(tmp_path, src, new, "arithmetic_operations")


def test_block_locals_are_not_moved():
    src = """module m (input [7:0] a, b, c, output reg [7:0] y, z);
  always @* begin
    logic [7:0] t = a;
    y = t + b + c;
    z = c + t + b;
  end
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    decls = _decls(new)
    assert len(decls) == 1 and re.search(r"= (b \+ c|c \+ b);", decls[0]), decls


def test_wire_goes_into_the_module_that_uses_it():
    src = """module top (input [7:0] a, b, c, output [7:0] y, z);
  sub u (.a(a), .b(b), .y(y));
  assign z = c;
endmodule

module sub (input [7:0] a, b, output [7:0] y);
  wire [7:0] p = a ^ b ^ 8'h0f;
  assign y = p & (b ^ a);
endmodule
"""
    new = _rewrite(src)
    assert new is not None
    top, sub = new.split("module sub")
    assert "wire" not in top
    assert re.search(r"wire \[7:0\] xor_[ab]_[ab] = [ab] \^ [ab];", sub), sub


@pytest.mark.yosys
def test_bitwise_and_multi_module_rewrites_are_proven(tmp_path):
    src = """module top (input [7:0] a, b, c, d, output [7:0] y, z, w, v);
  sub u (.a(a), .b(b), .c(c), .y(y));
  assign z = (d & c & a) | (b & a & c);
  assign w = ~(a | d | c) ^ (c | d);
  assign v = a ^ (d ^ b) ^ c;
endmodule

module sub (input [7:0] a, b, c, output [7:0] y);
  wire [7:0] p = c ^ a ^ b;
  assign y = p - (b ^ a);
endmodule
"""
    new = _rewrite(src)
    assert new is not None and new.count("wire") >= 3
    _prove(tmp_path, src, new, "top")


@pytest.mark.yosys
def test_a_combinational_block_holding_the_value_is_reused_like_a_net(tmp_path):
    """``always @* s2 = a * b;`` holds the product as surely as ``assign s2 = a * b;`` (style-independent
    reuse); a variable assigned in two places, or a clocked one, is not reused."""
    src = """module m #(parameter BW = 8) (input clk, input [BW-1:0] a, b, c, d,
    output reg [BW-1:0] s2, output reg [BW-1:0] s4, output reg [BW-1:0] q);
  always @* begin s2 = a * b; end
  always @* s4 = c + d + b * a;
  always @(posedge clk) q <= d * c;
endmodule
"""
    new = _rewrite(src)
    assert new is not None and "s4 = c + d + s2;" in new and not _decls(new), new
    _prove(tmp_path, src, new, "m")
    twice = src.replace("always @* begin s2 = a * b; end", "always @* begin s2 = a * b; if (c[0]) s2 = 0; end")
    new2 = _rewrite(twice)
    assert new2 is None or "+ s2" not in new2
    clocked = src.replace("always @(posedge clk) q <= d * c;", "always @(posedge clk) q <= a * b + 1'b1;") \
        .replace("always @* begin s2 = a * b; end\n", "").replace("s4 = c + d + b * a", "s4 = c + d + (b * a)")
    new3 = _rewrite(clocked)
    assert new3 is None or "+ q" not in new3
