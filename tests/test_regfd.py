"""regfd: a register that is, in every reachable state, a table of a few other registers (op "tt").

Own designs (designs/generalization/seqredundancy/fdtable_*): a 3-bit lamp word registered in the arms of
a one-process FSM (Verilog case), a 4-bit pattern registered as a function of the next index in its own
always_ff inside a child module (SV function), strobes set and cleared in if arms of a one-hot controller
plus a parity flag in another always block (Verilog); zero-or-the-table registers kept as a zero flag (op "ttz": a blanked seven-segment
pattern, an inhibited valve word, a pattern across a child's port); registers of which only some bits are
tables (op "ttm": part-select writes of a status word, an SV flag register). Near misses: a reset value
that disagrees with the table and a register equal to the table only from the first cycle on (no plain
table; the zero-flag form, when found, is proven), a relation that holds on every simulated trace but not
on a reachable state the traces never reach (refuted by the induction), a blank value that is a table
entry, a bit whose reset value disagrees (left registered). Real Yosys/z3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import regfd, regfunc

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
LAMP = GEN / "fdtable_fsm_led_v" / "original.v"
CHILD = GEN / "fdtable_pattern_child_sv" / "original.sv"
ONEHOT = GEN / "fdtable_onehot_mode_v" / "original.v"


def _write(tmp_path: Path, src: Path, edits=(), text: str | None = None) -> tuple[Path, str]:
    text = src.read_text() if text is None else text
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, text


def _tables(f: Path, text: str, top: str) -> list:
    regfunc._CACHE.clear()
    an = regfunc.analysis_for({f: text}, top, 60)
    assert an.error is None, an.error
    return [r for r in an.relations if r.op in ("tt", "ttz", "ttm")]


def _table_lines(got, f: Path, target: str) -> list[tuple[str, str]]:
    out = []
    for new, _d, *_ in got:
        for line in new[f].splitlines():
            s = line.strip()
            if s.startswith(f"always @* {target} = ") and "==" in s:
                out.append((s, new[f]))
    return out


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("g" + old.suffix)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top),
                             VerifyOptions(timeout_s=120)).verdict


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,target,key", [
    (LAMP, "lamp_seq", "lamp", "st"),
    (CHILD, "bridge_top", "drive", "idx"),
    (ONEHOT, "xfer_ctl", "odd", "beats"),
])
def test_table_register_is_found_emitted_and_proven(tmp_path, src, top, target, key):
    f, text = _write(tmp_path, src)
    got = regfunc.candidates_for({f: text}, top, 60)
    lines = _table_lines(got, f, target)
    assert lines, [d for _n, d, *_ in got]
    line, new = lines[0]
    assert re.search(rf"\b{key}\b", line), line
    # the register's clocked assignments are gone: only the table drives it
    assert not re.search(rf"\b{target}\s*<=", new), new
    assert _verdict(tmp_path, f, new, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_restyled_two_process_fsm_with_a_function_still_fires(tmp_path):
    text = """
module lamp2 (input wire clk, input wire rst_n, input wire tick, input wire skip,
              output reg [2:0] lamp, output wire [1:0] state);
    reg [1:0] st, st_n;
    reg [3:0] tmr;
    assign state = st;
    function [2:0] lamp_of;
        input [1:0] s;
        begin
            if (s == 2'd0) lamp_of = 3'b001;
            else if (s == 2'd1) lamp_of = 3'b010;
            else if (s == 2'd2) lamp_of = 3'b100;
            else lamp_of = 3'b110;
        end
    endfunction
    always @* begin
        st_n = st;
        if (tick) begin
            if (st == 2'd0 && (tmr == 4'd9 || skip)) st_n = 2'd1;
            else if (st == 2'd1 && tmr == 4'd3) st_n = 2'd2;
            else if (st == 2'd2 && tmr == 4'd7) st_n = 2'd3;
            else if (st == 2'd3 && tmr == 4'd2) st_n = 2'd0;
        end
    end
    always @(posedge clk or negedge rst_n)
        if (!rst_n) st <= 2'd0;
        else st <= st_n;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) tmr <= 4'd0;
        else if (tick) tmr <= (st_n != st) ? 4'd0 : tmr + 4'd1;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) lamp <= 3'b001;
        else lamp <= lamp_of(st_n);
