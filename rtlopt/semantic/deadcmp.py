"""Dead compares: a comparison (``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``) whose value never
matters in a run from reset of the whole design -- false (or true) in every reachable state where
its result reaches an output -- becomes ``1'b0`` (``1'b1``) in the source, so synthesis drops the
branch it guards and the logic only that branch reads.

Typical: a timeout counter compared with its limit, where the module it waits for (a sibling
instance, or logic in the same module) always answers within fewer cycles than the limit: the
timeout branch, the error state it enters and the counter itself (read by nothing else) go; a
command decode of values the sibling that issues the commands never sends; a watchdog kicked more
often than it bites. Reachability is that of the whole design (the flattened top): a child's input
is what its parent and siblings drive, not a free input.

Finding: one Yosys load of the design in which every comparison cell's output is a kept public net
(:data:`rtlopt.semantic.seqsim.PROBE_LINES`; its src attribute gives the expression's place in the
text, the same for every elaborated copy: instances, generate iterations, function calls); then,
per source expression and value, a simulation from reset of the gate netlist with all copies of that
net stuck at the value (the readers rewired to the constant; all variants side by side, a block of
lanes each), compared on the outputs with the unchanged netlist on the same random stimulus (short
runs, one with inputs held for stretches; then a long run with inputs held for hundreds of cycles and
rare resets, so a counter that can count past a limit while its inputs stall gets there). The
expressions whose stuck value never shows are replaced in the text, all together (checked the same
way, jointly) and the first ones alone. Nothing here is trusted: the search loop measures each candidate and the verifier proves it from reset (an
invariant the simulation only suggested -- the counter stays below what the sibling's latency
allows -- is the prover's to establish; UNKNOWN is no proof).
"""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import numpy as np

from rtlopt.semantic import seqsim

RULE = "sequential_redundancy"
#: seconds a search round gives the dead-compare checks (one Yosys load, simulations, one check load)
TIME_S = 14.0
#: the proof needs an invariant from reset (the counter stays below what the sibling's latency allows):
#: ABC's scorr + pdr finds it (heldout18 sensorpoll: 0.7 s CPU, 2-3 s at load 15), dprove's portfolio
#: in 4.8 s CPU (20-54 s at load 10-17: the prove stage's 10-18 s caps ended UNKNOWN), z3 in 108 s (the
#: watchdog reference); Yosys's register correspondence never (the counter has no namesake)
PROOF_ENGINES = ("pdr", "abc")
#: at most this many source expressions are tried (each twice: stuck at 0 and at 1)
MAX_SITES = 48
#: gate-words (gates x lane words) one simulation step of the side-by-side variants may cost
LANE_BUDGET = 400_000
#: gate-cycles (gates x cycles x words) the long run may cost
DEEP_BUDGET = 6_000_000
#: (cycles, words, seed, hold_log2, reset rate log2) of the comparison runs; the last one's cycles are
#: scaled to the netlist (see :func:`_runs`)
RUNS = ((256, 2, 3, 0, 5), (512, 1, 5, 4, 7), (768, 2, 9, 10, 16))

_SRC = re.compile(r"^(?P<file>.*):(?P<l1>\d+)\.(?P<c1>\d+)-(?P<l2>\d+)\.(?P<c2>\d+)$")
_CMP = re.compile(r"==|!=|<=|>=|(?<!<)<(?!<)|(?<![>=-])>(?!>)")


