"""Parameterized designs (issue 10, designs/generalization/parameterized): parameter expressions are
constants at the elaborated values, the rewrite that folds one is pinned to those values, and other
values keep the original logic."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

DEB = textwrap.dedent("""
module debounce #(parameter HOLD = 250) (input clk, input rst, input din, output reg q);
  reg [31:0] cnt;
  always @(posedge clk)
    if (rst) begin cnt <= 0; q <= 1'b0; end
    else if (din == q) cnt <= 0;
    else if (cnt == HOLD - 1) begin cnt <= 0; q <= din; end
    else cnt <= cnt + 1;
endmodule
""").lstrip()


def _narrowed(tmp_path, src: str, top: str) -> list[str]:
    from rtlopt.design import open_design
    from rtlopt.engine.search import State, template_candidates

    f = tmp_path / f"{top}.v"
    f.write_text(src)
    st = State(design=open_design([f], top), texts={f: src}, goal="area", liberty=None)
    return [c.text for c in template_candidates(st) if "register_width_reduction" in c.rules]


def test_register_width_bound_reads_parameter_expressions(tmp_path):
    # `cnt == HOLD - 1` guards the step: the syntactic bound (HOLD - 1 at the elaborated value) gives
    # the exact width, the declaration itself is narrowed (no cnt_q wrapper, which is harder to prove)
    texts = _narrowed(tmp_path, DEB, "debounce")
    assert any("reg [7:0] cnt;" in t for t in texts), texts
    big = _narrowed(tmp_path, DEB.replace("HOLD = 250", "HOLD = 3000"), "debounce")
    assert any("reg [11:0] cnt;" in t for t in big) and not any("reg [7:0] cnt;" in t for t in big), big


def test_fsm_extract_reads_sv_genvar_loops(tmp_path):
    # `for (genvar i = ...)`: the generate block array holds the genvar too (was: TypeError)
    from rtlopt.design import open_design
    from rtlopt.fsm import extract

    f = tmp_path / "lanes.sv"
    f.write_text("module lanes #(parameter int unsigned N = 2) (input logic clk, input logic [N-1:0] a,\n"
                 "  output logic [N-1:0] y);\n  for (genvar i = 0; i < N; i++) begin : g\n"
                 "    always_ff @(posedge clk) y[i] <= a[i];\n  end\nendmodule\n")
    ex = extract(open_design([f], "lanes"), below_top=True)
    assert not ex.fsms


@pytest.mark.yosys
def test_folded_parameter_holds_only_for_the_pinned_value(tmp_path):
    """Soundness: the narrowing folded HOLD = 10 (4 bits); pinned, it is proven at 10 and stays right at
    20 (the original arm); unpinned, it is wrong at 20 (the 4-bit counter never reaches 19)."""
    from rtlopt.engine.parampin import pin_text

    src = DEB.replace("HOLD = 250", "HOLD = 10")
    narrowed = [t for t in _narrowed(tmp_path, src, "debounce") if "reg [3:0] cnt;" in t][0]
    pinned = pin_text(src, narrowed, {"debounce": {(("HOLD", "10"),)}}, "template")
    assert "if (HOLD == 10) begin : rtlopt_params_debounce" in pinned
    gold, gate, bad = tmp_path / "g.v", tmp_path / "p.v", tmp_path / "u.v"
    gold.write_text(src)
    gate.write_text(pinned)
    bad.write_text(narrowed)

    def verify(b, hold):
        r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(gold), str(b), "-G", f"HOLD={hold}",
                            "--timeout", "240", "--depth", "30"], capture_output=True, text=True, timeout=600)
        return r.stdout

    assert verify(gate, 20).startswith("EQUIVALENT")  # (at 10 it is the search's usual proof)
    assert verify(bad, 20).startswith("NOT EQUIVALENT")


TICKS = textwrap.dedent("""
module tick #(parameter DIV = 4) (input clk, input rst, output reg t);
  reg [7:0] cnt;
  always @(posedge clk)
    if (rst) begin cnt <= 8'd0; t <= 1'b0; end
    else if (cnt >= DIV - 1) begin cnt <= 8'd0; t <= 1'b1; end
    else begin cnt <= cnt + 8'd1; t <= 1'b0; end
