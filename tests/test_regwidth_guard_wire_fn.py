"""register_width_reduction reads a step guard through a wire with one driver (``wire at_lim = (cnt ==
limit(ph))`` read in the clocked ``if``) and through a call of a function that only returns constants
(each value ``limit`` can return bounds the count). Fires on the Verilog phase sequencer (if-chain
function, ``==`` per phase: proven with per-state invariants) and on an SV timer (``assign hit = t >=
lim(st)``, a case function; ``return`` spellings are read the same way); both proven with the real verifier.

Near-misses: a function returning an input-dependent value, a function returning a limit that needs
the full width."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.templates._regwidth import RegisterWidthReduction
from rtlopt.templates._sem import analyze

RW = RegisterWidthReduction()
ROOT = Path(__file__).resolve().parents[1]
SEQ = (ROOT / "designs/generalization/ranges/perstate_timer_limitfn_v/original.v").read_text()

SV_TMR = """module tmr (input logic clk, input logic rst_n, input logic go, input logic [11:0] base,
            output logic done);
  typedef enum logic [1:0] {A, B, C} st_t;
  st_t st;
  logic [11:0] t;
  function automatic logic [11:0] lim(input st_t s);
    case (s)
      A: lim = 12'd9;
      B: lim = 12'd30;
      default: lim = 12'd2;
    endcase
  endfunction
  logic hit;
  assign hit = t >= lim(st);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin st <= A; t <= '0; end
    else if (hit) begin t <= '0; st <= (st == C) ? A : (st == A) ? B : C; end
    else if (go || st != A) t <= t + 12'd1;
  assign done = hit && st == C;
endmodule
"""


def _descs(text: str) -> list[str]:
    return [m.description for m in RW.match(text)]


def _prove(tmp_path: Path, old: str, new: str, suffix: str, top: str) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    a, b = tmp_path / ("old" + suffix), tmp_path / ("new" + suffix)
    a.write_text(old)
    b.write_text(new)
    return check_equivalence(DesignRef([a], top), DesignRef([b], top), VerifyOptions(timeout_s=120)).verdict.name


@pytest.mark.yosys
@pytest.mark.parametrize("text,suffix,top,reg,bits", [
    (SEQ, ".v", "phase_seq", "cnt 16", 6),  # limits 3/20/50/7: 51 needs 6 bits
    (SV_TMR, ".sv", "tmr", "t 12", 5),  # limits 9/30/2: 31 needs 5 bits
])
def test_guard_through_wire_and_function_narrowed_and_proven(tmp_path: Path, text, suffix, top, reg, bits):
    ms = [m for m in RW.match(text) if f"{reg} -> {bits} bits" in m.description]
    assert ms, _descs(text)
    new = RW.rewrite(text, ms[:1])
    assert analyze(new).errors == 0
    assert _prove(tmp_path, text, new, suffix, top) == "EQUIVALENT"


def test_function_of_an_input_not_narrowed():
    text = SV_TMR.replace("B: lim = 12'd30;", "B: lim = base;")
    assert "lim = base;" in text
    got = _descs(text)
    assert not any("t 12 -> 5 bits" in d for d in got), got


def test_function_limit_needing_the_full_width_not_narrowed():
    text = SEQ.replace("limit = 16'd50;", "limit = 16'd60000;")
    got = _descs(text)
    assert not any("cnt 16 ->" in d for d in got), got


def test_return_spelling_read_like_assignments():
    text = SV_TMR
    for arm in ("A", "B", "default"):
        text = text.replace(f"{arm}: lim = ", f"{arm}: return ")
    assert "return 12'd30;" in text
    got = _descs(text)
    assert any("t 12 -> 5 bits" in d for d in got), got
