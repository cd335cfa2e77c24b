"""Parameterized family (issue 10): one piece of syntax elaborated several times with other parameter
values (two instances of a module, generate iterations). One edit must serve every copy:

* ``x * C`` with C a parameter expression of other values per copy -> a dispatch on C (shift/add per
  value in use, the product for any other value) -- generalization scaler_two, gen_taps, band_weights_inst,
  wsum_func_gen;
* a mux of nets driven by ``a + b`` / ``a - b`` in generate lanes -> one adder per lane (lane_addsub_sv,
  lane_addsub_v2001);
* a counter bounded by a per-copy parameter -> ``[$clog2(...)-1:0]`` (tickgen_two, pulse_two_sv).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

TAP = textwrap.dedent("""
module wtap #(parameter W = 8, parameter [5:0] K = 6'd3) (input clk, input [W-1:0] d, output reg [W+5:0] q);
    always @(posedge clk) q <= d * K;
endmodule
module top (input clk, input [7:0] a, input [7:0] b, output [13:0] p, output [13:0] r);
    wtap #(.K(6'd6))  u1 (.clk(clk), .d(a), .q(p));
    wtap #(.K(K2)) u2 (.clk(clk), .d(b), .q(r));
endmodule
""").lstrip()

# restyle: SV generate, the coefficient a localparam computed by a function of the genvar
GEN = textwrap.dedent("""
module wsum #(parameter int N = 3, parameter int W = 6) (input logic [N*W-1:0] x, output logic [W+7:0] y);
    function automatic int weight(input int i);
        weight = (i == 0) ? 9 : (i == 1) ? 27 : 45;
    endfunction
    logic [W+7:0] p [N];
    for (genvar i = 0; i < N; i++) begin : g_ch
        localparam int K = weight(i);
        assign p[i] = x[i*W +: W] * K;
    end
    assign y = p[0] + p[1] + p[2];
endmodule
""").lstrip()

LANES = textwrap.dedent("""
module simd_as #(parameter LANES = 3, parameter W = 6) (input [LANES-1:0] mode, input [LANES*W-1:0] a,
    input [LANES*W-1:0] b, output [LANES*W-1:0] y);
    genvar i;
    generate for (i = 0; i < LANES; i = i + 1) begin : lane
        wire [W-1:0] s = a[i*W +: W] + b[i*W +: W];
        wire [W-1:0] d;
        assign d = a[i*W +: W] - OTHER[i*W +: W];
        assign y[i*W +: W] = mode[i] ? d : s;
    end endgenerate
endmodule
""").lstrip()

TIMER = textwrap.dedent("""
module strobe_timer #(parameter int unsigned PERIOD = 50) (input logic clk, input logic rst_n, output logic strobe);
    logic [31:0] cnt;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) begin cnt <= '0; strobe <= 1'b0; end
        else if (cnt < PERIOD - 1) begin cnt <= cnt + 32'd1; strobe <= 1'b0; end
        else begin cnt <= RELOAD; strobe <= 1'b1; end
endmodule
module top (input logic clk, input logic rst_n, output logic s1, output logic s2);
    strobe_timer #(.PERIOD(5))   u1 (.clk, .rst_n, .strobe(s1));
    strobe_timer #(.PERIOD(300)) u2 (.clk, .rst_n, .strobe(s2));
