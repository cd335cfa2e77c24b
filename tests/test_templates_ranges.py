"""Value ranges through registers from reset: register_width_reduction's z3-inductive path.

Positives in several styles (ternary update, saturating accumulator, compare-bounded index, reload
down-counter, narrow loads through a mux); negatives (free-running, loaded from a full-width value,
no reset, a bound that only raises a flag); proofs with the real verifier.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._regwidth import RegisterWidthReduction, inductive_bound
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()

HEAD = "module t(input clk, rst, en, input [3:0] d, input [7:0] a, b, output [31:0] y);\n  reg [31:0] r;\n"


def _new(body: str) -> str:
    text = HEAD + "  " + body + "\n  assign y = r;\nendmodule\n"
    ms = [m for m in RW.match(text) if not m.data.get("alternative")]  # (in-place spellings: their own tests)
    assert ms, "no match"
    new = RW.rewrite(text, ms)
    assert new is not None and analyze(new).errors == 0
    return new


@pytest.mark.parametrize("body,bits", [
    # mod-N counter, ternary update
    ("always @(posedge clk) r <= rst ? 32'd0 : en ? ((r == 32'd23) ? 32'd0 : r + 32'd1) : r;", 5),
    # saturating accumulator
    ("always @(posedge clk) if (rst) r <= 0; else if (r + d > 32'd1000) r <= 32'd1000; else r <= r + d;", 10),
    # index bounded by a compare, step 3
    ("always @(posedge clk) if (rst) r <= 0; else if (r < 32'd60) r <= r + 32'd3;", 6),
    # reload down-counter
    ("always @(posedge clk) if (rst) r <= 0; else if (en) r <= 32'd12; else if (r != 0) r <= r - 32'd1;", 4),
    # loads of narrow inputs through a mux
    ("always @(posedge clk) if (rst) r <= 0; else if (en) r <= d[0] ? {24'd0, a} : {24'd0, b};", 8),
])
def test_inductive_styles(body, bits):
    new = _new(body)
    # the syntactic bound narrows in place; the z3-inductive one behind a full-width alias
    assert f"reg [{bits - 1}:0] r;" in new or (f"reg [{bits - 1}:0] r_q;" in new and "wire [31:0] r = r_q;" in new)
    assert "assign y = r;" in new  # reads untouched


@pytest.mark.parametrize("body", [
    "always @(posedge clk) if (rst) r <= 0; else r <= r + 32'd1;",  # free-running
    "always @(posedge clk) if (rst) r <= 0; else r <= {a, b, a, b};",  # full-width load
    "always @(posedge clk) r <= (r == 32'd23) ? 32'd0 : r + 32'd1;",  # no reset: starts anywhere
    "always @(posedge clk) if (rst) r <= 0; else if (en) r <= r + {28'd0, d};",  # unbounded accumulation
    # the compare only raises a flag; the counter still runs past it
    "reg f;\n  always @(posedge clk) if (rst) begin r <= 0; f <= 0; end else begin r <= r + 1; f <= r == 9; end",
])
def test_unbounded_is_not_narrowed(body):
    text = HEAD + "  " + body + "\n  assign y = r;\nendmodule\n"
    assert all("r 32 ->" not in m.description for m in RW.match(text)), [m.description for m in RW.match(text)]


def test_bound_is_the_inductive_one():
    text = HEAD + "  always @(posedge clk) if (rst) r <= 0; else r <= (r == 32'd999) ? 32'd0 : r + 32'd1;\n" \
        "  assign y = r;\nendmodule\n"
    an = analyze(text)
    from rtlopt.templates._width import BitwidthReduction, _key
    cands = BitwidthReduction._candidates(an)
    key = next(k for k in cands if k[0] == "r")
    writes = [x.node for x in an.exprs if type(x.node).__name__ == "AssignmentExpression"
              and type(x.node.left).__name__ == "NamedValueExpression" and _key(x.node.left.symbol) == key]
    assert inductive_bound(an, key, cands[key], writes) == 10  # 999 < 1024, although 1023 -> 1024 would not be


def _prove(tmp_path: Path, gold: str, gate: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(gold)
    h.write_text(gate)
    # verdicts only: no z3 trace search after ABC finds the narrowing too short
    return check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=90, counterexample=False))


@pytest.mark.yosys
@pytest.mark.slow
def test_inductive_rewrites_are_proven(tmp_path):
    body = "always @(posedge clk) r <= rst ? 32'd0 : en ? ((r == 32'd23) ? 32'd0 : r + 32'd1) : r;"
    text = HEAD + "  " + body + "\n  assign y = r;\nendmodule\n"
    assert _prove(tmp_path, text, _new(body)).verdict.name == "EQUIVALENT"
    # one bit fewer than the bound needs is caught
    wrong = _new(body).replace("reg [4:0] r_q;", "reg [3:0] r_q;")
    assert _prove(tmp_path, text, wrong).verdict.name == "NOT_EQUIVALENT"


OUTREG = """module od(input clk, rst, en, output reg [15:0] count);
  always @(posedge clk)
    if (rst) count <= 0;
    else if (en) count <= (count == 16'd433) ? 16'd0 : count + 16'd1;
endmodule
"""


def test_output_reg_narrowed_behind_a_copy():
    ms = RW.match(OUTREG)
    assert [m.description for m in ms] == [
        "register_width_reduction at line 2: output count 16 -> 9 bits behind a copy (inductive value range "
        "from reset, proven with z3)"]
    new = RW.rewrite(OUTREG, ms)
    assert analyze(new).errors == 0
    # the port declaration stays byte for byte; the register behind it is 9 bits
    assert "output reg [15:0] count);" in new and "reg [8:0] count_q;\n  always @* count = count_q;" in new
    assert "count_q <= 0;" in new and "count_q <= (count == 16'd433)" in new


@pytest.mark.parametrize("body", [
    # free-running: every 16-bit value is reached
    "always @(posedge clk) if (rst) count <= 0; else count <= count + 16'd1;",
    # written by a combinational block: not a register
    "always @* count = en ? 16'd5 : 16'd0;",
])
def test_output_reg_not_narrowed(body):
    text = f"module od(input clk, rst, en, output reg [15:0] count);\n  {body}\nendmodule\n"
    assert RW.match(text) == []


@pytest.mark.yosys
def test_top_value_comparison_of_a_bounded_register(tmp_path):
    """A 4-bit FIFO count that provably stays <= 8: ``count == 8`` is ``count >= 8`` (its top bit),
    ``count != 8`` is ``count < 8``; a value it can exceed (3) is left alone. Proven from reset."""
    text = ("module f(input clk, rst, push, pop, output full, nf, three);\n  reg [3:0] count;\n"
            "  always @(posedge clk)\n    if (rst) count <= 4'd0;\n"
            "    else if (push && !pop && count < 4'd8) count <= count + 4'd1;\n"
            "    else if (pop && !push && count != 4'd0) count <= count - 4'd1;\n"
            "  assign full = count == 4'd8;\n  assign nf = 4'd8 != count;\n  assign three = count == 4'd3;\n"
            "endmodule\n")
    ms = [m for m in RW.match(text) if "largest value" in m.description]
    assert len(ms) == 1, [m.description for m in RW.match(text)]
    new = RW.rewrite(text, ms)
    assert "assign full = count >= 4'd8;" in new and "assign nf = 4'd8 > count;" in new
    assert "assign three = count == 4'd3;" in new
    assert _prove(tmp_path, text, new).verdict.name == "EQUIVALENT"
    # a counter that wraps past 8 (no guard): nothing claimed
    free = text.replace("push && !pop && count < 4'd8", "push && !pop")
    assert not [m for m in RW.match(free) if "largest value" in m.description]
