"""regfunc: a flag equal to ``word == K`` where ``word <= K`` is proven and K is a power of two is the
bit ``word[log2 K]`` (verilog-axis axis_srl_fifo: full_reg == (ptr_reg == DEPTH); the comparator spelling
was rejected on delay, 15.4 ns > 10 ns, the bit is 9.4 ns)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

CASE = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy" / "full_flag_top_bit"
TEXT = (CASE / "original.v").read_text()


def _cands(tmp_path: Path, text: str):
    from rtlopt.semantic import regfunc

    p = tmp_path / "credit_flags.v"
    p.write_text(text)
    return p, regfunc.candidates_for({p: text}, "credit_flags")


def test_full_flag_is_top_bit_and_proven(tmp_path: Path):
    p, got = _cands(tmp_path, TEXT)
    both = [new[p] for new, desc in got if "full" in desc and "empty" in desc]
    assert both, [d for _, d in got]
    new = both[0]
    assert "always @* full = used[3];" in new and "always @* empty = (used == 4'd0);" in new
    q = tmp_path / "new.v"
    q.write_text(new)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(q), "--top", "credit_flags"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_bound_not_a_power_of_two_keeps_the_compare(tmp_path: Path):
    text = TEXT.replace("8-entry", "12-entry").replace("(used == 4'd7)", "(used == 4'd11)")
    p, got = _cands(tmp_path, text)
    full = [new[p] for new, desc in got if "'full'" in desc]
    assert full and all("full = used[3]" not in t for t in full)
    assert any("always @* full = (used == 4'd12);" in t for t in full)
