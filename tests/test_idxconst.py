"""Indexed reads whose element is constant whenever the index names it (rtlopt.semantic.idxconst).

Seen in real code (verilog-axis axis_srl_register: m_axis_tvalid = valid_reg[ptr_reg] with
valid_reg[1] always set while ptr_reg == 1). The designs here are our own, in two styles (unpacked
arrays shifted by loops, a packed vector read at a casez-priority index)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "designs" / "generalization" / "seqredundancy"


def _cands(path: Path, top: str, text: str | None = None):
    from rtlopt.semantic import idxconst

    text = path.read_text() if text is None else text
    return idxconst.candidates_for({path: text}, top, timeout_s=30.0)


def test_array_element_constant_at_its_index():
    p = CASES / "idxconst_stall_slots_loop" / "original.v"
    got = _cands(p, "stall_buf2")
    assert len(got) == 1
    new = got[0][0][p]
    assert "assign out_vld  = ((head) == 1'd1 ? 1'd1 : slot_v[head]);" in new
    # only the read changes; the data read at the same index is not constant there
    assert "assign out_data = slot[head];" in new
    assert new.count("\n") == p.read_text().count("\n")


def test_packed_vector_read_proven(tmp_path: Path):
    p = CASES / "idxconst_pending_pick_casez" / "original.v"
    got = _cands(p, "pend_pick8")
    assert len(got) == 1
    new = got[0][0][p]
    line = next(ln for ln in new.splitlines() if "assign serve_ok" in ln)
    assert "(pick) == 3'd1 ? 1'd1" in line and "pend[pick]" in line
    # the write 'pend_n[pick] = 1'b0' is not a read: left alone
    assert "pend_n[pick] = 1'b0;" in new
    cand = tmp_path / "cand.v"
    cand.write_text(new)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(cand), "--top", "pend_pick8",
                        "--timeout", "240", "--engines", "abc"], capture_output=True, text=True, timeout=400)
    assert r.returncode == 0, r.stdout + r.stderr


def test_element_not_constant_gives_nothing(tmp_path: Path):
    # the element at the index is a free input copy: no value is fixed when the index names it
    text = """
module sel2 (input clk, input rst, input [1:0] d, input s, output q);
  reg [1:0] r;
  reg p;
  assign q = r[p];
  always @(posedge clk) begin
    if (rst) begin r <= 2'd0; p <= 1'b0; end
    else begin r <= d; p <= s; end
  end
endmodule
"""
    p = tmp_path / "sel2.v"
    p.write_text(text)
    assert _cands(p, "sel2", text) == []


def test_packed_range_must_start_at_zero():
    # a vector declared [0:7] or [8:1] has its element k elsewhere than the k-th flop: not offered
    from rtlopt.semantic.idxconst import _zero_based

    body = ("module m (input clk,\n output reg  [7:0] pend,\n input [1:0] d, output reg q);\n"
            " reg [W-1:0] a, b = 0, c;\n reg [0:7] z;\n reg [8:1] y;\n wire [3:0] w = 1;\n")
    assert _zero_based(body, ["pend", "q", "a", "b", "c", "z", "y", "w"]) == {"pend", "a", "b", "c"}


@pytest.mark.parametrize("case,top,arm,const", [
    ("selarm_error_code_always", "rx_status", "code_q <= err_v ? 3'd5 : ERR_NONE;", "err_code == 5"),
    ("selarm_keep_skid_param", "skid_keep", "m_keep  <= buf_v ? 4'd15 : keep_in;", "buf_keep == 15"),
])
def test_select_arm_constant_when_selected(case, top, arm, const):
    p = CASES / case / "original.v"
    got = _cands(p, top)
    assert len(got) == 1
    new, desc = got[0]
    assert arm in new[p] and const in desc
    # the other arm and the register's own writes stay
    assert new[p].count("\n") == p.read_text().count("\n")


def test_select_arm_in_unelaborated_generate_branch_left_alone(tmp_path: Path):
    # the same names in a generate branch that is not elaborated are not rewritten
    text = """
module gsel #(parameter MODE = 1) (input clk, input rst, input [3:0] d, input go, output reg [3:0] q);
  generate
    if (MODE == 1) begin : one
      reg v; reg [3:0] k;
      always @(posedge clk) begin
        if (rst) begin v <= 1'b0; k <= 4'd0; q <= 4'd0; end
        else begin
          q <= v ? k : d;
          if (go) begin v <= 1'b1; k <= 4'd7; end else v <= 1'b0;
        end
      end
    end else begin : two
      reg v; reg [3:0] k;
      always @(posedge clk) begin
        q <= v ? k : d;
        v <= go; k <= d;
      end
    end
  endgenerate
endmodule
"""
    p = tmp_path / "gsel.v"
    p.write_text(text)
    got = _cands(p, "gsel", text)
    assert len(got) == 1
    new = got[0][0][p]
    assert new.count("q <= v ? 4'd7 : d;") == 1 and new.count("q <= v ? k : d;") == 1
    assert new.index("q <= v ? 4'd7 : d;") < new.index("begin : two")


def test_ternary_condition_must_be_the_whole_select():
    from rtlopt.semantic import idxconst as ic

    s = ("module m; assign a = c ? x : y; always @* q = a == b ? x : y; assign z = p && c ? x : y;"
         " assign w = c ? x : y + 1; assign v = !c ? x : y;\nendmodule")
    got = [(a[3], a[4], a[2]) for a in ic._ternaries(s, ic._module_span(s, "m"))]
    assert got == [("c", "x", 1), ("c", "y", 0), ("c", "x", 1), ("c", "x", 0), ("c", "y", 1)]
