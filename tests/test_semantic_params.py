"""Lifting on parameterized modules (the idioms of open-source RTL: parameter loops, generate blocks,
localparam-derived widths). Rule: a rewrite found and proven at one parameterization replaces the
original only for exactly those values (generate ``if`` on the parameters); every other value keeps
the original logic (verbatim, re-indented)."""

from __future__ import annotations

import pytest

from rtlopt.semantic.emit import apply_lifts, pin_condition

ARB = """module prio #(
    parameter N = 4,
    // comment before the keyword
    parameter LSB_FIRST = 0
) (
    input  wire [N-1:0] req,
    output reg  [$clog2(N)-1:0] idx,
    output reg  any
);
localparam W = $clog2(N);
integer i;
always @* begin
    idx = 0;
    any = 0;
    for (i = 0; i < N; i = i + 1) begin
        if (req[i]) begin
            idx = LSB_FIRST ? N - 1 - i : i;
            any = 1;
        end
    end
end
endmodule
"""

PINS = {"N": "00000000000000000000000000000100", "LSB_FIRST": "00000000000000000000000000000000"}


def test_parameter_dependent_logic_is_pinned_to_the_proven_values_not_refused():
    spec = [(("any",), ("req",), "any", "|req")]
    assert apply_lifts(ARB, "prio", spec) is None  # no known parameter values: refused as before
    new = apply_lifts(ARB, "prio", spec, pins=PINS)
    assert new is not None
    assert "generate if (N == 32'd4 && LSB_FIRST == 32'd0) begin" in new
    assert "always @* any = |req;" in new
    # the original block is kept for every other parameterization, and the rest byte for byte
    assert "end else begin : rtlopt_pinned_any_orig" in new
    assert "        for (i = 0; i < N; i = i + 1) begin" in new
    assert new.startswith(ARB[:ARB.index("always @*")])


def test_width_dependent_operands_are_pinned_even_when_the_replaced_text_names_no_parameter():
    text = """module r #(parameter W = 4) (input [W-1:0] a, output y);
  assign y = a[0] & a[1] & a[2] & a[3];
endmodule
"""
    # `&a` is right for W = 4 only; the replaced text itself mentions no parameter
    assert apply_lifts(text, "r", [(("y",), ("a",), "y", "&a")]) is None
    new = apply_lifts(text, "r", [(("y",), ("a",), "y", "&a")], pins={"W": "100"})
    assert "generate if (W == 3'd4) begin" in new and "assign y = a[0] & a[1] & a[2] & a[3];" in new


def test_pin_condition_refuses_values_it_cannot_compare():
    from rtlopt.semantic.emit import _module_node
    from rtlopt.templates._sem import analyze
    an = analyze('module s #(parameter MODE = "FAST", parameter K = 3) (input a, output y); assign y = a; endmodule\n')
    mod = _module_node(an, "s")
    assert pin_condition(mod, {"MODE": "FAST", "K": "11"}) == "MODE == \"FAST\" && K == 2'd3"
    assert pin_condition(mod, {"MODE": "1.5e0 x", "K": "11"}) is None  # not an integer, not a plain string
    assert pin_condition(mod, {"MODE": "0101 ", "K": "11"}) is None  # a string that reads as bits
    assert pin_condition(mod, {"K": "11"}) is None  # a value unknown
    an = analyze("module s #(parameter K = 3) (input a, output y); localparam L = K + 1; assign y = a; endmodule\n")
    assert pin_condition(_module_node(an, "s"), {"K": "11", "L": "100"}) == "K == 2'd3"


def test_clocked_next_state_of_a_parameterized_register_is_pinned():
    from rtlopt.semantic.emit import apply_clocked
    text = """module c #(parameter W = 4) (input clk, input [W-1:0] d, output reg q);
  always @(posedge clk) q <= d[0] | d[1] | d[2] | d[3];
endmodule
"""
    assert apply_clocked(text, "c", "q", 0, 1, (2,), ("d",), "|d") is None
    new = apply_clocked(text, "c", "q", 0, 1, (2,), ("d",), "|d", pins={"W": "100"})
    assert new is not None
    assert "begin if (W == 3'd4) begin q <= |d; end else begin q <= d[0] | d[1] | d[2] | d[3]; end end" in new


