"""exclusive_operator_sharing sees a combinational block's temporaries from other blocks, and signed sums
of narrower signed names: ``always_comb begin mid = l + r; side = l - r; end`` read as
``side_sel ? side[W:1] : mid[W:1]`` in an ``always_ff`` (or under if/else, or by a continuous ternary)
becomes one adder ``{l[W-1], l} + ({r[W-1], r} ^ {W+1{side_sel}}) + side_sel`` (heldout9 audio/ms_select:
1580.3 -> 1350.0 um^2, the reference). A temporary of a clocked block (a register), a temporary also read
unguarded, and sums read under overlapping conditions never share. Candidates are proven with the real
verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.hdl.edit import apply_edits
from rtlopt.templates._share import ExclusiveOperatorSharing

T = ExclusiveOperatorSharing()
ROOT = Path(__file__).resolve().parents[1]
HELD = ROOT / "designs" / "heldout9" / "audio" / "ms_select" / "original.sv"
GEN = ROOT / "designs" / "generalization" / "sharing"

CASES = [
    (HELD, "ms_meter", "{{1{l[19]}}, l}"),
    (GEN / "sumdiff_comb_v" / "original.v", "sumdiff_top", "{{1{a[13]}}, a}"),
    (GEN / "sumdiff_comb_sv" / "original.sv", "bfly_top", "{{1{x[15]}}, x}"),
]

UNSIGNED_FF_READ = """module t(input clk, input s, input [7:0] a, b, output reg [7:0] q);
  reg [8:0] p, m;
  always @* begin
    p = a + b;
    m = a - b;
  end
  always @(posedge clk) q <= s ? m[8:1] : p[8:1];
endmodule
"""

# the temporaries are registers (assigned in a clocked block): their value is last cycle's
CLOCKED = """module t(input clk, input s, input [7:0] a, b, output reg [7:0] q);
  reg [8:0] p, m;
  always @(posedge clk) begin
    p = a + b;
    m = a - b;
  end
  always @(posedge clk) q <= s ? m[8:1] : p[8:1];
endmodule
"""

# p also reaches an output whatever s is
ALSO_UNGUARDED = """module t(input clk, input s, input [7:0] a, b, output reg [7:0] q, output [8:0] praw);
  reg [8:0] p, m;
  always @* begin
    p = a + b;
    m = a - b;
  end
  assign praw = p;
  always @(posedge clk) q <= s ? m[8:1] : p[8:1];
endmodule
"""

# both read under s (not exclusive): two results are needed at once
OVERLAP = """module t(input clk, input s, input [7:0] a, b, output reg [8:0] q, output reg [8:0] u);
  reg [8:0] p, m;
  always @* begin
    p = a + b;
    m = a - b;
  end
  always @(posedge clk) if (s) begin q <= p; u <= m; end
endmodule
"""

# the subtraction is assigned under a condition inside the block: not a plain function of its inputs
GUARDED_IN_BLOCK = """module t(input clk, input s, input e, input [7:0] a, b, output reg [7:0] q);
  reg [8:0] p, m;
  always @* begin
    p = a + b;
    m = 9'd0;
    if (e) m = a - b;
  end
  always @(posedge clk) q <= s ? m[8:1] : p[8:1];
endmodule
"""


NARROW_SIGNED = """module t(input s, input signed [3:0] a, b, output signed [7:0] y);
  assign y = s ? a + b : a - b;
endmodule
"""


def _adds(text: str):
    return [m for m in T.match(text) if "adder/subtractor shared by 2" in m.description]


@pytest.mark.parametrize("path,top,ext", CASES, ids=lambda v: getattr(v, "parent", Path(str(v))).name)
def test_comb_temporaries_read_elsewhere_share_one_adder(path, top, ext):
    text = path.read_text()
    ms = _adds(text)
    assert ms, [m.description for m in T.match(text)]
    new = apply_edits(text, ms[0].edits)
    assert ext in new  # the signed operand is sign-extended for the unit
    assert not [ln for ln in new.splitlines() if ln.strip() in ("mid  = l + r;", "side = l - r;", "sum_t = a + b;",
                                                                 "dif_t = a - b;", "p = x + y;", "m = x - y;")]


def test_unsigned_comb_temporaries_share():
    ms = _adds(UNSIGNED_FF_READ)
    assert ms
    new = apply_edits(UNSIGNED_FF_READ, ms[0].edits)
    assert "a + (b ^ {9{rtlopt_sh0_sub}}) + rtlopt_sh0_sub" in new


def test_narrow_signed_names_are_read_sign_extended():
    ms = _adds(NARROW_SIGNED)
    assert ms
    assert "{{4{a[3]}}, a} + ({{4{b[3]}}, b} ^ {8{" in apply_edits(NARROW_SIGNED, ms[0].edits)


@pytest.mark.yosys
def test_narrow_signed_shared_is_proven(tmp_path: Path):
    m = _adds(NARROW_SIGNED)[0]
    res = _prove(tmp_path, NARROW_SIGNED, apply_edits(NARROW_SIGNED, m.edits), "t", "v")
    assert res.verdict.name == "EQUIVALENT", res


@pytest.mark.parametrize("text", [CLOCKED, ALSO_UNGUARDED, OVERLAP, GUARDED_IN_BLOCK],
                         ids=["clocked", "also_unguarded", "overlap", "guarded_in_block"])
def test_not_exclusive_or_not_combinational_does_not_share(text):
    assert not _adds(text), [m.description for m in T.match(text)]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, ext: str):
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir()
    (tmp_path / "gate").mkdir()
    g, h = tmp_path / "gold" / f"t.{ext}", tmp_path / "gate" / f"t.{ext}"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design(g, top), open_design(h, top), VerifyOptions(timeout_s=90))


@pytest.mark.yosys
@pytest.mark.parametrize("path,top,ext", CASES, ids=lambda v: getattr(v, "parent", Path(str(v))).name)
def test_shared_adder_is_proven(tmp_path: Path, path, top, ext):
    text = path.read_text()
    m = _adds(text)[0]
    res = _prove(tmp_path, text, apply_edits(text, m.edits), top, path.suffix[1:])
    assert res.verdict.name == "EQUIVALENT", res

