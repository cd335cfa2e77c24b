"""register_width_reduction, wrapping counters (``rtlopt.templates._regwrap``): a counter proven to stay in
``0..B`` whose every read is a comparison with a constant (or its own step) is kept in ``k`` bits that wrap,
when each comparison agrees on ``v`` and ``v mod 2^k`` for every ``v`` in ``2^k..B``. Positive: the own
designs under ``designs/generalization/wrapcount/`` (an ``integer`` in a Verilog one-process receiver, an
8-bit SV counter stepped by a ternary and read by a ``case``), proven and smaller than the value-range
narrowing. Near misses: a ``<`` compare that sees the wrap, a range that reaches a compared residue, a
read that is no comparison -- no wrap, and the forced wrap is refuted by the verifier."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rtlopt.templates import REGISTRY
from rtlopt.templates._regwrap import wrap_bits
from rtlopt.templates._sem import analyze

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization" / "wrapcount"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
T = REGISTRY["register_width_reduction"]


def _wraps(text: str, suffix: str = ".v"):
    return [m for m in T.match(analyze(text, "d" + suffix)) if isinstance(m.data, dict) and m.data.get("kind") == "wrap"]


def test_wrap_bits():
    assert wrap_bits([("Equality", 7)], 8, 4) == 3  # 8 -> 0, no 7
    assert wrap_bits([("Equality", 7)], 15, 4) is None  # 15 -> 7: seen
    assert wrap_bits([("Equality", 3)], 4, 3) == 2
    assert wrap_bits([("Inequality", 3), ("Equality", 0)], 4, 3) is None  # 4 -> 0 is seen by == 0
    assert wrap_bits([("LessThan", 4)], 8, 4) is None  # 8 < 4 is false, 0 < 4 true
    assert wrap_bits([("GreaterThanEqual", 6)], 9, 4) is None
    assert wrap_bits([("Equality", 5)], 5, 3) is None  # the range itself fits 3 bits: ordinary narrowing
    assert wrap_bits([("Equality", 2), ("Equality", 9)], 12, 4) is None  # 9 itself is above 2^3


def _design(name: str) -> tuple[str, str, str]:
    d = GEN / name
    f = next(d.glob("original.*"))
    return f.read_text(), f.suffix, json.loads((d / "case.json").read_text())["top"]


def test_designs_wrap():
    text, sfx, _top = _design("wrapcount_twrx_v")
    (m,) = _wraps(text, sfx)
    assert m.data["bits"] == 3 and "0..8" in m.description
    text, sfx, _top = _design("wrapcount_burst_sv")
    (m,) = _wraps(text, sfx)
    assert m.data["bits"] == 2 and "0..4" in m.description


# the receiver with a restyled counter: a 5-bit vector stepped in a clocked block of its own
RESTYLED = """module rx5 (input clk, input rst, input tick, input go, input d, output reg [7:0] q, output reg ok);
  reg [1:0] st;
  reg [4:0] n;
  always @(posedge clk)
    if (rst) n <= 5'd0;
    else if (st == 2'd0) n <= 5'd0;
    else if (st == 2'd1 && tick) n <= n + 5'd1;
  always @(posedge clk) begin
    if (rst) begin st <= 2'd0; q <= 8'd0; ok <= 1'b0; end
    else begin
      ok <= 1'b0;
      case (st)
        2'd0: if (go) st <= 2'd1;
        2'd1: if (tick) begin q <= {d, q[7:1]}; if (n == 5'd7) st <= 2'd2; end
        default: begin ok <= 1'b1; st <= 2'd0; end
      endcase
    end
  end
endmodule
"""

# near misses: the same receiver with a read the wrap would change
LESS_THAN = RESTYLED.replace("default: begin ok <= 1'b1;", "default: begin ok <= (n < 5'd4);")
OBSERVED = RESTYLED.replace("module rx5 (", "module rx5 (output [4:0] nbits, ").replace(
    "  reg [4:0] n;", "  reg [4:0] n;\n  assign nbits = n;")
# never cleared between frames: the second frame counts 8..15, and 15 mod 8 = 7 is the compared value
REACHES_RESIDUE = RESTYLED.replace("    else if (st == 2'd0) n <= 5'd0;\n", "")


# a down-count 9..0 read as t == 0, from a reload of 9: 9 mod 8 = 1, 8 mod 8 = 0 is a 0 the original does
# not have -- no wrap (a near miss of the subtraction step)
DOWN = """module dn (input clk, input rst, input go, output reg fire);
  reg [5:0] t;
  always @(posedge clk)
    if (rst) begin t <= 6'd0; fire <= 1'b0; end
    else begin
      fire <= (t == 6'd1);
      if (go && t == 6'd0) t <= 6'd9;
      else if (t != 6'd0) t <= t - 6'd1;
    end
endmodule
"""


def test_down_count_through_a_seen_residue_does_not_wrap():
    assert _wraps(DOWN) == []
    assert any("t 6 -> 4" in m.description for m in T.match(analyze(DOWN, "d.v"))), \
        [m.description for m in T.match(analyze(DOWN, "d.v"))]


def test_restyled_wraps():
    (m,) = _wraps(RESTYLED)
    assert m.data["bits"] == 3, m.description


@pytest.mark.parametrize("text", [LESS_THAN, OBSERVED, REACHES_RESIDUE], ids=["less_than", "port_read", "residue"])
def test_near_misses_do_not_wrap(text):
    assert _wraps(text) == []


def _verdict(tmp_path: Path, old: str, new: str, sfx: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    a, b = tmp_path / ("gold" + sfx), tmp_path / ("gate" + sfx)
    a.write_text(old)
    b.write_text(new)
    return check_equivalence(DesignRef([a], top), DesignRef([b], top), VerifyOptions(timeout_s=300)).verdict.name


def _area(tmp_path: Path, text: str, sfx: str, top: str, tag: str) -> float:
    from rtlopt.design import open_design
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{sfx}"
    f.write_text(text)
    return measure_cached(open_design(f, top), liberty=resolve_liberty(str(LIB) if LIB.exists() else None)).area_um2.value


@pytest.mark.yosys
@pytest.mark.parametrize("name", ["wrapcount_twrx_v", "wrapcount_burst_sv"])
def test_wrap_is_proven_and_smaller_than_the_range_narrowing(tmp_path: Path, name):
    text, sfx, top = _design(name)
    an = analyze(text, "d" + sfx)
    ms = T.match(an)
    wrap = next(m for m in ms if isinstance(m.data, dict) and m.data.get("kind") == "wrap")
    plain = next(m for m in ms if m.data.get("reg") == wrap.data["reg"] and m.data.get("kind") != "wrap"
                 and m.data.get("bits", 0) > wrap.data["bits"])
    new = T.rewrite(text, [wrap])
    assert _verdict(tmp_path, text, new, sfx, top) == "EQUIVALENT", new
    assert _area(tmp_path, new, sfx, top, "w") < _area(tmp_path, T.rewrite(text, [plain]), sfx, top, "p")


# a short burst counter (0..4) for the proofs: read as c == 3 and, in the near miss, as c < 2 after the
# burst (4 < 2 is false, 0 < 2 true)
BURST = """module bc (input clk, input rst, input go, output reg hit, output reg lo);
  reg [1:0] st;
  reg [3:0] c;
  always @(posedge clk)
    if (rst) begin st <= 2'd0; c <= 4'd0; hit <= 1'b0; lo <= 1'b0; end
    else begin
      hit <= 1'b0;
      case (st)
        2'd0: if (go) begin st <= 2'd1; c <= 4'd0; end
        2'd1: begin c <= c + 4'd1; if (c == 4'd3) st <= 2'd2; end
        default: begin hit <= 1'b1; lo <= 1'b0; st <= 2'd0; end
      endcase
    end
endmodule
"""
BURST_LT = BURST.replace("lo <= 1'b0; st <= 2'd0;", "lo <= (c < 4'd2); st <= 2'd0;")


def _force_wrap(text: str) -> str:
    """``c`` kept in 2 bits by hand: every write targets ``cq``, every read sees it zero-extended."""
    out = re.sub(r"\bc <= ", "cq <= ", text.replace("reg [3:0] c;", "reg [1:0] cq;\n  wire [3:0] c = cq;"))
    assert out.count("cq") == text.count(" c <= ") + 2, out
    return out


def test_burst_wraps_unless_a_compare_sees_it():
    (m,) = _wraps(BURST)
    assert m.data["bits"] == 2, m.description
    assert _wraps(BURST_LT) == []


@pytest.mark.yosys
def test_forced_wrap_of_a_near_miss_is_refuted(tmp_path: Path):
    """The ``<`` near miss narrowed to 2 wrapping bits anyway: the verifier finds the difference; the
    positive narrowed the same way by hand is proven."""
    assert _verdict(tmp_path, BURST_LT, _force_wrap(BURST_LT), ".v", "bc") == "NOT_EQUIVALENT"
    assert _verdict(tmp_path, BURST, _force_wrap(BURST), ".v", "bc") == "EQUIVALENT"
