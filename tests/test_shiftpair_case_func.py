"""opposite_shift_pair, same amount, written as a statement other than a ternary: the two items of a
``case``/``unique case`` on a one-bit selector (or one item and a default) assigning ``x << n`` and ``x >> n``
to one target, and a function body's if/else (its formals are not module signals, so the shared shifter is a
named block with its own variables in place of the statement). Near misses (other operands, a third case
item, casez, different amounts, a function whose arms assign different targets) never fire. Candidates are
proven with the real verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.hdl.edit import apply_edits
from rtlopt.templates._shiftpair import OppositeShiftPair

T = OppositeShiftPair()
GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"

CASE_DEFAULT = """module t(input [9:0] x, input [2:0] n, input [1:0] m, output reg [9:0] y);
  always @* begin
    case (m)
      2'd2: y = x >> n;
      default: y = x << n;
    endcase
  end
endmodule
"""

FUNC_SV = """module t(input logic [10:0] x, input logic [2:0] n, input logic up, output logic [10:0] y);
  function automatic logic [10:0] sh(input logic [10:0] v, input logic [2:0] k, input logic u);
    case (u)
      1'b0: sh = v >> k;
      1'b1: sh = v << k;
    endcase
  endfunction
  assign y = sh(x, n, up);
endmodule
"""

POSITIVES = [
    (GEN / "shiftpair_case_sv" / "original.sv", "scaler_top", "module"),
    (GEN / "shiftpair_func_v" / "original.v", "barrel_top", "function"),
    (CASE_DEFAULT, "t", "module"),
    (FUNC_SV, "t", "function"),
]

NEGATIVES = {
    "case_other_operand": """module t(input [9:0] x, z, input [2:0] n, input d, output reg [9:0] y);
  always @* begin
    case (d)
      1'b0: y = x << n;
      1'b1: y = z >> n;
    endcase
  end
endmodule
""",
    "case_third_item": """module t(input [9:0] x, input [2:0] n, input [1:0] d, output reg [9:0] y);
  always @* begin
    case (d)
      2'd0: y = x << n;
      2'd1: y = x >> n;
      default: y = x;
    endcase
  end
endmodule
""",
    "case_two_items_wide_selector": """module t(input [9:0] x, input [2:0] n, input [1:0] d, output reg [9:0] y);
  always @* begin
    y = x;
    case (d)
      2'd0: y = x << n;
      2'd1: y = x >> n;
    endcase
  end
endmodule
""",
    "casez": """module t(input [9:0] x, input [2:0] n, input [1:0] d, output reg [9:0] y);
  always @* begin
    casez (d)
      2'b1?: y = x << n;
      default: y = x >> n;
    endcase
  end
endmodule
""",
    "func_other_operand": """module t(input [9:0] x, z, input [2:0] n, input c, output [9:0] y);
  function [9:0] f;
    input [9:0] v, w;
    input [2:0] k;
    input l;
    begin
      if (l) f = v << k;
      else f = w >> k;
    end
  endfunction
  assign y = f(x, z, n, c);
endmodule
""",
    "func_other_amount": """module t(input [9:0] x, input [2:0] n, m, input c, output [9:0] y);
  function [9:0] f;
    input [9:0] v;
    input [2:0] k, j;
    input l;
    begin
      if (l) f = v << k;
      else f = v >> j;
    end
  endfunction
  assign y = f(x, n, m, c);
endmodule
""",
}


def _text(src):
    return src.read_text() if isinstance(src, Path) else src


def _rev(text: str):
    return [m for m in T.match(text) if "one right shifter" in m.description]


@pytest.mark.parametrize("src,top,where", POSITIVES, ids=["case_sv", "func_v", "case_default", "func_sv_case"])
def test_statement_forms_share_one_right_shifter(src, top, where):
    text = _text(src)
    (m,) = _rev(text)
    new = apply_edits(text, m.edits)
    assert new.count("<<") == text.count("<<") - 1  # the left shifter is gone
    if where == "function":
        assert "begin : rtlopt_rs0" in new and "rtlopt_rs0_s = (" in new and "wire" not in new.split("function")[0]
    else:
        assert "= rtlopt_rs0_x >> " in new and "{rtlopt_rs0[0], rtlopt_rs0[1]," in new


@pytest.mark.parametrize("name", sorted(NEGATIVES))
def test_near_misses_do_not_fire(name):
    assert not _rev(NEGATIVES[name]), [m.description for m in T.match(NEGATIVES[name])]


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,where", POSITIVES, ids=["case_sv", "func_v", "case_default", "func_sv_case"])
def test_statement_forms_are_proven(tmp_path: Path, src, top, where):
    from rtlopt.verify import VerifyOptions, check_equivalence

    text = _text(src)
    (m,) = _rev(text)
    name = src.name if isinstance(src, Path) else ("t.sv" if "logic" in text else "t.v")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / name, tmp_path / "gate" / name
    g.write_text(text)
    h.write_text(apply_edits(text, m.edits))
    res = check_equivalence(open_design(g, top), open_design(h, top), VerifyOptions(timeout_s=90))
    assert res.verdict.name == "EQUIVALENT", res
