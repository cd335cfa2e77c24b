"""ocsum (word_level_lifting): a chain/tree of end-around-carry additions (found by value over the
elaborated module, in any spelling) becomes one wide sum whose carries are folded once at the end.
A plain two's-complement chain, and a modulo-(2^n-1) sum that maps all-ones to zero, are not offered.
Proven."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design

# 8-bit words, end-around carry spelled as a concatenated carry-out fed back, in an always block
BYTES = """module bsum(input [7:0] b0, input [7:0] b1, input [7:0] b2, input [7:0] b3, output reg [7:0] s);
  reg [7:0] acc;
  reg c;
  always @* begin
    acc = b0;
    {c, acc} = acc + b1;  acc = acc + c;
    {c, acc} = acc + b2;  acc = acc + c;
    {c, acc} = acc + b3;  acc = acc + c;
    s = acc;
  end
endmodule
"""

# 16-bit words of one packed input, a tree of calls of an end-around-carry function, complemented
TREE = """module csum(input [63:0] w, output [15:0] ck);
  function [15:0] oca(input [15:0] a, input [15:0] b);
    reg [16:0] t;
    begin
      t = a + b;
      oca = t[15:0] + t[16];
    end
  endfunction
  wire [15:0] l = oca(w[15:0], w[31:16]);
  wire [15:0] r = oca(w[47:32], w[63:48]);
  assign ck = ~oca(l, r);
endmodule
"""

PLAIN = BYTES.replace("  acc = acc + c;", "")  # carries dropped: a two's-complement sum
MOD = TREE.replace("oca = t[15:0] + t[16];", "oca = (t >= 17'hFFFF) ? t - 17'hFFFF : t;")  # 0xFFFF -> 0


def _rw(tmp_path: Path, name: str, text: str):
    from rtlopt.semantic.ocsum import rewrites

    p = tmp_path / name
    p.write_text(text)
    return rewrites({p: text})


def _proven(tmp_path: Path, name: str, gold: str, gate: str) -> str:
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", gold), ("gate", gate)):
        (tmp_path / d).mkdir(exist_ok=True)
        (tmp_path / d / name).write_text(t)
    return check_equivalence(open_design(tmp_path / "gold" / name), open_design(tmp_path / "gate" / name),
                             VerifyOptions(timeout_s=120)).verdict.name


def test_oc_value_is_the_chain():
    from rtlopt.semantic.ocsum import oc_value

    def chain(ws, n):
        m = (1 << n) - 1
        s = 0
        for x in ws:
            s = s + x
            s = (s & m) + (s >> n)
        return s

    for ws in ([0, 0, 0], [0xFF, 0, 0], [0xFF, 0xFF, 0xFF], [1, 0xFE, 0], [0x80, 0x80, 0x7F], [3, 5, 250]):
        assert oc_value(sum(ws), 8) == chain(ws, 8), ws


@pytest.mark.yosys
def test_always_chain_folded(tmp_path: Path):
    got = _rw(tmp_path, "b.v", BYTES)
    assert got, "no rewrite"
    new = got[0][1]
    assert "b0 + b1 + b2 + b3;" in new and "{c, acc}" not in new, new
    assert _proven(tmp_path, "b.v", BYTES, new) == "EQUIVALENT"


@pytest.mark.yosys
def test_function_tree_folded_complemented(tmp_path: Path):
    got = _rw(tmp_path, "t.v", TREE)
    assert got, "no rewrite"
    new = got[0][1]
    assert "w[15:0] + w[31:16] + w[47:32] + w[63:48];" in new and "assign ck = ~(" in new, new
    assert "oca(l, r)" not in new


@pytest.mark.yosys
def test_twos_complement_chain_not_folded(tmp_path: Path):
    assert _rw(tmp_path, "p.v", PLAIN) == []


@pytest.mark.yosys
def test_modulo_sum_not_folded(tmp_path: Path):
    assert _rw(tmp_path, "m.v", MOD) == []


# 12-bit words, the end-around chain in net declarations, its final word read by two outputs
SHARED = """module pkt(input [47:0] p, input en, output [11:0] sum_n, output good);
  wire [12:0] s0 = p[11:0] + p[23:12];
  wire [11:0] e0 = s0[11:0] + s0[12];
  wire [12:0] s1 = e0 + p[35:24];
  wire [11:0] e1 = s1[11:0] + s1[12];
  wire [12:0] s2 = e1 + p[47:36];
  wire [11:0] acc = s2[11:0] + s2[12];
  assign sum_n = ~acc;
  assign good = en && acc == 12'hfff;
endmodule
"""


@pytest.mark.yosys
def test_shared_chain_word_rewritten_for_every_reader(tmp_path: Path):
    got = _rw(tmp_path, "s.v", SHARED)
    new = next((t for _p, t, d in got if d.startswith("acc =")), None)
    assert new is not None, [d for _p, _t, d in got]
    # the shared word itself takes the folded sum: both readers stay, the chain is gone
    assert "p[11:0] + p[23:12] + p[35:24] + p[47:36];" in new and "s1[12]" not in new, new
    assert "assign sum_n = ~acc;" in new and "acc == 12'hfff" in new
    assert _proven(tmp_path, "s.v", SHARED, new) == "EQUIVALENT"
