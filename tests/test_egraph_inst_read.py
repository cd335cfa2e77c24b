"""E-graph flattened child instances read straight from their output (``yp = tp``, ``qa <= oa``): when
the extraction shares a costly class inside the instance's cone with the parent (r_neg_mul: the negated
channel's product is the other channel's, negated), the reading site is written from the parent's terms
so the instance's output goes unread (synthesis removes it) instead of keeping the instance next to the
parent's new copy of its product. Near miss: an output also read where the e-graph does not look keeps
the instance, and whatever is offered stays proven."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
GEN = ROOT / "designs" / "generalization" / "instshare"

pytestmark = pytest.mark.yosys


def _opt(text: str, module: str, name: str) -> str | None:
    got = [t for m, t, _i in optimize_text(text, name, budget_s=60) if m == module]
    return got[0] if got else None


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.design import open_design
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def _proven(tmp_path: Path, gold: str, gate: str, suffix: str, top: str) -> str:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    g, t = tmp_path / f"g{suffix}", tmp_path / f"t{suffix}"
    g.write_text(gold)
    t.write_text(gate)
    res = check_equivalence(open_design([g], top), open_design([t], top), VerifyOptions(timeout_s=240))
    return str(res.verdict).split(".")[-1].upper()


def _reads(text: str, top: str, name: str) -> int:
    body = text[text.index(f"module {top}"):]
    return len(re.findall(rf"(?<![\w.]){name}\b", body))


@pytest.mark.parametrize("fname,top,outs", [
    ("negchan_v.v", "bal_pair", ("tp", "tn")),
    ("regchan_sv.sv", "tap_pair", ("oa", "ob")),
    ("mixpass_v.v", "mix_top", ("z1", "z2")),  # m1's other output (cpass) stays read
])
def test_shared_product_read_through_instance_output(tmp_path, fname, top, outs):
    src = (GEN / fname).read_text()
    new = _opt(src, top, fname)
    assert new is not None
    body = new[new.index(f"module {top}"):]
    assert body.count("*") == 1  # one product in the parent
    assert re.search(r"\+ eg_\d+;", body) and re.search(r"- eg_\d+;", body)
    for o in outs:  # both instance outputs are left unread (declared and connected only)
        assert _reads(new, top, o) == 2, o
    suffix = Path(fname).suffix
    assert _proven(tmp_path, src, new, suffix, top) == "EQUIVALENT"
    before = _area(tmp_path, src, suffix, top, "before")
    after = _area(tmp_path, new, suffix, top, "after")
    assert after < before * 0.85, (before, after)


# the positive channel's output is also compared with a threshold inside a sequential block the
# e-graph does not model (a counter of overloads): that instance must stay, and anything offered is proven
NEAR = """
module nm_chan (base, d, g, y);
  input  signed [7:0]  base;
  input  signed [8:0]  d;
  input         [4:0]  g;
  output signed [15:0] y;
  wire signed [5:0] gs = {1'b0, g};
  assign y = (base <<< 3) + d * gs;
endmodule

module nm_pair (clk, a, off, g, yp, yn, cnt);
  input clk;
  input  signed [7:0]  a;
  input  signed [7:0]  off;
  input         [4:0]  g;
  output signed [15:0] yp;
  output signed [15:0] yn;
  output reg    [3:0]  cnt;
  wire signed [8:0]  dp = off;
  wire signed [15:0] tp, tn;
  nm_chan cp (.base(a), .d(dp), .g(g), .y(tp));
  nm_chan cn (.base(a), .d(-dp), .g(g), .y(tn));
  assign yp = tp;
  assign yn = tn;
  always @(posedge clk) begin : ovl
    integer i;
    for (i = 0; i < 2; i = i + 1)
      if (tp > 16'sd900 + i) cnt <= cnt + 1'b1;
  end
endmodule
"""


def test_output_read_elsewhere_keeps_instance(tmp_path):
    new = _opt(NEAR, "nm_pair", "near.v")
    if new is None:
        return  # nothing offered: the original stands
    assert "assign yp = tp;" in new  # its instance stays (the counter reads tp): the copy is not rewritten
    assert _proven(tmp_path, NEAR, new, ".v", "nm_pair") == "EQUIVALENT"
