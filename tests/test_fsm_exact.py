"""Exact ISFSM minimization: semantic output compatibility, SAT minimum vs brute force, time limits,
KISS2 round trip, and the same random machine from KISS2 and from Verilog in several styles.

The random machines, the brute-force minimum and the KISS2 simulator come from
``benchmarks/fsm_minimize_bench.py`` (independent of rtlopt.fsm)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
import z3

from rtlopt.fsm import kiss2, minimize, minimized_fsm
from rtlopt.fsm.minimize import incompatible_pairs
from rtlopt.fsm.model import Fsm, Transition

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import fsm_minimize_bench as fb  # noqa: E402


def _guarded_constant_machine() -> Fsm:
    """R -> A (i0) / B (!i0), output 0. A: output i0 & !i1 (0 whenever i1 is 1), back to R.
    B: only specified for i1 = 1 (output constant 0, back to R). A and B are compatible (2 states)."""
    i = z3.BitVec("i", 2)
    b0, b1 = z3.Extract(0, 0, i), z3.Extract(1, 1, i)
    zero = (z3.BitVecVal(0, 1), 0)
    ts = [
        Transition("R", "A", b0 == 1, {"y": zero}),
        Transition("R", "B", b0 == 0, {"y": zero}),
        Transition("A", "R", z3.BoolVal(True), {"y": (b0 & ~b1, 0)}),
        Transition("B", "R", b1 == 1, {"y": zero}),
    ]
    return Fsm("g", ["R", "A", "B"], "R", {"i": 2}, {"y": 1}, ts)


@pytest.mark.parametrize("engine", ["truth", "z3"])
def test_output_constant_under_a_guard_is_compatible_with_the_constant(engine):
    f = _guarded_constant_machine()
    table = f.table() if engine == "truth" else f._table_z3(f.reachable, 4096)
    inc = incompatible_pairs(table)
    assert frozenset(("A", "B")) not in inc
    assert frozenset(("R", "A")) in inc and frozenset(("R", "B")) in inc
    if engine == "truth":
        m = minimize(f)
        assert m.n_after == 2 and m.optimal and m.lower_bound == 2
        red = minimized_fsm(f, m)
        assert len(red.states) == 2


def test_symbolic_word_equal_to_a_constant_word_on_a_class():
    """A 4-bit output word written as an expression that is the constant 5 on every input where the
    other state specifies it: the states merge (was: whole-word ids never met the constants)."""
    i = z3.BitVec("i", 1)
    five = (z3.BitVecVal(5, 4), 0)
    ts = [
        Transition("R", "A", i == 1, {"w": five}),
        Transition("R", "B", i == 0, {"w": five}),
        Transition("A", "R", z3.BoolVal(True), {"w": (z3.If(i == 1, z3.BitVecVal(5, 4), z3.BitVecVal(9, 4)), 0)}),
        Transition("B", "R", i == 1, {"w": five}),
    ]
    f = Fsm("w", ["R", "A", "B"], "R", {"i": 1}, {"w": 4}, ts)
    for table in (f.table(), f._table_z3(f.reachable, 4096)):
        assert frozenset(("A", "B")) not in incompatible_pairs(table)


@pytest.mark.parametrize("seed", range(16))
def test_sat_minimum_matches_brute_force(seed):
    n = 3 + seed % 4
    dc = (0.2, 0.4, 0.6)[seed % 3]
    tab = fb.random_machine(n, 2, 2, dc, 7000 + seed, reduce_to=max(2, n - 2) if seed % 2 else None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    m = minimize(f)
    inc = fb.incompatibility(tab, n, 2)
    assert m.optimal
    assert m.n_after == fb.brute_min(tab, n, 2, inc)
    red = minimized_fsm(f, m)
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(red), seed, runs=100, length=30) is None


@pytest.mark.parametrize("seed", range(3))
def test_medium_machines_exact_and_correct(seed):
    n = 40
    tab = fb.random_machine(n, 2, 2, 0.5, 9100 + seed, reduce_to=28)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    m = minimize(f)
    assert m.optimal and m.method in ("exact-sat", "partition")
    assert fb.clique_bound(fb.incompatibility(tab, n, 2), n) <= m.n_after <= n
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), seed) is None


def test_time_limit_is_honoured_and_gap_stated():
    n = 90
    tab = fb.random_machine(n, 2, 2, 0.7, 80000, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t0 = time.monotonic()
    m = minimize(f, timeout_s=2.0)
    took = time.monotonic() - t0
    assert took < 2.0 + 8.0  # table + heuristic outside the SAT budget; generous for a loaded machine
    assert not m.optimal and m.lower_bound < m.n_after
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 1, runs=20) is None


def test_exact_max_states_selects_the_heuristic():
    tab = fb.random_machine(12, 2, 1, 0.4, 4242)
    f = kiss2.parse(fb.to_kiss2(tab, 12, 2, 1))
    m = minimize(f, exact_max_states=5)
    assert m.method == "heuristic"
    assert m.lower_bound <= minimize(f).n_after <= m.n_after


def test_kiss2_round_trip():
    n = 9
    tab = fb.random_machine(n, 2, 3, 0.3, 31337)
    text = fb.to_kiss2(tab, n, 2, 3)
    f = kiss2.parse(text)
    again = kiss2.parse(kiss2.dumps(f))
    assert again.states == f.states and again.reset == f.reset
    assert fb.simulate_check(tab, n, 2, 3, kiss2.dumps(f), 5) is None
    assert fb.simulate_check(tab, n, 2, 3, kiss2.dumps(again), 6) is None
    assert minimize(again).n_after == minimize(f).n_after


@pytest.mark.parametrize("style", ["case", "reverse_case", "onehot", "oneproc"])
def test_verilog_styles_give_the_kiss2_minimum(style, tmp_path):
    from rtlopt.design import open_design
    from rtlopt.fsm import extract

    n = 5
    tab = fb.random_machine(n, 1, 1, 0.3, 5001, reduce_to=3)
    want = minimize(kiss2.parse(fb.to_kiss2(tab, n, 1, 1))).n_after
    p = tmp_path / "rfsm.v"
    p.write_text(fb.to_verilog(tab, n, 1, 1, style))
    ex = extract(open_design([p]))
    assert ex.fsms, [str(r) for r in ex.rejections]
    m = minimize(ex.fsms[0])
    assert m.optimal and m.n_after == want
    assert fb.simulate_check(tab, n, 1, 1, kiss2.dumps(minimized_fsm(ex.fsms[0], m)), 2) is None


# ---------------------------------------------------------------------- SAT engine (issue 13)
def test_dc_heavy_minimum_above_the_clique_bound_confirmed_independently():
    """70 % don't-cares: the minimum (16) is above every clique of incompatible states (14), so only
    the SAT search proves it; the bench's own plain encoding (MiniSat) confirms 15 is impossible."""
    n = 40
    tab = fb.random_machine(n, 2, 2, 0.7, 40001, reduce_to=28)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    m = minimize(f)
    inc = fb.incompatibility(tab, n, 2)
    assert m.optimal and m.method == "exact-sat" and m.lower_bound == m.n_after == 16
    assert fb.clique_bound(inc, n) < m.n_after
    assert fb.cover_exists(tab, n, 2, m.n_after - 1, inc, timeout=120) is False
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 3) is None


