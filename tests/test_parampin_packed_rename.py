"""Pinning a parameterized module whose rewrite changed a multi-dimensional packed declaration
(``logic [CH-1:0][15:0] tmo`` -> ``[CH-1:0][3:0]``): Yosys's frontend cannot size a select of such a
variable declared inside the pinned generate block, so both declarations move to module level, the
pinned arm's variable under a fresh name; the original arm keeps its text."""

from __future__ import annotations

import re

import pytest

from rtlopt.engine.parampin import pin_text

TMO = """module w #(parameter int CH = 2, parameter int LIMIT = 100) (
  input logic clk, input logic arst, input logic [CH-1:0] busy, input logic [CH-1:0] done,
  output logic [CH-1:0] expired);
  logic [CH-1:0][15:0] tmo;
  always_ff @(posedge clk or posedge arst)
    if (arst) tmo <= '0;
    else
      for (int k = 0; k < CH; k++)
        if (done[k]) tmo[k] <= 16'd0;
        else if (busy[k] && tmo[k] < 16'(LIMIT)) tmo[k] <= tmo[k] + 16'd1;
  always_comb for (int k = 0; k < CH; k++) expired[k] = tmo[k] == 16'(LIMIT);
endmodule
module top (input logic clk, input logic arst, input logic [2:0] busy, input logic [2:0] done,
            output logic [2:0] expired);
  w #(.CH(3), .LIMIT(9)) u (.*);
endmodule
"""
NARROW = TMO.replace("logic [CH-1:0][15:0] tmo;", "logic [CH-1:0][3:0] tmo;")
CFG = {"w": {(("CH", "3"), ("LIMIT", "9"))}, "top": {()}}


def _arms(out: str):
    head, _, rest = out.partition("if (CH == 3 && LIMIT == 9) begin : rtlopt_params_w")
    pinned, _, orig = rest.partition("end else begin : rtlopt_original_w")
    return head, pinned, orig


def test_changed_packed_declaration_hoisted_under_fresh_name():
    out = pin_text(TMO, NARROW, CFG, "template")
    assert out is not None
    head, pinned, orig = _arms(out)
    assert "logic [CH-1:0][15:0] tmo;" in head and "logic [CH-1:0][3:0] tmo_rtlopt_p;" in head
    assert not re.search(r"\btmo\b", pinned) and "tmo_rtlopt_p[k] <= tmo_rtlopt_p[k] + 16'd1" in pinned
    assert "tmo[k] <= tmo[k] + 16'd1" in orig and "tmo_rtlopt_p" not in orig and "logic" not in orig.split(
        "always_ff")[0]


def test_fresh_name_avoids_a_taken_one():
    taken = TMO.replace("module top", "// tmo_rtlopt_p\nmodule top")
    out = pin_text(taken, NARROW.replace("module top", "// tmo_rtlopt_p\nmodule top"), CFG, "template")
    assert out is not None and "logic [CH-1:0][3:0] tmo_rtlopt_p1;" in out


def test_same_packed_declaration_not_renamed():
    # only the logic changed: the one declaration is shared, no fresh name
    other = TMO.replace("tmo[k] + 16'd1;", "tmo[k] + 16'd1; // step")
    out = pin_text(TMO, other, CFG, "template")
    assert out is not None and "_rtlopt_p" not in out


@pytest.mark.yosys
def test_pinned_packed_narrowing_synthesizes_and_proves(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    out = pin_text(TMO, NARROW, CFG, "template")
    (tmp_path / "g.sv").write_text(TMO)
    (tmp_path / "h.sv").write_text(out)
    r = check_equivalence(open_design(tmp_path / "g.sv", top="top"), open_design(tmp_path / "h.sv", top="top"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict == Verdict.EQUIVALENT, r.reason
