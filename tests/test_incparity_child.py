"""Incremental parity when the reduction sits in a child instance that does not see the bits entering
the line (semantic/incparity): the child's output connection is left open in the parent and a register
updated by the bits entering and leaving drives the net. Positives are proven; near misses (a line that
can be loaded in parallel, a reduction that also reads a port) get no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import cli_verify as _verify
from _proof import file_candidates

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "window_parity"


def _cands(tmp_path: Path, text: str, top: str, ext: str = "v"):
    from rtlopt.semantic import incparity

    return file_candidates(incparity.candidates_for, tmp_path, text, top, ext)


def test_named_child_chain_goes_to_the_source_net(tmp_path):
    text = (GEN / "v_named_child_reduction" / "original.v").read_text()
    got = _cands(tmp_path, text, "frame_chk")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "parity of 12 register bits" in desc and "2 bits enter/leave" in desc
    # the net the chain drives (read by two users), not its alias, gets the register
    assert "assign w_odd = rtlopt_par0;" in new and "xor_chain u_chk (.v(taps), .odd());" in new
    assert "else if (shift) rtlopt_par0 <= rtlopt_par0 ^ bit_in ^ taps[0];" in new
    assert _verify(tmp_path, text, new, "frame_chk") == 0


def test_wildcard_child_fold_of_symbol_line(tmp_path):
    text = (GEN / "sv_wildcard_symbol_line" / "original.sv").read_text()
    got = _cands(tmp_path, text, "sym_mon", "sv")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "parity of 20 register bits" in desc
    assert "u_x (.*, .acc());" in new and "assign acc = rtlopt_par0;" in new
    assert _verify(tmp_path, text, new, "sym_mon", "sv") == 0


# restyle: the line inline in the top (one always block per stage pair, active-high async reset),
# the reduction a reduction operator in a child connected by position-free named ports
RESTYLE = """
module par_of(input [7:0] w, output p);
  assign p = ^w;
endmodule
module top_inline(input clk, input arst, input ce, input si, output reg flag);
  reg [3:0] lo, hi;
  wire p_w;
  always @(posedge clk or posedge arst)
    if (arst) lo <= 4'b1000; else if (ce) lo <= {lo[2:0], si};
  always @(posedge clk or posedge arst)
    if (arst) hi <= 4'b0000; else if (ce) hi <= {hi[2:0], lo[3]};
  par_of u_p (.p(p_w), .w({hi, lo}));
  always @(posedge clk or posedge arst)
    if (arst) flag <= 1'b0; else flag <= p_w ^ si;
endmodule
"""


def test_restyle_inline_line_child_reduction(tmp_path):
    got = _cands(tmp_path, RESTYLE, "top_inline")
    assert len(got) == 1, got
    new = got[0][0]
    assert "u_p (.p(), .w({hi, lo}));" in new and "assign p_w = rtlopt_par0;" in new
    assert "if (arst) rtlopt_par0 <= 1'b1;" in new  # the reset pattern has odd parity
    assert _verify(tmp_path, RESTYLE, new, "top_inline") == 0


def test_parallel_load_line_is_no_candidate(tmp_path):
    # the line can also be loaded in parallel: every bit may change in one cycle
    text = RESTYLE.replace("input si,", "input si, input ld, input [3:0] pd,").replace(
        "else if (ce) lo <= {lo[2:0], si};", "else if (ld) lo <= pd; else if (ce) lo <= {lo[2:0], si};").replace(
        "else if (ce) hi <= {hi[2:0], lo[3]};", "else if (ld) hi <= pd; else if (ce) hi <= {hi[2:0], lo[3]};")
    assert _cands(tmp_path, text, "top_inline") == []


def test_child_reduction_reading_a_port_too_is_no_candidate(tmp_path):
    # the child folds the line and an input bit that is no register: not a parity of flip-flops
    text = RESTYLE.replace("input [7:0] w, output p", "input [7:0] w, input x, output p").replace(
        "assign p = ^w;", "assign p = ^w ^ x;").replace(".w({hi, lo})", ".w({hi, lo}), .x(ce)")
    assert _cands(tmp_path, text, "top_inline") == []