@pytest.mark.parametrize(("n", "dc", "seed", "min_rounds"), [(24, 0.7, 24000, 3), (20, 0.7, 20001, 2), (12, 0.0, 12000, 1)])
def test_bench_subset_refinement_agrees_with_the_minimum(n, dc, seed, min_rounds):
    """The bench's MeMin-style subset refinement (solve on a subset of the states, extend, add the
    states that do not fit) finds a cover at rtlopt's minimum and none one class below (the
    subset's UNSAT is a relaxation's), after several rounds on the don't-care machines, where the
    minimum lies above the clique; a machine without don't-cares needs one round."""
    core = max(2, int(n * 0.7)) if seed % 2 else None
    tab = fb.random_machine(n, 2, 2, dc, seed, reduce_to=core)
    m = minimize(kiss2.parse(fb.to_kiss2(tab, n, 2, 2)))
    inc = fb.incompatibility(tab, n, 2)
    clique = fb.clique_bound(inc, n)
    assert m.optimal
    found, rounds, size = fb.subset_refinement(tab, n, 2, m.n_after, inc, timeout=120)
    assert found is True and rounds >= min_rounds and size <= n
    if dc:
        assert m.n_after > clique
        below, _rounds, _size = fb.subset_refinement(tab, n, 2, m.n_after - 1, inc, timeout=120)
        assert below is False
        assert fb.cover_exists(tab, n, 2, m.n_after - 1, inc, timeout=120) is False
    else:
        assert m.n_after == clique