def _probe_sites(net: seqsim.GateNet, texts: dict[Path, str]) -> dict[tuple[Path, int, int], list[int]]:
    """{(file, start, end): probe signals}: each comparison expression of the text with the signals of
    its elaborated copies (the last part of a probe's src chain; files written by load_texts as
    ``<i>_<name>``)."""
    paths = list(texts)
    out: dict[tuple[Path, int, int], list[int]] = {}
    starts: dict[Path, list[int]] = {}
    for name, bits in net.name_bits.items():
        if not name.startswith(seqsim.PROBE_PREFIX) or len(bits) != 1 or bits[0] < 2:
            continue
        src = net.name_src.get(name, "").split("|")[-1]
        m = _SRC.match(src)
        if not m:
            continue
        fm = re.match(r"(\d+)_", Path(m.group("file")).name)
        if not fm or int(fm.group(1)) >= len(paths):
            continue
        p = paths[int(fm.group(1))]
        if Path(m.group("file")).name != f"{fm.group(1)}_{Path(p).name}":
            continue  # an included file: not one the search edits
        text = texts[p]
        if p not in starts:
            starts[p] = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        ls = starts[p]
        l1, c1, l2, c2 = (int(m.group(k)) for k in ("l1", "c1", "l2", "c2"))
        if not (1 <= l1 <= len(ls) and 1 <= l2 <= len(ls)):
            continue
        a, b = ls[l1 - 1] + c1 - 1, ls[l2 - 1] + c2 - 1
        if not (0 <= a < b <= len(text)) or not _is_comparison(text[a:b]):
            continue
        out.setdefault((p, a, b), []).append(bits[0])
    return out


def _is_comparison(seg: str) -> bool:
    """Whether ``seg`` reads as one comparison (balanced, a comparison operator outside parentheses,
    no statement or declaration text): the expression a probe's src names."""
    if any(c in seg for c in ";{}?") or re.search(r"\b(begin|end|if|else|case|assign|for)\b", seg) \
            or "//" in seg or "/*" in seg:
        return False
    depth = 0
    for ch in seg:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(ch, 0)
        if depth < 0:
            return False
    if depth:
        return False
    flat = "".join(ch if ok else " " for ch, ok in zip(seg, _depth0(seg), strict=True))
    return _CMP.search(flat) is not None


def _depth0(seg: str) -> list[bool]:
    out, depth = [], 0
    for ch in seg:
        if ch in "([{":
            depth += 1
            out.append(False)
        elif ch in ")]}":
            depth -= 1
            out.append(False)
        else:
            out.append(depth == 0)
    return out


def faulted(net: seqsim.GateNet, variants: list[dict[int, int]], words: int) -> tuple[seqsim.GateNet, dict]:
    """One netlist simulating ``len(variants)`` versions of ``net`` side by side, ``words`` lanes each:
    in the ``k``-th block of lanes every reader of a signal of ``variants[k]`` (signal -> 0/1) reads that
    constant instead (a mux after the signal, selected by a per-block mask). Returns the netlist and
    the constant rows to preset (signal -> lane words); its readers are the comparisons' readers, so
    block ``k`` is exactly the text with those compares replaced by constants."""
    sigs = sorted({s for v in variants for s in v})
    net2, cm = _fault_net(net, sigs)
    return net2, _fault_consts(cm, variants, words)


def _fault_net(net: seqsim.GateNet, sigs: list[int]) -> tuple[seqsim.GateNet, dict[int, tuple[int, int]]]:
    """``net`` with a mux after each of ``sigs`` (its readers read the mux: the signal where its mask row is
    0, its constant row where the mask is 1) and {signal: (constant row, mask row)}. Kept on ``net`` for the
    last signal set asked for: every block of variants of a search is simulated on the one netlist made for
    all the signals tried (a signal of no variant of a block has mask 0 there: the mux passes it on, the same
    values as without it), so its gate program (numpy groups, the generated int evaluator) is made once."""
    got = net.__dict__.get("_deadcmp_fault")
    if got is not None and set(sigs) <= got[0]:
        return got[1], got[2]
    sigs = sorted(set(sigs) | (got[0] if got is not None else set()))
    repl: dict[int, int] = {}
    cm: dict[int, tuple[int, int]] = {}
    mux: dict[int, tuple] = {}
    for j, s in enumerate(sigs):
        y, c, m = net.nsig + 3 * j, net.nsig + 3 * j + 1, net.nsig + 3 * j + 2
        repl[s] = y
        cm[s] = (c, m)
        mux[s] = ("$_MUX_", y, (s, c, m))

    def r(s: int) -> int:
        return repl.get(s, s)
    driven = {o for _t, o, _i in net.gates}
    gates = [mux[s] for s in sigs if s not in driven]  # (a probe no gate drives: first)
    for t, o, ins in net.gates:
        gates.append((t, o, tuple(r(i) for i in ins)))
        if o in mux:
            gates.append(mux[o])
    flops = [dataclasses.replace(f, d=r(f.d)) for f in net.flops]
    outputs = {p: [r(s) for s in bits] for p, bits in net.outputs.items()}
    net2 = dataclasses.replace(net, nsig=net.nsig + 3 * len(sigs), gates=gates, flops=flops, outputs=outputs,
                               _groups=None, _cands={})
    net.__dict__["_deadcmp_fault"] = (set(sigs), net2, cm)
    return net2, cm


