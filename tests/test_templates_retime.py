"""register_retiming: full backward retiming of the registers feeding one expression, implicit nets.

Positive cases must match, re-parse without new errors and (with the tools) be proven equivalent;
negative cases show where the retiming must not fire (and, for one, that the verifier rejects the
naive rewrite the template refuses to make).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import BENCH, SKY130

from rtlopt.design import open_design
from rtlopt.hdl.edit import Edit
from rtlopt.templates import REGISTRY, analyze
from rtlopt.templates._stmt import _implicit_net_view, _map_back

T = REGISTRY["register_retiming"]
ADD3 = BENCH / "short_benchmark" / "basic" / "add3"
BALANCE = BENCH / "short_benchmark" / "basic" / "register_balancing"

needs_bench = pytest.mark.skipif(not ADD3.is_dir(), reason="benchmark suite not present")


def collapse(text: str) -> list:
    """The full-retiming matches (those that remove every register feeding the expression)."""
    return [m for m in T.match(text) if "feed only" in m.description]


def retimed(text: str) -> str:
    ms = collapse(text)
    assert len(ms) == 1, [m.description for m in T.match(text)]
    new = T.rewrite(text, ms)
    assert new is not None
    return new


def clocked(body: str, decl: str = "reg [3:0] r1, r2, r3;",
            ports: str = "input clk, input [3:0] a, b, c, output reg [3:0] s") -> str:
    return f"module t({ports});\n  {decl}\n  always @(posedge clk) begin\n{body}\n  end\nendmodule\n"


PLAIN = clocked("    r1 <= a;\n    r2 <= b;\n    r3 <= c;\n    s <= r1 + r2 + r3;")
# one register per always block, with the same clock, asynchronous reset and enable (a pipeline stage
# written the way many designers write it); r2's block lists its events in the other order
SEPARATE = ("module t(input clk, rst, en, input [3:0] a, b, output reg [3:0] s);\n  reg [3:0] r1, r2;\n"
            "  always @(posedge clk or posedge rst)\n    if (rst) r1 <= 4'd1;\n    else if (en) r1 <= a;\n"
            "  always @(posedge rst or posedge clk) begin\n    if (rst) r2 <= 4'd2; else if (en) begin r2 <= b; end\n"
            "  end\n  always @(posedge clk or posedge rst) if (rst) s <= 0; else if (en) s <= r1 ^ r2;\nendmodule\n")


# ---------------------------------------------------------------- matching (no tools)

@needs_bench
def test_add3_implicit_nets_are_retimed_into_one_register():
    text = (ADD3 / "add3.v").read_text()
    assert analyze(text).errors == 12  # reg_d..reg_i are undeclared (implicit 1-bit nets)
    new = retimed(text)
    assert "sum_pre <= in_a + in_b + in_c + in_d + in_e + in_f + in_g + in_h + in_i;" in new
    assert "sum <= sum_pre;" in new
    assert "reg sum_pre;" in new  # the 1-bit width of sum, in place of 'reg reg_a, reg_b, reg_c;'
    assert "reg_" not in new
    assert analyze(new).errors == 0  # the rewrite removed the errors, added none
    # everything outside the edits is byte-for-byte the original
    assert new.startswith(text[:text.index("reg reg_a")]) and new.endswith(text[text.index("        end\n"):])


@needs_bench
def test_register_balancing_keeps_the_pairwise_retiming():
    text = (BALANCE / "basic1.v").read_text()
    descs = [m.description for m in T.match(text)]
    assert any("registers reg_a, reg_b feed one '+': retimed into reg_a" in d for d in descs), descs
    pair = next(m for m in T.match(text) if "feed one" in m.description)
    assert "reg_a <= in_a + in_b;" in T.rewrite(text, [pair])
    assert "sum_pre <= in_a + in_b + in_c;" in retimed(text)


def test_registers_in_separate_always_blocks_are_one_stage():
    """Which registers form a stage is decided by when they are written (clock events, reset and
    enable conditions), not by sharing one begin/end: separate blocks retime like one block."""
    one_per_block = ("module t(input clk, input [3:0] a, b, c, output reg [3:0] s);\n  reg [3:0] r1, r2, r3;\n"
                     "  always @(posedge clk) r1 <= a;\n  always @(posedge clk) r2 <= b;\n"
                     "  always @(posedge clk) begin\n    r3 <= c;\n  end\n  always @(posedge clk) s <= r1 + r2 + r3;\n"
                     "endmodule\n")
    new = retimed(one_per_block)
    assert "  always @(posedge clk) s_pre <= a + b + c;\n" in new and "s <= s_pre;" in new
    assert "r1" not in new and "r2" not in new and "r3" not in new and analyze(new).errors == 0
    assert new.count("always") == 2  # the emptied blocks are removed whole
    pair = next(m for m in T.match(one_per_block) if "feed one" in m.description)
    paired = T.rewrite(one_per_block, [pair])
    assert "always @(posedge clk) r1 <= (a) + (b);" in paired or "always @(posedge clk) r1 <= a + b;" in paired
    assert "r2 <=" not in paired and "+ r2" not in paired and analyze(paired).errors == 0
    new = retimed(SEPARATE)
    assert "if (rst) s_pre <= 4'b0011;\n    else if (en) s_pre <= a ^ b;" in new  # reset 1 ^ 2, same enable
    assert "else if (en) s <= s_pre;" in new and "r1" not in new and "r2" not in new
    assert analyze(new).errors == 0


def test_plain_registers_declared_width_kept():
    new = retimed(PLAIN)
    assert "reg [3:0] s_pre;" in new and "s_pre <= a + b + c;" in new and "s <= s_pre;" in new
    assert "r1" not in new and "r2" not in new and "r3" not in new


def test_partial_declaration_keeps_other_names():
    text = clocked("    r1 <= a;\n    r2 <= b;\n    r3 <= c;\n    s <= r1 ^ r2;", ports="input clk, input [3:0] a, b, c, "
                   "output reg [3:0] s, output [3:0] q") .replace("endmodule", "assign q = r3;\nendmodule")
    new = retimed(text)
    assert "reg [3:0] r3;" in new and "s_pre <= a ^ b;" in new and "r3 <= c;" in new
    assert "reg [3:0] s_pre;" in new
    assert analyze(new).errors == 0


def test_low_bit_operators_allow_expression_loads():
    # the loads are sums (not plain names), s is no wider than the registers: low bits are exact
    text = clocked("    r1 <= a + b;\n    r2 <= c - a;\n    s <= r1 * r2 + 4'd1;")
    assert "s_pre <= (a + b) * (c - a) + 4'd1;" in retimed(text)


def test_reset_values_move_with_the_registers():
    text = ("module t(input clk, rst, input [3:0] a, b, output reg [3:0] s);\n  reg [3:0] r1, r2;\n"
            "  always @(posedge clk or posedge rst)\n    if (rst) begin\n      r1 <= 4'd3;\n      r2 <= 4'd1;\n"
            "      s <= 4'd0;\n    end else begin\n      r1 <= a;\n      r2 <= b;\n      s <= ~(r1 + r2);\n    end\n"
            "endmodule\n")
    new = retimed(text)
    assert "s_pre <= 4'b1011;" in new  # ~(3 + 1) in 4 bits
    assert "s_pre <= ~(a + b);" in new and "s <= s_pre;" in new


def test_new_name_avoids_existing_identifiers():
    text = PLAIN.replace("input clk,", "input clk, input s_pre,")
    assert "s_pre2 <= a + b + c;" in retimed(text)


NEGATIVE = {
    "register read elsewhere": clocked("    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2;", ports="input clk, input [3:0] "
                                       "a, b, output reg [3:0] s, output [3:0] q").replace(
                                           "endmodule", "assign q = r2;\nendmodule"),
    "expression also reads an input": clocked("    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2 + c;"),
    "registers in blocks of different clocks": "module t(input clk, clk2, input [3:0] a, b, output reg [3:0] s);\n"
                                               "  reg [3:0] r1, r2;\n  always @(posedge clk2) r1 <= a;\n"
                                               "  always @(posedge clk) begin\n    r2 <= b;\n    s <= r1 + r2;\n"
                                               "  end\nendmodule\n",
    "registers in blocks of different clock edges": "module t(input clk, input [3:0] a, b, output reg [3:0] s);\n"
                                                    "  reg [3:0] r1, r2;\n  always @(negedge clk) r1 <= a;\n"
                                                    "  always @(posedge clk) r2 <= b;\n"
                                                    "  always @(posedge clk) s <= r1 + r2;\nendmodule\n",
    "separate blocks, one register has another enable": SEPARATE.replace("else if (en) begin r2", "else if (!en) begin r2"),
    "separate blocks, the result is not enabled": SEPARATE.replace("else if (en) s", "else s"),
    "separate blocks, one register is reset in another block": SEPARATE.replace(
        "    if (rst) r1 <= 4'd1;\n    else if (en) r1 <= a;\n",
        "    if (en) r1 <= a;\n  always @(posedge clk or posedge rst)\n    if (rst) r1 <= 4'd1;\n"),
    "one register has an enable the other lacks": clocked("    r1 <= a;\n    if (c[0]) begin\n      r2 <= b;\n"
                                                          "    end\n    s <= r1 + r2;"),
    "only one register is reset": "module t(input clk, rst, input [3:0] a, b, output reg [3:0] s);\n"
                                  "  reg [3:0] r1, r2;\n  always @(posedge clk)\n    if (rst) begin\n      r1 <= 4'd0;\n"
                                  "    end else begin\n      r1 <= a;\n      r2 <= b;\n      s <= r1 + r2;\n    end\n"
                                  "endmodule\n",
    "reset value is not a constant": "module t(input clk, rst, input [3:0] a, b, output reg [3:0] s);\n"
                                     "  reg [3:0] r1, r2;\n  always @(posedge clk)\n    if (rst) begin\n"
                                     "      r1 <= b;\n      r2 <= a;\n    end else begin\n      r1 <= a;\n      r2 <= b;\n"
                                     "      s <= r1 + r2;\n    end\nendmodule\n",
    "initial value": clocked("    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2;", decl="reg [3:0] r1 = 4'd0, r2;"),
    "combinational block": "module t(input [3:0] a, b, output reg [3:0] s);\n  reg [3:0] r1, r2;\n"
                           "  always @(*) begin\n    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2;\n  end\nendmodule\n",
    "bit select of a register": clocked("    r1 <= a;\n    r2 <= b;\n    s <= r1[2:0] + r2;"),
    "result wider than every register (carry kept)": clocked("    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2;",
                                                             ports="input clk, input [3:0] a, b, output reg [4:0] s"),
    "truncating load under a wider context": clocked("    r1 <= a + b;\n    r2 <= e;\n    s <= r1 > r2;",
                                                     decl="reg [3:0] r1;\n  reg [4:0] r2;",
                                                     ports="input clk, input [3:0] a, b, input [4:0] e, output reg s"),
    "signed register with an expression load": clocked("    r1 <= a + b;\n    r2 <= b;\n    s <= r1 + r2;",
                                                       decl="reg signed [3:0] r1, r2;"),
    "blocking assignment feeds a load": clocked("    x = a + b;\n    r1 <= x;\n    r2 <= b;\n    s <= r1 + r2;",
                                                decl="reg [3:0] r1, r2, x;"),
    "register is a port": "module t(input clk, input [3:0] a, b, output reg [3:0] s, output reg [3:0] r1);\n"
                          "  reg [3:0] r2;\n  always @(posedge clk) begin\n    r1 <= a;\n    r2 <= b;\n"
                          "    s <= r1 + r2;\n  end\nendmodule\n",
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_does_not_collapse(name: str):
    text = NEGATIVE[name]
    assert analyze(text).errors == 0, "test input must be valid"
    assert collapse(text) == [], [m.description for m in collapse(text)]


def test_implicit_nets_only_when_yosys_would_create_them():
    body = "    r1 <= a;\n    r2 <= b;\n    s <= r1 + r2;"
    implicit = clocked(body, decl="// r1, r2 implicit", ports="input clk, input a, b, output reg s")
    assert analyze(implicit).errors > 0
    assert "s_pre <= a + b;" in retimed(implicit)
    # `default_nettype none forbids implicit nets: nothing to repair
    assert collapse("`default_nettype none\n" + implicit) == []
    # another kind of error (an unknown module) is not an implicit net either
    bad = implicit.replace("endmodule", "  nosuch u0 (.x(a));\nendmodule")
    assert collapse(bad) == []


def test_implicit_nets_in_a_verilog_2005_file(tmp_path):
    """A .v file is read as Verilog-2005, where ``logic`` is no keyword: the analysis declares the
    implicit nets assigned in always blocks as ``reg`` (Yosys reads them as 1-bit nets written there)."""
    body = "    r1 <= a;\n    r2 <= b;\n    s <= r1 ^ r2;"
    text = clocked(body, decl="// r1, r2 implicit", ports="input clk, input a, b, output reg s")
    f = tmp_path / "imp.v"
    f.write_text(text)
    an = analyze(text, str(f))
    assert an.errors > 0
    view, regions = _implicit_net_view(an)
    assert regions and view.errors == 0
    assert " reg r1, r2;" in view.text
    ms = [m for m in T.match(an) if "feed only" in m.description]
    assert len(ms) == 1
    new = T.rewrite(text, ms)
    assert new is not None and "s_pre <= a ^ b;" in new and "r1 <=" not in new and "reg s_pre;" in new


def test_implicit_view_and_offset_mapping():
    text = clocked("    r1 <= a;\n    s <= r1;", decl="", ports="input clk, input a, output reg s")
    an = analyze(text)
    view, regions = _implicit_net_view(an)
    assert view is not an and view.errors == 0 and len(regions) == 1
    p, n = regions[0]
    assert view.text[p:p + n] == " logic r1;"
    assert view.text[:p] + view.text[p + n:] == text
    after = p + n + 5
    assert _map_back(regions, after, after + 1, [Edit(after, after + 1, "x")]) == (p + 5, p + 6, [Edit(p + 5, p + 6, "x")])
    assert _map_back(regions, after, after, [Edit(p + 1, p + 2, "")]) is None  # inside the inserted text
    assert _map_back(regions, 0, 1, [Edit(p - 1, p + 1, "")]) is None  # straddles it
    clean = analyze(PLAIN)
    assert _implicit_net_view(clean) == (clean, [])


# ---------------------------------------------------------------- proofs and PPA (real tools)

def _check(gold_text: str, gate_text: str, tmp_path: Path, top: str, **opts):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "a").mkdir(exist_ok=True)
    (tmp_path / "b").mkdir(exist_ok=True)
    a, b = tmp_path / "a" / "d.v", tmp_path / "b" / "d.v"
    a.write_text(gold_text)
    b.write_text(gate_text)
    return check_equivalence(open_design(a, top), open_design(b, top), VerifyOptions(timeout_s=60, **opts))


@needs_bench
@pytest.mark.yosys
def test_add3_retimed_is_proven_from_undefined_start(tmp_path: Path):
    from rtlopt.verify import Verdict

    text = (ADD3 / "add3.v").read_text()
    new = retimed(text)
    res = _check(text, new, tmp_path, "example")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    # the claim: gold's unreset registers start undefined (x: don't-care until written), gate's arbitrary
    assert any("start undefined (x) in gold" in n for n in res.notes), res.notes
    assert _check(text, new, tmp_path, "example", init="zero").verdict is Verdict.EQUIVALENT
    # from arbitrary, independent start states the first output cycle differs: not a claim we make
    assert _check(text, new, tmp_path, "example", init="any").verdict is Verdict.NOT_EQUIVALENT


CASES = {
    "plain": PLAIN,
    "low-bit": clocked("    r1 <= a + b;\n    r2 <= c - a;\n    s <= r1 * r2 + 4'd1;"),
    "separate blocks": SEPARATE,
    "reset": "module t(input clk, rst, input [3:0] a, b, output reg [3:0] s);\n  reg [3:0] r1, r2;\n"
             "  always @(posedge clk or posedge rst)\n    if (rst) begin\n      r1 <= 4'd3;\n      r2 <= 4'd1;\n"
             "      s <= 4'd0;\n    end else begin\n      r1 <= a;\n      r2 <= b;\n      s <= ~(r1 + r2);\n    end\n"
             "endmodule\n",
}


@pytest.mark.yosys
@pytest.mark.parametrize("name", sorted(CASES))
def test_retimed_is_proven(name: str, tmp_path: Path):
    from rtlopt.verify import Verdict

    res = _check(CASES[name], retimed(CASES[name]), tmp_path, "t")
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()


@pytest.mark.yosys
def test_wrong_reset_value_is_caught(tmp_path: Path):
    from rtlopt.verify import Verdict

    bad = retimed(CASES["reset"]).replace("s_pre <= 4'b1011;", "s_pre <= 4'b0000;")
    assert _check(CASES["reset"], bad, tmp_path, "t").verdict is Verdict.NOT_EQUIVALENT


@pytest.mark.yosys
def test_refused_truncating_rewrite_is_really_wrong(tmp_path: Path):
    """The template refuses to substitute ``a + b`` for a 4-bit ``r1`` compared with a 5-bit value.

    (The comparison is 5 bits wide, so ``(a + b) > e`` would keep the carry that ``r1`` drops.)
    """
    from rtlopt.verify import Verdict

    text = NEGATIVE["truncating load under a wider context"]
    naive = text.replace("reg [3:0] r1;\n  reg [4:0] r2;", "reg s_pre;").replace("    r1 <= a + b;\n    r2 <= e;\n",
                                                                                "    s_pre <= (a + b) > e;\n")
    naive = naive.replace("s <= r1 > r2;", "s <= s_pre;")
    assert analyze(naive).errors == 0
    assert _check(text, naive, tmp_path, "t").verdict is Verdict.NOT_EQUIVALENT


@needs_bench
@pytest.mark.yosys
@pytest.mark.sta
def test_add3_ppa_at_or_below_human(tmp_path: Path):
    from rtlopt.ppa import measure
    from rtlopt.ppa.liberty import resolve_liberty

    if not SKY130.exists():
        pytest.skip("sky130 liberty not present")
    lib = resolve_liberty(str(SKY130))
    out = tmp_path / "add3.v"
    out.write_text(retimed((ADD3 / "add3.v").read_text()))
    ours = measure(open_design(out), liberty=lib)
    human = measure(open_design(ADD3 / "add3_optimized.v"), liberty=lib)
    a, h = (ours.area_um2.value, ours.power_mw.value), (human.area_um2.value, human.power_mw.value)
    assert a[0] <= h[0] and a[1] <= h[1], (a, h)
