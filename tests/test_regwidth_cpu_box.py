"""register_width_reduction's next-state/flag bound search is time-boxed in CPU seconds of the process,
not wall-clock seconds: on a loaded machine (load 26 on 2 cores) a wall-clock box expired before the z3
queries had run and a done-flag counter kept its 32 bits. Simulated here by a wall clock that jumps
5 s on every read; the bound is still found (two styles), and a counter the flag does not stop is still
refused under the same clock."""

from __future__ import annotations

import itertools
import time

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction

RW = RegisterWidthReduction()

SV_DONE = """module settle (input logic clk, input logic rst, input logic go, output logic ready);
  logic [31:0] n;
  always_ff @(posedge clk) begin
    if (rst) begin n <= '0; ready <= 1'b1; end
    else if (go) begin n <= '0; ready <= 1'b0; end
    else if (!ready) begin
      n <= n + 32'd1;
      if (n == 32'd40) ready <= 1'b1;
    end
  end
endmodule
"""

V_EXPIRED = """module hold (input clk, input rst, input load, output busy);
  integer tm;
  reg expired;
  always @(posedge clk)
    if (rst) begin tm <= 0; expired <= 1'b1; end
    else if (load) begin tm <= 25; expired <= 1'b0; end
    else if (!expired) begin
      tm <= tm - 1;
      if (tm == 1) expired <= 1'b1;
    end
  assign busy = !expired && (tm[4:0] != 5'd7);
endmodule
"""


@pytest.fixture
def slow_wall_clock(monkeypatch):
    base = time.monotonic()
    ticks = itertools.count()
    monkeypatch.setattr(time, "monotonic", lambda: base + 5.0 * next(ticks))


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


@pytest.mark.parametrize("text,want", [(SV_DONE, "n 32 -> 6 bits"), (V_EXPIRED, "tm (integer) 32 -> 5 bits")])
def test_flag_bound_found_under_a_slow_wall_clock(slow_wall_clock, text, want):
    assert any(want in d for d in _descs(text)), _descs(text)


def test_counter_the_flag_does_not_stop_is_refused_under_a_slow_wall_clock(slow_wall_clock):
    # the counter keeps stepping after the flag is set (the step is not guarded by it): all 32 bits reach
    free = SV_DONE.replace("else if (!ready) begin", "else begin")
    assert not any(d.startswith("register_width_reduction") and "n 32 ->" in d for d in _descs(free)), _descs(free)
