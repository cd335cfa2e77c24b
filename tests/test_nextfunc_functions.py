"""nextfunc through function calls: a register loaded with f(next values) where f is a user function
(Verilog-2005 function with a loop, SV function automatic, nested calls) is f(registers); a function
that reads a module signal is an operand the candidate cannot see and rejects the register."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DESIGNS

pytestmark = pytest.mark.yosys

CASE = DESIGNS / "generalization" / "seqredundancy" / "next_check_func"


def _cands(p: Path, top: str):
    from rtlopt.semantic import nextfunc

    return nextfunc.candidates_for({p: p.read_text()}, top)


def test_registers_loaded_through_functions_become_functions_of_the_register(tmp_path):
    p = CASE / "original.v"
    got = _cands(p, "hold_check")
    descs = [d for _, d in got]
    assert any("'chk' == check_bits(data)" in d and "'is_zero' == zero16(data)" in d for d in descs), descs
    both = next(n[p] for n, d in got if "'chk'" in d and "'is_zero'" in d)
    assert "always @* chk = check_bits(data);" in both and "chk     <=" not in both
    out = tmp_path / "new.v"
    out.write_text(both)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(out), "--top", "hold_check"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


SV_NESTED = """
module plru (input logic clk, input logic rst_n, input logic hit, input logic [1:0] way,
             output logic [1:0] vic, output logic [3:0] vic_oh);
  logic [2:0] t, t_n;
  function automatic logic [1:0] pick(input logic [2:0] b);
    return b[0] ? {1'b1, b[2]} : {1'b0, b[1]};
  endfunction
  function automatic logic [3:0] onehot(input logic [2:0] b);
    return 4'b0001 << pick(b);
  endfunction
  always_comb begin
    t_n = t;
    if (hit) begin t_n[0] = ~way[1]; t_n[way[1] ? 2 : 1] = ~way[0]; end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin t <= '0; vic <= '0; vic_oh <= 4'b0001; end
    else begin t <= t_n; vic <= pick(t_n); vic_oh <= onehot(t_n); end
endmodule
"""

IMPURE = """
module m (input clk, input rst, input [3:0] d, input [3:0] k, output reg [3:0] q, output reg [3:0] r);
  function [3:0] mix;
    input [3:0] x;
    mix = x ^ k;  // reads the input k: r is not a function of q alone
  endfunction
  always @(posedge clk)
    if (rst) begin q <= 4'd0; r <= 4'd0; end
    else begin q <= d; r <= mix(d); end
endmodule
"""


def test_nested_pure_functions_in_systemverilog(tmp_path):
    p = tmp_path / "plru.sv"
    p.write_text(SV_NESTED)
    descs = [d for _, d in _cands(p, "plru")]
    assert any("'vic' == pick(t)" in d and "'vic_oh' == onehot(t)" in d for d in descs), descs


def test_function_reading_a_module_signal_rejects_the_register(tmp_path):
    p = tmp_path / "m.v"
    p.write_text(IMPURE)
    assert _cands(p, "m") == []
    # the same through a pure function calling the impure one
    nested = IMPURE.replace("r <= mix(d);", "r <= wrap(d);").replace(
        "  always @(posedge clk)", "  function [3:0] wrap;\n    input [3:0] x;\n    wrap = mix(x);\n"
        "  endfunction\n  always @(posedge clk)")
    p.write_text(nested)
    assert _cands(p, "m") == []