endmodule
"""
    f, text = _write(tmp_path, LAMP, text=text)
    got = regfunc.candidates_for({f: text}, "lamp2", 60)
    lines = _table_lines(got, f, "lamp")
    assert lines, [d for _n, d, *_ in got]
    assert _verdict(tmp_path, f, lines[0][1], "lamp2") == "EQUIVALENT"


@pytest.mark.yosys
def test_reset_value_that_disagrees_is_no_table(tmp_path):
    # lamp resets to 000 while the state resets to GO (001 in the table): until the first transition the
    # lamp is 000 in GO, later 001 in GO
    f, text = _write(tmp_path, LAMP, [("lamp <= 3'b001;\n        end else", "lamp <= 3'b000;\n        end else")])
    rels = [r for r in _tables(f, text, "lamp_seq") if r.target == "lamp"]
    assert not [r for r in rels if r.op == "tt"], rels
    # it is zero or the table (a zero reset value): with its zero flag kept, that is proven
    _zero_flag_form_is_equivalent(tmp_path, f, text, "lamp_seq", "lamp", rels)


def _zero_flag_form_is_equivalent(tmp_path, f, text, top, target, rels):
    assert all(r.op == "ttz" for r in rels), rels
    if rels:
        got = regfunc.candidates_for({f: text}, top, 60)
        new = [n[f] for n, d, *_ in got if f"{target}_rtlopt_nz" in n[f]]
        assert new and _verdict(tmp_path, f, new[0], top) == "EQUIVALENT"


@pytest.mark.yosys
def test_table_only_from_the_first_cycle_on_is_no_table(tmp_path):
    # the pattern resets to 0000 but is the table of the index from the first clock on
    f, text = _write(tmp_path, CHILD, [("if (!rst_n) drive <= 4'b1010;", "if (!rst_n) drive <= 4'b0000;")])
    rels = [r for r in _tables(f, text, "bridge_top") if r.target.endswith("drive")]
    assert not [r for r in rels if r.op == "tt"], rels
    _zero_flag_form_is_equivalent(tmp_path, f, text, "bridge_top", "drive", rels)


@pytest.mark.yosys
def test_table_true_on_short_traces_is_refuted_by_the_proof(tmp_path):
    # a 16-bit event count that no simulated trace brings to 16'hF00D changes the lamp without a state
    # change: the lamp is a table of the state on every simulated state, not on every reachable one
    f, text = _write(tmp_path, LAMP, [
        ("    reg [3:0] tmr;\n", "    reg [3:0] tmr;\n    reg [15:0] ev;\n"
         "    always @(posedge clk) if (rst) ev <= 16'd0; else if (skip) ev <= ev + 16'd1;\n"),
        ("STOP: if (tmr == 4'd7)", "STOP: if (ev == 16'hF00D) lamp <= 3'b111; else if (tmr == 4'd7)"),
    ])
    from rtlopt.semantic import seqsim

    net = seqsim.load_texts({f: text}, "lamp_seq", timeout=60)
    regs = regfunc._registers(net)
    hyps = regfd.relations(regs, regfunc.samples(net), set(), until=float("inf"))
    assert [r for r in hyps if r.target == "lamp"], hyps  # the traces are fooled
    proven = regfunc.prove(net, regs, hyps, timeout_s=60)
    assert not [r for r in proven if r.target == "lamp"], proven


def test_expression_is_a_comparison_chain_on_the_key():
    r = regfunc.Relation("y", 2, 0, None, 1, (("a", 0), ("b", 0)), "tt",
                         table=(1 << 2) | (2 << 4) | (1 << 6))  # a,b -> 00:0 01:1 10:2 11:1

    def bits(parts, _decl):
        return "{" + ", ".join(f"{n}" for _k, n, _i, _v in parts) + "}"

    e = regfd.expr_text(r, {}, bits)
    assert e == "({b, a} == 2'd2) ? 2'b10 : ({b, a} == 2'd1 || {b, a} == 2'd3) ? 2'b01 : 2'b00", e


NZSEG = GEN / "fdtable_nz_segment_v" / "original.v"
NZENUM = GEN / "fdtable_nz_enum_out_sv" / "original.sv"


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,target,key", [
    (NZSEG, "seg_rot", "seg", "digit"),
    (NZENUM, "pump_ctl", "valves", "st"),
])
def test_zero_or_table_keeps_one_flag(tmp_path, src, top, target, key):
    f, text = _write(tmp_path, src)
    got = regfunc.candidates_for({f: text}, top, 60)
    lines = _table_lines(got, f, target)
    assert lines, [d for _n, d, *_ in got]
    line, new = lines[0]
    assert f"{{{target}_rtlopt_nz, {key}}}" in line, line
    assert f"reg {target}_rtlopt_nz;" in new and not re.search(rf"\b{target}\s*<=", new), new
    assert _verdict(tmp_path, f, new, top) == "EQUIVALENT"


@pytest.mark.yosys
def test_zero_or_table_restyled_across_a_child_port(tmp_path):
    # the index counter in a child module exporting its next value; the pattern register in the parent
    # with a ternary and an SV function: the key is the child's register seen through its output port
    text = """