def _fault_consts(cm: dict[int, tuple[int, int]], variants: list[dict[int, int]], words: int) -> dict:
    """The constant and mask rows (signal -> lane words) of :func:`_fault_net`'s muxes for ``variants``
    side by side, ``words`` lanes each (all zero for a signal of no variant)."""
    total = words * len(variants)
    consts: dict[int, np.ndarray] = {}
    for s, (c, m) in cm.items():
        cv, mv = np.zeros(total, dtype=np.uint64), np.zeros(total, dtype=np.uint64)
        for k, var in enumerate(variants):
            if s in var:
                mv[k * words:(k + 1) * words] = seqsim.ONES
                if var[s]:
                    cv[k * words:(k + 1) * words] = seqsim.ONES
        consts[c], consts[m] = cv, mv
    return consts


def _runs(net: seqsim.GateNet) -> list[tuple[int, int, int, int, int]]:
    """:data:`RUNS` with the long run shortened to what :data:`DEEP_BUDGET` allows for this netlist."""
    out = list(RUNS[:-1])
    cyc, words, seed, hold, rr = RUNS[-1]
    cyc = min(cyc, DEEP_BUDGET // max(1, len(net.gates) * words))
    if cyc >= 256:
        out.append((cyc, words, seed, hold, rr))
    return out


def _outs(net: seqsim.GateNet) -> list[int]:
    return [s for p in sorted(net.outputs) for s in net.outputs[p]]


def _lanes(rng, shape: tuple, log2: int, slab: int = 1 << 20) -> np.ndarray:
    """uint64 words of ``shape`` whose bits are each 1 with probability ``2**-log2`` (bit ``b`` of word ``i``
    in C order from the ``64 * i + b``-th double drawn). Drawn ``slab`` doubles at a time: the same draws
    as one ``rng.random((*shape, 64))`` call without its array (the long run's 768 x 258 x 2 x 64 doubles
    of heldout17 sluice were 200 MB, ~1.5 s of page faults)."""
    out = np.empty(shape, dtype=np.uint64)
    flat = out.reshape(-1)
    step = max(1, slab // 64)
    for i in range(0, flat.size, step):
        m = min(step, flat.size - i)
        bits = rng.random((m, 64)) < 2.0 ** -log2
        flat[i:i + m] = np.packbits(bits, axis=-1, bitorder="little").view(np.uint64)[:, 0]
    return out


def _plain(net: seqsim.GateNet, stim, watch: list[int]) -> np.ndarray:
    """:func:`simulate` of the unchanged ``net``, on the muxed netlist :func:`_fault_net` made for it when
    there is one (every mask 0: the same values) so that the int evaluator's program is generated once."""
    got = net.__dict__.get("_deadcmp_fault")
    if got is None:
        return simulate(net, stim, watch)
    _sigs, net2, cm = got  # (net's signals keep their numbers and values there: the muxes are new signals)
    return simulate(net2, stim, watch, consts=_fault_consts(cm, [{}], stim[1].shape[2]))


def stimulus(net: seqsim.GateNet, run) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(driven signals, their values per cycle ``[cycles, signals, words]``, the reset signal's values
    per cycle or None) of ``run``: inputs and free signals random (``hold_log2`` > 0: each bit keeps its
    value and flips in about one cycle in ``2**hold_log2``), the reset active in cycle 0 and then in
    about one cycle in ``2**rr`` per lane. Drawn once per netlist and run, shared by every variant."""
    cyc, words, seed, hold, rr = run
    rng = np.random.default_rng([seed, 23])
    rst = net.inputs[net.reset][0] if net.reset in net.inputs else None
    sigs = sorted({s for p, bits in net.inputs.items() if p != net.clock for s in bits if s > 1 and s != rst}
                  | set(net.free))
    n = len(sigs)
    if hold > 0:
        vals = _lanes(rng, (cyc, n, words), hold)
        vals[0] = rng.integers(0, 2**64, size=(n, words), dtype=np.uint64)
        vals = np.bitwise_xor.accumulate(vals, axis=0)
    else:
        vals = rng.integers(0, 2**64, size=(cyc, n, words), dtype=np.uint64)
    rv = None
    if rst is not None:
        rv = _lanes(rng, (cyc, words), rr)
        rv[0] = seqsim.ONES
        if net.reset_active_low:
            rv = ~rv
    return np.array(sigs, dtype=np.int64), vals, rv


def simulate(net: seqsim.GateNet, stim, watch: list[int], copies: int = 1,
             consts: dict | None = None, cycles: int | None = None) -> np.ndarray:
    """The ``watch`` signals per cycle (before the clock edge) of ``net`` driven by ``stim``
    (:func:`stimulus`, repeated for ``copies`` blocks of lanes; the first ``cycles`` only), the rows of
    ``consts`` preset; flip-flops start at their initial value or 0."""
    sigs, vals, rv = stim
    cyc = len(vals) if cycles is None else min(cycles, len(vals))
    words = vals.shape[2] * copies
    rst = net.inputs[net.reset][0] if net.reset in net.inputs else None
    v = np.zeros((net.nsig, words), dtype=np.uint64)
    v[1] = seqsim.ONES
    for s, row in (consts or {}).items():
        v[s] = row
    for f in net.flops:
        if f.init:
            v[f.q] = seqsim.ONES
    qs = np.array([f.q for f in net.flops], dtype=np.int64)
    ds = np.array([f.d for f in net.flops], dtype=np.int64)
    rfl = seqsim._reset_arrays(net)
    groups = seqsim._fused_groups(net)
    idx = np.array(watch, dtype=np.int64)
    # the generated int evaluator where it is faster (the same values: see rtlopt.semantic._inteval)
    ev = seqsim._int_evaluator(net, words, [*sigs.tolist(), rst, *qs.tolist()], watch, rfl, ds, cyc)
    out = np.zeros((cyc, len(idx), words), dtype=np.uint64)
    for t in range(cyc):
        v[sigs] = np.tile(vals[t], (1, copies)) if copies > 1 else vals[t]
        if rst is not None:
            v[rst] = np.tile(rv[t], copies) if copies > 1 else rv[t]
        if ev is not None:
            ev(v)
        else:
            for t_, outs, joined, n in groups:
                v[outs] = seqsim._eval(t_, seqsim._gather(v, joined, n))
        out[t] = v[idx]
        nxt = v[ds]
        if rfl is not None:
            ri, rs, rinv, rval = rfl
            act = v[rs] ^ rinv
            nxt[ri] = (nxt[ri] & ~act) | (rval & act)
        v[qs] = nxt
    return out


def _agreeing(net: seqsim.GateNet, base: list, stims: list, variants: list[dict[int, int]],
              deadline: float) -> list[bool]:
    """For each variant (signals stuck at constants): whether its outputs equal ``base`` (the unchanged
    netlist's runs; a None entry is simulated here, as one more block of lanes of the first simulation, and
    filled in) on every stimulus of ``stims``. All variants in one simulation (a block of lanes each); a
    prefix of each run first, the rest only for the variants still agreeing."""
    alive = list(range(len(variants)))
    for i_run, stim in enumerate(stims):
        if not alive:
            break
        ref = base[i_run]
        words, ncyc = stim[1].shape[2], len(stim[1])
        # variants per simulation: a block of lanes each, at most LANE_BUDGET gate-words per cycle
        per = max(1, LANE_BUDGET // max(1, len(net.gates) * words))
        for cyc in (min(48, ncyc), ncyc):
            still = []
            for c0 in range(0, len(alive), per):
                if time.monotonic() > deadline:
                    return [False] * len(variants)
                chunk = alive[c0:c0 + per]
                # the unchanged run not simulated this far yet: one more block of lanes, no constant (every
                # mask 0: the same values as the netlist without the muxes)
                own = ref is None or len(ref) < cyc
                vs = [variants[k] for k in chunk] + ([{}] if own else [])
                net2, consts = faulted(net, vs, words)
                got = simulate(net2, stim, _outs(net2), copies=len(vs), consts=consts, cycles=cyc)
                if own:
                    ref = got[:, :, len(chunk) * words:].copy()
                    if cyc == ncyc:
                        base[i_run] = ref
                still += [k for i, k in enumerate(chunk)
                          if not (got[1:, :, i * words:(i + 1) * words] != ref[1:cyc]).any()]
            alive = still
    return [k in alive for k in range(len(variants))]


#: a compare counts as explored when the state its value depends on (the flip-flops of its cone and of
#: their next-state cones) shows no new value in the long run after this share of its cycles
SATURATED_SHARE = 0.5


def _cone_flops(net: seqsim.GateNet, sigs: list[int], driver: dict, qset: dict) -> set[int]:
    """Indices of the flip-flops whose outputs ``sigs`` read combinationally."""
    out: set[int] = set()
    seen: set[int] = set()
    stack = list(sigs)
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        if s in qset:
            out.add(qset[s])
        elif s in driver:
            stack.extend(driver[s])
    return out


def _state_keys(trace: np.ndarray, flops: list[int], codes: np.ndarray) -> np.ndarray:
    """One 64-bit key per (cycle, lane) of the ``flops``' values in ``trace`` (``[cycles, all flip-flops,
    words]``): the XOR of the random ``codes`` of the flip-flops that are 1."""
    keys = np.zeros((trace.shape[0], trace.shape[2] * 64), dtype=np.uint64)
    for j in flops:
        bits = np.unpackbits(trace[:, j, :].view(np.uint8), axis=1, bitorder="little").astype(bool)
        keys ^= np.where(bits, codes[j], np.uint64(0))
    return keys


def _saturated(net: seqsim.GateNet, short: list, deep, probes: list[int], value: int | None = None) -> bool:
    """Whether the flip-flops a compare's value depends on within two clock steps (its cone's and their
    next-state cones') take no value in the long run ``deep`` after :data:`SATURATED_SHARE` of it that
    they did not take before it or in the short runs ``short`` (all lanes together): a phase timer still
    counting through values no short run reached, ahead of the state the compare tests, is not
    explored. Unless the compare itself, stuck at ``value`` in the variant, takes the other value on those
    new late states: then they are no run-up to a region it has not seen (a running max of a value that
    never decreases: the compare switches on every new state and never matters)."""
    cache = net.__dict__.setdefault("_deadcmp_sat", {})
    if "driver" not in cache:
        cache["driver"] = {o: ins for _t, o, ins in net.gates}
        cache["q"] = {f.q: i for i, f in enumerate(net.flops)}
        cache["codes"] = np.random.default_rng(5).integers(1, 2**63, size=len(net.flops), dtype=np.uint64)
        qs = [f.q for f in net.flops]
        cache["short"] = [_plain(net, st, qs) for st in short]
        cache["deep"] = _plain(net, deep, qs)
    driver, qset, codes = cache["driver"], cache["q"], cache["codes"]
    f1 = _cone_flops(net, probes, driver, qset)
    flops = sorted(f1 | _cone_flops(net, [net.flops[i].d for i in f1], driver, qset))
    if not flops:
        return True
    seen = {int(k) for tr in cache["short"] for k in np.unique(_state_keys(tr, flops, codes))}
    keys = _state_keys(cache["deep"], flops, codes)
    half = int(SATURATED_SHARE * len(keys))
    seen |= {int(k) for k in np.unique(keys[:half])}
    late = keys[half:]
    fresh = ~np.isin(late, np.fromiter(seen, dtype=np.uint64, count=len(seen)))
    if not fresh.any():
        return True
    if value is None:
        return False
    trace = _plain(net, deep, list(probes))[half:]
    bits = np.unpackbits(trace.view(np.uint8), axis=2, bitorder="little").astype(bool)
    return bool(np.any((bits != bool(value)).any(axis=1) & fresh))


def _polarity(seg: str) -> list[int]:
    """Values to try for a compare (the likelier dead one first: an equality / upper-limit test is
    usually never true, an inequality / lower-than test never false)."""
    flat = "".join(ch if ok else " " for ch, ok in zip(seg, _depth0(seg), strict=True))
    return [1, 0] if re.search(r"!=|<", flat) else [0, 1]


def dead_sites(texts: dict[Path, str], top: str, timeout_s: float = TIME_S) -> tuple[list, seqsim.GateNet | None]:
    """[((file, start, end), value)]: the comparison expressions of ``texts`` whose outputs stuck at
    ``value`` in every elaborated copy leave the design's outputs unchanged on every simulated run,
    checked jointly; and the probed netlist.

    Every expression and value alone on the short runs (one simulation), then the agreeing ones
    together (when they differ: the longest agreeing prefix in text order, the first one that breaks it
    dropped, again), then the set on the long run (when it differs there: each member alone on the long
    run, the failing ones dropped, the rest checked again)."""
    deadline = time.monotonic() + timeout_s
    try:
        net = seqsim.load_texts(texts, top, timeout=max(2.0, timeout_s), probes=True)
    except Exception:  # noqa: BLE001 - outside the model or Yosys rejects it: nothing found
        return [], None
    if not net.outputs or net.reset is None:
        return [], net
    sites = _probe_sites(net, texts)
    if not sites:
        return [], net
    # what a call stopped at its time limit already did is kept on the (memoized) netlist: the next call
    # (a longer slice of a later round) goes on from there
    memo = net.__dict__.setdefault("_deadcmp", {})
    if "result" in memo:
        return memo["result"], net
    runs = _runs(net)
    if "short" not in memo:
        memo["short"] = [stimulus(net, r) for r in runs[:2]]
        memo["base"] = [None] * len(memo["short"])
    short, base = memo["short"], memo["base"]

    def sigs_of(group) -> dict[int, int]:
        return {s: v for key, v in group for s in sites[key]}

    def done(result: list) -> tuple[list, seqsim.GateNet]:
        if time.monotonic() <= deadline:  # (a verdict, not a time-out)
            memo["result"] = result
            _FOUND[_key(texts, top)] = result
            while len(_FOUND) > 8:
                _FOUND.pop(next(iter(_FOUND)))
        return result, net

    keys = sorted(sites, key=lambda k: (str(k[0]), k[1]))[:MAX_SITES]
    # one muxed netlist for every signal tried (each simulation below runs on it: see _fault_net)
    _fault_net(net, sorted({s for k in keys for s in sites[k]}))
    if "found" not in memo:
        tries = [(key, val) for key in keys for val in _polarity(texts[key[0]][key[1]:key[2]])]
        ok = _agreeing(net, base, short, [sigs_of([t]) for t in tries], deadline)
        if time.monotonic() > deadline:
            return [], net
        found: list = []
        for t, good in zip(tries, ok, strict=True):
            if good and not any(f[0] == t[0] for f in found):
                found.append(t)
        memo["found"] = found
    found = memo["found"]
    if not found:
        return done([])
    # the long run (the short ones' base for a netlist too large for it): all together and each alone
    if "deep" not in memo:
        memo["deep"] = [stimulus(net, r) for r in runs[2:]]
        memo["dbase"] = [None] * len(memo["deep"]) if memo["deep"] else base
    deep, dbase = memo["deep"], memo["dbase"]
    stims2 = deep or short
    if deep:
        # a compare whose inputs' state still takes new values late in the long run (a phase timer of
        # 900 cycles ahead of the state it guards) was not explored far enough to call it dead
        found = [it for it in found if _saturated(net, short, deep[0], sites[it[0]], it[1])]
        if not found:
            return done([])
    alone = _agreeing(net, dbase, stims2, [sigs_of(found)] + [sigs_of([it]) for it in found], deadline)
    if time.monotonic() > deadline:
        return [], net
    if alone[0]:
        return done(found)
    joint = [it for it, good in zip(found, alone[1:], strict=True) if good]
    # together again: the longest agreeing prefix in text order, the first one that breaks it dropped
    while joint and time.monotonic() < deadline:
        agree = _agreeing(net, dbase, stims2, [sigs_of(joint[:i + 1]) for i in range(len(joint))], deadline)
        if time.monotonic() > deadline:
            return [], net
        if all(agree):
            return done(joint)
        joint.pop(agree.index(False))
    return done([])


#: (top, texts) hash -> the dead compares :func:`dead_sites` found there (the last few designs): read by
#: rtlopt.semantic.seqred, which offers them together with the registers it proves redundant
_FOUND: dict[str, list] = {}


def _key(texts: dict[Path, str], top: str) -> str:
    import hashlib

    return hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()


def found_before(texts: dict[Path, str], top: str) -> list:
    """The dead compares an earlier :func:`dead_sites` call found in exactly these texts (no new work)."""
    return list(_FOUND.get(_key(texts, top), ()))


def apply(texts: dict[Path, str], sites: list) -> dict[Path, str]:
    """``texts`` with each site's expression replaced by its constant (``1'b0`` / ``1'b1``)."""
    new = dict(texts)
    for (p, a, b), val in sorted(sites, key=lambda x: (str(x[0][0]), -x[0][1])):
        new[p] = new[p][:a] + f"1'b{val}" + new[p][b:]
    return new