@pytest.mark.parametrize("seed", range(24))
def test_incremental_cover_sat_agrees_with_a_plain_encoding(seed):
    """The symmetry breaking (clique classes, lexicographically ordered free classes) and the
    activation literals lose no cover: for every k from the clique to the minimum, CoverSat and
    the bench's plain encoding agree on whether a closed cover of k classes exists."""
    from rtlopt.fsm._cover_sat import CoverSat
    from rtlopt.fsm.minimize import _clique, _incompatibility

    n = 6 + seed % 7
    tab = fb.random_machine(n, 2, 2, 0.6 + 0.1 * (seed % 2), 123000 + seed, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    table = f.table()
    idx = {s: i for i, s in enumerate(table.states)}
    nxt = [[None if table.entries[(s, c)][0] is None else idx[table.entries[(s, c)][0]]
            for c in range(table.n_classes)] for s in table.states]
    inc = _incompatibility(table)
    clique = _clique(inc, first=idx[table.reset])
    sat = CoverSat(nxt, inc, clique)
    gt_inc = fb.incompatibility(tab, n, 2)
    try:
        k = len(clique)
        while True:
            res = sat.solve(k, 60.0)
            assert res != "timeout"
            # table state s<i> is ground-truth state i
            assert (res is not None) == fb.cover_exists(tab, n, 2, k, gt_inc), k
            if res is not None:
                break
            k += 1
    finally:
        sat.close()
    assert minimize(f).n_after == k


@pytest.mark.parametrize("seed", [4, 5, 7, 10])
def test_cover_sat_resumed_after_an_interrupted_class_build_and_guided_gives_the_same_answers(seed):
    """A class build stopped by the deadline is completed by the next call (counting it built with
    some successor variables missing gave wrong UNSAT answers when the search resumed), and phase
    hints from a cover change no answer: same k answers as an uninterrupted, unguided solver."""
    from rtlopt.fsm._cover_sat import CoverSat
    from rtlopt.fsm._greedy_cover import greedy_partition
    from rtlopt.fsm.minimize import _clique, _incompatibility

    n = 12 + seed % 6  # minimum above the clique bound on these seeds (the old build failed them)
    tab = fb.random_machine(n, 2, 2, 0.7, 78000 + seed, reduce_to=None)
    t = kiss2.parse(fb.to_kiss2(tab, n, 2, 2)).table()
    idx = {s: i for i, s in enumerate(t.states)}
    nxt = [[None if t.entries[(s, c)][0] is None else idx[t.entries[(s, c)][0]] for c in range(t.n_classes)]
           for s in t.states]
    inc = _incompatibility(t)
    cl = _clique(inc, first=idx[t.reset])
    part = greedy_partition(nxt, inc, cl + [s for s in range(n) if s not in cl], time.monotonic() + 5, rounds=1)
    ref, got = CoverSat(nxt, inc, cl), CoverSat(nxt, inc, cl)
    try:
        for k in range(len(cl), n + 1):
            want = ref.solve(k, 60.0)
            assert not got._add_class(time.monotonic() - 1.0)  # stopped right after its variables
            res = got.solve(k, 60.0, hint=[list(c) for c in part])
            assert res != "timeout" and (res is None) == (want is None), k
            if want is not None:
                break
    finally:
        ref.close()
        got.close()


_GUARDED_V = """
module g(input clk, input rst, input [1:0] in, output reg y);
  localparam R = 2'd0, A = 2'd1, B = 2'd2;
  reg [1:0] st, nx;
  always @(posedge clk) if (rst) st <= R; else st <= nx;
  always @(*) begin
    nx = 2'bx; y = 1'bx;
    case (st)
      R: begin y = 1'b0; nx = in[0] ? A : B; end
      A: begin y = in[0] & ~in[1]; nx = R; end
      B: if (in[1]) begin y = 1'b0; nx = R; end
      default: ;
    endcase
  end
endmodule
"""


def test_verilog_output_constant_only_under_some_guards_merges(tmp_path):
    """From Verilog: A's output ``in[0] & ~in[1]`` is 0 exactly where B specifies its output (in[1]),
    so A and B merge (3 -> 2 states); R conflicts with A on in = 01 and so with B through A."""
    from rtlopt.design import open_design
    from rtlopt.fsm import extract

    p = tmp_path / "g.v"
    p.write_text(_GUARDED_V)
    ex = extract(open_design([p]))
    assert ex.fsms, [str(r) for r in ex.rejections]
    f = ex.fsms[0]
    m = minimize(f)
    assert m.optimal and m.n_after == 2 and len(f.reachable) == 3
    assert sorted(len(b) for b in m.blocks) == [1, 2]


def test_time_limit_holds_on_a_hard_machine_and_the_best_cover_is_valid():
    n = 100
    tab = fb.random_machine(n, 2, 2, 0.7, 150000, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t0 = time.monotonic()
    m = minimize(f, timeout_s=1.5)
    took = time.monotonic() - t0
    assert took < 1.5 + 6.0  # generous for a loaded machine
    assert not m.optimal and fb.clique_bound(fb.incompatibility(tab, n, 2), n) <= m.lower_bound < m.n_after < n
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 1, runs=20) is None


def test_downward_sat_search_improves_the_greedy_cover_within_the_limit():
    """70 % don't-cares, 60 states: the upward ladder cannot reach the minimum in 3 s; the downward
    search (fresh solver, one class less at a time) must still end well below the greedy cover
    (35 classes on this machine), valid, with a bound no lower than the clique."""
    from rtlopt.fsm._greedy_cover import greedy_partition
    from rtlopt.fsm.minimize import _clique, _incompatibility

    n = 60
    tab = fb.random_machine(n, 2, 2, 0.7, 60700, reduce_to=None)
    f = kiss2.parse(fb.to_kiss2(tab, n, 2, 2))
    t = f.table()
    inc = _incompatibility(t)
    idx = {s: i for i, s in enumerate(t.states)}
    nxt = [[None if t.entries[(s, c)][0] is None else idx[t.entries[(s, c)][0]] for c in range(t.n_classes)]
           for s in t.states]
    cl = _clique(inc, first=idx[t.reset])
    greedy = len(greedy_partition(nxt, inc, cl + [s for s in range(n) if s not in cl], time.monotonic() + 30,
                                  rounds=1))
    t0 = time.monotonic()
    m = minimize(f, timeout_s=3.0)
    assert time.monotonic() - t0 < 3.0 + 6.0  # generous for a loaded machine
    assert len(cl) <= m.lower_bound <= m.n_after <= greedy - 2
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(f, m)), 4, runs=40) is None


