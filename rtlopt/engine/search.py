"""The optimization loop: generate candidates, measure PPA, prove equivalence, keep the best.

Greedy search over rounds. In each round every generator (templates, the FSM engine when it is
importable, and any generator registered with :func:`register_generator`) proposes candidates on the
current design. Each new text is measured once (results cached by text hash); candidates better than
the current design on the goal metric are proven against the ORIGINAL design, best first, and the
first one proven EQUIVALENT becomes the current design. The loop stops when a round accepts
nothing, or the step/time budget runs out. UNKNOWN and NOT_EQUIVALENT candidates are never
accepted, and the result is never worse than the input on the goal metric.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rtlopt.design import DesignRef
from rtlopt.engine.candidate import Candidate
from rtlopt.engine.parampin import configs_for, design_configs, pin_text
from rtlopt.engine.scopeview import scope_view
from rtlopt.engine.simcheck import accept_by_simulation, simulate_candidate
from rtlopt.engine.stages import (
    FOLLOW_S,
    MAX_FOLLOWERS,
    NOT_FOLLOWERS,
    chain_of,
    follow_candidates,
    prove_chain,
)
from rtlopt.engine.timelimit import Deadline, Stopped, is_deadline, stop_soon, time_limit
from rtlopt.engine.workspace import Workspace
from rtlopt.errors import RtloptError, ToolNotFound
from rtlopt.templates import REGISTRY, Template, analyze
from rtlopt.templates._base import Match
from rtlopt.tools.base import background_children, foreground

#: Relative improvement a candidate must reach on the goal metric to count as better.
MIN_GAIN = 1e-6


@dataclass
class State:
    """What generators see: the design as it is now (texts per file) and the search settings."""

    design: DesignRef  # the ORIGINAL design (paths, top)
    texts: dict[Path, str]  # current text of each file
    goal: str
    liberty: Any
    round: int = 0
    scope: str | None = None  # only this module's span may be edited (None: anywhere)
    deadline: float | None = None  # time.monotonic() by which the run must end (generators should stop early)
    cut: bool = False  # set by a generator that stopped at ``deadline`` with work left (see GEN_SLICE_SHARE)


#: A candidate generator: returns candidates for the current state. ``Candidate.hints["file"]``
#: names the file the text replaces (default: the first file of the design).
Generator = Callable[[State], list[Candidate]]
_GENERATORS: dict[str, Generator] = {}
#: generator name -> function of the State giving the key its output depends on (None: not memoized)
_MEMO_KEYS: dict[str, Callable[[State], Any]] = {}
_MEMO: dict[tuple, list[Candidate]] = {}
_MEMO_MAX = 64
_MEMO_LOCK = threading.Lock()


def register_generator(name: str, gen: Generator, memo_key: Callable[[State], Any] | None = None) -> None:
    """Add a candidate generator (e.g. an LLM rewriter) that the engine calls every round.

    ``memo_key(state)``: for a deterministic generator, everything of the state its output depends on;
    a call with the same key (a later round or another module of a hierarchical run on unchanged
    texts) reuses the earlier candidates instead of running the generator again.
    """
    _GENERATORS[name] = gen
    _MEMO_KEYS.pop(name, None)
    if memo_key is not None:
        _MEMO_KEYS[name] = memo_key


def unregister_generator(name: str) -> None:
    _GENERATORS.pop(name, None)
    _MEMO_KEYS.pop(name, None)


def _run_generator(name: str, gen: Generator, state: State, templates: dict[str, Template] | None) -> list[Candidate]:
    if name == "templates" and templates is not None:
        return template_candidates(state, templates)
    kf = _MEMO_KEYS.get(name)
    if kf is None:
        return list(gen(state))
    k = (name, kf(state))
    with _MEMO_LOCK:
        hit = _MEMO.get(k)
    if hit is not None:
        return list(hit)
    got = list(gen(state))
    with _MEMO_LOCK:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[k] = got
    return list(got)


def default_jobs() -> int:
    """Measurements run in parallel by default: one per core, at most 2 (each runs a Yosys child)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(2, n))


#: Seconds a generator may run past its deadline before it is interrupted (its own checks come first).
GEN_GRACE_S = 2.0
#: Part of what is left of the search window a round's generators may use (the rest: measuring, proving).
GEN_SHARE = 0.75
#: A round that accepted nothing after its generator window closed before some generators ran is followed
#: by another round on the same text that runs only those (the ones that ran are not run, nor their
#: candidates proven, again) while at least this much of the budget is left. Before, such a round ended
#: the search: heldout12 coffee/brew_fsm stopped at 51 s of --budget 90 (load 15) with the FSM engine
#: never run, and heldout11 combo_lock at 57.6 s with the threshold counters interrupted.
RESUME_MIN_S = 15.0

#: While other better candidates of the round wait behind a proof, it leaves them the larger of
#: PROOF_RESERVE_SHARE of the per-proof limit and (1 - PROOF_SHARE_WITH_OTHERS) of the time left to the
#: budget's end (it gets at least PROOF_FLOOR_S, at most the per-proof limit): the best candidate of
#: heldout7 traffic_light_timer (a timer narrowing) ended UNKNOWN after the whole 90 s that were left,
#: and the lamp decode behind it (proven in 2.6 s) was never tried.
PROOF_SHARE_WITH_OTHERS = 0.6
PROOF_RESERVE_SHARE = 0.4
PROOF_FLOOR_S = 10.0


#: A candidate whose gain is at least this share of the gains at stake (its own plus the best waiting
#: candidate's of every other family) may use that share of the time left for its proof, whatever the
#: caps above say: rtlrewriter memory_folding2's memory fold (1909 -> 803 um^2, an SMT proof of 23 s at
#: a load of 12) got 13 s, equal to a register-function rewrite saving 54 um^2, and the design ended
#: unchanged (proven with the whole time before the caps).
DOMINANT_GAIN_SHARE = 2.0 / 3.0


def _gain_share(att, waiting, cur_metric: float) -> float | None:
    """The share of ``att``'s gain (``cur_metric`` - its metric) in the gains at stake: its own plus,
    for every other family with a candidate in ``waiting`` (attempts), that family's best gain. None
    when no other family waits or the gains are unknown."""
    if att.metric is None:
        return None
    own = _family(att.candidate)
    best: dict[tuple, float] = {}
    for a in waiting:
        f = _family(a.candidate)
        if f != own and a.metric is not None:
            best[f] = max(best.get(f, 0.0), cur_metric - a.metric)
    gain = cur_metric - att.metric
    if not best or gain <= 0:
        return None
    return gain / (gain + sum(best.values()))


def _proof_cap(left_s: float, verify_timeout_s: float, others: bool, families: int = 1,
               gain_share: float | None = None) -> float | None:
    """The time limit for a proof when it is shorter than ``verify_timeout_s`` (else None), with
    ``others`` (better candidates still to prove) waiting: see PROOF_SHARE_WITH_OTHERS. A budget with
    room for this proof and the reserve changes nothing. With candidates of ``families`` >= 2 other
    families waiting, the proof gets at most an equal share of the time left (at least PROOF_FLOOR_S):
    heldout8 pkt_hdr_extract's first FSM re-encoding took 87 of the 123 s left and ended UNKNOWN.
    A candidate whose ``gain_share`` (see :func:`_gain_share`) is at least DOMINANT_GAIN_SHARE gets
    at least that share of the time left."""
    if not others:
        return None
    floor = min(PROOF_FLOOR_S, verify_timeout_s)
    cap = max(floor, left_s * PROOF_SHARE_WITH_OTHERS, left_s - PROOF_RESERVE_SHARE * verify_timeout_s)
    if families >= 2:
        cap = max(floor, min(cap, left_s / (families + 1)))
    if gain_share is not None and gain_share >= DOMINANT_GAIN_SHARE:
        cap = max(cap, left_s * gain_share)
    return cap if cap < verify_timeout_s else None


#: After this many proofs of one family (generator, or a template rule) ended UNKNOWN in a round, its
#: further candidates wait behind every other family's: heldout8 pkt_hdr_extract had ~25 FSM
#: re-encodings (smaller on paper) end UNKNOWN one after another and use up the round's proof time,
#: and the byte-index narrowing behind them (proven by abc in 4 s) was never tried.
FAMILY_UNKNOWN_LIMIT = 2
#: A candidate of the same family and rules as one that ended UNKNOWN this round, with a metric within
#: this fraction of it, is a near-duplicate: it also waits behind the other candidates.
NEAR_DUPLICATE_SHARE = 0.01


def _family(c: Candidate) -> tuple:
    """The family of a candidate for the prove stage's ordering: its generator, and for the template
    generators (which share the source "template") its first rule; a generator may name a family of
    its own in ``hints["family"]`` (the FSM engine's declaration-only narrowings: their proofs pair every
    register by name and are not held back by the re-encodings' UNKNOWNs)."""
    return (c.source, c.hints.get("family") or (c.rules[0] if c.source == "template" and c.rules else ""))


def _held_back(c: Candidate, metric: float | None, failed: list[tuple[Candidate, float | None]]) -> bool:
    """Whether ``c`` should wait behind other candidates after the proofs ``failed`` (candidate,
    metric) ended UNKNOWN in this round: FAMILY_UNKNOWN_LIMIT of its family did, or a near-duplicate
    (same family and rules, metric within NEAR_DUPLICATE_SHARE) did."""
    fam = _family(c)
    # (a template candidate that applied several rules, the templates' combination, counts for each)
    same = [(f, m) for f, m in failed
            if _family(f) == fam or (f.source == fam[0] == "template" and fam[1] in f.rules)]
    if len(same) >= FAMILY_UNKNOWN_LIMIT:
        return True
    return any(tuple(f.rules) == tuple(c.rules) and m is not None and metric is not None
               and abs(metric - m) <= NEAR_DUPLICATE_SHARE * abs(m) for f, m in same)


#: A candidate whose early proof (a probe, see EARLY_PROBES) ended UNKNOWN waits in the prove stage behind
#: the candidates not tried yet whose gain is at least this share of its own: they get their first proof
#: before it gets its second (a longer one). Before, the two narrowings of heldout17 dmx512 that ended
#: UNKNOWN early were proven again, 10 s each, before the register-constant rewrite (abc, 3.7 s) was tried.
RETRY_DEFER_GAIN_SHARE = 0.5


def _next_to_prove(pending: list[tuple[Candidate, float | None]],
                   failed: list[tuple[Candidate, float | None]],
                   retried: frozenset[int] = frozenset(), cur_metric: float | None = None) -> int | None:
    """Index in ``pending`` (best first) of the candidate to prove next: the first one not held back
    (see :func:`_held_back`) nor deferred: a candidate whose index is in ``retried`` (its early proof
    ended UNKNOWN) waits while a candidate not in it and not held back gains at least
    RETRY_DEFER_GAIN_SHARE of its gain over ``cur_metric``. When all are held back, the first (best)
    one. None when nothing is pending."""
    if not pending:
        return None

    def gain(m: float | None) -> float:
        return 0.0 if m is None or cur_metric is None else cur_metric - m

    free = [i for i, (c, m) in enumerate(pending) if not _held_back(c, m, failed)]
    fresh = [i for i in free if i not in retried]
    for i in free:
        if i in retried and any(gain(pending[j][1]) >= RETRY_DEFER_GAIN_SHARE * gain(pending[i][1])
                                for j in fresh):
            continue
        return i
    return 0


# ---- measurement order ------------------------------------------------------------------------------
# Candidates are measured in round-robin order across families: the first (best, in its generator's
# order) candidate of every family before the second of any. Before, the pool measured in the order
# the candidates were listed: the templates' (generated first, up to ~40 on a 32-arm table) before any
# semantic generator's, so under load the budget ran out first (tables/sine32_ifchain_function_v:
# the table-symmetry candidate, 324.1 um^2, was never measured; 402.9 from a template was the result).
# A pre-measure estimate does not pay: Yosys's coarse synthesis without ABC costs as much as the area
# measurement itself (3.2 vs 3.4 s on that table, 2.4 vs 1.8 s on sharing/alu_case, load 7).


def _measure_family(generator: str, c: Candidate) -> tuple:
    """The family of a candidate for the measurement order: its generator, and for the templates
    generator its first rule; the templates' combinations are a family of their own."""
    if c.hints.get("combined"):
        return (generator, "*combined")
    return (generator, c.rules[0] if generator == "templates" and c.rules else "")


def _next_measurement(waiting: list[tuple[tuple | None, int]], started: dict[tuple, int]) -> int | None:
    """Index in ``waiting`` ((family, arrival number) of each measurement waiting for a worker) of the
    one to start next: a measurement outside any family (family None: the input, the final stages)
    first; else the one whose family has had the fewest measurements started this round, earliest
    arrival on ties (so each family in its generator's order, and the families in the order they
    arrived). None when nothing waits. Deterministic: the same waiting set gives the same choice."""
    best, best_key = None, None
    for i, (fam, seq) in enumerate(waiting):
        key = (-1, seq) if fam is None else (started.get(fam, 0), seq)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


class _MeasureQueue:
    """The measurements of a run: run in ``pool``'s workers in the order of :func:`_next_measurement`
    (chosen when a worker is free, so a family that arrives late still goes before the second
    candidates of the families that came first). Its futures are cancelled like the pool's."""

    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._pool = pool
        self._lock = threading.Lock()
        self._waiting: list[tuple[tuple | None, int, Callable, tuple, Future]] = []
        self._started: dict[tuple, int] = {}
        self._seq = 0

    def new_round(self) -> None:
        with self._lock:
            self._started.clear()

    def submit(self, family: tuple | None, fn: Callable, *args) -> Future:
        fut: Future = Future()
        with self._lock:
            self._seq += 1
            self._waiting.append((family, self._seq, fn, args, fut))
        self._pool.submit(self._run_one)  # one worker turn per measurement
        return fut

    def _run_one(self) -> None:
        while True:
            with self._lock:
                self._waiting = [w for w in self._waiting if not w[4].cancelled()]
                i = _next_measurement([(w[0], w[1]) for w in self._waiting], self._started)
                if i is None:
                    return
                fam, _seq, fn, args, fut = self._waiting.pop(i)
                if not fut.set_running_or_notify_cancel():
                    continue
                if fam is not None:
                    self._started[fam] = self._started.get(fam, 0) + 1
            try:
                res = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
                fut.set_exception(exc)
            else:
                fut.set_result(res)
            return


#: Generators that only read the syntax tree (no Yosys run, no simulation; <= 0.05 s each on the
#: designs measured when nothing applies): they run right after the templates, before the analyses
#: that synthesize or simulate. On tables/sine32_ifchain_function_v the regfunc analyses alone took
#: 17-27 s (load 2-7) with no candidate, and the round's generator window closed before romsym ran.
#: dropguard left the list when it began to simulate its candidates (af844e4): at load 15 its Yosys
#: run and simulations took 32 s of a round's window before regguard could run.
LIGHT_GENERATORS = frozenset({"instmux", "cmpflip", "regretime", "memunroll", "casetable", "romsym",
                              "histflag", "squarer", "mapsel", "nextfunc", "bretime", "readshare", "bijcmp",
                              "derivedcol", "mixradix"})


