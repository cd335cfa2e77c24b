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

from rtlopt.semantic.gflin import (
    best_slp,
    block_program,
    paar,
    programs,
    rewrite_bit_nbas,
    rewrites,
    row_partitions,
    slp_cost,
    tree_slp,
)

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
    # structural variants of one target: the plain program first (its rows as chains)
    assert 1 <= len(got) <= 4 and all(d.startswith("col_out: GF(2)-linear") for _p, _n, d in got)
    _p, new, desc = got[0]
    assert "row blocks" not in desc and "balanced" not in desc
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
    assert got and all(d.startswith("next crc: GF(2)-linear") for _p, _n, d in got)
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


def _hamming_rows(k_data: int, checks: int) -> list[int]:
    """Check-bit rows of a SECDED code over ``k_data`` data bits: codeword positions that are not powers
    of two; row ``k < checks``: bit ``k`` of the position set; last row: the overall parity of the data
    and the check bits (the data bits whose position has an even number of ones)."""
    pos = [p for p in range(1, 2 * k_data) if p & (p - 1)][:k_data]
    rows = [sum(1 << i for i, p in enumerate(pos) if p >> k & 1) for k in range(checks)]
    rows.append(sum(1 << i for i, p in enumerate(pos) if bin(p).count("1") % 2 == 0))
    return rows


def test_row_blocks_find_the_row_and_column_parities_of_a_hamming_code():
    # Hamming(72,64): position 8h + l; the check bits of l are parities of columns, those of h of rows
    rows = _hamming_rows(64, 7)
    parts = row_partitions(rows, 64)
    assert parts
    plain = best_slp(rows, 64, runs=8)[0]
    for est, blocks in parts:
        assert sorted(r for b in blocks for r in b) == list(range(8))
        xors, ops, rr = block_program(rows, 64, blocks)
        assert xors <= est + 2 and xors < plain
        rnd = random.Random(len(blocks))
        for _ in range(40):
            x = rnd.getrandbits(64)
            assert _run(ops, rr, 64, x) == [bin(r & x).count("1") & 1 for r in rows]
    # the column rows (0-2) and the row rows (3-5) never share a block in the cheapest partitions
    for _est, blocks in parts:
        where = {r: i for i, b in enumerate(blocks) for r in b}
        assert where[0] == where[1] == where[2] and where[3] == where[4] == where[5] != where[0]


def test_row_blocks_left_alone_without_shared_column_patterns():
    # rows over disjoint inputs: no block shares anything, and a permutation matrix has no XOR at all
    rows = [0b1111 << (4 * k) for k in range(4)]
    assert all(block_program(rows, 16, b)[0] == 12 for _e, b in row_partitions(rows, 16))
    assert [how for _x, _o, _r, how in programs(rows, 16)] == ["", " (balanced)"]  # no block variant
    assert row_partitions([1 << k for k in range(8)], 8) == []


@pytest.mark.yosys
def test_hamming72_bitlevel_gets_row_block_variants(tmp_path):
    src = GEN / "hamming72_enc_bitlevel" / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    got = rewrites({src: src.read_text()}, "secded72_enc", budget_s=30)
    xors = [int(re.search(r"as (\d+) shared XORs", d).group(1)) for _p, _n, d in got]
    blocks = [n for (_p, n, d) in got if "row blocks" in d]
    # the 143-XOR Paar program is not within reach of the ~131-XOR row-block programs
    assert len(blocks) >= 2 and min(xors) <= 132
    assert "rtlopt_gx_chk_" in blocks[0] and "assign chk = {" in blocks[0]
    assert _verify(tmp_path, src, blocks[0], "secded72_enc") == 0


@pytest.mark.yosys
def test_secded39_generate_hmatrix_parameter(tmp_path):
    src = GEN / "secded39_enc_hmatrix_generate" / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    got = rewrites({src: src.read_text()}, "secded39_enc", budget_s=30)
    descs = [d for _p, _n, d in got]
    assert any("row blocks" in d for d in descs)
    new = next(n for _p, n, d in got if "row blocks" in d)
    # the loop's masked reductions are cut (the loop itself is kept), the word driven by the program
    assert "^(d & H[" not in new and "begin : g_row" in new and "assign chk = {" in new
    assert _verify(tmp_path, src, new, "secded39_enc") == 0


_PERBIT = """module c(input clk, input rst, input en, input [3:0] d, output reg [3:0] q);
  always @(posedge clk) begin
    if (rst) q <= 4'h0;
    else if (en) begin
      q[0] <= d[0] ^ d[1] ^ q[3];
      q[1] <= d[1] ^ d[2] ^ q[3] ^ q[0];
      q[2] <= d[0] ^ d[1] ^ d[2] ^ q[1];
      q[3] <= d[0] ^ d[1] ^ q[2] ^ d[3];
    end
  end
endmodule
"""


def test_per_bit_nonblocking_assignments_rewritten_in_place():
    wires = [("w0", "d[0] ^ d[1]")]
    bits = ["(w0 ^ q[2] ^ d[3])", "(w0 ^ d[2] ^ q[1])", "(d[1] ^ d[2] ^ q[3] ^ q[0])", "(w0 ^ q[3])"]
    new = rewrite_bit_nbas(_PERBIT, "c", "q", wires, bits)
    assert new is not None
    assert "q[0] <= (w0 ^ q[3]);" in new and "q[3] <= (w0 ^ q[2] ^ d[3]);" in new
    assert new.index("wire w0 = d[0] ^ d[1];") < new.index("always @(posedge clk)")
    assert "q <= 4'h0;" in new
    # near misses: a bit assigned twice, a bit missing, a whole-word non-constant assignment as well
    twice = _PERBIT.replace("q[3] <= d[0]", "q[2] <= d[0]")
    assert rewrite_bit_nbas(twice, "c", "q", wires, bits) is None
    missing = _PERBIT.replace("      q[3] <= d[0] ^ d[1] ^ q[2] ^ d[3];\n", "")
    assert rewrite_bit_nbas(missing, "c", "q", wires, bits) is None
    word = _PERBIT.replace("if (rst) q <= 4'h0;", "if (rst) q <= d;")
    assert rewrite_bit_nbas(word, "c", "q", wires, bits) is None


@pytest.mark.yosys
def test_crc16_per_bit_register_equations(tmp_path):
    src = GEN / "crc16_par8_perbit_reg" / "original.v"
    if not src.exists():
        pytest.skip("generalization design absent")
    text = src.read_text()
    got = rewrites({src: text}, "crc16_par8", budget_s=30)
    assert got and got[0][2].startswith("next crc: GF(2)-linear")
    new = got[0][1]
    assert re.search(r"crc\[0\] <= rtlopt_gx_crc_\d+;", new) and "crc <= 16'hFFFF;" in new
    assert _verify(tmp_path, src, new, "crc16_par8") == 0
    # one AND term in one bit: the register's next value is not linear, no candidate
    bad = text.replace("crc[9] <= din[7] ^ crc[1] ^ crc[15];", "crc[9] <= din[7] ^ (crc[1] & crc[15]);")
    assert bad != text
    f = tmp_path / "nl.v"
    f.write_text(bad)
    assert rewrites({f: bad}, "crc16_par8", budget_s=30) == []
