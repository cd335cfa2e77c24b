"""Vector registers whose every bit is a comparison of another register (rtlopt.semantic.regfunc_vec):
valid/dirty-style status vectors kept beside per-entry states become decodes of the states."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import regfunc_vec

GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "seqredundancy"

# Verilog-2005: an unpacked array of 2-bit states updated in an integer loop; 'hot' bit i is state 3
LOOP_V = """
module heat (
  input            clk,
  input            rst,
  input      [3:0] up,
  input      [3:0] cool,
  output reg [3:0] hot
);
  reg [1:0] lvl [0:3];
  integer i;
  always @(posedge clk)
    if (rst) begin
      for (i = 0; i < 4; i = i + 1) lvl[i] <= 2'd0;
      hot <= 4'd0;
    end else
      for (i = 0; i < 4; i = i + 1)
        if (cool[i]) begin
          lvl[i] <= 2'd0; hot[i] <= 1'b0;
        end else if (up[i] && lvl[i] != 2'd3) begin
          lvl[i] <= lvl[i] + 2'd1;
          hot[i] <= (lvl[i] == 2'd2);
        end
endmodule
"""


def _run(tmp_path: Path, text: str, top: str, name: str):
    f = tmp_path / name
    f.write_text(text)
    return f, regfunc_vec.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
def test_sv_enum_slot_array_vectors(tmp_path):
    src = GEN / "regfunc_vec_slot_state_sv" / "original.sv"
    f, got = _run(tmp_path, src.read_text(), "slot_table", "d.sv")
    assert got, got
    new, desc = got[0]
    t = new[f]
    # slot is never 2'b10 (FREE 00, WAIT 01, DONE 11): 'slot != FREE' is bit 0, 'slot == DONE' bit 1
    assert "always @* used = {slot[7][0], slot[6][0]," in t and "slot[0][0]};" in t, t
    assert "always @* ready = {slot[7][1]," in t, t
    assert "always @* ready = {" in t and "used[idx] <=" not in t and "ready[idx] <=" not in t
    assert abc_verdict(tmp_path, f, t, "slot_table") == "EQUIVALENT"


@pytest.mark.yosys
def test_verilog_localparam_channel_fsms(tmp_path):
    src = GEN / "regfunc_vec_chan_fsm_v" / "original.v"
    f, got = _run(tmp_path, src.read_text(), "chan_status", "d.v")
    assert got, got
    t = got[0][0][f]
    assert "always @* act = {" in t and "always @* err = {" in t and "act[0] <=" not in t
    assert "always @* c2 =" not in t  # no vector read by another chosen one (a loop)
    # each bit reads its own channel's state; the states are never 3: RUN (1) is bit 0, ERR (2) bit 1
    assert "always @* act = {c2[0], c1[0], c0[0]};" in t and "always @* err = {c2[1], c1[1], c0[1]};" in t, t
    assert abc_verdict(tmp_path, f, t, "chan_status") == "EQUIVALENT"


@pytest.mark.yosys
def test_verilog_array_in_an_integer_loop(tmp_path):
    f, got = _run(tmp_path, LOOP_V, "heat", "d.v")
    assert got, got
    t = got[0][0][f]
    assert "always @* hot = {(lvl[3] == 2'd3), (lvl[2] == 2'd3), (lvl[1] == 2'd3), (lvl[0] == 2'd3)};" in t, t
    assert abc_verdict(tmp_path, f, t, "heat") == "EQUIVALENT"


@pytest.mark.yosys
def test_near_misses_are_not_rewritten(tmp_path):
    cases = [
        # one bit set a cycle late (hot[2] follows its level with a delay): the vector is not a decode
        LOOP_V.replace("          hot[i] <= (lvl[i] == 2'd2);\n        end",
                       "          hot[i] <= (lvl[i] == 2'd2) && i != 2;\n        end else if (i == 2)\n"
                       "          hot[i] <= (lvl[i] == 2'd3);"),
        # a bit that stays set after the level drops (cleared only by reset)
        LOOP_V.replace("lvl[i] <= 2'd0; hot[i] <= 1'b0;", "lvl[i] <= 2'd0;"),
    ]
    for i, text in enumerate(cases):
        _f, got = _run(tmp_path, text, "heat", f"n{i}.v")
        assert not got, (i, [d for _t, d in got])
