"""memdepth: a memory whose write and read addresses stay below B from reset is declared with B words
(the depth proposed by whole-design simulation, binary search; proven from reset by the check). Own
designs designs/generalization/memory_depth/delay_v (Verilog top-level array, async reset loop, pointer
wrapping at 9, index 3*tap) and ring_sv (SV child RAM with a DEPTH parameter, pointer mod 20). Near
misses: a read address that is an input, a pointer that walks every word once after reset, reads of
words that are never written (reset to 0 in the original: the smaller array would read x)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_modbound import _verify

from rtlopt.semantic.memdepth import memories, rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "memory_depth"


def _run(tmp_path: Path, text: str, suffix: str, top: str) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, top, 90.0)


def test_memories_found_in_both_range_orders():
    text = "module m; reg [3:0] a [0:15]; logic [7:0] b [DEPTH-1:0]; reg [3:0] c; endmodule"
    assert [(m[1], m[4], m[5]) for m in memories(text)] == [("a", "0", "15"), ("b", "DEPTH-1", "0")]


@pytest.mark.parametrize("case,suffix,top,words", [("delay_v", ".v", "tap_delay", "[0:10-1]"),
                                                    ("ring_sv", ".sv", "hist7", "RTLOPT_m_LAST(19)")])
def test_own_designs_shrink_and_prove(tmp_path, case, suffix, top, words):
    text = (GEN / case / f"original{suffix}").read_text()
    f, got = _run(tmp_path, text, suffix, top)
    assert len(got) == 1
    new = next(iter(got[0][0].values()))
    assert words in new
    assert new == (GEN / case / f"reference{suffix}").read_text()
    assert _verify(tmp_path, f, new, suffix, top) == "EQUIVALENT"


RESTYLED = """
module pkt_fifo (input logic clk, rst_n, push, input logic [7:0] d, output logic [7:0] q);
  logic [7:0] store [31:0];
  logic [4:0] wr, rd;
  function automatic logic [4:0] step(input logic [4:0] p);
    step = (p == 5'd23) ? 5'd0 : p + 5'd1;
  endfunction
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      wr <= '0; rd <= '0; q <= '0;
      for (int j = 0; j <= 31; j++) store[j] <= 8'h00;
    end else begin
      if (push) begin store[wr] <= d; wr <= step(wr); end
      rd <= wr;
      q <= store[rd];
    end
endmodule
"""


def test_restyled_sv_function_pointer_fires(tmp_path):
    f, got = _run(tmp_path, RESTYLED, ".sv", "pkt_fifo")
    assert len(got) == 1
    new = next(iter(got[0][0].values()))
    assert "store [24-1:0]" in new and "j <= 24-1" in new
    assert _verify(tmp_path, f, new, ".sv", "pkt_fifo") == "EQUIVALENT"


INPUT_ADDR = """
module rd_any (input clk, input rst, input en, input [3:0] ra, input [5:0] din, output [5:0] dout);
  reg [5:0] m [0:15];
  reg [3:0] wp;
  integer k;
  always @(posedge clk or posedge rst)
    if (rst) begin wp <= 0; for (k = 0; k < 16; k = k + 1) m[k] <= 0; end
    else if (en) begin m[wp] <= din; wp <= (wp == 4'd9) ? 4'd0 : wp + 4'd1; end
  assign dout = m[ra];
endmodule
"""

WALK_ONCE = """
module walk_once (input clk, input rst, input en, input [5:0] din, output reg [5:0] dout);
  reg [5:0] m [0:15];
  reg [3:0] wp;
  reg filled;
  always @(posedge clk or posedge rst)
    if (rst) begin wp <= 0; filled <= 0; dout <= 0; end
    else if (en) begin
      m[wp] <= din;
      dout <= m[wp];
      if (!filled) begin wp <= wp + 4'd1; if (wp == 4'd15) begin filled <= 1'b1; wp <= 0; end end
      else wp <= (wp == 4'd9) ? 4'd0 : wp + 4'd1;
    end
endmodule
"""

UNWRITTEN = """
module unwritten (input clk, input rst, input en, input [1:0] tap, input [5:0] din, output reg [5:0] dout);
  reg [5:0] m [0:15];
  reg [3:0] wp;
  integer k;
  always @(posedge clk or posedge rst)
    if (rst) begin wp <= 0; dout <= 0; for (k = 0; k < 16; k = k + 1) m[k] <= 0; end
    else begin
      if (en) begin m[wp] <= din; wp <= (wp == 4'd9) ? 4'd0 : wp + 4'd1; end
      dout <= m[{tap, tap}];
    end
endmodule
"""


@pytest.mark.parametrize("text,top", [(INPUT_ADDR, "rd_any"), (WALK_ONCE, "walk_once"),
                                      (UNWRITTEN, "unwritten")])
def test_near_misses_not_shrunk_or_refuted(tmp_path, text, top):
    f, got = _run(tmp_path, text, ".v", top)
    for new_texts, _desc in got:
        assert _verify(tmp_path, f, next(iter(new_texts.values())), ".v", top) != "EQUIVALENT"


def test_hand_shrunk_array_read_above_its_words_is_refuted(tmp_path):
    """The proof side of the near miss: words 10..15 are read (reset to 0, never written); with 10 words the
    read above them is x, any value in the proof, so the smaller array must not be proven equivalent."""
    f = tmp_path / "orig.v"
    f.write_text(UNWRITTEN)
    small = UNWRITTEN.replace("m [0:15]", "m [0:9]").replace("k < 16", "k < 10")
    assert _verify(tmp_path, f, small, ".v", "unwritten") != "EQUIVALENT"


def test_child_depth_parameters_default_to_the_original_so_pinning_keeps_them():
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.semantic.memdepth import hook_only

    o = (GEN / "ring_sv" / "original.sv").read_text()
    n = (GEN / "ring_sv" / "reference.sv").read_text()
    so, sn = module_span(o, "hist_ram"), module_span(n, "hist_ram")
    assert hook_only(o[so[0]:so[1]], n[sn[0]:sn[1]])
    # a default that is not the replaced text, or another change beside it: not a hook
    bad = n[sn[0]:sn[1]].replace("RTLOPT_m_LAST = DEPTH-1", "RTLOPT_m_LAST = DEPTH-2")
    assert not hook_only(o[so[0]:so[1]], bad)
    assert not hook_only(o[so[0]:so[1]], n[sn[0]:sn[1]].replace("m[wa] <= wd", "m[ra] <= wd"))


CHILD_NOPARAM = """
module ram32 (input clk, input rst, input we, input [4:0] a_w, input [4:0] a_r, input [7:0] d, output reg [7:0] q);
  reg [7:0] cells [0:31];
  integer n;
  always @(posedge clk or posedge rst)
    if (rst) begin
      q <= 8'd0;
      for (n = 0; n <= 31; n = n + 1) begin
        cells[n] <= 8'd0;
      end
    end else begin
      if (we) cells[a_w] <= d;
      q <= cells[a_r];
    end
endmodule

module frame24 (input clk, input rst, input v, input [7:0] px, output [7:0] prev);
  reg [4:0] col;
  wire [4:0] nxt = (col == 5'd23) ? 5'd0 : col + 5'd1;
  always @(posedge clk or posedge rst)
    if (rst) col <= 5'd0; else if (v) col <= nxt;
  ram32 u_line (.clk(clk), .rst(rst), .we(v), .a_w(col), .a_r(nxt), .d(px), .q(prev));
endmodule
"""


def test_restyled_verilog_child_without_parameters_fires(tmp_path):
    """A RAM child with no parameter list and a reset loop written with <= its last index."""
    f, got = _run(tmp_path, CHILD_NOPARAM, ".v", "frame24")
    assert len(got) == 1
    new = next(iter(got[0][0].values()))
    assert "#(parameter RTLOPT_cells_LAST = 31)" in new and "n <= RTLOPT_cells_LAST" in new
    assert "ram32 #(.RTLOPT_cells_LAST(23)) u_line" in new
    assert _verify(tmp_path, f, new, ".v", "frame24") == "EQUIVALENT"