endmodule
""").lstrip()


def _find(tid: str, src: str, name: str) -> list:
    from rtlopt.templates import REGISTRY
    from rtlopt.templates._sem import analyze

    return REGISTRY[tid].find(analyze(src, name))


def _texts(tid: str, src: str, name: str) -> list[str]:
    from rtlopt.hdl.edit import apply_edits

    return [apply_edits(src, list(m.edits)) for m in _find(tid, src, name)]


def _verify(tmp_path, gold: str, gate: str, suffix: str, top: str) -> str:
    g, h = tmp_path / f"gold{suffix}", tmp_path / f"gate{suffix}"
    g.write_text(gold)
    h.write_text(gate)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(g), str(h), "--top", top, "--timeout", "240"],
                       capture_output=True, text=True, timeout=600)
    return r.stdout + r.stderr


def test_product_by_a_per_instance_parameter_is_dispatched(tmp_path):
    src = TAP.replace("K2", "6'd60")
    reps = [e.replacement for m in _find("const_mult_to_shift_add", src, str(tmp_path / "t.v")) for e in m.edits]
    assert any("((K) == 6) ?" in r and "((K) == 60) ?" in r and r.endswith(": d * K") for r in reps), reps
    # negative: both instances at 60 -> one folded constant (pinned), no dispatch
    same = TAP.replace(".K(6'd6)", ".K(6'd60)").replace("K2", "6'd60")
    reps = [e.replacement for m in _find("const_mult_to_shift_add", same, str(tmp_path / "s.v")) for e in m.edits]
    assert reps and not any("((K) ==" in r for r in reps), reps


def test_product_in_generate_iterations_is_dispatched(tmp_path):
    reps = [e.replacement for m in _find("const_mult_to_shift_add", GEN, str(tmp_path / "g.sv")) for e in m.edits]
    assert any(all(f"((K) == {v}) ?" in r for v in (9, 27, 45)) for r in reps), reps
    # negative: a product of two inputs per lane is no constant multiplication
    two = GEN.replace("x[i*W +: W] * K", "x[i*W +: W] * x[((i+1)%N)*W +: W]")
    assert not _find("const_mult_to_shift_add", two, str(tmp_path / "n.sv"))


@pytest.mark.yosys
def test_dispatch_is_proven_and_a_wrong_arm_is_not(tmp_path):
    texts = [t for t in _texts("const_mult_to_shift_add", GEN, str(tmp_path / "g.sv")) if "((K) == 45)" in t]
    assert texts
    assert _verify(tmp_path, GEN, texts[0], ".sv", "wsum").startswith("EQUIVALENT")
    wrong = texts[0].replace("<< 5)", "<< 4)", 1)  # one arm's shift off by one
    assert wrong != texts[0]
    assert _verify(tmp_path, GEN, wrong, ".sv", "wsum").startswith("NOT EQUIVALENT")


def test_generate_lanes_of_sum_and_difference_nets_share_one_adder(tmp_path):
    src = LANES.replace("OTHER", "b")
    reps = [e.replacement for m in _find("add_sub_merging", src, str(tmp_path / "l.v")) for e in m.edits]
    assert reps == ["a[i*W +: W] + (b[i*W +: W] ^ {6{mode[i]}}) + mode[i]"], reps
    # negative: the difference subtracts another operand
    other = LANES.replace("input [LANES*W-1:0] b,", "input [LANES*W-1:0] b, input [LANES*W-1:0] c,") \
        .replace("OTHER", "c")
    assert not _find("add_sub_merging", other, str(tmp_path / "n.v"))


def test_counter_width_per_instance_is_a_parameter_expression(tmp_path):
    src = TIMER.replace("RELOAD", "'0")
    texts = _texts("register_width_reduction", src, str(tmp_path / "t.sv"))
    assert any("logic [$clog2((PERIOD - 1) + 1)-1:0] cnt;" in t for t in texts), texts
    # negative: a reload to 100 is above the 5-period copy's range: no per-copy expression
    big = TIMER.replace("RELOAD", "32'd100")
    assert not any("$clog2" in t for t in _texts("register_width_reduction", big, str(tmp_path / "b.sv")))


@pytest.mark.yosys
def test_per_instance_width_is_proven(tmp_path):
    src = TIMER.replace("RELOAD", "'0")
    text = [t for t in _texts("register_width_reduction", src, str(tmp_path / "t.sv")) if "$clog2" in t][0]
    assert _verify(tmp_path, src, text, ".sv", "top").startswith("EQUIVALENT")


def test_pin_keeps_a_self_contained_function_at_module_level(tmp_path):
    """A function called in a constant expression (``localparam int K = weight(i)``) can not be declared
    inside the pinned generate block: identical, self-contained functions stay at module level; one that
    reads a body declaration stays in the arms (negative)."""
    from rtlopt.design import open_design
    from rtlopt.engine.parampin import design_configs, pin_text
    from rtlopt.hdl.edit import apply_edits

    f = tmp_path / "g.sv"
    f.write_text(GEN)
    m = _find("const_mult_to_shift_add", GEN, str(f))[0]
    new = apply_edits(GEN, list(m.edits))
    cfg = design_configs(open_design([f], "wsum").parsed, "wsum")
    pinned = pin_text(GEN, new, cfg, "template")
    assert pinned.count("function automatic int weight") == 1
    assert pinned.index("function automatic int weight") < pinned.index("begin : rtlopt_params_wsum")
    # negative: the function reads a body-level wire -> it stays inside both arms
    reads = GEN.replace("logic [W+7:0] p [N];", "logic [W+7:0] p [N];\n    wire [3:0] bias = 4'd0;") \
        .replace("weight = (i == 0)", "weight = bias + ((i == 0)")
    reads = reads.replace(": 45;", ": 45);")
    m2 = _find("const_mult_to_shift_add", reads, str(tmp_path / "r.sv"))
    new2 = apply_edits(reads, list(m2[0].edits)) if m2 else reads.replace("* K;", "* K ;")
    pinned2 = pin_text(reads, new2, cfg, "template")
    # (only the changed generate loop is pinned, in place: the function, unchanged, stays where it is)
    assert pinned2 is not None and pinned2.count("function automatic int weight") == 1
    assert pinned2.count("begin : g_ch") == 2 and pinned2.index("weight(input") < pinned2.index("rtlopt_params_")
