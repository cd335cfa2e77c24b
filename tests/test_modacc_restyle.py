"""modacc (rtlopt.semantic.modacc) restyled: the oc_check ones'-complement checksum with the fold written as
a Verilog function, with the accumulator in its own always block, commuted (acc <= d + acc), with an
asynchronous reset, and with the fold split over continuous assignments (assign s1 = ...; assign s2 = ...;
assign fold = ~s2;) -- the intermediate words of the fold's cone are dropped with it. Near miss: a fold
that also adds the accumulator's top bit once more is no ones'-complement sum.

Also (own designs, designs/generalization/datapath/): the fold written in net declaration assignments
(wire [8:0] f1 = acc[7:0] + acc[11:8]; ...: emit lifts through a one-net declaration with its
initializer, keeping the declaration) with a data load of the first byte, and the accumulator's next
value computed in an always_comb (two-process, through rtlopt.semantic.procnorm's next-state inlining).
Near misses of those: the next value also read by an output (not inlined), addends wider than the
reduced word (mod 11 of bytes: the candidate is refuted by simulation), a fold net declaration
assignment that adds the top bit twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.modacc import candidates_for

ROOT = Path(__file__).resolve().parents[1]
OC = (ROOT / "designs" / "generalization" / "datapath" / "modacc_ocsum_v" / "original.v").read_text()

_FOLD = """    reg  [8:0]  t;
    reg  [7:0]  fold;

    always @* begin
        t    = acc[7:0] + acc[11:8];
        t    = t[7:0] + t[8];
        fold = ~t[7:0];
    end
"""
assert _FOLD in OC

FUNC = OC.replace(_FOLD, """    wire [7:0]  fold;
    function [7:0] oc_fold(input [11:0] s);
        reg [8:0] u;
        begin
            u = s[7:0] + s[11:8];
            u = u[7:0] + u[8];
            oc_fold = ~u[7:0];
        end
    endfunction
    assign fold = oc_fold(acc);
