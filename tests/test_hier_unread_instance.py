"""Module-by-module runs: an instance none of whose outputs is connected (a positional port list shorter
than the module's ports -- the long suite's cpu connects 5 of ALU_raw's 27 ports, all inputs -- or
``.y()``) is removed by synthesis of the design with everything below it. It is not measured, searched
or counted in the total; its row says where it is. Near misses: one output connected, internals read
by hierarchical reference, a module without output ports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.engine.hierarchy import elaborated_counts

pytestmark = pytest.mark.yosys

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

# a wide multiply-add unit (large) with a small helper below it
MAC_V = """module mac(input [15:0] a, b, c, input [3:0] op, output reg [31:0] y, output z);
  wire [15:0] s;
  addh h(.p(a), .q(c), .s(s));
  always @(*) y = op[0] ? a * b + s : a * c;
  assign z = y == 32'd0;
endmodule
module addh(input [15:0] p, q, output [15:0] s);
  assign s = p + q;
endmodule
"""
# Verilog: positional list of 2 of the 6 ports (both inputs): no output connected
TOP_V = """module top(input clk, input [15:0] a, b, output reg [15:0] q);
  wire [31:0] r;
  mac u_mac(a, b);
  always @(posedge clk) q <= a ^ b;
endmodule
"""
# SV: named connections, outputs left open with .y() / .z()
TOP_SV = """module top2(input logic clk, input logic [15:0] a, b, output logic [15:0] q);
  mac u_m(.a(a), .b(b), .c(a), .op(4'd1), .y(), .z());
  always_ff @(posedge clk) q <= a & b;
endmodule
"""
# near misses: one output connected; internals read through the instance
TOP_ONE = TOP_V.replace("mac u_mac(a, b);", "mac u_mac(a, b, a, 4'd1, , r[0]);").replace("a ^ b", "a ^ b ^ r[0]")
TOP_REF = TOP_V.replace("q <= a ^ b;", "q <= a ^ u_mac.s;")


def _files(tmp_path: Path, top_text: str, name: str) -> list[str]:
    (tmp_path / "mac.v").write_text(MAC_V)
    (tmp_path / name).write_text(top_text)
    return [str(tmp_path / name), str(tmp_path / "mac.v")]


@pytest.mark.parametrize("text,name,top,where", [(TOP_V, "top.v", "top", "top.v:3: instance u_mac"),
                                                  (TOP_SV, "top2.sv", "top2", "top2.sv:2: instance u_m")])
def test_unread_instance_and_its_subtree_are_not_counted(tmp_path: Path, text, name, top, where):
    d = open_design(_files(tmp_path, text, name), top=top)
    dead: dict = {}
    counts = elaborated_counts(d.parsed, top, dead)
    assert counts == {top: 1}
    assert dead == {"mac": where}


@pytest.mark.parametrize("text", [TOP_ONE, TOP_REF])
def test_near_miss_connected_or_referenced_instance_counts(tmp_path: Path, text):
    d = open_design(_files(tmp_path, text, "top.v"), top="top")
    dead: dict = {}
    assert elaborated_counts(d.parsed, "top", dead) == {"top": 1, "mac": 1, "addh": 1}
    assert dead == {}


def _ppa(files: list[str], top: str) -> float:
    lib = ["--liberty", str(LIB)] if LIB.exists() else []
    r = subprocess.run([sys.executable, "-m", "rtlopt", "ppa", *files, "--top", top, "--json", *lib],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)["metrics"]["area"]["value"]


def test_synthesis_removes_the_unread_instance(tmp_path: Path):
    # what the rule rests on: the design's area is that of the design without the instance
    with_inst = _ppa(_files(tmp_path, TOP_V, "top.v"), "top")
    (tmp_path / "bare.v").write_text(TOP_V.replace("  mac u_mac(a, b);\n", ""))
    assert with_inst == pytest.approx(_ppa([str(tmp_path / "bare.v")], "top"))
    # near miss: with one output read, the unit is there
    assert _ppa(_files(tmp_path, TOP_ONE, "top.v"), "top") > with_inst + 100


def test_hierarchical_run_skips_it_and_leaves_it_out_of_the_total(tmp_path: Path):
    files = _files(tmp_path, TOP_V, "top.v")
    lib = ["--liberty", str(LIB)] if LIB.exists() else []
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", *files, "--top", "top", "--hierarchical",
                        "--budget", "60", "-j", "1", "--json", "-q", *lib], capture_output=True, text=True,
                       timeout=900)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rep = json.loads(r.stdout)
    rows = {m["module"]: m for m in rep["modules"]}
    for m in ("mac", "addh"):
        assert rows[m]["status"] == "skipped" and rows[m]["instances"] == 0
        assert rows[m]["area_before"] is None
    assert "no output of its instances is connected (top.v:3: instance u_mac)" in rows["mac"]["note"]
    assert rows["top"]["area_before"] is not None
    assert rep["total"]["area_before_um2"] == pytest.approx(rows["top"]["area_before"])
