"""verify on real-code idioms (issue 11): registers behind `assign out = out_reg` with initial values,
and Yosys-proc x constants from scratch variables (`integer i, off` in a combinational block), as in
verilog-axis axis_stat_counter.v. ABC used to be skipped ("registers with arbitrary start values": the init
sat on the register's wire, the flop was named by the port) and then failed to export the AIGER miter
("Design contains 'x' bits"), so such rewrites were never proven on designs too deep for BMC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rtlopt.cli import main

pytestmark = [pytest.mark.yosys]

GOLD = """module st(input clk, input rst, input go, input [7:0] d, output busy, output [7:0] q);
  reg [1:0] state_reg = 2'd0, state_next;
  reg busy_reg = 1'b0;
  reg [7:0] q_reg = 8'd0;
  integer i, off;
  assign busy = busy_reg;
  assign q = q_reg;
  always @* begin
    state_next = 2'd0;
    case (state_reg)
      2'd0: if (go) state_next = 2'd1;
      2'd1: begin
        off = 0;
        for (i = 0; i < 2; i = i + 1) off = off + 1;
        if (d[off]) state_next = 2'd0; else state_next = 2'd1;
      end
    endcase
  end
  always @(posedge clk) begin
    state_reg <= state_next;
    busy_reg <= state_next != 2'd0;
    if (go) q_reg <= d;
    if (rst) begin state_reg <= 2'd0; busy_reg <= 1'b0; end
  end
endmodule
"""


def _gate(busy: str) -> str:
    s = GOLD.replace("    busy_reg <= state_next != 2'd0;\n", "").replace(" busy_reg <= 1'b0;", "")
    return s.replace("endmodule", f"  always @* busy_reg = {busy};\nendmodule")


def _verify(tmp_path: Path, capsys, gate: str) -> dict:
    (tmp_path / "g.v").write_text(GOLD)
    (tmp_path / "h.v").write_text(gate)
    main(["verify", str(tmp_path / "g.v"), str(tmp_path / "h.v"), "--engines", "abc", "--json",
          "--timeout", "60"])
    return json.loads(capsys.readouterr().out)


def test_abc_proves_register_behind_port_alias_with_proc_x(tmp_path: Path, capsys):
    d = _verify(tmp_path, capsys, _gate("state_reg[0]"))
    assert d["verdict"] == "EQUIVALENT", d.get("reason")
    assert d["engine"] == "abc"


def test_abc_wrong_register_function_is_not_proven(tmp_path: Path, capsys):
    d = _verify(tmp_path, capsys, _gate("state_reg[1]"))
    assert d["verdict"] != "EQUIVALENT"
