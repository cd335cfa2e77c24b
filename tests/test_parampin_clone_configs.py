"""Pinning after a module was copied for one instance (rtlopt.semantic.reglockstep): the module's
pinned arm claims only the parameter values its remaining instances have (parampin.configs_for); a
later rewrite proven at DIV=128 alone must not be claimed at DIV=8 too."""

from __future__ import annotations

from rtlopt.engine.parampin import configs_for, pin_text

BASE = """module div #(parameter DIV = 16) (input clk, input rst, output tick);
  reg [7:0] c;
  assign tick = (c == DIV - 1);
  always @(posedge clk) if (rst || tick) c <= 8'd0; else c <= c + 8'd1;
endmodule

module top (input clk, input rst, output a, output b);
  div #(.DIV(8))   u_rx (.clk(clk), .rst(rst), .tick(a));
  div #(.DIV(128)) u_tx (.clk(clk), .rst(rst), .tick(b));
endmodule
"""


def test_clone_leaves_only_the_remaining_values(tmp_path):
    p = tmp_path / "d.v"
    base = {"top": {()}, "div": {(("DIV", "8"),), (("DIV", "128"),)}}
    assert configs_for({p: BASE}, "top", base) is base  # no copy: the input's elaboration
    clone = BASE.replace("  div #(.DIV(8))   u_rx", "  div_rtlopt_iu_rx #(.DIV(8))   u_rx")
    clone = clone.replace("module top", BASE.split("module top")[0].replace("module div ", "module div_rtlopt_iu_rx ")
                          + "module top")
    assert "module div_rtlopt_iu_rx" in clone
    got = configs_for({p: clone}, "top", base)
    assert got is not None and got["div"] == {(("DIV", "128"),)}, got
    assert got["div_rtlopt_iu_rx"] == {(("DIV", "8"),)}
    # a rewrite of div valid only at 128 (the wrap is the 7-bit overflow there) is pinned to 128 alone
    new = clone.replace("reg [7:0] c;", "reg [6:0] c;", 1).replace("c <= c + 8'd1", "c <= c + 7'd1", 1)
    pinned = pin_text(clone, new, got)
    assert pinned is not None and "DIV == 128" in pinned and "DIV == 8" not in pinned, pinned
