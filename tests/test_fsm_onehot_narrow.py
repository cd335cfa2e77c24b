"""Explicit one-hot machines with a timer in their arms: the timer's per-state bound narrows it and the
narrowed plans are proven by z3's width-and-range round.

Own designs: designs/generalization/fsm/onehot_enum_timer_sv (SV ``typedef enum logic [4:0]`` with
one-hot codes, one process, async active-low reset) and onehot_lp_timer_2p_v (Verilog one-hot
localparams, two processes, the counter computed in the combinational arms, sync reset, an output that
is a state bit: gold's x-mask register takes that output's miter name). Before: the per-state bounds of
the narrowing round were only for 2..4-bit code registers, its 24-cycle traces never left the first
state of a machine with a 30-cycle dwell, the FSM hint's register names were lost after xprop, and an
x-mask named after an output was on neither side: the proofs ran out (heldout14 crosswalk/ped_fsm).
Near misses: a timer that runs free in one state is not narrowed; a timer narrowed below its bound is
not proven; a restyled machine (one-hot bit dispatch with ``case (1'b1)``) still gets its plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import extract, plan
from rtlopt.fsm._candidates import design_with_text
from rtlopt.fsm._narrow import narrowable

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "fsm"
BREW = ROOT / "onehot_enum_timer_sv" / "original.sv"
GATE = ROOT / "onehot_lp_timer_2p_v" / "original.v"


def _plans(path: Path, top: str):
    ps, _ = plan(open_design([path], top=top))
    return ps


def _prove(path: Path, top: str, p, timeout: float = 150.0):
    from rtlopt.verify import VerifyOptions, check_equivalence

    d = open_design([path], top=top)
    g = design_with_text(d, p.file, p.text)
    return check_equivalence(d, g, VerifyOptions(timeout_s=timeout, engines=("smt",), state_map=p.state_map or None,
                                                 counterexample=False))


def _narrowed(ps, reg: str, bits: int, encoding: str):
    got = [p for p in ps if p.encoding == encoding and "register_width_reduction" in p.rules
           and f"{reg} " in p.description and f"-> {bits} bits" in p.description]
    assert got, [p.description for p in ps]
    return got[0]


@pytest.mark.yosys
def test_explicit_onehot_enum_timer_narrowed_and_reencoded_proven():
    ps = _plans(BREW, "brew_seq")
    p = _narrowed(ps, "tmr", 5, "binary")
    assert "logic [4:0] tmr" in p.text and "fsm_reencode_binary" in p.rules
    r = _prove(BREW, "brew_seq", p)
    assert r.verdict.name == "EQUIVALENT", r.reason


@pytest.mark.yosys
def test_onehot_localparam_two_process_declaration_proven():
    ps = _plans(GATE, "gate_opener")
    p = _narrowed(ps, "cnt", 6, "declaration")
    assert "reg [5:0] cnt;" in p.text
    r = _prove(GATE, "gate_opener", p)
    assert r.verdict.name == "EQUIVALENT", r.reason


FREE_IN_HEAT = BREW.read_text().replace(
    "HEAT:  if (hot) st <= STEEP;",
    "HEAT: begin tmr <= tmr + 16'd1; if (hot) begin st <= STEEP; tmr <= 16'd0; end end")


def test_timer_free_running_in_one_state_not_narrowed(tmp_path):
    assert BREW.read_text() != FREE_IN_HEAT
    f = tmp_path / "brew_free.sv"
    f.write_text(FREE_IN_HEAT)
    fsm = extract(open_design([f], top="brew_seq")).fsms[0]
    assert "tmr" not in narrowable(fsm)
    ps = _plans(f, "brew_seq")
    assert not [p for p in ps if "register_width_reduction" in p.rules], [p.description for p in ps]


@pytest.mark.yosys
def test_timer_narrowed_below_its_bound_not_proven(tmp_path):
    # the fill dwell counts to 11: three bits wrap at 7 and never reach it (the machine stays filling)
    bad = BREW.read_text().replace("logic [15:0] tmr;", "logic [2:0] tmr;")
    f = tmp_path / "brew_3bit.sv"
    f.write_text(bad)
    from rtlopt.verify import VerifyOptions, check_equivalence

    r = check_equivalence(open_design([BREW], top="brew_seq"), open_design([f], top="brew_seq"),
                          VerifyOptions(timeout_s=60.0, engines=("abc",), counterexample=False))
    assert r.verdict.name not in ("EQUIVALENT", "UNKNOWN"), r.verdict


RESTYLED = """\
module brew_seq (input logic clk, input logic rst_n, input logic start, input logic hot,
                 output logic heater, output logic pump, output logic ready);
    localparam int I = 0, F = 1, H = 2, S = 3, D = 4;
    logic [4:0] st;
    logic [15:0] tmr;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) begin st <= 5'b1 << I; tmr <= '0; end
        else unique case (1'b1)
            st[I]: if (start) st <= 5'b1 << F;
            st[F]: if (tmr < 16'd11) tmr <= tmr + 1'b1; else begin st <= 5'b1 << H; tmr <= '0; end
            st[H]: if (hot) st <= 5'b1 << S;
            st[S]: begin tmr <= (tmr == 16'd24) ? '0 : tmr + 1'b1; if (tmr == 16'd24) st <= 5'b1 << D; end
            st[D]: begin tmr <= (tmr == 16'd7) ? '0 : tmr + 1'b1; if (tmr == 16'd7) st <= 5'b1 << I; end
            default: begin st <= 5'b1 << I; tmr <= '0; end
        endcase
    assign heater = st[H] | st[S];
    assign pump = st[F] | st[D];
    assign ready = st[I];
endmodule
"""


def test_restyled_onehot_bits_still_planned(tmp_path):
    f = tmp_path / "brew_bits.sv"
    f.write_text(RESTYLED)
    ps = _plans(f, "brew_seq")
    _narrowed(ps, "tmr", 5, "binary")
    _narrowed(ps, "tmr", 5, "declaration")
