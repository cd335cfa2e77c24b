"""GF(2)-linear cones re-synthesized as shared XOR networks (rtlopt.semantic.gflin): Paar's greedy, the
rewrite in several coding styles (function + always loop, case table feeding a register), a non-linear
cone left alone, and the bit-by-bit GF(2) algebraic proof of a re-associated XOR network."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.semantic.gflin import best_slp, paar, rewrites, slp_cost, tree_slp

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "datapath"


def _run(ops, rows, nvars, x: int) -> list[int]:
    vals = [x >> i & 1 for i in range(nvars)]
    for a, b in ops:
        vals.append(vals[a] ^ vals[b])
    return [sum(vals[i] for i in range(len(vals)) if r >> i & 1) & 1 for r in rows]


def test_paar_program_computes_the_matrix_with_fewer_xors():
    rnd = random.Random(3)
    n = 16
    rows = [rnd.getrandbits(n) | 1 for _ in range(16)]
    naive = sum(bin(r).count("1") - 1 for r in rows)
    xors, ops, rr = best_slp(rows, n, runs=8)
    assert xors == slp_cost(ops, rr) < naive
    for _ in range(50):
        x = rnd.getrandbits(n)
        want = [bin(r & x).count("1") & 1 for r in rows]
        assert _run(ops, rr, n, x) == want
    # a pair shared by every row becomes one signal
    ops, rr = paar([0b0111, 0b1011, 0b0011], 4)
    assert ops[0] == (0, 1) and slp_cost(ops, rr) == 3


def _verify(tmp_path: Path, a: Path, text: str, top: str, engines: str | None = None) -> int:
    b = tmp_path / "cand.v"
    b.write_text(text)
    cmd = [sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top]
    if engines:
        cmd += ["--engines", engines]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600).returncode


@pytest.mark.yosys
def test_mixcolumns_function_loop_becomes_xor_network(tmp_path):
    src = GEN / "gf_mixcol_xtime_function" / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    got = rewrites({src: src.read_text()}, "aes_mixcol", budget_s=30)
    assert len(got) == 1
    _p, new, desc = got[0]
    assert desc.startswith("col_out: GF(2)-linear")
    # the always block is gone, the output is driven from the XOR network (declared reg: always @*)
    assert "always @* col_out = {" in new and "rtlopt_gx_col_out_0 = col_in[" in new
    assert "function [7:0] xtime;" in new  # the rest kept
    assert _verify(tmp_path, src, new, "aes_mixcol") == 0


@pytest.mark.yosys
def test_case_table_crc_register_next_state(tmp_path):
    src = GEN / "crc8_table_case" / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    got = rewrites({src: src.read_text()}, "crc8_table", budget_s=30)
    assert len(got) == 1
    new = got[0][1]
    # the data arm under reset/enable: only the one non-constant nonblocking assignment changes
    assert re.search(r"crc <= \{.*rtlopt_gx_crc_", new) and "crc <= 8'h00;" in new
    assert new.count("8'h") >= src.read_text().count("8'h")  # the table itself is kept byte for byte
    assert _verify(tmp_path, src, new, "crc8_table") == 0


@pytest.mark.yosys
def test_nonlinear_cone_gets_no_candidate(tmp_path):
    text = (GEN / "gf_mixcol_xtime_function" / "original.v").read_text() if \
        (GEN / "gf_mixcol_xtime_function").exists() else None
    if text is None:
        pytest.skip("generalization design absent")
    # one AND term makes every output byte non-linear
    bad = text.replace("^ a[(i+3)%4];", "^ (a[(i+3)%4] & a[i]);")
    assert bad != text
    f = tmp_path / "nl.v"
    f.write_text(bad)
    assert rewrites({f: bad}, "aes_mixcol", budget_s=30) == []


@pytest.mark.yosys
def test_bitwise_gf2_algebra_proves_reassociated_parity(tmp_path):
    # 64 inputs, 8 parity outputs: the word polynomial over the integers blows up, each bit mod 2 is linear
    rnd = random.Random(9)
    masks = [rnd.getrandbits(64) | (1 << k) for k in range(8)]
    gold = ["module par(input [63:0] d, output [7:0] p);"]
    gate = ["module par(input [63:0] d, output [7:0] p);"]
    for k, m in enumerate(masks):
        idx = [i for i in range(64) if m >> i & 1]
        gold.append(f"  assign p[{k}] = {' ^ '.join(f'd[{i}]' for i in idx)};")
        rnd.shuffle(idx)
        h = len(idx) // 2
        gate.append(f"  wire l{k} = {' ^ '.join(f'd[{i}]' for i in idx[:h])};")
        gate.append(f"  assign p[{k}] = l{k} ^ ({' ^ '.join(f'd[{i}]' for i in idx[h:])});")
    gold.append("endmodule")
    gate.append("endmodule")
    g = tmp_path / "gold.v"
    g.write_text("\n".join(gold) + "\n")
    assert _verify(tmp_path, g, "\n".join(gate) + "\n", "par", engines="algebra") == 0
    wrong = "\n".join(gate).replace("assign p[3] = l3 ^ (", "assign p[3] = ~l3 ^ (", 1) + "\n"
    assert _verify(tmp_path, g, wrong, "par", engines="algebra") == 1


def test_spanning_tree_program_computes_the_matrix():
    # heavy rows that differ from each other in two inputs: each is computed from a neighbour
    rnd = random.Random(5)
    n = 24
    base = rnd.getrandbits(n) | 0xFFF
    rows = [base ^ (1 << k) ^ (1 << (k + 12)) for k in range(12)]
    got = tree_slp(rows, n, runs=4)
    assert got is not None
    xors, ops, rr = got
    assert xors < sum(bin(r).count("1") - 1 for r in rows) // 3
    for _ in range(30):
        x = rnd.getrandbits(n)
        assert _run(ops, rr, n, x) == [bin(r & x).count("1") & 1 for r in rows]
