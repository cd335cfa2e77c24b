"""One-hot register at another register's index kept as one flag bit (rtlopt.semantic.onehotidx).

Seen in real code (verilog-axis axis_mux: s_axis_tready_reg <= (ready && frame_next) << select_next
beside select_reg <= select_next); the designs here are our own, in different styles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "designs" / "generalization" / "seqredundancy"

#: case style: the vector is written with a function call; its reduction OR is read
FUNC = (CASES / "onehot_ack_function" / "original.v").read_text()


def _cands(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import onehotidx

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    return p, onehotidx.candidates_for({p: text}, top)


def test_function_style_found_and_proven(tmp_path: Path):
    p, got = _cands(tmp_path, FUNC, "bank_ack16")
    assert got, "the ack vector is zero or one-hot at ack_bank"
    new = got[0][0][p]
    assert "ack      <=" not in new and "ack_any1      <= |(bank_onehot(" in new
    assert "always @* ack = ack_any1 ? (1 << ack_bank) : 0;" in new
    assert "assign ack_any = ack_any1;" in new  # |ack is the flag
    q = tmp_path / "new.v"
    q.write_text(new)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(q), "--top", "bank_ack16"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_port_reg_case_style_reads_at_index(tmp_path: Path):
    text = (CASES / "onehot_grant_case" / "original.v").read_text()
    p, got = _cands(tmp_path, text, "lock_arb8")
    assert got
    new = got[0][0][p]
    assert "reg gnt_any;" in new and "assign owner_req = gnt_any & req[owner];" in new
    assert "held_n  = gnt_any;" in new


def test_not_always_at_the_index_gives_nothing(tmp_path: Path):
    # the ack bank is registered one cycle later than the vector: not the index of the vector
    text = FUNC.replace("ack_bank <= bank;", "ack_bank <= busy_bank;")
    _, got = _cands(tmp_path, text, "bank_ack16")
    assert got == []
    # two bits can be set at once: not one-hot
    text = FUNC.replace("bank_onehot[b] = en;", "bank_onehot[b] = en;\n            bank_onehot[0] = en;")
    _, got = _cands(tmp_path, text, "bank_ack16")
    assert got == []
