"""Sequential invariants behind the held-out-2 misses, each generic and each with a look-alike that
must not fire: a count that is {flag, pointer difference} (regfunc 'cat'), magnitude comparisons
against a register's proven top value as equalities (register_width_reduction)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys


def _verify(tmp_path: Path, a_text: str, b_text: str, top: str) -> int:
    a, b = tmp_path / f"{top}_a.v", tmp_path / f"{top}_b.v"
    a.write_text(a_text)
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


def _regfunc(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import regfunc

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    an = regfunc.analysis_for({p: text}, top)
    assert an.error is None, an.error
    return an, p, regfunc.candidates_for({p: text}, top)


# two processes, 3-bit pointers, a 4-bit level written with if/else (not a case), full kept
LEVEL_FULL = """
module lvl(input clk, input rst_n, input wr, input rd, output [2:0] wa, output [2:0] ra,
           output [3:0] level_o, output full_o);
  reg [2:0] wp, rp;
  reg [3:0] level;
  reg full;
  wire do_w = wr & ~full;
  wire do_r = rd & (level != 4'd0);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin wp <= 3'd0; rp <= 3'd0; end
    else begin
      if (do_w) wp <= wp + 3'd1;
      if (do_r) rp <= rp + 3'd1;
    end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin level <= 4'd0; full <= 1'b0; end
    else if (do_w && !do_r) begin level <= level + 4'd1; full <= level == 4'd7; end
    else if (do_r && !do_w) begin level <= level - 4'd1; full <= 1'b0; end
  assign wa = wp;
  assign ra = rp;
  assign level_o = level;
  assign full_o = full;
endmodule
"""


def test_level_is_flag_above_pointer_difference(tmp_path):
    an, p, cands = _regfunc(tmp_path, LEVEL_FULL, "lvl")
    cat = [r for r in an.relations if r.op == "cat"]
    assert [(r.target, r.base, r.base2, r.bits) for r in cat] == [("level", "wp", "rp", (("full", 0),))]
    new = [n[p] for n, d in cands if "'level' == {full[0], (wp - rp)}" in d]
    assert new, [d for _, d in cands]
    assert "always @* level = {full, wp - rp};" in new[0]
    assert "level <= level + 4'd1" not in new[0] and "full <= level == 4'd7" in new[0]
    # (proven in test_empty_flag_is_gated_pointer_compare, whose candidate holds this relation too)


def test_level_with_its_own_flush_is_not_a_pointer_difference(tmp_path):
    # a flush clears the level but not the pointers: one cycle breaks {full, wp - rp}
    text = LEVEL_FULL.replace("input rd,", "input rd, input flush,").replace(
        "    else if (do_w && !do_r)", "    else if (flush) begin level <= 4'd0; full <= 1'b0; end\n"
                                     "    else if (do_w && !do_r)")
    an, _p, _c = _regfunc(tmp_path, text, "lvl")
    assert not [r for r in an.relations if r.op == "cat"]


# ---- magnitude comparisons against the proven top value -> equalities -------------------------

def _rw():
    from rtlopt.templates._regwidth import RegisterWidthReduction

    return RegisterWidthReduction()


HOLD = """
module hold(input clk, input rst, input same, output done, output reg busy);
  reg [9:0] c;
  always @(posedge clk)
    if (rst) c <= 10'd0;
    else if (!same) c <= 10'd0;
    else if (c < 10'd600) c <= c + 10'd1;
  assign done = 10'd600 <= c;
  always @* busy = c < 10'd600;
endmodule
"""


def test_top_value_magnitude_compares_become_equalities(tmp_path):
    rw = _rw()
    ms = [m for m in rw.match(HOLD) if "against its top value" in m.description]
    assert len(ms) == 1, [m.description for m in rw.match(HOLD)]
    new = rw.rewrite(HOLD, ms)
    assert "else if (c != 10'd600)" in new and "assign done = 10'd600 == c;" in new
    assert "always @* busy = c != 10'd600;" in new
    assert _verify(tmp_path, HOLD, new, "hold") == 0


def test_magnitude_compare_of_an_unbounded_register_stays():
    # c can pass 600 (it counts freely when 'same' holds): '>=' is not '=='
    text = HOLD.replace("else if (c < 10'd600) c <= c + 10'd1;", "else c <= c + 10'd1;")
    assert not [m for m in _rw().match(text) if "against its top value" in m.description]


# ---- parity over a delay line kept incrementally (semantic/incparity) ---------------------------

def _incparity(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import incparity

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    return [(n[p], d) for n, d in incparity.candidates_for({p: text}, top)]


# word level, one process per stage, a declaration assignment, 12-bit words, 3 stages
STAGES = """
module st3(input clk, input arst, input en, input [11:0] d, output [11:0] tail, output chk);
  reg [11:0] s0, s1, s2;
  always @(posedge clk or posedge arst) if (arst) s0 <= 12'h0; else if (en) s0 <= d;
  always @(posedge clk or posedge arst) if (arst) s1 <= 12'h0; else if (en) s1 <= s0;
  always @(posedge clk or posedge arst) if (arst) s2 <= 12'h0; else if (en) s2 <= s1;
  wire chk_w = ^{s2, s1, s0};
  assign chk = chk_w;
  assign tail = s2;
endmodule
"""

# bit level, no enable, an even-parity (XNOR) output, an unrolled gate chain over a 6-tap line
TAPS = """
module taps(input clk, input rst_n, input b, output even);
  reg t0, t1, t2, t3, t4, t5;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin t0 <= 1'b0; t1 <= 1'b1; t2 <= 1'b0; t3 <= 1'b0; t4 <= 1'b0; t5 <= 1'b0; end
    else begin t0 <= b; t1 <= t0; t2 <= t1; t3 <= t2; t4 <= t3; t5 <= t4; end
  assign even = ~(t0 ^ t1 ^ t2 ^ t3 ^ t4 ^ t5);
endmodule
"""


def test_stage_parity_kept_incrementally(tmp_path):
    got = _incparity(tmp_path, STAGES, "st3")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "parity of 36 register bits" in desc and "24 bits enter/leave" in desc
    assert "always @(posedge clk or posedge arst)" in new
    assert "else if (en) rtlopt_par0 <= rtlopt_par0 ^ (^d) ^ (^s2);" in new
    # the net the reduction is computed on, not its alias 'chk'
    assert "wire chk_w = rtlopt_par0;" in new and "assign chk = chk_w;" in new


def test_bit_taps_even_parity_no_enable(tmp_path):
    got = _incparity(tmp_path, TAPS, "taps")
    assert len(got) == 1, got
    new = got[0][0]
    # reset parity 1 (t1 resets to 1); the output is the inverse; b enters, t5 leaves
    assert "if (!rst_n) rtlopt_par0 <= 1'b1;" in new and "else rtlopt_par0 <= rtlopt_par0 ^ b ^ t5;" in new
    assert "assign even = ~rtlopt_par0;" in new
    assert _verify(tmp_path, TAPS, new, "taps") == 0


def test_parity_with_a_stage_on_another_enable_is_not_incremental(tmp_path):
    # s1 also loads when 'en' is low but 'fill' is high: no common enable, the bits entering and
    # leaving are not the same every cycle
    text = STAGES.replace("input en,", "input en, input fill,").replace(
        "else if (en) s1 <= s0;", "else if (en | fill) s1 <= s0;")
    assert _incparity(tmp_path, text, "st3") == []


# ---- a register kept in the encoding its update decodes it to (semantic/reencode) -------------

# 12 bits, an up/down Gray counter with a synchronous clear, unrolled encode, loop decode
UPDOWN_GRAY = """
module ud_gray(input clk, input clr, input up, input dn, output reg [11:0] pos);
  function [11:0] enc;
    input [11:0] v;
    begin
      enc = {v[11], v[11:1] ^ v[10:0]};
    end
  endfunction
  function [11:0] dec;
    input [11:0] c;
    integer j;
    begin
      dec[11] = c[11];
      for (j = 10; j >= 0; j = j - 1) dec[j] = dec[j + 1] ^ c[j];
    end
  endfunction
  always @(posedge clk) begin
    if (clr) pos <= 12'h000;
    else if (up) pos <= enc(dec(pos) + 12'd1);
    else if (dn) pos <= enc(dec(pos) - 12'd1);
  end
endmodule
"""


def _reencode(tmp_path: Path, text: str, top: str):
    from rtlopt.semantic import reencode

    p = tmp_path / f"{top}.v"
    p.write_text(text)
    return [(n[p], d) for n, d in reencode.candidates_for({p: text}, top)]


def test_gray_up_down_counter_kept_in_binary(tmp_path):
    got = _reencode(tmp_path, UPDOWN_GRAY, "ud_gray")
    assert len(got) == 1, got
    new = got[0][0]
    assert "reg [11:0] rtlopt_enc0;" in new and "if (clr) rtlopt_enc0 <= dec(12'h000);" in new
    assert "else if (up) rtlopt_enc0 <= rtlopt_enc0 + 12'd1;" in new
    assert "else if (dn) rtlopt_enc0 <= rtlopt_enc0 - 12'd1;" in new and "always @* pos = enc(rtlopt_enc0);" in new
    assert _verify(tmp_path, UPDOWN_GRAY, new, "ud_gray") == 0


@pytest.mark.parametrize("change", [
    # the "decode" is not the inverse of the encode (x ^ x >> 2 undoes nothing): no candidate
    ("dec[j] = dec[j + 1] ^ c[j];", "dec[j] = c[j] ^ ((j < 10) ? c[j + 2] : 1'b0);"),
    # a raw load of the register besides the encoded updates
    ("if (clr) pos <= 12'h000;", "if (clr) pos <= {up, dn, 10'd0};"),
])
def test_reencoding_lookalikes_are_not_proposed(tmp_path, change):
    text = UPDOWN_GRAY.replace(*change)
    assert text != UPDOWN_GRAY
    assert _reencode(tmp_path, text, "ud_gray") == []


# a registered 'empty' next to 'full': empty == !full && wp == rp (a comparison gated by a flag)
LEVEL_FLAGS = LEVEL_FULL.replace("output full_o);", "output full_o, output empty_o);").replace(
    "  reg full;\n", "  reg full;\n  reg empty;\n").replace(
    "wire do_r = rd & (level != 4'd0);", "wire do_r = rd & ~empty;").replace(
    "if (!rst_n) begin level <= 4'd0; full <= 1'b0; end",
    "if (!rst_n) begin level <= 4'd0; full <= 1'b0; empty <= 1'b1; end").replace(
    "full <= level == 4'd7; end", "full <= level == 4'd7; empty <= 1'b0; end").replace(
    "full <= 1'b0; end\n  assign", "full <= 1'b0; empty <= level == 4'd1; end\n  assign").replace(
    "  assign full_o = full;\n", "  assign full_o = full;\n  assign empty_o = empty;\n")


def test_empty_flag_is_gated_pointer_compare(tmp_path):
    assert "empty <= level == 4'd1;" in LEVEL_FLAGS and "assign empty_o = empty;" in LEVEL_FLAGS
    an, p, cands = _regfunc(tmp_path, LEVEL_FLAGS, "lvl")
    # (full == !empty && wp == rp holds too: the selection never takes both, one reads the other)
    gated = [r for r in an.relations if r.gate and r.target == "empty"]
    assert gated and all(r.gate == (("full", 0, 1, 0),) for r in gated), gated
    assert {(r.op, r.k, frozenset((r.base, r.base2))) for r in gated} >= {("eq", 0, frozenset(("wp", "rp")))}
    new = [n[p] for n, d in cands if "'empty' ==" in d and "'level' ==" in d]
    assert new, [d for _, d in cands]
    assert "always @* level = {full, wp - rp};" in new[0]
    assert ("always @* empty = (!full && (wp == rp));" in new[0]
            or "always @* empty = (!full && (rp == wp));" in new[0])
    assert _verify(tmp_path, LEVEL_FLAGS, new[0], "lvl") == 0


def test_lagging_empty_flag_is_not_a_gated_compare(tmp_path):
    # 'empty' is set one cycle late after the last pop (it follows the level it saw): one cycle differs
    text = LEVEL_FLAGS.replace("empty <= level == 4'd1; end", "empty <= level == 4'd0; end")
    an, _p, _c = _regfunc(tmp_path, text, "lvl")
    assert not [r for r in an.relations if r.target == "empty"]


# two processes: the decoded pointer and the next state are wires, the register loads the wire
TWO_PROC_GRAY = """
module gptr(input clk, input rst, input adv, output [9:0] gptr_o, output [9:0] bptr_o);
  function [9:0] bin2gray;
    input [9:0] b;
    bin2gray = b ^ {1'b0, b[9:1]};
  endfunction
  function [9:0] gray2bin;
    input [9:0] g;
    integer i;
    begin
      gray2bin = g;
      for (i = 8; i >= 0; i = i - 1) gray2bin[i] = gray2bin[i + 1] ^ g[i];
    end
  endfunction
  reg  [9:0] gray_q;
  wire [9:0] bin_cur = gray2bin(gray_q);
  wire [9:0] gray_nx = bin2gray(bin_cur + 10'd1);
  always @(posedge clk)
    if (rst) gray_q <= 10'd0;
    else if (adv) gray_q <= gray_nx;
  assign gptr_o = gray_q;
  assign bptr_o = bin_cur;
endmodule
"""


def test_two_process_gray_pointer_kept_in_binary(tmp_path):
    got = _reencode(tmp_path, TWO_PROC_GRAY, "gptr")
    assert len(got) == 1, got
    new = got[0][0]
    assert "wire [9:0] bin_cur = rtlopt_enc0;" in new and "else if (adv) rtlopt_enc0 <= bin_cur + 10'd1;" in new
    assert new.index("reg [9:0] rtlopt_enc0;") < new.index("wire [9:0] bin_cur")
    assert "always @* gray_q = bin2gray(rtlopt_enc0);" in new


# ---- variable-index array writes unrolled with the index known (semantic/memunroll) ------------

# 4 entries; entry 2 is write-protected through the data path; reads through a case
BANK = """
module bank4(input clk, input rst, input wen, input [1:0] wa, input [7:0] wd, input [1:0] ra, output reg [7:0] q);
  reg [7:0] mem [0:3];
  integer n;
  always @(posedge clk)
    if (rst) begin
      for (n = 0; n < 4; n = n + 1) mem[n] <= 8'h00;
    end else if (wen)
      mem[wa] <= (wa == 2'd2) ? mem[2] : wd ^ {6'd0, wa};
  always @* case (ra) 2'd0: q = mem[0]; 2'd1: q = mem[1]; 2'd2: q = mem[2]; default: q = mem[3]; endcase
endmodule
"""


def _memunroll(text: str):
    from rtlopt.semantic import memunroll

    return [(d, eds) for d, eds in memunroll.find_edits(text)]


def test_variable_index_write_unrolled_with_known_index(tmp_path):
    from rtlopt.hdl.edit import apply_edits

    got = _memunroll(BANK)
    assert len(got) == 1, got
    new = apply_edits(BANK, got[0][1])
    assert "if (wa == 2'd2) mem[2] <= (2'd2 == 2'd2) ? mem[2] : wd ^ {6'd0, 2'd2};" in new
    assert "if (wa == 2'd0) mem[0] <= (2'd0 == 2'd2) ? mem[2] : wd ^ {6'd0, 2'd0};" in new
    assert "mem[n] <= 8'h00;" in new  # the reset loop (integer index) is left alone
    assert _verify(tmp_path, BANK, new, "bank4") == 0


def test_bit_selected_index_is_not_substituted():
    text = BANK.replace("wd ^ {6'd0, wa}", "wd ^ {7'd0, wa[0]}")
    assert _memunroll(text) == []


def test_write_data_independent_of_the_index_is_not_unrolled():
    # a plain storage write (a FIFO's RAM): nothing to evaluate per element, no candidate
    text = BANK.replace("(wa == 2'd2) ? mem[2] : wd ^ {6'd0, wa}", "wd")
    assert "mem[wa] <= wd;" in text and _memunroll(text) == []


# the window in a submodule with two instances: one edit of the submodule serves both
LANES = """
module lane_win (input clk, input rst_n, input vld, input [7:0] rx, output par, output [7:0] oldest);
  reg [7:0] w0, w1, w2, w3;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin w0 <= 8'd0; w1 <= 8'd0; w2 <= 8'd0; w3 <= 8'd0; end
    else if (vld) begin w0 <= rx; w1 <= w0; w2 <= w1; w3 <= w2; end
  assign par = ^{w3, w2, w1, w0};
  assign oldest = w3;
endmodule

module two_lanes (input clk, input rst_n, input va, input vb, input [7:0] a, input [7:0] b,
                  output pa, output pb, output [7:0] oa, output [7:0] ob);
  lane_win la (.clk(clk), .rst_n(rst_n), .vld(va), .rx(a), .par(pa), .oldest(oa));
  lane_win lb (.clk(clk), .rst_n(rst_n), .vld(vb), .rx(b), .par(pb), .oldest(ob));
endmodule
"""


def test_parity_in_submodule_instances_kept_incrementally(tmp_path):
    got = _incparity(tmp_path, LANES, "two_lanes")
    assert len(got) == 1, got
    new = got[0][0]
    sub = new[:new.index("module two_lanes")]
    assert "else if (vld) rtlopt_par0 <= rtlopt_par0 ^ (^rx) ^ (^" in sub and "assign par = rtlopt_par0;" in sub
    assert new[new.index("module two_lanes"):] == LANES[LANES.index("module two_lanes"):]
    assert _verify(tmp_path, LANES, new, "two_lanes") == 0


def test_parity_with_synchronous_reset_and_odd_reset_parity(tmp_path):
    # one always block, synchronous reset, s1 resets to 4'h4 (odd): the parity register resets to 1
    text = ("module st3s(input clk, input rst, input en, input [3:0] d, output chk);\n"
            "  reg [3:0] s0, s1, s2;\n"
            "  always @(posedge clk)\n"
            "    if (rst) begin s0 <= 4'h0; s1 <= 4'h4; s2 <= 4'h0; end\n"
            "    else if (en) begin s0 <= d; s1 <= s0; s2 <= s1; end\n"
            "  assign chk = ^{s2, s1, s0};\nendmodule\n")
    got = _incparity(tmp_path, text, "st3s")
    assert len(got) == 1, got
    new = got[0][0]
    assert "always @(posedge clk)\n      if (rst) rtlopt_par0 <= 1'b1;\n" in new
    assert "else if (en) rtlopt_par0 <= rtlopt_par0 ^ (^d) ^ (^s2);" in new
    assert _verify(tmp_path, text, new, "st3s") == 0
