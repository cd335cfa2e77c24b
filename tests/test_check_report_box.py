"""``rtlopt check`` gives register_width_reduction's bound searches a fraction of their CPU boxes
(``REPORT_BOX_SCALE``): a pre-commit report over a tree has seconds, and a data-dependent counter with no
bound (a baud divider compared with a configuration register) spent 14.7 CPU s for nothing. Bounds the
short search finds are still reported (two styles); an unbounded counter still is not; optimize keeps
the full boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.commands import check
from rtlopt.templates import _regwidth
from tests.test_check_speed import _no_active_project  # noqa: F401 - (an autouse fixture)
from tests.test_regwidth_cpu_box import SV_DONE

# a settle counter stopped by a done flag (SV, tests/test_regwidth_cpu_box.py) and an own down-counting
# hold timer (Verilog)
V_HOLD = """module hold2 (input clk, input rst, input load, output busy);
  reg [15:0] tm;
  reg expired;
  assign busy = !expired;
  always @(posedge clk)
    if (rst) begin tm <= 16'd0; expired <= 1'b1; end
    else if (load) begin tm <= 16'd12; expired <= 1'b0; end
    else if (!expired) begin
      tm <= tm - 16'd1;
      if (tm == 16'd1) expired <= 1'b1;
    end
endmodule
"""

# near miss: the counter runs on while the flag is low and wraps: no bound below 2^16
V_FREE = """module free2 (input clk, input rst, input load, output busy, output [15:0] t);
  reg [15:0] tm;
  reg expired;
  assign busy = !expired;
  assign t = tm;
  always @(posedge clk)
    if (rst) begin tm <= 16'd0; expired <= 1'b1; end
    else if (load) begin tm <= 16'd12; expired <= 1'b0; end
    else begin
      tm <= tm + 16'd1;
      if (tm == 16'd1) expired <= 1'b1;
    end
endmodule
"""


def test_box_scaled_only_for_report_only_analyses():
    class An:
        report_only = False

    an = An()
    assert _regwidth.cpu_box(an, 12.0) == 12.0
    an.report_only = True
    assert _regwidth.cpu_box(an, 12.0) == pytest.approx(12.0 * _regwidth.REPORT_BOX_SCALE)
    assert 0 < _regwidth.REPORT_BOX_SCALE < 1


@pytest.mark.parametrize("name,text,reg", [("settle.sv", SV_DONE, "n"), ("hold2.v", V_HOLD, "tm")])
def test_check_still_reports_bounds_the_short_search_finds(tmp_path: Path, monkeypatch, name, text, reg):
    monkeypatch.setattr(check, "RULE_TIMEOUT", 600)  # (the 3 s wall-clock matcher limit fires under load)
    f = tmp_path / name
    f.write_text(text)
    rep = check.check_files([f], only={"register_width_reduction"}, file_timeout=600)
    msgs = [x.message for x in rep.findings if x.rule == "register_width_reduction"]
    assert any(m.startswith(f"{reg} 32 -> 6 bits") or m.startswith(f"{reg} 16 -> 4 bits") for m in msgs), msgs


def test_near_miss_unbounded_counter_is_not_reported(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(check, "RULE_TIMEOUT", 600)
    f = tmp_path / "free2.v"
    f.write_text(V_FREE)
    rep = check.check_files([f], only={"register_width_reduction"}, file_timeout=600)
    assert not [x for x in rep.findings if x.rule == "register_width_reduction" and x.message.startswith("tm ")]
