"""The generalization suite's worst cases (issue 10), each fixed by a generic mechanism:

- a counter read only through a ``(v / place) % radix`` digit function: the outputs (each taken modulo
  its radix) do not bound the counter, so the proof of the digit-counter rewrite needs the invariant
  ``counter <= wrap value``; gold's x-propagation model bit-blasts the compare ``counter == 599`` so
  the constant is no literal of the miter: the range candidates now take the designs' own constants.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.verify._smt import design_literals

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization"


def test_design_literals_adds_only_missing_constants():
    rtlil = ("  connect \\B 10'1001010111\n  connect \\B 10'1001010111\n  connect \\A 4'1001\n"
             "  parameter \\WIDTH 32'00000000000000000000000000001010\n  connect \\Y 1'1\n")
    # 599 (twice) before 9; 10 is already a miter literal; 1-bit and 0/1 values are no bounds
    assert design_literals([rtlil], known=[10]) == [599, 9]
    assert design_literals([rtlil], known=[10, 599, 9]) == []


def _digit_candidate(tmp_path, case: str, top: str) -> tuple[Path, Path, str]:
    from rtlopt.semantic.digits import candidates_for
    src = GEN / "seqredundancy" / case / "original.v"
    text = src.read_text()
    got = candidates_for({src: text}, top)
    assert len(got) == 1, got
    new = got[0][0][src]
    assert "/" not in new.split("endfunction")[-1], new  # the ports read digit registers
    return src, tmp_path / "cand.v", new


@pytest.mark.yosys
def test_function_read_digit_counter_is_proven_and_a_wrong_cascade_is_not(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    src, cand, new = _digit_candidate(tmp_path, "digits_case_wrap_mod", "meter_display")
    cand.write_text(new)
    opts = VerifyOptions(engines=("smt",), timeout_s=150)
    res = check_equivalence(DesignRef((src,), "meter_display"), DesignRef((cand,), "meter_display"), opts)
    assert res.verdict == "EQUIVALENT", res.reason
    # negative: the ones digit carries at 8, not 9 (a difference within ten ticks)
    bad = tmp_path / "bad.v"
    assert "(ticks_dg0 == 4'd9)" in new
    bad.write_text(new.replace("(ticks_dg0 == 4'd9)", "(ticks_dg0 == 4'd8)"))
    res = check_equivalence(DesignRef((src,), "meter_display"), DesignRef((bad,), "meter_display"), opts)
    assert res.verdict == "NOT EQUIVALENT", res.reason
