"""seqred: an output register of a child module (elaborated once) that another register of the same
module always equals (or complements) becomes a wire copy: the port is no register any more and its
procedural writes go. Near miss: a copy that differs in one rare cycle is no fact."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

FRAME = """
module frm #(parameter N = 6) (input clk, input rst, input step, input [3:0] hold,
                               output reg half, output reg sel, output done);
  reg [2:0] c;
  assign done = step && (c == N - 1);
  always @(posedge clk)
    if (rst) begin c <= 3'd0; half <= 1'b0; end
    else if (step) begin
      c <= done ? 3'd0 : c + 3'd1;
      if (done) half <= !half;
    end
  always @(posedge clk)
    if (rst) sel <= 1'b0;
    else if (done) sel <= !sel;
endmodule
module frm_top (input clk, input rst, input step, input [3:0] hold, output half, output sel, output done);
  frm #(.N(5)) u_f (.clk(clk), .rst(rst), .step(step), .hold(hold), .half(half), .sel(sel), .done(done));
endmodule
"""

INV = """
module ph (input logic clk, rst_n, en, output logic p, output logic pn);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) p <= 1'b0; else if (en) p <= !p;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) pn <= 1'b1; else if (en) pn <= p;
endmodule
module ph_top (input logic clk, rst_n, en, output logic p, pn);
  ph u (.*);
endmodule
"""


def _cands(tmp_path: Path, text: str, top: str, ext: str = "v"):
    from rtlopt.semantic import seqred

    p = tmp_path / f"{top}.{ext}"
    p.write_text(text)
    return p, seqred.candidates_for({p: text}, top, timeout_s=60)


def _verify(tmp_path: Path, a: Path, text: str, top: str) -> int:
    b = tmp_path / f"{top}_new{a.suffix}"
    b.write_text(text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


def test_child_output_register_equal_to_a_sibling_becomes_a_copy(tmp_path):
    p, cands = _cands(tmp_path, FRAME, "frm_top")
    new = [n[p] for n, _w, names in cands if any(x.endswith("sel") for x in names)]
    assert new
    t = new[0]
    assert "output reg sel" not in t and "assign sel = half;" in t and "sel <= !sel" not in t
    assert _verify(tmp_path, p, t, "frm_top") == 0


def test_child_output_register_complement_becomes_an_inverted_copy(tmp_path):
    p, cands = _cands(tmp_path, INV, "ph_top", "sv")
    new = [n[p] for n, _w, names in cands if any(x.endswith("pn") for x in names)]
    assert new
    assert "assign pn = (~p);" in new[0] and "pn <= p" not in new[0]
    assert _verify(tmp_path, p, new[0], "ph_top") == 0


def test_copy_that_differs_in_one_rare_cycle_is_kept(tmp_path):
    rare = FRAME.replace("else if (done) sel <= !sel;", "else if (done && hold != 4'hf) sel <= !sel;")
    assert rare != FRAME
    p, cands = _cands(tmp_path, rare, "frm_top")
    assert not [n for n, _w, names in cands if any(x.endswith("sel") for x in names)]
