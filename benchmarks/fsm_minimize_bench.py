"""Exact ISFSM minimization benchmark: random machines (with/without don't-cares), from KISS2 and from
Verilog in several styles, minimized by ``rtlopt.fsm``; each result checked independently.

Usage::

    python benchmarks/fsm_minimize_bench.py [--sizes 5,10,20,40,80,150] [--seeds 3] [--styles kiss2,case,...]
        [--timeout 2 --cpu-clock]   # the 2 s limit in CPU seconds (fair on a machine loaded by others)
        [--dc-model rows]           # whole (state, input) rows unspecified instead of independent
                                    # next-state/output-bit don't-cares (see random_machine)
        [--memin 60]                # also MeMin's own search (its clique, fresh MiniSat per k), 60 s wall
        [--truth 120]               # rows not proven minimum: the true minimum by this script's own
                                    # SAT ladder (CaDiCaL, 120 CPU s): is the gap rtlopt's or unknown?

For every machine: the ground-truth table is generated here; rtlopt reads the KISS2 text or extracts
the machine from the Verilog text; minimizes it; the minimized machine is exported as KISS2 and
*simulated by this script's own KISS2 interpreter* against the ground-truth table on random input
sequences from reset (don't-care aware: the minimized output must match wherever the original is
specified, and it must specify a transition wherever the original does). Minimality is checked
against an exact method independent of rtlopt: brute-force closed-cover enumeration for small
machines, otherwise a clique of pairwise incompatible states computed here (a proof of the lower
bound); rows where the minimum is above that clique are marked ``sat`` (proven by rtlopt's SAT
only). Prints a table of states, don't-cares, minimum found, lower bound, times (wall seconds of
reading and of minimizing, then the CPU seconds of each: on a loaded machine wall time is no measure).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STYLES = ("kiss2", "case", "onehot", "oneproc", "reverse_case")


# ---------------------------------------------------------------------- random machines
DC_MODELS = ("entries", "rows")


def random_machine(n: int, ni: int, no: int, dc: float, seed: int, reduce_to: int | None = None,
                   dc_model: str = "entries"):
    """Ground truth: ``tab[(s, a)] = (next or None, out string of '0'/'1'/'-')``; every state reachable
    from state 0 through specified transitions. With ``reduce_to``, states are copies of a smaller
    random core machine (with don't-cares sprinkled in), so there is something to minimize.

    ``dc_model``: "entries" (the default) makes the next state and each output bit of every
    (state, input) row a don't-care independently with probability ``dc``; "rows" drops whole rows
    (next state and all outputs) with probability ``dc`` and leaves the other rows fully specified
    (a KISS2 file with that share of its lines missing: the unspecified-transition model of the
    ISFSM literature). A reachability edge that falls on a dropped row gets its row back."""
    if dc_model not in DC_MODELS:
        raise ValueError(f"dc_model {dc_model!r} not in {DC_MODELS}")
    rng = random.Random(seed)
    nsym = 1 << ni
    tab: dict[tuple[int, int], tuple[int | None, str]] = {}
    if reduce_to:
        core = reduce_to
        phi = list(range(core)) + [rng.randrange(core) for _ in range(n - core)]
        members = {c: [s for s in range(n) if phi[s] == c] for c in range(core)}
        cn = {(c, a): rng.randrange(core) for c in range(core) for a in range(nsym)}
        co = {(c, a): "".join(rng.choice("01") for _ in range(no)) for c in range(core) for a in range(nsym)}
        for s in range(n):
            for a in range(nsym):
                nx = rng.choice(members[cn[(phi[s], a)]])
                tab[(s, a)] = (nx, co[(phi[s], a)])
    else:
        for s in range(n):
            for a in range(nsym):
                tab[(s, a)] = (rng.randrange(n), "".join(rng.choice("01") for _ in range(no)))
    # don't-cares
    full = dict(tab)
    for key, (nx, o) in list(tab.items()):
        if dc_model == "rows":
            if rng.random() < dc:
                tab[key] = (None, "-" * no)
            continue
        if rng.random() < dc:
            nx = None
        o = "".join("-" if rng.random() < dc else ch for ch in o)
        tab[key] = (nx, o)
    # reachability: a spanning tree of specified edges from state 0
    order = list(range(1, n))
    rng.shuffle(order)
    reached = [0]
    used: set[tuple[int, int]] = set()
    for s in order:
        free = [(p, a) for p in reached for a in range(nsym) if (p, a) not in used]
        p, a = rng.choice(free)
        used.add((p, a))
        tab[(p, a)] = (s, full[(p, a)][1] if dc_model == "rows" else tab[(p, a)][1])
        reached.append(s)
    return tab


def to_kiss2(tab, n: int, ni: int, no: int) -> str:
    lines = []
    for s in range(n):
        for a in range(1 << ni):
            nx, o = tab[(s, a)]
            if nx is None and set(o) <= {"-"}:
                continue
            cube = "".join(str((a >> k) & 1) for k in range(ni))
            lines.append(f"{cube} s{s} {'*' if nx is None else f's{nx}'} {o}")
    return "\n".join([f".i {ni}", f".o {no}", f".s {n}", ".r s0", *lines, ".e"]) + "\n"


def _vout(o: str) -> str:
    return f"{len(o)}'b" + "".join("x" if c == "-" else c for c in reversed(o))  # o[k] is out[k]


def to_verilog(tab, n: int, ni: int, no: int, style: str) -> str:
    """The same machine as Verilog: ``in[k]`` is KISS2 input ``i{k}``, ``out[k]`` output ``o{k}``."""
    w = max(1, (n - 1).bit_length())
    nsym = 1 << ni
    head = [f"module rfsm(input clk, input rst, input [{ni - 1}:0] in, output reg [{no - 1}:0] out);"]
    if style in ("case", "oneproc"):
        head.append(f"  localparam [{w - 1}:0] " + ", ".join(f"S{s} = {w}'d{s}" for s in range(n)) + ";")
        head.append(f"  reg [{w - 1}:0] state, nxt;")
    else:
        head.append("  localparam " + ", ".join(f"S{s} = {s}" for s in range(n)) + ";")
        head.append(f"  reg [{n - 1}:0] state, nxt;")
    body: list[str] = []
    if style == "case":
        body.append("  always @(posedge clk) if (rst) state <= S0; else state <= nxt;")
        body.append("  always @(*) begin")
        body.append(f"    nxt = {{{w}{{1'bx}}}}; out = {{{no}{{1'bx}}}};")
        body.append("    case (state)")
        for s in range(n):
            body.append(f"      S{s}: case (in)")
            for a in range(nsym):
                nx, o = tab[(s, a)]
                parts = []
                if nx is not None:
                    parts.append(f"nxt = S{nx};")
                if set(o) != {"-"}:
                    parts.append(f"out = {_vout(o)};")
                if parts:
                    body.append(f"        {ni}'d{a}: begin {' '.join(parts)} end")
            body.append("        default: ;")
            body.append("      endcase")
        body.append("      default: ;")
        body.append("    endcase")
        body.append("  end")
    elif style == "oneproc":
        body.append("  always @(posedge clk)")
        body.append("    if (rst) state <= S0;")
        body.append("    else case (state)")
        for s in range(n):
            arms = []
            for a in range(nsym):
                nx, _o = tab[(s, a)]
                arms.append(f"in == {ni}'d{a}) state <= " + (f"S{nx}" if nx is not None else f"{w}'bx") + ";")
            body.append(f"      S{s}: if (" + " else if (".join(arms[:-1]) + " else state <= "
                        + (f"S{tab[(s, nsym - 1)][0]}" if tab[(s, nsym - 1)][0] is not None else f"{w}'bx") + ";")
        body.append(f"      default: state <= {w}'bx;")
        body.append("    endcase")
        body.append("  always @(*) begin")
        body.append(f"    out = {{{no}{{1'bx}}}};")
        body.append("    case (state)")
        for s in range(n):
            sel = []
            for a in range(nsym):
                _nx, o = tab[(s, a)]
                if set(o) != {"-"}:
                    sel.append(f"{ni}'d{a}: out = {_vout(o)};")
            if sel:
                body.append(f"      S{s}: case (in) " + " ".join(sel) + " default: ; endcase")
        body.append("      default: ;")
        body.append("    endcase")
        body.append("  end")
    else:  # one-hot with parameter bit positions; "onehot": if-chain on state[Sk], "reverse_case": case (1'b1)
        body.append(f"  always @(posedge clk) if (rst) state <= {n}'d1; else state <= nxt;")
        body.append("  always @(*) begin")
        body.append(f"    nxt = {{{n}{{1'bx}}}}; out = {{{no}{{1'bx}}}};")
        if style == "reverse_case":
            body.append("    case (1'b1)")
        for s in range(n):
            lines = []
            for a in range(nsym):
                nx, o = tab[(s, a)]
                parts = []
                if nx is not None:
                    parts.append(f"nxt = {n}'d0; nxt[S{nx}] = 1'b1;")
                if set(o) != {"-"}:
                    parts.append(f"out = {_vout(o)};")
                if parts:
                    lines.append(f"{ni}'d{a}: begin {' '.join(parts)} end")
            inner = "case (in) " + " ".join(lines) + " default: ; endcase"
            if style == "reverse_case":
                body.append(f"      state[S{s}]: {inner}")
            else:
                kw = "if" if s == 0 else "else if"
                body.append(f"    {kw} (state[S{s}]) begin {inner} end")
        if style == "reverse_case":
            body.append("      default: ;")
            body.append("    endcase")
        body.append("  end")
    return "\n".join(head + body + ["endmodule", ""])


# ---------------------------------------------------------------------- independent checks
def parse_kiss2(text: str):
    """(reset, rows, input column names, output column names) of a KISS2 text (own parser)."""
    rows = []
    reset = None
    inames: list[str] = []
    onames: list[str] = []
    for raw in text.splitlines():
        if raw.startswith("# inputs:"):
            inames = raw.split(":", 1)[1].split()
        if raw.startswith("# outputs:"):
            onames = raw.split(":", 1)[1].split()
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        p = line.split()
        if p[0] == ".r":
            reset = p[1]
        elif not p[0].startswith("."):
            rows.append((p[0], p[1], p[2], p[3] if len(p) > 3 else ""))
    return reset or rows[0][1], rows, inames, onames


def _colmap(names: list[str], default_prefix: str, n: int) -> list[int]:
    """Ground-truth bit index of each KISS2 column (``in[3]``/``i3``/``in`` names)."""
    if not names:
        return list(range(n))
    out = []
    for nm in names:
        if "[" in nm:
            out.append(int(nm.split("[")[1].rstrip("]")))
        elif nm[len(default_prefix):].isdigit():
            out.append(int(nm[len(default_prefix):]))
        else:
            out.append(0)
    return out


def simulate_check(tab, n: int, ni: int, no: int, kiss: str, seed: int, runs: int = 200, length: int = 60) -> str | None:
    """None when the minimized machine (KISS2 text) implements the ground truth, else a reason."""
    reset, rows, inames, onames = parse_kiss2(kiss)
    icol = _colmap(inames, "i", ni)
    ocol = _colmap(onames, "o", no)
    by_state: dict[str, list] = {}
    for cube, s, d, o in rows:
        by_state.setdefault(s, []).append((cube, d, o))

    def step(s: str, a: int):
        for cube, d, o in by_state.get(s, []):
            if all(c == "-" or int(c) == (a >> icol[k]) & 1 for k, c in enumerate(cube)):
                return d, o
        return None

    rng = random.Random(seed)
    nsym = 1 << ni
    for _ in range(runs):
        s, m = 0, reset
        for _t in range(length):
            a = rng.randrange(nsym)
            nx, o = tab[(s, a)]
            got = step(m, a)
            if got is None:
                if nx is None and set(o) <= {"-"}:
                    break
                return f"s{s}/{m}: input {a} unspecified in the minimized machine"
            d, mo = got
            for k, ch in enumerate(o):
                if ch == "-":
                    continue
                col = ocol.index(k)
                if mo[col] != ch:
                    return f"s{s}/{m}: input {a} output bit {k} is {mo[col]}, expected {ch}"
            if nx is None:
                break
            if d == "*":
                return f"s{s}/{m}: input {a} next state unspecified in the minimized machine"
            s, m = nx, d
    return None


def incompatibility(tab, n: int, ni: int):
    nsym = 1 << ni
    inc = set()
    for s, t in itertools.combinations(range(n), 2):
        for a in range(nsym):
            o1, o2 = tab[(s, a)][1], tab[(t, a)][1]
            if any(x != "-" and y != "-" and x != y for x, y in zip(o1, o2, strict=True)):
                inc.add((s, t))
                break
    changed = True
    while changed:
        changed = False
        for s, t in itertools.combinations(range(n), 2):
            if (s, t) in inc:
                continue
            for a in range(nsym):
                p, q = tab[(s, a)][0], tab[(t, a)][0]
                if p is not None and q is not None and p != q and (min(p, q), max(p, q)) in inc:
                    inc.add((s, t))
                    changed = True
                    break
    return inc


def clique_bound(inc, n: int) -> int:
    return len(clique_of(inc, n))


def clique_of(inc, n: int) -> list[int]:
    """Pairwise incompatible states (greedy from every start state, largest kept)."""
    adj = {s: set() for s in range(n)}
    for s, t in inc:
        adj[s].add(t)
        adj[t].add(s)
    best = [0]
    for v in range(n):
        cl, cand = [v], set(adj[v])
        while cand:
            u = min(cand, key=lambda x: (-len(adj[x] & cand), x))
            cl.append(u)
            cand &= adj[u]
        if len(cl) > len(best):
            best = cl
    return best


def memin_clique(inc, n: int) -> list[int]:
    """MeMin's 'partial solution' (findPairwiseIncStates in its minimizer.cpp): states in order of
    decreasing incompatibility degree, each kept when incompatible with all kept before."""
    deg = [0] * n
    for s, t in inc:
        deg[s] += 1
        deg[t] += 1
    out: list[int] = []
    for s in sorted(range(n), key=lambda v: -deg[v]):  # stable, as std::sort on distinct keys
        if all((min(s, q), max(s, q)) in inc for q in out):
            out.append(s)
    return out


def memin_ladder(tab, n: int, ni: int, inc, budget: float = 10.0) -> tuple[int | None, float, int]:
    """MeMin's search as its source does it (Abel & Reineke, github andreas-abel/MeMin): from its
    clique size upwards, one fresh MiniSat per class count on the plain encoding with the clique
    pinned and no other symmetry breaking; the first satisfiable count is the minimum.
    (minimum or None when ``budget`` seconds of wall time ran out, CPU seconds used, last count tried)."""
    clique = memin_clique(inc, n)
    c0 = time.process_time()
    w0 = time.monotonic()
    k = len(clique)
    while True:
        left = budget - (time.monotonic() - w0)
        if left <= 0:
            return None, time.process_time() - c0, k
        r = cover_exists(tab, n, ni, k, inc, timeout=left, clique=clique, lex=False)
        if r is None:
            return None, time.process_time() - c0, k
        if r:
            return k, time.process_time() - c0, k
        k += 1


def cover_exists(tab, n: int, ni: int, k: int, inc, timeout: float = 60.0, clique: list[int] | None = None,
                 lex: bool = True) -> bool | None:
    """Is there a closed cover of ``k`` classes containing state 0? A plain SAT encoding written
    here (MiniSat, not rtlopt's Glucose; its own clique pinned to the first classes, the other
    classes lexicographically ordered by degree-ordered member vectors, not rtlopt's order):
    x[s][j] state s in class j, y[j][a][j'] class j goes to j' on a. None: out of time.
    ``lex`` False: no lexicographic ordering (MeMin's encoding)."""
    r = _cover_model(tab, n, ni, k, inc, set(range(n)), timeout, clique, lex)
    return r if r is None else bool(r)


def _cover_model(tab, n: int, ni: int, k: int, inc, states: set[int], timeout: float,
                 clique: list[int] | None = None, lex: bool = True, cpu: bool = False):
    """:func:`cover_exists` on the states ``states`` only (a relaxation: the constraints of the
    other states, and closure into them, are left out): None out of time, False no cover, else
    ``(classes, delta)`` of the model (member sets, ``delta[(j, a)]`` successor class).
    ``cpu``: ``timeout`` counts CPU seconds of this process and the solver is CaDiCaL 1.9.5 in
    conflict-budget slices (a fair long limit on a machine loaded by other jobs)."""
    import threading

    from pysat.solvers import Solver

    nsym = 1 << ni
    bad = {s: set() for s in range(n)}
    for s, t in inc:
        bad[s].add(t)
        bad[t].add(s)
    if clique is None:
        clique = clique_of(inc, n)
    if len(clique) > k:
        return False
    # symmetry breaking of its own: the classes after the clique's hold member vectors (over the
    # non-clique states, most incompatible first) in non-increasing lexicographic order; any
    # cover can be renumbered so (and without it MiniSat needs minutes from 40 states on)
    in_cl = set(clique)
    free = sorted((s for s in range(n) if s not in in_cl), key=lambda s: (-len(bad[s]), s))
    top = [0]

    def new():
        top[0] += 1
        return top[0]

    x = [[new() for _ in range(k)] for _ in range(n)]
    cls = []
    for j, q in enumerate(clique):
        cls.append([x[q][j]])
    cls.append([x[0][j] for j in range(k)])
    for s in states:
        cls.append([x[s][j] for j in range(k)])
        for t in bad[s]:
            if s < t and t in states:
                cls += [[-x[s][j], -x[t][j]] for j in range(k)]
    y = {}
    for j in range(k):
        for a in range(nsym):
            ys = y[(j, a)] = [new() for _ in range(k)]
            for s in states:
                nx = tab[(s, a)][0]
                if nx is None:
                    continue
                cls.append([-x[s][j]] + ys)
                if nx in states:
                    for j2 in range(k):
                        cls.append([-ys[j2], -x[s][j], x[nx][j2]])
    for j in range(len(clique) + 1, k if lex else 0):
        eq = None  # "the two vectors agree on every earlier position"
        for s in free:
            a, b = x[s][j - 1], x[s][j]
            pre = [] if eq is None else [-eq]
            cls.append(pre + [-b, a])
            e2 = new()
            cls += [pre + [-a, -b, e2], pre + [a, b, e2]]
            eq = e2
    if cpu:
        with Solver(name="cadical195", bootstrap_with=cls) as sol:
            end = time.process_time() + timeout
            r = None
            while r is None and time.process_time() < end:
                sol.conf_budget(20000)
                r = sol.solve_limited()
            if not r:
                return r
            true = {v for v in sol.get_model() if v > 0}
    else:
        with Solver(name="minisat22", bootstrap_with=cls) as sol:
            timer = threading.Timer(timeout, sol.interrupt)
            timer.start()
            try:
                r = sol.solve_limited(expect_interrupt=True)
            finally:
                timer.cancel()
            if not r:
                return r
            true = {v for v in sol.get_model() if v > 0}
    classes = [{s for s in states if x[s][j] in true} for j in range(k)]
    delta = {(j, a): next((j2 for j2 in range(k) if ys[j2] in true), None) for (j, a), ys in y.items()}
    return classes, delta


def subset_refinement(tab, n: int, ni: int, k: int, inc, timeout: float = 60.0) -> tuple[bool | None, int, int]:
    """MeMin-style counterexample-guided refinement over state subsets, measured on this script's
    own encoding: solve for ``k`` classes on a subset of the states (first the clique and the
    reset state); a model is extended greedily along the specified transitions from its classes
    (each state into its class's successor class when compatible with its members); the states
    that do not fit join the subset and it is solved again. UNSAT on a subset is UNSAT (a
    relaxation); an extension that fits everything is a closed cover. Returns (cover exists, or
    None out of time; rounds; final subset size)."""
    t0 = time.monotonic()
    clique = clique_of(inc, n)
    bad = {s: set() for s in range(n)}
    for s, t in inc:
        bad[s].add(t)
        bad[t].add(s)
    sub = set(clique) | {0}
    rounds = 0
    while True:
        rounds += 1
        left = timeout - (time.monotonic() - t0)
        r = _cover_model(tab, n, ni, k, inc, sub, left, clique) if left > 0 else None
        if not r:
            return r, rounds, len(sub)
        classes, delta = r
        misfit: set[int] = set()
        work = [(s, j) for j in range(k) for s in classes[j]]
        while work:
            s, j = work.pop()
            for a in range(1 << ni):
                t = tab[(s, a)][0]
                if t is None:
                    continue
                j2 = delta.get((j, a))
                if j2 is None:  # no member of the subset specified on a: any class that takes t
                    j2 = next((c for c in range(k) if t in classes[c] or not classes[c] & bad[t]), None)
                    if j2 is None:
                        misfit.add(t)
                        continue
                    delta[(j, a)] = j2
                if t in classes[j2]:
                    continue
                if classes[j2] & bad[t]:
                    misfit |= {t, s} - sub
                    continue
                classes[j2].add(t)
                work.append((t, j2))
        misfit |= set(range(n)) - set().union(*classes)
        if not misfit - sub:
            return (True if not misfit else None), rounds, len(sub)
        sub |= misfit


def truth_range(tab, n: int, ni: int, inc, hi: int, budget: float) -> tuple[int, int, float]:
    """The minimum by this script's own encoding (its clique, degree-ordered lexicographic
    classes, CaDiCaL; nothing of rtlopt.fsm), for rows rtlopt did not prove: from the clique size
    upwards, each class count refuted or satisfied, within ``budget`` CPU seconds in all.
    ``hi``: the class count of a cover known to exist (rtlopt's, checked by the simulator).
    Returns ``(lo, hi, cpu)``: the minimum lies in ``lo..hi`` (``lo == hi``: known exactly)."""
    c0 = time.process_time()
    clique = clique_of(inc, n)
    lo = len(clique)
    while lo < hi:
        left = budget - (time.process_time() - c0)
        if left <= 0:
            break
        r = _cover_model(tab, n, ni, lo, inc, set(range(n)), left, clique, cpu=True)
        if r is None:
            break
        if r:
            hi = lo
            break
        lo += 1
    return lo, hi, time.process_time() - c0


def brute_min(tab, n: int, ni: int, inc) -> int:
    """Minimum closed cover containing state 0 (enumeration; small machines only)."""
    nsym = 1 << ni
    comp = [frozenset(c) for r in range(1, n + 1) for c in itertools.combinations(range(n), r)
            if all((min(a, b), max(a, b)) not in inc for a, b in itertools.combinations(c, 2))]
    for k in range(1, n + 1):
        for cover in itertools.combinations(comp, k):
            if not any(0 in c for c in cover):
                continue
            if all(any(succ <= d for d in cover)
                   for c in cover for a in range(nsym)
                   for succ in [{tab[(s, a)][0] for s in c} - {None}] if succ):
                return k
    return n


# ---------------------------------------------------------------------- run
def run_one(n: int, ni: int, no: int, dc: float, seed: int, style: str, timeout: float, exact_max: int,
            check_timeout: float = 60.0, memin_budget: float = 0.0, subset_budget: float = 0.0,
            truth_budget: float = 0.0, dc_model: str = "entries"):
    from rtlopt.fsm import kiss2, minimize, minimized_fsm

    core = max(2, int(n * 0.7)) if seed % 2 else None
    tab = random_machine(n, ni, no, dc, seed, reduce_to=core, dc_model=dc_model)
    t0 = time.monotonic()
    c0 = time.process_time()
    if style == "kiss2":
        fsm = kiss2.parse(to_kiss2(tab, n, ni, no), name=f"r{n}")
    else:
        from rtlopt.design import open_design
        from rtlopt.fsm import extract

        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "rfsm.v"
            p.write_text(to_verilog(tab, n, ni, no, style))
            ex = extract(open_design([p]))
            if not ex.fsms:
                why = [str(r) for r in ex.rejections] + [str(x) for x in ex.notes]
                return {"error": "not extracted: " + "; ".join(why)[:160]}
            fsm = ex.fsms[0]
    t1 = time.monotonic()
    c1 = time.process_time()
    m = minimize(fsm, exact_max_states=exact_max, timeout_s=timeout)
    t2 = time.monotonic()
    c2 = time.process_time()
    red = minimized_fsm(fsm, m)
    bad = simulate_check(tab, n, ni, no, kiss2.dumps(red), seed)
    inc = incompatibility(tab, n, ni)
    lb = clique_bound(inc, n)
    ref = brute_min(tab, n, ni, inc) if n <= 6 else None
    check = ""
    if m.n_after < lb:
        verdict = f"WRONG(below the clique bound {lb})"
    elif ref is not None:
        verdict = "ok" if m.n_after == ref else f"WRONG(min {ref})"
        check = "brute"
    elif m.optimal and m.n_after == lb:
        verdict, check = "ok", "clique"
    elif m.optimal:
        t3 = time.monotonic()
        r = cover_exists(tab, n, ni, m.n_after - 1, inc, timeout=check_timeout)
        check = f"sat {time.monotonic() - t3:.1f}s"
        verdict = {False: "ok", True: f"WRONG(cover of {m.n_after - 1})", None: "ok(rtlopt sat only)"}[r]
    else:
        verdict = f"heuristic(gap {m.n_after - m.lower_bound})"
    if bad:
        verdict = "SIM-FAIL: " + bad
    memin = memin_ladder(tab, n, ni, inc, memin_budget) if memin_budget > 0 else None
    subset = None
    if subset_budget > 0:  # subset refinement at the result's class count and one below
        subset = [(k, *subset_refinement(tab, n, ni, k, inc, subset_budget)) for k in (m.n_after, m.n_after - 1)
                  if k >= lb]
    truth = None
    if truth_budget > 0 and not m.optimal and not bad:
        truth = truth_range(tab, n, ni, inc, m.n_after, truth_budget)
    dens = 2 * len(inc) / max(1, n * (n - 1))
    return {"truth": truth, "n": n, "dc": dc, "min": m.n_after, "lb": m.lower_bound, "lb_indep": lb, "method": m.method, "memin": memin,
            "subset": subset, "density": dens,
            "read_s": t1 - t0, "min_s": t2 - t1, "read_cpu": c1 - c0, "min_cpu": c2 - c1, "verdict": verdict, "check": check}


def _use_cpu_clock() -> None:
    """The minimizer's modules read ``time.monotonic`` for their deadlines: give them the process CPU
    clock instead (the solvers' interrupt timers still wait wall time, so they stop no later)."""
    import importlib
    import types

    clock = types.SimpleNamespace(monotonic=time.process_time, time=time.time, process_time=time.process_time)
    for mod in ("rtlopt.fsm.minimize", "rtlopt.fsm._cover_sat", "rtlopt.fsm._greedy_cover", "rtlopt.fsm._bounds"):
        importlib.import_module(mod).time = clock


def _memin_cell(r: dict) -> str:
    if not r.get("memin"):
        return ""
    k, cpu, last = r["memin"]
    return f"  MeMin: {k} in {cpu:.2f} cpu s" if k is not None else f"  MeMin: none by k={last} ({cpu:.1f} cpu s)"


def _subset_cell(r: dict) -> str:
    if not r.get("subset"):
        return ""
    word = {True: "SAT", False: "UNSAT", None: "open"}
    return "  subsets: " + ", ".join(f"k={k} {word[res]} {rounds} rounds {size}/{r['n']} states"
                                     for k, res, rounds, size in r["subset"])


def _truth_cell(r: dict) -> str:
    if not r.get("truth"):
        return ""
    lo, hi, cpu = r["truth"]
    known = f"minimum {lo}" if lo == hi else f"minimum in {lo}..{hi}"
    return f"  truth: {known} ({cpu:.1f} cpu s)"


def _truth_summary(rs: list[dict]) -> str:
    ts = [r["truth"] for r in rs if r.get("truth")]
    if not ts:
        return ""
    # rows whose minimum is known (proven by rtlopt, or settled by the independent ladder), and
    # of the result's gap to its own proven bound the part that lies above the true minimum
    known = sum(1 for r in rs if r["verdict"] == "ok" or (r.get("truth") and r["truth"][0] == r["truth"][1]))
    above = sum(r["min"] - r["truth"][0] for r in rs if r.get("truth") and r["truth"][0] == r["truth"][1])
    return f"  minima known {known}/{len(rs)}, result above them {above}"


def _memin_summary(rs: list[dict]) -> str:
    ms = [r["memin"] for r in rs if r.get("memin")]
    if not ms:
        return ""
    done = sum(k is not None for k, _c, _l in ms)
    return f"  MeMin {done}/{len(ms)} max cpu {max(c for _k, c, _l in ms):.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5,10,20,40,80,150")
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--dc", default="0,0.3,0.7")
    ap.add_argument("--dc-model", default="entries", choices=DC_MODELS,
                    help="entries: next state and each output bit a don't-care independently; rows: whole "
                         "(state, input) rows unspecified (see random_machine)")
    ap.add_argument("--styles", default="kiss2,case,reverse_case")
    ap.add_argument("--ni", type=int, default=2)
    ap.add_argument("--no", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--exact-max", type=int, default=400)
    ap.add_argument("--max-verilog-states", type=int, default=150)
    ap.add_argument("--check-timeout", type=float, default=60.0, help="independent SAT check of min-1 (s)")
    ap.add_argument("--target-s", type=float, default=2.0, help="time target per minimization (s)")
    ap.add_argument("--memin", type=float, default=0.0, metavar="S",
                    help="also run MeMin's own search (memin_ladder) with this wall budget (s) per machine")
    ap.add_argument("--subset", type=float, default=0.0, metavar="S",
                    help="also measure MeMin-style subset refinement (subset_refinement) at the result's class "
                         "count and one below, S wall seconds each (kiss2 rows)")
    ap.add_argument("--truth", type=float, default=0.0, metavar="S",
                    help="for rows not proven minimum: this script's own SAT ladder (its clique upwards, "
                         "CaDiCaL) for S CPU seconds, to tell a gap of rtlopt's from an unknown minimum")
    ap.add_argument("--cpu-clock", action="store_true",
                    help="time limits of the minimizer count CPU seconds of this process, not wall seconds "
                         "(a fair 2 s on a machine loaded by other jobs)")
    a = ap.parse_args(argv)
    if a.cpu_clock:
        _use_cpu_clock()
    print(f"{'style':<13}{'n':>4}{'dc%':>5}{'seed':>5}{'min':>5}{'lb':>5}{'lbI':>5}  {'method':<12}"
          f"{'read s':>8}{'min s':>8}{'rd cpu':>7}{'mn cpu':>7}  {'check':<11}verdict")
    fails = rows = exact = fast = 0
    worst = 0.0
    summary: dict[tuple[int, float], list[dict]] = {}
    for style in a.styles.split(","):
        for n in [int(x) for x in a.sizes.split(",")]:
            if style != "kiss2" and n > a.max_verilog_states:
                continue
            for dc in [float(x) for x in a.dc.split(",")]:
                for seed in range(a.seeds):
                    r = run_one(n, a.ni, a.no, dc, 1000 * n + seed, style, a.timeout, a.exact_max,
                                a.check_timeout, a.memin if style == "kiss2" else 0.0,
                                a.subset if style == "kiss2" else 0.0, a.truth, a.dc_model)
                    rows += 1
                    if "error" in r:
                        print(f"{style:<13}{n:>4}{round(100 * dc):>5}{seed:>5}  {r['error']}")
                        fails += 1
                        continue
                    worst = max(worst, r["min_s"])
                    summary.setdefault((n, dc), []).append(r)
                    ok = r["verdict"] == "ok"
                    fails += not ok
                    exact += ok
                    fast += ok and r["min_s"] <= a.target_s
                    print(f"{style:<13}{n:>4}{round(100 * dc):>5}{seed:>5}{r['min']:>5}{r['lb']:>5}{r['lb_indep']:>5}  "
                          f"{r['method']:<12}{r['read_s']:>8.2f}{r['min_s']:>8.2f}{r['read_cpu']:>7.2f}{r['min_cpu']:>7.2f}  {r['check']:<11}{r['verdict']}" + _memin_cell(r) + _subset_cell(r)
                          + _truth_cell(r),
                          flush=True)
    # one line per (states, don't-cares) over styles and seeds
    print()
    print(f"{'states':>6}{'dc%':>5}{'runs':>5}  {'lb (clique)':>11}  {'result':>9}  {'exact':>7}"
          f"  {'max s':>6}{'max cpu':>8}{'med cpu':>8}  {'cpu<=' + format(a.target_s, 'g'):>7}"
          f"  {'gap':>4}  {'inc dens':>8}  {'res-clq':>7}")
    for (n, dc), rs in sorted(summary.items()):
        lbs = sorted({r["lb_indep"] for r in rs})
        res = sorted({r["min"] for r in rs})
        ok = sum(r["verdict"] == "ok" for r in rs)
        fast_cpu = sum(r["verdict"] == "ok" and r["min_cpu"] <= a.target_s for r in rs)

        def span(v):
            return f"{v[0]}" if len(v) == 1 else f"{v[0]}-{v[-1]}"

        cpus = sorted(r["min_cpu"] for r in rs)
        gap = sum(r["min"] - r["lb"] for r in rs)  # summed gap to the proven lower bound
        dens = sum(r["density"] for r in rs) / len(rs)  # incompatible pairs / all pairs
        above = span(sorted({r["min"] - r["lb_indep"] for r in rs}))  # result above the clique bound
        print(f"{n:>6}{round(100 * dc):>5}{len(rs):>5}  {span(lbs):>11}  {span(res):>9}  {ok:>3}/{len(rs):<3}"
              f"  {max(r['min_s'] for r in rs):>6.2f}{cpus[-1]:>8.2f}{cpus[len(cpus) // 2]:>8.2f}  {fast_cpu:>3}/{len(rs):<3}"
              f"  {gap:>4}  {dens:>8.2f}  {above:>7}" + _memin_summary(rs) + _truth_summary(rs))
    print(f"{rows} machines: minimum reached and independently confirmed on {exact}, of those within "
          f"{a.target_s:g} s: {fast}; not ok: {fails}; slowest minimization {worst:.2f} s")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
