"""A binary counter read only through its digits becomes digit counters (rtlopt.semantic.digits):
recognised by evaluating the update and the readers, whatever their spelling; near misses (a reader
that is not a digit, a down counter, another register reading the counter) are left alone."""

from __future__ import annotations

import pytest

from rtlopt.semantic.digits import _chain, candidates_for

HOURS = """module hours (input clk, input rst, input tick, output [3:0] h_tens, output [3:0] h_ones);
  reg [4:0] h;
  always @(posedge clk)
    if (rst) h <= 5'd0;
    else if (tick) begin
      if (h == 5'd23) h <= 5'd0;
      else h <= h + 5'd1;
    end
  wire [4:0] q = h / 5'd10;
  assign h_tens = q[3:0];
  assign h_ones = h - q * 5'd10;
endmodule
"""


def test_digit_chain_from_port_values():
    import numpy as np
    xs = np.arange(3600, dtype=np.uint64)
    ports = {"a": xs % np.uint64(10), "b": (xs // np.uint64(60)) % np.uint64(10)}
    chain, idx = _chain(ports, 3600)
    # the tens of seconds no port reads closes the chain: 1, 10, 60, 600
    assert chain == [(1, 10), (10, 6), (60, 10), (600, 6)] and idx == {"a": 0, "b": 2}
    assert _chain({"a": (xs * np.uint64(3)) % np.uint64(10)}, 3600) is None  # not a digit


@pytest.mark.yosys
def test_hours_counter_with_divide_and_subtract_readers_becomes_digit_counters(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / "h.v"
    f.write_text(HOURS)
    got = candidates_for({f: HOURS}, "hours")
    assert len(got) == 1 and "0..23" in got[0][1], got
    new = got[0][0][f]
    assert "/" not in new and "reg [4:0] h;" not in new and "h_dg1" in new, new
    g = tmp_path / "new.v"
    g.write_text(new)
    # sequential from reset: ABC's induction proves it in seconds (the automatic order tries z3 first)
    res = check_equivalence(DesignRef([f], "hours"), DesignRef([g], "hours"),
                            VerifyOptions(engines=("abc",), timeout_s=120))
    assert res.verdict == "EQUIVALENT", res.reason


@pytest.mark.yosys
def test_near_misses_are_not_reencoded(tmp_path):
    f = tmp_path / "h.v"
    cases = [
        # a port that is a function of the counter but no digit
        HOURS.replace("assign h_ones = h - q * 5'd10;", "assign h_ones = {3'd0, h == 5'd7};"),
        # a down counter: its update is no increment
        HOURS.replace("else h <= h + 5'd1;", "else h <= h - 5'd1;").replace("if (h == 5'd23) h <= 5'd0;",
                                                                         "if (h == 5'd0) h <= 5'd23;"),
        # the wrap value is an overridable parameter: right for its default only, not rewritten
        HOURS.replace("module hours (", "module hours #(parameter TOP = 23) (").replace("h == 5'd23", "h == TOP"),
        # another register reads the counter
        HOURS.replace("endmodule", "  reg last;\n  always @(posedge clk) last <= h[0];\nendmodule"),
    ]
    for src in cases:
        f.write_text(src)
        assert candidates_for({f: src}, "hours") == [], src
