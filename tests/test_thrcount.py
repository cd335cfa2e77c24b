"""thrcount: a counter read only through compares with constants up to K (its own increment and a
saturation test at its top aside) kept as clog2(K + 1) bits saturating at K, the thresholds taken at the
parameter values the top gives the module. Own designs designs/generalization/ranges/thrcount_debounce_v
(Verilog, two instances #(.N(5)), count saturating at 8'hFF read as '>= N') and thrcount_watchdog_sv (SV,
.* instance, LIMIT=10, a non-saturating count read as '> LIMIT', '== 2', '>= LIMIT - 1'); the candidates
are proven with the real prover (z3 needs verify/_smt's narrowed saturated copy zext(a) == min(b, K)).
Near misses (the count also an output, compared with another register, read by '==' above the width's
gain, read inside arithmetic) give no candidate."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.thrcount import candidates_for

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "ranges"
DEB = (GEN / "thrcount_debounce_v" / "original.v").read_text()
WD = (GEN / "thrcount_watchdog_sv" / "original.sv").read_text()


def _cands(tmp_path: Path, text: str, suffix: str, top: str, params: dict) -> tuple[Path, list]:
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, candidates_for({f: text}, top, 30.0, params)


def _verify(tmp_path: Path, f: Path, new: str, suffix: str, top: str, engines=None) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    opts = VerifyOptions(engines=engines, timeout_s=300) if engines else VerifyOptions(timeout_s=300)
    return check_equivalence(DesignRef([f], top), DesignRef([g], top), opts).verdict


def test_debounce_count_saturates_at_n_and_z3_proves_it(tmp_path):
    f, got = _cands(tmp_path, DEB, ".v", "debounce_top", {"debounce": {"N": 5}})
    assert len(got) == 1
    new = got[0][0][f]
    assert "reg [2:0] stable;" in new and "stable >= 3'd5" in new and "(stable == 3'd5) ? stable" in new
    # the module header and everything else byte for byte
    assert new.split("reg [2:0]")[0] == DEB.split("reg [7:0]")[0]
    assert _verify(tmp_path, f, new, ".v", "debounce_top", engines=("smt",)) == "EQUIVALENT"


def test_watchdog_non_saturating_count(tmp_path):
    f, got = _cands(tmp_path, WD, ".sv", "wdog", {"wdog_core": {"LIMIT": 10}})
    assert len(got) == 1
    new = got[0][0][f]
    assert "logic [3:0] missed;" in new and "missed > 4'd10" in new and "missed >= 4'd9" in new
    assert _verify(tmp_path, f, new, ".sv", "wdog") == "EQUIVALENT"


def test_wrong_threshold_is_refuted(tmp_path):
    # saturating one below what '> LIMIT' distinguishes is a different design: the prover says so
    f, got = _cands(tmp_path, WD, ".sv", "wdog", {"wdog_core": {"LIMIT": 10}})
    bad = got[0][0][f].replace("(missed == 4'd11)", "(missed == 4'd10)")
    assert _verify(tmp_path, f, bad, ".sv", "wdog") == "NOT EQUIVALENT"


@pytest.mark.parametrize("old,new", [
    # the count is also an output
    ("    output reg  dout\n", "    output reg  dout,\n    output wire [7:0] seen\n"),
    # compared with another register
    ("if (stable >= N)", "if (stable >= {7'd0, cand})"),
    # read by '==' at a value that needs the full width
    ("if (stable >= N)", "if (stable >= N || stable == 8'd250)"),
    # read inside arithmetic
    ("if (stable >= N)", "if (stable + 8'd3 >= N)"),
])
def test_near_misses(tmp_path, old, new):
    assert old in DEB
    text = DEB.replace(old, new)
    if "seen" in new:
        text = text.replace("    reg [7:0] stable;\n", "    reg [7:0] stable;\n    assign seen = stable;\n")
        text = text.replace(".dout(clean[0]));", ".dout(clean[0]), .seen());").replace(
            ".dout(clean[1]));", ".dout(clean[1]), .seen());")
    _f, got = _cands(tmp_path, text, ".v", "debounce_top", {"debounce": {"N": 5}})
    assert got == []


_STATE_TIMER = """
module dwell #(parameter SHORT = 3, parameter LONG = 12) (input clk, input rst, input go, output reg [1:0] st);
  reg [1:0] nst;
  reg [7:0] t;
  always @(*) begin
    nst = st;
    case (st)
      2'd0: if (go) nst = 2'd1;
      2'd1: if (t == SHORT - 1) nst = 2'd2;
      2'd2: if (t == LONG - 1) nst = 2'd0;
      default: nst = 2'd0;
    endcase
  end
  always @(posedge clk)
    if (rst) begin st <= 2'd0; t <= 8'd0; end
    else begin st <= nst; t <= (nst != st) ? 8'd0 : t + 8'd1; end
endmodule
"""


def test_timer_cleared_on_state_change_by_a_conditional_write(tmp_path):
    """A dwell timer written 't <= (nst != st) ? 0 : t + 1' (one conditional write, as state machines
    often spell it) and read only through '== LIMIT - 1' narrows like the if/else spelling."""
    f, got = _cands(tmp_path, _STATE_TIMER, ".v", "dwell", {"dwell": {"SHORT": 3, "LONG": 12}})
    assert len(got) == 1, got
    new, desc = got[0]
    assert "'t' is read only through compares up to 12: 8 -> 4 bits saturating at 12" in desc, desc
    assert "t <= (nst != st) ? 4'd0 : ((t == 4'd12) ? t : t + 1'b1);" in new[f]
    assert _verify(tmp_path, f, new[f], ".v", "dwell", engines=("abc",)) == "EQUIVALENT"
    # the condition reading the timer itself: not this form (no candidate)
    text = _STATE_TIMER.replace("(nst != st) ? 8'd0", "(t == 8'd40) ? 8'd0")
    assert _cands(tmp_path, text, ".v", "dwell", {"dwell": {"SHORT": 3, "LONG": 12}})[1] == []