def test_cover_sat_cadical_budget_slices_agree_with_glucose():
    """CaDiCaL has no interrupt in PySAT: it runs in conflict-budget slices; same answers as Glucose."""
    from rtlopt.fsm._cover_sat import CoverSat
    from rtlopt.fsm.minimize import _clique, _incompatibility

    n = 14
    tab = fb.random_machine(n, 2, 2, 0.6, 14014, reduce_to=9)
    t = kiss2.parse(fb.to_kiss2(tab, n, 2, 2)).table()
    inc = _incompatibility(t)
    idx = {s: i for i, s in enumerate(t.states)}
    nxt = [[None if t.entries[(s, c)][0] is None else idx[t.entries[(s, c)][0]] for c in range(t.n_classes)]
           for s in t.states]
    cl = _clique(inc, first=idx[t.reset])
    got = {}
    for name in ("glucose4", "cadical195"):
        sat = CoverSat(nxt, inc, cl, solver=name)
        try:
            got[name] = [sat.solve(k, 30.0) is not None for k in range(len(cl), n + 1)]
        finally:
            sat.close()
    assert got["glucose4"] == got["cadical195"] and got["glucose4"][-1]


def test_structural_dc_region_matches_quantifier_elimination():
    """``R(c ? a : b) = c & R(a) | !c & R(b)``, concatenations and x words: the structural don't-care
    region is the exact one (checked against the quantified definition by z3)."""
    from rtlopt.fsm.extract import _dc_region_struct

    i = z3.BitVec("i", 2)
    x1, x2 = z3.BitVec("x1", 3), z3.BitVec("x2", 3)
    e = z3.If(i == 0, z3.BitVecVal(1, 3), z3.If(i == 1, x1, z3.If(i == 2, z3.Concat(z3.Extract(0, 0, x2),
                                                                                      z3.BitVecVal(0, 2)), z3.BitVecVal(5, 3))))
    r = _dc_region_struct(e, {x1.get_id(), x2.get_id()})
    assert r is not None
    p1, p2 = z3.BitVec("p1", 3), z3.BitVec("p2", 3)
    exact = z3.Exists([x1, x2, p1, p2], e != z3.substitute(e, (x1, p1), (x2, p2)))
    s = z3.Solver()
    s.add(r != exact)
    assert s.check() == z3.unsat
    assert z3.simplify(z3.substitute(r, (i, z3.BitVecVal(3, 2)))).eq(z3.BoolVal(False))
    assert _dc_region_struct(z3.If(x1 == 0, i, i + 1), {x1.get_id()}) is None  # x in a condition: no shortcut
    # the same rules on minterm masks of the shared node table give the same region
    from rtlopt.fsm.extract import _dc_region_mask

    rm = _dc_region_mask(e, {"x1", "x2"})
    s = z3.Solver()
    s.add(rm != exact)
    assert s.check() == z3.unsat
    assert _dc_region_mask(z3.If(x1 == 0, i, i + 1), {"x1"}) is None


