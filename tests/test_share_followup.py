"""exclusive_operator_sharing: a unit shared by two uses of one value (``a + c`` inside a sum and ``c + a``
in another arm) is also offered together with the largest sharing it enables, as one candidate, whatever
the operand order and whether the arms are if/else or ``?:`` (the grouping must not hinge on a greedy
step's spelling-dependent measurement)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()

IFELSE = """module alu(input [7:0] a, b, c, d, input [1:0] op, input sel, output reg [7:0] r);
  always @* begin
    case (op)
      2'd0: r = (a + c) + (b + d);
      2'd1: r = a - b;
      2'd2: begin
        if (sel) r = a + c;
        else r = b + d;
      end
      default: r = a & b;
    endcase
  end
endmodule
"""

COMMUTED = IFELSE.replace("(a + c) + (b + d)", "(c + a) + (d + b)").replace("r = a + c", "r = c + a") \
    .replace("r = b + d", "r = d + b")

TERNARY = IFELSE.replace("""        if (sel) r = a + c;
        else r = b + d;""", "        r = sel ? c + a : b + d;")


def _followups(text: str) -> list[tuple[int, ...]]:
    """The operation counts of each follow-up candidate's two units (spelling-free)."""
    out = []
    for m in T.match(text):
        if ", then " in m.description:
            out.append(tuple(int(n) for n in re.findall(r"shared by (\d+)", m.description)))
    return sorted(out)


def test_followup_grouping_is_offered_in_every_spelling():
    base = _followups(IFELSE)
    assert (2, 3) in base, base  # ``a + c`` shared with the sum's ``(a + c)``, then the other three
    assert _followups(COMMUTED) == base
    assert _followups(TERNARY) == base


@pytest.mark.yosys
def test_followup_candidate_is_equivalent(tmp_path: Path):
    from rtlopt.verify import VerifyOptions, check_equivalence

    m = next(m for m in T.match(COMMUTED) if ", then " in m.description and "shared by 3" in m.description)
    new = T.rewrite(COMMUTED, [m])
    assert new is not None and new.count("rtlopt_sh") >= 2
    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / "t.v", tmp_path / "gate" / "t.v"
    g.write_text(COMMUTED)
    h.write_text(new)
    res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60))
    assert res.equivalent is True, res