@pytest.mark.yosys
def test_pinned_lift_is_proven_at_the_default_and_keeps_other_parameter_values(tmp_path):
    """End to end: the lifting generator on a parameterized module gives a pinned candidate; it is
    equivalent at the default parameters AND in a wrapper that overrides them (the original branch)."""
    from rtlopt.design import open_design
    from rtlopt.semantic import lifting_candidates
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / "prio.v"
    f.write_text(ARB)

    class St:
        texts = {f: ARB}
    cands = [c for c in lifting_candidates(St()) if "generate if (N == 32'd4" in c.text]
    assert cands, "no pinned candidate"
    g = tmp_path / "gate.v"
    g.write_text(cands[0].text)
    res = check_equivalence(open_design([f], "prio"), open_design([g], "prio"), VerifyOptions(timeout_s=120))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res
    wrap = "module w(input [6:0] req, output [2:0] idx, output any);\n" \
           "  prio #(.N(7), .LSB_FIRST(1)) u(.req(req), .idx(idx), .any(any));\nendmodule\n"
    fw, gw = tmp_path / "fw.v", tmp_path / "gw.v"
    fw.write_text(ARB + wrap)
    gw.write_text(cands[0].text + wrap)
    res = check_equivalence(open_design([fw], "w"), open_design([gw], "w"), VerifyOptions(timeout_s=120))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res


ORR = """module orr #(parameter W = 8) (input [W-1:0] a, output y);
  wire [W-1:0] c;
  genvar k;
  generate
    for (k = 0; k < W; k = k + 1) begin : g
      if (k == 0) begin : b0
        assign c[k] = a[k];
      end else begin : bn
        assign c[k] = c[k-1] | a[k];
      end
    end
  endgenerate
  assign y = c[W-1];
endmodule
"""


@pytest.mark.yosys
def test_pinned_generate_region_moves_into_the_else_arm_and_elaborates_for_other_widths(tmp_path):
    """A generate loop (an OR chain) lifted to ``|a``: the region goes, without its generate/endgenerate
    keywords, into the else arm; the pinned source is proven at W = 8 and, instantiated with W = 5,
    is still the original chain."""
    from rtlopt.design import open_design
    from rtlopt.semantic import lifting_candidates
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / "orr.v"
    f.write_text(ORR)

    class St:
        texts = {f: ORR}
    cands = [c.text for c in lifting_candidates(St()) if "|a" in c.text]
    assert cands, "no candidate"
    new = cands[0]
    assert "generate if (W == 32'd8) begin" in new and new.count("endgenerate") == 1
    assert "assign c[k] = c[k-1] | a[k];" in new  # the original loop, for every other width
    g = tmp_path / "gate.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "orr"), open_design([g], "orr"), VerifyOptions(timeout_s=120))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res
    wrap = "module w5(input [4:0] a, output y);\n  orr #(.W(5)) u(.a(a), .y(y));\nendmodule\n"
    fw, gw = tmp_path / "fw.v", tmp_path / "gw.v"
    fw.write_text(ORR + wrap)
    gw.write_text(new + wrap)
    res = check_equivalence(open_design([fw], "w5"), open_design([gw], "w5"), VerifyOptions(timeout_s=120))
    assert str(res.verdict).split(".")[-1].upper() == "EQUIVALENT", res


def test_ppa_cache_key_depends_on_parameter_overrides_and_defines():
    """The same texts under -G/-D synthesize to another netlist: a measurement of the defaults must not
    be read back as the input's area under an override (it made every candidate look worse or better)."""
    from rtlopt.hdl.project import Project, set_active
    from rtlopt.ppa._cache import key
    old = set_active(Project())
    try:
        k0 = key(["module m; endmodule\n"], "m", "lib")
        set_active(Project(params=(("N", "8"),)))
        k1 = key(["module m; endmodule\n"], "m", "lib")
        set_active(Project(defines=(("FAST", None),)))
        k2 = key(["module m; endmodule\n"], "m", "lib")
    finally:
        set_active(old)
    assert len({k0, k1, k2}) == 3


@pytest.mark.yosys
def test_lifts_are_pinned_to_the_users_parameter_overrides(tmp_path):
    """With -G N=8 the top is elaborated (and its lifts pinned) at N = 8, the values it is measured and
    proven with, not at its defaults."""
    from rtlopt.hdl.project import Project, set_active
    from rtlopt.semantic import lifting_candidates
    f = tmp_path / "prio.v"
    f.write_text(ARB)

    class Design:
        top = "prio"

    class St:
        texts = {f: ARB}
        design = Design()
        scope = None
    old = set_active(Project(params=(("N", "8"),)))
    try:
        cands = lifting_candidates(St())
    finally:
        set_active(old)
    assert cands and all("generate if (N == 32'd8 && LSB_FIRST == 32'd0)" in c.text for c in cands
                         if "rtlopt_pinned" in c.text)
    assert any("rtlopt_pinned" in c.text for c in cands)
