"""Area estimates for modules too slow for the full per-module flow, and totals that say so (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.errors import ToolTimeout
from rtlopt.ppa._estimate import _eval_function, estimate_area, estimate_own, gate_prices
from rtlopt.ppa._libinfo import parse_liberty_text

_LIB = """library(t) {
  cell(INV) { area : 1; pin(A) { direction : input; } pin(Y) { direction : output; function : "!A"; } }
  cell(NAND2) { area : 2; pin(A) { direction : input; } pin(B) { direction : input; }
    pin(Y) { direction : output; function : "(A B)'"; } }
  cell(AND2) { area : 3; pin(A) { direction : input; } pin(B) { direction : input; }
    pin(Y) { direction : output; function : "A*B"; } }
  cell(ANDN) { area : 2.5; pin(A) { direction : input; } pin(B) { direction : input; }
    pin(Y) { direction : output; function : "!A & B"; } }
  cell(XOR2) { area : 5; pin(A) { direction : input; } pin(B) { direction : input; }
    pin(Y) { direction : output; function : "A^B"; } }
  cell(BIGAND) { area : 9; dont_use : true; pin(A) { direction : input; } pin(B) { direction : input; }
    pin(Y) { direction : output; function : "A&B"; } }
}
"""


def test_liberty_functions_evaluate_in_every_spelling():
    env = {"A": 1, "B": 0, "S": 1}
    assert _eval_function("!(A&B)", env) == 1
    assert _eval_function("(A B)'", env) == 1
    assert _eval_function("A+B", env) == 1 and _eval_function("A*B", env) == 0
    assert _eval_function("(A&!S)|(B&S)", env) == 0
    assert _eval_function("A^S", env) == 0
    with pytest.raises(ValueError):
        _eval_function("A & & B", env)


def test_gates_priced_at_the_smallest_cell_of_their_function():
    info = parse_liberty_text(_LIB, "t")
    p = gate_prices(info)
    assert p["$_NOT_"] == (1.0, "INV")
    assert p["$_AND_"] == (3.0, "AND2")  # BIGAND is dont_use
    assert p["$_ANDNOT_"][0] == 2.5  # A & ~B matches !A & B with the inputs swapped
    assert p["$_XNOR_"] == (6.0, "XOR2+INV")  # no cell of its own: priced as its decomposition
    area, priced, unpriced = estimate_area({"$_AND_": 2, "INV": 3, "$_WEIRD_": 1}, info)
    assert area == 2 * 3.0 + 3 * 1.0
    assert unpriced == {"$_WEIRD_": 1} and priced == {"$_AND_": 2, "INV": 3}


_HIER = """module leaf(input [7:0] a, b, output [7:0] y);
  assign y = (a & b) + (a | b);
endmodule
module big(input [7:0] a, b, output [15:0] y);
  assign y = a * b;
endmodule
module top(input clk, input [7:0] a, b, output reg [15:0] q);
  wire [7:0] l0, l1; wire [15:0] m;
  leaf u0 (.a(a), .b(b), .y(l0));
  leaf u1 (.a(b), .b(a), .y(l1));
  big ub (.a(l0), .b(l1), .y(m));
  always @(posedge clk) q <= m;
