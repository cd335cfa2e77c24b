"""``rtlopt check`` skips work whose result it would throw away, without changing what it reports:
duplicate-register candidates the check drops are not confirmed with Yosys, alternative spellings of a
sharing are not computed, and FSMs whose states sampled inputs already tell apart are not minimized
with z3 (the sampled evaluator is exact at its samples, so a difference it sees is real)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import z3

from rtlopt.commands import check
from rtlopt.hdl import project as prj


@pytest.fixture(autouse=True)
def _no_active_project():
    old = prj.set_active(None)
    yield
    prj.set_active(old)


def _w(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


# two registers with the same next-state logic (one netlist signature) but different initial values:
# not the same register, so the check drops the candidate; b_dup is a true duplicate of b
DUP_INIT = """module dupinit (input clk, input [7:0] d, output [7:0] y, output [7:0] z, output [7:0] u);
  reg [7:0] a = 8'd0;
  reg [7:0] a2 = 8'd5;
  reg [7:0] b, b_dup;
  always @(posedge clk) begin
    a <= d;
    a2 <= d;
    b <= d ^ 8'h5a;
    b_dup <= d ^ 8'h5a;
  end
  assign y = a ^ a2;
  assign z = b;
  assign u = b_dup + a;
endmodule
"""


@pytest.mark.yosys
def test_duplicate_registers_the_check_drops_are_not_confirmed(tmp_path, monkeypatch):
    from rtlopt.semantic import seqred
    from rtlopt.templates import _stmt

    asked: list[tuple] = []
    real = seqred.analyze_texts

    def spy(texts, top, timeout_s=30.0, focus=None):
        asked.append(tuple(focus or ()))
        return real(texts, top, timeout_s=timeout_s, focus=focus)

    monkeypatch.setattr(seqred, "analyze_texts", spy)
    _stmt._SEQ_CACHE.clear()
    f = _w(tmp_path / "dupinit.v", DUP_INIT)
    rep = check.check_files([f], only={"redundant_register_removal"})
    got = [x.message for x in rep.findings]
    assert got == ["registers b_dup duplicate 'b'"], got  # the true duplicate, confirmed by Yosys
    assert asked == [("b", "b_dup")]  # a / a2 (initial values differ) never reached Yosys
    # the optimizer (no prefilter) still asks about both groups
    from rtlopt.templates import REGISTRY, analyze

    asked.clear()
    _stmt._SEQ_CACHE.clear()
    REGISTRY["redundant_register_removal"].match(analyze(DUP_INIT, str(f)))
    assert sorted(asked) == [("a", "a2"), ("b", "b_dup")]


SHARE = """module sh(input [1:0] op, input [7:0] a, input [7:0] b, input [7:0] c, output reg [7:0] y);
  always @(*) begin
    case (op)
      2'd0: y = a + b;
      2'd1: y = a - c;
      2'd2: y = b + c;
      default: y = 8'd0;
    endcase
  end
