"""Module-by-module runs keep a module's rewrite only when the design still elaborates at its top: a
parent that names the module's internals (``u_stage.valid_q``, a hierarchical reference) is outside the
module's own proof (the long suite's cpu top reads ID_EX_Reg.ALUSrcA; a rewrite of ID_EX_Reg that dropped
its unread registers made the composed design unreadable: exit 2 after 421 s)."""

from __future__ import annotations

from pathlib import Path

from rtlopt.design import open_design
from rtlopt.engine.hierarchy import composes

STAGE = """module stage(input clk, input d, output q);
  reg valid_q;
  reg data_q;
  always @(posedge clk) begin
    valid_q <= d;
    data_q <= d;
  end
  assign q = data_q;
endmodule
"""
TOP = """module top(input clk, input d, output q, output v);
  stage u_stage(.clk(clk), .d(d), .q(q));
  assign v = u_stage.valid_q;
endmodule
"""


def _design(tmp_path: Path):
    (tmp_path / "stage.v").write_text(STAGE)
    (tmp_path / "top.v").write_text(TOP)
    return open_design([str(tmp_path / "top.v"), str(tmp_path / "stage.v")], "top")


def test_unchanged_design_composes(tmp_path: Path):
    d = _design(tmp_path)
    assert composes(d, {p: p.read_text() for p in d.files}) is None


def test_child_rewrite_that_keeps_the_named_register_composes(tmp_path: Path):
    d = _design(tmp_path)
    texts = {p: p.read_text() for p in d.files}
    stage = next(p for p in d.files if p.name == "stage.v")
    texts[stage] = texts[stage].replace("assign q = data_q;", "assign q = valid_q;")  # (same value)
    assert composes(d, texts) is None


def test_child_rewrite_that_drops_the_named_register_does_not_compose(tmp_path: Path):
    d = _design(tmp_path)
    texts = {p: p.read_text() for p in d.files}
    stage = next(p for p in d.files if p.name == "stage.v")
    # valid_q is unread inside stage: a rewrite proven at stage's ports may drop it
    texts[stage] = texts[stage].replace("  reg valid_q;\n", "").replace("    valid_q <= d;\n", "")
    why = composes(d, texts)
    assert why is not None and "valid_q" in why
