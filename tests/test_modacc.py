"""modacc: a wide accumulator ``R <= R + E`` read only through a ones'-complement (end-around-carry) fold
or a remainder ``R % m`` is kept reduced on every addition (heldout11 lin_csum). Own designs
designs/generalization/datapath/modacc_ocsum_v (Verilog, always @* fold with blocking temporaries,
complemented output) and modacc_nines_sv (SV, .* hierarchy, ``dsum % 9`` residue); the candidates are
proven with the real prover. Near misses (a plain two's-complement fold, the accumulator also read
elsewhere, a power-of-two remainder, a fold reading a second register, a subtracting accumulator)
give no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.modacc import candidates_for, classify, oc_value

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"
OC = (GEN / "modacc_ocsum_v" / "original.v").read_text()
N9 = (GEN / "modacc_nines_sv" / "original.sv").read_text()


def _cands(tmp_path: Path, text: str, suffix: str, top: str) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, candidates_for({f: text}, top, 60.0)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str, engines) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top),
                             VerifyOptions(engines=engines, timeout_s=300)).verdict


def test_classify_kinds():
    assert classify({r: oc_value(r, 255) for r in range(2000)}, 8) == ("oc", 255)
    assert classify({r: r % 9 for r in range(2000)}, 4) == ("mod", 9)
    assert classify({r: (~oc_value(r, 255)) & 255 for r in range(2000)}, 8, comp=True) == ("oc", 255)
    assert classify({r: r % 16 for r in range(2000)}, 4) is None  # a bit slice
    assert classify({r: (r + (r >> 8)) & 255 for r in range(2000)}, 8) is None  # carry dropped


def test_ones_complement_accumulator_kept_byte_wide(tmp_path):
    f, got = _cands(tmp_path, OC, ".v", "oc_check")
    assert got
    new = got[0][0][f]
    assert "acc <= rtlopt_ocadd_acc(acc, d);" in new and "s[7:0] + s[8]" in new
    assert "acc[11:8]" not in new
    # everything before the module's items byte for byte
    assert new.split("    function")[0] == OC.split("    reg  [11:0] acc;")[0]
    assert _verify(tmp_path, f, new, ".v", "oc_check", ("abc",)) == "EQUIVALENT"


def test_remainder_accumulator_kept_mod_9(tmp_path):
    f, got = _cands(tmp_path, N9, ".sv", "nines_top")
    assert len(got) == 1
    new = got[0][0][f]
    assert "rtlopt_modadd_dsum(dsum, 10'(dig))" in new and "% 4'd9" not in new
    assert new.count("if (s >= 5'd9) s = s - 5'd9;") == 2
    assert _verify(tmp_path, f, new, ".sv", "nines_top", ("smt",)) == "EQUIVALENT"


def test_wrong_modulus_is_refuted(tmp_path):
    f, got = _cands(tmp_path, N9, ".sv", "nines_top")
    bad = got[0][0][f].replace("5'd9", "5'd7")
    assert _verify(tmp_path, f, bad, ".sv", "nines_top", ("smt", "abc")) == "NOT EQUIVALENT"


_NEAR = """
module nm (input wire clk, input wire rst, input wire dv, input wire [7:0] d, input wire [7:0] x,
           output wire [7:0] y, output wire [3:0] hi);
    reg [11:0] acc;
    reg [7:0] other;
    always @(posedge clk)
        if (rst) begin acc <= 12'd0; other <= 8'd0; end
        else if (dv) begin acc <= acc + d; other <= x; end
    FOLD
endmodule
"""


@pytest.mark.parametrize("fold", [
    # a plain two's-complement fold: the carry is dropped
    "wire [7:0] f = acc[7:0] + acc[11:8]; assign y = f; assign hi = 4'd0;",
    # the accumulator is also read elsewhere
    "wire [8:0] t = acc[7:0] + acc[11:8]; wire [7:0] f = t[7:0] + t[8]; assign y = f; assign hi = acc[11:8];",
    # a remainder by a power of two is a bit slice
    "wire [3:0] f = acc % 16; assign y = {4'd0, f}; assign hi = 4'd0;",
    # the fold reads a second register
    "wire [8:0] t = acc[7:0] + other; wire [7:0] f = t[7:0] + t[8]; assign y = f; assign hi = 4'd0;",
])
def test_near_misses_give_nothing(tmp_path, fold):
    _f, got = _cands(tmp_path, _NEAR.replace("FOLD", fold), ".v", "nm")
    assert got == []


def test_subtracting_accumulator_gives_nothing(tmp_path):
    text = _NEAR.replace("acc <= acc + d;", "acc <= acc - d;").replace(
        "FOLD", "wire [8:0] t = acc[7:0] + acc[11:8]; wire [7:0] f = t[7:0] + t[8]; assign y = f; "
                "assign hi = 4'd0;")
    _f, got = _cands(tmp_path, text, ".v", "nm")
    assert got == []


def test_register_read_through_an_alias(tmp_path):
    # a register narrowed by an earlier rewrite is read under its old name: wire [11:0] acc = acc_q;
    text = OC.replace("    reg  [11:0] acc;\n", "    reg  [11:0] acc_q;\n    wire [11:0] acc = acc_q;\n") \
             .replace("acc  <= 12'd0;", "acc_q <= 12'd0;").replace("acc <= acc + d;", "acc_q <= acc + d;")
    f, got = _cands(tmp_path, text, ".v", "oc_check")
    assert got
    new = got[0][0][f]
    assert "acc_q <= rtlopt_ocadd_acc_q(acc_q, d);" in new
    assert _verify(tmp_path, f, new, ".v", "oc_check", ("abc",)) == "EQUIVALENT"


def test_alias_read_elsewhere_gives_nothing(tmp_path):
    text = OC.replace("    reg  [11:0] acc;\n", "    reg  [11:0] acc_q;\n    wire [11:0] acc = acc_q;\n") \
             .replace("acc  <= 12'd0;", "acc_q <= 12'd0;").replace("acc <= acc + d;", "acc_q <= acc + d;") \
             .replace("assign csum = fold;", "assign csum = fold ^ acc[11:4];")
    _f, got = _cands(tmp_path, text, ".v", "oc_check")
    assert got == []
