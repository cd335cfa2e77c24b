"""Pure tests of the PPA flow's parts: liberty parsing, script text, report parsing, the report object."""

from __future__ import annotations

import gzip
import json
import math

import pytest

from rtlopt.errors import InputError
from rtlopt.ppa import GOALS, Metric, PpaReport, _flow, _sta
from rtlopt.ppa._libinfo import LibInfo, lib_info, parse_liberty_text, plain_path
from rtlopt.ppa.liberty import resolve_liberty

MINI_LIB = r"""
/* a tiny library */
library (mini) {
  time_unit : "1ps";
  leakage_power_unit : "1pW";
  capacitive_load_unit (1, ff);
  cell (INV) { area : 1.5; pin (A) { direction : input; } pin (Y) { direction : output; function : "!A"; } }
  cell (TIE) {
    area : 0.75;
    pin (HI) { direction : output; function : "1"; }
    pin (LO) { direction : output; function : "0"; }
  }
  cell ("BIGTIE") { area : 3; pin (Z) { direction : output; function : "1"; } }
  cell (DFF) {
    area : 6;
    ff (IQ, IQN) { next_state : "D"; clocked_on : "!CKN"; }
    pin (CKN) { direction : input; clock : true; }
    pin (D) { direction : input; }
    pin (Q) { direction : output; function : "IQ"; }
  }
  cell (LAT) { area : 4; latch (IQ, IQN) { data_in : "D"; enable : "G"; }
    pin (G) { direction : input; } pin (D) { direction : input; }
    pin (Q) { direction : output; function : "IQ"; } }
  cell (sky130_fd_sc_hd__lpflow_inputiso0n_1) { area : 2; pin (A) { direction : input; }
    pin (X) { direction : output; function : "A"; } }
  cell (FILL) { area : 0.1; dont_use : true; }
}
"""


@pytest.fixture
def mini(tmp_path):
    return parse_liberty_text(MINI_LIB, "mini")


def test_units_and_areas(mini: LibInfo):
    assert mini.name == "mini"
    assert mini.time_unit_s == pytest.approx(1e-12)
    assert mini.time_unit_ns == pytest.approx(1e-3)
    assert mini.leakage_power_unit_w == pytest.approx(1e-12)
    assert mini.cap_unit_f == pytest.approx(1e-15)
    assert mini.cells["INV"].area == 1.5
    assert mini.cells["BIGTIE"].area == 3.0
    assert mini.cells["INV"].inputs == ["A"] and mini.cells["INV"].outputs == {"Y": "!A"}


def test_sequential_cells_and_clock_pins(mini: LibInfo):
    assert mini.cells["DFF"].sequential == "ff"
    assert mini.cells["DFF"].clock_pins == ["CKN"]
    assert mini.cells["LAT"].sequential == "latch"
    assert mini.cells["LAT"].clock_pins == ["G"]
    assert mini.cells["INV"].sequential == ""


def test_tie_cells_prefer_smallest(mini: LibInfo):
    hi, lo = mini.tie_cells()
    assert hi == ("TIE", "HI")
    assert lo == ("TIE", "LO")


def test_excluded_has_dont_use_and_builtin_patterns(mini: LibInfo):
    ex = mini.excluded()
    assert "FILL" in ex
    assert "sky130_fd_sc_hd__lpflow_inputiso0n_1" in ex
    assert "INV" not in ex


def test_libinfo_json_round_trip(mini: LibInfo):
    again = LibInfo.from_json(mini.to_json())
    assert again == mini


def test_empty_library_is_an_input_error():
    with pytest.raises(InputError, match="no cells"):
        parse_liberty_text("library (x) { time_unit : \"1ns\"; }", "x")


def test_gzip_liberty_is_decompressed_once_into_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    gz = tmp_path / "mini.lib.gz"
    gz.write_bytes(gzip.compress(MINI_LIB.encode()))
    lib = resolve_liberty(gz)
    plain = plain_path(lib)
    assert plain != gz and plain.read_text() == MINI_LIB
    assert lib.sha256 in plain.name
    mtime = plain.stat().st_mtime_ns
    assert plain_path(lib).stat().st_mtime_ns == mtime
    info = lib_info(lib)
    assert info.cells["DFF"].area == 6.0
    assert (tmp_path / "cache" / "liberty" / f"{lib.sha256}.info.json").exists()


