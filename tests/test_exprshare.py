"""exprshare: linear forms written as sub-expressions (heldout12 cnc/line_dda: a Bresenham step decides on
``2 * err + 2 * sdy >= sdx``, a 32-bit signed sum, and writes ``err - (sdx - sdy)`` or ``err + sdy``).
Each maximal arithmetic expression is the Yosys cell whose source span it is; forms sharing a pair term
get the pair once and each expression becomes a wire of its value width (signed context) or of the
context's width. Own designs in two other styles: designs/generalization/datapath/exprshare_nco_v
(Verilog modulo phase accumulator compared against an integer parameter: unsigned 32-bit context) and
exprshare_sdm_sv (SV always_comb sigma-delta, compared against int 0, signed). Near misses: no shared
pair, only continuous assigns (linshare's sites), a non-linear product, do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.exprshare import rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"


def _verify(a: Path, new: str, suffix: str, top: str, tmp_path: Path) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([a], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt", "abc"), timeout_s=300)).verdict


def _run(path: Path, params=None):
    return rewrites({path: path.read_text()}, 60.0, params=params)


def test_bresenham_step_heldout_style(tmp_path):
    f = ROOT / "designs" / "heldout12" / "cnc" / "line_dda" / "original.v"
    got = _run(f, {"bres_step": {"W": 12}})
    assert len(got) == 1 and "3 expression(s) of bres_step share 1 pair" in got[0][2]
    new = got[0][1]
    assert "wire signed [14:0] rtlopt_ls0 = ($signed(err) + $signed({1'b0, sdy[11:0]}));" in new
    assert "if (rtlopt_lx0 >= sdx)" in new and "wire signed [15:0] rtlopt_lx0 = (rtlopt_ls0 << 1);" in new
    assert _verify(f, new, ".v", "plotter_axis", tmp_path) == "EQUIVALENT"
    # one bit too few for the doubled sum in the comparison is refuted
    bad = new.replace("wire signed [15:0] rtlopt_lx0", "wire signed [14:0] rtlopt_lx0")
    assert _verify(f, bad, ".v", "plotter_axis", tmp_path) == "NOT EQUIVALENT"


def test_phase_accumulator_unsigned_integer_compare(tmp_path):
    f = GEN / "exprshare_nco_v" / "original.v"
    got = _run(f, {"frac_div": {"W": 12, "MOD": 3000}})
    assert len(got) == 1
    new = got[0][1]
    # phase + step - MOD can be negative in an unsigned 32-bit context: kept 32 bits wide, unsigned
    assert "wire [31:0] rtlopt_lx1" in new and "if (rtlopt_lx0 >= MOD)" in new
    assert _verify(f, new, ".v", "nco_top", tmp_path) == "EQUIVALENT"


def test_sigma_delta_sv_signed(tmp_path):
    f = GEN / "exprshare_sdm_sv" / "original.sv"
    got = _run(f, {"sdm1": {"W": 12}})
    assert len(got) == 1
    new = got[0][1]
    assert new.count("rtlopt_ls0") == 4 and "if (rtlopt_lx0 >= 0)" in new
    assert _verify(f, new, ".sv", "sdm_top", tmp_path) == "EQUIVALENT"


NEAR = {
    # two sub-expressions over different words: no pair shared
    "apart": """
module apart (input wire clk, input wire [7:0] a, b, c, d, output reg [9:0] q, output reg f);
    always @(posedge clk) begin
        f <= (a + b >= 100);
        q <= c - d;
    end
endmodule
""",
    # the forms are whole continuous-assign right sides: linshare's sites, not these
    "assigns": """
module assigns (input wire [7:0] a, b, c, output wire [9:0] x, y, output reg r, input wire clk);
    assign x = a + b + c;
    assign y = a + b - c;
    always @(posedge clk) r <= x[0];
endmodule
""",
    # a product of two words is no linear form
    "product": """
module product (input wire clk, input wire [7:0] a, b, c, output reg [15:0] q, output reg f);
    always @(posedge clk) begin
        f <= (a * b + c >= 1000);
        q <= a * b + c;
    end
endmodule
""",
}


@pytest.mark.parametrize("name", sorted(NEAR))
def test_near_misses_do_not_fire(tmp_path, name):
    f = tmp_path / f"{name}.v"
    f.write_text(NEAR[name])
    assert _run(f) == []