endmodule
module two (input clk, input rst, output a, output b);
  tick #(.DIV(4))   u_a (.clk(clk), .rst(rst), .t(a));
  tick #(.DIV(SLOW)) u_b (.clk(clk), .rst(rst), .t(b));
endmodule
""").lstrip()


def test_seqred_edit_of_shared_syntax_needs_every_copy(tmp_path):
    """u_a.cnt[7:2] is constant 0 (DIV = 4); with u_b at DIV = 100 those bits count there: the edit of
    the shared `tick` source would be wrong for u_b (it used to be proposed from u_a's facts alone).
    With both at DIV = 4 the edit is right for both copies and is proposed."""
    from rtlopt.semantic.seqred import candidates_for

    f = tmp_path / "two.v"
    got = candidates_for({f: TICKS.replace("SLOW", "100")}, "two")
    assert not got, [(w, n) for _t, w, n in got]
    same = candidates_for({f: TICKS.replace("SLOW", "4")}, "two")
    assert same and all({"u_a.cnt", "u_b.cnt"} <= set(n) for _t, _w, n in same), [(w, n) for _t, w, n in same]


def test_register_width_bound_holds_for_every_parameterization(tmp_path):
    """tick is instantiated with DIV = 4 and DIV = 100: the syntactic bound takes the largest value of
    `DIV - 1` over the copies (7 bits, right for both); the z3 bound and the equality rewrite, which
    see one copy's values, stay out (they gave 3 bits / `cnt == 3`, wrong for DIV = 100)."""
    texts = _narrowed(tmp_path, TICKS.replace("SLOW", "100"), "two")
    # (or the width as an expression of DIV, right in each copy: 2 bits at 4, 7 at 100)
    assert texts and all("reg [6:0] cnt;" in t or "reg [$clog2((DIV - 1) + 1)-1:0] cnt;" in t for t in texts), texts
    assert any("reg [6:0] cnt;" in t for t in texts)
    assert not any("[2:0]" in t or "cnt == DIV - 1" in t for t in texts)
    same = _narrowed(tmp_path, TICKS.replace("SLOW", "4"), "two")
    # every copy at DIV = 4: narrowed (3 bits from the guard's bound, or the exact 2 bits of 0..3 behind
    # a full-width alias wire from the per-state z3 bound)
    assert any("reg [2:0] cnt;" in t or "reg [1:0] cnt_q;" in t for t in same), same


FIR = textwrap.dedent("""
module fir #(parameter W = 8, parameter C0 = 7, parameter C1 = 21) (input clk, input rst, input [W-1:0] x,
    output reg [W+6:0] y);
  reg [W-1:0] x1, x2;
  always @(posedge clk)
    if (rst) begin x1 <= 0; x2 <= 0; y <= 0; end
    else begin x1 <= x; x2 <= x1; y <= C0 * x + C1 * x1 + C0 * x2; end
endmodule
""").lstrip()


@pytest.mark.yosys
def test_pinned_registers_pair_with_the_original_by_name(tmp_path):
    """Inside the pin, x1 is `rtlopt_params_fir.x1`: the name-matching engines (here the algebraic one,
    which cuts registers by name) see `x1` again. A wrong rewrite in the pin is still told apart."""
    from rtlopt.engine.parampin import pin_text

    good = FIR.replace("C0 * x + C1 * x1 + C0 * x2", "((x + x2) << 3) - (x + x2) + (x1 << 4) + (x1 << 2) + x1")
    cfg = {"fir": {(("W", "8"), ("C0", "7"), ("C1", "21"))}}
    gold = tmp_path / "g.v"
    gold.write_text(FIR)

    def verify(text, *extra):
        gate = tmp_path / "h.v"
        gate.write_text(pin_text(FIR, text, cfg, "egraph"))
        r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(gold), str(gate), "--timeout", "120", *extra],
                           capture_output=True, text=True, timeout=600)
        return r.stdout

    assert "rtlopt_params_fir" in pin_text(FIR, good, cfg, "egraph")
    assert verify(good, "--engines", "algebra").startswith("EQUIVALENT"), verify(good, "--engines", "algebra")
    assert verify(good.replace("(x1 << 2) + x1", "(x1 << 2)")).startswith("NOT EQUIVALENT")


