"""Sequential redundancy (rtlopt.semantic.seqsim / seqred): semantic finder, source edits, end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

SUITE = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "seqredundancy"


def _facts(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import seqred

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    an = seqred.analyze_texts({p: text}, top)
    assert an.error is None, an.error
    return {(f.name, f.keep_name, f.inverse, f.const) for f in an.facts}, an, p


COUNTERS = """
module cnts(input clk, input rst, input en, input en2, output [7:0] a, b, c, d, e);
  reg [7:0] c0, c1, c2, c3, c4;
  always @(posedge clk) begin
    if (rst) begin c0 <= 0; c1 <= 8'd1; c2 <= 0; c3 <= 0; c4 <= 0; end
    else begin
      if (en) c0 <= c0 + 8'd1;
      if (en) c1 <= c1 + 8'd1;       // other reset value
      if (en2) c2 <= c2 + 8'd1;      // other enable
      if (en) c3 <= c3 + 8'd2;       // other step
      if (en) c4 <= c4 - (-8'sd1);   // the same counter, spelled differently
    end
  end
  assign a = c0; assign b = c1; assign c = c2; assign d = c3; assign e = c4;
endmodule
"""


def test_lookalike_counters_are_not_merged_but_the_true_copy_is(tmp_path):
    facts, an, _p = _facts(tmp_path, COUNTERS, "cnts")
    rel = {(f.name, f.bit): f for f in an.facts}
    group = {"c0", "a", "c4", "e"}

    def related(name):
        return {b for (n, b), f in rel.items() if n == name and (f.keep_name in group or f.keep_name is None)}

    assert not related("c2") and not related("c")  # other enable: nothing in common
    assert related("c1") <= {0}  # other reset value: only bit 0 (the inverse of c0's) is related
    assert not any(rel[("c1", b)].keep_name in group and not rel[("c1", b)].inverse for b in related("c1"))
    # other step: c3 == c0 << 1 (true bit relations), but never bit i == bit i
    assert not any(f.name in ("c3", "d") and f.keep_name in group and f.keep_bit == f.bit for f in an.facts)
    # the true copy: all 8 bits of c4 (or of c0, whichever is not kept) equal the kept counter
    dup = [f for f in an.facts if f.name in ("c4", "c0") and f.keep_name in group and f.keep_bit == f.bit
           and not f.inverse]
    assert len(dup) == 8


def test_inverse_flag_and_never_set_status(tmp_path):
    text = """
module fl(input clk, input rst_n, input go, input stop, input [3:0] k, output busy_o, idle_o, err_o);
  reg busy, idle, err;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) busy <= 1'b0; else if (go) busy <= 1'b1; else if (stop) busy <= 1'b0;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) idle <= 1'b1; else idle <= go ? 1'b0 : (stop ? 1'b1 : idle);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) err <= 1'b0; else if (busy == idle) err <= 1'b1;
  assign busy_o = busy; assign idle_o = idle; assign err_o = err & k[0];
endmodule
"""
    facts, _an, _p = _facts(tmp_path, text, "fl")
    assert ("idle", "busy", True, None) in facts or ("busy", "idle", True, None) in facts
    assert ("err", None, False, 0) in facts


def test_generate_shift_register_inverted_copy_is_renamed(tmp_path):
    from rtlopt.semantic import seqred

    src = (SUITE / "shift_inverted_generate" / "original.v").read_text()
    facts, an, p = _facts(tmp_path, src, "shift_dual")
    assert any(n.endswith("dn_q") and k and k.endswith("d_q") and inv for n, k, inv, _c in facts)
    new = seqred.emit({p: src}, "shift_dual", an.facts, an.net)
    assert new is not None
    out = new[p]
    assert "dn_q" not in out and "(~stage[N-1].d_q)" in out
    assert out.startswith(src[:src.index("genvar")])  # untouched prefix, byte for byte


def test_partial_vector_bits_use_a_concatenation(tmp_path):
    from rtlopt.semantic import seqred

    text = """
module pv(input clk, input rst, input en, output [7:0] y);
  reg [7:0] a, b;
  always @(posedge clk)
    if (rst) begin a <= 0; b <= 8'd1; end
    else if (en) begin a <= a + 8'd1; b <= b + 8'd1; end
  assign y = a ^ b;
endmodule
"""
    facts, an, p = _facts(tmp_path, text, "pv")
    assert ("b", "a", True, None) in facts  # bit 0 of a+1 counter is the inverse of the other's
    new = seqred.emit({p: text}, "pv", an.facts, an.net)
    assert new is not None and "{b[7:1], ~a[0]}" in new[p]


@pytest.mark.sta
def test_optimize_merges_shadow_counter_proven_and_smaller(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.search import optimize
    from rtlopt.templates import REGISTRY

    lib = Path("/work/shared/lib/sky130hd_tt.lib.gz")
    if not lib.exists() or shutil.which("sta") is None and shutil.which("opensta") is None:
        lib = None
    src = SUITE / "counter_shadow" / "original.v"
    p = tmp_path / "original.v"
    p.write_text(src.read_text())
    res = optimize(open_design([p], "counter_shadow"), liberty=str(lib) if lib else None, budget_s=120,
                   templates={k: v for k, v in REGISTRY.items() if k == "constant_folding"}, max_steps=2)
    assert res.status == "improved"
    assert any("sequential_redundancy" in s.rules and s.verdict == "EQUIVALENT" for s in res.steps)
    assert res.after.area_um2.value < res.before.area_um2.value * 0.8
    assert "reg [15:0] shadow" not in res.final[p.resolve()]
