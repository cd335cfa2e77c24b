"""FSM in a child module: the top's constant input ties are assumed by the extraction (states entered
only when a tied-low input is 1 are unreachable), and timers in the machine's arms are narrowed to their
per-state bounds (declared with a parameter width set by the top, ``reg [CW-1:0] cnt``).

Own designs: designs/generalization/fsm/tied_guard_onehot_v (Verilog one-hot on parameter bit
positions, case (1'b1) next-state vector) and tied_service_enum_sv (SV enum, two processes). Near misses:
the same child twice with different ties, an input connected to a signal, a timer bound read from an input.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import extract, plan
from rtlopt.fsm._candidates import design_with_text

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "fsm"
PUMP = ROOT / "tied_guard_onehot_v" / "original.v"
LAM = ROOT / "tied_service_enum_sv" / "original.sv"

_TIE_TOP = "    .clk(clk), .rst(rst), .go(go), .dry(dry), .flush_en(1'b0),"


def _pump_variant(tmp_path: Path, name: str, top: str) -> Path:
    """The pump's child with another top (``top``: the text after ``endmodule`` of the child)."""
    child = PUMP.read_text().split("module pump_ctrl")[0]
    f = tmp_path / name
    f.write_text(child + top)
    return f


TWO_TIES = """\
module pump_ctrl (input wire clk, input wire rst, input wire go, input wire dry,
                  output wire pump_on, output wire valve, output wire alarm,
                  output wire pump2, output wire valve2, output wire alarm2);
  pump_seq #(.PRIME_T(20), .RUN_T(60), .FLUSH_T(3000), .CW(16)) u_a (
    .clk(clk), .rst(rst), .go(go), .dry(dry), .flush_en(1'b0),
    .pump_on(pump_on), .valve(valve), .alarm(alarm));
  pump_seq #(.PRIME_T(20), .RUN_T(60), .FLUSH_T(3000), .CW(16)) u_b (
    .clk(clk), .rst(rst), .go(go), .dry(dry), .flush_en(1'b1),
    .pump_on(pump2), .valve(valve2), .alarm(alarm2));
endmodule
"""

SIGNAL_TIE = """\
module pump_ctrl (input wire clk, input wire rst, input wire go, input wire dry, input wire pro,
                  output wire pump_on, output wire valve, output wire alarm);
  wire fl = pro & go;
  pump_seq #(.PRIME_T(20), .RUN_T(60), .FLUSH_T(3000), .CW(16)) u_seq (
    .clk(clk), .rst(rst), .go(go), .dry(dry), .flush_en(fl),
    .pump_on(pump_on), .valve(valve), .alarm(alarm));
endmodule
"""

# the run time is an input: the timer's bound is not a constant of the machine
INPUT_BOUND_V = """\
module soak_seq #(parameter CW = 16) (
  input wire clk, input wire rst, input wire go, input wire aux, input wire [CW-1:0] soak_len,
  output wire busy, output wire done
);
  localparam S_IDLE = 0, S_SOAK = 1, S_AUX = 2, S_DONE = 3;
  reg [3:0] st;
  reg [CW-1:0] cnt;
  always @(posedge clk) begin
    if (rst) begin st <= 4'b0001; cnt <= 0; end
    else begin
      cnt <= 0;
      if (st[S_IDLE] && go) begin st[S_IDLE] <= 1'b0; st[S_SOAK] <= 1'b1; end
      if (st[S_SOAK]) begin
        cnt <= cnt + 1'b1;
        if (cnt == soak_len) begin
          st[S_SOAK] <= 1'b0; cnt <= 0;
          if (aux) st[S_AUX] <= 1'b1; else st[S_DONE] <= 1'b1;
        end
      end
      if (st[S_AUX]) begin st[S_AUX] <= 1'b0; st[S_DONE] <= 1'b1; end
      if (st[S_DONE] && !go) begin st[S_DONE] <= 1'b0; st[S_IDLE] <= 1'b1; end
    end
  end
  assign busy = st[S_SOAK] | st[S_AUX];
  assign done = st[S_DONE];
endmodule

module soak_ctrl (input wire clk, input wire rst, input wire go, input wire [15:0] soak_len,
                  output wire busy, output wire done);
  soak_seq #(.CW(16)) u_s (.clk(clk), .rst(rst), .go(go), .aux(1'b0), .soak_len(soak_len),
                           .busy(busy), .done(done));
endmodule
"""


