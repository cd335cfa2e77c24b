"""Zero tests of a counter two levels down read the zero test of the flag vector it counts
(rtlopt.semantic.regzero): an occupancy count beside a generate-loop valid vector (SV, async reset),
an outstanding count beside a bit-level tag mask (Verilog, ``3'b000 == cnt``). Near-misses: a count
that can be nonzero with no flag set, a count read as a number, a count too narrow for the flags.
Real Yosys + z3 (induction) + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import regzero

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _run(tmp_path: Path, name: str, top: str, old: str | None = None, new: str | None = None):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    if old is not None:
        assert old in text
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, regzero.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
def test_occupancy_count_reads_valid_vector(tmp_path):
    f, got = _run(tmp_path, "zerotest_occupancy_sv", "rob_slots")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "'u_trk.occ' == 0 <-> 'valid' == 0" in desc, desc
    t = new[f]
    assert "assign pending  = valid != 4'd0;" in t and "occ != 4'd0" not in t
    assert abc_verdict(tmp_path, f, t, "rob_slots") == "EQUIVALENT"


@pytest.mark.yosys
def test_outstanding_count_reads_bit_level_mask(tmp_path):
    f, got = _run(tmp_path, "zerotest_credits_nested_v", "tag_master")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "'u_core.outstanding' == 0 <-> 'used' == 0" in desc, desc
    t = new[f]
    assert "assign quiet = (3'b000 == used);" in t
    assert abc_verdict(tmp_path, f, t, "tag_master") == "EQUIVALENT"


@pytest.mark.yosys
def test_count_of_requests_not_grants_is_left_alone(tmp_path):
    # counts every request in range, granted or not: nonzero while no slot is valid
    _f, got = _run(tmp_path, "zerotest_occupancy_sv", "rob_slots", ".up(do_alloc)", ".up(alloc)")
    assert got == []


@pytest.mark.yosys
def test_count_read_as_a_number_is_left_alone(tmp_path):
    # the count also drives a comparison with 2: not only zero tests read it
    _f, got = _run(tmp_path, "zerotest_credits_nested_v", "tag_master",
                   "assign quiet = (3'b000 == outstanding);",
                   "assign quiet = (3'b000 == outstanding) | (outstanding == 3'd2) & req;")
    assert got == []


@pytest.mark.yosys
def test_count_too_narrow_for_the_flags_is_left_alone(tmp_path):
    # a 2-bit count of 4 tags wraps to 0 with every tag in use
    _f, got = _run(tmp_path, "zerotest_credits_nested_v", "tag_master", "output reg [2:0] n_out", "output reg [1:0] n_out")
    assert got == []
