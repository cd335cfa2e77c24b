"""reglockstep below the top: sibling instances one level down (a parent module instantiated once) whose
registers are functions of each other's, found on the whole design's netlist (its real parameter values)
and emitted with the parent module's names: an up/down outstanding counter == sent - returned
(designs/generalization/seqredundancy/nested_credit_level_v, Verilog; the difference hypothesis), an
activity flag == (remaining != 0) of a sibling down-counter (nested_busy_flag_sv, SV), a FIFO level ==
wp - rp whose pointers' wrap bits nothing reads (the netlist is loaded again with every register kept).
Near misses (a flag cleared a beat late, a level counting refused writes too) give no candidate for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.design import open_design
from rtlopt.semantic import reglockstep

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, [(new[f], d) for new, d in reglockstep.candidates_for({f: text}, top)]


def test_outstanding_counter_is_sent_minus_returned(tmp_path):
    text = (GEN / "nested_credit_level_v" / "original.v").read_text()
    f, got = _cands(tmp_path, text, ".v", "link_top")
    mine = [(n, d) for n, d in got if d.startswith("'u_cc.u_out.outst' == sent - ")]
    assert len(mine) == 1, got
    new = mine[0][0]
    # the parent's instance gets the difference of its own wires on a new port
    assert "u_out  (.clk(clk), .rst_n(rst_n), .up(send), .dn(ret), .outst(outst), .rtlopt_lock_0_i(sent - " in new
    assert "outst <= outst + 1'b1" not in new
    assert abc_verdict(tmp_path, f, new, "link_top") == "EQUIVALENT"
    assert _area(tmp_path, new, ".v", "link_top", "n") < 0.85 * _area(tmp_path, text, ".v", "link_top", "o")


def test_activity_flag_is_counter_nonzero(tmp_path):
    text = (GEN / "nested_busy_flag_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, text, ".sv", "dma_top")
    mine = [n for n, d in got if d.startswith("'u_eng.u_act.active' == (remaining[5] ? 1'b1")]
    assert len(mine) == 1, got
    assert abc_verdict(tmp_path, f, mine[0], "dma_top") == "EQUIVALENT"
    assert _area(tmp_path, mine[0], ".sv", "dma_top", "n") < 0.9 * _area(tmp_path, text, ".sv", "dma_top", "o")


FIFO = """
module ptr #(parameter AW = 4) (input wire clk, rst, inc, output reg [AW:0] p);
  always @(posedge clk) if (rst) p <= 0; else if (inc) p <= p + 1'b1;
endmodule

module lvl #(parameter AW = 4) (input wire clk, rst, push, pop, output reg [AW:0] level);
  always @(posedge clk)
    if (rst) level <= 0;
    else if (push && !pop) level <= level + 1'b1;
    else if (pop && !push) level <= level - 1'b1;
endmodule

module fctl #(parameter AW = 4) (input wire clk, rst, wr, rd, output wire [AW-1:0] wa, ra,
                                 output wire full, empty);
  wire [AW:0] wp, rp, level;
  wire push = wr && !full, pop = rd && !empty;
  ptr #(.AW(AW)) u_w (.clk(clk), .rst(rst), .inc(push), .p(wp));
  ptr #(.AW(AW)) u_r (.clk(clk), .rst(rst), .inc(pop), .p(rp));
  lvl #(.AW(AW)) u_l (.clk(clk), .rst(rst), .push(push), .pop(pop), .level(level));
  assign full = level[AW];
  assign empty = level == 0;
  assign wa = wp[AW-1:0];
  assign ra = rp[AW-1:0];
endmodule

module ftop (input wire clk, rst, wr, rd, output wire [2:0] wa, ra, output wire full, empty);
  fctl #(.AW(3)) u_f (.clk(clk), .rst(rst), .wr(wr), .rd(rd), .wa(wa), .ra(ra), .full(full), .empty(empty));
endmodule
"""


def test_fifo_level_from_pointers_with_unread_wrap_bits(tmp_path):
    # the pointers' top bits feed nothing (the netlist drops them): found with every register kept
    f, got = _cands(tmp_path, FIFO, ".v", "ftop")
    mine = [n for n, d in got if d == "'u_f.u_l.level' == wp - rp (lock step, fed from outside the instance)"]
    assert len(mine) == 1, got
    assert abc_verdict(tmp_path, f, mine[0], "ftop") == "EQUIVALENT"


@pytest.mark.parametrize("old,new,target", [
    # the flag drops one beat after the count reaches 0
    ((GEN / "nested_busy_flag_sv" / "original.sv").read_text(),
     ("else if (clr) active <= 1'b0;", "else if (clr_q) active <= 1'b0;\n  end\n  logic clr_q;\n"
      "  always_ff @(posedge clk) begin\n    clr_q <= clr;"), "'u_eng.u_act.active'"),
    # a level counter that counts every write, also those a full FIFO refuses
    (FIFO, (".push(push), .pop(pop), .level(level)", ".push(wr), .pop(pop), .level(level)"), "'u_f.u_l.level'"),
])
def test_near_misses_do_not_fire(tmp_path, old, new, target):
    assert new[0] in old
    text = old.replace(*new)
    suffix = ".sv" if "logic" in text else ".v"
    _f, got = _cands(tmp_path, text, suffix, "dma_top" if "dma_top" in text else "ftop")
    assert not [d for _n, d in got if d.startswith(target)], got
