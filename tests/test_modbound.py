"""modbound: a remainder / quotient by a constant whose dividend an interval analysis bounds (through
registers from reset) below a few multiples of it becomes compare-and-subtract steps (heldout11
checksum/fletcher). Own designs designs/generalization/datapath/modbound_ring_v (Verilog, integer
parameters: (wptr + step) % 12 and wptr / 6) and modbound_adler13_sv (SV always_comb, % by an int
localparam, one step and two steps); the candidates are proven with the real prover and a step too few
is refuted. Near misses (an unbounded operand, an accumulator never reduced, a power of two, a signed
remainder) give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.modbound import rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"
RING = (GEN / "modbound_ring_v" / "original.v").read_text()
ADLER = (GEN / "modbound_adler13_sv" / "original.sv").read_text()


def _run(tmp_path: Path, text: str, suffix: str, top: str) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, top, 60.0)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top),
                             VerifyOptions(engines=("abc", "smt"), timeout_s=300)).verdict


def test_ring_pointer_wrap_and_bank(tmp_path):
    f, got = _run(tmp_path, RING, ".v", "ring_ptr")
    assert len(got) == 1
    new = got[0][1]
    assert "assign nxt  = rtlopt_mod12_w32_s1(wptr + step);" in new
    assert "assign bank = rtlopt_div6_w8_s1(wptr);" in new and "(a >= 8'd6)" in new
    body = new.split("endfunction")[-1]
    assert "%" not in body and " / " not in body
    assert _verify(tmp_path, f, new, ".v", "ring_ptr") == "EQUIVALENT"


def test_adler_sums_one_and_two_steps(tmp_path):
    f, got = _run(tmp_path, ADLER, ".sv", "adler13")
    assert len(got) == 1
    new = got[0][1]
    assert "a_n = rtlopt_mod13_w32_s2(a + nib);" in new and "b_n = rtlopt_mod13_w32_s1(b + a_n);" in new
    assert _verify(tmp_path, f, new, ".sv", "adler13") == "EQUIVALENT"
    # one step too few for a + nib (< 28 = 2 * 13 + 2) is refuted
    bad = new.replace("rtlopt_mod13_w32_s2(a + nib)", "rtlopt_mod13_w32_s1(a + nib)")
    assert _verify(tmp_path, f, bad, ".sv", "adler13") == "NOT EQUIVALENT"


_NEAR = """
module nm (input wire clk, input wire rst, input wire v, input wire [7:0] x, input wire signed [7:0] sx,
           output wire [7:0] y);
    reg [7:0] r;
    always @(posedge clk)
        if (rst) r <= 8'd0;
        else if (v) r <= NEXT;
    assign y = READ;
endmodule
"""


@pytest.mark.parametrize("nxt,read", [
    # the operand is an input: unbounded
    ("x", "x % 13"),
    # a register accumulating without reduction, reduced only where read
    ("r + x", "r % 13"),
    # a power of two is a bit slice (another rule)
    ("(r + x[2:0]) % 16", "r"),
    # a signed remainder
    ("r", "sx % 8'sd13"),
])
def test_near_misses_give_nothing(tmp_path, nxt, read):
    _f, got = _run(tmp_path, _NEAR.replace("NEXT", nxt).replace("READ", read), ".v", "nm")
    assert got == []


def test_bounded_register_read_with_remainder(tmp_path):
    # the positive twin of the second near miss: the register is reduced on every update
    text = _NEAR.replace("NEXT", "(r + x[3:0]) % 13").replace("READ", "(r + 8'd3) % 13")
    f, got = _run(tmp_path, text, ".v", "nm")
    assert len(got) == 1
    assert _verify(tmp_path, f, got[0][1], ".v", "nm") == "EQUIVALENT"
