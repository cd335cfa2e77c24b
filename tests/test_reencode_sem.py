"""Registers kept in the encoding their update uses, recognised on the gate netlist
(semantic/reencode.semantic_find): a named word that is a bijection D of the register alone (Gray
decode, complement, offset, bit permutation ...) and updates whose decoded value is a word the module
already computes. Positives in five coding styles (designs/generalization/seqredundancy/reenc_*),
proven sequentially; near misses that must not fire or must be refuted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization" / "seqredundancy"


def _verify(tmp_path: Path, a_text: str, b_text: str, top: str, ext: str = ".v") -> int:
    a, b = tmp_path / f"{top}_a{ext}", tmp_path / f"{top}_b{ext}"
    a.write_text(a_text)
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=300)
    return r.returncode


def _cands(tmp_path: Path, text: str, top: str, ext: str = ".v"):
    from rtlopt.semantic import reencode

    p = tmp_path / f"{top}{ext}"
    p.write_text(text)
    return [(n[p], d) for n, d in reencode.candidates_for({p: text}, top)]


@pytest.mark.parametrize("case, top, kind, must", [
    ("reenc_gray_loop_v", "wheel_pos", "Gray to binary",
     ["rtlopt_enc0 <= 8'h80;", "always @* bin = rtlopt_enc0;", "rtlopt_enc0 <= bnext;",
      "always @* code = (rtlopt_enc0 ^ (rtlopt_enc0 >> 1));"]),
    ("reenc_gray_gen_sv", "frame_ptr", "Gray to binary",
     ["assign bptr = rtlopt_enc0;", "else if (adv)      rtlopt_enc0 <= bsum;"]),
    ("reenc_split_inst_v", "scan_pos", "Gray to binary",
     [".b(rtlopt_enc0_dec)", "assign bpos = rtlopt_enc0;", "else     rtlopt_enc0 <= bnext;"]),
    ("reenc_gray_mask_sv", "tdm_slot", "Gray to binary",
     ["if (!rst_n) rtlopt_enc0 <= 11'h400;", "always @* slot_b = rtlopt_enc0;", "rtlopt_enc0 <= slot_nx;"]),
    ("reenc_child_reg_v", "ring_gray", "Gray to binary",
     [".d(bn), .q(rtlopt_enc0)", "always @* b = rtlopt_enc0;", "assign g = (rtlopt_enc0 ^ (rtlopt_enc0 >> 1));"]),
    ("reenc_left_count_sv", "slot_pool", "24 - x",
     ["if (!rst_n) rtlopt_enc0 <= 5'h0;", "assign used = rtlopt_enc0;", "always @* left = (5'd24 - rtlopt_enc0);"]),
    ("reenc_offset_v", "temp_track", "x - 40",
     ["if (rst)      rtlopt_enc0 <= 8'h19;", "always @* biased = (rtlopt_enc0 + 8'd40);"]),
])
def test_register_kept_decoded_is_proven(tmp_path, case, top, kind, must):
    src = next((GEN / case).glob("original.*"))
    text = src.read_text()
    got = _cands(tmp_path, text, top, src.suffix)
    assert len(got) == 1, [d for _n, d in got]
    new, desc = got[0]
    assert kind in desc, desc
    for m in must:
        assert m in new, (m, new)
    assert _verify(tmp_path, text, new, top, src.suffix) == 0


# a level kept inverted (reset 12'hF3F): complement decode, complement encode. It fires and is proven;
# whether it pays is the measurement's call (inverters are nearly free after mapping)
CPL_LEVEL = """
// Credit level kept inverted (an active-low bus convention): every cycle the level is recovered,
// credits are added / consumed, and the result is inverted back into the register.
module credit_inv (
    input  logic        clk,
    input  logic        rst,
    input  logic        give,
    input  logic        take,
    input  logic [2:0]  amt,
    output logic [11:0] level_n,
    output logic        low
);
    logic [11:0] level, level_nx;
    assign level = ~level_n;
    always_comb begin
        level_nx = level;
        if (give)      level_nx = level + {9'd0, amt};
        else if (take) level_nx = level - 12'd1;
    end
    always_ff @(posedge clk) begin
        if (rst) level_n <= 12'hF3F;   // 12'h0C0 credits at reset
        else     level_n <= ~level_nx;
    end
    assign low = level < 12'd16;
endmodule
"""


def test_complement_stored_register_fires_and_is_proven(tmp_path):
    got = _cands(tmp_path, CPL_LEVEL, "credit_inv", ".sv")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "complement" in desc and "if (rst) rtlopt_enc0 <= 12'hc0;" in new
    assert "always @* level_n = (~rtlopt_enc0);" in new and "else     rtlopt_enc0 <= level_nx;" in new
    assert _verify(tmp_path, CPL_LEVEL, new, "credit_inv", ".sv") == 0


# restyles: the encode written inline (no next-state wire: the decoded value is a parenthesized
# part of the update), the decode as XORs of shifted copies; a bit-reversed register
INLINE_GRAY = """
module tick_gray(input clk, input rst, input go, output reg [5:0] g, output [5:0] b);
  assign b = g ^ (g >> 1) ^ (g >> 2) ^ (g >> 3) ^ (g >> 4) ^ (g >> 5);
  always @(posedge clk)
    if (rst) g <= 6'd0;
    else if (go) g <= (b + 6'd3) ^ ((b + 6'd3) >> 1);
