"""The metamorphic benchmark's restylings keep behaviour (proven) and really change the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.bench.restyle import STYLES, restyle
from rtlopt.design import open_design
from rtlopt.verify import VerifyOptions, check_equivalence

DESIGN = """// a small datapath
module dp #(parameter W = 6) (
    input clk,
    input [W-1:0] a, b,
    input sel,
    output [W:0] y,
    output reg [W:0] q,
    output reg z
);
    wire [W:0] s;
    reg [W:0] d;
    wire [W-1:0] m = a | b;
    reg [W:0] e;
    reg [W-1:0] p2, p3;
    always @(a or b) begin p2 = a * 2; p3 = b * 3; end
    assign s = a + b;
    always @* d = sel ? s : (a - b);
    assign y = d ^ {1'b0, m} ^ e ^ p2 ^ p3;
    always @* begin
        case (a[1:0])
            2'd0, 2'd3: e = s;
            default: if (sel) e = {1'b0, b}; else begin e = d; end
        endcase
    end
    always @(posedge clk) begin
        q <= d;
        z <= (a == b) & s[0];
    end
    adder_cell #(.N(W)) u (.x(a), .y(b), .sum());
endmodule

module adder_cell #(parameter N = 4) (input [N-1:0] x, y, output [N:0] sum);
    assign sum = x + y;
endmodule
"""


@pytest.mark.yosys
@pytest.mark.parametrize("style", STYLES)
def test_restyled_variant_is_proven_equivalent(tmp_path: Path, style: str):
    new = restyle(DESIGN, style, "dp")
    assert new is not None and new != DESIGN
    a, b = tmp_path / "a.v", tmp_path / "b.v"
    a.write_text(DESIGN)
    b.write_text(new)
    res = check_equivalence(open_design([a], "dp"), open_design([b], "dp"), VerifyOptions(timeout_s=120))
    assert res.verdict.name == "EQUIVALENT", (style, new)


def test_styles_change_what_they_claim():
    assert "rs_0" in restyle(DESIGN, "rename", "dp") and ".x(a)" in restyle(DESIGN, "rename", "dp")
    assert "always @* s = a + b;" in restyle(DESIGN, "always", "dp")
    assert "reg [W-1:0] m; always @* m = a | b;" in restyle(DESIGN, "always", "dp")
    assert "assign d = sel ? s : (a - b);" in restyle(DESIGN, "assign", "dp")
    assert "e = ((a[1:0]) == (2'd0) || (a[1:0]) == (2'd3)) ? (s) : (sel) ? ({1'b0, b}) : (d);" \
        in restyle(DESIGN, "ternary", "dp")
    a = restyle(DESIGN, "assign", "dp")
    assert "wire [W-1:0] p2, p3;" in a and "assign p2 = a * 2;\n    assign p3 = b * 3;" in a
    assert "always @* sum = x + y;" in restyle(DESIGN, "always", "dp")  # sub-modules are restyled too
    assert "always @(posedge clk) q <= d;\n    always @(posedge clk) z <= (a == b) & s[0];" \
        in restyle(DESIGN, "always", "dp")
    h = restyle(DESIGN, "hierarchy", "dp")
    assert "module dp_core" in h and "dp_core #(.W(W)) u_core" in h and "output wire [W:0] q" in h
    assert restyle("module m(input a, output y); endmodule\n", "always") is None
    async_reset = "module m(input c, r, d, output reg q);\n always @(posedge c or posedge r) if (r) q <= 0; else q <= d;\nendmodule\n"
    assert restyle(async_reset, "ternary") is None  # the reset's if/else stays control flow


FSM_ARMS = """module f(input clk, input x, output reg z);
    reg [1:0] s, n;
    always @(posedge clk) s <= n;
    always @(*) begin
        case (s)
            2'd0: begin n = x ? 2'd1 : 2'd0; z = 1'b0; end
            2'd1: if (x) begin n = 2'd2; z = 1'b1; end else begin n = 2'd0; z = 1'b0; end
            default: begin
                // back to the start
                n = 2'd0; z = x;
            end
        endcase
    end
endmodule
"""


@pytest.mark.yosys
def test_ternary_splits_arms_that_assign_several_targets(tmp_path: Path):
    # the FSM examples assign next state and output in every arm: one ?: chain per target
    new = restyle(FSM_ARMS, "ternary")
    assert new is not None and "case" not in new
    assert "n = ((s) == (2'd0)) ? (x ? 2'd1 : 2'd0) : ((s) == (2'd1)) ? (x) ? (2'd2) : (2'd0) : (2'd0);" in new
    assert "z = ((s) == (2'd0)) ? (1'b0)" in new
    a, b = tmp_path / "a.v", tmp_path / "b.v"
    a.write_text(FSM_ARMS)
    b.write_text(new)
    res = check_equivalence(open_design([a], "f"), open_design([b], "f"), VerifyOptions(timeout_s=120))
    assert res.verdict.name == "EQUIVALENT", new
    # an arm that reads a target it assigns, or arms with different targets: the case stays (the
    # if/else inside one arm still becomes two ?: chains)
    for bad in (FSM_ARMS.replace("z = x;", "z = n[0];"), FSM_ARMS.replace("n = 2'd0; z = x;", "n = 2'd0;")):
        out = restyle(bad, "ternary")
        assert "case (s)" in out and "begin n = (x) ? (2'd2) : (2'd0); z = (x) ? (1'b1) : (1'b0); end" in out
