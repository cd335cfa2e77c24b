"""Property-based tests of FSM minimization (hypothesis; small machines, few examples).

The checks are independent of :mod:`rtlopt.fsm.minimize`: a product-machine search decides state
equivalence / implementation, and a brute-force enumeration of closed covers gives the minimum of
incompletely specified machines.
"""

from __future__ import annotations

import itertools
from collections import deque

import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtlopt.fsm import minimize, minimized_fsm
from rtlopt.fsm.model import Fsm, Transition

SETTINGS = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def fsm_from_table(n: int, nsym: int, nxt: dict, out: dict, obits: int = 1) -> Fsm:
    """Build an Fsm over one input ``i`` (symbol = value of i); nxt/out entries may be None (don't care)."""
    w = max(1, (nsym - 1).bit_length())
    i = z3.BitVec("i", w)
    states = [f"s{k}" for k in range(n)]
    trans = []
    for s in range(n):
        for a in range(nsym):
            d, o = nxt[(s, a)], out[(s, a)]
            if d is None and o is None:
                continue
            val = 0 if o is None else o
            dc = (1 << obits) - 1 if o is None else 0
            trans.append(Transition(f"s{s}", None if d is None else f"s{d}", i == a,
                                    {"o": (z3.BitVecVal(val, obits), dc)}))
    # symbols beyond nsym (when nsym is not a power of two) never occur: leave them unspecified
    f = Fsm("rand", states, "s0", {"i": w}, {"o": obits}, trans)
    f.unreachable = [s for s in f.states if s not in set(f.reachable)]
    return f


def explicit(f: Fsm, nsym: int):
    """(next, out) per (state, symbol) for any Fsm over input i, read back through z3."""
    i = z3.BitVec("i", f.inputs["i"])
    tab = {}
    for s in f.states:
        for a in range(nsym):
            tab[(s, a)] = (None, None)
            for t in f.out_of(s):
                if z3.is_true(z3.simplify(z3.substitute(t.guard, (i, z3.BitVecVal(a, i.size()))))):
                    e, dc = t.outputs["o"]
                    o = None if dc else z3.simplify(e).as_long()
                    tab[(s, a)] = (t.dst, o)
    return tab


def implements(orig: Fsm, red: Fsm, nsym: int) -> bool:
    """Does ``red`` match ``orig`` on every input sequence from reset wherever ``orig`` is specified?"""
    to, tr = explicit(orig, nsym), explicit(red, nsym)
    seen = {(orig.reset, red.reset)}
    q = deque(seen)
    while q:
        s, r = q.popleft()
        for a in range(nsym):
            ns, os_ = to[(s, a)]
            nr, or_ = tr[(r, a)]
            if os_ is not None and or_ != os_:
                return False
            if ns is None:
                continue
            if nr is None:
                return False
            if (ns, nr) not in seen:
                seen.add((ns, nr))
                q.append((ns, nr))
    return True


def brute_equiv_classes(f: Fsm, nsym: int) -> int:
    """Number of equivalence classes of the reachable states (pair search for distinguishing words)."""
    tab = explicit(f, nsym)
    reach = f.reachable
    dist = set()
    for s, t in itertools.combinations(reach, 2):
        # BFS over pairs: s,t distinguishable iff some reachable pair differs in output
        seen = {(s, t)}
        q = deque([(s, t)])
        found = False
        while q and not found:
            a_, b_ = q.popleft()
            for a in range(nsym):
                (na, oa), (nb, ob) = tab[(a_, a)], tab[(b_, a)]
                if oa != ob:
                    found = True
                    break
                if (na, nb) not in seen:
                    seen.add((na, nb))
                    q.append((na, nb))
        if found:
            dist.add((s, t))
    classes: list[list[str]] = []
    for s in reach:
        for c in classes:
            if (c[0], s) not in dist and (s, c[0]) not in dist:
                c.append(s)
                break
        else:
            classes.append([s])
    return len(classes)


@st.composite
def planted(draw):
    """A random complete machine with k core states and copies of them (minimum known by construction)."""
    k = draw(st.integers(1, 4))
    nsym = draw(st.sampled_from([2, 4]))
    copies = draw(st.integers(0, 4))
    core_next = {(s, a): draw(st.integers(0, k - 1)) for s in range(k) for a in range(nsym)}
    core_out = {(s, a): draw(st.integers(0, 1)) for s in range(k) for a in range(nsym)}
    phi = list(range(k)) + [draw(st.integers(0, k - 1)) for _ in range(copies)]
    n = len(phi)
    members = {c: [s for s in range(n) if phi[s] == c] for c in range(k)}
    nxt, out = {}, {}
    for s in range(n):
        for a in range(nsym):
            tgt = core_next[(phi[s], a)]
            nxt[(s, a)] = draw(st.sampled_from(members[tgt]))
            out[(s, a)] = core_out[(phi[s], a)]
    return n, nsym, nxt, out


@SETTINGS
@given(planted())
def test_planted_equivalent_states_minimize_to_exact_minimum(m):
    n, nsym, nxt, out = m
    f = fsm_from_table(n, nsym, nxt, out)
    res = minimize(f)
    expected = brute_equiv_classes(f, nsym)
    assert res.method == "partition" and res.optimal
    assert res.n_after == expected
    red = minimized_fsm(f, res)
    assert implements(f, red, nsym)
    assert implements(red, f, nsym)


@st.composite
def isfsm(draw):
    n = draw(st.integers(2, 5))
    nsym = 2
    nxt, out = {}, {}
    for s in range(n):
        for a in range(nsym):
            nxt[(s, a)] = None if draw(st.integers(0, 3)) == 0 else draw(st.integers(0, n - 1))
            out[(s, a)] = None if draw(st.integers(0, 2)) == 0 else draw(st.integers(0, 1))
    return n, nsym, nxt, out