@pytest.fixture(scope="module")
def pump_plans():
    return plan(open_design([PUMP], top="pump_ctrl"))[0]


@pytest.fixture(scope="module")
def lam_plans():
    return plan(open_design([LAM], top="laminator"))[0]


def _decl(plans):
    got = [p for p in plans if p.encoding == "declaration"]
    assert len(got) <= 1
    return got[0] if got else None


def _width_of(text: str, reg: str) -> int | None:
    m = re.search(rf"(?m)^\s*(?:reg|logic)\s*\[(\d+):0\]\s*{reg}\s*;", text)
    return int(m.group(1)) + 1 if m else None


def test_tie_makes_state_unreachable_verilog_onehot():
    ex = extract(open_design([PUMP], top="pump_ctrl"), below_top=True)
    (m,) = ex.fsms
    assert "P_FLUSH" not in m.reachable
    assert m.source.ties == {"flush_en": "1'd0"}
    assert "flush_en" not in m.inputs
    # without the top (the child alone) the flush state is reachable
    alone = extract(open_design([PUMP], top="pump_seq"), below_top=True)
    assert "P_FLUSH" in alone.fsms[0].reachable and "flush_en" in alone.fsms[0].inputs


def test_tie_makes_state_unreachable_sv_enum():
    (m,) = extract(open_design([LAM], top="laminator"), below_top=True).fsms
    assert "SERVICE" not in m.reachable and m.source.ties == {"svc_mode": "1'd0"}


def test_plans_drop_state_and_narrow_parameter_width_timer(pump_plans, lam_plans):
    for plans, reg, bits, gone in ((pump_plans, "cnt", 6, "P_FLUSH"), (lam_plans, "tmr", 6, "SERVICE")):
        d = _decl(plans)
        assert d is not None and d.rules == ("register_width_reduction",)
        assert _width_of(d.text, reg) == bits, d.description
        # beside it, the binary re-encoding with the timer narrowed; every re-encoding drops the state
        combined = [p for p in plans if p is not d and "register_width_reduction" in p.rules]
        assert combined and all(p.encoding == "binary" and _width_of(p.text, reg) == bits for p in combined)
        assert all(f"{gone} removed" in p.description for p in plans if p is not d)


def test_combined_narrowing_when_a_read_is_width_sensitive(tmp_path):
    # the timer is also read as a concatenation {cnt, 1'b0}: narrowing the declaration alone would change
    # that read, so the narrowing comes with the re-encoded machine (which rewrites every read)
    src = LAM.read_text().replace("assign ready = (st == IDLE);",
                                  "assign ready = (st == IDLE) && ({tmr, 1'b0} == '0);")
    f = tmp_path / "lam2.sv"
    f.write_text(src)
    plans, _ = plan(open_design([f], top="laminator"))
    assert _decl(plans) is None
    combined = [p for p in plans if "register_width_reduction" in p.rules]
    assert combined and all(p.encoding == "binary" and _width_of(p.text, "tmr") == 6 for p in combined)
    assert all("SERVICE removed" in p.description for p in combined)


def test_near_miss_two_instances_different_ties(tmp_path):
    f = _pump_variant(tmp_path, "two.v", TWO_TIES)
    d = open_design([f], top="pump_ctrl")
    (m,) = extract(d, below_top=True).fsms
    assert not m.source.ties and "P_FLUSH" in m.reachable and "flush_en" in m.inputs
    plans, _ = plan(d)
    assert plans and not any("P_FLUSH removed" in p.description for p in plans)
    # FLUSH counts to 2999: a narrowing, if any, keeps 12 bits
    for p in plans:
        w = _width_of(p.text, "cnt")
        assert w is None or w >= 12, p.description


