"""A flag register of one instance that is a predicate of a register of a sibling instance
(regfunc_inst.emit_port_detach): the instance keeps its other outputs, only the flag's output port is
detached and the top computes the predicate (a DMA status block's busy == remaining != 0 of the address
generator). Near-misses: a flag set one cycle late, a flag connected inside a wider expression."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"

# the status instance keeps 'busy' (set on an accepted start, cleared by the last beat) and a done pulse;
# it sees the counter only through 'idle' and 'last'
DMA = """
module agen(input clk, input rst, input start, input [5:0] n, input rdy,
            output reg [5:0] rem, output last);
  always @(posedge clk)
    if (rst) rem <= 6'd0;
    else if (start && rem == 6'd0) rem <= n;
    else if (rem != 6'd0 && rdy) rem <= rem - 6'd1;
  assign last = (rem == 6'd1);
endmodule
module stat(input clk, input rst, input start, input [5:0] n, input idle, input beat, input last,
            output reg busy, output reg done);
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; done <= 1'b0; end
    else begin
      if (start && idle && n != 6'd0) busy <= 1'b1;
      else if (beat && last) busy <= 1'b0;
      done <= beat && last;
    end
endmodule
module top(input clk, input rst, input start, input [5:0] n, input rdy,
           output busy, output done, output [5:0] left);
  wire last;
  agen ua (.clk(clk), .rst(rst), .start(start), .n(n), .rdy(rdy), .rem(left), .last(last));
  stat us (.clk(clk), .rst(rst), .start(start), .n(n), .idle(left == 6'd0), .beat(rdy && left != 6'd0),
           .last(last), .busy(busy), .done(done));
endmodule
"""

# near-miss: the flag is set one cycle after the load (a registered start): busy is 0 in the first
# cycle with rem != 0
LATE = DMA.replace("module stat(input clk", "module stat_unused(input clk").replace(
    "module top(", """module stat(input clk, input rst, input start, input [5:0] n, input idle, input beat, input last,
            output reg busy, output reg done);
  reg go_q;
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; done <= 1'b0; go_q <= 1'b0; end
    else begin
      go_q <= start && idle && n != 6'd0;
      if (go_q) busy <= 1'b1;
      else if (beat && last) busy <= 1'b0;
      done <= beat && last;
    end
endmodule
module top(""")


def _cands(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


def _verify(tmp_path: Path, a: Path, b_text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=400)
    return r.returncode


@pytest.mark.yosys
def test_status_flag_port_detached(tmp_path):
    an, p, cands = _cands(tmp_path, DMA, "top")
    assert any(r.target == "busy" and r.base == "left" and r.op == "ne" and r.k == 0 for r in an.relations)
    new = [n[p] for n, d in cands if "instance port detached" in d]
    assert new, [d for _n, d in cands]
    t = new[0]
    assert ".busy()" in t and "assign busy = (left != 6'd0);" in t
    assert "stat us" in t and ".done(done)" in t  # the instance stays, its other output too
    assert _verify(tmp_path, p, t, "top") == 0


@pytest.mark.yosys
def test_flag_set_one_cycle_late_not_detached(tmp_path):
    an, _p, cands = _cands(tmp_path, LATE, "top")
    assert not [r for r in an.relations if r.target == "busy"]
    assert not [d for _n, d in cands if "busy" in d]


def test_flag_inside_wider_connection_refused(tmp_path):
    from rtlopt.semantic import regfunc, regfunc_inst

    # the flag reaches the top only inside a concatenation: no single connection to detach
    text = DMA.replace("output reg busy, output reg done);", "output [1:0] st);\n  reg busy, done;\n"
                       "  assign st = {busy, done};").replace(
        ".busy(busy), .done(done));", ".st({busy, done}));").replace(
        "output busy, output done,", "output busy, output done,\n           output [1:0] unused,")
    p = tmp_path / "top.v"
    p.write_text(text)
    rel = regfunc.Relation("busy", 1, 0, "left", op="ne")
    assert regfunc_inst.emit_port_detach({p: text}, "top", rel) is None
    # and the plain shape is accepted by the same call
    p.write_text(DMA)
    got = regfunc_inst.emit_port_detach({p: DMA}, "top", rel)
    assert got is not None and ".busy()" in got[p]


@pytest.mark.yosys
@pytest.mark.parametrize("case,top,want", [
    ("portdetach_xfer_busy_v", "burst_xfer", "assign running = (left != 7'd0);"),
    ("portdetach_fifo_full_sv", "credit_front", "assign full = (level == 4'd10);"),
])
def test_generalization_designs(tmp_path, case, top, want):
    src = next((GEN / case).glob("original.*"))
    _an, p, cands = _cands(tmp_path, src.read_text(), top, src.suffix)
    new = [n[p] for n, d in cands if want in n[p] and "instance port detached" in d]
    assert new, [d for _n, d in cands]
    assert _verify(tmp_path, p, new[0], top) == 0
