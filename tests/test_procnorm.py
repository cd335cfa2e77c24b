"""Procedural normalization (rtlopt.semantic.procnorm): one view of a register's update and of a loop
sum whatever the coding style -- two-process next-state blocks inlined into their clocked block,
one-register-per-block clocked blocks with the same clock and reset merged, sums accumulated in a
constant-bound procedural loop written as one '+' chain. The pingpong / modacc / sumshare generators
run on this view when the user's text gives them nothing (tests/test_pingpong_restyle.py,
tests/test_modacc_restyle.py, tests/test_sumshare_restyle.py). Here: what is rewritten, what must not
be (near misses), and that the normalized text is proven equivalent (real Yosys)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.procnorm import normalize, unroll_sums

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization"
TWOPROC = (GEN / "datapath" / "modacc_twoproc_sv" / "original.sv").read_text()
TWOBLOCK = (GEN / "seqredundancy" / "pingpong_twoblock_v" / "original.v").read_text()
LOOP_V = (GEN / "sharing" / "sumshare_loop_v" / "original.v").read_text()
LOOP_SV = (GEN / "sharing" / "sumshare_loop_sv" / "original.sv").read_text()


def test_two_process_inlined():
    n = normalize(TWOPROC, "d.sv")
    assert n is not None and "always_comb begin" not in n
    assert "acc_q <= acc_q + 10'(d);" in n and "cnt_q <= cnt_q + 6'd1;" in n
    assert "acc_q <= acc_n" not in n and "acc_n = acc_q" not in n


def test_two_blocks_merged_with_their_enable():
    n = normalize(TWOBLOCK, "d.v")
    assert n is not None and n.count("always @(posedge clk or negedge rst_n)") == 1
    assert n.count("if (tick)") == 1  # the two enables become one


# the common spelling that reads the next value after its default: acc_n = acc_q; ... acc_n = acc_n + d;
SELF_READ = TWOPROC.replace("acc_n = acc_q + 10'(d);", "acc_n = acc_n + 10'(d);").replace(
    "cnt_n = cnt_q + 6'd1;", "cnt_n = cnt_n + 6'd1;")


def test_reads_after_the_default_are_the_register():
    assert SELF_READ != TWOPROC
    n = normalize(SELF_READ, "d.sv")
    assert n is not None and "always_comb begin" not in n
    assert "acc_q <= acc_q + 10'(d);" in n and "cnt_q <= cnt_q + 6'd1;" in n


@pytest.mark.parametrize("base,edit", [
    # the next value is read by an output too
    (TWOPROC, ("    assign zero", "    assign nxt0 = acc_n[0];\n    assign zero")),
    # the next-state block reads its own next value after an update (not the register's value)
    (TWOPROC, ("        if (clr) begin",
               "        if (dv) acc_n = acc_q + 10'd1;\n        if (clr) acc_n = acc_n;\n        if (clr) begin")),
    # a next value not assigned on every path (no top-level default): a latch, not a hold
    (TWOPROC, ("        acc_n = acc_q;\n", "")),
    # a read after a write that is not the default sees the new value: not the register
    (SELF_READ, ("            acc_n = acc_n + 10'(d);",
                 "            acc_n = acc_n + 10'(d);\n            acc_n = acc_n + 10'd1;")),
    # a read before any default
    (SELF_READ, ("        acc_n = acc_q;\n", "        acc_n = acc_n;\n")),
], ids=["next_read_elsewhere", "next_reads_update", "no_default", "read_after_update", "read_before_default"])
def test_two_process_near_misses(base, edit):
    t = base.replace(*edit)
    assert t != base
    n = normalize(t, "d.sv")
    assert n is None or "always_comb begin" in n


@pytest.mark.parametrize("edit", [
    # another test in the second block (its reset arm is not the first block's)
    ("        if (!rst_n)\n            dn <= 1'b0;\n        else if (tick)", "        if (tick)\n            dn <= 1'b0;\n        else if (!rst_n)"),
    ("    always @(posedge clk or negedge rst_n)\n        if (!rst_n)\n            dn",
     "    always @(negedge clk or negedge rst_n)\n        if (!rst_n)\n            dn"),
    ("if (dn && level == 6'd0) dn <= 1'b0;", "if (dn && level == 6'd0) dn = 1'b0;"),
], ids=["other_test", "other_clock_edge", "blocking_write"])
def test_merge_near_misses(edit):
    t = TWOBLOCK.replace(*edit)
    assert t != TWOBLOCK
    n = normalize(t, "d.v")
    assert n is None or n.count("always @(") == 2


def test_loop_sums_unrolled():
    a = unroll_sums(LOOP_V, "d.v")
    assert a is not None and "cnt = taps[0] + taps[1] + taps[2] + taps[3] + taps[4];" in a and "for (" in a
    b = unroll_sums(LOOP_SV, "d.sv")
    assert b is not None and "n = win[0] + win[1] + win[2] + win[3] + win[5] + win[6] + win[7] + win[8];" in b


@pytest.mark.parametrize("edit", [
    ("cnt = cnt + taps[i];", "cnt = cnt ^ taps[i];"),          # a parity, not a sum
    ("i < 5;", "i < lim;"),                                    # a bound that is no constant
    ("cnt = cnt + taps[i];", "cnt = cnt + taps[i] + cnt[0];"),  # the addend reads the sum
], ids=["xor", "variable_bound", "reads_sum"])
def test_loop_near_misses(edit):
    t = LOOP_V.replace(*edit)
    assert t != LOOP_V
    assert unroll_sums(t, "d.v") is None


@pytest.mark.yosys
def test_self_read_view_is_equivalent_and_kept_reduced(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.semantic.modacc import candidates_for
    from rtlopt.verify import VerifyOptions, check_equivalence

    f = tmp_path / "d.sv"
    f.write_text(SELF_READ)
    g = tmp_path / "gate.sv"
    g.write_text(normalize(SELF_READ, str(f)))
    assert check_equivalence(DesignRef([f], "mod11_sum"), DesignRef([g], "mod11_sum"),
                             VerifyOptions(timeout_s=300)).verdict == "EQUIVALENT"
    got = candidates_for({f: SELF_READ}, "mod11_sum", 60.0)
    assert got and "remainder mod 11" in got[0][1]


@pytest.mark.yosys
@pytest.mark.parametrize("name,top,fn", [("datapath/modacc_twoproc_sv", "mod11_sum", normalize),
                                         ("seqredundancy/pingpong_twoblock_v", "breathe", normalize),
                                         ("sharing/sumshare_loop_sv", "seeds_row", unroll_sums)],
                         ids=["inline", "merge", "unroll"])
def test_normalized_view_is_equivalent(tmp_path, name, top, fn):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    src = next((GEN / name).glob("original.*"))
    n = fn(src.read_text(), str(src))
    assert n is not None
    g = tmp_path / ("gate" + src.suffix)
    g.write_text(n)
    assert check_equivalence(DesignRef([src], top), DesignRef([g], top),
                             VerifyOptions(timeout_s=300)).verdict == "EQUIVALENT"


def test_merged_block_stands_after_the_declarations_it_reads():
    # the second block reads a wire declared between the two: the merged block takes the second's place
    text = """module m(input clk, input rst, input [3:0] a, output reg [3:0] q, output reg [3:0] k);
    always @(posedge clk) begin
        if (rst) k <= 4'd1;
    end
    wire [3:0] y = a + k;
    always @(posedge clk) begin
        if (rst) q <= 4'd0;
        else q <= y;
    end
endmodule
"""
    n = normalize(text, "d.v")
    assert n is not None and n.count("always @(posedge clk)") == 1
    assert n.index("wire [3:0] y") < n.index("always @(posedge clk)")