""")
ASSIGNS = OC.replace(_FOLD, """    wire [8:0]  s1;
    wire [7:0]  s2, fold;
    assign s1 = {1'b0, acc[7:0]} + {5'b0, acc[11:8]};
    assign s2 = s1[7:0] + {7'b0, s1[8]};
    assign fold = ~s2;
""")
COMMUTED = OC.replace("acc <= acc + d;", "acc <= d + acc;")
ASYNC = OC.replace("input  wire       rst,", "input  wire       rst_n,").replace(
    "always @(posedge clk) begin\n        if (rst || start) begin",
    "always @(posedge clk or negedge rst_n) begin\n        if (!rst_n) begin\n"
    "            acc <= 12'd0; cnt <= 4'd0; good <= 1'b0;\n        end else if (start) begin")
SPLIT = OC.replace("            acc  <= 12'd0;\n", "").replace("                acc <= acc + d;\n", "").replace(
    "    always @(posedge clk) begin\n        if (rst || start) begin",
    "    always @(posedge clk)\n        if (rst || start) acc <= 12'd0;\n"
    "        else if (dv && !last && cnt != 4'd15) acc <= acc + {4'd0, d};\n\n"
    "    always @(posedge clk) begin\n        if (rst || start) begin")
# the top bit counted twice: not congruent to the sum modulo 255
NEAR_EXTRA = OC.replace(_FOLD, """    wire [8:0]  s1;
    wire [7:0]  fold;
    assign s1 = acc[7:0] + acc[11:8];
    assign fold = ~(s1[7:0] + {7'd0, s1[8]} + {7'd0, acc[11]});
""")


def _cands(tmp_path: Path, text: str):
    f = tmp_path / "orig.v"
    f.write_text(text)
    return f, candidates_for({f: text}, "oc_check", 60.0)


@pytest.mark.yosys
@pytest.mark.parametrize("text", [FUNC, ASSIGNS, COMMUTED, ASYNC, SPLIT], ids=["func", "assigns", "commuted",
                                                                                 "async", "split"])
def test_restyled_checksum_kept_reduced(tmp_path, text):
    assert text != OC
    f, got = _cands(tmp_path, text)
    assert got and "ones'-complement" in got[0][1], got
    new = got[0][0][f]
    assert "rtlopt_ocadd_acc(acc," in new and "~acc[7:0]" in new, new


@pytest.mark.yosys
def test_split_fold_rewrite_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _cands(tmp_path, ASSIGNS)
    new = got[0][0][f]
    assert "assign s1 =" not in new and "assign s2 =" not in new  # the fold's cone goes with it
    g = tmp_path / "gate.v"
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "oc_check"), DesignRef([g], "oc_check"),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_extra_carry_fold_gives_nothing(tmp_path):
    _f, got = _cands(tmp_path, NEAR_EXTRA)
    assert got == []


GEN = ROOT / "designs" / "generalization" / "datapath"
WIREINIT = (GEN / "modacc_wireinit_v" / "original.v").read_text()
TWOPROC = (GEN / "modacc_twoproc_sv" / "original.sv").read_text()


def _own(tmp_path: Path, text: str, top: str, suffix: str):
    f = tmp_path / f"own{suffix}"
    f.write_text(text)
    return f, candidates_for({f: text}, top, 60.0)


@pytest.mark.yosys
def test_net_declaration_fold_kept_reduced_and_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _own(tmp_path, WIREINIT, "pkt_csum", ".v")
    assert got and "ones'-complement" in got[0][1], got
    new = got[0][0][f]
    # the fold's net declarations go, the read word stays declared and is driven by the register
    assert "wire [8:0]  f1" not in new and "wire [7:0]  ck;" in new and "assign ck = ~acc[7:0];" in new, new
    assert "rtlopt_ocadd_acc(8'd0, {4'd0, b})" in new and "rtlopt_ocadd_acc(acc, b)" in new, new
    g = tmp_path / "gate.v"
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "pkt_csum"), DesignRef([g], "pkt_csum"),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_two_process_next_value_kept_reduced(tmp_path):
    # the proof (ABC, 94 s at load 22) is in designs/generalization/datapath/modacc_twoproc_sv; here the
    # candidate and the whole-design simulation candidates_for runs on it
    f, got = _own(tmp_path, TWOPROC, "mod11_sum", ".sv")
    assert got and "remainder mod 11" in got[0][1], got
    new = got[0][0][f]
    assert "acc_q <= rtlopt_modadd_acc_q(acc_q, 10'(d));" in new and "always_comb begin" not in new, new


@pytest.mark.yosys
@pytest.mark.parametrize("text,top,suffix", [
    (TWOPROC.replace("    assign zero", "    assign nxt0 = acc_n[0];\n    assign zero").replace(
        "output logic       zero", "output logic       zero,\n    output logic       nxt0"), "mod11_sum", ".sv"),
    (TWOPROC.replace("input  logic [3:0] d,", "input  logic [7:0] d,"), "mod11_sum", ".sv"),
    (WIREINIT.replace("wire [7:0]  f2 = f1[7:0] + f1[8];", "wire [7:0]  f2 = f1[7:0] + f1[8] + acc[11];"),
     "pkt_csum", ".v"),
], ids=["next_value_read_by_output", "addend_wider_than_residue", "fold_adds_top_bit_twice"])
def test_own_near_misses(tmp_path, text, top, suffix):
    assert text not in (TWOPROC, WIREINIT)
    _f, got = _own(tmp_path, text, top, suffix)
    assert got == []


_F3 = """    wire [8:0]  f1 = acc[7:0] + acc[11:8];
    wire [7:0]  f2 = f1[7:0] + f1[8];
    wire [7:0]  ck = ~f2;"""


@pytest.mark.yosys
@pytest.mark.parametrize("fold", [
    "    wire [8:0]  f1 = acc[7:0] + acc[11:8];\n    wire [7:0]  ck = ~(f1[7:0] + f1[8]);",
    "    wire [8:0]  f1 = acc[7:0] + acc[11:8];\n    wire [7:0]  f2 = f1[7:0] + f1[8];\n    wire [7:0]  ck;\n"
    "    assign ck = ~f2;",
], ids=["two_initializers", "initializers_then_assign"])
def test_net_declaration_fold_restyled(tmp_path, fold):
    assert _F3 in WIREINIT
    _f, got = _own(tmp_path, WIREINIT.replace(_F3, fold), "pkt_csum", ".v")
    assert got and "ones'-complement" in got[0][1], got
