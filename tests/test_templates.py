"""Every template: positive examples (must match; result re-parses and is proven equivalent) and
negative examples (must not match)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY, analyze
from rtlopt.templates._arith import csd, mcm_plan
from rtlopt.templates._sem import literal, paren

RULE_IDS = {
    "constant_folding", "dead_code_elimination", "common_subexpression_elimination",
    "operator_sharing_across_mux", "const_mult_to_shift_add", "mux_redundant_arms",
    "priority_to_parallel_case", "boolean_simplification", "comparison_simplification", "double_negation",
    "identity_operations", "adder_chain_to_tree", "mux_chain_to_case", "constant_comparison_to_bitmask",
    "redundant_concatenation", "unused_register_elimination", "redundant_register_removal", "register_retiming",
    "algebraic_factoring", "mux_shared_data_select_merge",
}


def mod(body: str, ports: str = "input [7:0] a, b, c, d, input s, input [2:0] sel, output [15:0] y") -> str:
    return f"// header comment kept\nmodule t({ports});\n{body}\nendmodule\n"


# (template id, positive text, substring expected in the rewrite, negative text)
CASES = [
    ("constant_folding", mod("assign y = a + (4'd3 + 4'd4);"), "'h7",
     mod("localparam P = 3;\nwire [P-1:0] w = a[2:0];\nassign y = a + P + w;")),
    ("double_negation", mod("assign y = ~(~a) + b;"), "y = a + b",
     mod("assign y = ~a + ~b;")),
    ("identity_operations", mod("assign y = (a | 8'd0) + (b << 0) + c * 8'd1;"), "y = a + b + c",
     # 32-bit 0 widens the 8-bit context; signed a with unsigned 1'b0 changes signedness
     "module t(input [7:0] a, input signed [7:0] b, output [15:0] y, output signed [15:0] z);\n"
     "wire [31:0] w = {a + 0};\nassign y = w[15:0];\nassign z = b + 1'b0;\nendmodule\n"),
    ("redundant_concatenation", mod("assign y = {a[7:4], a[3:0]} + {b} + {1{c}};"), "a[7:0]",
     "module t(input signed [7:0] a, input [7:0] b, output [15:0] y);\n"
     "assign y = {a} + {a[7:4], b[3:0]} + {a + b};\nendmodule\n"),
    ("boolean_simplification", mod("assign y = (a & a) | (b | (b & c)) ^ (c & ~c);"), "y = a | b",
     mod("assign y = (a & b) | (c & ~d) | (a | (b & a[3:0]));")),
    ("comparison_simplification", mod("assign y = {a == a, !(b < c), a >= 0};"), "b >= c",
     "module t(input signed [7:0] a, input [7:0] b, output y, output z);\n"
     "assign y = a >= 0;\nassign z = a == b;\nendmodule\n"),
    ("mux_redundant_arms", mod("assign y = (s ? a : a) + (s ? 1'b1 : 1'b0);"), "a + s",
     mod("assign y = (s ? a : b) + (s ? 1'b1 : c[0]);")),
    ("operator_sharing_across_mux", mod("assign y = s ? a + b : a + c;"), "a + (s ? b : c)",
     # different operand widths / signedness in the arms, different operators
     "module t(input [7:0] a, b, input [3:0] c, input signed [7:0] e, f, input s, output [15:0] y, z, w);\n"
     "assign y = s ? a + b : a + c;\nassign z = s ? e + f : a + b;\nassign w = s ? a + b : a - b;\nendmodule\n"),
    ("const_mult_to_shift_add", mod("assign y = a * 9 + b * 23;", "input [7:0] a, b, output [15:0] y"),
     "<< 3", mod("assign y = a * 3 + a * b;", "input [7:0] a, b, output [15:0] y")),
    ("adder_chain_to_tree", mod("assign y = a + b + c + d;"), "y = (a + b) + (c + d);",
     mod("assign y = a + b - c + d;")),
    ("common_subexpression_elimination",
     mod("wire [15:0] p = a + b;\nassign y = (b + c + a) ^ p;",), "(a + b) + c",
     # same pair at different widths must not be shared
     "module t(input [7:0] a, b, c, output [8:0] y, output [15:0] z);\n"
     "assign y = a + b;\nassign z = b + c + a;\nendmodule\n"),
    ("constant_comparison_to_bitmask", mod("assign y = (sel == 3'd4) || (sel == 3'd5);"), "3'b110",
     mod("assign y = (sel == 3'd4) || (sel == 3'd7);")),
    ("priority_to_parallel_case",
     "module t(input [1:0] op, input [7:0] a, b, output reg [7:0] y);\nalways @* begin\n"
     "  if (op == 2'd0) y = a;\n  else if (op == 2'd1) y = b;\n  else if (op == 2'd2) y = a & b;\n"
     "  else y = a | b;\nend\nendmodule\n", "case (op)",
     # repeated constant: the first test wins, a case would still be fine but priority matters in general
     "module t(input [1:0] op, input [1:0] q, input [7:0] a, b, output reg [7:0] y);\nalways @* begin\n"
     "  if (op == 2'd0) y = a;\n  else if (q == 2'd1) y = b;\n  else if (op == 2'd2) y = a & b;\n"
     "  else y = a | b;\nend\nendmodule\n"),
    ("mux_chain_to_case",
     "module t(input [1:0] sel, input [7:0] a, b, c, output reg [7:0] y);\nalways @* begin\n"
     "  y = (sel == 2'd0) ? a : (sel == 2'd1) ? b : c;\nend\nendmodule\n", "case (sel)",
     # arms wider than the target: the context width would change
     "module t(input [1:0] sel, input [15:0] a, input [7:0] b, c, output reg [7:0] y);\nalways @* begin\n"
     "  y = (sel == 2'd0) ? (a >> 4) : (sel == 2'd1) ? b : c;\nend\nendmodule\n"),
    ("dead_code_elimination",
     "module t(input [7:0] a, b, output reg [7:0] y);\nwire [7:0] unused_w;\nassign unused_w = a ^ b;\n"
     "always @* begin\n  if (1'b0) y = a; else y = b;\nend\nendmodule\n", "y = b;",
     "module t(input [7:0] a, b, output reg [7:0] y);\nwire [7:0] w;\nassign w = a ^ b;\n"
     "always @* begin\n  if (a[0]) y = w; else y = b;\nend\nendmodule\n"),
    ("unused_register_elimination",
     "module t(input clk, input rst, input [7:0] a, output reg [7:0] y);\nreg [7:0] dbg;\n"
     "always @(posedge clk) begin\n  if (rst) y <= 8'd0;\n  else y <= a;\n  dbg <= a + 1;\nend\nendmodule\n",
     "else y <= a;",
     "module t(input clk, input [7:0] a, output reg [7:0] y);\nreg [7:0] r;\n"
     "always @(posedge clk) begin\n  r <= a + 1;\n  y <= r;\nend\nendmodule\n"),
    ("redundant_register_removal",
     "module t(input clk, input rst, input [7:0] a, b, output [7:0] y);\n  reg [7:0] r1;\n  reg [7:0] r3;\n"
     "  always @(posedge clk) begin\n    if (rst) begin\n      r1 <= 8'd0;\n      r3 <= 8'd0;\n    end else begin\n"
     "      r1 <= a + b;\n      r3 <= a + b;\n    end\n  end\n  assign y = r1 | r3;\nendmodule\n",
     "assign y = r1 | r1;",
     # different reset values: not the same register
     "module t(input clk, input rst, input [7:0] a, b, output [7:0] y);\n  reg [7:0] r1;\n  reg [7:0] r3;\n"
     "  always @(posedge clk) begin\n    if (rst) begin\n      r1 <= 8'd0;\n      r3 <= 8'd1;\n    end else begin\n"
     "      r1 <= a + b;\n      r3 <= a + b;\n    end\n  end\n  assign y = r1 | r3;\nendmodule\n"),
    ("register_retiming",
     "module t(input clk, input [3:0] a, b, c, output reg [3:0] s);\n  reg [3:0] ra, rb, rc;\n"
     "  always @(posedge clk) begin\n    ra <= a;\n    rb <= b;\n    rc <= c;\n    s <= ra + rb + rc;\n  end\n"
     "endmodule\n", "ra <= a + b;",
     # rb is also read elsewhere; the sum is wider than the registers
     "module t(input clk, input [3:0] a, b, c, output reg [3:0] s, output [3:0] q, output reg [4:0] w);\n"
     "  reg [3:0] ra, rb, rc, rd;\n  always @(posedge clk) begin\n    ra <= a;\n    rb <= b;\n    rc <= c;\n"
     "    rd <= a;\n    s <= ra + rb;\n    w <= rc + rd;\n  end\n  assign q = rb;\nendmodule\n"),
]


CASES += [
    ("algebraic_factoring",
     mod("assign y = a * b + c * a;", "input [7:0] a, b, c, output [7:0] y"), "y = a * (b + c);",
     # a*b is also used elsewhere (factoring saves nothing); comparison context; signed operands
     "module t(input [7:0] a, b, c, input signed [7:0] e, f, g, output [7:0] y, z, output w, output [7:0] v);\n"
     "assign y = a * b + a * c;\nassign z = a * b;\nassign w = (a * c + a * d(b)) == 0;\n"
     "assign v = e * f + e * g;\nfunction [7:0] d(input [7:0] x); d = x; endfunction\nendmodule\n"),
]

_MUX2 = ("module mux2to1(input wire in0, input wire in1, input wire sel, output reg out);\n"
         "  always @(*) begin\n    out = sel ? in1 : in0;\n  end\nendmodule\n")
CASES += [
    ("mux_shared_data_select_merge",
     "// header comment kept\nmodule top(input s, c, d, a, b, output y);\n  wire x0, x1;\n"
     "  mux2to1 m0 (.in0(a), .in1(b), .sel(c), .out(x0));\n  mux2to1 m1 (.in0(a), .in1(b), .sel(d), .out(x1));\n"
     "  mux2to1 m2 (.in0(x0), .in1(x1), .sel(s), .out(y));\nendmodule\n" + _MUX2,
     ".in0(a), .in1(b), .sel(s ? d : c)",
     # x1 is also an output (read elsewhere); m3/m4 have different data inputs
     "module top(input s, c, d, a, b, e, output y, x1, z);\n  wire x0, x3, x4;\n"
     "  mux2to1 m0 (.in0(a), .in1(b), .sel(c), .out(x0));\n  mux2to1 m1 (.in0(a), .in1(b), .sel(d), .out(x1));\n"
     "  mux2to1 m2 (.in0(x0), .in1(x1), .sel(s), .out(y));\n"
     "  mux2to1 m3 (.in0(a), .in1(b), .sel(c), .out(x3));\n  mux2to1 m4 (.in0(a), .in1(e), .sel(d), .out(x4));\n"
     "  mux2to1 m5 (.in0(x3), .in1(x4), .sel(s), .out(z));\nendmodule\n" + _MUX2),
]


def test_mux_select_merge_needs_a_plain_mux_module():
    t = REGISTRY["mux_shared_data_select_merge"]
    top = ("module top(input s, c, d, a, b, output y);\n  wire x0, x1;\n"
           "  mux2to1 m0 (.in0(a), .in1(b), .sel(c), .out(x0));\n  mux2to1 m1 (.in0(a), .in1(b), .sel(d), .out(x1));\n"
           "  mux2to1 m2 (.in0(x0), .in1(x1), .sel(s), .out(y));\nendmodule\n")
    assert len(t.match(top + _MUX2)) == 1
    # the "mux" also inverts: not a plain 2:1 mux, no match
    inv = _MUX2.replace("out = sel ? in1 : in0;", "out = sel ? in1 : ~in0;")
    assert t.match(top + inv) == []
    # a 2-bit select port is not a 2:1 mux select
    wide = _MUX2.replace("input wire sel", "input wire [1:0] sel")
    assert t.match(top + wide) == []
    new = t.rewrite(top + _MUX2, t.match(top + _MUX2))
    assert new is not None and "m0" not in new and "m1" not in new and "wire x0, x1;" in new


@pytest.mark.yosys
def test_algebraic_factoring_expands_to_share_a_product(tmp_path: Path):
    t = REGISTRY["algebraic_factoring"]
    text = "module t(input [7:0] a, b, c, output [7:0] p, y);\nassign p = a * b;\nassign y = (b + 1) * a + c;\nendmodule\n"
    ms = t.match(text)
    assert len(ms) == 1
    new = t.rewrite(text, ms)
    assert new is not None and "assign y = ((a * b) + a) + c;" in new, new
    # no product to share: no expansion; 32-bit wide use (comparison): no expansion
    assert t.match("module t(input [7:0] a, b, c, output [7:0] y);\nassign y = (b + 1) * a + c;\nendmodule\n") == []
    assert t.match("module t(input [7:0] a, b, output [7:0] p, output y);\nassign p = a * b;\n"
                   "assign y = (b + 1) * a > 8'd3;\nendmodule\n") == []
    # a product with the same names in another module is a different signal
    assert t.match("module u(input [7:0] a, b, output [7:0] p);\nassign p = a * b;\nendmodule\n"
                   "module t(input [7:0] a, b, output [7:0] y);\nassign y = (b + 1) * a;\nendmodule\n") == []
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(text)
    h.write_text(new)
    gold = open_design(g)
    res = check_equivalence(gold, open_design(h, gold.top), VerifyOptions(timeout_s=60))
    assert res.verdict.name == "EQUIVALENT", (res.verdict, res.reason, new)


# add/sub merging, bit-width reduction, multiplier digit split, structural arithmetic (rtlopt/templates/
# _addsub.py, _width.py, _mulsplit.py, _structural.py; more cases in tests/test_templates_width.py)
RULE_IDS |= {"add_sub_merging", "bitwidth_reduction", "multiplier_digit_split", "structural_adder_to_operator",
             "register_width_reduction"}
CASES += [
    ("add_sub_merging",
     mod("assign y = s ? a - b : a + b;", "input [7:0] a, b, input s, output [7:0] y"), "a + (b ^ {8{s}}) + s",
     # different operands; signed arithmetic
     mod("assign y = s ? a - b : a + c;\nassign z = s ? e - f : e + f;",
         "input [7:0] a, b, c, input signed [7:0] e, f, input s, output [7:0] y, output signed [7:0] z")),
    ("bitwidth_reduction",
     mod("reg [31:0] t;\nalways @(*) t = a + b;\nassign y = t[8:0];", "input [7:0] a, b, output [8:0] y"),
     "reg [8:0] t;",
     # t is compared (all bits observed); u is written through a right shift (its low bits need the carry)
     mod("reg [31:0] t, u;\nalways @(*) begin\n  t = a + b;\n  u = (a + b) >> 1;\nend\n"
         "assign y = t > 32'd300;\nassign z = u[7:0];", "input [7:0] a, b, output y, output [7:0] z")),
    ("multiplier_digit_split",
     mod("assign y = a * b;", "input [3:0] a, b, output [7:0] y"), "a * b[1:0] + ((a * b[3:2]) << 2)",
     # constant operand; signed operands; a 3-bit multiplier operand is too narrow to split
     mod("assign y = a * 4'd5;\nassign z = e * f;\nassign v = a * c;",
         "input [3:0] a, input [2:0] c, input signed [3:0] e, f, output [7:0] y, v, output signed [7:0] z")),
    ("register_width_reduction",
     mod("reg [15:0] cnt;\nalways @(posedge s)\n  if (c[0]) cnt <= 16'd0;\n  else if (cnt == 16'd9) cnt <= 16'd0;\n"
         "  else cnt <= cnt + 16'd1;\nassign y = cnt;", "input s, input [7:0] c, output [15:0] y"),
     "reg [3:0] cnt;",
     # free-running (no comparison bounds it); loaded from a full-width input
     mod("reg [15:0] cnt, r;\nalways @(posedge s) begin\n  cnt <= cnt + 16'd1;\n  r <= d;\n"
         "  if (r == 16'd3) r <= 16'd0;\nend\nassign y = cnt ^ r;",
         "input s, input [15:0] d, output [15:0] y")),
    ("structural_adder_to_operator",
     "// header comment kept\nmodule t(input [3:0] a, b, output [4:0] s);\n  wire [4:0] c;\n"
     "  assign c[0] = 1'b0;\n  genvar i;\n  generate for (i = 0; i < 4; i = i + 1) begin : g\n"
     "    fa u (.a(a[i]), .b(b[i]), .ci(c[i]), .s(s[i]), .co(c[i+1]));\n  end endgenerate\n"
     "  assign s[4] = c[4];\nendmodule\n"
     "module fa(input a, b, ci, output s, co);\n  assign s = a ^ b ^ ci;\n"
     "  assign co = (a & b) | (ci & (a ^ b));\nendmodule\n",
     "assign s = a + b;",
     # behavioural already; three wide operands (no adder/multiplier port shape)
     "module t(input [3:0] a, b, output [4:0] s);\n  assign s = a + b;\nendmodule\n"
     "module u(input [3:0] a, b, c, output [4:0] s);\n  wire [4:0] w;\n"
     "  t i0 (.a(a), .b(b), .s(w));\n  t i1 (.a(w[3:0]), .b(c), .s(s));\nendmodule\n"),
]


# commutativity/associativity-aware sharing (rtlopt/templates/_assoc.py; more in tests/test_templates_assoc.py)
RULE_IDS |= {"commutative_reassociation"}
# selections whose arms are complements (tests/test_comparm.py) and implied condition terms
# (tests/test_implied_term.py) are tested in their own files
RULE_IDS |= {"complement_arm_xor", "implied_condition_term"}
_CMPXOR = mod("reg r;\nalways @* begin\n  case (sel)\n    3'd0: r = a == b;\n    3'd1: r = ~(a == b);\n"
              "    3'd4: r = a < b;\n    3'd5: r = !(a < b);\n    default: r = 1'b0;\n  endcase\nend\n"
              "assign y = {15'd0, r};")
_IMPLIED = mod("reg [15:0] r;\nalways @* begin\n  r = 16'd0;\n  if (s) begin\n    if (s && a > b) r = {8'd0, c};\n"
               "  end\nend\nassign y = r;")
CASES += [
    ("complement_arm_xor", _CMPXOR, "r = (a == b) ^ sel[0];",
     # the 'complement' of a < b compares another operand pair
     _CMPXOR.replace("3'd5: r = !(a < b);", "3'd5: r = !(a < c);")),
    ("implied_condition_term", _IMPLIED, "if ((a > b)) r = {8'd0, c};",
     # the enclosing branch tests another signal
     _IMPLIED.replace("if (s && a > b)", "if (sel[0] && a > b)")),
]
CASES += [
    ("commutative_reassociation",
     mod("assign y = (b + c + a) * (d * c);\nassign z = (a + d + b) + (c * d);",
         "input [7:0] a, b, c, d, output [7:0] y, z"), "= a + b;",
     # the 16-bit comparison keeps the carry of a + b, the 8-bit sum does not; a signed/unsigned pair
     mod("assign y = a + b + c;\nassign x = (b + a + d) > e;\nassign z = (sa + sb) * u;\n"
         "assign w = (sb + sa) * sc;",
         "input [7:0] a, b, c, d, u, input [15:0] e, input signed [7:0] sa, sb, sc, output [7:0] y, "
         "output x, output [15:0] z, output signed [15:0] w")),
]

# arrays used in exclusive controller phases share one array (rtlopt/templates/_memory.py; more in
# tests/test_templates_memory.py)
_MEMFOLD = ("module t(input clk, rst, go, input a, input [7:0] d, output reg [7:0] q);\n"
            "  reg [7:0] m1 [0:1];\n  reg [7:0] m2 [0:1];\n  reg [1:0] st;\n  always @(posedge clk)\n"
            "    if (rst) begin st <= 2'd0; q <= 8'd0; end\n    else case (st)\n"
            "      2'd0: if (go) begin m1[0] <= d; m1[1] <= ~d; st <= 2'd1; end\n"
            "      2'd1: begin q <= m1[a]; st <= 2'd2; end\n"
            "      2'd2: if (go) begin m2[0] <= d; m2[1] <= ~d; st <= 2'd3; end\n"
            "      2'd3: begin q <= m2[a]; st <= 2'd0; end\n    endcase\nendmodule\n")
RULE_IDS |= {"memory_folding"}
CASES += [
    ("memory_folding", _MEMFOLD, "2'd3: begin q <= m1[a];",
     # one arm reads both arrays
     _MEMFOLD.replace("q <= m1[a];", "q <= m1[a] ^ m2[a];")),
]

# constant bits of memory words are not stored (rtlopt/templates/_membits.py; more in
# tests/test_templates_membits.py)
_MEMBITS = ("// header comment kept\nmodule t(input [7:0] d, e, input s, output [7:0] y);\n"
            "  reg [7:0] m [0:1];\n  always @* begin\n    m[0] = {d[7:4], 4'b0000};\n"
            "    m[1] = {e[3:0], 4'b0000};\n  end\n  assign y = m[s];\nendmodule\n")
RULE_IDS |= {"memory_constant_bits_removal"}
CASES += [
    ("memory_constant_bits_removal", _MEMBITS, "assign y = {m[s], 4'b0000};",
     # a part-select read of a word sees the raw bits
     _MEMBITS.replace("y = m[s];", "y = m[s][7:1];")),
]

# resource sharing under exclusive guards (rtlopt/templates/_share.py; more in tests/test_templates_sharing.py)
_SHARE = ("module t(input [7:0] a, b, input [1:0] op, output reg [7:0] y);\n  always @* case (op)\n"
          "    2'd0: y = a + b;\n    2'd1: y = a - b;\n    default: y = a ^ b;\n  endcase\nendmodule\n")
_ISHARE = ("module m(input [7:0] a, b, output [15:0] p);\n  assign p = a * b;\nendmodule\n"
           "module t(input s, input [7:0] a, b, c, d, output [15:0] y);\n  wire [15:0] p0, p1;\n"
           "  m u0 (.a(a), .b(b), .p(p0));\n  m u1 (.a(c), .b(d), .p(p1));\n  assign y = s ? p1 : p0;\nendmodule\n")
RULE_IDS |= {"exclusive_operator_sharing", "exclusive_instance_sharing", "case_item_merge"}
CASES += [
    ("exclusive_operator_sharing", _SHARE, "wire [7:0] rtlopt_sh0 = a + (b ^ {8{rtlopt_sh0_sub}}) + rtlopt_sh0_sub;",
     # both evaluated together
     _SHARE.replace("2'd0: y = a + b;\n    2'd1: y = a - b;", "2'd0: y = (a + b) ^ (a - b);")),
    ("exclusive_instance_sharing", _ISHARE, "m u0 (.a(s ? c : a), .b(s ? d : b), .p(p0));",
     # both products read together
     _ISHARE.replace("s ? p1 : p0", "p0 ^ p1")),
    ("case_item_merge", _SHARE.replace("a - b", "a + b"), "2'd0, 2'd1: y = a + b;",
     # different statements
     _SHARE),
]

# priority chains over conditions proven exclusive (rtlopt/templates/_exclchain.py; more in
# tests/test_share_useguard.py)
RULE_IDS |= {"exclusive_chain_to_parallel"}
CASES += [
    ("exclusive_chain_to_parallel",
     "module t(input [7:0] a, input [7:0] p, q, r, output reg [7:0] y);\n"
     "wire s0 = a < 8'd4;\nwire s1 = a >= 8'd4 && a < 8'd8;\nalways @* begin\n"
     "  if (s0) y = p;\n  else if (s1) y = q;\n  else if (a[7]) y = r;\n  else y = 8'd0;\nend\nendmodule\n",
     "(* parallel_case *)",
     # a[2] and a < 4 overlap: the priority matters
     "module t(input [7:0] a, input [7:0] p, q, r, output reg [7:0] y);\nalways @* begin\n"
     "  if (a < 8'd4) y = p;\n  else if (a[2]) y = q;\n  else if (a[7]) y = r;\n  else y = 8'd0;\nend\nendmodule\n"),
]

# one (N+1)x(M+1) signed multiplier for products of the same words with different signedness
# (rtlopt/templates/_mulsign.py; more in tests/test_mulsign_share.py)
_MULSIGN = ("module t(input [1:0] f, input [5:0] a, b, output reg [5:0] y);\n"
            "  wire signed [11:0] pss = $signed(a) * $signed(b);\n  wire [11:0] puu = a * b;\n"
            "  always @* case (f)\n    2'd0: y = puu[5:0];\n    2'd1: y = pss[11:6];\n"
            "    default: y = puu[11:6];\n  endcase\nendmodule\n")
RULE_IDS |= {"multiplier_sign_sharing"}
CASES += [
    ("multiplier_sign_sharing", _MULSIGN, "wire signed [13:0] rtlopt_msm0 = rtlopt_msm0_ax * rtlopt_msm0_bx;",
     # both products read together
     _MULSIGN.replace("default: y = puu[11:6];", "default: y = puu[11:6] ^ pss[11:6];")),
]


_SHIFTMUX = ("// header comment kept\nmodule agu(input [1:0] m, input [1:0] sz, input [15:0] b, input [15:0] ix,\n"
             "           output [15:0] a);\n"
             "  wire [15:0] off = (m == 2'd1) ? ix : (m == 2'd2) ? (ix << sz) : 16'd4;\n"
             "  assign a = b + off;\nendmodule\n")
RULE_IDS |= {"shifted_arm_merge"}
CASES += [
    ("shifted_arm_merge", _SHIFTMUX, "(ix << (m[0] ? 2'd0 : sz))",
     # the shifted arm would have to pass an arm whose condition overlaps its own
     _SHIFTMUX.replace("(m == 2'd1) ? ix : (m == 2'd2)", "(m == 2'd1) ? ix : (m != 2'd0) ? b : (m == 2'd2)")),
]

# one left shift and a constant slice for x << (e - K) / x >> (K - e) (rtlopt/templates/_shiftpair.py;
# more in tests/test_heldout5_fixes_c.py)
_OPPSHIFT = mod("assign y = (e >= 4'd5) ? {4'd0, x} << (e - 4'd5) : {4'd0, x} >> (4'd5 - e);",
                "input [7:0] x, input [3:0] e, output [11:0] y")
RULE_IDS |= {"opposite_shift_pair"}
CASES += [
    ("opposite_shift_pair", _OPPSHIFT, "(({5'd0, {4'd0, x}} << e) >> 5)",
     # the right shift is against another constant
     _OPPSHIFT.replace("(4'd5 - e)", "(4'd6 - e)")),
]

# one shift with an extra fraction bit for the rounding bit (rtlopt/templates/_shiftround.py)
_RNDBIT = mod("assign y = (x >> s) + ((s == 4'd0) ? 1'b0 : x[s - 4'd1]);",
              "input [15:0] x, input [3:0] s, output [15:0] y")
RULE_IDS |= {"shift_round_bit"}
CASES += [
    ("shift_round_bit", _RNDBIT, "= {x, 1'b0} >> s;",
     # the selected bit is x[s], not the last one shifted out
     _RNDBIT.replace("x[s - 4'd1]", "x[s]")),
]

# one adder with the condition as carry-in (rtlopt/templates/_carryin.py)
_CIN = mod("assign y = s ? a + b + 8'd4 : a + b + 8'd3;", "input [7:0] a, b, input s, output [7:0] y")
RULE_IDS |= {"carry_in_select"}
CASES += [
    ("carry_in_select", _CIN, "((a + b + 8'd3) + (s ? 1'b1 : 1'b0))",
     # the constants differ by two
     _CIN.replace("8'd4", "8'd5")),
]

# heldout5 fixes (b): sticky mask, aligned ranges, complementary selections, if/else operand mux
_STK = mod("assign y = ((a >> c[2:0]) << c[2:0]) != a;", "input [7:0] a, c, output y")
_RNG = mod("assign y = (a >= 8'h40) && (a < 8'h60);", "input [7:0] a, output y")
_CPL = mod("assign y = (a < b) ? b : a;\nassign z = (b < a) ? b : a;", "input [7:0] a, b, output [7:0] y, z")
_BOM = mod("always @* if (s) begin if (a > c) y = c; else y = a; end\n"
           "  else begin if (b > c) y = c; else y = b; end", "input [7:0] a, b, c, input s, output reg [7:0] y")
RULE_IDS |= {"shift_roundtrip_sticky", "aligned_range_to_equality", "complementary_selection",
             "branch_operand_mux"}
CASES += [
    ("shift_roundtrip_sticky", _STK, "|(a & ~({8{1'b1}} << c[2:0]))",
     # shifted by different amounts
     _STK.replace("<< c[2:0]", "<< c[3:1]")),
    ("aligned_range_to_equality", _RNG, "(a & 8'he0) == 8'h40",
     # 0x40..0x5f is aligned; 0x48..0x67 is not
     _RNG.replace("8'h40", "8'h48").replace("8'h60", "8'h68")),
    ("complementary_selection", _CPL, "(a < b) ? a : b",
     # the conditions do not decide about the pair
     _CPL.replace("(a < b) ?", "s ?").replace("(b < a) ?", "t ?").replace("input [7:0] a, b,",
                                                                          "input s, t, input [7:0] a, b,")),
    ("branch_operand_mux", _BOM, "(s ? a : b) > c",
     # the arms differ in an operator, not an operand
     mod("always @* if (s) y = a + c; else y = a - c;", "input [7:0] a, c, input s, output reg [7:0] y")),
]
_RGA = mod("always @(posedge clk) if (clr || q == 4'hF) q <= 4'h0; else q <= q + 4'h1;",
           "input clk, input clr, output reg [3:0] q")
RULE_IDS |= {"redundant_guarded_arm"}
CASES += [
    ("redundant_guarded_arm", _RGA, "if (clr) q <= 4'h0;",
     # cleared one before the all-ones value: no overflow there
     _RGA.replace("q == 4'hF", "q == 4'hE")),
]


def test_registry_has_all_rule_ids():
    assert set(REGISTRY) == RULE_IDS
    for tid, t in REGISTRY.items():
        assert t.id == tid and t.rule == tid and t.description


def test_every_template_has_cases():
    assert {c[0] for c in CASES} == RULE_IDS


def _rewrite_all(tid: str, text: str) -> str | None:
    t = REGISTRY[tid]
    ms = t.match(text)
    if not ms:
        return None
    return t.rewrite(text, ms) or next((t.rewrite(text, [m]) for m in ms if t.rewrite(text, [m])), None)


@pytest.mark.parametrize(("tid", "pos", "expect", "neg"), CASES, ids=[c[0] for c in CASES])
def test_positive_matches_and_reparses(tid, pos, expect, neg):
    assert analyze(pos).errors == 0, "test input must be valid"
    new = _rewrite_all(tid, pos)
    assert new is not None and new != pos, f"{tid} did not match its positive example"
    assert expect in new, new
    assert analyze(new).errors == 0
    assert new.startswith("// header comment kept\n") or not pos.startswith("//")
    for m in REGISTRY[tid].match(pos):
        assert m.line >= 1 and m.template == tid and m.description


@pytest.mark.parametrize(("tid", "pos", "expect", "neg"), CASES, ids=[c[0] for c in CASES])
def test_negative_does_not_match(tid, pos, expect, neg):
    assert analyze(neg).errors == 0, "test input must be valid"
    assert REGISTRY[tid].match(neg) == [], [m.description for m in REGISTRY[tid].match(neg)]


@pytest.mark.yosys
@pytest.mark.parametrize(("tid", "pos", "expect", "neg"), CASES, ids=[c[0] for c in CASES])
def test_positive_rewrite_is_proven_equivalent(tid, pos, expect, neg, tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    new = _rewrite_all(tid, pos)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(pos)
    h.write_text(new)
    gold = open_design(g)
    res = check_equivalence(gold, open_design(h, gold.top), VerifyOptions(timeout_s=60))
    assert res.verdict.name == "EQUIVALENT", (res.verdict, res.reason, new)


def test_edits_keep_untouched_text_byte_for_byte():
    text = "/* license:\n   keep */\nmodule t(input [7:0] a, output [7:0] y);  // port comment\n" \
           "  assign y = ~(~a);   // trailing\nendmodule\n"
    new = _rewrite_all("double_negation", text)
    assert new == text.replace("~(~a)", "a")


def test_unicode_comments_offsets():
    text = "// Größe ünd ärger\nmodule t(input [7:0] a, output [7:0] y);\n  assign y = ~(~a); // é\nendmodule\n"
    new = _rewrite_all("double_negation", text)
    assert new == text.replace("~(~a)", "a")


def test_csd_and_mcm():
    for n in range(1, 300):
        assert sum(d << s for d, s in csd(n)) == n
        assert all(b[1] - a[1] >= 2 for a, b in zip(csd(n), csd(n)[1:], strict=False))  # non-adjacent
    plan, adders = mcm_plan([9, 23, 81], "x")
    assert adders == 3
    for c, expr in plan.items():
        assert eval(expr.replace("x", "7")) == 7 * c  # noqa: S307 - our own arithmetic text


def test_const_mult_keeps_context_width():
    # (a*10) >> 4 depends on bits above the 16-bit target: the operand must be extended to 32 bits
    text = "module t(input [7:0] a, output [15:0] y);\nassign y = (a * 10) >> 4;\nendmodule\n"
    new = _rewrite_all("const_mult_to_shift_add", text)
    assert new is not None and "{24'b0, a}" in new


def test_const_mult_signed_mismatch_casts():
    text = "module t(input signed [7:0] a, output signed [15:0] y);\nassign y = a * 8'd5;\nendmodule\n"
    new = _rewrite_all("const_mult_to_shift_add", text)
    assert new is not None and "$unsigned(a)" in new


def test_operator_sharing_if_else_blocking_vs_nonblocking():
    text = ("module t(input clk, input s, input [7:0] a, b, c, output reg [8:0] y);\n"
            "always @(posedge clk) begin\n  if (s) y <= a + b;\n  else y = a + c;\nend\nendmodule\n")
    assert REGISTRY["operator_sharing_across_mux"].match(text) == []


def test_redundant_registers_blocking_order_hazard():
    # t changes between the two non-blocking assignments: same text, different values
    text = ("module t(input clk, input [7:0] a, b, output [7:0] y);\n  reg [7:0] t, r1, r2;\n"
            "  always @(posedge clk) begin\n    t = a;\n    r1 <= t;\n    t = b;\n    r2 <= t;\n  end\n"
            "  assign y = r1 ^ r2;\nendmodule\n")
    assert analyze(text).errors == 0
    assert REGISTRY["redundant_register_removal"].match(text) == []


def test_helpers():
    assert paren("a") == "a" and paren("a[3:0]") == "a[3:0]" and paren("a + b") == "(a + b)"
    assert paren("(a) + (b)") == "((a) + (b))"
    assert literal(5, 4) == "4'b0101" and literal(-1, 8) == "8'hff" and literal(3, 16, True) == "16'sh3"


def test_stale_match_is_refused():
    t = REGISTRY["double_negation"]
    text = mod("assign y = ~(~a) + b;")
    m = t.match(text)[0]
    with pytest.raises(ValueError):
        t.apply(text.replace("~(~a)", "~(~b)"), m)


def test_tidy_removes_only_wires_the_rewrite_left_unread():
    """Wires read in the original and read nowhere after a rewrite go (with the comment on their line,
    transitively); a wire the designer left unread stays, and so does every other byte."""
    from rtlopt.templates._stmt import tidy_unread

    original = ("module t(input [7:0] x, output [9:0] y);\n"
                "    wire [9:0] t0 = x * 3;    // tap 0\n"
                "    wire [9:0] t1;\n    assign t1 = t0 + x;\n"
                "    wire [7:0] spare = ~x;    // designer's own\n"
                "    assign y = t1;  /* out */\nendmodule\n")
    rewritten = original.replace("assign y = t1;", "assign y = x * 4;")
    tidy = tidy_unread(original, rewritten)
    assert "t0" not in tidy and "t1" not in tidy and "tap 0" not in tidy
    assert "wire [7:0] spare = ~x;    // designer's own\n" in tidy
    assert "assign y = x * 4;  /* out */" in tidy
    assert tidy_unread(original, original) == original
