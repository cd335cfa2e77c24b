"""rtlopt.sim pieces that need no simulator: renaming, port plan, stimulus, wrapper, results, activity."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyslang import syntax

from rtlopt.design import open_design
from rtlopt.errors import InputError, ToolError
from rtlopt.sim import _stimulus
from rtlopt.sim._activity import parse_vcd_activity
from rtlopt.sim._cocotb_tb import compare, fmt
from rtlopt.sim._harness import wrapper_text, write_renamed_copy
from rtlopt.sim._ports import plan_ports
from rtlopt.sim._rename import defined_modules, rename_modules
from rtlopt.tools.cocotb_runner import read_results

DESIGNS = Path(__file__).resolve().parent.parent / "designs"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def test_rename_prefixes_declarations_and_instantiations_only():
    text = ("// héllo: non-ASCII comment before the code shifts byte offsets\n"
            "module top(input a, output y); sub u(.a(a), .y(w)); CELL c0(.A(w), .Y(y)); endmodule : top\n"
            "module sub(input a, output y); assign y = ~a; endmodule\n")
    tree = syntax.SyntaxTree.fromText(text, "t.sv")
    names = defined_modules([tree])
    assert names == {"top", "sub"}
    out = rename_modules(text, tree, names, "gold_")
    assert "module gold_top(" in out and "endmodule : gold_top" in out
    assert "gold_sub u(" in out and "module gold_sub(" in out
    assert "CELL c0(" in out  # not defined here: untouched
    assert out.startswith("// héllo")
    # the renamed text still parses
    assert not [d for d in syntax.SyntaxTree.fromText(out, "o.sv").diagnostics if d.isError()]


def test_renamed_copy_of_a_multi_module_file(tmp_path):
    design = open_design(DESIGNS / "ppa" / "multi_module.v")
    files = write_renamed_copy(design, "gate_", tmp_path)
    text = files[0].read_text()
    for m in ("half_add", "add4", "pipe_top"):
        assert f"module gate_{m}" in text
    assert "gate_add4 u_ab" in text and "gate_half_add u_h" in text


def test_plan_detects_clock_and_active_low_async_reset():
    d = open_design(DESIGNS / "ppa" / "regs_async.v")
    plan = plan_ports(d, d)
    assert [c.name for c in plan.clocks] == ["clk"]
    assert plan.reset is not None and plan.reset.name == "rst_n" and plan.reset_active_low
    assert [p.name for p in plan.data_inputs] == ["set_n", "en", "srst", "d"]
    assert [p.name for p in plan.outputs] == ["acc", "flag", "neg_q", "en_q"]
    assert plan.active_edge == "posedge"


def test_plan_active_high_reset_negedge_clock_and_overrides(tmp_path):
    f = _write(tmp_path, "n.v", "module n(input clock, input reset, input d, output reg q);\n"
               "always @(negedge clock) if (reset) q <= 0; else q <= d;\nendmodule\n")
    d = open_design(f)
    plan = plan_ports(d, d)
    assert plan.clocks[0].name == "clock" and plan.active_edge == "negedge"
    assert plan.reset.name == "reset" and not plan.reset_active_low
    forced = plan_ports(d, d, reset="none")
    assert forced.reset is None and [p.name for p in forced.data_inputs] == ["reset", "d"]
    low = plan_ports(d, d, reset_active_low=True)
    assert low.reset_active_low
    comb = plan_ports(d, d, clock="none")
    assert not comb.sequential and comb.reset is None
    with pytest.raises(InputError, match="not an input"):
        plan_ports(d, d, reset="nope")


def test_plan_pairs_renamed_ports_by_position_and_refuses_width_changes(tmp_path):
    a = open_design(_write(tmp_path, "a.v", "module a(input [3:0] x, output [3:0] y); assign y = x; endmodule\n"))
    b = open_design(_write(tmp_path, "b.v", "module b(input [3:0] p, output [3:0] q); assign q = p; endmodule\n"))
    c = open_design(_write(tmp_path, "c.v", "module a(input [3:0] x, output [4:0] y); assign y = x; endmodule\n"))
    plan = plan_ports(a, b)
    assert plan.data_inputs[0].gate_name == "p" and "paired by position" in plan.notes[0]
    with pytest.raises(InputError, match="4 bits wide in the original"):
        plan_ports(a, c)


def test_plan_elaborates_a_top_that_is_instantiated_elsewhere():
    d = open_design(DESIGNS / "ppa" / "multi_module.v", top="add4")
    plan = plan_ports(d, d)
    assert [(p.name, p.width) for p in plan.data_inputs] == [("a", 4), ("b", 4)]
    assert not plan.sequential


def test_wrapper_connects_both_tops_to_the_same_bus():
    d = open_design(DESIGNS / "ppa" / "regs_async.v")
    plan = plan_ports(d, d)
    text = wrapper_text(plan, "gold_regs_async", "gate_regs_async", dump_gold="g.vcd")
    assert "module rtlopt_diff" in text
    assert ".d(rtlopt_in[10:3])" in text  # set_n, en, srst take bits 0..2
    assert ".acc(rtlopt_gold[7:0])" in text and ".acc(rtlopt_gate[7:0])" in text
    assert text.count("(rtlopt_clk)") == 2 and text.count("(rtlopt_rst)") == 2
    assert '$dumpfile("g.vcd")' in text


def test_stimulus_is_deterministic_with_reset_first_and_corners():
    a = list(_stimulus.sequential([4, 1], 100, 7, has_reset=True))
    b = list(_stimulus.sequential([4, 1], 100, 7, has_reset=True))
    c = list(_stimulus.sequential([4, 1], 100, 8, has_reset=True))
    assert a == b and a != c and len(a) == 100
    assert [s.reset for s in a[:2]] == [True, True]
    kinds = [s.kind for s in a]
    assert "all-zeros" in kinds and "all-ones" in kinds and any(k.startswith("walking-one") for k in kinds)
    assert all(0 <= s.values[0] < 16 and 0 <= s.values[1] < 2 for s in a)


def test_combinational_stimulus_is_exhaustive_up_to_16_bits():
    vecs = list(_stimulus.combinational([3, 2], 10, 1))
    assert len(vecs) == 32 and len(set(v.values for v in vecs)) == 32
    assert _stimulus.is_exhaustive([16]) and not _stimulus.is_exhaustive([9, 8])
    wide = list(_stimulus.combinational([9, 8], 50, 1))
    assert len(wide) == 50 and wide[1].values == (511, 255)


def test_compare_treats_gold_x_as_dont_care():
    assert compare("0101", "0101") == (True, 0)
    assert compare("x1z0", "0110") == (True, 2)
    assert compare("x100", "0110") == (False, 1)
    assert compare("0000", "x000") == (False, 0)  # gate X where gold is known is a mismatch
    assert fmt("1010") == "4'ha" and fmt("1x0") == "3'b1x0"


def test_read_results_reports_failures_and_missing_file(tmp_path):
    xml = _write(tmp_path, "results.xml", """<testsuites><testsuite name="t" tests="2">
