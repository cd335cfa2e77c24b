"""Register correspondence (Yosys equiv_*) on designs with asynchronous resets ($adff).

The proof models an asynchronous reset as a synchronous one (same net, polarity, value); that is sound
only when every register pair of equal name resets alike, which the engine checks first.
"""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

pytestmark = pytest.mark.yosys

_GOLD = """module t(input clk, input RST, input [3:0] a, input [1:0] op, output reg [3:0] y);
  reg [1:0] st, st_next;
  reg [3:0] y_next;
  always @* begin
    st_next = st; y_next = y;
    case (st)
      2'd0: if (op == 2'd1) begin st_next = 2'd1; y_next = a; end
      2'd1: begin if (op[1]) st_next = 2'd2; y_next = y + a; end
      2'd2: begin st_next = 2'd0; y_next = %(arm)s; end
      default: st_next = 2'd0;
    endcase
  end
  always @(posedge clk or %(edge)s) if (%(cond)s) begin st <= 0; y <= 0; end
    else begin st <= st_next; y <= y_next; end
endmodule
"""
_GATE = """module t(input clk, input RST, input [3:0] a, input [1:0] op, output reg [3:0] y);
  reg [1:0] st, st_next;
  reg [3:0] y_next;
  always @* begin
    st_next = st; y_next = y;
    if (st == 2'd0) begin
      if (op == 2'd1) begin st_next = 2'd1; y_next = a; end
    end else if (st == 2'd1) begin
      y_next = y + a; if (op[1]) st_next = 2'd2;
    end else begin
      st_next = 2'd0; if (st == 2'd2) y_next = %(arm)s;
    end
  end
  always @(%(sens)s) if (%(cond)s) begin st <= 0; y <= %(yrst)s; end
    else begin st <= st_next; y <= y_next; end
endmodule
"""
_HIGH = {"edge": "posedge RST", "cond": "RST"}
_LOW = {"edge": "negedge RST", "cond": "!RST"}


def _pair(tmp_path, gold, gate, **kw):
    g, h = tmp_path / "g.v", tmp_path / "h.v"
    g.write_text(gold)
    h.write_text(gate)
    return check_equivalence(open_design(g), open_design(h), VerifyOptions(**{"timeout_s": 60, **kw}))


def _gate(pol, arm="y ^ a", yrst="4'd0", sync=False):
    sens = "posedge clk" if sync else f"posedge clk or {pol['edge']}"
    return _GATE % {"arm": arm, "sens": sens, "cond": pol["cond"], "yrst": yrst}


@pytest.mark.parametrize("pol", [_HIGH, _LOW], ids=["active_high", "active_low"])
def test_async_reset_rewrite_is_proven_by_register_correspondence(tmp_path, pol):
    res = _pair(tmp_path, _GOLD % {"arm": "y ^ a", **pol}, _gate(pol), engines=("equiv",))
    assert res.verdict is Verdict.EQUIVALENT, res.format_text()
    assert res.engine == "equiv"


def test_async_reset_mutant_is_never_proven(tmp_path):
    gold = _GOLD % {"arm": "y ^ a", **_HIGH}
    only = _pair(tmp_path, gold, _gate(_HIGH, arm="y | a"), engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert _pair(tmp_path, gold, _gate(_HIGH, arm="y | a")).verdict is Verdict.NOT_EQUIVALENT


def test_async_reset_made_synchronous_is_refused(tmp_path):
    """gold resets at once, the gate at the next edge: equal in a clocked model, different in silicon
    (and in a cycle where the reset is asserted, the outputs differ): the model must not be used."""
    gold = _GOLD % {"arm": "y ^ a", **_HIGH}
    only = _pair(tmp_path, gold, _gate(_HIGH, sync=True), engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert "asynchronous reset only in gold" in only.reason, only.format_text()
    assert _pair(tmp_path, gold, _gate(_HIGH, sync=True)).verdict is Verdict.NOT_EQUIVALENT


def test_async_reset_value_must_match(tmp_path):
    gold = _GOLD % {"arm": "y ^ a", **_HIGH}
    only = _pair(tmp_path, gold, _gate(_HIGH, yrst="4'd1"), engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert "reset polarity or value" in only.reason, only.format_text()
    assert _pair(tmp_path, gold, _gate(_HIGH, yrst="4'd1")).verdict is Verdict.NOT_EQUIVALENT


def test_async_reset_by_another_net_is_refused(tmp_path):
    src = ("module r(input clk, input RST, input CLR, input [3:0] d, output reg [3:0] q);\n"
           "  always @(posedge clk or posedge %s) if (%s) q <= 4'd0; else q <= d;\nendmodule\n")
    only = _pair(tmp_path, src % ("RST", "RST"), src % ("CLR", "CLR"), engines=("equiv",))
    assert only.verdict is Verdict.UNKNOWN, only.format_text()
    assert "different nets" in only.reason, only.format_text()
    same = _pair(tmp_path, src % ("RST", "RST"), src % ("RST", "RST"), engines=("equiv",))
    assert same.verdict is Verdict.EQUIVALENT, same.format_text()
