"""derivedcol: a per-entry column always written as f(the tag written beside it) is computed from the tag.

Fires on a Verilog translation cache (unpacked arrays, loop reset and search, region test of the page)
and an SV permission table (packed per-entry arrays, generate compare, pattern/parity of the key), and
on a restyled SV table (unpacked arrays, range test, sync reset loop); candidates (f of the stored tag; f of the
lookup key compared with the tags) are proven from reset. Near misses: a column also toggled by a separate update is not offered; a column cleared by a
separate write, or reset to a value that breaks the relation while read unguarded, is refuted; f of
the key is refuted where the column is also read at an entry not compared with the key.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic.derivedcol import candidates_for

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "derived_column"
VLOOP = ROOT / "v_region_loop" / "original.v"
SVGEN = ROOT / "sv_generate_pattern" / "original.sv"

RESTYLE = """
module lowtab (
  input  logic       clk, rst,
  input  logic       we,
  input  logic [1:0] wa,
  input  logic [7:0] wt,
  input  logic [7:0] q,
  output logic       m, low);
  logic [7:0] t [4];
  logic       v [4];
  logic       lo [4];
  always_ff @(posedge clk) begin
    if (rst) begin
      for (int i = 0; i < 4; i++) begin v[i] <= 1'b0; t[i] <= 8'h00; lo[i] <= 1'b1; end
    end else if (we) begin
      lo[wa] <= wt < 8'h40;
      t[wa]  <= wt;
      v[wa]  <= 1'b1;
    end
  end
  always_comb begin
    m = 1'b0; low = 1'b0;
    for (int i = 0; i < 4; i++) if (v[i] && t[i] == q) begin m = 1'b1; low = lo[i]; end
  end
endmodule
"""


def _one(path: Path, text: str, top: str, which: int = 0) -> str:
    got = candidates_for({path: text}, top)
    # f(stored tag), then f(lookup key) (the tag is compared with one key)
    assert len(got) == 2 and "computed from" in got[1][1], [d for _n, d in got]
    return got[which][0][path]


@pytest.mark.yosys
def test_verilog_loop_cache(tmp_path):
    new = _one(VLOOP, VLOOP.read_text(), "xlat_cache")
    assert "io_q__w[wr_slot]" in new and "io_q[io_q__i] = (page_q[io_q__i][9:7]" in new
    assert abc_verdict(tmp_path, VLOOP, new, "xlat_cache", timeout_s=300) == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_generate_table(tmp_path):
    new = _one(SVGEN, SVGEN.read_text(), "perm_table")
    assert "priv_r__w[load_at]" in new
    assert abc_verdict(tmp_path, SVGEN, new, "perm_table", timeout_s=300) == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_generate_table_key(tmp_path):
    new = _one(SVGEN, SVGEN.read_text(), "perm_table", 1)
    assert "priv_r[priv_r__i] = (probe[KW-1 -: 4] == 4'hF) || ^probe[7:0];" in new
    assert abc_verdict(tmp_path, SVGEN, new, "perm_table", timeout_s=300) == "EQUIVALENT"


@pytest.mark.yosys
def test_key_variant_refuted_when_read_without_hit(tmp_path):
    # the column is also read at the write slot (no compare with q): f(q) is wrong there, f(t) is right
    text = RESTYLE.replace("output logic       m, low);", "output logic       m, low, lo_w);").replace(
        "endmodule", "  assign lo_w = lo[wa];\nendmodule")
    p = tmp_path / "rd.sv"
    p.write_text(text)
    assert abc_verdict(tmp_path, p, _one(p, text, "lowtab", 0), "lowtab", timeout_s=300) == "EQUIVALENT"
    assert abc_verdict(tmp_path, p, _one(p, text, "lowtab", 1), "lowtab", timeout_s=300) != "EQUIVALENT"


@pytest.mark.yosys
def test_restyled_range_column(tmp_path):
    p = tmp_path / "lowtab.sv"
    p.write_text(RESTYLE)
    new = _one(p, RESTYLE, "lowtab")
    assert "lo[lo__i] = t[lo__i] < 8'h40" in new
    assert abc_verdict(tmp_path, p, new, "lowtab", timeout_s=300) == "EQUIVALENT"


def test_separate_update_not_offered(tmp_path):
    text = RESTYLE.replace("    end else if (we) begin", "    end else if (q[0]) begin\n      lo[wa] <= ~lo[wa];\n"
                                                        "    end else if (we) begin")
    assert candidates_for({tmp_path / "a.sv": text}, "lowtab") == []


@pytest.mark.yosys
def test_separate_clear_refuted(tmp_path):
    text = RESTYLE.replace("    end else if (we) begin", "    end else if (q[0]) begin\n      lo[wa] <= 1'b0;\n"
                                                        "    end else if (we) begin")
    p = tmp_path / "clr.sv"
    p.write_text(text)
    new = _one(p, text, "lowtab")
    assert abc_verdict(tmp_path, p, new, "lowtab", timeout_s=300) != "EQUIVALENT"


@pytest.mark.yosys
def test_breaking_reset_refuted(tmp_path):
    # reset tag 0 has f(0) = 1 (0 < 0x40); a reset column of 0 breaks the relation, read unguarded
    text = RESTYLE.replace("lo[i] <= 1'b1", "lo[i] <= 1'b0").replace(
        "output logic       m, low);", "output logic       m, low, any);").replace(
        "endmodule", "  assign any = lo[0] | lo[1] | lo[2] | lo[3];\nendmodule")
    p = tmp_path / "rst.sv"
    p.write_text(text)
    new = _one(p, text, "lowtab")
    assert abc_verdict(tmp_path, p, new, "lowtab", timeout_s=300) != "EQUIVALENT"
