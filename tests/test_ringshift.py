"""A ring buffer written at a pointer stepping +1 mod N and read only at fixed offsets from it kept as an N-stage
shift register (rtlopt.semantic.ringshift). Designs: a comb filter (Verilog, descending 8-entry array, pointer
reset to 5 with a natural 3-bit wrap, two taps at ptr and ptr + 4, async active-low reset) and a video line
delay (SV always_ff in a sub-module, 5 entries from the parent, read into an output register before the entry
is overwritten). Restyles: the wrap spelled with '%' and a read of the newest entry at '(p + N - 1) % N'; the
wrap as 'if (p == N - 1) p <= 0; else p <= p + 1;'; an SV packed array reset as a whole. Near misses (no
rewrite): a pointer that skips, a pointer stepped under another enable than the write, the memory also read at
a second address, the pointer also read, a reset loop that misses an entry, a wrap at the wrong value (also as
an if), a pointer that stops, another write at a fixed index; a packed array reset to unequal entries, entries
declared 1..N. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import ringshift

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "history"


def _file(tmp_path: Path, text: str, name: str = "d.v") -> Path:
    f = tmp_path / name
    f.write_text(text)
    return f


@pytest.mark.yosys
def test_line_delay_sv(tmp_path):
    src = GEN / "ring_line_regout_sv" / "original.sv"
    f = _file(tmp_path, src.read_text(), "d.sv")
    got = ringshift.candidates_for({f: f.read_text()}, "vfilt", timeout_s=60)
    assert len(got) == 1 and "DEPTH-stage shift register 'line_sr'" in got[0][1], got
    t = got[0][0][f]
    assert "wp" not in t and "line[" not in t
    assert abc_verdict(tmp_path, f, t, "vfilt") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_comb_taps_v(tmp_path):
    src = GEN / "ring_comb_taps_v" / "original.v"
    f = _file(tmp_path, src.read_text())
    got = ringshift.candidates_for({f: f.read_text()}, "comb_ff", timeout_s=60)
    assert len(got) == 1 and "8-stage" in got[0][1], got
    t = got[0][0][f]
    assert "ring_sr[56 +: 8]" in t and "ring_sr[24 +: 8]" in t  # the oldest stage and the one 4 writes ago
    assert abc_verdict(tmp_path, f, t, "comb_ff") == "EQUIVALENT"


_BASE = """
module dl #(parameter N = 6) (input clk, input rst, input en, input adv, input [2:0] ra, input [W:0] d,
                              output [W:0] q, output [W:0] r, output [2:0] p);
  reg [W:0] m [0:N-1];
  reg [2:0] ptr;
  integer i;
  always @(posedge clk)
    if (rst) begin
      for (i = 0; i < LAST; i = i + 1) m[i] <= ZERO;
      ptr <= 3'd0;
    end else if (en) begin
      m[ptr] <= d;
      STEP
    end
  EXTRA
  assign q = m[READ];
  assign r = RSEC;
  assign p = PORT;
endmodule
"""


def _base(step="ptr <= (ptr == N - 1) ? 3'd0 : ptr + 3'd1;", read="ptr", extra="", rsec="4'd0", port="3'd0",
          last="N", width=4) -> str:
    return (_BASE.replace("STEP", step).replace("READ", read).replace("EXTRA", extra).replace("RSEC", rsec)
            .replace("PORT", port).replace("LAST", last).replace("[W:0]", f"[{width - 1}:0]")
            .replace("ZERO", f"{width}'d0"))


@pytest.mark.yosys
@pytest.mark.parametrize("step, read, tap", [
    ("ptr <= (ptr + 1) % N;", "(ptr + N - 1) % N", "m_sr[0 +: 2]"),                    # the newest stage
    ("if (ptr == N - 1) ptr <= 3'd0;\n      else ptr <= ptr + 1'b1;", "ptr", "m_sr[2*(N - 1) +: 2]"),  # wrap as an if
])
def test_restyles(tmp_path, step, read, tap):
    """2-bit entries: the same rewrite as 4-bit ones, and ABC's proof takes ~5 s instead of 45-465 s
    (4-bit: 44.8 s in CI, 465 s at load 23; 2-bit: 50 s at load 25)."""
    text = _base(step=step, read=read, width=2)
    f = _file(tmp_path, text)
    got = ringshift.candidates_for({f: text}, "dl", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert tap in t and "ptr" not in t, t
    assert abc_verdict(tmp_path, f, t, "dl") == "EQUIVALENT"


_PACKED = """
module pk #(parameter int N = 6) (input logic clk, input logic rst, input logic en, input logic [W:0] d,
                                  output logic [W:0] q);
  logic [N-1:0][W:0] mem;
  logic [2:0] wp;
  always_ff @(posedge clk)
    if (rst) begin
      mem <= RST;
      wp  <= '0;
    end else if (en) begin
      mem[wp] <= d;
      wp <= (wp == N - 1) ? '0 : wp + 1'b1;
    end
  assign q = mem[wp];
endmodule
"""


@pytest.mark.yosys
def test_restyle_packed_array(tmp_path):
    # SV packed array of entries, reset as a whole to equal entries (2-bit entries: a short ABC proof)
    text = _PACKED.replace("RST", "{N{2'b10}}").replace("[W:0]", "[1:0]")
    f = _file(tmp_path, text, "d.sv")
    got = ringshift.candidates_for({f: text}, "pk", timeout_s=60)
    assert len(got) == 1 and "mem_sr <= {N{2'b10}}" in got[0][0][f], got
    assert abc_verdict(tmp_path, f, got[0][0][f], "pk") == "EQUIVALENT"


def test_packed_and_range_near_misses():
    assert ringshift.rewrites(_PACKED.replace("RST", "24'h123456").replace("[W:0]", "[3:0]"), "d.sv") == []  # apart
    assert ringshift.rewrites(_base().replace("m [0:N-1]", "m [1:N]")) == []       # entries 1..N


def test_positive_base():
    got = ringshift.rewrites(_base())
    assert len(got) == 1 and "m_sr <= {m_sr[N*4-4-1:0], d}" in got[0][0].replace("4*N", "N*4"), got


@pytest.mark.parametrize("kw", [
    dict(step="ptr <= (ptr >= N - 2) ? 3'd0 : ptr + 3'd2;"),        # a pointer that skips
    dict(step="", extra="always @(posedge clk) if (adv) ptr <= (ptr == N - 1) ? 3'd0 : ptr + 3'd1;"),
    dict(rsec="m[ra]"),                                               # also read at a second address
    dict(port="ptr"),                                                 # the pointer also read
    dict(port="{2'b0, ptr[1]}"),                                      # ... one bit of it
    dict(rsec="m[1:2] == m[3:4] ? 4'd1 : 4'd0"),                      # a slice of the memory read
    dict(last="N - 1"),                                               # a reset loop that misses an entry
    dict(step="ptr <= (ptr == N - 2) ? 3'd0 : ptr + 3'd1;"),        # a wrap at the wrong value
    dict(step="if (ptr == N - 2) ptr <= 3'd0; else ptr <= ptr + 3'd1;"),  # ... written as an if
    dict(step="if (ptr != N - 1) ptr <= ptr + 3'd1;"),               # a pointer that stops at the end
    dict(extra="always @(posedge clk) if (adv) m[2] <= 4'd9;"),      # another write at a fixed index
])
def test_near_misses(kw):
    assert ringshift.rewrites(_base(**kw)) == []
