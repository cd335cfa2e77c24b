"""Piecewise GF(2)-linear resubstitution (rtlopt.semantic.linresub): write-back check bits of a
corrected word re-expressed through the syndrome, in two coding styles; a negative case."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.semantic.linresub import _basis, _reduce, rewrites

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "sharing"


def test_gf2_solver_finds_sparsest_combination():
    # samples as bit vectors: cols 1..3, target = col1 ^ col3
    cols = [0b1111, 0b0011, 0b0101, 0b1001]
    b = _basis(cols, [0, 1, 2, 3], 0b1111)
    c = _reduce(b, cols[1] ^ cols[3])
    assert c is not None
    acc = 0
    for i in range(4):
        if c >> i & 1:
            acc ^= cols[i]
    assert acc == cols[1] ^ cols[3]
    assert _reduce(_basis(cols[:2], [0, 1], 0b1111), 0b0110) is None  # not in the span


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / "cand.v"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=600)
    return r.returncode


def _for(path: Path, top: str, target: str) -> list[str]:
    got = rewrites({path: path.read_text()}, top, budget_s=60)
    return [new for _p, new, desc in got if desc.startswith(f"{target} ")]


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,target", [("secded_wb_bitlevel", "secded8_scrub", "wb_chk"),
                                             ("hamming_sec_wb_function", "ham_sec_wb", "wchk"),
                                             ("secded_wb_pipe_generate", "secded16_pipe", "wb_chk_q")])
def test_writeback_check_bits_from_syndrome(tmp_path, case, top, target):
    src = GEN / case / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    news = _for(src, top, target)
    assert len(news) == 1
    new = news[0]
    # split on the correction (the corrected word differs from the read word), no re-encoder left
    assert "rtlopt_lr_" in new and re.search(rf"(assign {target} =|{target}\s*<=) \{{", new)
    if case == "secded_wb_bitlevel":  # the smallest one is proven here (the search proves every candidate)
        assert _verify(tmp_path, src, new, top) == 0


@pytest.mark.yosys
def test_independent_word_is_not_resubstituted(tmp_path):
    # the written check bits encode a NEW data word, unrelated to the syndrome: nothing to reuse
    src = tmp_path / "enc_new.v"
    src.write_text("""
module enc_new (
  input  wire [7:0] d, input wire [3:0] chk, input wire [7:0] nd,
  output wire [3:0] s, output wire [3:0] wb_chk
);
  wire [3:0] h = {d[4]^d[5]^d[6]^d[7], d[1]^d[2]^d[3]^d[7], d[0]^d[2]^d[3]^d[5]^d[6], d[0]^d[1]^d[3]^d[4]^d[6]};
  assign s = h ^ chk;
  assign wb_chk = {nd[4]^nd[5]^nd[6]^nd[7], nd[1]^nd[2]^nd[3]^nd[7],
                   nd[0]^nd[2]^nd[3]^nd[5]^nd[6], nd[0]^nd[1]^nd[3]^nd[4]^nd[6]};
endmodule
""")
    assert _for(src, "enc_new", "wb_chk") == []


@pytest.mark.yosys
def test_exclusive_relations_of_one_operand_pair(tmp_path):
    # lt / eq / gt of the same operands are exclusive and cover every case: one of them is the NOR of
    # the other two (found by value, emitted as an OR of exclusive terms, not an XOR)
    src = tmp_path / "cmp3.v"
    src.write_text("""
module cmp3 (input wire [11:0] a, input wire [11:0] b, output wire [2:0] rel);
  wire lt = a < b;
  wire gt = b < a;
  wire eq = a == b;
  assign rel = {gt, eq, lt};
endmodule
""")
    got = {desc.split()[0]: new for _p, new, desc in rewrites({src: src.read_text()}, "cmp3", budget_s=60)}
    assert got, "no relation found"
    name, new = next(iter(got.items()))
    assert name in ("lt", "gt", "eq")
    assert re.search(rf"assign {name} = \{{~\(\w+ \| \w+\)\}};", new)
    assert _verify(tmp_path, src, new, "cmp3") == 0
