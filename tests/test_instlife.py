"""Instances of one child module busy in disjoint cycles share one instance (rtlopt.semantic.instlife).

Fires: a send/retry controller's ack-timeout and backoff timers (SV, same parameters, lengths from
ports, kicked by an always_comb strobe decoder: one instance kicked by either strobe), a crossing
light's three segment timers of different lengths (Verilog localparam FSM: the module gets the
RTLOPT_EXT value hook, the length is selected by the strobe that loads it), heat/soak timers whose
limit is read while counting (selected by the phase of the parent's flag). Near-misses that must not
fire: a timer kicked together with the other (overlapping lifetimes), a design with one instance per
module (nothing elaborated). The child's value hook needs no parameter pin (engine.parampin).
Real Yosys, simulation, ABC/z3."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.semantic import instlife

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _run(tmp_path: Path, name: str, top: str, edits: list[tuple[str, str]] = ()):
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, instlife.candidates_for({f: text}, top, timeout_s=90)


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str, timeout_s: float = 240, desc: str = "") -> str:
    """The proof the search runs on the candidate: the engines instlife hints (instlife_candidates), not the
    automatic order (which gave ABC a slice it ran out of first on the dwell counters: 96 s, then z3 2 s)."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate" + old.suffix)
    g.write_text(new_text)
    engines = instlife.PROOF_ENGINES_LOOP if instlife.LOOP_NOTE in desc else instlife.PROOF_ENGINES
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(timeout_s=timeout_s, engines=engines))
    return res.verdict


@pytest.mark.yosys
@pytest.mark.slow
def test_retry_timers_share_one_instance_and_prove(tmp_path):
    f, got = _run(tmp_path, "instlife_retry_sv", "link_retry")
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert "u_bo" in desc and "strobe kick" in desc, desc
    assert t.count("bo_timer #(.W(8))") == 1, t
    assert ".kick((kick_bo) || (kick_tmo))" in t and ".len((kick_bo) ? (bo_len) : (tmo_len))" in t, t
    assert "assign bo_fired = tmo_fired;" in t
    # the child module is untouched (same parameters: no value hook)
    assert "RTLOPT_EXT" not in t
    assert _verdict(tmp_path, f, t, "link_retry", desc=got[0][1]) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_crossing_segment_timers_value_hook_by_strobe(tmp_path):
    f, got = _run(tmp_path, "instlife_traffic_v", "xing_ctrl")
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    # kept: the instance with the largest length (its 4-bit counter holds every length)
    assert re.search(r"seg_timer #\(\.LEN\(12\), \.CW\(4\), \.RTLOPT_EXT\(1\)\) u_wlk", t), t
    assert ".rtlopt_LEN((go_amb) ? (4) : (go_clr) ? (6) : (12))" in t, t
    assert "assign t_amb = t_wlk;" in t and "assign t_clr = t_wlk;" in t
    assert "left  <= rtlopt_LEN_v - 1;" in t and "reg [CW-1:0] left;" in t  # widths keep the parameter
    # the hook alone: the old module at RTLOPT_EXT = 0, every parameter value (no pin needed)
    from rtlopt.engine.hierarchy import module_span

    old = f.read_text()
    assert instlife.hook_only(old[slice(*module_span(old, "seg_timer"))], t[slice(*module_span(t, "seg_timer"))])
    assert _verdict(tmp_path, f, t, "xing_ctrl", desc=got[0][1]) == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.slow
def test_heat_soak_limit_selected_by_phase(tmp_path):
    f, got = _run(tmp_path, "lifeshare_child_timers_v", "heater_cycle")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert ".rtlopt_N(!heat ? (SOAK) : (HEAT))" in t, t
    assert ".start((go_s) || (go_h))" in t and "assign sd = hd;" in t
    assert "if (c == rtlopt_N_v - 1)" in t
    assert _verdict(tmp_path, f, t, "heater_cycle", desc=got[0][1]) == "EQUIVALENT"


@pytest.mark.yosys
def test_beacon_timers_with_implicit_port_connections(tmp_path):
    # '.clk, .rst' shorthand connections stay; the strobe and length connections are selected
    f, got = _run(tmp_path, "instlife_beacon_child_sv", "beacon_top")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "dn_timer #(.W(W)) u_pre (.clk, .rst, .load((ld_gap) || (ld_pre)), " \
           ".val((ld_gap) ? (W'(GAP - 1)) : (W'(PRE - 1))), .zero(pre_zero));" in t, t
    assert "assign gap_zero = pre_zero;" in t and " u_gap " not in t


@pytest.mark.yosys
@pytest.mark.slow
def test_dwell_counters_enable_follows_the_next_state(tmp_path):
    # level-enabled counters cleared while disabled hold their count one cycle into the other phase:
    # busy cycles overlap in phase codes, the cycles in which each one counts do not; the kept
    # instance's enable switches with the state's next value (the entering dwell starts from 0)
    f, got = _run(tmp_path, "instlife_dwell_sv", "valve_ctl")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert ".en((open_nx) ? (open) : (~open))" in t and ".rtlopt_LIM(open ? (25) : (40))" in t, t
    assert "assign open_met = closed_met;" in t and " u_open " not in t
    assert _verdict(tmp_path, f, t, "valve_ctl", desc=got[0][1]) == "EQUIVALENT"


