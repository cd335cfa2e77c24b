"""``rtlopt fsm -G NAME=VAL``: the machine is extracted at the overridden parameter values (they used
to be ignored: the pyslang elaboration of the FSM extraction took every top at its defaults)."""

from __future__ import annotations

import json

import pytest

from rtlopt.cli import main

TX_V = """\
module tx #(parameter DATA_WIDTH = 8, parameter PARITY = 1) (
  input clk, input rst, input go, input [DATA_WIDTH-1:0] data, output reg line, output busy
);
  localparam IDLE = 3'd0, START = 3'd1, DATA = 3'd2, PAR = 3'd3, STOP = 3'd4;
  reg [2:0] st;
  reg [6:0] n;
  reg [DATA_WIDTH-1:0] sh;
  assign busy = st != IDLE;
  always @(posedge clk)
    if (rst) begin st <= IDLE; n <= 0; line <= 1'b1; sh <= 0; end
    else case (st)
      IDLE: if (go) begin st <= START; sh <= data; end
      START: begin line <= 1'b0; st <= DATA; n <= 0; end
      DATA: begin line <= sh[0]; sh <= sh >> 1; n <= n + 1;
              if (n == DATA_WIDTH - 1) st <= (PARITY != 0) ? PAR : STOP; end
      PAR: begin line <= ^data; st <= STOP; end
      STOP: begin line <= 1'b1; st <= IDLE; end
      default: st <= IDLE;
    endcase
endmodule
"""

# SystemVerilog: enum states, a bit parameter that skips the wait state, an int beat count
BURST_SV = """\
module burst #(parameter int unsigned BEATS = 4, parameter bit SKIP_WAIT = 1'b0) (
  input  logic clk, rst_n, req, ack,
  output logic valid
);
  typedef enum logic [1:0] {IDLE, WAIT, XFER} st_t;
  st_t st;
  logic [7:0] beat;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= IDLE; beat <= '0; end
    else unique case (st)
      IDLE: if (req) st <= SKIP_WAIT ? XFER : WAIT;
      WAIT: if (ack) st <= XFER;
      XFER: begin
        beat <= beat + 8'd1;
        if (beat == 8'(BEATS - 1)) begin st <= IDLE; beat <= '0; end
      end
      default: st <= IDLE;
    endcase
  assign valid = st == XFER;
endmodule
"""


def _fsm(tmp_path, capsys, name: str, text: str, top: str, *params: str) -> dict:
    f = tmp_path / name
    f.write_text(text)
    args = ["fsm", str(f), "--top", top, "--json"]
    for p in params:
        args += ["-G", p]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["fsms"]) == 1, doc
    return doc["fsms"][0]


@pytest.mark.parametrize("params,unreachable,width,guard", [
    ((), [], 8, "7'b0000111"),
    (("PARITY=0",), ["PAR"], 8, "7'b0000111"),
    (("DATA_WIDTH=64",), [], 64, "7'b0111111"),
    (("DATA_WIDTH=16", "PARITY=0"), ["PAR"], 16, "7'b0001111"),
])
def test_verilog_parameters_override(tmp_path, capsys, params, unreachable, width, guard):
    m = _fsm(tmp_path, capsys, "tx.v", TX_V, "tx", *params)
    assert m["unreachable"] == unreachable
    assert m["inputs"]["data"] == width
    assert any(guard in t["guard"] for t in m["transitions"] if t["from"] == "DATA" and t["to"] != "DATA"), \
        m["transitions"]


@pytest.mark.parametrize("params,unreachable,beat", [
    ((), [], "8'b00000011"),
    (("SKIP_WAIT=1",), ["WAIT"], "8'b00000011"),
    (("BEATS=200", "SKIP_WAIT=1"), ["WAIT"], "8'b11000111"),
])
def test_sv_parameters_override(tmp_path, capsys, params, unreachable, beat):
    m = _fsm(tmp_path, capsys, "burst.sv", BURST_SV, "burst", *params)
    assert m["unreachable"] == unreachable
    assert any(beat in t["guard"] for t in m["transitions"] if t["from"] == "XFER"), m["transitions"]
