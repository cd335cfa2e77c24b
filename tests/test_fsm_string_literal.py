"""FSM extraction reads string literals ("A" is 8'h41) like other constants, and `rtlopt fsm --top T`
analyses the machines of T and of the modules below it (a wrapper top used to give "no state machines
found"). The machine: a case-insensitive "AT" detector whose upper- and lower-case states are
equivalent, and so are the after-T states and the body (6 -> 3 states)."""

from __future__ import annotations

import json
import subprocess
import sys

SRC = """
module det (input clk, input rst, input v, input [7:0] b, output busy);
  localparam IDLE = 3'd0, AU = 3'd1, AL = 3'd2, TU = 3'd3, TL = 3'd4, BODY = 3'd5;
  reg [2:0] st;
  always @(posedge clk)
    if (rst) st <= IDLE;
    else if (v)
      case (st)
        IDLE: if (b == "A") st <= AU; else if (b == "a") st <= AL;
        AU, AL: if (b == "T") st <= TU; else if (b == "t") st <= TL; else st <= IDLE;
        TU, TL: st <= (b == 8'h0D) ? IDLE : BODY;
        BODY: if (b == 8'h0D) st <= IDLE;
        default: st <= IDLE;
      endcase
  assign busy = (st >= TU);
endmodule
module wrap (input clk, input rst, input v, input [7:0] b, output busy);
  det u (.clk(clk), .rst(rst), .v(v), .b(b), .busy(busy));
endmodule
"""


def test_string_literal_compares_and_wrapper_top(tmp_path):
    f = tmp_path / "d.v"
    f.write_text(SRC)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "fsm", str(f), "--top", "wrap", "--json"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    fsms = data["fsms"] if isinstance(data, dict) else data
    assert len(fsms) == 1, r.stdout[:2000]
    text = json.dumps(fsms[0])
    assert "det.st" in text and '"AU"' in text and '"TL"' in text
    m = fsms[0]["minimization"]
    assert m["states_before"] == 6 and m["states_after"] == 3 and m["optimal"], m
    assert ["AU", "AL"] in [sorted(c, reverse=True) for c in m["classes"]], m["classes"]
