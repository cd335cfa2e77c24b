"""A module the chosen top does not use is read as syntax only (``read_verilog -defer``), as Yosys reads a
multi-module file for a user who runs ``hierarchy -top``: a module elsewhere in the file that does not
elaborate (a generate ``if`` on a port, the long suite's raw FFT) no longer makes ``--top <another module>``
exit 2. The bad module as the top still does; files whose modules are all used are read as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.hdl.project import Project, yosys_read_lines

pytestmark = pytest.mark.yosys

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

# a constant-coefficient tap sum (rtlopt rewrites x*9 + x*23 + x*81 as shifts and adds) beside a module whose
# generate-if reads an input port: not constant, Yosys refuses that module when it is elaborated
TWO_V = """module taps(input clk, input [11:0] x, output reg [19:0] y);
  always @(posedge clk) y <= x * 9 + x * 23 + x * 81;
endmodule

module pick(input s, input [3:0] a, b, output [3:0] y);
  if (s) begin
    assign y = a;
  end else begin
    assign y = b;
  end
endmodule
"""

# SystemVerilog, split across files: the top instantiates a parameterized child from a second file that
# also holds an unused module with the same fault (in a generate block with a case on a port)
TOP_SV = """module wrap #(parameter int W = 4) (input logic [W-1:0] a, b, output logic [W-1:0] y);
  inv #(.W(W)) u (.a(a & b), .y(y));
endmodule
"""

LIB_SV = """module inv #(parameter int W = 4) (input logic [W-1:0] a, output logic [W-1:0] y);
  assign y = ~a;
endmodule

module spare(input logic [1:0] m, input logic [7:0] a, output logic [7:0] y);
  generate
    case (m)
      2'd0: assign y = a;
      default: assign y = ~a;
    endcase
  endgenerate
endmodule
"""


def _run(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    lib = ["--liberty", str(LIB)] if LIB.exists() else []
    return subprocess.run([sys.executable, "-m", "rtlopt", *args, *lib], capture_output=True, text=True,
                          timeout=timeout)


def test_read_lines_defer_only_files_with_unused_modules(tmp_path: Path):
    (tmp_path / "two.v").write_text(TWO_V)
    (tmp_path / "wrap.sv").write_text(TOP_SV)
    (tmp_path / "lib.sv").write_text(LIB_SV)
    proj = Project()
    lines = yosys_read_lines([tmp_path / "two.v"], "taps", proj)
    assert "-defer" in lines[0]
    # near miss: the top uses every module of its files -> read in full, as before
    (tmp_path / "one.v").write_text(TWO_V.split("module pick")[0])
    assert "-defer" not in yosys_read_lines([tmp_path / "one.v"], "taps", proj)[0]
    lines = yosys_read_lines([tmp_path / "wrap.sv", tmp_path / "lib.sv"], "wrap", proj)
    assert "-defer" not in lines[0] and "-defer" in lines[1]
    # no top: nothing is deferred
    assert all("-defer" not in ln for ln in yosys_read_lines([tmp_path / "two.v"], None, proj))


def test_ppa_of_a_module_beside_an_invalid_one(tmp_path: Path):
    f = tmp_path / "two.v"
    f.write_text(TWO_V)
    r = _run("ppa", str(f), "--top", "taps", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["metrics"]["area"]["value"] > 0


def test_near_miss_the_invalid_module_as_top_is_exit_2(tmp_path: Path):
    f = tmp_path / "two.v"
    f.write_text(TWO_V)
    r = _run("ppa", str(f), "--top", "pick")
    assert r.returncode == 2, r.stderr
    assert "generate if is not constant" in r.stderr


def test_sv_split_files_parameter_override_still_applies(tmp_path: Path):
    (tmp_path / "wrap.sv").write_text(TOP_SV)
    (tmp_path / "lib.sv").write_text(LIB_SV)
    areas = []
    for w in ("4", "16"):
        r = _run("ppa", str(tmp_path / "wrap.sv"), str(tmp_path / "lib.sv"), "--top", "wrap", "-G", f"W={w}",
                 "--json")
        assert r.returncode == 0, r.stderr
        areas.append(json.loads(r.stdout)["metrics"]["area"]["value"])
    assert areas[1] > 3 * areas[0]  # -G W=16 reached the deferred child: four times the gates of W=4


def test_optimize_the_module_beside_an_invalid_one(tmp_path: Path):
    f = tmp_path / "two.v"
    f.write_text(TWO_V)
    out = tmp_path / "out.v"
    r = _run("optimize", str(f), "--top", "taps", "--budget", "90", "--json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["changed"] and d["ppa"]["area"]["after"]["value"] < d["ppa"]["area"]["before"]["value"]
    assert "module pick" in out.read_text()  # the other module is kept as written
    v = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(f), str(out), "--top", "taps"],
                       capture_output=True, text=True, timeout=600)
    assert v.returncode == 0 and "EQUIVALENT" in v.stdout, v.stdout + v.stderr