#: Generators that read the syntax tree only and bound their own time (no Yosys run, no simulation):
#: they run right after the :data:`LIGHT_GENERATORS`. The datapath e-graph (capped at 12 s, 0.4-1.5 s
#: on the designs measured) was registered last and on verilog-axis axis_cobs_decode (load 15-17) never
#: ran: the round's window closed after FSM extraction (20 s), regfunc, linresub ... and the shared
#: decrement it finds (2120.8 -> 2052.0 um^2, proven) was lost (2067.0 with a register function only).
BOUNDED_SYNTAX_GENERATORS = ("datapath_egraph",)


def _generator_order(names: list[str]) -> list[str]:
    """The order a round runs the generators ``names`` (registration order): the first one (the
    templates), then the :data:`LIGHT_GENERATORS`, then the :data:`BOUNDED_SYNTAX_GENERATORS`, then the
    others, each group in registration order."""
    head = names[:1]
    light = [n for n in names[1:] if n in LIGHT_GENERATORS]
    bounded = [n for n in names[1:] if n in BOUNDED_SYNTAX_GENERATORS and n not in LIGHT_GENERATORS]
    return head + light + bounded + [n for n in names[1:] if n not in LIGHT_GENERATORS and n not in bounded]


#: One generator of a round runs at most GEN_SLICE_SHARE of the round's generator window (at least
#: GEN_SLICE_MIN_S; twice that for each earlier round on the same text that cut it): the templates stop
#: matching at the end of their slice (what they found is kept), another generator is interrupted at it.
#: Before, one slow generator used up the window and every later one was skipped: heldout15
#: bistctl/march_fsm at load 12-25, the templates took 41-50 s of a --budget 90 run (register width
#: reduction 19-34 s, nothing found) and lifeshare, which finds the register sharing (639.4 vs 760.7
#: um^2), ran in 2 of 5 runs.
GEN_SLICE_SHARE = 0.3
GEN_SLICE_MIN_S = 6.0
#: A generator whose last run took more than this much CPU time (its own thread: the matchers and
#: analyses in Python; measured in CPU time, which a loaded machine does not inflate as it does wall time)
#: runs after the cheap ones in the next rounds (see :func:`_round_order`).
GEN_COSTLY_CPU_S = 3.0


def _round_order(order: list[str], skipped: set[str], cut: set[str], costly: set[str]) -> list[str]:
    """The order of a round after the first (``order``: :func:`_generator_order`'s): the generators the
    previous round's window closed before (``skipped``: not run, or interrupted at the window's end before
    their slice's) first, then the ones that ran whole and cheaply,
    then the ones cut at their slice (``cut``) or costly (``costly``, see GEN_COSTLY_CPU_S); each group in
    ``order``'s order. The first round has no such sets and keeps ``order``."""
    return sorted(order, key=lambda n: 0 if n in skipped else 2 if n in cut or n in costly else 1)


#: Early proof: once the early generators (the first, the LIGHT and the BOUNDED_SYNTAX ones) have run,
#: before each later generator the best candidate measured so far (better than the current design by at
#: least EARLY_PROOF_MIN_GAIN of its metric; only once the first candidate of every family listed so far
#: is measured) is proven with up to EARLY_PROOF_SHARE of the time left to
#: the budget's end (at most the per-proof limit, at least PROOF_FLOOR_S), while the round's generator
#: window still has PROOF_FLOOR_S left (else the prove stage comes next anyway). Proven, it is accepted at
#: once and the round ends: the later generators run in the next round, on the new text, and that round's
#: early proofs wait until they have (the generator the round ended before has run). At most one early
#: proof per round; one that ended UNKNOWN is proven again in the prove stage only with a longer limit
#: (EARLY_RETRY_FACTOR), and the later generators get a new window from its end (GEN_SHARE of what is
#: left, as at a round's start; trip_meter: a 44 s slot (0.5) left the generators 2 s, hence 0.35). Before, proofs only started after every generator: under load (12-17 on 2
#: cores) a --budget 90 run spent ~55 s in generators and each found candidate got a 10-13 s slot
#: (heldout11 combo_lock's idle_t narrowing, abc 15 s, and trng_health's wcnt narrowing, abc 10 s, ended
#: UNKNOWN in 13 s slots: no_proof; proven early at t = 4-20 s, then the thrcount narrowing in round 2).
EARLY_PROOF_SHARE = 0.35
EARLY_PROOF_MIN_GAIN = 0.05
#: A round's early proofs wait at most this long in all for measurements already running (never for one
#: not started: the check is made again before the next generator).
EARLY_WAIT_S = 5.0
#: A candidate whose early proof ended UNKNOWN is proven again in the round's prove stage only with a
#: limit at least this many times the early one (a shorter or equal one would end the same way).
EARLY_RETRY_FACTOR = 1.5
#: A candidate proven early is accepted at once (the round ends; its later generators run in the next
#: round) when True; when False the round goes on and the prove stage tries the better candidates first,
#: the one proven early being accepted when none of them is (its verdict is at hand). Greedy acceptance
#: lost where a later generator's candidate was the better step (heldout11 A/B at load 13-16: gate_ctrl
#: 374.1 vs 337.8 um^2, the occupancy narrowing accepted before the register function + narrowing).
EARLY_ACCEPT_AT_ONCE = False


def _early_generators(order: list[str]) -> frozenset[str]:
    """The generators of ``order`` (as :func:`_generator_order` gives it) that run before the early proof."""
    return frozenset(order[:1]) | (frozenset(order) & (LIGHT_GENERATORS | frozenset(BOUNDED_SYNTAX_GENERATORS)))


#: The early slot is shared by up to EARLY_PROBES proofs ("probes") of at least EARLY_PROBE_MIN_S each
#: (one proof gets the whole slot when it is shorter than two of them or one candidate can be picked):
#: best first (EARLY_FIRST_SHARE of the slot), the next one after a probe that ended UNKNOWN, with what
#: the slot has left divided by the probes still to come. A probe that ended UNKNOWN is proven again in
#: the prove stage only with EARLY_RETRY_FACTOR times its limit, as before. Before, the whole slot went to the best candidate:
#: heldout17 dmx512 (load 5-13), a combination of three narrowings took the 22 s slot and ended UNKNOWN;
#: the prove stage then had ~24 s for two more UNKNOWN narrowings (10 s each) and the register-constant
#: rewrite behind them (abc, 3.7 s) ran out of time or was reached at 82 s of the 90 s.
EARLY_PROBES = 3
EARLY_PROBE_MIN_S = 6.0
#: The first probe (the best candidate) gets this share of the slot when others may follow; they share
#: the rest (so a slot shorter than EARLY_PROBE_MIN_S / (1 - EARLY_FIRST_SHARE) is one proof). With equal
#: thirds, and with halves, heldout16 wiper's template combination (proven with the whole slot, 21-28 s,
#: before) ended UNKNOWN in its 7 s and 14 s probes and the run ended no_proof (load 14-16).
EARLY_FIRST_SHARE = 0.75


