"""pingpong: an up/down counter and the direction flag that turns at its ends folded into one phase
counter (semantic/pingpong.py). Own designs designs/generalization/seqredundancy/pingpong_scan_sv (SV enum
direction, case, the flag flips one step ahead, no pause, ends FIRST/LAST parameters) and
pingpong_triangle_case_v (Verilog 1-bit 'down' flag, a case on {flag, at bottom, at top}, ends held, reset
at the top), plus an inline SV design with parameterized LO/HI ends held (a cycle that is not a power of
two: the phase wraps); every candidate is proven with the real prover. Near misses (the flag turns on an
input, a pause that holds on an input, a third direction value, another register written in the step, a
reset state before the loop) give no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.pingpong import rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
SCAN = (GEN / "pingpong_scan_sv" / "original.sv").read_text()
SWEEP = (GEN / "pingpong_triangle_case_v" / "original.v").read_text()

# ends LO/HI as parameters, overridden by the top; each end held one step (cycle 2 * (HI - LO + 1) = 20)
BOUNCE_SV = """
module bounce #(parameter int LO = 2, parameter int HI = 9) (
    input  logic       clk,
    input  logic       rst,
    input  logic       go,
    output logic [3:0] pos,
    output logic       up_o
);
    logic up;
    always_ff @(posedge clk) begin
        if (rst) begin
            pos <= 4'(LO);
            up  <= 1'b1;
        end else if (go) begin
            if (up) begin
                if (pos == 4'(HI)) up <= 1'b0;
                else               pos <= pos + 1'b1;
            end else if (pos == 4'(LO)) begin
                up <= 1'b1;
            end else begin
                pos <= pos - 1'b1;
            end
        end
    end
    assign up_o = up;
endmodule

module bounce_top (input logic clk, input logic rst, input logic go, output logic [3:0] pos, output logic up_o);
    bounce #(.LO(3), .HI(12)) u (.*);
endmodule
"""


def _cands(tmp_path: Path, text: str, suffix: str, top: str, params=None) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, top, params, timeout_s=60.0)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top), VerifyOptions(timeout_s=300)).verdict


def test_scan_address_no_pause_folds_and_is_proven(tmp_path):
    f, got = _cands(tmp_path, SCAN, ".sv", "scan_pp")
    assert len(got) == 1
    new = got[0][0][f]
    assert "reg [4:0] addr_ph;" in new and "addr_ph <= addr_ph + 1'b1;" in new
    assert "dir = addr_ph[4] ? BWD : FWD;" in new  # the enum's own names
    assert "case (dir)" not in new and "addr_ph <= 5'd0;" in new
    # everything before the clocked block byte for byte
    head = SCAN.split("    always_ff")[0]
    assert new.startswith(head)
    assert _verify(tmp_path, f, new, ".sv", "scan_pp") == "EQUIVALENT"


def test_triangle_case_style_held_ends_reset_mid_cycle(tmp_path):
    f, got = _cands(tmp_path, SWEEP, ".v", "sweep_tri")
    assert len(got) == 1
    new = got[0][0][f]
    assert "reg [8:0] ramp_ph;" in new and "ramp_ph <= 9'd256;" in new  # the reset state (0xff, falling)
    assert "ramp = (ramp_ph[7:0] ^ {8{ramp_ph[8]}});" in new
    assert _verify(tmp_path, f, new, ".v", "sweep_tri") == "EQUIVALENT"


def test_parameterized_ends_cycle_not_a_power_of_two(tmp_path):
    f, got = _cands(tmp_path, BOUNCE_SV, ".sv", "bounce_top", {"bounce": {"LO": 3, "HI": 12}})
    assert len(got) == 1
    new = got[0][0][f]
    # LO = 3, HI = 12: 20 states, the phase wraps at 19
    assert "pos_ph <= (pos_ph == 5'd19) ? 5'd0 : pos_ph + 1'b1;" in new
    assert _verify(tmp_path, f, new, ".sv", "bounce_top") == "EQUIVALENT"


def test_wrong_fold_is_refuted(tmp_path):
    """The prover, not the analysis, is what accepts: a phase started one step off is refuted."""
    f, got = _cands(tmp_path, SWEEP, ".v", "sweep_tri")
    bad = got[0][0][f].replace("ramp_ph <= 9'd256;", "ramp_ph <= 9'd255;")
    assert _verify(tmp_path, f, bad, ".v", "sweep_tri") == "NOT EQUIVALENT"


NEAR_FLIP_INPUT = BOUNCE_SV.replace("if (pos == 4'(HI)) up <= 1'b0;", "if (pos == 4'(HI) || rev) up <= 1'b0;") \
    .replace("input  logic       go,", "input  logic       go,\n    input  logic       rev,") \
    .replace("input logic go, output", "input logic go, input logic rev, output")

NEAR_PAUSE = """
module pz (input wire clk, input wire rst, input wire en, input wire resume,
           output reg [4:0] c, output reg [1:0] mode);
    localparam UP = 2'd0, DN = 2'd1, PAUSE = 2'd2;
    always @(posedge clk)
        if (rst) begin
            c <= 5'd0;
            mode <= UP;
        end else if (en) begin
            case (mode)
                UP:    if (c == 5'd31) mode <= PAUSE; else c <= c + 1'b1;
                PAUSE: if (resume) mode <= DN;
                DN:    if (c == 5'd0) mode <= UP; else c <= c - 1'b1;
                default: mode <= UP;
            endcase
        end
endmodule
"""

# a pause of one step at the top with no input: a pure cycle, but the flag takes three values
NEAR_THREE = NEAR_PAUSE.replace("PAUSE: if (resume) mode <= DN;", "PAUSE: mode <= DN;")

NEAR_OTHER_REG = """
module oth (input wire clk, input wire rst, output reg [3:0] c, output reg up, output reg [7:0] turns);
    always @(posedge clk)
        if (rst) begin
            c <= 4'd0; up <= 1'b1; turns <= 8'd0;
        end else if (up) begin
            if (c == 4'd15) begin up <= 1'b0; turns <= turns + 1'b1; end else c <= c + 1'b1;
        end else begin
            if (c == 4'd0) up <= 1'b1; else c <= c - 1'b1;
        end
endmodule
"""

# bounces between 8 and 15, but starts at 0: the reset state is on a tail before the loop (no phase for it)
NEAR_WRAP = """
module wr (input wire clk, input wire rst, output reg [3:0] c, output reg up);
    always @(posedge clk)
        if (rst) begin
            c <= 4'd0; up <= 1'b1;
        end else if (up) begin
            if (c == 4'd15) up <= 1'b0; else c <= c + 1'b1;
        end else begin
            if (c == 4'd8) up <= 1'b1; else c <= c - 1'b1;
        end
endmodule
"""


@pytest.mark.parametrize("text,suffix,top", [
    (NEAR_FLIP_INPUT, ".sv", "bounce_top"),
    (NEAR_PAUSE, ".v", "pz"),
    (NEAR_THREE, ".v", "pz"),
    (NEAR_OTHER_REG, ".v", "oth"),
    (NEAR_WRAP, ".v", "wr"),
])
def test_near_misses_give_nothing(tmp_path, text, suffix, top):
    _f, got = _cands(tmp_path, text, suffix, top)
    assert got == []



# one write with the step chosen by the flag, the flag toggled one step before each end (dn <= ~dn)
TOGGLE_V = """
module tog (input wire clk, input wire rst_n, input wire ce, output reg [4:0] cnt, output reg dn);
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            cnt <= 5'd0;
            dn  <= 1'b0;
        end else if (ce) begin
            cnt <= dn ? cnt - 5'd1 : cnt + 5'd1;
            if ((!dn && cnt == 5'd30) || (dn && cnt == 5'd1)) dn <= ~dn;
        end
endmodule
"""


def test_toggled_flag_and_one_ternary_step(tmp_path):
    f, got = _cands(tmp_path, TOGGLE_V, ".v", "tog")
    assert len(got) == 1
    new = got[0][0][f]
    # 0..31..1: 62 states, no hold; the flag's values as literals (it is never written a constant 1)
    assert "cnt_ph <= (cnt_ph == 6'd61) ? 6'd0 : cnt_ph + 1'b1;" in new
    assert "dn = (cnt_ph < 6'd31) ? 1'b0 : 1'b1;" in new
    assert _verify(tmp_path, f, new, ".v", "tog") == "EQUIVALENT"


# a ping-pong write address stepped beside a data register in the same begin .. end: the step is the run
# of the two statements that write the pair (the data register's write stays)
PWRITE_V = """
module pwr (input wire clk, input wire rst, input wire we, input wire [7:0] din,
            output reg [7:0] last, output reg [3:0] waddr, output reg back);
    always @(posedge clk) begin
        if (rst) begin
            waddr <= 4'd0;
            back  <= 1'b0;
            last  <= 8'd0;
        end else if (we) begin
            last <= din;
            waddr <= back ? waddr - 1'b1 : waddr + 1'b1;
            if (!back && waddr == 4'd14) back <= 1'b1;
            else if (back && waddr == 4'd1) back <= 1'b0;
        end
    end
endmodule
"""


def test_step_beside_another_register(tmp_path):
    f, got = _cands(tmp_path, PWRITE_V, ".v", "pwr")
    assert len(got) == 1
    new = got[0][0][f]
    assert "last <= din;\n            waddr_ph <= (waddr_ph == 5'd29) ? 5'd0 : waddr_ph + 1'b1;\n" in new
    assert "last  <= 8'd0;" in new and "back  <= 1'b0;" not in new
    assert _verify(tmp_path, f, new, ".v", "pwr") == "EQUIVALENT"


def test_other_register_inside_the_step_run_gives_nothing(tmp_path):
    # the data write between the two statements of the pair: the run writes another register
    text = PWRITE_V.replace("            last <= din;\n            waddr <= back ? waddr - 1'b1 : waddr + 1'b1;\n",
                            "            waddr <= back ? waddr - 1'b1 : waddr + 1'b1;\n            last <= din;\n")
    _f, got = _cands(tmp_path, text, ".v", "pwr")
    assert got == []


# a two-bit enum flag with explicit codes under 'unique case' (codes 0 and 3 step to x: never reached)
ENUM2_SV = """
module sweep2 #(parameter int W = 5) (
    input  logic         clk,
    input  logic         rst_n,
    output logic [W-1:0] v,
    output logic         going_up
);
    typedef enum logic [1:0] {UP = 2'b01, DOWN = 2'b10} dir_e;
    dir_e d;
    always_ff @(posedge clk) begin
        if (!rst_n) begin
            v <= '0;
            d <= UP;
        end else begin
            unique case (d)
                UP:   if (v == '1) d <= DOWN; else v <= v + 1'b1;
                DOWN: if (v == '0) d <= UP;   else v <= v - 1'b1;
            endcase
        end
    end
    assign going_up = (d == UP);
endmodule
"""


def test_two_bit_enum_flag_unique_case(tmp_path):
    f, got = _cands(tmp_path, ENUM2_SV, ".sv", "sweep2")
    assert len(got) == 1
    new = got[0][0][f]
    assert "reg [5:0] v_ph;" in new and "d = v_ph[5] ? DOWN : UP;" in new
    assert _verify(tmp_path, f, new, ".sv", "sweep2") == "EQUIVALENT"


# the flag turns in the same step as the counter at the ends (reset (0, up) is one step before the loop,
# whose twin is (0, down)); the flag is read only by the step, so the twin stands for the reset state
CARRIER_V = """
module carrier (input wire clk, input wire rst, input wire [6:0] duty, output reg [6:0] cnt, output wire pwm);
    reg up;
    always @(posedge clk) begin
        if (rst) begin
            cnt <= 7'd0;
            up  <= 1'b1;
        end else if (up) begin
            if (cnt == 7'd127) begin up <= 1'b0; cnt <= cnt - 1'b1; end
            else cnt <= cnt + 1'b1;
        end else begin
            if (cnt == 7'd0) begin up <= 1'b1; cnt <= cnt + 1'b1; end
            else cnt <= cnt - 1'b1;
        end
    end
    assign pwm = (cnt < duty);
endmodule
"""


def test_hidden_flag_turning_with_the_counter(tmp_path):
    f, got = _cands(tmp_path, CARRIER_V, ".v", "carrier")
    assert len(got) == 1
    new = got[0][0][f]
    assert "cnt_ph <= (cnt_ph == 8'd253) ? 8'd0 : cnt_ph + 1'b1;" in new and "up =" not in new
    assert _verify(tmp_path, f, new, ".v", "carrier") == "EQUIVALENT"


def test_observed_flag_turning_with_the_counter_gives_nothing(tmp_path):
    # the same flag on a port: (0, up) after reset and (0, down) on the loop differ at the output
    text = CARRIER_V.replace("output wire pwm);\n    reg up;", "output wire pwm, output reg up);")
    _f, got = _cands(tmp_path, text, ".v", "carrier")
    assert got == []