endmodule
"""


def test_report_only_skips_alternatives_but_keeps_the_finding(tmp_path, monkeypatch):
    from rtlopt.templates import REGISTRY, analyze

    tmpl = REGISTRY["exclusive_operator_sharing"]
    full = tmpl.match(analyze(SHARE, str(tmp_path / "sh.v")))
    assert any(m.data.get("alternative") for m in full)  # the optimizer gets the other spellings
    called: list[int] = []
    monkeypatch.setattr(type(tmpl), "_followups", lambda self, an, out: called.append(1) or [])
    an = analyze(SHARE, str(tmp_path / "sh.v"))
    an.report_only = True
    brief = tmpl.match(an)
    assert not called and not any(m.data.get("alternative") for m in brief)
    assert {m.description for m in brief} == {m.description for m in full if not m.data.get("alternative")}
    rep = check.check_files([_w(tmp_path / "sh.v", SHARE)], only={"exclusive_operator_sharing"})
    assert [x.rule for x in rep.findings] and all(x.rule == "exclusive_operator_sharing" for x in rep.findings)


# a wide-input controller (a 16-bit length counter compared and multiplied, a variable shift): its
# states differ on outputs, so nothing merges; the same machine with a copied state merges
CTRL = """module ctrl (input clk, input rst, input go, input [15:0] len, input [3:0] sh, output reg [15:0] cnt,
  output reg busy, output reg [15:0] w);
  localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2, RUN2 = 2'd3;
  reg [1:0] st;
  always @(posedge clk) begin
    if (rst) begin st <= IDLE; cnt <= 16'd0; busy <= 1'b0; w <= 16'd0; end
    else case (st)
      IDLE: begin busy <= 1'b0; w <= len * 16'd3; if (go) begin st <= RUN; cnt <= len; end end
      RUN: begin busy <= 1'b1; w <= len >> sh; cnt <= cnt - 16'd1; if (cnt == 16'd0) st <= DONE; end
      DONE: begin busy <= 1'b0; w <= 16'd1; st <= IDLE; end
      RUN2: begin busy <= 1'b1; w <= len >> sh; cnt <= cnt - 16'd1; if (cnt == 16'd0) st <= DONE; end
    endcase
  end
endmodule
"""


def _fsms(path: Path):
    from rtlopt.design import DesignRef
    from rtlopt.fsm import extract
    from rtlopt.hdl.source import load_design

    parsed = load_design([path])
    return extract(DesignRef((path.resolve(),), "ctrl", parsed)).fsms


def test_sampled_distinct_agrees_with_minimization(tmp_path):
    from rtlopt.fsm import minimize
    from rtlopt.fsm.minimize import sampled_distinct

    apart = _w(tmp_path / "apart.v", CTRL)
    (fsm,) = _fsms(apart)
    assert sampled_distinct(fsm)
    m = minimize(fsm, timeout_s=5.0)
    assert m.n_after == m.n_before  # what the shortcut claims
    # RUN2 reachable and written like RUN: the two merge, and the samples must not claim otherwise
    merged = _w(tmp_path / "merged.v", CTRL.replace("if (go) begin st <= RUN;",
                                                      "if (go) begin st <= len[0] ? RUN2 : RUN;"))
    (fsm2,) = _fsms(merged)
    assert not sampled_distinct(fsm2)
    m2 = minimize(fsm2, timeout_s=5.0)
    assert m2.n_after < m2.n_before
    rep = check.check_files([merged], only={"fsm_state_minimization"})
    assert [x.rule for x in rep.findings] == ["fsm_state_minimization"]
    assert not check.check_files([apart], only={"fsm_state_minimization"}).findings


def test_sampled_evaluator_matches_z3_on_products_and_variable_shifts():
    from rtlopt.fsm._truth import SampledTables, TruthTables

    x, y, z = z3.BitVec("x", 5), z3.BitVec("y", 3), z3.BitVec("z", 4)
    ye = z3.ZeroExt(2, y)
    exprs = [x * ye, x * 3, x * ye * x, x << ye, z3.LShR(x, ye), x >> ye, z3.LShR(x, z3.ZeroExt(1, z)),
             z3.ZeroExt(1, z) << x, x * x + ye]

    def ref(e, vals):
        sub = [(v, z3.BitVecVal(vals[v.decl().name()], v.size())) for v in (x, y, z)]
        return z3.simplify(z3.substitute(e, *sub)).as_long()

    tt = TruthTables([x, y, z])
    rng = random.Random(3)
    for e in exprs:
        masks = tt.bv(e)
        for m in rng.sample(range(1 << tt.n), 64):
            vals = {"x": 0, "y": 0, "z": 0}
            for i, (nm, b) in enumerate(tt.bits):
                vals[nm] |= ((m >> i) & 1) << b
            assert sum(((mk >> m) & 1) << b for b, mk in enumerate(masks)) == ref(e, vals), (e, vals)
    st = SampledTables([x, y, z], k=64)
    for e in exprs:
        masks = st.bv(e)
        for j in range(64):
            vals = {nm: sum(((mk >> j) & 1) << b for b, mk in enumerate(st.env[nm])) for nm in st.env}
            assert sum(((mk >> j) & 1) << b for b, mk in enumerate(masks)) == ref(e, vals), (e, vals)


# several bounded registers written under the same case of one state register: every register's
# induction reads the same guard literals
SAME_GUARDS = """module sg (input clk, input rst, input [2:0] op, input go, output [7:0] a, output [7:0] b,
  output [7:0] c);
  reg [7:0] ca, cb, cc;
  reg [1:0] st;
  always @(posedge clk) begin
    if (rst) begin st <= 2'd0; ca <= 8'd0; cb <= 8'd0; cc <= 8'd0; end
    else case (st)
      2'd0: begin if (go) st <= 2'd1; ca <= (ca == 8'd5) ? 8'd0 : ca + 8'd1; end
      2'd1: begin if (op == 3'd2) st <= 2'd2; cb <= (cb == 8'd9) ? 8'd0 : cb + 8'd1; end
      2'd2: begin if (op[0]) st <= 2'd0; cc <= (cc >= 8'd2) ? 8'd0 : cc + 8'd1; ca <= 8'd0; end
      default: st <= 2'd0;
    endcase
  end
  assign a = ca;
  assign b = cb;
  assign c = cc;
endmodule
"""


def test_register_bounds_translate_each_guard_once_and_find_the_same(monkeypatch):
    from rtlopt.templates import REGISTRY, _guards, _regwidth, analyze

    tmpl = REGISTRY["register_width_reduction"]
    calls = []
    real = _guards.lit_z3

    def counting(an, zx, lit, as_text=False):
        calls.append(lit)
        return real(an, zx, lit, as_text)

    monkeypatch.setattr(_guards, "lit_z3", counting)
    shared = sorted(m.description for m in tmpl.match(analyze(SAME_GUARDS, "sg.v")))
    n_shared = len(calls)
    # the same search with a fresh translator per write and no memo (what it did before)
    monkeypatch.setattr(_regwidth, "_shared_zx", lambda an, vol, defs: _guards.Z3Expr(an, volatile=set(vol), defs=defs))
    monkeypatch.setattr(_regwidth, "_lit_once", lambda an, zx, g, lit_z3: lit_z3(an, zx, g))
    calls.clear()
    fresh = sorted(m.description for m in tmpl.match(analyze(SAME_GUARDS, "sg.v")))
    assert shared == fresh
    assert any("ca 8 -> 3 bits" in d for d in shared), shared
    assert n_shared < len(calls)


def test_a_time_limit_wrapped_by_a_native_call_is_a_time_limit(tmp_path, monkeypatch):
    """z3 and pyslang call back into Python; a limit firing there comes back as ctypes.ArgumentError
    ("argument 1: _RuleDeadline: "): reported as the matcher's time limit, not as a matcher bug, and the
    file's own limit still stops the file's remaining matchers."""
    import ctypes

    from rtlopt.templates import REGISTRY

    f = _w(tmp_path / "m.v", "module m(input [7:0] a, output [15:0] y);\n  assign y = a * 8'd10;\nendmodule\n")
    tmpl = REGISTRY["const_mult_to_shift_add"]

    def wrapped_rule(_an):
        raise ctypes.ArgumentError("argument 1: _RuleDeadline: ")

    monkeypatch.setattr(tmpl, "match", wrapped_rule)
    rep = check.check_files([f], only={"const_mult_to_shift_add"})
    assert [s["reason"] for s in rep.skipped] == [f"matcher exceeded its time limit of {check.RULE_TIMEOUT:g} s"]

    def wrapped_file(_an):
        raise ctypes.ArgumentError("argument 2: _Deadline: ")

    monkeypatch.setattr(tmpl, "match", wrapped_file)
    rep = check.check_files([f], only={"const_mult_to_shift_add", "constant_folding"})
    assert [s["reason"] for s in rep.skipped if "per-file time limit" in s["reason"]], rep.skipped
    assert not any("matcher failed" in s["reason"] for s in rep.skipped)


def test_one_sharing_reported_once_whatever_the_order_of_its_operations(tmp_path, monkeypatch):
    from rtlopt.templates import REGISTRY
    from rtlopt.templates._base import Match

    f = _w(tmp_path / "as.v", "module as(input s, input [7:0] a, b, output [7:0] y);\n"
                              "  assign y = s ? a - b : a + b;\nendmodule\n")
    tmpl = REGISTRY["exclusive_operator_sharing"]

    def two_orders(an):
        s0 = an.text.index("a - b")
        msgs = ["one 8-bit adder/subtractor shared by 2 exclusive operations (a - b, a + b)",
                "one 8-bit adder/subtractor shared by 2 exclusive operations (a + b, a - b)",
                "one 8-bit adder/subtractor shared by 2 exclusive operations (a + b, a - b), selects exactly the guards",
                "one 8-bit adder/subtractor shared by 2 exclusive operations (a + b, a - c)"]
        return [Match(tmpl.id, s0, s0 + 5, 2, f"{tmpl.id}: {m}", ()) for m in msgs]

    monkeypatch.setattr(tmpl, "match", two_orders)
    rep = check.check_files([f], only={"exclusive_operator_sharing"})
    assert sorted(x.message for x in rep.findings) == sorted([
        "one 8-bit adder/subtractor shared by 2 exclusive operations (a - b, a + b)",
        "one 8-bit adder/subtractor shared by 2 exclusive operations (a + b, a - b), selects exactly the guards",
        "one 8-bit adder/subtractor shared by 2 exclusive operations (a + b, a - c)"])
