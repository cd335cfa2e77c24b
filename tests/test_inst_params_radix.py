"""_inst_params reads the parameter values the top gives a child in any radix (parampin prints 4'b111):
a binary or hex override was dropped and the whole module fell back to its defaults (heldout11
combo_lock's thrcount narrowed the timer to its default threshold 1000, 10 bits, instead of 200, 8)."""

from pathlib import Path

from rtlopt.design import open_design
from rtlopt.semantic import _inst_params
from rtlopt.semantic.thrcount import candidates_for

SRC = """
module tmr #(parameter [3:0] K = 4'd1, parameter [7:0] M = 8'h10, parameter int T = 1000) (
    input wire clk, input wire rst, input wire go, output wire hit, output wire k_ok
);
    reg [15:0] t;
    assign hit = (t == 16'(T));
    assign k_ok = go && K[0] && (M != 0);
    always @(posedge clk)
        if (rst || hit) t <= '0;
        else if (go)    t <= t + 1'b1;
endmodule

module top (input wire clk, input wire rst, input wire go, output wire hit, output wire k_ok);
    tmr #(.K(4'b0101), .M(8'hA5), .T(200)) u (.*);
endmodule
"""


def test_radix_overrides_read(tmp_path):
    f = tmp_path / "top.sv"
    f.write_text(SRC)
    d = open_design([str(f)], "top")
    assert _inst_params(d) == {"tmr": {"K": 5, "M": 0xA5, "T": 200}}


def test_thrcount_uses_the_override(tmp_path):
    f = Path(tmp_path / "top.sv")
    f.write_text(SRC)
    d = open_design([str(f)], "top")
    got = candidates_for({f: SRC}, "top", params=_inst_params(d))
    assert got, "the timer read only through '== T' narrows"
    assert any("up to 201: 16 -> 8 bits" in desc for _t, desc in got), [d for _t, d in got]
