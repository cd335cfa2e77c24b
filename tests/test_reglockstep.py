"""Registers of one child instance in lock step with flip-flops of another instance (rtlopt.semantic.
reglockstep): bit permutations with per-bit inversion, k - S, ~S; fed in on a new input port."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import reglockstep

# Verilog, different modules: an up-counter mod 10 and a down-counter from 9 with a flag toggling at
# the wrap, asynchronous reset: cd == 9 - cu, fd == ~fu
UPDOWN_V = """
module upc (input clk, input rst_n, input step, output reg [3:0] cu, output reg fu);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin cu <= 4'd0; fu <= 1'b0; end
    else if (step) begin
      if (cu == 4'd9) begin cu <= 4'd0; fu <= !fu; end
      else cu <= cu + 4'd1;
    end
endmodule
module dnc (input clk, input rst_n, input step, output [4:0] pos);
  reg [3:0] cd;
  reg fd;
  assign pos = {fd, cd};
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin cd <= 4'd9; fd <= 1'b1; end
    else if (step) begin
      if (cd == 4'd0) begin cd <= 4'd9; fd <= !fd; end
      else cd <= cd - 4'd1;
    end
endmodule
module pair (input clk, input rst_n, input step, output [3:0] up, output upf, output [4:0] down);
  upc a (.clk(clk), .rst_n(rst_n), .step(step), .cu(up), .fu(upf));
  dnc b (.clk(clk), .rst_n(rst_n), .step(step), .pos(down));
endmodule
"""

# SystemVerilog: a Galois-free Fibonacci LFSR (x^5 + x^3 + 1) and a second module holding the same
# sequence bit-reversed AND complemented (seed ~reversed seed): q[i] == ~p[4-i]; the second module's output is
# a combinational function of its register
LFSR_SV = """
module gen5 (input logic clk, rst, adv, output logic [4:0] p);
  always_ff @(posedge clk)
    if (rst) p <= 5'b10101;
    else if (adv) p <= {p[3:0], p[4] ^ p[2]};
endmodule
module chk5 (input logic clk, rst, adv, input logic d, output logic y);
  logic [4:0] q;
  always_ff @(posedge clk) begin
    if (rst) q <= 5'b01010;
    else if (adv) q <= {~(~q[0] ^ ~q[2]), q[4:1]};
  end
  assign y = d ^ ~q[0] ^ ~q[2];
endmodule
module lfsr_pair (input logic clk, rst, adv, d, output logic [4:0] st, output logic y);
  gen5 g (.clk, .rst, .adv, .p(st));
  chk5 c (.clk, .rst, .adv, .d, .y);
endmodule
"""

# negative: the checker steps on its own enable
LFSR_NEG_EN = LFSR_SV.replace("input logic clk, rst, adv, d, output", "input logic clk, rst, adv, adv2, d, output") \
    .replace("chk5 c (.clk, .rst, .adv, .d, .y);", "chk5 c (.clk, .rst, .adv(adv2), .d, .y);")
# a different seed: no longer the reversed complement, but the same maximal-length sequence at another
# phase, so each bit of q is an XOR of bits of p (per-bit tables)
LFSR_NEG_SEED = LFSR_SV.replace("if (rst) q <= 5'b01010;", "if (rst) q <= 5'b01011;")


def _run(tmp_path: Path, text: str, top: str, name: str):
    f = tmp_path / name
    f.write_text(text)
    return f, reglockstep.candidates_for({f: text}, top, timeout_s=60)


@pytest.mark.yosys
def test_verilog_up_down_counters_mirrored(tmp_path):
    f, got = _run(tmp_path, UPDOWN_V, "pair", "d.v")
    assert got, got
    texts = {d: t[f] for t, d in got}
    d = next(d for d in texts if "'b.cd'" in d)
    t = texts[d]
    assert "4'd9 - up" in d and "'b.fd' == ~upf" in d, d
    assert "always @* cd = rtlopt_lock_" in t and "always @* fd = rtlopt_lock_" in t, t
    assert "cd <= cd - 4'd1" not in t
    assert "input wire [3:0] rtlopt_lock_" in t
    assert abc_verdict(tmp_path, f, t, "pair") == "EQUIVALENT"


@pytest.mark.yosys
def test_sv_lfsr_reversed_and_complemented(tmp_path):
    f, got = _run(tmp_path, LFSR_SV, "lfsr_pair", "d.sv")
    assert got, got
    new, desc = next((t, d) for t, d in got if "'c.q'" in d)
    t = new[f]
    assert "{~st[0], ~st[1], ~st[2], ~st[3], ~st[4]}" in desc, desc
    assert "always @* q = rtlopt_lock_0_i;" in t and "q <= {" not in t, t
    assert ".y, .rtlopt_lock_0_i({~st[0]" in t, t
    assert abc_verdict(tmp_path, f, t, "lfsr_pair") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text", [LFSR_NEG_EN], ids=["own_enable"])
def test_not_in_lock_step_is_left_alone(tmp_path, text):
    _f, got = _run(tmp_path, text, "lfsr_pair", "d.sv")
    assert not any("'c.q'" in d for _t, d in got), got


@pytest.mark.yosys
def test_other_seed_is_a_linear_function(tmp_path):
    f, got = _run(tmp_path, LFSR_NEG_SEED, "lfsr_pair", "d.sv")
    t, d = next((t[f], d) for t, d in got if "'c.q'" in d)
    assert "^" in d and "q <= {" not in t, d
    assert abc_verdict(tmp_path, f, t, "lfsr_pair") == "EQUIVALENT"


@pytest.mark.yosys
def test_module_instantiated_twice_is_copied(tmp_path):
    # two instances of one module: the rewritten instance gets a copy of the module, the other keeps it
    text = LFSR_SV.replace("chk5 c (.clk, .rst, .adv, .d, .y);",
                           "chk5 c (.clk, .rst, .adv, .d, .y);\n  logic y2;\n  chk5 c2 (.clk, .rst, .adv, .d, .y(y2));")
    f, got = _run(tmp_path, text, "lfsr_pair", "d.sv")
    t = next(t[f] for t, d in got if "'c.q'" in d)
    assert "module chk5_rtlopt_ic (" in t and "chk5_rtlopt_ic c (" in t and "chk5 c2 (" in t, t
    assert abc_verdict(tmp_path, f, t, "lfsr_pair") == "EQUIVALENT"


# Verilog, neither register has a top-level name: the kept one is exported from its instance first
HIDDEN_V = """
module cnt_a (input clk, input rst, input en, output wrap);
  reg [2:0] a;
  assign wrap = (a == 3'd7);
  always @(posedge clk) if (rst) a <= 3'd0; else if (en) a <= a + 3'd1;
endmodule
module cnt_b (input clk, input rst, input en, input [2:0] sel, output y);
  reg [2:0] b;
  assign y = (b == sel);
  always @(posedge clk) if (rst) b <= 3'd7; else if (en) b <= b - 3'd1;
endmodule
module hid (input clk, input rst, input en, input [2:0] sel, output wrap, output y);
  cnt_a ua (.clk(clk), .rst(rst), .en(en), .wrap(wrap));
  cnt_b ub (.clk(clk), .rst(rst), .en(en), .sel(sel), .y(y));
endmodule
"""


@pytest.mark.yosys
def test_verilog_hidden_base_is_exported(tmp_path):
    f, got = _run(tmp_path, HIDDEN_V, "hid", "d.v")
    new, desc = next((t, d) for t, d in got if "'ub.b'" in d)
    t = new[f]
    assert "~rtlopt_ua_a" in desc, desc  # b == 7 - a == ~a
    assert "output wire [2:0] rtlopt_a_o" in t and "always @* b = rtlopt_lock_0_i;" in t, t
    assert t.index("wire [2:0] rtlopt_ua_a;") < t.index("cnt_a ua")
    assert abc_verdict(tmp_path, f, t, "hid") == "EQUIVALENT"