def test_real_liberties_parse_sanely():
    lib = resolve_liberty("nangate45")
    info = lib_info(lib)
    assert info.cells["NAND2_X1"].area == pytest.approx(0.798)
    assert info.tie_cells() == (("LOGIC1_X1", "Z"), ("LOGIC0_X1", "Z"))
    assert info.cells["DFFR_X1"].clock_pins == ["CK"]


def test_yosys_script_golden():
    text = _flow.yosys_script(["/d/a.v"], "top", liberty="/l/x.lib", dont_use=["F*"],
                              tie_hi=("TIE", "HI"), tie_lo=("TIE", "LO"), abc_delay_ps=2500)
    lines = text.splitlines()
    assert "read_verilog /d/a.v" in lines  # -sv only for SystemVerilog files (rtlopt.hdl.project)
    assert "hierarchy -check -top top" in lines
    flat = lines.index("synth -top top -flatten -run begin:fine")
    assert lines.index("synth -top top -run begin:fine") < lines.index("design -load rtl") < flat
    assert "dfflibmap -liberty /l/x.lib -dont_use F*" in lines
    # a canonical (sorted) cell order before each ABC run: synth's fine stage and the mapping
    assert lines[flat - 1] == "sort" and lines[flat + 1] == "sort"
    assert lines[flat + 2] == "synth -top top -flatten -run fine:"
    assert lines[lines.index("dfflibmap -liberty /l/x.lib -dont_use F*") - 1] == "sort"
    assert "abc -liberty /l/x.lib -dont_use F* -D 2500" in lines
    assert "hilomap -singleton -hicell TIE HI -locell TIE LO" in lines
    assert "write_verilog -noattr -noexpr netlist.v" in lines
    assert lines.index("setundef -zero") < lines.index("hilomap -singleton -hicell TIE HI -locell TIE LO") < \
        lines.index("splitnets -ports")
    no_tie = _flow.yosys_script(["/d/a.v"], "top", liberty="/l/x.lib")
    assert "hilomap" not in no_tie and " -D " not in no_tie


def test_yosys_script_canonical_two_processes():
    text = _flow.yosys_script(["/d/a.v"], "top", liberty="/l/x.lib", canon=True)
    first, second = _flow.split_processes(text)
    a, b = first.splitlines(), second.splitlines()
    # the generic counts of a multi-module design come from the first process, before flattening
    assert a.index("synth -top top -run begin:fine") < a.index("design -load rtl") < a.index("flatten")
    assert a[-3:] == ["rtlopt_canon -wires", "sort", "write_rtlil canon.il"]
    assert "opt_clean -purge" in a and "setattr -unset src -unset hdlname" in a
    assert b[1] == "read_rtlil canon.il" and "synth -top top -flatten -run coarse:fine" in b
    assert "write_verilog -noattr -noexpr netlist.v" in b and "rtlopt_canon" not in second
    single = _flow.split_processes(_flow.yosys_script(["/d/a.v"], "top", liberty="/l/x.lib", canon=True,
                                                      single_module=True))
    assert "design -save rtl" not in single[0] and "tee -q -o generic_stat.json stat -json" in single[1]
    assert len(_flow.split_processes(_flow.yosys_script(["/d/a.v"], "top", liberty="/l/x.lib"))) == 1
    assert _flow.canon_text("# x\nautoidx 57\nmodule \\top\nend\n") == "# x\nmodule \\top\nend\n"


def test_failed_phase():
    log = "x\nRTLOPT-PHASE: read\nfoo\nRTLOPT-PHASE: generic\nRTLOPT-PHASE: synth\nERROR: bad\n"
    assert _flow.failed_phase(log) == "synth"
    assert _flow.failed_phase("ERROR: nothing") == "read"


def test_sta_script_virtual_clock_and_ports():
    tcl = _sta.sta_script(liberty="/l.lib", netlist="n.v", top="t", clocks=[], period=10, activity=0.1)
    assert f"create_clock -name {{{_sta.VIRTUAL_CLOCK}}} -period 10\n" in tcl
    assert "set rtlopt_inputs [all_inputs]" in tcl
    assert "set_power_activity -global -activity 0.1 -duty 0.5" in tcl
    tcl2 = _sta.sta_script(liberty="/l.lib", netlist="n.v", top="t",
                           clocks=[_sta.ClockSpec("clk", port="clk"), _sta.ClockSpec("g1", pin="_5_/Q")],
                           period=2.5, activity=0.2)
    assert "create_clock -name {clk} -period 2.5 [get_ports {clk}]" in tcl2
    assert "create_clock -name {g1} -period 2.5 [get_pins {_5_/Q}]" in tcl2
    assert "delete_from_list [all_inputs] [get_ports {{clk}}]" in tcl2
    assert "set_output_delay 0 -clock {clk}" in tcl2