endmodule
"""

REVERSED = """
module rev_cnt(input clk, input rst, input en, output reg [4:0] r, output [4:0] n);
  assign n = {r[0], r[1], r[2], r[3], r[4]};
  wire [4:0] m = n + 5'd1;
  always @(posedge clk)
    if (rst) r <= 5'b00011;
    else if (en) r <= {m[0], m[1], m[2], m[3], m[4]};
endmodule
"""


def test_inline_encode_restyle_fires_and_is_proven(tmp_path):
    got = _cands(tmp_path, INLINE_GRAY, "tick_gray")
    assert len(got) == 1, got
    new = got[0][0]
    assert "else if (go) rtlopt_enc0 <= (b + 6'd3);" in new and "assign b = rtlopt_enc0;" in new
    assert _verify(tmp_path, INLINE_GRAY, new, "tick_gray") == 0


# the whole update in one statement: encode spelled inline around a decode function called four times
FN_INLINE = """
module fn_gray(input clk, input rst, input en, input up, output reg [6:0] g);
  function [6:0] g2b;
    input [6:0] x;
    integer i;
    begin
      g2b = x;
      for (i = 5; i >= 0; i = i - 1) g2b[i] = g2b[i + 1] ^ x[i];
    end
  endfunction
  always @(posedge clk)
    if (rst) g <= 7'd5;
    else if (en) g <= (up ? g2b(g) + 7'd1 : g2b(g) - 7'd1) ^ ((up ? g2b(g) + 7'd1 : g2b(g) - 7'd1) >> 1);
