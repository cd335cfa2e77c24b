"""A module-level ``if``/``case`` on a signal (a generate construct whose condition is not constant: the
raw RTL-Rewriter fft's ``if (sel) assign power = ...``) is invalid input: exit 2 with file:line, the
condition quoted and what to do, not only Yosys's words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.tools.yosys import _generate_condition

PICK_V = """module pick(input s, input [3:0] a, b, output [3:0] y);
  wire [3:0] t = a ^ b;
  if (s & (a != 0)) begin
    assign y = t;
  end else begin
    assign y = b;
  end
endmodule
"""

SPARE_SV = """module spare(input logic [1:0] m, input logic [7:0] a, output logic [7:0] y);
  generate
    case (m)
      2'd0: assign y = a;
      default: assign y = ~a;
    endcase
  endgenerate
endmodule
"""

# near miss: the same construct on a parameter is a legal generate-if and elaborates
OK_V = PICK_V.replace("module pick(", "module pick #(parameter S = 1) (").replace("if (s & (a != 0))", "if (S)")


def _ppa(f: Path, top: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rtlopt", "ppa", str(f), "--top", top], capture_output=True,
                          text=True, timeout=600)


def test_message_quotes_the_condition_with_balanced_parentheses(tmp_path: Path):
    f = tmp_path / "pick.v"
    f.write_text(PICK_V)
    msg = _generate_condition(str(f), 3, "Condition for generate if is not constant!")
    assert msg.startswith("invalid input: `if (s & (a != 0))` is outside any always block")
    assert "generate-if" in msg
    # other Yosys messages are left alone
    assert _generate_condition(str(f), 3, "Identifier `x' is implicitly declared.") is None


@pytest.mark.yosys
def test_verilog_generate_if_on_a_port_is_exit_2_with_file_and_line(tmp_path: Path):
    f = tmp_path / "pick.v"
    f.write_text(PICK_V)
    r = _ppa(f, "pick")
    assert r.returncode == 2, r.stderr
    assert f"{f}:3:" in r.stderr and "`if (s & (a != 0))`" in r.stderr and "generate-if" in r.stderr


@pytest.mark.yosys
def test_sv_generate_case_on_a_port_is_exit_2_with_the_case_quoted(tmp_path: Path):
    f = tmp_path / "spare.sv"
    f.write_text(SPARE_SV)
    r = _ppa(f, "spare")
    assert r.returncode == 2, r.stderr
    assert "`case (m)`" in r.stderr and "generate-case" in r.stderr


@pytest.mark.yosys
def test_near_miss_generate_if_on_a_parameter_measures(tmp_path: Path):
    f = tmp_path / "pick.v"
    f.write_text(OK_V)
    r = _ppa(f, "pick")
    assert r.returncode == 0, r.stderr