@pytest.mark.yosys
def test_dwell_counter_enabled_in_both_states_does_not_fire(tmp_path):
    # the closed-dwell counter also counts while open with 'req' high: lifetimes overlap
    _f, got = _run(tmp_path, "instlife_dwell_sv", "valve_ctl", [(".en(~open)", ".en(~open | req)")])
    assert got == []


@pytest.mark.yosys
def test_overlapping_lifetimes_do_not_fire(tmp_path):
    # the backoff timer is also kicked with the first send: both run in the ack wait
    _f, got = _run(tmp_path, "instlife_retry_sv", "link_retry", [(
        "IDLE:    kick_tmo = start;", "IDLE:    begin kick_tmo = start; kick_bo = start; end")])
    assert got == []


@pytest.mark.yosys
def test_clearance_timer_kicked_with_walk_does_not_fire(tmp_path):
    # the clearance timer starts with the walk phase (runs beside the walk timer)
    _f, got = _run(tmp_path, "instlife_traffic_v", "xing_ctrl", [(
        ".go(go_clr), .tmo(t_clr)", ".go(go_clr | go_wlk), .tmo(t_clr)")])
    assert all("u_clr" not in d for _n, d in got), got


def test_no_two_instances_of_one_module_elaborates_nothing(tmp_path, monkeypatch):
    from rtlopt.semantic import seqred

    def boom(*_a, **_k):
        raise AssertionError("elaborated without two instances of one module")

    monkeypatch.setattr(seqred, "_load_cached", boom)
    monkeypatch.setattr(instlife, "_elab", boom)
    text = (GEN / "instlife_retry_sv" / "original.sv").read_text()
    line = next(ln for ln in text.splitlines() if " u_bo " in ln)
    text = text.replace(line, "  assign bo_fired = 1'b0;")
    assert text.count("bo_timer #(.W") == 1
    f = tmp_path / "d.sv"
    f.write_text(text)
    assert instlife.candidates_for({f: text}, "link_retry", timeout_s=30) == []


def test_pin_text_keeps_the_hook_unpinned():
    from rtlopt.engine.parampin import pin_text

    old = (GEN / "lifeshare_child_timers_v" / "original.v").read_text()
    new = old.replace("module ph_timer #(parameter N = 16, parameter W = 4) (",
                      "module ph_timer #(parameter N = 16, parameter W = 4, parameter RTLOPT_EXT = 0) (")
    new = new.replace("  output wire done\n);", "  output wire done,\n  input wire signed [31:0] rtlopt_N\n);\n"
                      "  wire signed [31:0] rtlopt_N_v = RTLOPT_EXT ? rtlopt_N : N;")
    new = new.replace("c == N - 1", "c == rtlopt_N_v - 1")
    assert new.count("rtlopt_N_v") == 3
    cfg = {"ph_timer": {(("N", "12"), ("W", "4")), (("N", "7"), ("W", "3"))},
           "heater_cycle": {(("HEAT", "12"), ("SOAK", "7"))}}
    assert pin_text(old, new, cfg) == new  # the hook is the old module at RTLOPT_EXT = 0
    # a hook that also changes the logic is not a hook: pinned (or refused)
    bad = new.replace("else c <= c + 1'b1;", "else c <= c + 2'd2;")
    assert pin_text(old, bad, cfg) != bad


@pytest.mark.yosys
def test_rule_example_is_what_the_generator_writes(tmp_path):
    import yaml

    rule = yaml.safe_load((ROOT / "rules" / "register" / "instance_lifetime_sharing.yaml").read_text())
    ex = rule["examples"][0]
    f = tmp_path / "blinker.v"
    f.write_text(ex["before"])
    got = instlife.candidates_for({f: ex["before"]}, ex["top"], timeout_s=60)
    assert [n[f] for n, _d in got] == [ex["after"]]


def test_combinational_instances_elaborate_nothing(tmp_path, monkeypatch):
    # two instances of one combinational module (instmux's case): no state, no lifetimes
    from rtlopt.semantic import seqred

    def boom(*_a, **_k):
        raise AssertionError("elaborated for instances without state")

    monkeypatch.setattr(seqred, "_load_cached", boom)
    monkeypatch.setattr(instlife, "_elab", boom)
    src = next((GEN / "inst_mux_ifelse").glob("original.*"))
    text = src.read_text()
    case = __import__("json").loads((GEN / "inst_mux_ifelse" / "case.json").read_text())
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    assert instlife.candidates_for({f: text}, case["top"], timeout_s=30) == []


def test_engine_order_hint_reaches_the_prover_options():
    from rtlopt.engine.search import _options
    from rtlopt.verify import VerifyOptions

    o = _options(VerifyOptions, 30.0, {"file": "x.v", "engines": instlife.PROOF_ENGINES})
    assert o.engines == ("smt", "abc") and o.timeout_s == 30.0
    assert _options(VerifyOptions, 30.0, {"file": "x.v"}).engines is None  # others: automatic order
