"""`rtlopt ppa --timeout S`: a measurement that does not finish in time is the user's limit, exit 8
(as optimize's budget), never exit 6 ("a tool failed unexpectedly"); a large array is named as the
likely reason. (The long suite's human cpu design: exit 6 "yosys exceeded its time limit" at 300 s.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

MULS = """module muls(input clk, input [63:0] a, b, c, output reg [127:0] y);
  always @(posedge clk) y <= a * b + (a * c) + (b * c);
endmodule
"""

MEM_SV = """module store(input logic clk, we, input logic [9:0] wa, ra, input logic [63:0] d, output logic [63:0] q);
  logic [63:0] mem [1024];
  always_ff @(posedge clk) begin
    if (we) mem[wa] <= d;
    q <= mem[ra];
  end
endmodule
"""

SMALL = """module and4(input [3:0] a, b, output [3:0] y);
  assign y = a & b;
endmodule
"""


def _ppa(tmp_path: Path, name: str, text: str, *extra: str):
    f = tmp_path / name
    f.write_text(text)
    lib = ["--liberty", str(LIB)] if LIB.exists() else []
    return subprocess.run([sys.executable, "-m", "rtlopt", "ppa", str(f), *lib, *extra],
                          capture_output=True, text=True, timeout=900)


def test_time_limit_is_exit_8(tmp_path: Path):
    r = _ppa(tmp_path, "muls.v", MULS, "--timeout", "1")
    assert r.returncode == 8, r.stderr
    assert "within --timeout 1 s" in r.stderr and "Traceback" not in r.stderr


def test_time_limit_names_a_large_array_sv_json(tmp_path: Path):
    r = _ppa(tmp_path, "store.sv", MEM_SV, "--timeout", "1", "--json")
    assert r.returncode == 8, r.stderr
    d = json.loads(r.stdout)
    text = json.dumps(d)
    assert "store.mem" in text and "65536 bits" in text


def test_near_miss_a_design_that_fits_is_measured(tmp_path: Path):
    r = _ppa(tmp_path, "and4.v", SMALL, "--timeout", "600")
    assert r.returncode == 0, r.stderr