def brute_min_cover(f: Fsm, nsym: int) -> int:
    """Minimum closed cover by compatible sets containing the reset state (enumeration)."""
    tab = explicit(f, nsym)
    states = f.reachable

    def compatible(c) -> bool:
        for s, t in itertools.combinations(c, 2):
            for a in range(nsym):
                os_, ot = tab[(s, a)][1], tab[(t, a)][1]
                if os_ is not None and ot is not None and os_ != ot:
                    return False
        return True

    cands = [frozenset(c) for r in range(1, len(states) + 1) for c in itertools.combinations(states, r)
             if compatible(c)]
    for k in range(1, len(states) + 1):
        for cover in itertools.combinations(cands, k):
            if not any(f.reset in c for c in cover):
                continue
            ok = True
            for c in cover:
                for a in range(nsym):
                    succ = {tab[(s, a)][0] for s in c} - {None}
                    if succ and not any(succ <= d for d in cover):
                        ok = False
                        break
                if not ok:
                    break
            if ok:
                return k
    return len(states)


@SETTINGS
@given(isfsm())
def test_incompletely_specified_minimum_matches_brute_force(m):
    n, nsym, nxt, out = m
    f = fsm_from_table(n, nsym, nxt, out)
    res = minimize(f)
    red = minimized_fsm(f, res)
    assert implements(f, red, nsym)
    if res.optimal:
        assert res.n_after == brute_min_cover(f, nsym)
    else:
        assert res.lower_bound <= brute_min_cover(f, nsym) <= res.n_after


@SETTINGS
@given(isfsm())
def test_heuristic_cover_is_correct_and_bounded(m):
    from rtlopt.fsm import closed_cover
    n, nsym, nxt, out = m
    f = fsm_from_table(n, nsym, nxt, out)
    res = closed_cover(f.table(), exact_max_states=0)
    assert res.method == "heuristic"
    red = minimized_fsm(f, res)
    assert implements(f, red, nsym)
    best = brute_min_cover(f, nsym)
    assert res.lower_bound <= best <= res.n_after


@st.composite
def rtl_machine(draw):
    """A random complete machine written as two-process Verilog (binary codes, 2-bit input, Mealy output)."""
    n = draw(st.integers(2, 6))
    nxt = {(s, a): draw(st.integers(0, n - 1)) for s in range(n) for a in range(4)}
    out = {(s, a): draw(st.integers(0, 1)) for s in range(n) for a in range(4)}
    style = draw(st.sampled_from(["case", "if"]))
    return n, nxt, out, style


def rtl_text(n, nxt, out, style) -> str:
    w = max(1, (n - 1).bit_length())
    params = ", ".join(f"S{k} = {w}'d{k}" for k in range(n))
    arms = []
    for s in range(n):
        if style == "case":
            inner = " ".join(f"2'b{a:02b}: begin ns = S{nxt[(s, a)]}; y = 1'b{out[(s, a)]}; end" for a in range(4))
            arms.append(f"      S{s}: case (i) {inner} endcase")
        else:
            arms.append(
                f"      S{s}: if (i[1]) begin if (i[0]) begin ns = S{nxt[(s, 3)]}; y = 1'b{out[(s, 3)]}; end "
                f"else begin ns = S{nxt[(s, 2)]}; y = 1'b{out[(s, 2)]}; end end "
                f"else if (i[0]) begin ns = S{nxt[(s, 1)]}; y = 1'b{out[(s, 1)]}; end "
                f"else begin ns = S{nxt[(s, 0)]}; y = 1'b{out[(s, 0)]}; end")
    return (f"module r(input clk, input rst, input [1:0] i, output reg y);\n"
            f"  localparam {params};\n  reg [{w - 1}:0] s, ns;\n"
            f"  always @(posedge clk or posedge rst) if (rst) s <= S0; else s <= ns;\n"
            f"  always @(*) begin\n    ns = s; y = 1'b0;\n    case (s)\n" + "\n".join(arms) +
            "\n    endcase\n  end\nendmodule\n")


@settings(max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(rtl_machine())
def test_extraction_of_random_rtl_matches_its_table(tmp_path, m):
    from rtlopt.design import open_design
    from rtlopt.fsm import extract
    n, nxt, out, style = m
    p = tmp_path / "r.v"
    p.write_text(rtl_text(n, nxt, out, style))
    ex = extract(open_design(p))
    g = fsm_from_table(n, 4, {(s, a): nxt[(s, a)] for s in range(n) for a in range(4)}, out)
    if len(g.reachable) == 1:
        assert ex.fsms == [] and "only one reachable state" in ex.rejections[0].reason
        return
    assert len(ex.fsms) == 1
    f = ex.fsms[0]
    i = z3.BitVec("i", 2)
    reach = f.reachable
    for s in reach:
        k = int(s[1:])
        for a in range(4):
            ts = [t for t in f.out_of(s)
                  if z3.is_true(z3.simplify(z3.substitute(t.guard, (i, z3.BitVecVal(a, 2)))))]
            assert len(ts) == 1
            assert ts[0].dst == f"S{nxt[(k, a)]}"
            e, dc = ts[0].outputs["y"]
            assert dc == 0
            assert z3.simplify(z3.substitute(e, (i, z3.BitVecVal(a, 2)))).as_long() == out[(k, a)]
    # and minimization agrees with the brute-force equivalence classes of the explicit table
    assert minimize(f).n_after == brute_equiv_classes(g, 4)