def test_near_miss_same_tie_twice_is_a_tie(tmp_path):
    f = _pump_variant(tmp_path, "same.v", TWO_TIES.replace(".flush_en(1'b1)", ".flush_en(1'b0)"))
    (m,) = extract(open_design([f], top="pump_ctrl"), below_top=True).fsms
    assert m.source.ties == {"flush_en": "1'd0"} and "P_FLUSH" not in m.reachable


def test_near_miss_input_tied_to_a_signal(tmp_path):
    f = _pump_variant(tmp_path, "sig.v", SIGNAL_TIE)
    d = open_design([f], top="pump_ctrl")
    (m,) = extract(d, below_top=True).fsms
    assert not m.source.ties and "P_FLUSH" in m.reachable
    for p in plan(d)[0]:
        assert "P_FLUSH removed" not in p.description
        w = _width_of(p.text, "cnt")
        assert w is None or w >= 12, p.description


def test_near_miss_bound_from_an_input(tmp_path):
    f = tmp_path / "soak.v"
    f.write_text(INPUT_BOUND_V)
    d = open_design([f], top="soak_ctrl")
    (m,) = extract(d, below_top=True).fsms
    assert m.source.ties == {"aux": "1'd0"}  # the tie still applies
    plans, _ = plan(d)
    assert plans
    assert not any("register_width_reduction" in p.rules for p in plans), [p.description for p in plans]


@pytest.mark.yosys
def test_declaration_narrowing_proven_and_too_narrow_refuted(pump_plans):
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    gold = open_design([PUMP], top="pump_ctrl")
    d = _decl(pump_plans)
    gate = design_with_text(gold, d.file, d.text)
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=240, counterexample=False))
    assert res.verdict == Verdict.EQUIVALENT, res
    # 4 bits cannot hold PRIME_T - 1 = 19: the machine never leaves PRIME, the alarm of a dry run differs
    # (cycle ~23: within the BMC depth; 5 bits would differ only at RUN_T, past cycle 80)
    bad_text = d.text.replace("reg [5:0] cnt;", "reg [3:0] cnt;")
    assert bad_text != d.text
    bad = design_with_text(gold, d.file, bad_text)
    res = check_equivalence(gold, bad, VerifyOptions(timeout_s=240, bmc_depth=32, counterexample=False))
    assert res.verdict == Verdict.NOT_EQUIVALENT, res


@pytest.mark.yosys
def test_reencoding_without_tied_state_proven_sv(lam_plans):
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    gold = open_design([LAM], top="laminator")
    p = next(p for p in lam_plans if p.encoding == "binary")
    gate = design_with_text(gold, p.file, p.text)
    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=240, state_map=p.state_map,
                                                      engines=("abc", "smt", "abc"), counterexample=False))
    assert res.verdict == Verdict.EQUIVALENT, res


def _restyled(has_flush: int) -> str:
    """The pump with the tie through the parent's parameter (``.flush_en(HAS_FLUSH != 0)``) and the
    timer's clear written as one ternary."""
    s = PUMP.read_text()
    s = s.replace("module pump_ctrl (", f"module pump_ctrl #(parameter HAS_FLUSH = {has_flush}) (")
    s = s.replace(".flush_en(1'b0)", ".flush_en(HAS_FLUSH != 0)")
    old = "      if (nst != st || st[P_IDLE] || st[P_STOP]) cnt <= 0;\n      else cnt <= cnt + 1'b1;"
    assert old in s
    return s.replace(old, "      cnt <= (nst == st && !(st[P_IDLE] | st[P_STOP])) ? cnt + 1'b1 : {CW{1'b0}};")


@pytest.mark.parametrize("has_flush,bits", [(0, 6), (1, 12)])
def test_restyled_tie_through_parent_parameter(tmp_path, has_flush, bits):
    f = tmp_path / "pump_p.v"
    f.write_text(_restyled(has_flush))
    d = open_design([f], top="pump_ctrl")
    (m,) = extract(d, below_top=True).fsms
    assert m.source.ties == ({"flush_en": "1'd0"} if not has_flush else {"flush_en": "1'd1"})
    assert ("P_FLUSH" in m.reachable) == bool(has_flush)
    dec = _decl(plan(d)[0])
    assert dec is not None and _width_of(dec.text, "cnt") == bits
