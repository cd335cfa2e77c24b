"""Symmetric functions recognised by exhaustive simulation (rtlopt.semantic.lift): a 1-bit function of
one word that depends only on how many of its bits are set (separate counts of ones and zeros compared,
a weight window) becomes a compare of one population count with constants; a function of the word's
value that is not symmetric is left alone."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand, _symmetric_exprs
from tests.conftest import DESIGNS


def _word(w: int) -> tuple[Operand, np.ndarray]:
    xs = np.arange(1 << w, dtype=np.uint64)
    return Operand("v", "v", w, xs, False, True, (), 0), xs


def _pc(xs):
    return np.array([bin(int(x)).count("1") for x in xs], dtype=np.uint64)


def test_more_ones_than_zeros_is_a_compare_of_the_count():
    a, xs = _word(10)
    t = (_pc(xs) > 10 - _pc(xs)).astype(np.uint64)
    (kind, _ops, exprs), = _symmetric_exprs(t, a, xs)
    assert kind == "symmetric_greater_equal_const"
    assert exprs[0] == "(v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7] + v[8] + v[9]) >= 4'd6"


def test_weight_outside_a_window_and_not_symmetric():
    a, xs = _word(8)
    pc = _pc(xs)
    (kind, _o, _e), = _symmetric_exprs(((pc < 3) | (pc > 5)).astype(np.uint64), a, xs)
    assert kind == "symmetric_outside_range_const"
    # the value, not the weight, decides: no symmetric form
    assert _symmetric_exprs((xs > 100).astype(np.uint64), a, xs) == []
    # the low nibble's weight against the high nibble's: not symmetric in all eight bits
    lo, hi = _pc(xs & np.uint64(15)), _pc(xs >> np.uint64(4))
    assert _symmetric_exprs((lo > hi).astype(np.uint64), a, xs) == []


@pytest.mark.yosys
def test_voter_flags_are_lifted_and_proven(tmp_path):
    import subprocess
    import sys

    from rtlopt.semantic import find_lifts

    p = DESIGNS / "generalization" / "lifting" / "vote_ones_zeros" / "original.v"
    lifts = find_lifts({p: p.read_text()}, top="voter12")
    kinds = {lf.kind for _p, lf in lifts}
    assert {"symmetric_outside_range_const", "symmetric_greater_equal_const"} <= kinds, kinds
    # one accepted rewrite: the lift is round 1's best candidate (67.6 -> 54.5 um^2); the later rounds
    # (e-graph, redundant mux arms) are not what this test is about (whole search 71 s, one step 12 s, load 15)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(p), "--top", "voter12", "--budget", "90",
                        "--max-steps", "1", "--json", "-o", str(tmp_path / "out.v")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "symmetric_" in r.stdout and "EQUIVALENT" in r.stdout
