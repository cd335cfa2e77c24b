"""Backward retiming across a module boundary (rtlopt.semantic.bretime_hier + bretime): a child's output
register whose net in the parent is read only by combinational decoder instances -- the decoders inlined
into the child, then the union of their functions moved before the register. Designs: an interrupt vector
latch and a sibling classifier (Verilog, parameters from the parent, async active-low reset) and a header
register module with a sibling decoder (SV always_ff, async active-high reset to a nonzero value).
Restyle: register module and decoder in their own files, a synchronous reset. Near misses: the net also
read in the parent, a decoder reading an expression of it, a decoder with another input, decoders as wide
as the register. The register module is changed as a copy for its instance (other uses keep it). Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import bretime

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _file(tmp_path: Path, text: str, name: str = "d.v") -> Path:
    f = tmp_path / name
    f.write_text(text)
    return f


@pytest.mark.yosys
@pytest.mark.parametrize("name, top, bits", [("bretime_hier_dec_v", "irq_front", "12 -> 4"),
                                             ("bretime_hier_dec_sv", "burst_ctl", "16 -> 7")])
def test_decoder_inlined_and_retimed(tmp_path, name, top, bits):
    src = next((GEN / name).glob("original.*"))
    f = _file(tmp_path, src.read_text(), "d" + src.suffix)
    got = bretime.candidates_for({f: f.read_text()}, top, timeout_s=60)
    assert got, "no candidate"
    new, desc = got[0]
    assert bits in desc and "inlined into" in desc, desc
    t = new[f]
    assert "u_cls (" not in t and "u_d (" not in t  # the decoder instance is gone from the parent
    assert "_rtlopt_iu_" in t  # the register module's copy for this instance
    assert abc_verdict(tmp_path, f, t, top) == "EQUIVALENT"


_REG = """
module cap (input clk, input srst, input en, input [9:0] d, output reg [9:0] q);
  always @(posedge clk)
    if (srst) q <= 10'h3ff;
    else if (en) q <= d;
endmodule
"""
_DEC = """
module dec (input [9:0] x, output [1:0] hi, output lo);
  assign hi = x[9:8] & x[7:6];
  assign lo = ^x[5:0];
endmodule
"""
_TOP = """
module t (input clk, input srst, input en, input [9:0] d, output [1:0] hi, output lo EXTRA_PORT);
  wire [9:0] q;
  cap u_c (
    .clk(clk), .srst(srst), .en(en),
    .d(d),
    .q(q)
  );
  dec u_x (.x(q), .hi(hi), .lo(lo));
  EXTRA
endmodule
"""


def _top(extra: str = "", port: str = "") -> str:
    return _TOP.replace("EXTRA_PORT", port).replace("EXTRA", extra)


@pytest.mark.yosys
def test_restyle_three_files_sync_reset(tmp_path):
    a, b, c = _file(tmp_path, _REG, "cap.v"), _file(tmp_path, _DEC, "dec.v"), _file(tmp_path, _top(), "t.v")
    texts = {a: _REG, b: _DEC, c: _top()}
    got = bretime.candidates_for(texts, "t", timeout_s=60)
    assert got and "10 -> 3" in got[0][1], got
    new = got[0][0]
    # the register module changed as a copy for this instance, in the parent's file; the others unchanged
    assert "dec u_x" not in new[c] and "cap_rtlopt_iu_c u_c" in new[c] and "q_f0 <=" in new[c]
    assert new[a] == _REG and new[b] == _DEC
    gold = _file(tmp_path, _REG + _DEC + _top(), "gold.v")
    assert abc_verdict(tmp_path, gold, "\n".join(new[p] for p in (a, b, c)), "t") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("top_text", [
    _top("assign dbg = q[0];", ", output dbg"),                       # the net read in the parent too
    _top().replace("dec u_x (.x(q)", "dec u_x (.x(q ^ 10'h1)"),      # the decoder reads an expression of it
])
def test_near_misses_not_offered(tmp_path, top_text):
    f = _file(tmp_path, _REG + _DEC + top_text)
    got = bretime.candidates_for({f: f.read_text()}, "t", timeout_s=60)
    assert not [d for _n, d in got if "inlined into" in d], got


@pytest.mark.yosys
def test_register_module_used_twice_keeps_the_other(tmp_path):
    top = _top("wire [9:0] q2;\n  cap u_c2 (.clk(clk), .srst(srst), .en(en), .d(~d), .q(q2));\n  assign o2 = q2;",
               ", output [9:0] o2")
    f = _file(tmp_path, _REG + _DEC + top)
    got = bretime.candidates_for({f: f.read_text()}, "t", timeout_s=60)
    assert got and "inlined into" in got[0][1], got
    t = got[0][0][f]
    assert "cap u_c2" in t and "module cap (" in t and "cap_rtlopt_iu_c u_c" in t
    assert abc_verdict(tmp_path, f, t, "t") == "EQUIVALENT"


@pytest.mark.yosys
def test_decoder_with_another_input_or_as_wide_not_offered(tmp_path):
    dec2 = _DEC.replace("input [9:0] x,", "input [9:0] x, input k,").replace("^x[5:0]", "^x[5:0] ^ k")
    top2 = _top().replace(".x(q),", ".x(q), .k(en),")
    f = _file(tmp_path, _REG + dec2 + top2)
    got = bretime.candidates_for({f: f.read_text()}, "t", timeout_s=60)
    assert not [d for _n, d in got if "inlined into" in d], got
    wide = _DEC.replace("output [1:0] hi, output lo", "output [9:0] hi, output lo").replace(
        "assign hi = x[9:8] & x[7:6];", "assign hi = x + 10'd3;")
    top3 = _top().replace("output [1:0] hi", "output [9:0] hi")
    g = _file(tmp_path, _REG + wide + top3, "e.v")
    got = bretime.candidates_for({g: g.read_text()}, "t", timeout_s=60)
    assert not [d for _n, d in got if "inlined into" in d], got
