"""seqcounter: a (state, timer) module whose reachable states from reset are one path becomes one
counter along the path (real Yosys; proofs by the project's verifier)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import seqcounter

pytestmark = pytest.mark.yosys

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seq_counter"

# an up-counting phase timer restarted on every transition, a start input in idle, outputs from the state
KILN = """
module kiln (input wire clk, input wire rst, input wire start,
             output wire heat, output wire vent, output wire busy);
    reg [1:0] s;
    reg [4:0] n;
    assign heat = (s == 2'd1) || (s == 2'd2);
    assign vent = (s == 2'd3);
    assign busy = (s != 2'd0);
    always @(posedge clk)
        if (rst) begin s <= 2'd0; n <= 5'd0; end
        else case (s)
            2'd0: if (start) begin s <= 2'd1; n <= 5'd0; end
            2'd1: if (n == 5'd6) begin s <= 2'd2; n <= 5'd0; end else n <= n + 5'd1;
            2'd2: if (n == 5'd13) begin s <= 2'd3; n <= 5'd0; end else n <= n + 5'd1;
            default: if (n == 5'd4) begin s <= 2'd0; n <= 5'd0; end else n <= n + 5'd1;
        endcase
endmodule
"""


def _rw(tmp_path: Path, text: str, name: str = "d.v") -> list:
    p = tmp_path / name
    p.write_text(text)
    return seqcounter.rewrites({p: text})


def _verdict(tmp_path: Path, old: str, new: str, top: str, engines=None, suffix: str = ".v") -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    a, b = tmp_path / f"gold{suffix}", tmp_path / f"gate{suffix}"
    a.write_text(old)
    b.write_text(new)
    opts = VerifyOptions(timeout_s=300, **({"engines": engines} if engines else {}))
    return check_equivalence(DesignRef([a], top), DesignRef([b], top), opts).verdict


def test_kiln_one_counter_proven_by_position_invariants(tmp_path):
    got = _rw(tmp_path, KILN)
    assert len(got) == 1
    _p, new, desc = got[0]
    assert "27 states" in desc and "5-bit counter" in desc  # 1 idle + 7 + 14 + 5
    assert "reg [1:0] s;" not in new and "start" in new
    # z3 alone: the per-state position invariants (s == a -> c == n + K) make it inductive
    assert _verdict(tmp_path, KILN, new, "kiln", engines=("smt",)) == "EQUIVALENT"


def test_own_designs_fire_and_references_match(tmp_path):
    for d, _top in (("v_pump_prime_countdown", "pump_prime"), ("sv_enum_two_process_kiln", "kiln_ctl")):
        orig = next((GEN / d).glob("original.*"))
        got = seqcounter.rewrites({orig: orig.read_text()})
        assert len(got) == 1, d
        assert "seqc__" in got[0][1]


def test_duration_from_an_input_does_not_fire(tmp_path):
    text = KILN.replace("input wire start,", "input wire start, input wire [4:0] dur,").replace(
        "n == 5'd13", "n == dur")
    assert _rw(tmp_path, text) == []


def test_input_branch_mid_sequence_does_not_fire(tmp_path):
    # phase 1 skips phase 2 when 'quick' is high: two successors that are not the idle state
    text = KILN.replace("input wire start,", "input wire start, input wire quick,").replace(
        "2'd1: if (n == 5'd6) begin s <= 2'd2;", "2'd1: if (n == 5'd6) begin s <= quick ? 2'd3 : 2'd2;")
    assert _rw(tmp_path, text) == []


def test_restyled_sv_two_process_fires(tmp_path):
    text = """
module kiln2 (input logic clk, input logic rst, input logic start, output logic heat, output logic vent);
    typedef enum logic [1:0] {IDLE, RAMP, SOAK, COOL} st_t;
    st_t st, nx;
    logic [4:0] n;
    always_comb begin
        nx = st;
        case (st)
            IDLE: if (start) nx = RAMP;
            RAMP: if (n == 5'd6) nx = SOAK;
            SOAK: if (n == 5'd13) nx = COOL;
            COOL: if (n == 5'd4) nx = IDLE;
        endcase
    end
    always_ff @(posedge clk) st <= rst ? IDLE : nx;
    always_ff @(posedge clk) n <= (rst || nx != st) ? 5'd0 : (st == IDLE ? n : n + 5'd1);
    assign heat = st == RAMP || st == SOAK;
    assign vent = st == COOL;
endmodule
"""
    got = _rw(tmp_path, text, "k.sv")
    assert len(got) == 1 and "5-bit counter" in got[0][2]
