"""Products exclusive through a state register (sharing/mulbank_fsm_state_sv): ``acc + 18'(pa)`` in one phase,
``acc + 18'(pb)`` in the other, the products in their own always_comb. The adder operands are read through the
widening cast (zero-extension of an unsigned value), so the shared adder's operand mux selects between the
products and the product hoist offers one product of operands muxed by the state; the proof splits per value
of the state register (rtlopt.verify._yosys_engines._register_cofactors_equal)."""

from __future__ import annotations

from pathlib import Path

import pytest

CASE = Path(__file__).resolve().parents[1] / "designs/generalization/sharing/mulbank_fsm_state_sv"


def _hoists(src: str):
    from rtlopt.templates._share import ExclusiveOperatorSharing
    t = ExclusiveOperatorSharing()
    out = []
    for m in t.match(src):
        new = t.rewrite(src, [m])
        if new is not None and "_ma = " in new:  # the products behind the unit's mux as one product
            out.append(new)
    return out


def _verdict(tmp_path: Path, src: str, new: str) -> str:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f, g = tmp_path / "gold.sv", tmp_path / "gate.sv"
    f.write_text(src)
    g.write_text(new)
    res = check_equivalence(open_design([f], "phase_mac"), open_design([g], "phase_mac"), VerifyOptions(timeout_s=90))
    return str(res.verdict).split(".")[-1].upper()


def test_widening_cast_operands_are_shared():
    src = (CASE / "original.sv").read_text()
    got = _hoists(src)
    assert any("ph ? y : x" in n and "ph ? cb : ca" in n for n in got), got


def test_narrowing_cast_operand_not_read_through():
    # 10'(pa) drops the product's top bits: the operand is the cast, not the product, so no hoist
    src = (CASE / "original.sv").read_text().replace("18'(pa)", "18'(10'(pa))").replace("18'(pb)", "18'(10'(pb))")
    assert not _hoists(src)


@pytest.mark.yosys
def test_state_shared_product_proven(tmp_path):
    src = (CASE / "original.sv").read_text()
    new = next(n for n in _hoists(src) if "ph ? y : x" in n)
    assert _verdict(tmp_path, src, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_products_active_together_refused(tmp_path):
    # near-miss: phase B adds both products; any shared-product candidate must not be proven
    src = (CASE / "original.sv").read_text().replace("acc + 18'(pb)", "acc + 18'(pa) + 18'(pb)")
    for new in _hoists(src):
        assert _verdict(tmp_path, src, new) != "EQUIVALENT", new
