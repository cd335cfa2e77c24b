"""implied_condition_term on configurable modules: a drop that holds only at the elaborated parameter
values (a term read through a wire that a parameter makes constant) says so in its description and
data; one that holds at every value does not (parameters in select indices keep this copy's values)."""

from __future__ import annotations

import subprocess
import sys

from rtlopt.templates import REGISTRY, analyze

T = REGISTRY["implied_condition_term"]


def _matches(text: str, name: str = "t.v"):
    return T.match(analyze(text, name))


# at EXT = 0 `ext_op` is 0, so `!ext_op` is decided; at EXT = 1 (opcode 5 with m) it is not
EXT_V = """module dec #(parameter EXT = 0) (input [2:0] op, input m, s, output y);
  wire ext_op = EXT & (op == 3'd5) & m;
  assign y = op[0] & s & !ext_op;
endmodule
"""

# the same idea in SV: a localparam computed from a parameter, an always_comb if
EXT_SV = """module dec2 #(parameter int N = 4) (input logic [3:0] a, input logic b, c, output logic y);
  localparam bit WIDE = (N > 4);
  logic f;
  assign f = WIDE && a[3];
  always_comb begin
    y = 1'b0;
    if (b && c && !f) y = 1'b1;
  end
endmodule
"""

# parameter-independent: `!v || (v && !l)` with v a bit picked by a parameter index
PIPE_V = """module pipe #(parameter P = 2) (input [3:0] r, input l, f, output y);
  wire v = r[P+1-1];
  assign y = f && (!v || (v && !l));
endmodule
"""


def test_drop_resting_on_a_parameter_is_qualified():
    ms = _matches(EXT_V)
    assert len(ms) == 1
    assert "!ext_op" in ms[0].description
    assert "at these parameter values only: EXT" in ms[0].description
    assert ms[0].data["parameter_values"] == ["EXT"]


def test_localparam_from_a_parameter_is_qualified_sv():
    ms = _matches(EXT_SV, "t.sv")
    assert len(ms) == 1 and "!f" in ms[0].description
    assert "at these parameter values only: WIDE" in ms[0].description


def test_drop_holding_at_every_value_is_not_qualified():
    ms = _matches(PIPE_V)
    assert len(ms) == 1
    assert "parameter values" not in ms[0].description
    assert ms[0].data["parameter_values"] == []
    assert "(!v || (!l))" in T.rewrite(PIPE_V, ms)


def test_module_without_parameters_is_not_qualified():
    text = EXT_V.replace("#(parameter EXT = 0) ", "").replace("EXT & ", "1'b0 & ")
    ms = _matches(text)
    assert len(ms) == 1 and "parameter values" not in ms[0].description


def test_check_reports_the_qualifier(tmp_path):
    f = tmp_path / "dec.v"
    f.write_text(EXT_V)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "check", str(f)], capture_output=True, text=True,
                       timeout=600)
    line = next(ln for ln in r.stdout.splitlines() if "implied_condition_term" in ln)
    assert ": note:" in line and "at these parameter values only: EXT" in line
