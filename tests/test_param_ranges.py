"""Parameterized family (issue 10): value ranges through user functions and ``integer`` registers.

A round-robin pointer kept in an ``integer`` and advanced by a function of the parameter
(generalization parameterized/ring_ptr_func, beat_ring_int) only ever holds 0..SLOTS-1: the z3 model
of the write inlines the function body (if/case/for, local variables) and the register is narrowed
behind a full-width copy."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

RING = textwrap.dedent("""
module slot_sched #(parameter SLOTS = 6) (input wire clk, input wire rst, input wire adv,
    output wire [2:0] slot, output reg frame_start);
    function integer next_slot;
        input integer cur;
        begin
            if (cur == SLOTS - 1) next_slot = 0;
            else                  next_slot = cur + 1;
        end
    endfunction
    integer ptr;
    always @(posedge clk) begin
        if (rst) begin ptr <= 0; frame_start <= 1'b0; end
        else begin
            frame_start <= 1'b0;
            if (adv) begin ptr <= next_slot(ptr); frame_start <= (next_slot(ptr) == 0); end
        end
    end
    assign slot = ptr[2:0];
endmodule
""").lstrip()

# restyle: SV int, automatic function with a case, asynchronous active-low reset
BEAT = textwrap.dedent("""
module beat_ring #(parameter int BEATS = 5) (input logic clk, input logic rst_n, input logic step,
    output logic [2:0] beat, output logic last_beat);
    function automatic int advance(input int pos);
        case (pos)
            BEATS - 1: advance = 0;
            default:   advance = pos + 1;
        endcase
    endfunction
    int pos_q;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)    pos_q <= 0;
        else if (step) pos_q <= advance(pos_q);
    assign beat = pos_q[2:0];
    assign last_beat = (pos_q == BEATS - 1);
endmodule
""").lstrip()

# restyle: the wrap is computed by a loop in the function (the first slot index above cur, else 0)
LOOP = textwrap.dedent("""
module lane_rr #(parameter N = 12) (input clk, input rst, input go, output [3:0] lane);
    function integer succ;
        input integer cur;
        integer i;
        begin
            succ = 0;
            for (i = N - 1; i > 0; i = i - 1)
                if (i == cur + 1) succ = i;
        end
    endfunction
    integer idx;
    always @(posedge clk)
        if (rst) idx <= 0;
        else if (go) idx <= succ(idx);
    assign lane = idx[3:0];
endmodule
""").lstrip()


def _narrowed(tmp_path, src: str, top: str, name: str = "d.v") -> list[str]:
    from rtlopt.design import open_design
    from rtlopt.engine.search import State, template_candidates

    f = tmp_path / name
    f.write_text(src)
    st = State(design=open_design([f], top), texts={f: src}, goal="area", liberty=None)
    return [c.text for c in template_candidates(st) if "register_width_reduction" in c.rules]


def test_function_body_is_inlined_in_the_z3_model():
    import z3

    from rtlopt.templates import analyze
    from rtlopt.templates._guards import Z3Expr

    an = analyze(textwrap.dedent("""
    module m(input [7:0] a, input [3:0] b, output [7:0] y, output [3:0] r);
      function [7:0] f; input [7:0] x; reg [3:0] t; integer i;
        begin
          t = x[3:0]; f = 0;
          for (i = 0; i < 8; i = i + 1) f = f + x[i];
          case (t) 4'd1: f = 8'd3; default: ; endcase
          f = f + 1;
        end
      endfunction
      function automatic [3:0] rev(input [3:0] v); for (int k = 0; k < 4; k++) rev[k] = v[3 - k]; endfunction
      assign y = f(a);
      assign r = rev(b);
    endmodule"""), "m.sv")
    calls = {i.text: i.node for i in an.exprs if type(i.node).__name__ == "CallExpression"}

    def ev(text, v):
        zx = Z3Expr(an)
        e = zx.bv(calls[text])
        subs = [(t, z3.BitVecVal(v, t.size())) for t in zx.vars.values()]
        got = z3.simplify(z3.substitute(e, *subs))
        assert z3.is_bv_value(got), got  # a modelled function: no free value left
        return got.as_long()

    for v in (0, 1, 5, 7, 255, 17):
        want = bin(v).count("1") + 1 if v & 15 != 1 else 4
        assert ev("f(a)", v) == want, v
    assert [ev("rev(b)", v) for v in (1, 5, 7)] == [8, 10, 14]


@pytest.mark.parametrize(("src", "top", "name", "want"), [
    (RING, "slot_sched", "ring.v", "reg [2:0] ptr_q;"),
    (BEAT, "beat_ring", "beat.sv", "reg [2:0] pos_q_q;"),
    (LOOP, "lane_rr", "lane.v", "reg [3:0] idx_q;"),
])
def test_integer_pointer_through_a_function_is_narrowed(tmp_path, src, top, name, want):
    texts = _narrowed(tmp_path, src, top, name)
    hit = [t for t in texts if want in t]
    assert hit, texts
    # the integer declaration stays byte for byte and becomes a copy of the narrow register
    reg = want.split()[-1].rstrip(";")
    assert any(f" = {reg};" in t for t in hit)


def test_unbounded_integer_registers_are_not_narrowed(tmp_path):
    # negative 1: the wrap compares with an input (no bound from reset)
    lim = RING.replace("input wire adv,", "input wire adv, input wire [7:0] last,").replace(
        "cur == SLOTS - 1", "cur == last")
    assert not [t for t in _narrowed(tmp_path, lim, "slot_sched") if "ptr_q" in t]
    # negative 2: the function steps by 2 past the wrap value (6 is skipped: it runs away)
    skip = RING.replace("next_slot = cur + 1;", "next_slot = cur + 2;")
    assert not [t for t in _narrowed(tmp_path, skip, "slot_sched") if "ptr_q" in t]


@pytest.mark.yosys
def test_narrowed_integer_pointer_is_proven(tmp_path):
    src = RING.replace("SLOTS = 6", "SLOTS = 3")
    text = [t for t in _narrowed(tmp_path, src, "slot_sched") if "reg [1:0] ptr_q;" in t][0]
    gold, gate = tmp_path / "gold.v", tmp_path / "gate.v"
    gold.write_text(src)
    gate.write_text(text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(gold), str(gate), "--top", "slot_sched",
                        "--timeout", "240"], capture_output=True, text=True, timeout=600)
    assert r.stdout.startswith("EQUIVALENT"), r.stdout + r.stderr