endmodule
"""


def test_one_statement_update_with_decode_calls_is_proven(tmp_path):
    got = _cands(tmp_path, FN_INLINE, "fn_gray")
    assert len(got) == 1, got
    new = got[0][0]
    assert "if (rst) rtlopt_enc0 <= 7'h6;" in new  # Gray 5 is binary 6
    assert "rtlopt_enc0 <= (up ? rtlopt_enc0 + 7'd1 : rtlopt_enc0 - 7'd1);" in new
    assert _verify(tmp_path, FN_INLINE, new, "fn_gray") == 0


# no decode word and no function: the decode written out (XORs of shifted copies) inside the update
XOR_INLINE = """
module ix_gray(input clk, input rst, input en, output reg [4:0] g);
  always @(posedge clk)
    if (rst) g <= 5'd0;
    else if (en) g <= (((g ^ (g >> 1) ^ (g >> 2) ^ (g >> 3) ^ (g >> 4)) + 5'd1) >> 1)
                      ^ ((g ^ (g >> 1) ^ (g >> 2) ^ (g >> 3) ^ (g >> 4)) + 5'd1);
endmodule
"""


def test_decode_written_out_in_the_update_is_proven(tmp_path):
    got = _cands(tmp_path, XOR_INLINE, "ix_gray")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "an inline decode" in desc and "else if (en) rtlopt_enc0 <= (rtlopt_enc0 + 5'd1);" in new
    assert _verify(tmp_path, XOR_INLINE, new, "ix_gray") == 0


# a body localparam in the range (the new register is declared after the old one), decode bits as
# XOR reductions of slices in a generate loop
LP_SLICE = """
module lp_gray(input clk, input rst, input en, output [5:0] go);
  localparam W = 6;
  reg [W-1:0] g;
  wire [W-1:0] b;
  genvar i;
  generate for (i = 0; i < W; i = i + 1) begin : d
    assign b[i] = ^g[W-1:i];
  end endgenerate
  wire [W-1:0] bn = b + 1'b1;
  always @(posedge clk)
    if (rst) g <= 0;
    else if (en) g <= bn ^ (bn >> 1);
  assign go = g;
endmodule
"""


def test_localparam_range_and_slice_reductions(tmp_path):
    got = _cands(tmp_path, LP_SLICE, "lp_gray")
    assert len(got) == 1, got
    new = got[0][0]
    assert new.index("reg [W-1:0] rtlopt_enc0;") > new.index("localparam W = 6;")
    assert "assign b = rtlopt_enc0;" in new and "else if (en) rtlopt_enc0 <= bn;" in new
    assert _verify(tmp_path, LP_SLICE, new, "lp_gray") == 0


def test_bit_reversed_register_fires_and_is_proven(tmp_path):
    got = _cands(tmp_path, REVERSED, "rev_cnt")
    assert len(got) == 1, got
    new, desc = got[0]
    assert "bit permutation" in desc and "rtlopt_enc0 <= m;" in new
    assert _verify(tmp_path, REVERSED, new, "rev_cnt") == 0


@pytest.mark.parametrize("change", [
    # the encode is not the inverse of the decode (x ^ x >> 2): D(next) is no word of the module
    ("wire [7:0] gnext = {bnext[7], bnext[7:1] ^ bnext[6:0]};",
     "wire [7:0] gnext = bnext ^ (bnext >> 2);"),
    # the update reads the raw register besides its decode: the loop would need the encode again
    ("code <= gnext;", "code <= gnext ^ {7'd0, code[3]};"),
    # the register is updated raw (a binary counter), only read through the decode
    ("code <= gnext;", "code <= code + 8'd1;"),
    # the 'decode' is not a bijection (an OR of shifted copies): nothing to keep
    ("bin[i] = bin[i + 1] ^ code[i];", "bin[i] = bin[i + 1] | code[i];"),
])
def test_near_misses_do_not_fire(tmp_path, change):
    text = (GEN / "reenc_gray_loop_v" / "original.v").read_text()
    assert change[0] in text
    assert _cands(tmp_path, text.replace(*change), "wheel_pos") == []


@pytest.mark.parametrize("change", [
    # the child resets to a code whose binary image differs (the child is not rewritten): no candidate
    ("if (rst) q <= {W{1'b0}};", "if (rst) q <= {1'b1, {(W-1){1'b0}}};"),
    # the child adds to what it loads: not a plain register of the data input
    ("else if (en) q <= d;", "else if (en) q <= d + q;"),
])
def test_child_register_near_misses(tmp_path, change):
    text = (GEN / "reenc_child_reg_v" / "original.v").read_text()
    assert change[0] in text
    assert _cands(tmp_path, text.replace(*change), "ring_gray") == []


def test_reset_image_is_required(tmp_path):
    # the complement-stored level resets to 12'hF3F; the decoded register must reset to its image
    # 12'h0C0: the same rewrite keeping the raw reset value is refuted by the proof
    text = CPL_LEVEL
    new = _cands(tmp_path, text, "credit_inv", ".sv")[0][0]
    wrong = new.replace("rtlopt_enc0 <= 12'hc0;", "rtlopt_enc0 <= 12'hF3F;")
    assert wrong != new
    assert _verify(tmp_path, text, wrong, "credit_inv", ".sv") not in (0,)
