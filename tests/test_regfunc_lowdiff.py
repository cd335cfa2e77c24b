"""regfunc op "low": a count whose low bits always equal the difference of two pointers (plus a
constant), its top bit kept as the only flip-flop.

heldout13 nic/ring_ptr: head/tail pointers without wrap bits and an up/down used count one bit wider:
used[2:0] == head - tail in every reachable state, used[3] tells full from empty. regfunc had the
{flag, a - b} form only with the flag another register. The rewrite writes {rtlopt_used_hi,
rtlopt_used_lo} where used was written (the low part is never read) and reads used as {hi, head -
tail}. Own designs: SV level counter in its own process, Verilog credit count updated in one
expression with the pointers in the other order. Near misses: a count not decremented on one rare
input pattern, and a count with no reset. Real Yosys/z3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import regfunc

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"


def _cands(tmp_path: Path, src: Path, top: str, edits=()):
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, regfunc.candidates_for({f: text}, top, 60)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("g" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt",), timeout_s=120)).verdict


def _low(f: Path, got, target: str) -> list[str]:
    return [new[f] for new, _d, *_ in got if f"always @* {target} = {{rtlopt_{target}_hi, " in new[f]]


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,target,word", [
    (ROOT / "designs" / "heldout13" / "nic" / "ring_ptr" / "original.v", "nic_txring", "used", "head - tail"),
    (GEN / "lowdiff_fifo_level_sv" / "original.sv", "fifo_level_top", "level", "wptr - rptr"),
    (GEN / "lowdiff_credit_avail_v" / "original.v", "credit_pool", "avail", "ret_ptr - iss_ptr"),
])
def test_low_bits_are_the_pointer_difference(tmp_path, src, top, target, word):
    f, got = _cands(tmp_path, src, top)
    texts = _low(f, got, target)
    assert texts, [d for _n, d, *_ in got]
    t = texts[0]
    assert f"always @* {target} = {{rtlopt_{target}_hi, {word}}};" in t, t
    assert not re.search(rf"\b{target}\s*<=", t), t
    assert re.search(rf"{{rtlopt_{target}_hi, rtlopt_{target}_lo}}\s*<=", t), t
    assert _verdict(tmp_path, f, t, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_count_missing_one_rare_update_is_no_function(tmp_path):
    f, got = _cands(tmp_path, GEN / "lowdiff_credit_avail_v" / "original.v", "credit_pool",
                    [("avail   <= avail + ret_ok - iss_ok;",
                      "avail   <= avail + ret_ok - (iss_ok && !(retire && iss_ptr == 3'd5 && ret_ptr == 3'd1));")])
    assert not _low(f, got, "avail"), [d for _n, d, *_ in got]


@pytest.mark.yosys
def test_count_without_reset_is_no_function(tmp_path):
    f, got = _cands(tmp_path, GEN / "lowdiff_fifo_level_sv" / "original.sv", "fifo_level_top",
                    [("    if (rst) level <= '0;\n    else begin", "    begin")])
    assert not _low(f, got, "level"), [d for _n, d, *_ in got]
