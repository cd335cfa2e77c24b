"""Cross-instance sum sharing (rtlopt.semantic.sumshare; heldout11 life/life_row: every Life cell instance
adds its eight neighbours, so each column sum is built by three neighbouring instances).

The child's sum of one-bit port reads is regrouped so that operands that read the same parent bits in
several instances (found on the flattened netlist: the signal each operand reads per instance) form the
same sub-sum; after flattening, synthesis merges the identical sub-sums. Fires, proven and smaller: a
3x3 majority denoiser (SV for (genvar ...) without generate, sum includes the centre, ports as three
row slices ``a[x +: 3]``) and a HighLife row segment (Verilog-2001 named instances, one packed 9-bit window
port built by concatenation). Near misses: instances whose windows do not overlap, and a design with a
single instance (nothing shared). Real pyslang/Yosys/equivalence/PPA."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import sumshare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, text: str | None = None):
    src = next((GEN / name).glob("original.*"))
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text if text is not None else src.read_text())
    return f, sumshare.candidates_for({f: f.read_text()}, top, timeout_s=60)


def _check(tmp_path: Path, f: Path, new_text: str, top: str) -> tuple[str, float, float]:
    from rtlopt.design import DesignRef, open_design
    from rtlopt.ppa import measure
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate" + f.suffix)
    g.write_text(new_text)
    v = check_equivalence(DesignRef([f], top), DesignRef([g], top), VerifyOptions(timeout_s=240)).verdict
    return v, measure(open_design(f, top)).area_um2.value, measure(open_design(g, top)).area_um2.value


@pytest.mark.yosys
@pytest.mark.slow
def test_denoiser_column_sums_shared_across_loop_instances(tmp_path):
    f, got = _run(tmp_path, "sumshare_denoise_sv", "denoise_line")
    cols = "(above[0] + here[0] + below[0]) + (above[1] + here[1] + below[1]) + (above[2] + here[2] + below[2])"
    best = [new[f] for new, _d in got if cols in new[f]]
    assert best, [d for _n, d in got]
    verdict, before, after = _check(tmp_path, f, best[0], "denoise_line")
    assert verdict == "EQUIVALENT"
    assert after < 0.8 * before, (before, after)


@pytest.mark.yosys
@pytest.mark.slow
def test_highlife_named_instances_concat_window(tmp_path):
    f, got = _run(tmp_path, "sumshare_highlife_v", "highlife_seg")
    cols = "(win[0] + win[3] + win[6]) + (win[1] + win[7]) + (win[2] + win[5] + win[8])"
    best = [new[f] for new, _d in got if cols in new[f]]
    assert best, [d for _n, d in got]
    verdict, before, after = _check(tmp_path, f, best[0], "highlife_seg")
    assert verdict == "EQUIVALENT"
    assert after < 0.95 * before, (before, after)


@pytest.mark.yosys
def test_disjoint_windows_do_not_fire(tmp_path):
    # instances 3 columns apart: no parent bit is read by two instances
    src = (GEN / "sumshare_highlife_v" / "original.v").read_text()
    text = src.replace("wire [7:0] a = {1'b0, ra, 1'b0};", "wire [17:0] a = {12'd0, ra};") \
        .replace("wire [7:0] c = {1'b0, rc, 1'b0};", "wire [17:0] c = {12'd0, rc};") \
        .replace("wire [7:0] b = {1'b0, rb, 1'b0};", "wire [17:0] b = {12'd0, rb};")
    for k in range(6):
        lo, hi = 3 * k, 3 * k + 2
        old = f"({{b[{k + 2}:{k}], c[{k + 2}:{k}], a[{k + 2}:{k}]}})"
        assert old in text, old
        text = text.replace(old, f"({{b[{hi}:{lo}], c[{hi}:{lo}], a[{hi}:{lo}]}})")
    _f, got = _run(tmp_path, "sumshare_highlife_v", "highlife_seg", text)
    assert got == []


@pytest.mark.yosys
def test_single_instance_does_not_fire(tmp_path):
    src = (GEN / "sumshare_highlife_v" / "original.v").read_text()
    text = "\n".join(ln for ln in src.splitlines() if not ln.strip().startswith(("hl_cell c1", "hl_cell c2",
                                                                                 "hl_cell c3", "hl_cell c4",
                                                                                 "hl_cell c5")))
    _f, got = _run(tmp_path, "sumshare_highlife_v", "highlife_seg", text + "\n")
    assert got == []
