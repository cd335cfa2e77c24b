"""Sequential rewrites between registers of equal names beside a wide magnitude comparison go to register
correspondence (Yosys equiv) before the algebraic engine: a comparison's output bit has no small
polynomial, so the algebra ran out in every cone reading it (picorv32_pcpi_div's 'divisor <= dividend'
step: algebra 8-10 s UNKNOWN first, then equiv 2 s; in the search the shared result negation ended
UNKNOWN). Adders beside narrow comparisons keep the algebra-first order (the re-associated sums it was
put first for). Designs: designs/generalization/sharing/negshare_div_{v,sv}."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
from rtlopt.verify._check import _engine_order
from rtlopt.verify._netlist import NetlistInfo, Register
from rtlopt.verify._prepare import MiterSpec, elaborate

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"


def _order(cells: set[str], compare_bits: int) -> list[str]:
    regs = [("acc", 16), ("quo", 16), ("y", 16)]
    inputs = {"clk": 1, "a": 16, "b": 16}

    def info() -> NetlistInfo:
        return NetlistInfo("m", dict(inputs), {"y": 16}, {}, [Register(n, w, "$dff", has_init=True) for n, w in regs],
                           [], [], cell_types=set(cells), compare_bits=compare_bits)

    spec = MiterSpec(dict(inputs), {"y": 16}, clock="clk", sequential=True)
    return _engine_order(VerifyOptions(), spec, info(), info())


def test_order_by_comparison_width():
    cells = {"$add", "$sub", "$neg", "$dff", "$mux", "$le"}
    assert _order(cells, 31)[0] == "equiv" and "algebra" not in _order(cells, 31)
    assert _order(cells, 9)[0] == "equiv"
    # near misses: a narrow comparison (a 4-bit step counter) or none keeps the algebra first
    assert _order(cells, 4)[0] == "algebra"
    assert _order(cells - {"$le"}, 0)[0] == "algebra"


@pytest.mark.parametrize("case,top,ext,bits", [
    ("negshare_div_v", "sdiv16", "v", 31),
    ("negshare_div_sv", "sdiv_case", "sv", 23),
])
def test_divider_negation_sharing_proven_by_register_correspondence(tmp_path: Path, case, top, ext, bits):
    orig = ROOT / case / f"original.{ext}"
    ref = ROOT / case / f"reference.{ext}"
    wd = tmp_path / "wd"
    wd.mkdir()
    ginfo, _g, hinfo, _h = elaborate(open_design(orig, top), open_design(ref, top), wd, timeout=60)
    assert ginfo.compare_bits == bits and hinfo.compare_bits == bits
    # parallel=False: the order itself (in a race another engine may decide first under load)
    res = check_equivalence(open_design(orig, top), open_design(ref, top), VerifyOptions(timeout_s=90, parallel=False))
    assert res.verdict is Verdict.EQUIVALENT, res.reason
    assert [e for e, _o, _s in res.engines_tried][0] == "equiv", res.engines_tried
    assert "algebra" not in [e for e, _o, _s in res.engines_tried]


def test_wrong_sharing_still_caught(tmp_path: Path):
    orig = ROOT / "negshare_div_sv" / "original.sv"
    bad = tmp_path / "bad.sv"
    # the remainder and quotient swapped inside the shared negation
    text = (ROOT / "negshare_div_sv" / "reference.sv").read_text()
    text = text.replace("-(op_q[1] ? acc : quo)", "-(op_q[1] ? quo : acc)")
    assert "-(op_q[1] ? quo : acc)" in text
    bad.write_text(text)
    res = check_equivalence(open_design(orig, "sdiv_case"), open_design(bad, "sdiv_case"),
                            VerifyOptions(timeout_s=90, counterexample=False))  # the optimizer's options
    assert res.verdict is Verdict.NOT_EQUIVALENT, res.reason
    assert ("smt", "no trace") not in [(e, o) for e, o, _s in res.engines_tried], res.engines_tried



def test_optimizer_options_skip_the_trace_search():
    """The optimizer asks for the verdict only (the sharing above: after ABC found the difference a z3
    trace search took 120-130 s at load 15 and found none)."""
    from rtlopt.engine.search import _options

    assert _options(VerifyOptions, 90.0, {}).counterexample is False
    assert VerifyOptions().counterexample is True  # rtlopt verify shows a trace