<testcase name="ok" classname="m"/>
<testcase name="bad" classname="m"><failure message="boom"/></testcase>
</testsuite></testsuites>""")
    cases = read_results(xml)
    assert [(c.name, c.passed) for c in cases] == [("ok", True), ("bad", False)]
    assert cases[1].message == "boom"
    with pytest.raises(ToolError, match="without a results file"):
        read_results(tmp_path / "missing.xml")


def test_vcd_activity_counts_toggles_and_skips_the_clock(tmp_path):
    vcd = _write(tmp_path, "a.vcd", """$timescale 1ps $end
$scope module rtlopt_diff $end
$scope module u_gold $end
$var wire 1 ! clk $end
$var wire 2 " d [1:0] $end
$upscope $end
$upscope $end
$enddefinitions $end
#0
$dumpvars
0!
bxx "
$end
#1
1!
b00 "
#2
0!
b11 "
#3
1!
b10 "
""")
    act = parse_vcd_activity(vcd, cycles=2, clock_names={"clk"}, source="test")
    # d: xx->00 (not a toggle), 00->11 (2), 11->10 (1) = 3 toggles over 2 bits x 2 cycles
    assert act.net_bits == 2 and act.toggles == 3
    assert act.average_toggle_rate == pytest.approx(0.75)


def test_plan_refuses_ports_that_cannot_be_flattened(tmp_path):
    d = open_design(_write(tmp_path, "ua.v", "module ua(input [7:0] m [0:3], output [7:0] y);\n"
                           "  assign y = m[0];\nendmodule\n"))
    with pytest.raises(InputError, match="unpacked array"):
        plan_ports(d, d)
    io = open_design(_write(tmp_path, "io.v", "module io(inout [3:0] p, output y); assign y = p[0]; endmodule\n"))
    with pytest.raises(InputError, match="inout"):
        plan_ports(io, io)


def test_lenient_plan_accepts_dropped_inputs_and_extra_outputs(tmp_path):
    gold = open_design(_write(tmp_path, "g.v", "module t(input a, input b, input c, output y);\n"
                              "  assign y = a & b;\nendmodule\n"))
    gate = open_design(_write(tmp_path, "c.v", "module t(input a, input b, output y, output dbg);\n"
                              "  assign y = a & b;\n  assign dbg = a;\nendmodule\n"))
    with pytest.raises(InputError, match="interfaces differ"):
        plan_ports(gold, gate)
    plan = plan_ports(gold, gate, lenient=True)
    assert [(p.name, p.gate_name) for p in plan.data_inputs] == [("a", "a"), ("b", "b"), ("c", "")]
    assert [p.name for p in plan.outputs] == ["y"]
    assert any("no input(s) c" in n for n in plan.notes) and any("dbg" in n for n in plan.notes)
    text = wrapper_text(plan, "gold_t", "gate_t")
    gate_inst = text.split("u_gate")[1]
    assert ".c(" not in gate_inst and ".c(rtlopt_in[2:2])" in text.split("u_gate")[0]
    lost = open_design(_write(tmp_path, "l.v", "module t(input a, input b, output z);\n"
                              "  assign z = a;\nendmodule\n"))
    with pytest.raises(InputError, match="lacks output"):
        plan_ports(gold, lost, lenient=True)