endmodule
"""


@pytest.mark.yosys
def test_estimate_is_labelled_and_near_the_full_flow(tmp_path: Path, monkeypatch):
    from rtlopt.ppa._permodule import measure_own
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "h.v"
    src.write_text(_HIER)
    lib = resolve_liberty(None)
    ref = open_design(src, "big")
    est = estimate_own(ref, liberty=lib, timeout=120)
    full = measure_own(ref, liberty=lib, timeout=120)
    assert est.provenance["estimate"] is True and "ESTIMATE" in est.area_um2.source
    assert not est.provenance["unpriced"]
    # no logic optimization: at or above the full flow, within a small factor on a multiplier
    assert full.area_um2.value * 0.9 <= est.area_um2.value <= full.area_um2.value * 4


@pytest.mark.yosys
def test_hierarchical_total_uses_an_estimate_for_a_module_too_slow_to_measure(tmp_path: Path, monkeypatch):
    """A module whose full measurement fails its slice gets an estimate; the total says which parts
    are estimates; the module is not optimized (its candidates could not be measured either)."""
    from rtlopt.engine.hierarchy import optimize_hierarchical
    from rtlopt.ppa._permodule import measure_own
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "h.v"
    src.write_text(_HIER)
    lib = resolve_liberty(None)

    def measure_fn(ref, texts=None, timeout=300.0):
        if ref.top == "big":
            raise ToolTimeout("yosys exceeded its time limit")
        return measure_own(ref, liberty=lib, timeout=timeout, texts=texts)

    def estimate_fn(ref, texts=None, timeout=120.0):
        return estimate_own(ref, liberty=lib, timeout=timeout, texts=texts)

    res = optimize_hierarchical(open_design(src, "top"), liberty=lib, budget_s=90, max_steps=1,
                                measure_fn=measure_fn, estimate_fn=estimate_fn)
    mods = {m.module: m for m in res.modules}
    assert res.estimated == ["big"]
    assert mods["big"].estimated and "estimate" in mods["big"].measured and mods["big"].status == "skipped"
    assert not mods["leaf"].estimated and mods["leaf"].area_before > 0
    assert res.total_before is not None and "ESTIMATE" in res.total_measured and "big" in res.total_measured
    expect = mods["leaf"].area_before * 2 + mods["big"].area_before + mods["top"].area_before
    assert abs(res.total_before - expect) < 1e-6
    d = res.to_dict()
    assert d["total"]["estimated_modules"] == ["big"]
    assert "~" in res.format_text()


@pytest.mark.yosys
def test_one_run_gives_the_measurement_or_its_estimate(tmp_path: Path, monkeypatch):
    """estimate_first: a run that finishes gives the same number as the plain flow; a run whose full
    flow overruns its limit after the coarse synthesis returns the labelled estimate it wrote on the way."""
    from rtlopt.ppa._permodule import measure_own
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.tools import Yosys

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "h.v"
    src.write_text(_HIER)
    lib = resolve_liberty(None)
    ref = open_design(src, "big")
    both = measure_own(ref, liberty=lib, timeout=120, estimate_first=True)
    assert not both.provenance.get("estimate")
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache2"))
    plain = measure_own(ref, liberty=lib, timeout=120)
    assert both.area_um2.value == plain.area_um2.value > 0

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache3"))
    real = Yosys.run_script

    def overrun(self, script, **kw):  # the whole script runs, then the limit is said to have passed
        real(self, script, **kw)
        raise ToolTimeout("yosys exceeded its time limit of 1 s")

    monkeypatch.setattr(Yosys, "run_script", overrun)
    est = measure_own(ref, liberty=lib, timeout=120, estimate_first=True)
    assert est.provenance["estimate"] is True and "did not finish" in est.provenance["measured"]
    monkeypatch.setattr(Yosys, "run_script", real)
    alone = estimate_own(ref, liberty=lib, timeout=120)  # cached by the run above: the same number
    assert alone.area_um2.value == est.area_um2.value and alone.provenance["cache"]["hit"]
    assert plain.area_um2.value * 0.9 <= est.area_um2.value <= plain.area_um2.value * 4


@pytest.mark.yosys
def test_own_measurement_does_not_elaborate_submodules_in_other_files(tmp_path: Path, monkeypatch):
    """A submodule defined in another file is a black box read with -lib: its body is never derived at
    the parent's parameters (here that body could not even be elaborated at W=8)."""
    from rtlopt.ppa._permodule import measure_own, own_area_script
    from rtlopt.ppa.liberty import resolve_liberty

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    child = tmp_path / "child.v"
    child.write_text("module child #(parameter W = 4) (input [W-1:0] a, output [W-1:0] y);\n"
                     "  assign y = a + 1'b1;\n"
                     "  generate if (W == 8) begin : g\n    no_such_cell u (.x(a));\n  end endgenerate\n"
                     "endmodule\n")
    top = tmp_path / "top.v"
    top.write_text("module top(input [7:0] a, b, output [7:0] y, z);\n"
                   "  child #(.W(8)) u (.a(a), .y(y));\n  assign z = a & b;\nendmodule\n")
    script = own_area_script([top, child], "top", "x.lib")
    assert f"read_verilog -lib -defer {child}" in script and f"read_verilog -defer {top}" in script
    rep = measure_own(open_design([top, child], "top"), liberty=resolve_liberty(None), timeout=120)
    assert rep.area_um2.value > 0 and rep.provenance["black_boxes"]


_LOOPIDX = """module lanes(input [0:63] a, b, output wire [0:63] s, output reg [7:0] n);
  integer k, i;
  always @(*) begin
    k = 0;
    for (i = 0; i < 8; i = i + 1) begin
      s[k*8 +: 8] = a[k*8 +: 8] + b[k*8 +: 8];
      k = k + 1;
    end
    n = a[0:7] ^ b[0:7];
  end
endmodule
"""


@pytest.mark.yosys
def test_estimate_reads_with_slang_and_nets_assigned_in_always_blocks(tmp_path: Path, monkeypatch):
    """The estimate's slang frontend: a loop-carried index becomes constant slices; a net assigned in an
    always block (Yosys reads it as a variable) is read the same way, from a copy, and the report says so.
    The number is near the Yosys-frontend estimate of the same module."""
    from rtlopt.ppa._estimate import estimate_own_slang, estimate_script

    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "lanes.v"
    src.write_text(_LOOPIDX)
    lib = resolve_liberty_default()
    ref = open_design(src, "lanes")
    est = estimate_own_slang(ref, liberty=lib, timeout=120)
    assert est.provenance["estimate"] is True
    assert "read by slang" in est.provenance["measured"] and "s" in est.provenance["measured"].split(": ")[-1]
    assert src.read_text() == _LOOPIDX  # the user's file is never edited
    assert "read_verilog" in estimate_script([src], "lanes", "x.lib")
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache2"))
    monkeypatch.setattr("rtlopt.ppa._estimate.estimate_own_slang", _refuse)
    yosys_fe = estimate_own(ref, liberty=lib, timeout=120)  # slang refused: Yosys's frontend
    assert yosys_fe.provenance["estimate"] is True and "slang" not in yosys_fe.provenance["measured"]
    assert 0.8 * yosys_fe.area_um2.value <= est.area_um2.value <= 1.25 * yosys_fe.area_um2.value


def _refuse(*_a, **_k):
    from rtlopt.errors import ToolError

    raise ToolError("slang refused (test)")


def resolve_liberty_default():
    from rtlopt.ppa.liberty import resolve_liberty

    return resolve_liberty(None)