def _describe(texts: dict[Path, str], sites: list) -> str:
    parts = [f"'{' '.join(texts[p][a:b].split())}' -> {v}" for (p, a, b), v in sites[:3]]
    return "dead compare" + ("s " if len(sites) > 1 else " ") + "; ".join(parts) + (" ..." if len(sites) > 3 else "")


def candidates(texts: dict[Path, str], top: str, timeout_s: float = TIME_S) -> list:
    """[(new texts, description)]: all dead compares of one file together, then the two first of each
    file alone (the guards made false first: a dead branch); each was simulated on the netlist (the text
    is what the probes' src names: the same expressions, every elaborated copy)."""
    sites, _net = dead_sites(texts, top, timeout_s)
    if not sites:
        return []
    by_file: dict[Path, list] = {}
    for s in sites:
        by_file.setdefault(s[0][0], []).append(s)
    out = []
    for group in by_file.values():
        new = apply(texts, group)
        out.append((new, _describe(texts, group)))
        if len(group) > 1:  # alone: the guards made false first (a dead branch)
            out += [(apply(texts, [s]), _describe(texts, [s])) for s in sorted(group, key=lambda x: x[1])[:2]]
    return out


def deadcmp_candidates(state) -> list:
    """Search-loop generator: dead compares as ``1'b0`` / ``1'b1`` (one file changed per candidate)."""
    from rtlopt.engine.candidate import Candidate

    texts = dict(state.texts)
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    budget = min(TIME_S, left - 0.5)  # (its own slice of the round: see rtlopt.engine.search)
    if budget < 3.0:
        # not enough of the slice left (the first round's cap while the input is measured): run again
        # later instead of leaving an empty answer memoized for this text
        state.cut = True
        return []
    t0 = time.monotonic()
    try:
        got = candidates(texts, state.design.top, budget)
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    if not got and time.monotonic() - t0 >= 0.7 * budget:
        state.cut = True  # stopped at its time limit: not a finding that nothing is dead
    out = []
    for new, what in got:
        changed = [p for p in new if new[p] != texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        out.append(Candidate(new[p], "template", (RULE,), f"sequential redundancy: {what}",
                             {"file": str(p), "seq": "dead_compare", "engines": PROOF_ENGINES}))
    return out
