"""FSM extraction, minimization, regeneration, KISS2, DOT and the ``rtlopt fsm`` command (pure: no tools)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import z3
from conftest import BENCH, DESIGNS

from rtlopt.cli import main
from rtlopt.design import open_design
from rtlopt.errors import InputError, UnsupportedConstruct
from rtlopt.fsm import encode, extract, kiss2, minimize, minimized_fsm, plan, regenerate
from rtlopt.fsm.dot import to_dot

FSM = DESIGNS / "fsm"
FSM_BENCH = BENCH / "short_benchmark" / "fsm_small_case"

# design -> (state register, reachable states, minimum, Moore?, reset kind)
STYLES = {
    "fsm_one_process.v": ("state", 5, 4, True, ("rst", True, False)),
    "fsm_two_process.v": ("cur", 5, 4, True, ("rst_n", False, True)),
    "fsm_three_process.v": ("state", 5, 4, False, ("reset", True, True)),
    "fsm_enum.sv": ("state", 5, 3, True, ("rst_n", False, True)),
    "fsm_define.v": ("st", 4, 3, True, ("srst", True, False)),
    "fsm_onehot.v": ("state", 4, 3, True, ("rst", True, True)),
    "fsm_mealy.v": ("s", 6, 4, False, ("rst", True, True)),
    "fsm_casez.v": ("state", 4, 3, True, ("rst", True, True)),
    "fsm_async.v": ("ph", 4, 4, True, ("arst_n", False, True)),
    "fsm_xdc.v": ("st", 3, 2, True, ("rst", True, True)),
}


def one(path: Path, **kw):
    ex = extract(open_design(path), **kw)
    assert len(ex.fsms) == 1, (ex.rejections, ex.notes)
    return ex.fsms[0]


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_coding_style_is_extracted_and_minimized(name):
    reg, n, nmin, _moore, reset = STYLES[name]
    f = one(FSM / name)
    assert f.state_reg == reg
    assert len(f.reachable) == n
    assert f.source.reset == reset
    chk = f.check_guards()
    assert chk["nondeterministic"] == []
    m = minimize(f)
    assert m.n_after == nmin and m.optimal
    assert m.n_before == n


def test_moore_and_mealy_are_told_apart():
    assert one(FSM / "fsm_two_process.v").is_moore()
    assert not one(FSM / "fsm_mealy.v").is_moore()


def test_state_names_come_from_localparam_enum_define_and_onehot_indices():
    assert set(one(FSM / "fsm_enum.sv").states) == {"IDLE", "HEAD", "DATA0", "DATA1", "TAIL"}
    assert set(one(FSM / "fsm_define.v").states) == {"ST_OFF", "ST_R1", "ST_R2", "ST_ON"}
    f = one(FSM / "fsm_onehot.v")
    assert f.reset == "I_IDLE" and f.codes["I_SLOW_B"] == 0b1000


def test_guards_are_readable_and_casez_is_wildcard():
    from rtlopt.fsm._verilog import guard_text
    f = one(FSM / "fsm_casez.v")
    g = {t.dst: guard_text(t.guard, f.inputs) for t in f.out_of("IDLE")}
    assert g["G0"] == "req[0]"
    assert g["G1"] == "req[1:0] == 2'b10"
    assert g["G1B"] == "req == 3'b100"


def test_registered_outputs_of_one_and_three_process_styles():
    assert set(one(FSM / "fsm_one_process.v").source.registered_outputs) == {"busy", "done"}
    assert one(FSM / "fsm_three_process.v").source.registered_outputs == {"active": 0}


def test_missing_case_arm_in_clocked_block_is_hold_not_dont_care():
    f = one(FSM / "fsm_async.v")
    t = minimize(f).table
    assert t.completely_specified()
    # with step low every state holds
    for s in f.states:
        stay = [tr for tr in f.out_of(s) if tr.dst == s]
        assert stay, s


def test_rejections_name_the_construct_and_line():
    ex = extract(open_design(FSM / "not_fsm.v"))
    assert ex.fsms == []
    why = {r.signal: (r.line, r.reason) for r in ex.rejections}
    assert "latch" in why["state"][1] and "next_state" in why["state"][1]
    assert why["state"][0] == 16
    assert "counter" in why["cnt_state"][1]


def test_loops_are_unrolled_and_memories_reported_with_line(tmp_path):
    p = tmp_path / "loop.v"
    p.write_text("module loop(input clk, input rst, input a, output reg [3:0] q, output reg [7:0] d);\n"
                 "  reg [1:0] state;\n"
                 "  reg [7:0] mem [0:3];\n"
                 "  integer i;\n"
                 "  always @(posedge clk) if (rst) state <= 0; else case (state) 0: state <= a ? 1 : 0;"
                 " 1: state <= a ? 2 : 0; default: state <= 0; endcase\n"
                 "  always @(*) begin q = 0; for (i = 0; i < 4; i = i + 1) q[i] = (state == 2) ^ i[0]; end\n"
                 "  always @(posedge clk) begin mem[state] <= d; d <= mem[0]; end\n"
                 "endmodule\n")
    ex = extract(open_design(p))
    assert len(ex.fsms) == 1
    f = ex.fsms[0]
    assert "q" in f.outputs  # the loop was unrolled: q is a function of the state
    q_in_2 = {z3.simplify(t.outputs["q"][0]).as_long() for t in f.out_of("S_10")}
    assert q_in_2 == {0b0101}
    assert any("memory (unpacked array) 'mem'" in n and ":7:" in n for n in ex.notes)
    assert any("state is read outside the state machine (line 7)" in b for b in f.source.regen_blockers)


def test_unreachable_states_and_dead_transitions(tmp_path):
    p = tmp_path / "u.v"
    p.write_text("module u(input clk, input rst, input a, output y);\n"
                 "  localparam A = 2'd0, B = 2'd1, DEAD = 2'd2;\n"
                 "  reg [1:0] s;\n"
                 "  always @(posedge clk) if (rst) s <= A; else case (s)\n"
                 "    A: s <= a ? B : A;\n    B: s <= A;\n    DEAD: s <= B;\n    default: s <= A;\n  endcase\n"
                 "  assign y = (s == B);\nendmodule\n")
    f = one(p)
    assert f.unreachable == ["DEAD"]
    assert any(t.src == "DEAD" for t in f.dead_transitions())


def test_assumption_flag_and_pragmas_widen_dont_cares():
    with_pragma = one(FSM / "fsm_dontcare.v")
    assert minimize(with_pragma).n_after == 3
    without = one(FSM / "fsm_dontcare.v", pragmas=False)
    assert minimize(without).n_after == 5
    cli = one(FSM / "fsm_dontcare.v", pragmas=False, assume=["!(a && b)"])
    assert minimize(cli).n_after == 3


def test_unreachable_pragma(tmp_path):
    text = (FSM / "fsm_mealy.v").read_text().replace("reg [2:0] s, ns;", "reg [2:0] s, ns;\n    // rtlopt: unreachable S0B")
    p = tmp_path / "m.v"
    p.write_text(text)
    f = one(p)
    assert "S0B" in f.dont_care_states
    assert all(t.dst != "S0B" for t in f.transitions)


def test_bad_assumption_is_an_input_error():
    with pytest.raises(InputError):
        extract(open_design(FSM / "fsm_mealy.v"), assume=["no_such_signal == 1"])


@pytest.mark.bench
@pytest.mark.parametrize("case,n,nmin", [("example1", 6, 4), ("example2", 6, 4), ("example3", 7, 4),
                                         ("example4", 4, 4), ("example5", 4, 4)])
def test_shared_benchmark_fsms(case, n, nmin):
    if not FSM_BENCH.exists():
        pytest.skip("shared benchmark absent")
    f = one(FSM_BENCH / case / f"{case}_state.v")
    m = minimize(f)
    assert (len(f.reachable), m.n_after) == (n, nmin)


@pytest.mark.parametrize("name", ["fsm_mealy.v", "fsm_one_process.v", "fsm_onehot.v", "fsm_async.v", "fsm_enum.sv"])
@pytest.mark.parametrize("enc", ["binary", "gray", "onehot", "johnson"])
def test_regenerated_rtl_reparses_and_keeps_the_rest_byte_for_byte(name, enc, tmp_path):
    path = FSM / name
    d = open_design(path)
    f = extract(d).fsms[0]
    m = minimize(f)
    mf = minimized_fsm(f, m)
    smap = {s: mf.states[j] for s, j in m.state_map().items()}
    reg = regenerate(mf, enc, original=f, state_map=smap)
    text = path.read_text()
    first = f.source.blocks[0][0]
    last = f.source.blocks[-1][1]
    assert reg.text[:first] == text[:first]
    assert reg.text.endswith(text[last:])
    # the new file parses, and extraction finds the minimized machine in it
    p2 = tmp_path / name
    p2.write_text(reg.text)
    f2 = one(p2)
    assert len(f2.reachable) == m.n_after
    assert minimize(f2).n_after == m.n_after
    assert set(reg.state_map["map"]) == {f.codes[s] for s in f.reachable}


def test_encodings_are_distinct_codes():
    f = one(FSM / "fsm_mealy.v")
    for enc in ("binary", "gray", "onehot", "johnson"):
        codes, w = encode(f, enc)
        assert len(set(codes.values())) == len(codes)
        assert all(0 <= c < (1 << w) for c in codes.values())
        assert codes[f.reset] in (0, 1)
    g, _ = encode(f, "gray")
    from rtlopt.fsm.encode import state_order
    order = state_order(f)
    assert all(bin(g[a] ^ g[b]).count("1") == 1 for a, b in zip(order, order[1:], strict=False))


def test_regeneration_refuses_with_a_reason(tmp_path):
    p = tmp_path / "r.v"
    p.write_text("module r(input clk, input rst, input a, output [1:0] q, output busy);\n"
                 "  reg [1:0] state;\n"
                 "  always @(posedge clk) if (rst) state <= 0; else case (state) 0: state <= a ? 1 : 0;"
                 " 1: state <= 2; default: state <= 0; endcase\n"
                 "  assign q = state;\n  assign busy = state != 0;\nendmodule\n")
    f = one(p)
    # state is read by 'assign q' which is part of the machine: regeneration works (q is an output)
    assert "q" in f.outputs
    reg = regenerate(f, "onehot")
    assert "assign q = q_c;" in reg.text
    f.source.regen_blockers.append("test blocker")
    with pytest.raises(UnsupportedConstruct, match="test blocker"):
        regenerate(f, "binary")


def test_plan_gives_rules_and_state_maps():
    plans, skipped = plan(open_design(FSM / "fsm_mealy.v"))
    assert skipped == []
    # Mealy: no output encoding; binary and gray come in several state numberings (distinct codes)
    assert list(dict.fromkeys(p.encoding for p in plans)) == ["binary", "gray", "onehot", "johnson"]
    assert plans[0].rules == ("fsm_state_minimization", "fsm_reencode_binary")
    assert plans[0].state_map["gold_reg"] == "s"
    assert len(set(plans[0].state_map["map"].values())) == 4


def test_kiss2_round_trip(tmp_path):
    f = one(FSM / "fsm_mealy.v")
    path = tmp_path / "m.kiss2"
    kiss2.write(f, path)
    text = path.read_text()
    assert ".i 1" in text and ".o 1" in text and ".r S0" in text
    g = kiss2.read(path)
    assert len(g.states) == 6 and g.reset == "S0"
    assert minimize(g).n_after == 4


def test_kiss2_dont_cares_and_errors(tmp_path):
    g = kiss2.parse(".i 1\n.o 1\n0 a b 0\n1 a * -\n0 b a 1\n.e\n")
    assert not g.table().completely_specified()
    assert minimize(g).n_after == 2
    with pytest.raises(InputError, match="x.kiss2:3"):
        kiss2.parse(".i 2\n.o 1\n0 a b 0\n", file="x.kiss2")
    with pytest.raises(InputError):
        kiss2.parse("hello")


def test_dot_output():
    f = one(FSM / "fsm_mealy.v")
    d = to_dot(f)
    assert d.startswith("digraph") and "doublecircle" in d and "hit=1" in d
    assert d.count("->") == len(f.transitions) + 1


def test_cli_text_json_dot_kiss2(tmp_path, capsys):
    dot = tmp_path / "m.dot"
    k = tmp_path / "m.kiss2"
    assert main(["fsm", str(FSM / "fsm_mealy.v"), "--dot", str(dot), "--kiss2", str(k)]) == 0
    out = capsys.readouterr().out
    assert "minimized: 6 -> 4 states" in out and "{S0, S0B}" in out
    assert dot.read_text().startswith("digraph") and k.read_text().startswith("#")
    assert main(["fsm", str(FSM / "fsm_enum.sv"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["fsms"][0]["minimization"]["states_after"] == 3
    assert doc["fsms"][0]["reset"] == {"signal": "rst_n", "active_high": False, "asynchronous": True}
    assert main(["fsm", str(k)]) == 0
    assert "minimized: 6 -> 4" in capsys.readouterr().out


def test_cli_reports_rejections_and_bad_input(tmp_path, capsys):
    assert main(["fsm", str(FSM / "not_fsm.v")]) == 0
    out = capsys.readouterr().out
    assert "no state machines found" in out and re.search(r"not_fsm.v:16: .*latch", out)
    bad = tmp_path / "bad.v"
    bad.write_text("module bad(input a; endmodule\n")
    assert main(["fsm", str(bad)]) == 2
    assert main(["fsm", str(FSM / "fsm_mealy.v"), "--assume", "((("]) == 2


def test_guard_checks_on_nondeterministic_kiss2():
    g = kiss2.parse(".i 1\n.o 1\n- a b 0\n1 a a 0\n0 b a 1\n.e\n")
    chk = g.check_guards()
    assert chk["nondeterministic"] and chk["incomplete"] == ["b"]


def test_symbolic_guards_are_z3():
    f = one(FSM / "fsm_two_process.v")
    assert all(isinstance(t.guard, z3.BoolRef) for t in f.transitions)
    assert f.graph().number_of_nodes() == 5


def test_candidates_hook_without_ppa():
    from rtlopt.engine import Candidate
    from rtlopt.fsm import candidates
    cands = candidates(open_design(FSM / "fsm_casez.v"), measure_ppa=False)
    assert all(isinstance(c, Candidate) for c in cands)
    assert {c.hints["encoding"] for c in cands} == {"binary", "gray", "onehot", "johnson", "output"}
    c = cands[0]
    assert c.source == "fsm" and c.rules[0] == "fsm_state_minimization"
    assert c.hints["state_map"]["gold_reg"] == "state" and c.hints["states_after"] == 3
    assert "4 -> 3 states" in c.description


def test_unreachable_states_are_dropped_with_their_rule():
    plans, _ = plan(open_design(FSM / "fsm_unreachable.v"))
    assert plans[0].rules == ("fsm_unreachable_state_removal", "fsm_reencode_binary")
    assert "STATE_DBG1" not in plans[0].text and "STATE_DONE" in plans[0].text
    assert set(plans[0].state_map["map"]) == {0, 1, 2}


def test_dont_care_merges_name_their_rule():
    plans, _ = plan(open_design(FSM / "fsm_xdc.v"))
    assert plans[0].rules[:2] == ("fsm_state_minimization", "fsm_dont_care_merging")


def test_state_merge_on_partially_modelled_machine_says_so():
    """States that agree on the control outputs but drive an unmodelled memory output are not
    claimed equivalent without qualification (memory_folding_raw: {0,3} agree on busy, not on data_out
    until the memories are folded)."""
    from rtlopt.design import open_design
    from rtlopt.fsm import extract
    from rtlopt.fsm.minimize import minimize, minimized_fsm
    from rtlopt.fsm.report import fsm_json, fsm_text, unmodelled_outputs
    src = BENCH / "short_benchmark/memory/memory_folding/memory_folding_raw.v"
    if not src.exists():
        pytest.skip("benchmark not present")
    ex = extract(open_design([src]))
    assert ex.fsms, "the controller must be extracted"
    f = ex.fsms[0]
    assert "data_out" in unmodelled_outputs(f)
    m = minimize(f)
    mf = minimized_fsm(f, m)
    assert "data_out" in fsm_json(f, m, mf)["minimization"]["unmodelled_outputs"]
    assert "on the modelled outputs only" in fsm_text(f, m, mf)


def test_state_register_on_an_output_port_is_observable(tmp_path):
    """A state register that is itself an output port shows its code: two states that agree on every
    other output and transition are still different (merging them made the port constant), and no
    rewrite of the machine is offered (re-encoding would change the port)."""
    from rtlopt.fsm import candidates
    from rtlopt.fsm.minimize import minimize

    src = tmp_path / "rdy.v"
    src.write_text("module rdy(input clk, input rst_n, input go, output reg [3:0] ready, output reg busy);\n"
                   "  always @(posedge clk or negedge rst_n)\n"
                   "    if (!rst_n) begin ready <= 4'd1; busy <= 1'b0; end\n"
                   "    else case (ready)\n"
                   "      4'd1: begin if (go) ready <= 4'd0; busy <= go; end\n"
                   "      default: begin if (go) ready <= 4'd1; busy <= go; end\n"
                   "    endcase\nendmodule\n")
    ex = extract(open_design(src))
    f = next(m for m in ex.fsms if m.state_reg == "ready")
    assert minimize(f).n_after == 2 and "ready" in f.outputs
    assert candidates(open_design(src), measure_ppa=False) == []
