"""romsym (word_level_lifting): a constant table with symmetry (periodic, negated or complemented
second half, index mirrored with ``~i`` or around ``N/2``, recursively) is stored once: a ``case``
table (in an ``always`` or a function) or an array ROM (``initial`` or ``assign`` elements) becomes
the smaller table read at the transformed index. Not for a table one entry off its symmetry, a
case mixing blocking and nonblocking arms, an array that is also written at run time, or labels left
out with no default. A nonblocking (clocked) table gets its smaller table as a combinational block.
Rewrites proven (real Yosys / exhaustive) and measured smaller."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.funcview import through_functions_per_file
from rtlopt.semantic.romsym import evaluate, reduce_table, rewrites

TABLES = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "tables"
SINE = [round(127 * math.sin(2 * math.pi * i / 64)) for i in range(64)]


def _lit(v: int, w: int) -> str:
    return f"{w}'sd{v}" if v >= 0 else f"-{w}'sd{-v}"


def case_table(vals, w=8, nonblocking=False, default=True) -> str:
    op = "<=" if nonblocking else "="
    arms = "\n".join(f"      6'd{i}: y {op} {_lit(v, w)};" for i, v in enumerate(vals))
    dflt = f"      default: y {op} {w}'sd0;\n" if default else ""
    head = "always @(posedge clk)" if nonblocking else "always @*"
    return (f"module t(input clk, input [5:0] p, output reg signed [{w - 1}:0] y);\n  {head}\n"
            f"    case (p)\n{arms}\n{dflt}    endcase\nendmodule\n")


def test_reduce_full_period_sine_to_quarter():
    vals = [round(127 * math.sin(2 * math.pi * i / 256)) for i in range(256)]
    plan = reduce_table(vals, 8)
    assert plan is not None and plan.entries == 65 and plan.kind == "neg"
    assert all(evaluate(plan, i, 8) == vals[i] & 255 for i in range(256))
    half = [round(100 * math.sin(2 * math.pi * (i + .5) / 32)) for i in range(32)]
    plan = reduce_table(half, 8)
    assert plan.entries == 8 and all(evaluate(plan, i, 8) == half[i] & 255 for i in range(32))
    per = [3, 1, 4, 1] * 4
    assert reduce_table(per, 4).entries == 4


def test_offset_table_reflected_about_its_own_constant():
    vals = [127 + round(127 * math.sin(2 * math.pi * i / 64)) for i in range(64)]  # 0..254: hi = 254 - lo
    plan = reduce_table(vals, 8)
    assert plan.kind == "sub" and plan.koff == 254 and plan.entries == 17
    assert all(evaluate(plan, i, 8) == vals[i] for i in range(64))
    arms = "\n".join(f"      6'd{i}: y = 8'd{v};" for i, v in enumerate(vals))
    src = f"module t(input [5:0] p, output reg [7:0] y);\n  always @*\n    case (p)\n{arms}\n" \
          "      default: y = 8'd0;\n    endcase\nendmodule\n"
    assert "if (p[5]) y = 8'd254 - y;" in rewrites(src, "t.v")[0][0]
    off = list(vals)
    off[40] = 254 - vals[8] + 1  # the reflection one off at one entry
    assert reduce_table(off, 8) is None


def test_near_miss_tables_do_not_reduce():
    off = list(SINE)
    off[41] += 1  # one entry off the negated half / mirrored quarter
    assert reduce_table(off, 8) is None
    assert rewrites(case_table(off), "t.v") == []
    assert reduce_table([5, 9, 2, 7, 1, 8, 6, 3], 4) is None


MIXED = case_table(SINE, nonblocking=True).replace("6'd3: y <= ", "6'd3: y = ")


@pytest.mark.parametrize("src", [MIXED, case_table(SINE[:63], default=False)], ids=["mixed_arms", "no_default"])
def test_not_offered(src):
    assert rewrites(src, "t.v") == []
    assert MIXED.count("y = ") == 1


def test_clocked_table_gets_a_combinational_table():
    got = rewrites(case_table(SINE, nonblocking=True), "t.v")
    assert len(got) == 1
    new = got[0][0]
    assert "reg [7:0] y_rom;" in new and "always @* begin" in new and "y <= p[5] ? -y_rom : y_rom;" in new, new
    assert "5'd16: y_rom = 8'sd127;" in new


def test_array_written_at_run_time_is_not_a_rom():
    src = (TABLES / "hann32_rom_initial_v" / "original.v").read_text()
    assert len(rewrites(src, "t.v")) == 1
    ram = src.replace("always @(posedge clk) coef <= win[idx];",
                      "always @(posedge clk) coef <= win[idx];\n  always @(posedge clk) win[5'd3] <= coef;")
    assert rewrites(ram, "t.v") == []


def test_case_table_fires_with_quarter_table():
    got = rewrites(case_table(SINE), "t.v")
    assert len(got) == 1
    new, desc = got[0]
    assert "17 entries" in desc and "if (p[5]) y = -y;" in new
    assert "case ((p[4] ? 5'd16 - {1'b0, p[3:0]} : {1'b0, p[3:0]}))" in new, new


def test_function_case_found_through_functions():
    src = (TABLES / "cos128_nco_function_v" / "original.v").read_text()
    got = rewrites(src, "t.v") + through_functions_per_file(src, "t.v", rewrites)
    assert got and all("33 entries" in d for _n, d in got)
    assert "if (p[6] ^ p[5]) cosv = -cosv;" in got[0][0]


def _prove_and_measure(tmp_path: Path, name: str, orig: str, new: str, top: str, monkeypatch):
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    for d, t in (("gold", orig), ("gate", new)):
        (tmp_path / d).mkdir()
        (tmp_path / d / name).write_text(t)
    gold, gate = open_design(tmp_path / "gold" / name, top=top), open_design(tmp_path / "gate" / name, top=top)
    r = check_equivalence(gold, gate, VerifyOptions(timeout_s=120))
    assert r.verdict.name == "EQUIVALENT", new
    lib = resolve_liberty(None)
    assert measure_cached(gate, liberty=lib).area_um2.value < measure_cached(gold, liberty=lib).area_um2.value


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("case", ["sine64_halfsample_case_sv", "hann32_rom_initial_v",
                                  "dds_offsetbin_assign_rom_sv", "cos128_nco_function_v", "tone128_clocked_rom_sv",
                                  "pwm_offset_sine_function_sv", "sine32_ifchain_function_v",
                                  "sine64_nested_case_v", "ob_sine64_packed_rows_sv"])
def test_suite_rewrite_proven_and_smaller(tmp_path: Path, case: str, monkeypatch):
    import json

    d = TABLES / case
    orig_path = next(d.glob("original.*"))
    top = json.loads((d / "case.json").read_text())["top"]
    orig = orig_path.read_text()
    got = rewrites(orig, orig_path.name)
    assert len(got) == 1, case
    _prove_and_measure(tmp_path, orig_path.name, orig, got[0][0], top, monkeypatch)


SV_INIT = """module t(input logic [3:0] b, output logic [5:0] z);
  logic [5:0] rom [0:15] = '{6'd1, 6'd5, 6'd9, 6'd20, 6'd20, 6'd9, 6'd5, 6'd1,
                             6'd1, 6'd5, 6'd9, 6'd20, 6'd20, 6'd9, 6'd5, 6'd1};
  assign z = rom[b];
