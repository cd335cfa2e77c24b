"""The canonical flow's mapping process is reused for the same logic (rtlopt.ppa._measure._MAPPED).

Two sources that spell the same logic differently (names, statement order, a wrapper module) give the
same canonical RTLIL, so the second measurement reuses the first one's synthesis and mapping and must
report exactly what a fresh measurement reports; a source with different logic must not hit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.ppa import _measure

pytestmark = pytest.mark.yosys

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

_A = """module acc(input clk, input rst, input [7:0] a, input [7:0] b, output reg [8:0] q);
  wire [8:0] s = a + b;
  always @(posedge clk) if (rst) q <= 0; else q <= s;
endmodule
"""
# the same logic: other names, the sum inline, SV logic ports, the reset arm written second (the
# structure the flow sees after proc/flatten is the same: a cached mapping must serve it). (A wrapper
# module would change the second process's script: a single module also writes its generic statistics
# there, so a one-module and a two-module design never share an entry.)
_A_RESTYLED = """module acc(input logic clk, input logic rst, input logic [7:0] a, input logic [7:0] b,
           output logic [8:0] q);
  always @(posedge clk) begin
    if (rst) q <= '0;
    else q <= a + b;
  end
endmodule
"""
# near miss: a subtraction (different logic, same ports)
_B = """module acc(input clk, input rst, input [7:0] a, input [7:0] b, output reg [8:0] q);
  always @(posedge clk) if (rst) q <= 0; else q <= a - b;
endmodule
"""


def _measure_text(tmp_path: Path, name: str, text: str, suffix: str = ".v"):
    f = tmp_path / f"{name}{suffix}"
    f.write_text(text)
    syn = _measure.synthesize([f], liberty=LIB if LIB.exists() else None, top="acc", generic=False)
    try:
        return syn.own_area, dict(syn.cells_by_type), (syn.work / "netlist.v").read_text()
    finally:
        syn.close()


def _fresh():
    with _measure._MAPPED_LOCK:
        _measure._MAPPED.clear()
        _measure._MAPPED_SIZE[0] = 0


def test_same_logic_reuses_the_mapping_and_reports_the_same(tmp_path):
    _fresh()
    s0 = _measure.mapped_cache_stats()
    a = _measure_text(tmp_path, "a", _A)
    s1 = _measure.mapped_cache_stats()
    assert s1["misses"] == s0["misses"] + 1 and s1["hits"] == s0["hits"]
    r = _measure_text(tmp_path, "r", _A_RESTYLED, ".sv")
    s2 = _measure.mapped_cache_stats()
    assert s2["hits"] == s1["hits"] + 1  # the restyled source maps from the cache
    assert r == a
    # what a fresh process measures for the restyled source, without the cache: the very same
    _fresh()
    fresh = _measure_text(tmp_path, "r2", _A_RESTYLED, ".sv")
    assert _measure.mapped_cache_stats()["misses"] == s2["misses"] + 1
    assert fresh == r


def test_different_logic_is_not_taken_from_the_cache(tmp_path):
    _fresh()
    a = _measure_text(tmp_path, "a", _A)
    s1 = _measure.mapped_cache_stats()
    b = _measure_text(tmp_path, "b", _B)
    s2 = _measure.mapped_cache_stats()
    assert s2["hits"] == s1["hits"] and s2["misses"] == s1["misses"] + 1
    assert b[2] != a[2]  # its own netlist, not the cached one


def test_cache_is_bounded(tmp_path, monkeypatch):
    _fresh()
    monkeypatch.setattr(_measure, "MAPPED_CACHE_BYTES", 1)  # every entry is over a quarter: nothing kept
    _measure_text(tmp_path, "a", _A)
    assert not _measure._MAPPED
