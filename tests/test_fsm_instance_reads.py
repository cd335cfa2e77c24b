"""A state register handed to a submodule instance is observable there: its states must not be reported
as equivalent (picosoc spimemio's din_tag, passed to the xfer instance and compared on its way back,
was reported as "5 reachable states minimize to 1")."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.yosys

TAGGED = """
module tagger (input clk, input rst, input go, output hit);
  reg [1:0] tag;
  always @(posedge clk)
    if (rst) tag <= 2'd0;
    else if (go) begin
      case (tag)
        2'd0: tag <= 2'd1;
        2'd1: tag <= 2'd2;
        2'd2: tag <= 2'd3;
        default: tag <= 2'd0;
      endcase
    end
  child u (.clk(clk), .t(tag), .hit(hit));
endmodule

module child (input clk, input [1:0] t, output reg hit);
  always @(posedge clk) hit <= (t == 2'd2);
endmodule
"""


def test_state_register_read_by_an_instance_is_not_merged(tmp_path):
    p = tmp_path / "tagger.v"
    p.write_text(TAGGED)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "check", str(p), "--format", "json"], capture_output=True, text=True,
                       timeout=300)
    rep = json.loads(r.stdout)
    rules = [f["rule"] for f in rep["findings"]]
    assert "fsm_state_minimization" not in rules, rep["findings"]
    # the same machine with the code read by nothing but itself is still analysed (no crash, no error)
    assert not rep.get("errors"), rep
