"""Shared test helper: the verdict of a candidate text against its original, proven by ABC (real Yosys)."""

from __future__ import annotations

from pathlib import Path


def abc_verdict(tmp_path: Path, old: Path, new_text: str, top: str, timeout_s: float = 600) -> str:
    """Write ``new_text`` beside the test's files (same suffix as ``old``) and check it against ``old``."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("new" + old.suffix)
    g.write_text(new_text)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(engines=("abc",), timeout_s=timeout_s))
    return res.verdict
