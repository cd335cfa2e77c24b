"""A module-scoped search (``--top M`` on a file holding other modules) analyses the file with the modules
M does not reach blanked (rtlopt.engine.scopeview): ``optimize picorv32.v --top picorv32_pcpi_mul`` spent
the templates' whole 70 s window elaborating the CPU core and found nothing (no other generator ran);
with the view: 7 candidates in 22 s (load 13)."""

from __future__ import annotations

import time
from pathlib import Path

from rtlopt.engine.scopeview import scope_view

SRC = """`timescale 1ns/1ps
`define WIDTH 8
`define SCALE(x) ((x) * 9)
module big(input clk, input [7:0] a, output reg [7:0] q);
`ifdef BIG_DEBUG
  initial $display("big");
`endif
  `define INNER 3
  always @(posedge clk) q <= `SCALE(a) + `INNER;
endmodule

module leaf(input [`WIDTH-1:0] a, output [11:0] p);
  assign p = a * 9;
endmodule

module mid(input [7:0] a, output [11:0] p, output [11:0] r);
  leaf u_leaf (.a(a), .y(p));
  assign r = a * `INNER;
endmodule
"""


def test_view_blanks_unreached_modules_keeps_offsets_directives():
    v = scope_view(SRC, "mid")
    assert len(v) == len(SRC) and v.count("\n") == SRC.count("\n")
    assert "module big" not in v and "q <=" not in v  # not reached from mid: blanked
    assert "`ifdef BIG_DEBUG" in v and "`endif" in v and "`define INNER 3" in v  # directives kept
    assert "module leaf" in v and "assign p = a * 9;" in v  # instantiated by mid: kept
    i = SRC.index("module mid")
    assert v[i:] == SRC[i:]  # the scope module itself, byte for byte at its offsets
    assert scope_view(SRC, None) == SRC and scope_view(SRC, "nope") == SRC
    b = scope_view(SRC, "big")
    assert b[:SRC.index("module leaf")] == SRC[:SRC.index("module leaf")]  # big kept
    assert "module leaf" not in b and "module mid" not in b  # big instantiates neither


def test_macro_uses_in_blanked_modules_are_blanked():
    v = scope_view(SRC, "leaf")
    assert "`SCALE(a)" not in v  # a macro use, not a directive
    assert "`define SCALE(x) ((x) * 9)" in v  # file-level directive untouched


def test_scoped_templates_analyse_the_view(tmp_path: Path, monkeypatch):
    """The templates generator with a scope analyses the view (the other module's body is not in
    the text it parses) and still finds the scope module's rewrite."""
    from rtlopt.design import open_design
    from rtlopt.engine import search

    src = tmp_path / "two.v"
    src.write_text("""module other(input [15:0] a, b, output [31:0] y);
  assign y = a * b;
endmodule

module top(input [7:0] x, output [11:0] p);
  assign p = x * 9;
endmodule
""")
    design = open_design([str(src)], "top")
    seen: list[str] = []
    real = search.analyze

    def spy(text, *a, **k):
        seen.append(text)
        return real(text, *a, **k)

    monkeypatch.setattr(search, "analyze", spy)
    texts = {Path(p): Path(p).read_text() for p in design.files}
    st = search.State(design, texts, "area", None, 0, "top", time.monotonic() + 120)
    out = search._GENERATORS["templates"](st)
    assert seen and all("a * b" not in t for t in seen)
    assert out and all("assign y = a * b;" in c.text for c in out)  # the other module untouched
    assert any("x * 9" not in c.text for c in out)