GAIN = textwrap.dedent("""
module gain #(parameter W = 12, parameter GAIN = 7) (input clk, input [W-1:0] x, output reg [W+2:0] y);
  wire [W+7:0] prod = x * GAIN;
  always @(posedge clk) y <= prod[W+5:3];
endmodule
""").lstrip()
GAIN_TOP = """module top (input clk, input [11:0] a, input [11:0] b, output [14:0] p, output [14:0] q);
  gain #(.GAIN(7)) u1 (.clk(clk), .x(a), .y(p));
  gain #(.GAIN(G2)) u2 (.clk(clk), .x(b), .y(q));
endmodule
"""


def test_constant_multiplication_by_a_parameter(tmp_path):
    """`x * GAIN` is a constant multiplication at the elaborated value (pinned to it); with instances
    at GAIN = 7 and 23 it is not one constant: only a dispatch on GAIN (right at every value) is offered."""
    from rtlopt.templates._arith import ConstMultToShiftAdd
    from rtlopt.templates._sem import analyze

    one = ConstMultToShiftAdd().find(analyze(GAIN, str(tmp_path / "g.v")))
    assert [m.description for m in one] == ["const_mult_to_shift_add at line 2: x*{7} with 1 adders (binary: 2)"]
    assert ConstMultToShiftAdd().find(analyze(GAIN + GAIN_TOP.replace("G2", "7"), str(tmp_path / "t.v")))
    # GAIN = 7 and 23: never one folded constant; only the per-copy dispatch, the product kept as fallback
    two = ConstMultToShiftAdd().find(analyze(GAIN + GAIN_TOP.replace("G2", "23"), str(tmp_path / "t.v")))
    assert all("((GAIN) == 7) ?" in e.replacement and e.replacement.endswith(": x * GAIN")
               for m in two for e in m.edits), [e.replacement for m in two for e in m.edits]


@pytest.mark.yosys
def test_folded_gain_is_pinned(tmp_path):
    from rtlopt.engine.parampin import pin_text
    from rtlopt.hdl.edit import apply_edits
    from rtlopt.templates._arith import ConstMultToShiftAdd
    from rtlopt.templates._sem import analyze

    m = ConstMultToShiftAdd().find(analyze(GAIN, str(tmp_path / "g.v")))[0]
    new = apply_edits(GAIN, list(m.edits))
    assert "GAIN" not in new.split("prod =")[1].split(";")[0]  # folded: (x << 3) - x
    gold, gate, bad = tmp_path / "g.v", tmp_path / "p.v", tmp_path / "u.v"
    gold.write_text(GAIN)
    gate.write_text(pin_text(GAIN, new, {"gain": {(("W", "12"), ("GAIN", "7"))}}, "template"))
    bad.write_text(new)

    def verify(b, g):
        r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(gold), str(b), "-G", f"GAIN={g}",
                            "--timeout", "120"], capture_output=True, text=True, timeout=600)
        return r.stdout

    assert verify(gate, 23).startswith("EQUIVALENT")  # (at 7 it is the search's usual proof)
    assert verify(bad, 23).startswith("NOT EQUIVALENT")


def test_check_reports_a_parameter_constant_product_as_a_note(tmp_path):
    f = tmp_path / "gain.v"
    f.write_text(GAIN)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "check", str(f)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and ": note: x*{7}" in r.stdout, r.stdout
    f.write_text(GAIN.replace("x * GAIN", "x * 7"))
    r = subprocess.run([sys.executable, "-m", "rtlopt", "check", str(f)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and ": warning: x*{7}" in r.stdout, r.stdout