def _early_pick(measured: list[tuple[Candidate, float | None]], cur_metric: float,
                unprovable: list[frozenset] = (), failed: list[tuple[Candidate, float | None]] = ()) -> int | None:
    """Index in ``measured`` ((candidate, metric), any order) of the candidate to prove early: the one with
    the lowest metric among those at least EARLY_PROOF_MIN_GAIN better than ``cur_metric`` and not
    containing a rewrite the verifier could not prove (hint ``parts``); combined candidates before single
    ones on ties, as in the prove stage, then by description (deterministic). (Single first, a proven
    single rewrite hid its equal-area combination, whose extra rewrites are free in this synthesis but
    shape the next round: visible alu_bit_width's shared adder without the 32 -> 8 bit narrowing, then the
    narrowing with a case-item merge, 529.3 um^2, where the combination's text took the e-graph's 8-bit
    adder next, 525.5; which path ran depended on whether the measurements were done for the early proof.)
    After early probes that ended UNKNOWN in this round (``failed``: (candidate, metric)), those candidates
    and any holding all the rewrites of one of them (hint ``parts``) are not picked, and a candidate
    :func:`_held_back` by them comes after the others. None when there is none."""
    tried = [frozenset(f.hints.get("parts", ())) for f, _m in failed]
    best, best_key = None, None
    for i, (c, m) in enumerate(measured):
        if m is None or m > cur_metric * (1 - EARLY_PROOF_MIN_GAIN):
            continue
        parts = frozenset(c.hints.get("parts", ()))
        if parts and any(bad <= parts for bad in unprovable):
            continue
        if any(c is f for f, _m in failed) or (parts and any(t and t <= parts for t in tried)):
            continue
        key = (bool(failed) and _held_back(c, m, list(failed)), m, not c.hints.get("combined"), c.description)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def _early_probes(slot_s: float, pool: list[tuple[Candidate, float | None]], cur_metric: float,
                  unprovable: list[frozenset] = ()) -> int:
    """How many proofs share an early slot of ``slot_s``: as many as :func:`_early_pick` would pick from
    ``pool`` one after the other if each ended UNKNOWN (a candidate holding all the rewrites of one tried
    before is not picked), at most EARLY_PROBES and at most one per EARLY_PROBE_MIN_S of the slot."""
    most = max(1, min(EARLY_PROBES, 1 + int(slot_s * (1 - EARLY_FIRST_SHARE) // EARLY_PROBE_MIN_S)))
    failed: list[tuple[Candidate, float | None]] = []
    while len(failed) < most:
        i = _early_pick(pool, cur_metric, unprovable, failed)
        if i is None:
            break
        failed.append(pool[i])
    return max(1, len(failed))


def _match_limit(deadline: float | None) -> float | None:
    """Time one template matcher gets: what is left before ``deadline``, at most half of it when
    more than 20 s are left (a slow matcher on a large module must leave time for the others)."""
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    return max(0.5, left / 2 if left > 20 else left)


def template_candidates(state: State, templates: dict[str, Template] | None = None) -> list[Candidate]:
    """Candidates from the deterministic templates, for every file of the design.

    Per file: one candidate per template with all of its (non-overlapping) matches applied, one per
    single match when a template matched several places, and one "all templates" candidate that
    applies every template in registry order, re-parsing in between.
    """
    templates = templates if templates is not None else REGISTRY
    out: list[Candidate] = []
    deadline = state.deadline

    def late() -> bool:  # the search's deadline: stop matching/rewriting (what was found is kept)
        return deadline is not None and time.monotonic() > deadline

    for path, text in state.texts.items():
        keep = _scope_filter(text, state.scope)
        if keep is False:
            continue  # the module in scope is not in this file
        if late():
            break
        # a module-scoped search analyses the file with the modules the scope does not reach blanked
        # (same offsets and lines: picorv32.v --top picorv32_pcpi_mul elaborated the whole CPU)
        an = analyze(scope_view(text, state.scope), str(path))
        if an.syntax_errors:
            continue
        seen = {text}
        per_template: list[tuple[Template, list[Match]]] = []
        # matches and analyses by text, shared with the "all templates" combinations below: they start
        # from the same text, so until a template changes it every matcher would run (and the text be
        # parsed and elaborated) again for the same answer
        memo: dict = {text: an}
        for tmpl in templates.values():
            if late():
                break
            try:
                # one matcher may not run past the deadline (nor take more than its share of it)
                matches = _memo_match(tmpl, an, str(path), lambda t=tmpl, a=an: t.match(a), deadline)
            except Deadline:
                state.cut = True  # (the next round runs the templates again, see GEN_SLICE_SHARE)
                continue
            except Exception:  # noqa: BLE001 - a template bug must not stop the optimizer
                continue
            memo[(tmpl.id, text)] = matches
            if keep is not True:
                matches = [r for r in map(keep, matches) if r is not None]
            if matches:
                per_template.append((tmpl, matches))
        for tmpl, matches in per_template:
            # single matches: the first MAX_SINGLES in the template's order (templates list their best
            # first, e.g. CSE by the number of expressions sharing the pair); a 64-bit bit-level encoder
            # gave about 1000 single CSE candidates that filled the round's measurements, so the GF(2)
            # generator's candidate behind them was never measured within the budget
            singles = [[m] for m in matches[:MAX_SINGLES]] if len(matches) > 1 else []
            groups = [list(matches)] + singles
            # matches of different kinds (a template tags them with data["group"]): each kind's
            # matches together too, and every match but one kind (a narrowing without the comparison
            # rewrites that measured smaller alone may be the better whole)
            kinds = {m.data.get("group") for m in matches if isinstance(m.data, dict)}
            if len(kinds) > 1:
                for k in sorted(kinds, key=str):
                    groups.append([m for m in matches if m.data.get("group") == k])
                    groups.append([m for m in matches if m.data.get("group") != k])
            for gi, group in enumerate(groups):
                if late():
                    break
                try:
                    # all matches at once: the first of overlapping alternatives (as _apply_all does)
                    new = _non_overlapping(tmpl, text, group) if gi == 0 else tmpl.rewrite(text, group)
                except ValueError:  # a stale or inconsistent match: skip it
                    continue
                if new is None or new in seen:
                    continue
                seen.add(new)
                what = "; ".join(m.description for m in group[:3]) + (" ..." if len(group) > 3 else "")
                hints = {"file": str(path), "matches": len(group), "parts": tuple(m.description for m in group)}
                engines = {m.data.get("engines") for m in group if isinstance(m.data, dict)}
                if len(engines) == 1 and None not in engines:  # the proof order the matches name (all alike)
                    hints["engines"] = engines.pop()
                out.append(Candidate(new, "template", (tmpl.rule,), what, hints))
        if late():
            continue
        combined, rules = _apply_all(text, {k: v for k, v in templates.items() if k not in NOT_COMBINED},
                                     state.scope, deadline, memo)
        if combined is not None and combined not in seen and len(rules) > 1:
            seen.add(combined)
            out.append(Candidate(combined, "template", tuple(rules), "all templates: " + ", ".join(rules),
                                 {"file": str(path), "combined": True, **_named_engines(per_template, rules)}))
        # templates whose rewrite an earlier template's local rewrite can pre-empt (resource sharing
        # across exclusive arms vs sharing one sub-expression): a second combination with them first
        early = [t for t, _m in per_template if t.id in FIRST_TOO]
        if early:
            order = {t.id: t for t in early} | {k: v for k, v in templates.items()
                                                if k not in FIRST_TOO and k not in ALONE}
            combined, rules = _apply_all(text, order, state.scope, deadline, memo)
            same = [c for c in out if c.text == combined]
            if same:  # one template alone: that candidate is looked at with the combinations
                same[0].hints["combined"] = True
            elif combined is not None and combined not in seen and rules:
                out.append(Candidate(combined, "template", tuple(rules), "all templates: " + ", ".join(rules),
                                     {"file": str(path), "combined": True, **_named_engines(per_template, rules)}))
        if not late() and state.scope is None:
            out += _view_candidates(path, text, templates, {t.id for t, _m in per_template}, seen, deadline)
    if late():
        state.cut = True
    return out


def _view_candidates(path, text: str, templates: dict[str, Template], fired: set[str], seen: set[str],
                     deadline: float | None) -> list[Candidate]:
    """Candidates of the templates that match only on the file's normalized procedural view (a two-process
    next-state block inlined into its clocked block, one clocked block per register merged:
    :func:`rtlopt.semantic.procnorm.normalize`) -- the same update the matchers read in one clocked block.
    The candidate is the rewritten view (proven against the user's design like any other)."""
    from rtlopt.semantic.procnorm import normalize

    try:
        view = normalize(text, str(path))
    except Exception:  # noqa: BLE001 - a parse problem: no view
        return []
    if view is None:
        return []
    an = analyze(view, str(path))
    if an.syntax_errors:
        return []
    out: list[Candidate] = []
    for tmpl in templates.values():
        if tmpl.id in fired:
            continue
        if deadline is not None and time.monotonic() > deadline:
            break
        try:
            matches = _memo_match(tmpl, an, str(path), lambda t=tmpl, a=an: t.match(a), deadline)
            new = _non_overlapping(tmpl, view, list(matches)) if matches else None
        except Deadline:
            continue
        except Exception:  # noqa: BLE001 - a template bug must not stop the optimizer
            continue
        if new is None or new == view or new in seen:
            continue
        seen.add(new)
        what = "; ".join(m.description for m in matches[:3]) + (" ..." if len(matches) > 3 else "")
        hints = {"file": str(path), "matches": len(matches), "parts": tuple(m.description for m in matches)}
        engines = {m.data.get("engines") for m in matches if isinstance(m.data, dict)}
        if len(engines) == 1 and None not in engines:
            hints["engines"] = engines.pop()
        out.append(Candidate(new, "template", (tmpl.rule,),
                             what + " (on the procedural view: next-state blocks inlined, per-register blocks merged)",
                             hints))
    return out


#: Matches of the templates by analysed text: (template, text hash, file name, project) -> (template,
#: matches), the last MATCH_MEMO_MAX. A matcher that finished is not run again on the same text: the
#: templates generator is cut at the first round's cap while the input is measured, at its slice of a
#: round's window, and runs again (on the same text) after it or in the next round that accepted nothing;
#: each time every matcher started from scratch, so on a loaded machine the register width reduction,
#: which comes late, was cut again (heldout16 spi/sr_merge: three runs, 25 s, never finished). A matcher
#: interrupted at its time limit, or that failed, is not kept. Cleared when a run starts.
_MATCH_MEMO: dict[tuple, tuple] = {}
MATCH_MEMO_MAX = 512
_MATCH_LOCK = threading.Lock()


def _memo_match(tmpl: Template, an, name: str, run: Callable[[], list[Match]], deadline: float | None) -> list[Match]:
    """``run()`` (``tmpl.match(an)``) within the matcher's time limit, or its result on the same text
    (``an.text``), file name and project from an earlier call (see :data:`_MATCH_MEMO`)."""
    from rtlopt.hdl.project import active

    text = getattr(an, "text", None)
    if not isinstance(text, str) or getattr(an, "prefilter", None) is not None:  # (rtlopt check's filter)
        with time_limit(_match_limit(deadline)):
            return run()
    proj = active()
    key = (id(tmpl), hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest(), name,
           repr((list(proj.params), list(proj.defines), [str(d) for d in proj.include_dirs])))
    with _MATCH_LOCK:
        hit = _MATCH_MEMO.get(key)
    if hit is not None and hit[0] is tmpl:
        return list(hit[1])
    with time_limit(_match_limit(deadline)):
        got = run()
    with _MATCH_LOCK:
        _MATCH_MEMO[key] = (tmpl, list(got))
        while len(_MATCH_MEMO) > MATCH_MEMO_MAX:
            _MATCH_MEMO.pop(next(iter(_MATCH_MEMO)))
    return got


def _named_engines(per_template, rules) -> dict:
    """``{"engines": order}`` when the matches of the applied templates that name a proof order all name
    the same one (tree sharing in a design without flip-flops: sat first), else nothing."""
    named = {m.data.get("engines") for t, ms in per_template if t.rule in rules for m in ms
             if isinstance(m.data, dict)} - {None}
    return {"engines": named.pop()} if len(named) == 1 else {}


#: Single-match candidates proposed per template and file in one round (see template_candidates).
MAX_SINGLES = 24
#: Templates also applied first in a second "all templates" combination (see template_candidates).
FIRST_TOO = frozenset({"exclusive_operator_sharing"})
#: Templates left out of that combination: proposed (and measured) on their own in the next round.
ALONE = frozenset({"case_item_merge"})
#: Templates left out of the first "all templates" combination too (proposed and measured on their own,
#: and in the second combination): sharing one instance between two moves a mux in front of the whole
#: unit, so combined with local rewrites inside that unit the miter keeps no internal equivalence for the
#: provers (a SECDED generator pair: shared alone ABC proves it in 2 s; shared after XOR CSE and
#: re-association equiv, ABC and z3 all ran out at 60 s, and that combined candidate, measured best,
#: spent the proof time of the round).
NOT_COMBINED = frozenset({"exclusive_instance_sharing"})


def _scope_filter(text: str, scope: str | None):
    """True: every match may be used; False: none (the scope module is not in ``text``); else a
    function giving each match restricted to its edits inside the scope module's span (None when
    none is; a match whose same expression also occurs in another module keeps only its edits here,
    and the result is measured and proven like any other candidate)."""
    if scope is None:
        return True
    import dataclasses

    from rtlopt.engine.hierarchy import module_span

    span = module_span(text, scope)
    if span is None:
        return False

    def restrict(m: Match) -> Match | None:
        inside = tuple(e for e in m.edits if span[0] <= e.start and e.end <= span[1])
        if not inside:
            return None
        if len(inside) == len(m.edits):
            return m
        data = dict(m.data)
        if "spans" in data:  # templates that re-check their spans on apply
            data["spans"] = [(a, b) for a, b in data["spans"] if span[0] <= a and b <= span[1]]
        return dataclasses.replace(m, edits=inside, data=data)

    return restrict


def _apply_all(text: str, templates: dict[str, Template], scope: str | None = None,
               deadline: float | None = None, memo: dict | None = None) -> tuple[str | None, list[str]]:
    """Every template in order, each on the text the ones before it left. ``memo`` holds the matches
    found for (template id, text) and the analysis of each text (keyed by the text): a matcher's
    result on a text it has seen is reused, and each text is parsed once for all matchers."""
    cur, rules = text, []
    memo = {} if memo is None else memo
    for tmpl in templates.values():
        if deadline is not None and time.monotonic() > deadline:
            break
        keep = _scope_filter(cur, scope)
        if keep is False:
            break
        matches = memo.get((tmpl.id, cur))
        if matches is None:
            try:
                with time_limit(_match_limit(deadline)):
                    if cur not in memo:
                        memo[cur] = analyze(scope_view(cur, scope))
                    matches = tmpl.match(memo[cur])
            except Deadline:
                continue
            except Exception:  # noqa: BLE001
                continue
            memo[(tmpl.id, cur)] = matches
        if keep is not True:
            matches = [r for r in map(keep, matches) if r is not None]
        if not matches:
            continue
        new = _non_overlapping(tmpl, cur, matches)
        if new is not None and new != cur:
            cur = new
            rules.append(tmpl.rule)
    return (cur if cur != text else None), rules


def _non_overlapping(tmpl: Template, text: str, matches: list[Match]) -> str | None:
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in matches:
        spans = [(e.start, e.end) for e in m.edits]
        if any(s < te and ts < e for s, e in spans for ts, te in taken):
            continue
        chosen.append(m)
        taken.extend(spans)
    return tmpl.rewrite(text, chosen) if chosen else None


def fsm_candidates(state: State) -> list[Candidate]:
    """Candidates from :mod:`rtlopt.fsm` (FSM re-encoding) when that package provides them."""
    try:
        from rtlopt.fsm import candidates as fsm_gen  # type: ignore[attr-defined]
    except ImportError:
        return []
    design, back = state.design, {}
    key = (state.design.top, tuple(str(f) for f in state.design.files))
    # the engine's first run on this design may come in a later round: the first round's generator
    # window closed before it, or a candidate proven early ended that round (see EARLY_PROOF_SHARE)
    first = state.round == 0 or key not in _FSM_FOUND
    if state.round > 0:
        # later rounds: the machine again, on the current texts, when the first run found one (a
        # merge of equivalent states loses to narrowing the 32-bit timer in its arms in round one,
        # and wins once the timer is narrow: heldout8 ctrl/elevator_fsm)
        if not first and not _FSM_FOUND.get(key):
            return []
        changed = [f for f in state.design.files if state.texts.get(Path(f)) not in (None, Path(f).read_text())]
        if len(changed) != 1:
            return []
        try:
            from rtlopt.fsm._candidates import design_with_text

            design = design_with_text(state.design, str(changed[0]), state.texts[Path(changed[0])])
        except RtloptError:
            return []
        back = {str(f): str(changed[0]) for f in design.files if str(f) not in map(str, state.design.files)}
        # the cost of the later runs is capped: once per text of the machine's file (memo), and the
        # extraction gets at most FSM_LATER_TIME_FACTOR times what the first round's took (>= 5 s)
        mk = (key, str(changed[0]), hashlib.sha256(state.texts[Path(changed[0])].encode()).hexdigest())
        if mk in _FSM_LATER_MEMO:
            return list(_FSM_LATER_MEMO[mk])
    t_run = time.monotonic()
    try:
        # not measured there: the search measures every candidate itself, in parallel and area first
        kw = {}
        if state.deadline is not None:  # the extraction stops at the search's deadline too (default 30 s)
            kw["extract_timeout_s"] = max(1.0, min(30.0, state.deadline - time.monotonic()))
        if not first:
            cap = max(5.0, FSM_LATER_TIME_FACTOR * _FSM_FIRST_S.get(key, 30.0))
            kw["extract_timeout_s"] = min(kw.get("extract_timeout_s", 30.0), cap)
        cands = fsm_gen(design, goal=state.goal, liberty=state.liberty, measure_ppa=False, **kw)
    except RtloptError:
        return []
    out = [c for c in cands if isinstance(c, Candidate)]
    if first:
        _FSM_FOUND[key] = bool(out)
        _FSM_FIRST_S[key] = time.monotonic() - t_run
    for c in out:  # a candidate of the copy replaces the user's file
        f = c.hints.get("file")
        if f is not None and str(f) in back:
            c.hints["file"] = back[str(f)]
    if state.round > 0:
        if len(_FSM_LATER_MEMO) >= 64:
            _FSM_LATER_MEMO.pop(next(iter(_FSM_LATER_MEMO)))
        _FSM_LATER_MEMO[mk] = list(out)
    return out


#: (top, files) -> whether the first round's FSM engine found a machine to rewrite
_FSM_FOUND: dict[tuple, bool] = {}
#: (top, files) -> seconds the first round's FSM engine took
_FSM_FIRST_S: dict[tuple, float] = {}
#: (top, files, changed file, sha256 of its text) -> the later rounds' FSM candidates for that text
_FSM_LATER_MEMO: dict[tuple, list] = {}
#: a later round's FSM extraction gets at most this many times the first round's run time (>= 5 s)
FSM_LATER_TIME_FACTOR = 3.0


def lifting_candidates(state: State) -> list[Candidate]:
    """Candidates from :mod:`rtlopt.semantic` (word-level lifting of bit-level logic by simulation)."""
    try:
        from rtlopt.semantic import lifting_candidates as lift_gen
    except ImportError:
        return []
    return [c for c in lift_gen(state) if isinstance(c, Candidate)]


def seqredundancy_candidates(state: State) -> list[Candidate]:
    """Candidates from :mod:`rtlopt.semantic.seqred`: registers proven constant, equal or inverse."""
    try:
        from rtlopt.semantic.seqred import seq_candidates
    except ImportError:
        return []
    return [c for c in seq_candidates(state) if isinstance(c, Candidate)]


def egraph_candidates(state: State) -> list[Candidate]:
    """Candidates from :mod:`rtlopt.egraph`: datapath rewrites by equality saturation and DAG extraction."""
    try:
        from rtlopt.egraph import egraph_candidates as eg_gen
    except ImportError:
        return []
    return [c for c in eg_gen(state) if isinstance(c, Candidate)]


register_generator("templates", template_candidates)
register_generator("fsm", fsm_candidates)
register_generator("lifting", lifting_candidates, memo_key=lambda st: _h(st.texts))


def _semantic_generator(name: str, module: str, per_top: bool = False, func: str | None = None) -> None:
    """Register ``rtlopt.semantic.<module>.<func>`` (default ``<module>_candidates``) as generator ``name``
    (imported on first use; only :class:`Candidate` items kept), memoized on the texts (and on the top
    when ``per_top``)."""

    def gen(state: State) -> list[Candidate]:
        produce = getattr(importlib.import_module(f"rtlopt.semantic.{module}"), func or f"{module}_candidates")
        return [c for c in produce(state) if isinstance(c, Candidate)]

    gen.__name__ = gen.__qualname__ = f"{name}_candidates"
    register_generator(name, gen, memo_key=(lambda st: (_h(st.texts), st.design.top)) if per_top
                       else (lambda st: _h(st.texts)))


# linresub: a word re-expressed (piecewise GF(2)-linear) through signals already computed. Early: one
# Yosys run and a few seconds of linear algebra (bounded), and the later generators can use up a round.
_semantic_generator("linresub", "linresub", per_top=True)
# gflin: a GF(2)-linear word (CRC next state, ECC encoder, MixColumns) re-synthesized as a shared XOR
# network (Paar's greedy CSE). One Yosys run and a bounded greedy; only when clearly below the cone's cost.
_semantic_generator("gflin", "gflin", per_top=True)


# rangedc: a case table / one-bit function read only at the values its selector register can hold (guessed
# from the next-state cone's constants and wrap compares, proven by the check): don't-cares / a closed form.
# Early: one Yosys run, only when a constant case table or a %, /, call or && / || assignment is written.
_semantic_generator("rangedc", "rangedc", per_top=True)
# memdepth: a memory whose addresses stay below B from reset declared with B words (the depth found by
# binary search over whole-design simulations, proven by the check). Syntax first: only designs with arrays.
_semantic_generator("memdepth", "memdepth", per_top=True)
# queueocc: a queue (ring buffer, memory + count FIFO, shift FIFO) whose occupancy stays <= K from reset
# indexed mod K (one word for K = 1; found by whole-design simulation, proven by the check). Syntax first:
# only designs with an array written and read at different variable indices.
_semantic_generator("queueocc", "queueocc", per_top=True)
# digits: a counter read only as digits kept as digit counters. Before the slower sequential analyses:
# it costs nothing without a counter read only through output logic, and its Yosys runs are few (a
# round's generator window can close before the later ones)
_semantic_generator("digits", "digits", per_top=True, func="digit_candidates")
# thrcount: a counter read only through threshold compares kept saturating at the largest threshold
# (regex over the text first: nothing elaborated without a register read only that way).
_semantic_generator("thrcount", "thrcount", per_top=True)
# histwin: a shift history read only as a whole window (|H, &H, H == 0, ...) kept as a counter (the syntax
# first; one Yosys load and a simulation only when such a history is written).
_semantic_generator("histwin", "histwin", per_top=True)
# ringshift: a ring buffer written at a pointer stepping +1 mod N and read only at a fixed offset from it
# kept as an N-stage shift register (syntax first; one Yosys load and a simulation only when one is found).
_semantic_generator("ringshift", "ringshift", per_top=True)
# decdelay: a child delay line whose input changes once per counter period kept as one stage per period
# (one netlist load shared with the others; the simulation only when a child is a pure chain of stages).
_semantic_generator("decdelay", "decdelay", per_top=True)
# modacc: a wide accumulator read only through a ones'-complement fold / remainder kept reduced per addition.
_semantic_generator("modacc", "modacc", per_top=True)
# modbound: a remainder / quotient by a constant whose dividend an interval analysis bounds (through
# registers from reset) below a few multiples of it: conditional subtractions instead of a divider.
_semantic_generator("modbound", "modbound", per_top=True)
# diffcmp: ``(a - b) op K`` where a >= b on every simulated vector (b a minimum, a guard) as ``a op b + K``
# (syntax first; one Yosys load and random runs only when such a comparison is written).
_semantic_generator("diffcmp", "diffcmp", per_top=True)
# diffpair: two registers read only through their difference (a counter and its latched limit, a shared
# timestamp and each channel's last capture) kept as that difference (syntax first; one Yosys load and a
# simulation only when such a pair's joint next state is a function of the difference).
_semantic_generator("diffpair", "diffpair", per_top=True)


register_generator("seqredundancy", seqredundancy_candidates, memo_key=lambda st: (_h(st.texts), st.design.top))
# deadcmp: a compare whose value never matters from reset (a timeout the sibling's bounded latency never
# lets expire, a command the sibling never issues): the constant (one probed Yosys load, fault simulations).
# After seqredundancy: the registers it proves come first where a round's window is short (heldout17
# nandboot at load 13: 2 of 3 runs ended no_proof with deadcmp before it); seqredundancy offers the dead
# compares found on the same texts together with its registers in the later rounds.
_semantic_generator("deadcmp", "deadcmp", per_top=True)


# instshare: a register equal across sibling instances shared.
_semantic_generator("instshare", "instshare", per_top=True)
# instmux: two instances used exclusively become one muxed instance.
_semantic_generator("instmux", "instmux")
# bijcmp: two instances of one module differing in one input, their results compared, compare that input
# when the module is one-to-one in it (a scrambler on a request and on each stored word). Syntax first.
_semantic_generator("bijcmp", "bijcmp")
# hiershare: products in different branches of the hierarchy used exclusively share one multiplier at
# their lowest common ancestor (operands and product through new ports of per-instance module copies).
_semantic_generator("hiershare", "hiershare", per_top=True)
# cmpflip: a direction-selected comparison (c ? x > y : x < y) on one comparator, (x > y) ^ !c.
_semantic_generator("cmpflip", "cmpflip")
# dropguard: a nested ``if (g) R <= E;`` without else whose hold never differs (proven from reset).
_semantic_generator("dropguard", "dropguard")
# obsread: a copy captured from a signal and read only while it still equals it (a snapshot of a stopped
# counter) is read as that signal (syntax pairs; simulation-filtered, proven from reset).
_semantic_generator("obsread", "obsread", per_top=True)
# pingpong: an up/down counter and the direction flag that turns at its ends become one phase counter
# (syntax first; one small Yosys probe per site: the step's transition table).
_semantic_generator("pingpong", "pingpong", per_top=True)
# nextfunc: a register loaded with a function of other registers' next values (syntax only; also a
# step of regfunc, which ran it only after its simulating analyses: heldout11 kiln/ramp_soak at --budget 90
# never got there).
_semantic_generator("nextfunc", "nextfunc", per_top=True)


def regfunc_candidates(state: State) -> list[Candidate]:
    """Candidates from :mod:`rtlopt.semantic.regfunc`: registers proven a function (k +- S, bit sums) of others."""
    try:
        from rtlopt.semantic.regfunc import regfunc_candidates as rf_gen
    except ImportError:
        return []
    return [c for c in rf_gen(state) if isinstance(c, Candidate)]


register_generator("regfunc", regfunc_candidates, memo_key=lambda st: (_h(st.texts), st.design.top))
# lifeshare: two registers busy in disjoint phases of a controller share one register.
_semantic_generator("lifeshare", "lifeshare", per_top=True)
# instlife: instances of one child module busy in disjoint cycles become one instance (inputs selected by
# the started one's strobe or the controller's phase). Nothing elaborated without two instances of one module.
_semantic_generator("instlife", "instlife", per_top=True)
# sumshare: a sum of port bits in a child regrouped so its instances' overlapping bits form the same sub-sums.
_semantic_generator("sumshare", "sumshare", per_top=True)

# regretime: two registers read only as the operands of one operator become a register of its result.
_semantic_generator("regretime", "regretime", per_top=True)
# fretime: logic a register captures moves after it (the register holds the logic's inputs).
_semantic_generator("fretime", "fretime", per_top=True)
# bretime: registers read only through a narrower function of them hold the function instead.
_semantic_generator("bretime", "bretime", per_top=True)
# maxcmp: a register compared with its proven largest value: an AND of the value's set bits.
_semantic_generator("maxcmp", "maxcmp", per_top=True)
# regguard: ``g ? x : K`` on state where x already equals K whenever g is false (valid bits of a table).
_semantic_generator("regguard", "regguard", per_top=True)
# andimply: ``a & b`` / ``a && b`` is ``a`` when a -> b in every reachable state (status bits set only while
# enabled, an edge detector of a strobe never high two cycles in a row); ``a | b`` likewise.
_semantic_generator("andimply", "andimply", per_top=True)
# alignrange: ``B <= A && A < B + 2**k`` is ``(A >> k) == (B >> k)`` when B's low k bits stay zero from reset.
_semantic_generator("alignrange", "alignrange", per_top=True)
# reachset: a register whose values from reset are a small set (thermometer, one-hot, a few codes) kept as
# an index into the set, decoded where read ('x outside the set: synthesis folds the update and the reads).
_semantic_generator("reachset", "reachset", per_top=True)
# seqcounter: a (state, timer) module whose reachable states from reset are one path (a flash / power-up
# sequencer) becomes one counter along the path, its outputs ranges of it (explicit enumeration).
_semantic_generator("seqcounter", "seqcounter", per_top=True)
# regpred: comparisons of a register that are functions of other registers' bits (a run counter beside
# the shift window it counts): the comparisons read the bits, the counter becomes dead.
_semantic_generator("regpred", "regpred", per_top=True)


# incparity: XOR reductions over registers kept incrementally.
_semantic_generator("incparity", "incparity", per_top=True)
# delayrep: a second instance of a module fed the first one's inputs delayed k cycles (both reset
# together) is the first one's outputs delayed k cycles. Syntax first: two instances of one module.
_semantic_generator("delayrep", "delayrep", per_top=True)
# derivedcol: a per-entry column always written as f(the tag written beside it) computed from the stored
# tag (its flip-flops dropped). Syntax only: an indexed write whose index another write shares.
_semantic_generator("derivedcol", "derivedcol", per_top=True)
# mixradix: a linear address r*C + c split again by / C and % C (same module, or a sibling instance fed by
# the producer's output port: new ports carry r and c) reads r and c. Regex only; the verifier proves it.
_semantic_generator("mixradix", "mixradix", per_top=True)
# reencode: a register kept in the encoding its update decodes to.
_semantic_generator("reencode", "reencode", per_top=True)
# memunroll: variable-index array writes unrolled per element.
_semantic_generator("memunroll", "memunroll")
# onehotidx: a register that is 0 or ``1 << S`` kept as one flag bit.
_semantic_generator("onehotidx", "onehotidx", per_top=True)
# ringidx: a one-hot (one-cold) rotating ring register kept as a binary index, decoded where it is read.
_semantic_generator("ringidx", "ringidx", per_top=True)
# lrumatrix: true-LRU ages (always a permutation, move-to-front updates) kept as a pairwise order matrix.
_semantic_generator("lrumatrix", "lrumatrix", per_top=True)
# idxconst: an indexed read whose element is constant whenever the index names it.
_semantic_generator("idxconst", "idxconst", per_top=True)
# onehotsel: an indexed read at an index encoded from a one-hot-or-zero vector as an AND-OR select.
_semantic_generator("onehotsel", "onehotsel", per_top=True)
# casetable: a case table of constants that is ``x + b``.
_semantic_generator("casetable", "casetable")
# romsym: a constant table with symmetry (periodic, negated/complemented half, mirrored index) stored once.
_semantic_generator("romsym", "romsym")
# histflag: registers read only through comparisons with constants kept as the comparison flags.
_semantic_generator("histflag", "histflag")
# preadd: mirrored products of a loop sum pre-added (symmetric FIR).
_semantic_generator("preadd", "preadd")
# popsum: a word that is the sum of words already computed.
_semantic_generator("popsum", "popsum")
# narrowacc: ``T = B`` plus small increments summed narrow first.
_semantic_generator("narrowacc", "narrowacc")
# linsum: a constant-weighted sum of words as (positive terms) - (negative terms), each part narrow.
_semantic_generator("linsum", "linsum")
# linshare: two or more linear forms of the same words (Sobel Gx/Gy) sharing pair terms u +- v.
_semantic_generator("linshare", "linshare", per_top=True)
# exprshare: the same for sub-expressions (procedural code, conditions), taken from the netlist's cell spans.
_semantic_generator("exprshare", "exprshare", per_top=True)
# ocsum: a chain/tree of end-around-carry additions as one wide sum folded once.
_semantic_generator("ocsum", "ocsum")
# mulpow2: a product with a word that is ``1 << s`` as a shift.
_semantic_generator("mulpow2", "mulpow2")
# mulset: a product with a word holding only a few values 0 / +-2^k as a select of shifts/negations.
_semantic_generator("mulset", "mulset")
# squarer: ``x * x`` as a folded squarer.
_semantic_generator("squarer", "squarer")
# selcompose: a selection on a decoded selector composed onto its source bits.
_semantic_generator("selcompose", "selcompose", per_top=True)
# countcmp: a population count compared with 0/1/2 as an OR / pair check.
_semantic_generator("countcmp", "countcmp", per_top=True)
# prefixscan: XOR/OR/AND reductions over nested prefixes/suffixes of one word as one shared scan.
_semantic_generator("prefixscan", "prefixscan", per_top=True)
# mapsel: reads V[S] of a loop V[i] = E(i) become E(S) (select the operands, then one operator).
_semantic_generator("mapsel", "mapsel")
# readshare: two reads m[i] / m[j] (f(i) / f(j), two symmetric read ports of an instance) observed under
# exclusive conditions become one read on a muxed index (the exclusivity is left to the proof). Light: the
# syntax alone (7 ms a design over designs/); only a design with candidates gets a Yosys load and one
# random simulation per pair of reads (SIM_BUDGET_S = 12 s), which drops the pairs both used at once.
_semantic_generator("readshare", "readshare")
# condwit: a mux arm independent of some inputs whenever selected gets them pinned to a witness.
_semantic_generator("condwit", "condwit")
# rststrip: registers whose reset value never reaches an output (data behind a valid bit, written before
# read) lose their reset (syntax first; one Yosys load and bit-parallel runs with the reset value randomized).
# Late in the order: a finishing rewrite that enables nothing, and its runs (4-12 s under load on heldout15
# designs) do not delay the analyses before it in a round's generator window.
_semantic_generator("rststrip", "rststrip", per_top=True)

register_generator("datapath_egraph", egraph_candidates)


def compose_candidates(state: State) -> list[Candidate]:
    """Two-step candidates (:mod:`rtlopt.engine.compose`): a neutral enabling rewrite plus the rule it enables."""
    from rtlopt.engine.compose import compose_candidates as comp_gen

    return [c for c in comp_gen(state) if isinstance(c, Candidate)]


register_generator("compose", compose_candidates, memo_key=lambda st: (_h(st.texts), st.design.top, st.scope))


def onehot_chain_candidates(state: State) -> list[Candidate]:
    """Priority chains over register bits never 1 together from reset (:mod:`rtlopt.engine.onehot_chain`)."""
    from rtlopt.engine.onehot_chain import onehot_chain_candidates as oh_gen

    try:
        return [c for c in oh_gen(state) if isinstance(c, Candidate)]
    except RtloptError:
        return []


register_generator("onehot_chain", onehot_chain_candidates, memo_key=lambda st: (_h(st.texts), st.design.top))


@dataclass
class Attempt:
    """One evaluated candidate."""

    candidate: Candidate
    metric: float | None
    ppa: dict | None = None
    verdict: str | None = None
    engine: str | None = None
    verify_seconds: float | None = None
    error: str | None = None
    accepted: bool = False


@dataclass
class Step:
    """One accepted rewrite."""

    rules: tuple[str, ...]
    description: str
    source: str
    file: str
    metric_before: float
    metric_after: float
    verdict: str
    engine: str | None
    verify_seconds: float | None
    delay_before: float | None = None  # ns, critical path of the design before this rewrite
    delay_after: float | None = None
    evidence: str | None = None  # SIMULATED steps: runs, cycles, toggle coverage, BMC depth (not a proof)
    stages: list[dict] | None = None  # a step proven in links (engine.stages): each link's verdict and engine


@dataclass
class OptimizeResult:
    """Everything the optimize command reports."""

    design: DesignRef
    goal: str
    original: dict[Path, str]
    final: dict[Path, str]
    before: Any  # PpaReport
    after: Any  # PpaReport (== before when nothing changed)
    steps: list[Step] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)
    final_verdict: dict | None = None
    status: str = "no_improvement"  # improved | no_improvement | no_proof
    seconds: float = 0.0
    budget_exhausted: bool = False
    timings: dict = field(default_factory=dict)  # seconds per stage (generators, PPA, proofs), jobs
    #: the registered-output filter (engine.regkeep.Guard.summary): enabled, rejected, protected registers
    registered_outputs: dict | None = None

    @property
    def changed(self) -> bool:
        return any(self.final[p] != self.original[p] for p in self.original)


def _attempt(c: Candidate, rep, goal: str) -> Attempt:
    ppa = {"area_um2": rep.area_um2.value, "delay_ns": rep.delay_ns.value, "power_mw": rep.power_mw.value,
           "cells": rep.cells.value}
    if rep.provenance.get("measured") == "area only":
        ppa["measured"] = "area only (not smaller than the current design: no timing/power run)"
    return Attempt(c, rep.metric(goal), ppa)


def _h(texts: dict[Path, str]) -> str:
    h = hashlib.sha256()
    for p in sorted(texts):
        h.update(str(p).encode())
        h.update(b"\0")
        h.update(texts[p].encode())
        h.update(b"\0")
    return h.hexdigest()


def _verify_api():
    try:
        from rtlopt.verify import VerifyOptions, check_equivalence
    except ImportError as exc:
        raise ToolNotFound(f"the equivalence checker (rtlopt.verify) is not available: {exc}") from None
    return check_equivalence, VerifyOptions


def _verdict_name(v) -> str:
    name = getattr(v, "name", None) or str(v)
    return name.split(".")[-1].upper()


def optimize(design: DesignRef, *, goal: str = "area", liberty=None, budget_s: float = 120.0,
             max_steps: int = 20, jobs: int | None = None, verify_timeout_s: float = 60.0,
             clock_period_ns: float | None = None, progress: Callable[[str], None] | None = None,
             templates: dict[str, Template] | None = None, ppa_timeout_s: float = 300.0,
             sim_check: bool = False, accept_simulation: bool = False, sim_cycles: int = 500,
             max_delay_increase_pct: float | None = None, start_texts: dict[Path, str] | None = None,
             scope: str | None = "auto", measure_fn: Callable | None = None,
             extend_unknown_proofs: bool = False, keep_registered_outputs: bool = False) -> OptimizeResult:
    """Optimize ``design`` for ``goal``; see the module docstring for the search.

    Timing guard (goals other than ``delay``): a candidate whose critical-path delay exceeds the clock
    period (``clock_period_ns``, else the PPA default) while being slower than the input is never
    better; with ``max_delay_increase_pct`` its delay may also not exceed the input's delay by more
    than that percentage.

    Budget: ``budget_s`` bounds the whole run, the input's measurement included (each measurement
    gets ``min(ppa_timeout_s, what is left)``: of the search's share for candidates, of the whole budget
    for the input; while the input is pending, the first round's analyses run their tool children at
    a lower CPU priority); when the input cannot be measured in that time the
    run ends with :class:`~rtlopt.errors.BudgetExhausted` (exit 8), never a tool-failure exit.

    Scope: ``"auto"`` restricts edits to the top module's span when the files hold modules that are
    not under the top (``--top`` on a multi-module file); a module name restricts to that module;
    None allows edits anywhere. ``start_texts`` starts from (and proves against) these texts instead
    of the files on disk (hierarchical mode: children already optimized). ``measure_fn(ref, texts,
    timeout)`` replaces the flat PPA measurement (hierarchical mode: per-module area).

    Proof time: each proof gets ``verify_timeout_s``. With ``extend_unknown_proofs`` (the CLI sets it
    when the user did not choose a proof limit), a round whose better candidates all end UNKNOWN
    proves the best of them once more with up to half of the budget that is left, when that is at
    least twice ``verify_timeout_s`` (a large design on a loaded machine: one 1024-bit sharing proof
    needs minutes); the budget still bounds the run.

    Registered outputs (:mod:`rtlopt.engine.regkeep`): with ``keep_registered_outputs`` a candidate in
    which a top-level output bit driven directly by a flip-flop in the original is no longer a flip-flop's
    Q is rejected before it is measured; registers marked ``keep`` / ``async_reg`` / ``ASYNC_REG`` in the
    original must stay registers with their values (always). Rejections are counted in
    ``result.registered_outputs``.

    Raises:
        ToolNotFound: the verifier or the PPA tools are missing (nothing is ever written then).
        InputError: the design cannot be read or synthesized.
        BudgetExhausted: the budget ran out before the input could be measured.
    """
    from rtlopt.errors import BudgetExhausted, ToolTimeout
    from rtlopt.ppa import _cache as _ppa_cache
    from rtlopt.ppa.liberty import resolve_liberty

    t0 = time.monotonic()
    with _MATCH_LOCK:  # matches are kept within one run (see _MATCH_MEMO)
        _MATCH_MEMO.clear()
    # the budget holds: the search (generators, new candidates) stops at ``deadline``; proofs started
    # before it may finish, within ``hard_end`` (the end of the budget)
    hard_end = t0 + budget_s
    deadline = hard_end - min(verify_timeout_s / 2, budget_s * 0.2)
    say = progress or (lambda _m: None)
    lib = resolve_liberty(liberty) if not hasattr(liberty, "sha256") else liberty
    check_equivalence, VerifyOptions = _verify_api()
    on_disk = {p: p.read_text(encoding="utf-8", errors="replace") for p in design.files}
    original = dict(start_texts) if start_texts is not None else on_disk
    if scope == "auto":
        from rtlopt.engine.hierarchy import edit_scope

        scope = edit_scope(design)
    from rtlopt.hdl.project import library_files

    read_only = library_files(design.files)  # -y/-v library files: read, never edited
    # generators see only the files the top's elaboration reads (see generator_files): with --top on
    # one module of a 31-file tree, per-file analyses ran on every file (each tree and compilation kept
    # for the process's life by rtlopt._slanglife) and their rewrites outside the scope were dropped
    gen_files = generator_files(design) if scope is not None else None
    ws = Workspace(design, prefix="rtlopt-opt-", keep=gen_files)  # candidate copies: those files only

    def gen_view(texts: dict[Path, str]) -> dict[Path, str]:
        if gen_files is None:
            return texts
        return {p: t for p, t in texts.items() if Path(p).resolve() in gen_files}

    from rtlopt.engine.regkeep import Guard

    # registered outputs / protected registers: every candidate is checked on its own netlist before
    # it is measured (generic, whatever rewrite produced it); inactive (no Yosys run) when nothing asks
    guard = Guard(lambda: design.files if start_texts is None else ws.materialize(original).files, design.top,
                  original, keep_registered_outputs, say)
    verify_cache: dict[str, Any] = {}
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="rtlopt-ppa")
    queue = _MeasureQueue(pool)  # candidates measured round-robin across families (see _next_measurement)
    futures: dict[tuple, Future] = {}
    # goal area: the Yosys stage alone gives the exact mapped area; OpenSTA (delay, power) runs only
    # for candidates smaller than the current design (every accepted one is fully measured)
    area_first = goal == "area" and measure_fn is None
    timings: dict[str, float] = {}

    def tick(name: str, since: float) -> None:
        timings[name] = round(timings.get(name, 0.0) + time.monotonic() - since, 3)

    def limit_left(end: float) -> float:
        left = end - time.monotonic()
        if left <= 1:
            raise ToolTimeout("the time budget ran out before this measurement")
        return min(ppa_timeout_s, left)

    def measure_now(ref, texts: dict[Path, str], threshold: float | None):
        """Full report, or (area-first, not below ``threshold``) an area-only report."""
        t = time.monotonic()
        # the input's measurement may use the whole budget: the share kept back for proofs that may
        # finish after the search's deadline is of no use before the input is measured (nothing can
        # be proven then), and a run that measures its input late still reports it, unchanged
        end = hard_end if texts == original else deadline
        if texts != original:
            guard.check(ref.files, texts, _h(texts))  # RegisteredOutputRejected: not measured, not proven
        try:
            with foreground():  # measurements keep their CPU priority while analyses run in the background
                if measure_fn is not None:
                    return measure_fn(ref, texts=texts, timeout=limit_left(end))
                # generic=False: the generic statistics of a multi-module candidate (a Yosys process of
                # their own) wait until the search returns its report: candidates are ranked and accepted
                # by area, delay and power (car_fsm: 21 generic runs, 2.5 s of 18 s CPU; only the final one read)
                return _ppa_cache.measure_staged(ref, liberty=lib, clock_period_ns=clock_period_ns,
                                                 timeout=limit_left(end), texts=texts if ref is design else None,
                                                 area_below=threshold, generic=False)
        finally:
            tick("ppa_cpu_s", t)

    _pin: list = []

    def pin_configs():  # the parameter values of every elaborated instance (computed once)
        if not _pin:
            _pin.append(design_configs(design.parsed, design.top))
        return _pin[0]

    _phys: dict[str, dict[Path, str] | None] = {}

    def physical(texts: dict[Path, str]) -> dict[Path, str] | None:
        """The texts that are measured, proven and written: every changed module with overridable
        parameters pinned to the proven parameter values against the ORIGINAL module (engine.parampin);
        the generators work on the unpinned texts. None when a changed module cannot be pinned.
        Memoized by content (pinning a large multi-module file costs a fraction of a second, and each
        candidate is pinned when listed, measured and proven)."""
        key = _h(texts)
        if key in _phys:
            return _phys[key]
        out: dict[Path, str] | None = {}
        cfgs = configs_for(texts, design.top, pin_configs())  # (module copies: the values still in use)
        for p, t in texts.items():
            o = original.get(p)
            q = t if o is None or t == o else pin_text(o, t, cfgs)
            if q is None:
                out = None
                break
            out[p] = q
        _phys[key] = out
        return out

    def submit(texts: dict[Path, str], threshold: float | None = None, family: tuple | None = None) -> Future:
        """A measurement of ``texts`` in the pool (one per text and threshold; materialized here), in
        the order of :func:`_next_measurement` (``family``: the candidate's, None: before those)."""
        texts = physical(texts) or texts  # (refused texts never get here: the candidate loop checks)
        k = (_h(texts), threshold if area_first else None)
        if k not in futures or futures[k].cancelled():
            full = (_h(texts), None)
            if full in futures and not futures[full].cancelled():
                return futures[full]
            try:
                ref = design if texts == on_disk else ws.materialize(texts)
            except ToolNotFound:
                raise
            except RtloptError as exc:  # a candidate that does not read back: its measurement fails
                failed: Future = Future()
                failed.set_exception(exc)
                futures[k] = failed
                return failed
            futures[k] = queue.submit(family, measure_now, ref, texts, k[1])
        return futures[k]

    gold_ref = None
    # what a candidate is proven against: the input, then the last accepted (proven) text. Equivalence
    # is transitive, so each step proven against the one before proves the result against the input,
    # and a later round's miter holds one rewrite instead of all of them (vending_machine: an FSM
    # minimization after a shared 1024-bit adder, UNKNOWN in 60 s against the input, 6 s against the
    # shared-adder text; a state map's register names are those of the text the FSM engine read)
    proof_base: dict[Path, str] | None = None


    def prove(texts: dict[Path, str], cand: Candidate, limit_s: float | None = None, cap_s: float | None = None,
              again: bool = False):
        """``limit_s``: a second, longer proof (the cached verdict is dropped); ``cap_s``: a shorter
        limit than the per-proof one (other candidates wait, see :func:`_proof_cap`); ``again``: a
        cached UNKNOWN verdict is dropped (a longer proof after a short early one)."""
        nonlocal gold_ref
        texts = physical(texts) or texts
        base = original if proof_base is None else proof_base
        key = _h(texts) if proof_base is None else _h(texts) + ":" + _h(base)
        limit = verify_timeout_s if limit_s is None else limit_s
        if cap_s is not None:
            limit = min(limit, cap_s)
        if limit_s is not None:
            verify_cache.pop(key, None)  # a longer second proof of a candidate that ended UNKNOWN
        elif again and key in verify_cache and _verdict_name(verify_cache[key].verdict) == "UNKNOWN":
            verify_cache.pop(key)
        if key not in verify_cache:
            if gold_ref is None:
                gold_ref = ws.materialize(base)
            gate = ws.materialize(texts)
            sim = None
            if sim_check:  # a fast filter: a simulation mismatch rejects without running the prover
                sim = simulate_candidate(gold_ref, gate, cycles=sim_cycles, timeout_s=max(30.0, verify_timeout_s))
                if sim is not None and sim.verdict == "NOT_EQUIVALENT":
                    verify_cache[key] = sim
                    return sim
            remaining = max(2.0, min(limit, hard_end - time.monotonic()))
            # a rewrite inside submodules: each changed module proven on its own first (engine.modproof:
            # None when it does not apply or is not proven; then the whole design is checked as usual)
            from rtlopt.engine.modproof import prove_by_modules

            res = prove_by_modules(gold_ref, gate, base, texts, design.top, remaining / 2,
                                   check_equivalence, VerifyOptions)
            if res is None:
                remaining = max(2.0, min(limit, hard_end - time.monotonic()))
                res = check_equivalence(gold_ref, gate, _options(VerifyOptions, remaining, cand.hints))
            if accept_simulation and _verdict_name(res.verdict) == "UNKNOWN":
                # evidence, never a proof, only with the user's explicit --accept-simulation: coverage-directed
                # simulation from several resets AND a bounded model check from reset (see engine.simcheck)
                ev = accept_by_simulation(gold_ref, gate, cycles=sim_cycles, timeout_s=max(120.0, 2 * verify_timeout_s),
                                          formal=res.to_dict() if hasattr(res, "to_dict") else None)
                if ev.verdict in ("SIMULATED", "NOT_EQUIVALENT"):
                    res = ev
                elif hasattr(res, "reason"):
                    res.reason = f"{res.reason}; not accepted on simulation: {ev.detail}"
            verify_cache[key] = res
        return verify_cache[key]

    def prove_staged(texts: dict[Path, str], cand: Candidate, cap_s: float | None = None, again: bool = False,
                     within_s: float | None = None):
        """A candidate built on other rewrites (hint ``stage``: the file's text with the first rewrite
        alone, e.g. a register function and then the narrowing it allows; hint ``chain``: several such
        texts, see :mod:`rtlopt.engine.stages`) is proven link by link, the base to the first stage, each
        stage to the next, the last to the candidate (transitive, as the rounds' chain of proofs): small
        miters instead of one that can end UNKNOWN (heldout11 parking/gate_ctrl: the function plus the
        narrowing UNKNOWN after 19 s, the function alone abc in 14 s). A link not proven ends it (the
        candidate is then UNKNOWN, never accepted). Each link may take ``cap_s``; ``within_s``: all
        links together at most that long (a chain of more than two links: all together at most ``cap_s``,
        each what the ones before left)."""
        nonlocal proof_base, gold_ref
        f = cand.hints.get("file")
        chain = chain_of(cand)
        if not chain or f is None or Path(f) not in texts or all(st == texts[Path(f)] for st in chain):
            return prove(texts, cand, cap_s=cap_s, again=again)
        if within_s is None and cap_s is not None and len(chain) > 1:
            # a chain: its links share the cap any candidate gets (a link proven before, the register-
            # constant rewrite proven early, costs nothing and leaves its share to the next); twice the cap
            # let a chain whose middle link ended UNKNOWN take the other candidates' time
            within_s, cap_s = cap_s, None
        base = original if proof_base is None else proof_base

        def link(gold: dict[Path, str], gate: dict[Path, str], hints: dict, cap: float | None):
            nonlocal proof_base, gold_ref
            one = replace(cand, hints={**hints, "file": f})
            if gold is base:
                return prove(gate, one, cap_s=cap, again=again)
            saved = (proof_base, gold_ref)
            proof_base, gold_ref = physical(gold) or gold, None
            try:
                return prove(gate, one, cap_s=cap, again=again)
            finally:
                proof_base, gold_ref = saved

        res, record = prove_chain(base, texts, cand, link, cap_s=cap_s, within_s=within_s)
        say("  staged proof: " + ", ".join(f"link {r['link']}/{r['of']} {r['verdict']} ({r['engine']}, "
                                           f"{r['seconds']:.1f} s)" for r in record))
        if _verdict_name(res.verdict) == "EQUIVALENT":
            steps_of = cand.hints.get("chain_steps") or []
            for r, what in zip(record, steps_of, strict=False):
                r["rewrite"] = what
            staged_proofs[id(res)] = record
        return res

    staged_proofs: dict[int, list[dict]] = {}  # verdict id -> its links, for candidates proven in stages
    early_wait = {"left": 0.0}  # what the round's early proof may still wait for running measurements
    split_probes: set[str] = set()  # text hashes whose early proof was a probe shorter than the whole slot

    def early_proof(cands, cur_metric: float, delay_limit: float | None, early_unknown: dict[str, float],
                    fam_of: dict[int, tuple]):
        """The round's early proof (see EARLY_PROOF_SHARE) of the best candidate of ``cands`` measured so
        far: the accepted tuple when proven, False when it was not (or no slot is left), None when none
        qualifies yet or the first candidate of some family is not measured yet (asked again before the
        next generator: mac_const's datapath e-graph rewrite, 322.7 um^2, was still being measured when a
        template combination of 357.2 was proven early and accepted, and the run ended at 356.7, not 188.6)."""
        firsts: dict = {}
        for c, _t, f in cands:
            firsts.setdefault(fam_of.get(id(c)), f)
        for f in firsts.values():
            if f is None:
                return None
            if f.running() and early_wait["left"] > 0:
                tw = time.monotonic()
                with contextlib.suppress(Exception):
                    f.result(timeout=early_wait["left"])
                early_wait["left"] -= time.monotonic() - tw
            if not f.done():
                return None
        # a candidate is picked only when every candidate of its own family is measured: heldout11
        # dshot_quad's first instshare candidate shares one register of the four instances (4650.7 um^2
        # after it), a later one all three (3943.8)
        pending_fams = {fam_of.get(id(c)) for c, _t, f in cands if f is None or not f.done()}
        measured = []
        for c, t, f in cands:
            if f is None or not f.done() or f.cancelled() or f.exception() is not None:
                continue
            if fam_of.get(id(c)) in pending_fams:
                continue
            rep = f.result()
            if rep.provenance.get("measured") == "area only":
                continue  # not below the threshold (area-first measurement)
            att = _attempt(c, rep, goal)
            d = (att.ppa or {}).get("delay_ns")
            if delay_limit is not None and att.metric is not None and d is not None and d > delay_limit:
                continue
            measured.append((att, t, rep))
        pool = [(a.candidate, a.metric) for a, _t, _r in measured]
        i = _early_pick(pool, cur_metric, unprovable)
        if i is None:
            return None
        slot = min(verify_timeout_s, EARLY_PROOF_SHARE * (hard_end - time.monotonic()))
        if slot < min(PROOF_FLOOR_S, verify_timeout_s):
            return False
        # the slot is shared by a few probes, best first (see EARLY_PROBES): one UNKNOWN proof cannot
        # take all of it while a cheaper candidate waits behind it
        probes = _early_probes(slot, pool, cur_metric, unprovable)
        slot_end = time.monotonic() + slot
        failed: list[tuple[Candidate, float | None]] = []
        while i is not None and len(failed) < probes:
            att, texts, rep = measured[i]
            if not failed:  # the best candidate: half of the slot when others may follow
                limit = slot * (EARLY_FIRST_SHARE if probes > 1 else 1.0)
            else:  # the others share what is left, at least EARLY_PROBE_MIN_S each
                left = slot_end - time.monotonic()
                limit = left / max(1, min(probes - len(failed), int(left // EARLY_PROBE_MIN_S)))
                if limit < EARLY_PROBE_MIN_S:
                    break
            say(f"  proving early (at most {limit:.0f} s, before the later generators"
                + (f"; probe {len(failed) + 1} of {probes}" if probes > 1 else "") + f"): "
                f"{att.candidate.description[:90]} ...")
            tp = time.monotonic()
            try:
                res = prove_staged(texts, att.candidate, cap_s=limit, within_s=limit)
            except ToolNotFound:
                raise
            except RtloptError as exc:
                say(f"  early proof: rejected ({str(exc).splitlines()[0][:100]})")
                res = None
            finally:
                tick("prove_s", tp)
                tick("prove_early_s", tp)
            verdict = "ERROR" if res is None else _verdict_name(res.verdict)
            if verdict == "EQUIVALENT" or (accept_simulation and verdict == "SIMULATED"):
                att.verdict, att.engine = verdict, getattr(res, "engine", None)
                att.verify_seconds = getattr(res, "seconds", None)
                att.accepted = True
                return att, texts, rep, res
            if res is not None:
                say(f"  early proof: {verdict} ({time.monotonic() - tp:.0f} s)")
            if verdict == "UNKNOWN":
                early_unknown[_h(texts)] = limit
                if limit < slot:
                    split_probes.add(_h(texts))
            failed.append((att.candidate, att.metric))
            i = _early_pick(pool, cur_metric, unprovable, failed)
        return False

    def follow_up(att, texts: dict[Path, str], cands, fam_of: dict, seen: set, state: State, gens: dict,
                  threshold, built: list):
        """A candidate whose proof ended UNKNOWN, followed by the round's register-constant rewrite S
        (:mod:`rtlopt.engine.stages`): its chain candidate measured now, as (attempt, texts, report) when
        it is better than the current design, else None. Built only then (an analysis, a measurement):
        a candidate proven directly needs none."""
        if len(built) >= MAX_FOLLOWERS or hard_end - time.monotonic() <= FOLLOW_MIN_S \
                or "seqredundancy" not in gens or threshold is None:
            return None
        gen = (fam_of.get(id(att.candidate)) or ("",))[0]
        seqs = [(c, "seqredundancy", None) for c, _t, _f in cands
                if (fam_of.get(id(c)) or ("",))[0] == "seqredundancy"]
        if not seqs or gen in NOT_FOLLOWERS:
            return None
        built.append(att.candidate)
        tf = time.monotonic()
        try:
            got = _followers(seqs + [(att.candidate, gen, att.metric)], cur, gen_view, state, gens, templates,
                             deadline)
        finally:
            tick("gen_follow_s", tf)
        for c, t in got:
            k = _h(t)
            if k in seen or physical(t) is None:
                continue
            seen.add(k)
            fam_of[id(c)] = _measure_family("chain", c)
            say(f"  staged candidate: {c.description[:100]}")
            fut = submit(t, threshold, fam_of[id(c)])
            cands.append((c, t, fut))
            try:
                rep = fut.result(timeout=max(1.0, hard_end - time.monotonic() - FOLLOW_MIN_S / 2))
            except (FutureTimeout, CancelledError, RtloptError):
                return None
            a = _attempt(c, rep, goal)
            attempts.append(a)
            d = (a.ppa or {}).get("delay_ns")
            if a.metric is None or a.metric >= cur_metric * (1 - MIN_GAIN) or \
                    rep.provenance.get("measured") == "area only" or \
                    (delay_limit is not None and d is not None and d > delay_limit):
                return None
            return a, t, rep
        return None

    def input_report(fut: Future):
        try:
            return fut.result()
        except ToolTimeout:
            spent = time.monotonic() - t0
            raise BudgetExhausted(
                f"the input could not be measured within the limits (budget {budget_s:g} s, PPA time limit "
                f"{ppa_timeout_s:g} s, {spent:.0f} s spent); input unchanged. Raise --budget/--ppa-timeout, "
                "or optimize module by module with --hierarchical") from None

    try:
        say(f"measuring the input ({lib.name}) ...")
        # the input is measured in the pool while the first round's generators run
        input_future = submit(original)
        # a measurement of the input that fails (Yosys rejects the design: a generate-if on an input)
        # ends the run: the generator running then is interrupted at once instead of at its time
        # limit (the long suite's FFTRaw.v: the error came after 21 s of templates, now after 4 s)
        input_failed = threading.Event()

        def _input_done(f: Future) -> None:
            timings["input_s"] = round(time.monotonic() - t0, 3)  # (when the input's report was at hand)
            if not f.cancelled() and f.exception() is not None:
                input_failed.set()
                stop_soon()

        input_future.add_done_callback(_input_done)
        result = None
        cur = dict(original)
        cur_metric = None
        delay_limit = None
        proven_any_candidate = False
        improving_seen = False
        unprovable: list[frozenset] = []
        steps: list[Step] = []
        attempts: list[Attempt] = []
        final_verdict = None
        after_rep = None
        exhausted = False
        rnd = 0
        early_resume = None  # the generator a round ended before (a candidate proven early), else None
        ran_on: tuple = (None, set())  # (hash of the current text, generators already run on it)
        skipped: set[str] = set()  # generators the previous round's window closed before (see _round_order)
        cut: set[str] = set()  # generators the previous round cut at their slice (GEN_SLICE_SHARE)
        costly: set[str] = set()  # generators whose last run took more than GEN_COSTLY_CPU_S
        cuts: dict[tuple, int] = {}  # (text hash, generator) -> rounds that cut it on that text
        while len(steps) < max_steps:
            if time.monotonic() > deadline:
                exhausted = True
                break
            # generators of the first round run while the input is measured: they may not outlast the
            # input's measurement limit (a design too large for it ends the run, or falls back to
            # module-by-module, without waiting for analyses of a design that cannot be measured)
            # the generators of a round leave a quarter of what is left to measuring and proving what
            # they found (picorv32's core: the templates alone ran to the deadline, nothing was measured)
            gen_window = min(deadline, time.monotonic() + GEN_SHARE * max(0.0, deadline - time.monotonic()))
            gen_deadline = gen_window if result is not None else min(gen_window, t0 + ppa_timeout_s)
            state = State(design, gen_view(cur), goal, lib, rnd, scope, gen_deadline)
            cands: list[tuple[Candidate, dict[Path, str], Future | None]] = []
            fam_of: dict[int, tuple] = {}  # id of a listed candidate -> its measurement family
            queue.new_round()
            seen = {_h(cur)}
            threshold = None if cur_metric is None else cur_metric * (1 - MIN_GAIN)
            gens = dict(_GENERATORS)
            if ran_on[0] != _h(cur):
                ran_on = (_h(cur), set())
            gens_left = False  # the round's generator window closed before some generator ran
            ran_any = False  # some generator ran in this round (a round that ran none is not repeated)
            early_group = _early_generators(_generator_order(list(gens)))
            order = _round_order(_generator_order(list(gens)), skipped, cut, costly)
            skipped, cut = set(), set()
            requeued: set[str] = set()  # generators run again in this round (cut by the input's measurement cap)
            window_s = max(0.0, gen_window - time.monotonic())  # (each generator's slice: GEN_SLICE_SHARE)
            early_acc = None  # (attempt, texts, report, verdict) of a candidate proven early (see EARLY_PROOF_SHARE)
            early_unknown: dict[str, float] = {}  # text hash -> limit of an early proof that ended UNKNOWN
            early_due = True  # until one early proof was tried in this round
            # after a round ended by an early proof, the generators it did not run run first
            early_open = early_resume is None
            early_wait["left"] = EARLY_WAIT_S
            for i, name in enumerate(order):
                gen = gens[name]
                if time.monotonic() > deadline:
                    exhausted = True
                    break
                if gen_deadline < gen_window and time.monotonic() > gen_deadline \
                        and not input_future.done():
                    # the cap passed while the input is being measured: wait for it (bounded by its
                    # own measurement limit); no analysis runs meanwhile
                    with contextlib.suppress(Exception):
                        input_future.exception()
                if gen_deadline < gen_window and input_future.done() and input_future.exception() is None:
                    # the input is measured (within its limit): the cap that kept the first round's
                    # generators inside the input's measurement limit no longer applies; the round's
                    # window opens (a design with submodules has a tenth of the budget as that limit:
                    # under load the templates alone used it and no semantic generator ever ran)
                    gen_deadline = gen_window
                    state.deadline = gen_window
                if time.monotonic() > gen_deadline:
                    # the input's measurement limit passed (its result or failure decides), or the
                    # round's generator window closed: the rest is for measuring and proving
                    if input_future.done():
                        say(f"  generators from {name} on skipped: the round's time for generators is over")
                        gens_left = True
                        skipped |= {n for n in order[i:] if n not in ran_on[1]}
                    break
                if input_future.done() and input_future.exception() is not None:
                    break  # the input cannot be measured: report that without running the others
                if result is None and input_future.done():
                    before = input_report(input_future)
                    result = OptimizeResult(design, goal, original, dict(original), before, before)
                    after_rep = before
                    cur_metric = before.metric(goal)
                    threshold = cur_metric * (1 - MIN_GAIN)
                    delay_limit = _delay_limit(before, goal, clock_period_ns, max_delay_increase_pct)
                    # the candidates of the generators that ran before: measured while the others run
                    cands = [(c, t, f if f is not None else submit(t, threshold, fam_of.get(id(c))))
                             for c, t, f in cands]
                if early_due and early_open and result is not None and name not in early_group \
                        and gen_deadline - time.monotonic() >= PROOF_FLOOR_S:
                    te = time.monotonic()
                    got_early = early_proof(cands, cur_metric, delay_limit, early_unknown, fam_of)
                    if got_early is not None:
                        early_due = False
                        if got_early is not False:
                            early_acc = got_early
                            if EARLY_ACCEPT_AT_ONCE:
                                early_resume = name
                                say(f"  generators from {name} on wait for the next round: a candidate was proven early")
                                break
                            say("  proven early; the later generators run, the prove stage tries the better "
                                "candidates first")
                        if time.monotonic() - te > 1.0:
                            # the later generators get their window again from here, as at a round's start
                            # (heldout11 trip_meter: the pcnt narrowing UNKNOWN after 51 s of a 44 s slot
                            # left the FSM engine 2 s, and instshare, whose sharing abc proves in 4.6 s,
                            # never ran: no_proof where the prove stage alone got 2134.5)
                            now = time.monotonic()
                            gen_window = max(gen_window, min(deadline, now + GEN_SHARE * max(0.0, deadline - now)))
                            gen_deadline = state.deadline = gen_window
                if name == early_resume:
                    early_open = True  # (after this generator)
                if name in ran_on[1]:
                    continue  # ran on this very text in a round that accepted nothing (see RESUME_MIN_S)
                ran_on[1].add(name)
                ran_any = True
                tg, tc = time.monotonic(), time.thread_time()
                # this generator's slice of the window (see GEN_SLICE_SHARE)
                state.deadline = min(gen_deadline, tg + max(GEN_SLICE_MIN_S, GEN_SLICE_SHARE * window_s)
                                     * 2 ** cuts.get((ran_on[0], name), 0))
                state.cut = False
                try:
                    # in the main thread: generators share pyslang/z3 state, and one left running in a
                    # background thread while the run goes on crashed the process (picorv32, SIGSEGV);
                    # bounded: a generator still busy shortly after its deadline is interrupted
                    # while the input is still being measured (the run cannot go on without it), the
                    # generators' tool runs (analyses) yield the CPU to that measurement on a loaded machine
                    pending = result is None and not input_future.done()
                    with time_limit(max(0.5, state.deadline - time.monotonic()) + GEN_GRACE_S, stop=input_failed), \
                            (background_children() if pending else contextlib.nullcontext()):
                        got = _run_generator(name, gen, state, templates)
                except Stopped:
                    say(f"  generator {name} interrupted: the input could not be measured")
                    got = []
                except Deadline:
                    say(f"  generator {name} interrupted at the time limit")
                    state.cut = True
                    got = []
                except ToolNotFound:
                    raise
                except RtloptError as exc:  # a generator that cannot read a rewritten text: skip it
                    say(f"  generator {name} skipped: {str(exc).splitlines()[0][:120]}")
                    got = []
                except Exception as exc:
                    # the limit fired inside a z3/pyslang call: ctypes hands it back wrapped
                    # (ctypes.ArgumentError "argument 2: Deadline"; heldout18 codecinit's FSM
                    # minimization crashed the whole run this way)
                    if not is_deadline(exc):
                        raise
                    say(f"  generator {name} interrupted at the time limit (inside a solver call)")
                    state.cut = True
                    got = []
                finally:
                    tick(f"gen_{name}_s", tg)
                    tc = time.thread_time() - tc  # (its CPU time, in this thread: see GEN_COSTLY_CPU_S)
                    if tc >= 0.5:
                        timings[f"gen_{name}_cpu_s"] = round(timings.get(f"gen_{name}_cpu_s", 0.0) + tc, 3)
                    (costly.add if tc > GEN_COSTLY_CPU_S else costly.discard)(name)
                    # a generator that stops itself at state.deadline (the FSM extraction, the e-graph,
                    # compose ...) returned at its slice's end: cut too, its memoized answer dropped
                    if state.deadline < gen_deadline and time.monotonic() >= state.deadline - 0.05:
                        state.cut = True
                    if state.cut and gen_deadline < gen_window and state.deadline >= gen_deadline \
                            and name not in requeued:
                        # cut by the first round's cap while the input is measured (a tenth of the budget
                        # for a design with submodules): next, once the window opens (appended at the end,
                        # heldout16 reqack's templates were skipped there: the width reduction was lost)
                        say(f"  generator {name} stopped while the input is measured: it runs again after it")
                        requeued.add(name)
                        order.insert(i + 1, name)
                        ran_on[1].discard(name)
                        state.cut = False
                        if name in _MEMO_KEYS:
                            with _MEMO_LOCK:
                                _MEMO.pop((name, _MEMO_KEYS[name](state)), None)
                    if state.cut:  # not finished: it runs again in the next round (a longer slice on this text)
                        say(f"  generator {name} stopped at its slice of the window: it runs again next round")
                        if name in _MEMO_KEYS:
                            with _MEMO_LOCK:
                                _MEMO.pop((name, _MEMO_KEYS[name](state)), None)
                        ran_on[1].discard(name)
                        # cut by the window's end (before its slice's): first in the next round, as skipped
                        (cut if state.deadline < gen_deadline else skipped).add(name)
                        cuts[(ran_on[0], name)] = cuts.get((ran_on[0], name), 0) + 1
                        gens_left = gens_left or input_future.done()
                    state.deadline = gen_deadline
                got = sorted(got, key=lambda c: not c.hints.get("combined"))  # combined ones measured first
                if got:  # (how many each generator proposed: benchmarks/optimize_time_bench.py)
                    timings[f"gen_{name}_n"] = timings.get(f"gen_{name}_n", 0) + len(got)
                for c in got:
                    if time.monotonic() > deadline:
                        # past the search's deadline no new measurement starts (measure_now refuses it):
                        # listing (pinning, materializing) the rest would only overrun the budget
                        exhausted = True
                        break
                    path = Path(c.hints.get("file", design.files[0]))
                    if path not in cur:
                        path = design.files[0]
                    if scope is not None and not _in_scope(cur[path], c.text, scope):
                        continue  # edits outside the module being optimized
                    if read_only and Path(path).resolve() in read_only:
                        continue  # a library file (-y/-v): not the user's to edit
                    texts = dict(cur)
                    texts[path] = c.text
                    k = _h(texts)
                    if k in seen:
                        continue
                    # a rewrite of a parameterized module holds only for the proven parameter values:
                    # what is measured and proven is the text pinned to them (see physical)
                    ph = physical(texts)
                    if ph is None:
                        seen.add(k)
                        say(f"  refused (parameterized module, cannot be pinned): {c.description[:80]}")
                        continue
                    if ph[path] != c.text:
                        c = replace(c, description=c.description + " [pinned to the proven parameter values]")
                    seen.add(k)
                    fam_of[id(c)] = _measure_family(name, c)
                    # measured while the next generators run (round 1: once the input's area is known)
                    cands.append((c, texts, submit(texts, threshold, fam_of[id(c)]) if threshold is not None
                                  else None))
            if result is None:
                before = input_report(input_future)
                result = OptimizeResult(design, goal, original, dict(original), before, before)
                after_rep = before
                cur_metric = before.metric(goal)
                threshold = cur_metric * (1 - MIN_GAIN)
                delay_limit = _delay_limit(before, goal, clock_period_ns, max_delay_increase_pct)
            if not cands:
                if gens_left and ran_any and deadline - time.monotonic() > RESUME_MIN_S:
                    say("  no candidate yet: the generators the window closed before run now")
                    continue
                break
            say(f"round {rnd + 1}: {len(cands)} candidate(s)")
            cands = [(c, t, f if f is not None else submit(t, threshold, fam_of.get(id(c))))
                     for c, t, f in cands]
            # The candidates that combine several rewrites are looked at (and proven) first; the others
            # only when none of those is better and proven.
            # every candidate is measured (in parallel, area first) and the best is proven first: a
            # combined candidate that is better than the input must not hide a single rewrite (the
            # datapath e-graph's, say) that is better still
            at_once = early_acc is not None and EARLY_ACCEPT_AT_ONCE
            batches = [] if at_once else [cands]  # proven early and accepted at once: no prove stage

            accepted = early_acc if at_once else None
            if at_once:
                attempts.append(early_acc[0])
                improving_seen = proven_any_candidate = True
            else:
                early_resume = None
            for todo in batches:
                tm = time.monotonic()
                results = []
                for c, t, fut in todo:
                    left = deadline - time.monotonic()
                    try:
                        rep = fut.result(timeout=max(0.0, left) + 5.0)
                    except FutureTimeout:
                        exhausted = True
                        results.append((Attempt(c, None, error="not measured: the time budget ran out"), t, None))
                        continue
                    except CancelledError:
                        results.append((Attempt(c, None, error="not measured: the time budget ran out"), t, None))
                        continue
                    except ToolNotFound:
                        raise
                    except RtloptError as exc:
                        results.append((Attempt(c, None, error=str(exc)), t, None))
                        continue
                    results.append((_attempt(c, rep, goal), t, rep))
                tick("wait_ppa_s", tm)
                for att, _t, _r in results:
                    attempts.append(att)
                    d = (att.ppa or {}).get("delay_ns")
                    if delay_limit is not None and att.metric is not None and d is not None and d > delay_limit:
                        att.error = f"rejected: delay {d:.4g} ns exceeds the limit {delay_limit:.4g} ns"
                        att.metric = None
                better = sorted(((a, t, r) for a, t, r in results
                                 if a.metric is not None and a.metric < cur_metric * (1 - MIN_GAIN)
                                 and r.provenance.get("measured") != "area only"),
                                key=lambda x: (x[0].metric, not x[0].candidate.hints.get("combined"),
                                               x[0].candidate.description))
                if better:
                    improving_seen = True
                pending = list(better)
                if early_acc is not None:
                    # proven early: only the candidates better than it are worth a proof (it is the
                    # fallback, its verdict at hand), and it needs no share of the time left
                    pending = [x for x in pending if x[0].metric < early_acc[0].metric * (1 - MIN_GAIN)]
                failed: list[tuple[Candidate, float | None]] = []  # ended UNKNOWN (or ERROR) in this round
                # (its early proofs that ended UNKNOWN first: heldout17 dmx512, the templates' combination
                # UNKNOWN early, then two narrowings 10 s each before the family waited)
                failed += [(a.candidate, a.metric) for a, t, _r in pending if _h(t) in early_unknown]
                built: list[Candidate] = []  # candidates whose chain was built in this round
                while pending:
                    if time.monotonic() > hard_end - 2.0:
                        exhausted = True
                        break
                    # best first, except that a family whose proofs keep ending UNKNOWN (and near-duplicates
                    # of an UNKNOWN one) wait behind the other families' candidates
                    # (a candidate whose early probe ended UNKNOWN after the ones not tried yet: see
                    # RETRY_DEFER_GAIN_SHARE)
                    ni = _next_to_prove([(a.candidate, a.metric) for a, _t, _r in pending], failed,
                                        frozenset(j for j, (_a, t, _r) in enumerate(pending)
                                                  if _h(t) in early_unknown), cur_metric)
                    if ni:
                        say(f"  {ni} better candidate(s) wait (their family's proofs or their early proof ended UNKNOWN); next: "
                            f"{pending[ni][0].candidate.description[:60]}")
                    att, texts, rep = pending.pop(ni)
                    parts = frozenset(att.candidate.hints.get("parts", ()))
                    if parts and any(bad <= parts for bad in unprovable):
                        att.error = "skipped: contains a rewrite the verifier could not prove"
                        continue
                    # candidates behind this one that would still be proven if it ends UNKNOWN (not
                    # containing its rewrites, nor one the verifier could not prove)
                    others = any(not (parts and parts <= p) and not any(bad <= p for bad in unprovable)
                                 for p in (frozenset(a.candidate.hints.get("parts", ())) for a, _t, _r
                                           in pending))
                    fams = {_family(a.candidate) for a, _t, _r in pending} - {_family(att.candidate)}
                    cap = _proof_cap(hard_end - time.monotonic(), verify_timeout_s, others, len(fams),
                                     _gain_share(att, [a for a, _t, _r in pending], cur_metric))
                    early_s = early_unknown.get(_h(texts))
                    if early_s is not None and (verify_timeout_s if cap is None else cap) < EARLY_RETRY_FACTOR * early_s \
                            and _h(texts) in split_probes \
                            and hard_end - time.monotonic() - 2.0 >= EARLY_RETRY_FACTOR * early_s:
                        # its early proof was a probe, a share of the slot (see EARLY_PROBES): its second
                        # proof gets the longer limit it is owed (heldout16 wiper: the template combination,
                        # UNKNOWN in a 14 s probe, proven with the whole slot by the old schedule)
                        cap = EARLY_RETRY_FACTOR * early_s
                    if early_s is not None and (verify_timeout_s if cap is None else cap) < EARLY_RETRY_FACTOR * early_s:
                        # its early proof ended UNKNOWN with a limit not much shorter: the same again
                        att.verdict = "UNKNOWN"
                        att.error = f"UNKNOWN in its early proof ({early_s:.0f} s); not proven again with less than " \
                                    f"{EARLY_RETRY_FACTOR:g} times that"
                        if not any(f is att.candidate for f, _m in failed):
                            failed.append((att.candidate, att.metric))
                        if parts:
                            unprovable.append(parts)
                        # its chain candidate (see follow_up), proven in its turn (best first)
                        pending = _with_chain(pending, follow_up(att, texts, cands, fam_of, seen, state, gens,
                                                                 threshold, built))
                        continue
                    say(f"  proving {att.candidate.description[:100]} ..."
                        + (f" (at most {cap:.0f} s: other candidates wait)" if cap is not None else ""))
                    tp = time.monotonic()
                    try:
                        res = prove_staged(texts, att.candidate, cap_s=cap, again=early_s is not None)
                    except ToolNotFound:
                        raise
                    except RtloptError as exc:  # the candidate cannot be read or elaborated: rejected
                        tick("prove_s", tp)
                        att.verdict, att.error = "ERROR", f"rejected: {str(exc).splitlines()[0][:200]}"
                        if parts:
                            unprovable.append(parts)
                        continue
                    tick("prove_s", tp)
                    att.verdict = _verdict_name(res.verdict)
                    att.engine = getattr(res, "engine", None)
                    att.verify_seconds = getattr(res, "seconds", None)
                    if att.verdict == "EQUIVALENT" or (accept_simulation and att.verdict == "SIMULATED"):
                        proven_any_candidate = True
                        att.accepted = True
                        accepted = (att, texts, rep, res)
                        break
                    if att.verdict == "UNKNOWN":
                        if not any(f is att.candidate for f, _m in failed):
                            failed.append((att.candidate, att.metric))
                        pending = _with_chain(pending, follow_up(att, texts, cands, fam_of, seen, state, gens,
                                                                 threshold, built))
                    if parts:
                        unprovable.append(parts)
                for a, t, _r in results:  # proven early only (not reached again): that verdict
                    if a.verdict is None and not a.accepted and _h(t) in early_unknown:
                        a.verdict = "UNKNOWN"
                        a.error = f"UNKNOWN in its early proof ({early_unknown[_h(t)]:.0f} s)"
                if accepted is None and early_acc is not None:
                    # the candidate proven early, when no better one was proven (or time ran out before
                    # its turn: its verdict is at hand)
                    ea, et, er, eres = early_acc
                    same = [a for a, _t, _r in results if a.candidate is ea.candidate]
                    att = same[0] if same else ea
                    att.verdict, att.engine, att.verify_seconds = ea.verdict, ea.engine, ea.verify_seconds
                    att.accepted, att.error = True, None
                    accepted = (att, et, er, eres)
                    improving_seen = proven_any_candidate = True
                if accepted is None and extend_unknown_proofs:
                    accepted = _second_proof(better, prove, hard_end, verify_timeout_s, say)
                    if accepted is not None:
                        proven_any_candidate = True
                        done = frozenset(accepted[0].candidate.hints.get("parts", ()))
                        unprovable = [u for u in unprovable if u != done]
                if accepted is not None:
                    break
            if accepted is None:
                if gens_left and ran_any and deadline - time.monotonic() > RESUME_MIN_S:
                    say("  nothing proven: the generators the window closed before run on the same text")
                    continue
                break
            for _c, _t, fut in cands:
                fut.cancel()  # not started yet: measured for a design that is no longer the current one
            att, texts, rep, res = accepted
            c = att.candidate
            steps.append(Step(c.rules, c.description, c.source, str(c.hints.get("file", design.files[0])),
                              cur_metric, att.metric, att.verdict, att.engine, att.verify_seconds,
                              _delay(after_rep), (att.ppa or {}).get("delay_ns"),
                              getattr(res, "detail", None) if att.verdict == "SIMULATED" else None))
            final_verdict = res.to_dict() if hasattr(res, "to_dict") else {"verdict": att.verdict}
            if proof_base is not None or id(res) in staged_proofs:
                final_verdict = _chained(final_verdict, len(steps))
                if id(res) in staged_proofs:
                    links = staged_proofs[id(res)]
                    steps[-1].stages = links
                    final_verdict["stages"] = links
                    final_verdict["notes"] = [*(final_verdict.get("notes") or []),
                                              f"step {len(steps)} proven in {len(links)} links: "
                                              + ", ".join(f"link {r['link']} {r['verdict']} ({r['engine']})"
                                                          for r in links)
                                              + "; each link against the text of the one before, the first "
                                              "against the base (equivalence is transitive)"]
            say(f"  accepted ({goal} {cur_metric:.6g} -> {att.metric:.6g}, {att.verdict} by {att.engine})")
            cur, cur_metric = texts, att.metric
            proof_base, gold_ref = physical(cur) or cur, None  # the next candidates: against this text
            after_rep = rep
            rnd += 1
        if steps and time.monotonic() < deadline:
            tidy = _tidy_stage(cur, original, submit, prove, goal, cur_metric, delay_limit, deadline, say,
                               _delay(after_rep))
            if tidy is not None:
                step, cur, after_rep, final_verdict = tidy
                steps.append(step)
                cur_metric = step.metric_after
        if steps and time.monotonic() < deadline:
            simp = _simplify_stage(cur, submit, prove, goal, cur_metric, delay_limit, deadline, say,
                                   _delay(after_rep))
            if simp is not None:
                step, cur, after_rep, final_verdict = simp
                steps.append(step)
        if result is None:  # stopped before the input's report was needed
            before = input_report(input_future)
            result = OptimizeResult(design, goal, original, dict(original), before, before)
        result.steps, result.attempts, result.final_verdict = steps, attempts, final_verdict
        result.budget_exhausted = exhausted
        result.registered_outputs = guard.summary()
        if steps:
            final = physical(cur) or cur  # (every accepted text was pinnable)
            after_rep = _complete_generic(after_rep, final, design, on_disk, ws, hard_end, ppa_timeout_s)
            result.final, result.after = {p: _line_endings_like(p, t, original.get(p)) for p, t in final.items()}, after_rep
        if result.steps:
            result.status = "improved"
        elif improving_seen and not proven_any_candidate:
            result.status = "no_proof"
        else:
            result.status = "no_improvement"
        result.seconds = time.monotonic() - t0
        timings["total_s"] = round(result.seconds, 3)
        timings["jobs"] = jobs
        result.timings = timings
        return result
    finally:
        for fut in futures.values():
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        ws.close()


def _complete_generic(rep, texts: dict[Path, str], design: DesignRef, on_disk: dict[Path, str], ws,
                      hard_end: float, ppa_timeout_s: float):
    """The search's final report with the generic statistics its measurement deferred
    (``measure_staged(generic=False)``), as a full measurement gives them; ``rep`` unchanged when nothing
    is pending or the generic synthesis fails (its metrics then stay None, the source says why)."""
    from rtlopt.ppa._measure import complete_generic, generic_pending

    if not generic_pending(rep):
        return rep
    try:
        ref = design if texts == on_disk else ws.materialize(texts)
        return complete_generic(rep, ref, timeout=min(ppa_timeout_s, max(5.0, hard_end - time.monotonic())))
    except (RtloptError, OSError, ValueError):
        return rep


#: A staged follow-up candidate (engine.stages.follow_candidates) of a candidate whose proof ended UNKNOWN is
#: built while at least this much of the budget is left (its analysis, measurement and three proofs).
#: Built at once after the register-constant generator (eagerly), it cost every run an analysis and a
#: measurement per follower: same-load A/B benches at load 13-17 (heldout13 dryer, sauna, powerseq) were
#: equal or worse with it where the followers were proven directly (z3 first for narrowing plans).
FOLLOW_MIN_S = 20.0


def _with_chain(pending: list, got) -> list:
    """``pending`` (attempt, texts, report; best first) with the chain candidate ``got`` in its place."""
    if got is None:
        return pending
    return sorted([*pending, got], key=lambda x: (x[0].metric, not x[0].candidate.hints.get("combined"),
                                                  x[0].candidate.description))


def _followers(listed, cur: dict[Path, str], gen_view, state: State, gens: dict, templates,
               deadline: float) -> list[tuple[Candidate, dict[Path, str]]]:
    """Specialize-then-follow chain candidates (see :mod:`rtlopt.engine.stages`) of ``listed``
    ((candidate, generator, metric)) with their texts: the register-constant rewrite found again on the
    followers' texts."""
    def rerun(texts: dict[Path, str]) -> list[Candidate]:
        st = replace(state, texts=texts, deadline=min(deadline, time.monotonic() + FOLLOW_S))
        return _run_generator("seqredundancy", gens["seqredundancy"], st, templates)

    out = []
    try:
        with time_limit(FOLLOW_S + GEN_GRACE_S):
            got = follow_candidates(gen_view(cur), listed, rerun, deadline=None)
    except Deadline:
        got = []
    for c in got:
        t = dict(cur)
        t[Path(c.hints["file"])] = c.text
        out.append((c, t))
    return out


def _chained(verdict: dict, step: int) -> dict:
    """The verdict of step ``step`` (1-based), proven against the text step ``step - 1`` left, with a
    note saying so (each step proven against the one before proves the result against the input)."""
    out = dict(verdict)
    out["proven_against"] = f"the text after step {step - 1}"
    out["notes"] = [*(out.get("notes") or []),
                    f"step {step} proven against the text after step {step - 1}; every step is proven against "
                    "the one before it, the first against the input (equivalence is transitive)"]
    return out


def _second_proof(better, prove, hard_end: float, verify_timeout_s: float, say):
    """The best candidate whose proof ended UNKNOWN, proven once more with up to half the budget left.

    Only when that is at least twice the per-proof limit (see :func:`optimize`, ``extend_unknown_proofs``).
    Returns the accepted tuple or None.
    """
    unknown = [(a, t, r) for a, t, r in better if a.verdict == "UNKNOWN"]
    limit = (hard_end - time.monotonic()) / 2
    if not unknown or limit < 2 * verify_timeout_s:
        return None
    att, texts, rep = unknown[0]
    say(f"  proving again with {limit:.0f} s (UNKNOWN within {verify_timeout_s:g} s): "
        f"{att.candidate.description[:80]} ...")
    try:
        res = prove(texts, att.candidate, limit)
    except RtloptError:
        return None
    verdict = _verdict_name(res.verdict)
    if verdict != "EQUIVALENT":
        return None
    att.verdict = verdict
    att.engine = getattr(res, "engine", None)
    att.verify_seconds = getattr(res, "seconds", None)
    att.error = None
    att.accepted = True
    return att, texts, rep, res


def _tidy_stage(cur: dict[Path, str], original: dict[Path, str], submit, prove, goal: str, cur_metric: float,
                delay_limit: float | None, deadline: float, say, prev_delay: float | None = None):
    """Last stage: remove the wires the accepted rewrites left unread (read in the original, read nowhere
    now), so the edit does not leave dead taps behind. Measured (never worse on the goal, within the
    delay limit) and proven like every rewrite; ``(step, texts, report, verdict)`` or None."""
    from rtlopt.templates._stmt import tidy_unread

    try:
        tidied = {p: tidy_unread(original.get(p, t), t, p.name) if t != original.get(p) else t
                  for p, t in cur.items()}
    except Exception:  # noqa: BLE001 - a text the tidier cannot read is left as it is
        return None
    if tidied == cur:
        return None
    say("tidying: removing wires the rewrites left unread ...")
    try:
        rep = submit(tidied).result(timeout=max(1.0, deadline - time.monotonic()) + 5.0)
    except Exception:  # noqa: BLE001 - not measured: keep the proven result as it is
        return None
    metric = rep.metric(goal) if hasattr(rep, "metric") else None
    d = _delay(rep)
    if metric is None or metric > cur_metric or (delay_limit is not None and d is not None and d > delay_limit):
        return None
    cand = Candidate(next(iter(t for p, t in tidied.items() if t != cur[p])), "template",
                     ("dead_code_elimination",), "remove wires the rewrites left unread")
    try:
        res = prove(tidied, cand)
    except RtloptError:
        return None
    if _verdict_name(res.verdict) != "EQUIVALENT":
        return None
    step = Step(cand.rules, cand.description, cand.source,
                str(next(p for p, t in tidied.items() if t != cur[p])), cur_metric, metric, "EQUIVALENT",
                getattr(res, "engine", None), getattr(res, "seconds", None), prev_delay, d)
    return step, tidied, rep, (res.to_dict() if hasattr(res, "to_dict") else {"verdict": "EQUIVALENT"})


#: Simplifications that only remove redundant text (``~~x``, ``s ? x : x``): Yosys removes the same
#: redundancy itself, so they cost nothing and their mapped area ties with the text they clean (the
#: sorted PPA flow measures the same logic alike); the search accepts only strict gains, so they are
#: applied at the end, never worse on the goal and proven like every rewrite.
_NOOP_SIMPLIFICATIONS = ("double_negation", "mux_redundant_arms")


def _simplify_stage(cur: dict[Path, str], submit, prove, goal: str, cur_metric: float, delay_limit: float | None,
                    deadline: float, say, prev_delay: float | None = None):
    """Last stage after the search: the :data:`_NOOP_SIMPLIFICATIONS` on the final text, all together,
    else each template alone; ``(step, texts, report, verdict)`` for the first that measures no worse
    and is proven, or None."""
    options: list[tuple[tuple[str, ...], dict[Path, str]]] = []
    singles = []
    for tid in _NOOP_SIMPLIFICATIONS:
        t = REGISTRY.get(tid)
        if t is None:
            continue
        new = {}
        for p, text in cur.items():
            try:
                ms = t.match(text)
                out = t.rewrite(text, ms) if ms else None
            except Exception:  # noqa: BLE001 - a text the template cannot read is left as it is
                out = None
            new[p] = out if out else text
        if new != cur:
            singles.append(((tid,), new))
    if not singles:
        return None
    if len(singles) > 1:  # every template's matches at once, applied in turn
        both = dict(cur)
        for tid in _NOOP_SIMPLIFICATIONS:
            t = REGISTRY.get(tid)
            for p, text in both.items():
                try:
                    ms = t.match(text)
                    out = t.rewrite(text, ms) if ms else None
                except Exception:  # noqa: BLE001
                    out = None
                both[p] = out if out else text
        options.append((tuple(tid for (tid,), _ in singles), both))
    options += singles
    say("simplifying: removing redundant negations and multiplexers ...")
    for rules, texts in options:
        if time.monotonic() > deadline:
            return None
        try:
            rep = submit(texts).result(timeout=max(1.0, deadline - time.monotonic()) + 5.0)
        except Exception:  # noqa: BLE001 - not measured: keep the proven result as it is
            return None
        metric = rep.metric(goal) if hasattr(rep, "metric") else None
        d = _delay(rep)
        if metric is None or metric > cur_metric or (delay_limit is not None and d is not None and d > delay_limit):
            continue
        changed = next(p for p, t in texts.items() if t != cur[p])
        cand = Candidate(texts[changed], "template", rules, "remove redundant " + ", ".join(rules))
        try:
            res = prove(texts, cand)
        except RtloptError:
            continue
        if _verdict_name(res.verdict) != "EQUIVALENT":
            continue
        step = Step(cand.rules, cand.description, cand.source, str(changed), cur_metric, metric, "EQUIVALENT",
                    getattr(res, "engine", None), getattr(res, "seconds", None), prev_delay, d)
        return step, texts, rep, (res.to_dict() if hasattr(res, "to_dict") else {"verdict": "EQUIVALENT"})
    return None


def _line_endings_like(path: Path, text: str, before: str | None) -> str:
    """A changed file's text with the line endings of the file on disk: CRLF when every line there ends
    in CRLF (the texts are read with universal newlines, and a generator may emit CRLF of its own), as
    is otherwise."""
    if before is None or text == before:
        return text
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return text
    lf = text.replace("\r\n", "\n")
    if raw.count(b"\n") and raw.count(b"\r\n") == raw.count(b"\n"):
        return lf.replace("\n", "\r\n")
    return lf if b"\r\n" not in raw else text


def _delay(rep) -> float | None:
    try:
        return rep.delay_ns.value
    except AttributeError:
        return None


def _delay_limit(before, goal: str, clock_period_ns: float | None, max_increase_pct: float | None) -> float | None:
    """The largest critical-path delay (ns) a candidate may have, or None when timing is the goal.

    The clock period bounds it (a design already slower than its period may not get slower); a
    ``max_increase_pct`` bounds growth over the input's delay.
    """
    if goal == "delay":
        return None
    d0 = _delay(before)
    if d0 is None:
        return None
    from rtlopt.ppa._measure import DEFAULT_CLOCK_PERIOD_NS

    period = clock_period_ns if clock_period_ns is not None else DEFAULT_CLOCK_PERIOD_NS
    limit = max(period, d0)
    if max_increase_pct is not None:
        limit = min(limit, d0 * (1 + max_increase_pct / 100.0) + 1e-9)
    return limit


def generator_files(design) -> set[Path] | None:
    """The files (resolved) the top's elaboration reads: each file declaring a module under the top, each
    file declaring no module (packages, headers) and each defining macros (later files may use them).
    None (every file) when the design was not parsed or the top is not among its modules. A file holding
    only modules the top never instantiates can neither change the top's result nor hold an edit the
    scoped search keeps."""
    if getattr(design, "parsed", None) is None or not design.top:
        return None
    from rtlopt.engine.hierarchy import _mask, graph, reachable

    try:
        g = graph(design.parsed)
    except Exception:  # noqa: BLE001 - no graph: every file
        return None
    if design.top not in g:
        return None
    under = set(reachable(g, design.top))
    declared: dict[Path, set[str]] = {}
    for name, node in g.items():
        declared.setdefault(Path(node.file).resolve(), set()).add(name)
    keep = set()
    for f in design.files:
        q = Path(f).resolve()
        mods = declared.get(q, set())
        if not mods or mods & under:
            keep.add(q)
            continue
        try:
            text = Path(f).read_text(encoding="utf-8", errors="replace")
        except OSError:
            keep.add(q)
            continue
        masked = _mask(text)
        if "`define" in masked or re.search(r"^\s*(package|interface|program|class|config|primitive)\b", masked,
                                            re.M):
            keep.add(q)
    return keep


def _in_scope(old: str, new: str, scope: str) -> bool:
    from rtlopt.engine.hierarchy import in_scope

    return in_scope(old, new, scope)


def _options(VerifyOptions, timeout_s: float, hints: dict):
    kw = {}
    state_map = hints.get("state_map") if hints else None
    if state_map:
        kw["state_map"] = state_map
    # a generator that knows which engine decides its rewrites (instlife: z3's phase-sharing invariants
    # in a few seconds where ABC spends its slice) names the order; the others get the automatic one
    engines = hints.get("engines") if hints else None
    if engines:
        kw["engines"] = tuple(engines)
    # a rejected candidate needs only its verdict: no z3 trace search after ABC finds a difference
    return VerifyOptions(timeout_s=timeout_s, counterexample=False, **kw)
