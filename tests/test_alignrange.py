"""alignrange: ``B <= A && A < B + 2**k`` is ``(A >> k) == (B >> k)`` when B's low k bits stay zero.

Fires on page registers masked on write (child module, bitwise & of the bounds in a generate loop) and
on region bases loaded from the upper bits of a write (SV function, the bound a sized cast), also
restyled (an if in always @*, the constant first in the sum); near misses (a base written unaligned,
a bound that wraps at the base's width) give no candidate. Candidates are proven from reset.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic.alignrange import candidates_for

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "aligned_window"
PAGE = ROOT / "page_hit_v" / "original.v"
REGION = ROOT / "region_fn_sv" / "original.sv"


def _cands(path: Path, text: str, top: str):
    return candidates_for({path: text}, top, timeout_s=120.0)


@pytest.mark.yosys
def test_masked_page_registers(tmp_path):
    got = _cands(PAGE, PAGE.read_text(), "page_hit")
    assert len(got) == 1, [d for _n, d in got]
    new = got[0][0][PAGE]
    assert "assign hit[g] = (((addr >> 8) == (base >> 8)));" in new
    assert abc_verdict(tmp_path, PAGE, new, "page_hit", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_region_function_with_cast_bound(tmp_path):
    got = _cands(REGION, REGION.read_text(), "region_fw")
    assert len(got) == 1, [d for _n, d in got]
    new = got[0][0][REGION]
    assert "in_region = (((a >> 12) == (b >> 12)));" in new
    assert abc_verdict(tmp_path, REGION, new, "region_fw", timeout_s=120) == "EQUIVALENT"


@pytest.mark.yosys
def test_unaligned_base_write_is_not_a_window(tmp_path):
    text = PAGE.read_text().replace("pages[31:16] <= wdata & 16'hff00;", "pages[31:16] <= wdata;")
    assert text != PAGE.read_text()
    f = tmp_path / "unaligned.v"
    f.write_text(text)
    assert _cands(f, text, "page_hit") == []


@pytest.mark.yosys
def test_bound_wrapping_at_the_base_width_is_not_a_window(tmp_path):
    # base + 16'd256 wraps for the top page (0xff00): the original's hit is false there
    text = PAGE.read_text().replace("base + 32'd256 > addr", "base + 16'd256 > addr")
    assert text != PAGE.read_text()
    f = tmp_path / "wrap.v"
    f.write_text(text)
    assert _cands(f, text, "page_hit") == []


@pytest.mark.yosys
def test_restyled_if_in_always_comb(tmp_path):
    text = """
module slot_sel (
    input  wire        clk, rst,
    input  wire        ld,
    input  wire [11:0] wd,
    input  wire [11:0] a,
    output reg         in_slot,
    output reg  [11:0] lo
);
    always @(posedge clk)
        if (rst)     lo <= 12'd0;
        else if (ld) lo <= {wd[11:6], 6'b000000};
    always @* begin
        in_slot = 1'b0;
        if ((lo <= a) && (13'd64 + lo > a)) in_slot = 1'b1;
    end
endmodule
"""
    f = tmp_path / "slot.v"
    f.write_text(text)
    got = _cands(f, text, "slot_sel")
    assert len(got) == 1, [d for _n, d in got]
    new = got[0][0][f]
    assert "if ((((a >> 6) == (lo >> 6))))" in new
    assert abc_verdict(tmp_path, f, new, "slot_sel", timeout_s=120) == "EQUIVALENT"
