"""rangedc: a case table or a one-bit function read only at the values its selector register can hold
(guessed from the register's next-state constants and wrap compares; proven from reset by the check).
Own designs designs/generalization/range_dontcare/mmss_clock_dec_v (Verilog BCD stopwatch digits feeding
a 16-entry segment-table module) and slot_counter_fn_sv (SV counter 64..127 read through a function with
% and / of constants). Near misses: a counter loaded from an input, a decoder instance fed by an input
(nothing proposed), a counter stepping past its wrap compare (proposed, refuted by the prover)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_modbound import _verify

from rtlopt.semantic.rangedc import minimize, rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "range_dontcare"


def _run(tmp_path: Path, text: str, suffix: str, top: str) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, top, 60.0)


CLOCK = (GEN / "mmss_clock_dec_v" / "original.v").read_text()
SLOT = (GEN / "slot_counter_fn_sv" / "original.sv").read_text()


def test_minimize_uses_dont_cares():
    # segment 'a' of a 7-segment decoder over 0..9: 10..15 free
    on = {0, 2, 3, 5, 6, 7, 8, 9}
    cover = minimize(on, set(range(10, 16)), 4)
    assert len(cover) <= 4
    for v in range(10):
        assert any((v & m) == c for c, m in cover) == (v in on)


def test_bcd_digits_case_table_module(tmp_path):
    f, got = _run(tmp_path, CLOCK, ".v", "stopwatch")
    assert len(got) == 1
    new = got[0][1]
    assert "endcase" not in new and "6 of 16" in got[0][2]
    assert _verify(tmp_path, f, new, ".v", "stopwatch") == "EQUIVALENT"


def test_sv_function_with_modulo_on_bounded_counter(tmp_path):
    f, got = _run(tmp_path, SLOT, ".sv", "slot_seq")
    assert len(got) == 1
    new = got[0][1]
    assert "assign beacon = (slot[2:0] == 3'd0);" in new
    assert "assign guard  = slot[5];" in new
    assert _verify(tmp_path, f, new, ".sv", "slot_seq") == "EQUIVALENT"


RESTYLE = """
module dig_sv (
    input  logic       clk, rst, inc,
    output logic [6:0] seg
);
    logic [3:0] digit;
    always_ff @(posedge clk)
        if (rst) digit <= '0;
        else if (inc) digit <= (digit >= 4'd9) ? 4'd0 : digit + 4'd1;
    always_comb begin
        unique case (digit)
            4'h0: seg = 7'h3f;  4'h1: seg = 7'h06;  4'h2: seg = 7'h5b;  4'h3: seg = 7'h4f;
            4'h4: seg = 7'h66;  4'h5: seg = 7'h6d;  4'h6: seg = 7'h7d;  4'h7: seg = 7'h07;
            4'h8: seg = 7'h7f;  4'h9: seg = 7'h6f;  4'ha: seg = 7'h77;  4'hb: seg = 7'h7c;
            4'hc: seg = 7'h39;  4'hd: seg = 7'h5e;  4'he: seg = 7'h79;  default: seg = 7'h71;
        endcase
    end
endmodule
"""


def test_restyled_inline_sv_table_fires(tmp_path):
    f, got = _run(tmp_path, RESTYLE, ".sv", "dig_sv")
    assert len(got) == 1 and "endcase" not in got[0][1]
    assert _verify(tmp_path, f, got[0][1], ".sv", "dig_sv") == "EQUIVALENT"


FUNC_V = """
module lap_counter (
    input  wire       clk,
    input  wire       rst,
    input  wire       lap,
    output wire [6:0] seg,
    output wire       odd
);
    function [6:0] hexseg;
        input [3:0] v;
        begin
            case (v)
                4'h0: hexseg = 7'h3f;  4'h1: hexseg = 7'h06;  4'h2: hexseg = 7'h5b;  4'h3: hexseg = 7'h4f;
                4'h4: hexseg = 7'h66;  4'h5: hexseg = 7'h6d;  4'h6: hexseg = 7'h7d;  4'h7: hexseg = 7'h07;
                4'h8: hexseg = 7'h7f;  4'h9: hexseg = 7'h6f;  4'ha: hexseg = 7'h77;  4'hb: hexseg = 7'h7c;
                4'hc: hexseg = 7'h39;  4'hd: hexseg = 7'h5e;  4'he: hexseg = 7'h79;  default: hexseg = 7'h71;
            endcase
        end
    endfunction
    reg [3:0] laps;
    always @(posedge clk)
        if (rst) laps <= 4'd1;
        else if (lap) laps <= (laps == 4'd8) ? 4'd1 : laps + 4'd1;
    assign seg = hexseg(laps);
    assign odd = (laps % 2 == 1) && (laps < 4'd12);
endmodule
"""


def test_restyled_function_decoder_and_parity_fire(tmp_path):
    # a Verilog function holding the table, called in a continuous assignment; laps runs 1..8
    f, got = _run(tmp_path, FUNC_V, ".v", "lap_counter")
    assert len(got) == 1
    new = got[0][1]
    assert "assign odd = laps[0];" in new and "hexseg(laps)" not in new
    assert _verify(tmp_path, f, new, ".v", "lap_counter") == "EQUIVALENT"


LOADED = RESTYLE.replace("input  logic       clk, rst, inc,", "input  logic clk, rst, inc, ld, input logic [3:0] din,") \
    .replace("else if (inc)", "else if (ld) digit <= din;\n        else if (inc)")

FED = CLOCK.replace("seg_lut d2 (.nib(m_u)", "seg_lut d2 (.nib(ext)").replace(
    "input  wire        run,", "input  wire        run,\n    input  wire [3:0]  ext,")


@pytest.mark.parametrize("text,suffix,top", [(LOADED, ".sv", "dig_sv"), (FED, ".v", "stopwatch")],
                         ids=["loaded_from_input", "decoder_fed_by_input"])
def test_near_misses_give_nothing(tmp_path, text, suffix, top):
    _f, got = _run(tmp_path, text, suffix, top)
    assert got == []


def test_counter_stepping_past_its_wrap_is_refuted(tmp_path):
    # steps by 2 from 0: never equals 9, so it runs through 10..14 -- the guessed 0..9 is wrong
    text = RESTYLE.replace("(digit >= 4'd9) ? 4'd0 : digit + 4'd1", "(digit == 4'd9) ? 4'd0 : digit + 4'd2")
    f, got = _run(tmp_path, text, ".sv", "dig_sv")
    assert len(got) == 1
    assert _verify(tmp_path, f, got[0][1], ".sv", "dig_sv") == "NOT EQUIVALENT"
