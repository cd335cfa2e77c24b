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


def cli_verify(tmp_path: Path, a_text: str, b_text: str, top: str, ext: str = "v") -> int:
    """Exit status of ``rtlopt verify`` (default engines) of two texts written beside the test's files."""
    import subprocess
    import sys

    a, b = tmp_path / f"{top}_a.{ext}", tmp_path / f"{top}_b.{ext}"
    a.write_text(a_text)
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


def file_candidates(produce, tmp_path: Path, text: str, top: str, ext: str = "v") -> list:
    """``(new text, description)`` of a semantic ``candidates_for(texts, top)`` on one file."""
    p = tmp_path / f"{top}.{ext}"
    p.write_text(text)
    return [(n[p], d) for n, d in produce({p: text}, top)]