def test_truth_tables_on_the_node_table_agree_with_z3():
    """Bit-parallel evaluation through the shared node table (raw z3 C API, memo shared across
    calls) agrees with z3's own evaluation on every input, for every operator it implements."""
    import random

    from rtlopt.fsm._truth import Unsupported, shared

    a, b = z3.BitVec("ta", 3), z3.BitVec("tb", 3)
    c = z3.Bool("tc")
    exprs = [a + b, a - b, -a, a & b, a | ~b, a ^ b, z3.Concat(a, z3.Extract(1, 0, b)), z3.ZeroExt(2, a),
             z3.SignExt(1, b), a << 1, z3.LShR(b, 2), b >> 1, z3.If(c, a, b), z3.If(z3.ULT(a, b), a, b + 1),
             a * b, a * 3, a * b * a, a << b, z3.LShR(a, b), a >> b]  # (products, shifts by a variable)
    bools = [z3.ULT(a, b), z3.ULE(a, b), z3.UGT(a, b), z3.UGE(a, b), a < b, a <= b, a > b, a >= b, a == b,
             a != b, z3.And(c, a == 1), z3.Or(c, z3.Not(b == 2)), z3.Xor(c, a == b), z3.Implies(c, a == 0),
             c == (a == b), z3.BVRedOr(a) == 1, z3.BVRedAnd(b) == 0]
    rng = random.Random(5)
    for _ in range(2):  # a second round hits the memo of the shared tables
        for e in exprs + bools:
            vs = [v for v in (a, b, c) if any(v.eq(x) for x in _vars(e))]
            tt = shared(vs)
            got = tt.bool(e) if z3.is_bool(e) else tt.bv(e)
            for m in rng.sample(range(1 << tt.n), min(16, 1 << tt.n)):
                env = {}
                for i, (name, bit) in enumerate(tt.bits):
                    env[(name, bit)] = (m >> i) & 1
                subs = []
                for v in vs:
                    nm = v.decl().name()
                    if z3.is_bool(v):
                        subs.append((v, z3.BoolVal(bool(env[(nm, 0)]))))
                    else:
                        subs.append((v, z3.BitVecVal(sum(env[(nm, k)] << k for k in range(v.size())), v.size())))
                want = z3.simplify(z3.substitute(e, *subs))
                if z3.is_bool(e):
                    assert ((got >> m) & 1) == z3.is_true(want), (e, m)
                else:
                    assert sum(((g >> m) & 1) << k for k, g in enumerate(got)) == want.as_long(), (e, m)
    with pytest.raises(Unsupported):
        shared([a, b]).bv(z3.UDiv(a, b))  # not implemented: the callers fall back to z3


def _vars(e):
    from rtlopt.fsm._symbolic import z3_vars

    return z3_vars(e)


def test_one_process_x_style_with_dont_cares_extracts_fast(tmp_path):
    """``state <= 'bx`` in many arms of a one-process machine: next-state functions with many x
    words (this timed out at 20 states); extracted, minimized to the KISS2 minimum, simulated."""
    from rtlopt.design import open_design
    from rtlopt.fsm import extract

    n = 16
    tab = fb.random_machine(n, 2, 2, 0.5, 16016, reduce_to=11)
    want = minimize(kiss2.parse(fb.to_kiss2(tab, n, 2, 2))).n_after
    p = tmp_path / "rfsm.v"
    p.write_text(fb.to_verilog(tab, n, 2, 2, "oneproc"))
    t0 = time.monotonic()
    ex = extract(open_design([p]), timeout_s=60)
    assert ex.fsms, [str(r) for r in ex.rejections] + [str(x) for x in ex.notes]
    assert time.monotonic() - t0 < 30  # about 1 s; generous for a loaded machine
    m = minimize(ex.fsms[0])
    assert m.optimal and m.n_after == want
    assert fb.simulate_check(tab, n, 2, 2, kiss2.dumps(minimized_fsm(ex.fsms[0], m)), 7) is None
