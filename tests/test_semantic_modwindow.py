"""A window check written with range compares and wrap cases is a threshold of the modular distance:
``(a - b) mod 2^n < K`` (one subtraction, one compare), found by simulating the cone over every distance
from two random bases. Lifted on a real Yosys netlist and proven; a window that does not wrap (its answer
depends on the base, not only on the distance) is not lifted."""

from __future__ import annotations

import pytest

WRAP = """module m (input [11:0] now, input [11:0] stamp, output reg fresh);
  reg [11:0] oldest;
  always @* begin
    oldest = now - 12'd100;
    if (now >= 12'd100) fresh = (stamp > oldest) && (stamp <= now);
    else                fresh = (stamp > oldest) || (stamp <= now);
  end
endmodule
"""

NO_WRAP = """module m (input [11:0] now, input [11:0] stamp, output fresh);
  wire [12:0] lim = {1'b0, now} + 13'd100;
  assign fresh = (stamp >= now) && ({1'b0, stamp} < lim);
endmodule
"""


def _lifts(tmp_path, src):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text(src)
    return f, lift_module(elaborate_modules([f], ["m"])["m"])


@pytest.mark.yosys
def test_wrapping_window_is_a_modular_distance_compare(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    f, lifts = _lifts(tmp_path, WRAP)
    lf = next((x for x in lifts if x.lhs == "fresh"), None)
    assert lf is not None and lf.kind == "mod_window_less_than_const", [(x.lhs, x.kind) for x in lifts]
    assert lf.exprs[0] == "(now - stamp) < 12'd100", lf.exprs
    new = apply_lift(WRAP, "m", lf.targets, lf.operands, lf.lhs, lf.exprs[0],
                     cone_names=frozenset(lf.notes.get("cone_names", ())))
    assert new is not None
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
def test_non_wrapping_window_not_lifted(tmp_path):
    _f, lifts = _lifts(tmp_path, NO_WRAP)
    assert not any(x.kind.startswith("mod_window") for x in lifts), [(x.lhs, x.kind) for x in lifts]
