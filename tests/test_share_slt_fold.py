"""exclusive_operator_sharing: ``$signed(a) < $signed(b)`` folds into the shared subtractor as its borrow
xor both sign bits, next to ``a + b``, ``a - b`` and ``a < b`` held in SV ``logic`` temporaries driven by
continuous assignments (a variable with one continuous driver is a net); a signed comparison read
together with the subtraction does not fold. Proven with the real verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

CASE_LOGIC = """module alu(input logic [1:0] op, input logic [11:0] a, b, output logic [11:0] y);
  logic [11:0] s, d;
  logic lts, ltu;
  assign s = a + b;
  assign d = a - b;
  assign lts = $signed(a) < $signed(b);
  assign ltu = a < b;
  always_comb
    case (op)
      2'd0: y = s;
      2'd1: y = d;
      2'd2: y = {11'd0, lts};
      default: y = {11'd0, ltu};
    endcase
endmodule
"""

TERNARY = """module alu(input [1:0] op, input [11:0] a, b, output [11:0] y);
  assign y = op == 2'd0 ? a - b
           : op == 2'd1 ? {11'd0, $signed(b) >= $signed(a)}
           : op == 2'd2 ? a + b : 12'd0;
endmodule
"""

TOGETHER = """module alu(input [11:0] a, b, output [11:0] d, output lts);
  assign d = a - b;
  assign lts = $signed(a) < $signed(b);
endmodule
"""


def _slt(text: str):
    return [m for m in T.match(text) if "$signed" in m.description and "shared by" in m.description]


@pytest.mark.parametrize("text", [CASE_LOGIC, TERNARY], ids=["case_logic", "ternary"])
def test_signed_compare_folds_into_the_shared_subtractor(text):
    assert _slt(text), [m.description for m in T.match(text)]


def test_signed_compare_read_together_does_not_fold():
    assert not _slt(TOGETHER)


@pytest.mark.yosys
@pytest.mark.parametrize("text", [CASE_LOGIC, TERNARY], ids=["case_logic", "ternary"])
def test_signed_compare_fold_is_proven(tmp_path: Path, text):
    from rtlopt.verify import VerifyOptions, check_equivalence

    m = max(_slt(text), key=lambda m: len(m.description))
    new = T.rewrite(text, [m])
    suffix = "sv" if "logic" in text else "v"
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / f"t.{suffix}").write_text(text)
    (tmp_path / "gate" / f"t.{suffix}").write_text(new)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{suffix}"),
                          open_design(tmp_path / "gate" / f"t.{suffix}"), VerifyOptions(timeout_s=60))
    assert r.verdict.name == "EQUIVALENT", new
