"""linshare: several linear forms of the same words share pair terms ``u +- v`` (heldout11 img/sobel_mag:
Gx and Gy share p8 - p0 and p2 - p6). Own designs designs/generalization/datapath/linshare_butterfly_v
(Verilog, the 4-point Walsh-Hadamard transform row by row: the butterflies) and linshare_prewitt_sv (SV
size casts, Prewitt Gx/Gy); the candidates are proven with the real prover and are smaller. Near misses
(one form alone, forms sharing no pair, forms of different widths, weights that are not powers of two)
give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.linshare import rewrites, share

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"
WHT = (GEN / "linshare_butterfly_v" / "original.v").read_text()
PREW = (GEN / "linshare_prewitt_sv" / "original.sv").read_text()


def _run(tmp_path: Path, text: str, suffix: str) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, 60.0)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt", "abc"), timeout_s=300)).verdict


def test_share_greedy_pairs():
    a, b, c, d = (("x", 0, 0), ("y", 0, 0), ("z", 0, 0), ("w", 0, 0))
    forms, pairs = share({"f": {a: 1, b: 1, c: 2, d: -2}, "g": {a: 1, b: 1, c: -2, d: 2}})
    got = {p[1:] for p in pairs}
    assert (a, b, 1) in got  # a + b in both forms
    assert (d, c, -1) in got or (c, d, -1) in got  # +-2 (c - d) in both forms
    assert len(pairs) == 2 and all(len(f) == 2 for f in forms.values())
    assert share({"f": {a: 1, b: 1}, "g": {c: 1, d: -1}}) is None


def test_hadamard_rows_become_butterflies(tmp_path):
    f, got = _run(tmp_path, WHT, ".v")
    # first the variant with the pair terms declared at their value width (test_linshare_signed.py), then inline
    assert len(got) == 2 and "declared at their value width" in got[0][2]
    new = got[1][1]
    assert "(x0 + x1)" in new and "(x0 - x1)" in new and "(x2 + x3)" in new and "(x2 - x3)" in new
    assert new.count("(x0 + x1)") == 2  # spelled identically in both forms: one adder after synthesis
    assert _verify(tmp_path, f, new, ".v", "wht4") == "EQUIVALENT"


def test_prewitt_corner_differences(tmp_path):
    f, got = _run(tmp_path, PREW, ".sv")
    assert len(got) == 2 and got[0][1].count("wire signed [8:0] rtlopt_ls") == 4
    new = got[1][1]
    assert "assign gx = (p2 - p6) + (p8 - p0) + (p5 - p3);" in new
    assert "assign gy = (p8 - p0) + (p7 - p1) - (p2 - p6);" in new
    assert _verify(tmp_path, f, new, ".sv", "prewitt") == "EQUIVALENT"
    # a wrong sign is refuted
    bad = new.replace("+ (p7 - p1)", "- (p7 - p1)")
    assert _verify(tmp_path, f, bad, ".sv", "prewitt") == "NOT EQUIVALENT"


_NEAR = """
module nm (input wire [7:0] a, input wire [7:0] b, input wire [7:0] c, input wire [7:0] d,
           input wire [7:0] e, output wire [9:0] y0, output wire [W1:0] y1);
    BODY
endmodule
"""


@pytest.mark.parametrize("w1,body", [
    # one form alone
    ("9", "assign y0 = a + b - c; assign y1 = 10'd0;"),
    # forms sharing no pair
    ("9", "assign y0 = a + b + c; assign y1 = d + e - a;"),
    # forms of different widths (the shared terms would not be the same cells)
    ("10", "assign y0 = a - b + c; assign y1 = a - b - c;"),
    # weights that are not powers of two
    ("9", "assign y0 = 3 * a - 3 * b + c; assign y1 = 3 * a - 3 * b - c;"),
])
def test_near_misses_give_nothing(tmp_path, w1, body):
    _f, got = _run(tmp_path, _NEAR.replace("W1", w1).replace("BODY", body), ".v")
    assert got == []
