"""branch_operand_mux on a ``case`` of two items that together take every selector value: the items' common
statement once, on multiplexed operands (``case (k) 1'b0: y <= f ? -q : q; 1'b1: y <= f ? -r : r;``:
one negation instead of two, then shared by synthesis). Found on this session's own SV divider
(designs/generalization/sharing/negshare_div_sv), the case spelling of picorv32_pcpi_div's if/else arms.
Near misses: a case some selector value falls out of (it holds there), casez, unique case, three items,
arms differing in an operator, a selector the items assign."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.templates import REGISTRY

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"

BIT = """module c1(input clk, input k, input f, input [9:0] q, r, output reg [9:0] y);
  always @(posedge clk)
    case (k)
      1'b0: y <= f ? -q : q;
      1'b1: y <= f ? -r : r;
    endcase
endmodule
"""

DFLT = """module c2(input [1:0] mode, input [11:0] a, b, output logic [11:0] y);
  always_comb begin
    case (mode)
      2'd2: y = (a > 12'd100) ? a - 12'd100 : 12'd0;
      default: y = (b > 12'd100) ? b - 12'd100 : 12'd0;
    endcase
  end
endmodule
"""

SPLIT = """module c3(input [1:0] s, input [7:0] a, b, c, output reg [8:0] y);
  always @* begin
    case (s)
      2'd0, 2'd1: y = a + c;
      2'd2, 2'd3: y = b + c;
    endcase
  end
endmodule
"""

NEG = {
    # labels 0 and 1 of a 2-bit selector, no default: y holds for 2 and 3
    "incomplete": SPLIT.replace("2'd2, 2'd3", "2'd2"),
    "casez": BIT.replace("case (k)", "casez (k)"),
    "unique": DFLT.replace("case (mode)", "unique case (mode)"),
    "three_items": DFLT.replace("default:", "2'd1: y = 12'd0;\n      default:"),
    "operator": BIT.replace("f ? -r : r", "f ? r + 1'b1 : r"),
    # only wiring differs (picorv32's halfword select: {16'b0, mem[15:0]} / {16'b0, mem[31:16]}): nothing
    # shared, the multiplexer is what synthesis builds anyway (no finding from rtlopt check)
    "wiring_only": """module c5(input [1:0] k, input [31:0] mem, output reg [31:0] y);
  always @* case (k[1])
    1'b0: y = {16'b0, mem[15: 0]};
    1'b1: y = {16'b0, mem[31:16]};
  endcase
endmodule
""",
    # the selector is assigned by the items
    "assigns_selector": """module c4(input clk, input [7:0] a, b, output reg [7:0] y);
  reg k;
  always @(posedge clk)
    case (k)
      1'b0: begin y <= -a; k <= 1'b1; end
      1'b1: begin y <= -b; k <= 1'b0; end
    endcase
endmodule
""",
}


def _case_matches(text: str):
    return [m for m in REGISTRY["branch_operand_mux"].match(text) if "case" in m.original]


@pytest.mark.parametrize("text,expect", [
    (BIT, "-(((k) == (1'b0)) ? q : r)"),
    (DFLT, "(((mode) == (2'd2)) ? a : b) > 12'd100"),
    (SPLIT, "(((s) == (2'd0) || (s) == (2'd1)) ? a : b) + c"),
])
def test_case_items_share_one_copy(text: str, expect: str):
    ms = _case_matches(text)
    assert len(ms) == 1, ms
    rep = ms[0].edits[0].replacement
    assert expect in rep and "case" not in rep, rep


@pytest.mark.parametrize("name", sorted(NEG))
def test_case_near_misses_not_offered(name: str):
    assert _case_matches(NEG[name]) == []


def _prove(tmp_path: Path, gold: str, gate: str, top: str | None = None, ext: str = "sv") -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(parents=True)
    (tmp_path / "gate").mkdir()
    (tmp_path / "gold" / f"t.{ext}").write_text(gold)
    (tmp_path / "gate" / f"t.{ext}").write_text(gate)
    r = check_equivalence(open_design(tmp_path / "gold" / f"t.{ext}", top=top),
                          open_design(tmp_path / "gate" / f"t.{ext}", top=top), VerifyOptions(timeout_s=120))
    return r.verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("text", [BIT, DFLT, SPLIT])
def test_case_rewrites_proven(tmp_path: Path, text: str):
    tmpl = REGISTRY["branch_operand_mux"]
    new = tmpl.rewrite(text, _case_matches(text))
    assert new and new != text and "case" not in new.split("endmodule")[0].split("begin", 1)[-1]
    assert _prove(tmp_path, text, new) == "EQUIVALENT", new


@pytest.mark.yosys
def test_sv_divider_case_items_fire_and_prove(tmp_path: Path):
    path = GEN / "negshare_div_sv" / "original.sv"
    text = path.read_text()
    tmpl = REGISTRY["branch_operand_mux"]
    from rtlopt.templates import analyze

    ms = [m for m in tmpl.match(analyze(text, str(path))) if m.original.startswith("case (op_q[1])")]
    assert len(ms) == 1
    new = tmpl.rewrite(text, ms)
    assert new.count("-(((op_q[1]) == (1'b0)) ? quo : acc)") == 1
    assert _prove(tmp_path, text, new, top="sdiv_case") == "EQUIVALENT", new