module idx_ctr (input logic clk, input logic rst, input logic go, output logic [1:0] q, output logic [1:0] q_n);
    assign q_n = go ? q + 2'd1 : q;
    always_ff @(posedge clk) q <= rst ? 2'd0 : q_n;
endmodule
module fan_drv (input logic clk, input logic rst, input logic go, input logic off,
                output logic [4:0] bank, output logic [1:0] at);
    function automatic logic [4:0] sel(input logic [1:0] i);
        sel = i == 2'd0 ? 5'b00011 : i == 2'd1 ? 5'b00110 : i == 2'd2 ? 5'b01100 : 5'b11000;
    endfunction
    logic [1:0] at_n;
    idx_ctr u_i (.clk(clk), .rst(rst), .go(go), .q(at), .q_n(at_n));
    always_ff @(posedge clk) bank <= rst ? 5'b00000 : (off ? 5'b00000 : sel(at_n));
endmodule
"""
    f, text = _write(tmp_path, NZENUM, text=text)
    got = regfunc.candidates_for({f: text}, "fan_drv", 60)
    lines = _table_lines(got, f, "bank")
    assert lines, [d for _n, d, *_ in got]
    assert "bank_rtlopt_nz, at}" in lines[0][0], lines[0][0]
    assert _verdict(tmp_path, f, lines[0][1], "fan_drv") == "EQUIVALENT"


@pytest.mark.yosys
def test_blank_value_that_is_a_table_entry_is_no_zero_flag_table(tmp_path):
    # blanking shows digit 1's pattern instead of zero: in a digit other than 1 the segments are one of
    # two nonzero words, so neither the digit alone nor the digit and the zero test determine them
    f, text = _write(tmp_path, NZSEG, [("if (blank) seg <= 7'b0000000;", "if (blank) seg <= 7'b0000110;")])
    assert not [r for r in _tables(f, text, "seg_rot") if r.target == "seg"]


BITS_V = GEN / "fdtable_bits_status_v" / "original.v"
BITS_SV = GEN / "fdtable_bits_flags_sv" / "original.sv"


@pytest.mark.yosys
@pytest.mark.parametrize("src,top,target,mask", [
    (BITS_V, "job_stat", "status", 0b0011),
    (BITS_SV, "link_mon", "flags", 0b00001),
])
def test_bits_that_are_tables_leave_the_others_registered(tmp_path, src, top, target, mask):
    f, text = _write(tmp_path, src)
    rels = [r for r in _tables(f, text, top) if r.target == target]
    assert [r.mod for r in rels if r.op == "ttm"] == [mask], rels
    got = regfunc.candidates_for({f: text}, top, 60)
    new = [n[f] for n, d, *_ in got if d.startswith(f"'{target}' == table(")]
    assert new, [d for _n, d, *_ in got]
    assert f"always @* {target} = {{{target}_rtlopt_q[" in new[0], new[0]
    assert not re.search(rf"\b{target}(\[[^\]]*\])?\s*<=", new[0]), new[0]
    assert _verdict(tmp_path, f, new[0], top) == "EQUIVALENT"


@pytest.mark.yosys
def test_bit_with_a_disagreeing_reset_value_stays_registered(tmp_path):
    # 'done' resets to 1 in IDLE but is 0 in IDLE after a job: only 'busy' is a table of the state
    f, text = _write(tmp_path, BITS_V, [("status <= 4'b0000;", "status <= 4'b0001;")])
    rels = [r for r in _tables(f, text, "job_stat") if r.target == "status"]
    assert [r.mod for r in rels if r.op == "ttm"] == [0b0010], rels
