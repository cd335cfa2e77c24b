"""Module-by-module runs do not search a module whose internals another module reads by hierarchical
reference (``u_stage.valid_q``): its rewrite is proven at its own ports only, which says nothing about
those signals (a module with no output ports, like the long suite's cpu pipeline registers read as
``ID_EX_Reg.ALUSrcA``, is proven vacuously: `rtlopt verify` calls any change of it equivalent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.engine.hierarchy import _hier_read

# a pipeline stage with no output ports: its registers are read by the parent through the instance
STAGE_V = """module stage(input clk, input [7:0] a, b);
  reg [7:0] sum_q;
  always @(posedge clk) sum_q <= (a + b) & 8'hff;
endmodule
"""
# a child with ports only: searched as before
ADD_V = """module addc(input clk, input [7:0] x, input s, output reg [7:0] y);
  always @(posedge clk) y <= s ? x + 8'd1 : x + 8'd1;
endmodule
"""
TOP_V = """module top(input clk, input [7:0] a, b, input s, output [7:0] y, output [7:0] z);
  stage u_stage(.clk(clk), .a(a), .b(b));
  addc u_add(.clk(clk), .x(a), .s(s), .y(y));
  assign z = u_stage.sum_q;
endmodule
"""
# SV: the stage inside a generate block, read as g[0].u_st.sum_q
TOP_SV = """module top2(input logic clk, input logic [7:0] a, b, output logic [7:0] z);
  for (genvar i = 0; i < 1; i++) begin : g
    stage u_st(.clk(clk), .a(a), .b(b));
  end
  always_comb z = g[0].u_st.sum_q;
endmodule
"""


def _design(tmp_path: Path, top_text: str, top: str, name: str = "top.v"):
    (tmp_path / "stage.v").write_text(STAGE_V)
    (tmp_path / "addc.v").write_text(ADD_V)
    (tmp_path / name).write_text(top_text)
    files = [tmp_path / name, tmp_path / "stage.v"] + ([tmp_path / "addc.v"] if "addc" in top_text else [])
    return open_design([str(f) for f in files], top)


def test_module_read_by_hierarchical_reference_is_found(tmp_path: Path):
    d = _design(tmp_path, TOP_V, "top")
    texts = {p: p.read_text() for p in d.files}
    assert _hier_read(d, ["top", "stage", "addc"], texts) == {"stage": "u_stage.sum_q"}


def test_generate_scoped_reference_is_found_sv(tmp_path: Path):
    d = _design(tmp_path, TOP_SV, "top2", "top2.sv")
    texts = {p: p.read_text() for p in d.files}
    assert _hier_read(d, ["top2", "stage"], texts) == {"stage": "u_st.sum_q"}


def test_near_miss_port_connections_and_comments_are_not_references(tmp_path: Path):
    top = TOP_V.replace("  assign z = u_stage.sum_q;\n", "  // u_stage.sum_q is not read here\n  assign z = a;\n")
    d = _design(tmp_path, top, "top")
    texts = {p: p.read_text() for p in d.files}
    assert _hier_read(d, ["top", "stage", "addc"], texts) == {}


@pytest.mark.yosys
def test_hierarchical_run_leaves_the_referenced_module_alone(tmp_path: Path):
    d = _design(tmp_path, TOP_V, "top")
    out = tmp_path / "out"
    out.mkdir()
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", *[str(f) for f in d.files], "--top", "top",
                        "--hierarchical", "--budget", "60", "-j", "1", "--json", "-q", "-o", str(out)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode in (0, 1), r.stderr[-2000:]
    rows = {m["module"]: m for m in json.loads(r.stdout)["modules"]}
    assert rows["stage"]["status"] == "skipped"
    assert "hierarchical reference (u_stage.sum_q)" in rows["stage"]["note"]
    assert "hierarchical reference" not in (rows["addc"].get("note") or "")
    assert rows["addc"]["status"] != "skipped"
    # the stage's text is never edited
    written = out / "stage.v"
    assert not written.exists() or written.read_text() == STAGE_V