CHECKS = """
Startpoint: a (input port clocked by vclk)
Endpoint: q (rising edge-triggered flip-flop clocked by clk')
Path Group: clk
Path Type: max

      Delay        Time   Description
-----------------------------------------------------------------
   5.000000    5.000000   clock clk (fall edge)
   0.000000    5.000000   clock network delay (ideal)
   0.100000    5.100000 ^ r/Q (DFF)
   0.200000    5.300000 v g/Y (NAND)
               5.300000   data arrival time

  10.000000   10.000000   clock clk (rise edge)
   0.000000   10.000000   clock network delay (ideal)
  -0.050000    9.950000   library setup time
               9.950000   data required time
-----------------------------------------------------------------
               9.950000   data required time
              -5.300000   data arrival time
-----------------------------------------------------------------
               4.650000   slack (MET)


Startpoint: b (input port clocked by vclk)
Endpoint: y (output port clocked by vclk)
Path Group: vclk
Path Type: max

      Delay        Time   Description
-----------------------------------------------------------------
   0.000000    0.000000   clock vclk (rise edge)
   0.000000    0.000000 ^ b (in)
   0.400000    0.400000 ^ y (out)
               0.400000   data arrival time

  10.000000   10.000000   clock vclk (rise edge)
   0.000000   10.000000   output external delay
              10.000000   data required time
-----------------------------------------------------------------
               9.600000   slack (MET)
"""


def test_parse_checks_delay_is_launch_to_capture_need():
    paths = _sta.parse_checks(CHECKS)
    assert [p.group for p in paths] == ["clk", "vclk"]
    half, comb = paths
    assert half.launch == 5.0 and half.capture == 10.0
    assert half.delay == pytest.approx(0.35)  # 0.3 of logic + 0.05 setup, launched on the falling edge
    assert comb.delay == pytest.approx(0.4)
    assert comb.slack == pytest.approx(9.6)


def test_parse_power_totals():
    text = """Group                    Internal    Switching      Leakage        Total
                            Power        Power        Power        Power
------------------------------------------------------------------------
Sequential           9.182936e-06 1.686537e-08 7.759149e-07 9.975716e-06  69.3%
Total                1.200162e-05 5.764784e-07 1.815484e-06 1.439358e-05 100.0%
"""
    p = _sta.parse_power(text)
    assert p == {"internal": 1.200162e-05, "switching": 5.764784e-07, "leakage": 1.815484e-06,
                 "total": 1.439358e-05}
    assert _sta.parse_power("no power here") is None


def _report(area=100.0, delay=2.0, power=0.5) -> PpaReport:
    return PpaReport(Metric(area, "um^2", "a"), Metric(delay, "ns", "d"), Metric(power, "mW", "p"),
                     Metric(10, "cells", "a"), Metric(12, "cells", "g"), Metric(9, "wires", "g"),
                     provenance={"top": "t", "liberty": {"name": "x", "sha256": "ab"}})


def test_metric_goals():
    r = _report()
    assert r.metric("area") == 100.0
    assert r.metric("delay") == 2.0
    assert r.metric("power") == 0.5
    assert r.metric("balanced") == pytest.approx((100 * 2 * 0.5) ** (1 / 3))
    smaller = _report(area=90.0)
    assert smaller.metric("balanced") / r.metric("balanced") == pytest.approx(0.9 ** (1 / 3))
    with pytest.raises(ValueError):
        r.metric("speed")


def test_metric_balanced_with_missing_delay_is_finite():
    r = _report(delay=None)
    assert r.metric("delay") == 0.0
    assert math.isfinite(r.metric("balanced")) and r.metric("balanced") > 0


def test_to_dict_is_json_and_text_has_units():
    r = _report()
    d = json.loads(json.dumps(r.to_dict()))
    assert d["metrics"]["area"] == {"value": 100.0, "unit": "um^2", "source": "a"}
    assert set(d["scores"]) == set(GOALS)
    text = r.format_text()
    assert "um^2" in text and "ns" in text and "mW" in text
