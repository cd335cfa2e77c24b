"""register_width_reduction of (1) a counter stepped down to 1 and reloaded (``left == 1`` reloads,
``left - 1`` otherwise): ``left <= 7`` alone is not inductive (0 - 1 wraps to the top), ``1 <= left <= 7``
is; (2) the elements of an SV packed array of counters (``logic [N-1:0][15:0] tmo``) cleared whole on
reset (``tmo <= '0``) and written element by element in an ``int`` loop. Near misses: a reload of 0
(the wrap is reachable), an element loaded once above the saturation limit, a whole-array read."""

from __future__ import annotations

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

QUOTA = """module q #(parameter Q0 = 2, parameter Q1 = 2) (input clk, input rst_n, input v, output reg sel);
  integer left;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin sel <= 1'b0; left <= Q0; end
    else if (!v || left == 1) begin sel <= ~sel; left <= sel ? Q0 : Q1; end
    else left <= left - 1;
endmodule
module top (input clk, input rst_n, input v, output sel);
  q #(.Q0(5), .Q1(RELOAD)) u (.clk(clk), .rst_n(rst_n), .v(v), .sel(sel));
endmodule
"""

TMO = """module w #(parameter int CH = 2, parameter int LIMIT = 100) (
  input logic clk, input logic arst, input logic [CH-1:0] busy, input logic [CH-1:0] done,
  input logic [CH-1:0] load, output logic [CH-1:0] expired, output logic any);
  logic [CH-1:0][15:0] tmo;
  always_ff @(posedge clk or posedge arst)
    if (arst) tmo <= '0;
    else
      for (int k = 0; k < CH; k++)
        if (done[k]) tmo[k] <= 16'd0;
        LOAD
        else if (busy[k] && tmo[k] < 16'(LIMIT)) tmo[k] <= tmo[k] + 16'd1;
  always_comb for (int k = 0; k < CH; k++) expired[k] = tmo[k] == 16'(LIMIT);
  assign any = ANY;
endmodule
module top (input logic clk, input logic arst, input logic [2:0] busy, input logic [2:0] done,
            input logic [2:0] load, output logic [2:0] expired, output logic any);
  w #(.CH(3), .LIMIT(9)) u (.*);
endmodule
"""


def _descs(text):
    return [m.description.split(": ", 1)[-1] for m in RW.match(text)]


def test_countdown_to_one_narrowed_by_interval():
    text = QUOTA.replace("RELOAD", "7")
    assert "left (integer) 32 -> 3 bits behind a copy (inductive value range from reset, proven with z3)" \
        in _descs(text), _descs(text)


def test_countdown_reload_zero_not_narrowed():
    # a reload of 0: 0 - 1 wraps to the top of the integer, no bound holds
    text = QUOTA.replace("RELOAD", "0")
    assert not [d for d in _descs(text) if d.startswith("left")], _descs(text)


@pytest.mark.yosys
def test_countdown_interval_narrowing_proves(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    text = QUOTA.replace("RELOAD", "7")
    ms = [m for m in RW.match(text) if "left (integer) 32 -> 3 bits" in m.description]
    (tmp_path / "g.v").write_text(text)
    (tmp_path / "h.v").write_text(RW.rewrite(text, ms[:1]))
    r = check_equivalence(open_design(tmp_path / "g.v", top="top"), open_design(tmp_path / "h.v", top="top"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict == Verdict.EQUIVALENT, r.reason


def test_packed_array_elements_narrowed():
    text = TMO.replace("LOAD", "").replace("ANY", "|expired")
    ms = [m for m in RW.match(text) if "tmo elements 16 -> 4 bits" in m.description]
    assert ms, _descs(text)
    new = RW.rewrite(text, ms[:1])
    assert "logic [CH-1:0][3:0] tmo;" in new


def test_packed_array_element_loaded_above_limit_once_not_narrowed_to_4():
    text = TMO.replace("LOAD", "else if (load[k]) tmo[k] <= 16'd200;").replace("ANY", "|expired")
    assert not [d for d in _descs(text) if d.startswith("tmo elements 16 -> 4")], _descs(text)
    assert [d for d in _descs(text) if d.startswith("tmo elements 16 -> 8")], _descs(text)


def test_packed_array_whole_read_not_narrowed():
    # a whole-array read depends on the element layout
    text = TMO.replace("LOAD", "").replace("ANY", "|tmo")
    assert not [d for d in _descs(text) if d.startswith("tmo elements")], _descs(text)


@pytest.mark.yosys
def test_packed_array_narrowing_proves(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    text = TMO.replace("LOAD", "").replace("ANY", "|expired")
    ms = [m for m in RW.match(text) if "tmo elements 16 -> 4 bits" in m.description]
    (tmp_path / "g.sv").write_text(text)
    (tmp_path / "h.sv").write_text(RW.rewrite(text, ms[:1]))
    r = check_equivalence(open_design(tmp_path / "g.sv", top="top"), open_design(tmp_path / "h.sv", top="top"),
                          VerifyOptions(timeout_s=120))
    assert r.verdict == Verdict.EQUIVALENT, r.reason