endmodule
"""


@pytest.mark.yosys
def test_sv_initializer_rom_truncated_and_proven(tmp_path: Path, monkeypatch):
    got = rewrites(SV_INIT, "t.sv")
    assert len(got) == 1
    new = got[0][0]
    assert "logic [5:0] rom [0:3] = '{6'd1, 6'd5, 6'd9, 6'd20};" in new, new
    assert "assign z = rom[(b[2] ? ~b[1:0] : b[1:0])];" in new
    assert rewrites(SV_INIT.replace("6'd5, 6'd1};", "6'd5, 6'd2};"), "t.sv") == []  # last entry off
    _prove_and_measure(tmp_path, "t.sv", SV_INIT, new, "t", monkeypatch)


def test_label_beyond_the_selector_is_not_aliased():
    base = case_table(SINE)
    src = base.replace("      default:", "      67: y = 8'sd99;\n      default:")  # never matches a 6-bit p
    assert src != base and len(rewrites(base, "t.v")) == 1
    assert rewrites(src, "t.v") == []  # refused rather than read as label 3


def if_chain(vals, w=8, other=None) -> str:
    """``if (p == 6'dK) y = C; else if ...`` over ``vals``; arm ``other`` compares ``q`` instead."""
    arms = [f"if ({'q' if i == other else 'p'} == 6'd{i}) y = {_lit(v, w)};" for i, v in enumerate(vals)]
    body = "\n      else ".join(arms)
    return (f"module t(input [5:0] p, input [5:0] q, output reg signed [{w - 1}:0] y);\n  always @* begin\n"
            f"      {body}\n      else y = {w}'sd0;\n  end\nendmodule\n")


def nested_case(vals, inner_sel="p[3:0]", w=8) -> str:
    arms = []
    for hi in range(4):
        sel = inner_sel if hi != 2 else inner_sel.replace("p[", "p [")
        inner = "\n".join(f"          4'd{lo}: y = {_lit(vals[hi * 16 + lo], w)};" for lo in range(16))
        arms.append(f"      2'd{hi}: case ({sel})\n{inner}\n        endcase")
    return (f"module t(input [5:0] p, output reg signed [{w - 1}:0] y);\n  always @*\n    case (p[5:4])\n"
            + "\n".join(arms) + "\n    endcase\nendmodule\n")


def test_if_chain_read_as_a_case_table():
    got = rewrites(if_chain(SINE), "t.v")
    assert len(got) == 1, got  # the chain's head only, not its tails
    new, desc = got[0]
    assert desc.startswith("if-chain table on p (64 entries) is 17 entries"), desc
    assert "if (p[5]) y = -y;" in new and "else if" not in new and "6'd40" not in new, new


def test_if_chain_near_misses_refused():
    assert rewrites(if_chain(SINE, other=37), "t.v") == []  # one arm compares another signal
    off = list(SINE)
    off[41] += 1
    assert rewrites(if_chain(off), "t.v") == []
    no_else = if_chain(SINE[:63]).replace("\n      else y = 8'sd0;", "")
    assert no_else != if_chain(SINE[:63]) and rewrites(no_else, "t.v") == []  # p == 63 keeps y
    var_arm = if_chain(SINE).replace("if (p == 6'd9) y = 8'sd", "if (p == 6'd9) y = q + 8'sd")
    assert var_arm != if_chain(SINE) and rewrites(var_arm, "t.v") == []


def test_nested_case_flattened_over_the_concatenated_index():
    got = rewrites(nested_case(SINE), "t.v")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "case table on {p[5:4], p[3:0]} (64 entries) is 17 entries" in desc, desc
    assert "case ((p[4] ? 5'd16 - {1'b0, p[3:0]} : {1'b0, p[3:0]}))" in new and "if (p[5]) y = -y;" in new, new
    # the inner selector overlapping the outer one (p[4] twice), or another inner selector in one arm
    assert rewrites(nested_case(SINE, "p[4:1]"), "t.v") == []
    other = nested_case(SINE).replace("2'd2: case (p [3:0])", "2'd2: case (p[4:1])")
    assert other != nested_case(SINE) and rewrites(other, "t.v") == []


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.parametrize("which", ["ifchain", "nested"])
def test_if_chain_and_nested_case_proven(tmp_path: Path, which: str, monkeypatch):
    src = if_chain(SINE) if which == "ifchain" else nested_case(SINE)
    got = rewrites(src, "t.v")
    assert len(got) == 1
    _prove_and_measure(tmp_path, "t.v", src, got[0][0], "t", monkeypatch)


def test_packed_row_constants_read_as_a_table():
    src = (TABLES / "ob_sine64_packed_rows_sv" / "original.sv").read_text()
    got = rewrites(src, "t.sv")
    assert len(got) == 1 and "constant read rowv[a[4:0]*8 +: 8] (64 entries) is 16 entries" in got[0][1]
    assert "if (en) q <= {a[5] ? ~rowv_rom : rowv_rom};" in got[0][0], got[0][0]
    # a row that is not a constant (another input), a byte off the complement, a procedure's temporary index
    other = src.replace("a[5] ? ROW1 : ROW0", "a[5] ? ROW1 : {en, ROW0[254:0]}")
    off = src.replace("8'd121, 8'd109", "8'd121, 8'd108")
    row0 = src.replace("q <= rowv[a[4:0]*8 +: 8];", "q <= ROW0[a[4:0]*8 +: 8];")
    assert len(rewrites(row0, "t.sv")) == 1  # one row alone: mirrored
    temp = src.replace("if (en) q <= rowv[a[4:0]*8 +: 8];",
                       "begin : b\n    logic [4:0] t;\n    t = a[4:0];\n    if (en) q <= ROW0[t*8 +: 8];\n  end")
    for bad in (other, off, temp):
        assert bad != src and rewrites(bad, "t.sv") == []
