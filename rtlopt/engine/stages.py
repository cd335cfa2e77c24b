"""Staged proofs: a candidate built from several rewrites, proven one link at a time.

A candidate whose ``hints["chain"]`` lists the file's texts after each intermediate step is proven
base -> chain[0] -> chain[1] -> ... -> candidate: every link a miter of its own (smaller and easier than
base -> candidate), and equivalence is transitive. Every link must be EQUIVALENT; the first one that is
not ends the chain, and the candidate then gets UNKNOWN (a non-final link: the candidate itself was
never compared) or the final link's own verdict (NOT_EQUIVALENT: the candidate differs from a text
proven equivalent to the base). A chain with an UNKNOWN link is never accepted.

Specialize-then-follow chains (:func:`follow_candidates`): the round's register-constant rewrite S of
:mod:`rtlopt.semantic.seqred` (a state bit never set under the top's constant ties: an unreachable state)
and another candidate X of the round on the same text (the timer narrowed to its bound with that state
gone) become XS: S's rewrite found again on X's text (the constant register's analysis run on it). Its
chain is base -> S -> X -> XS; the search builds it when X's own proof ended UNKNOWN (engine.search).
Proving X against S is easier than against the base: S already has the unreachable logic out of the
miter's gold side (heldout13 dryer/cycle_fsm at load 20: base -> X UNKNOWN after 60 s with abc and z3;
base -> S abc 1-3 s, S -> X z3 8 s, X -> XS abc 2 s; XS 493.0 um^2, X alone 531.8, S alone 681.9).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.engine.candidate import Candidate

#: Chains the search builds per round (for candidates whose own proof ended UNKNOWN, in proof order).
MAX_FOLLOWERS = 2
#: Seconds one call's analyses of the followers' texts may take together.
FOLLOW_S = 12.0
#: Generators whose candidates are no followers: the constant-register one itself, the two-step
#: compositions (already built on it), and the templates (combinational rewrites: compose.py follows the
#: constant rewrite with them; a chain would only re-prove S twice around a proof that needs no S).
NOT_FOLLOWERS = frozenset({"seqredundancy", "compose", "templates"})
#: Hints a link's proof may use, taken from the candidate that made that link's text.
LINK_HINT_KEYS = ("engines", "state_map")


@dataclass
class Unproven:
    """The verdict of a chain whose link ``link`` (1-based) was not proven: UNKNOWN for the candidate."""

    link: int
    link_verdict: str
    reason: str
    verdict: str = "UNKNOWN"
    engine: str | None = None
    seconds: float | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "engine": None, "seconds": self.seconds, "reason": self.reason,
                "notes": list(self.notes)}


def verdict_name(v) -> str:
    name = getattr(v, "name", None) or str(v)
    return name.split(".")[-1].upper()


def chain_of(cand: Candidate) -> list[str]:
    """The intermediate texts of ``cand``'s file, in proof order (hint ``chain``, or the older ``stage``)."""
    ch = cand.hints.get("chain")
    if isinstance(ch, (list, tuple)) and ch and all(isinstance(t, str) for t in ch):
        return list(ch)
    st = cand.hints.get("stage")
    return [st] if isinstance(st, str) else []


def link_hints(cand: Candidate, i: int) -> dict:
    """The proof hints of link ``i`` (0-based; the last link is the candidate's own): ``chain_hints[i]``
    when the candidate names them per link, else the candidate's own hints (a ``stage`` candidate)."""
    per = cand.hints.get("chain_hints")
    if isinstance(per, (list, tuple)):
        return {k: v for k, v in per[i].items() if k in LINK_HINT_KEYS} \
            if i < len(per) and isinstance(per[i], dict) else {}
    return {k: v for k, v in cand.hints.items() if k in LINK_HINT_KEYS}


#: Rules whose rewrites change only how wide registers are (their values stay): proven by z3's induction
#: with width and range invariants; a link of only these gets that engine alone (ABC's bit-level lane
#: racing it on two loaded cores halves its CPU: S -> X of dryer/cycle_fsm, z3 8 s at load 20).
WIDTH_RULES = frozenset({"register_width_reduction"})
WIDTH_ENGINES = ("smt",)


def link_kind_hints(c: Candidate) -> dict:
    """The proof hints of the link that makes ``c``'s rewrite, by its kind: its own when it names its
    engines, z3 alone for a width/range step (WIDTH_RULES), else its own (the automatic order)."""
    h = dict(c.hints)
    if not h.get("engines") and c.rules and set(c.rules) <= WIDTH_RULES:
        h["engines"] = WIDTH_ENGINES
    return h


def prove_chain(base: dict[Path, str], texts: dict[Path, str], cand: Candidate,
                prove_link: Callable[[dict[Path, str], dict[Path, str], dict, float | None], object],
                cap_s: float | None = None, within_s: float | None = None) -> tuple[object, list[dict]]:
    """Prove ``texts`` (the candidate) against ``base`` link by link through ``cand``'s chain.

    ``prove_link(gold_texts, gate_texts, hints, cap_s)`` proves one link and returns a verification
    result (``verdict``, ``engine``, ``seconds``). Each link gets at most ``cap_s``; all together at most
    ``within_s`` when given. Returns (result, record): the last link's result when every link is
    EQUIVALENT, else the failing link's result when it is the last one, else an :class:`Unproven`
    (UNKNOWN); ``record`` lists every link tried (against, verdict, engine, seconds)."""
    f = Path(cand.hints["file"])
    steps = [{**texts, f: t} for t in chain_of(cand)]
    links: list[dict[Path, str]] = []
    for s in [*steps, texts]:
        if s != (links[-1] if links else base):
            links.append(s)
    record: list[dict] = []
    t0 = time.monotonic()
    prev = base
    res = None
    for i, target in enumerate(links):
        cap = cap_s
        if within_s is not None:
            rest = max(2.0, within_s - (time.monotonic() - t0))
            cap = rest if cap is None else min(cap, rest)
        tl = time.monotonic()
        res = prove_link(prev, target, link_hints(cand, i), cap)
        v = verdict_name(res.verdict)
        record.append({"link": i + 1, "of": len(links), "against": "the base" if i == 0 else f"link {i}",
                       "verdict": v, "engine": getattr(res, "engine", None),
                       "seconds": round(time.monotonic() - tl, 3)})
        if v != "EQUIVALENT":
            if i == len(links) - 1 and v != "SIMULATED":
                return res, record
            # the candidate itself was not compared (or a link holds on simulation only, which a chain
            # never passes on): not proven
            return Unproven(i + 1, v, f"staged proof: link {i + 1} of {len(links)} {v}",
                            seconds=round(time.monotonic() - t0, 3)), record
        prev = target
    return res, record


def follow_candidates(texts: dict[Path, str], listed: list[tuple[Candidate, str, float | None]],
                      rerun: Callable[[dict[Path, str]], list[Candidate]],
                      deadline: float | None = None) -> list[Candidate]:
    """Specialize-then-follow chain candidates (see the module docstring).

    ``listed``: the round's candidates as (candidate, generator name, measured metric or None), the
    current file texts ``texts``; ``rerun(texts)`` runs the register-constant analysis
    (:mod:`rtlopt.semantic.seqred`) on other texts. S: the seqredundancy candidate of the round that
    covers the most registers ("all"); followers: at most MAX_FOLLOWERS other candidates of the same
    file, measured, best first (none of the NOT_FOLLOWERS generators). A follower's text on which the
    analysis finds the same registers (S's parts) redundant gives XS."""
    seqs = [c for c, g, _m in listed if g == "seqredundancy" and c.hints.get("parts") and c.hints.get("file")]
    if not seqs:
        return []
    s = max(seqs, key=lambda c: (c.hints.get("seq") == "all", len(c.hints["parts"])))
    f = Path(s.hints["file"])
    if f not in texts:
        return []
    want = frozenset(s.hints["parts"])
    followers = sorted(((m, c) for c, g, m in listed
                        if g not in NOT_FOLLOWERS and m is not None and not c.hints.get("composed")
                        and Path(c.hints.get("file", f)) == f and c.text != s.text and not chain_of(c)),
                       key=lambda x: (x[0], x[1].description))
    end = time.monotonic() + FOLLOW_S
    if deadline is not None:
        end = min(end, deadline)
    out: list[Candidate] = []
    for _m, x in followers[:MAX_FOLLOWERS]:
        if time.monotonic() > end:
            break
        try:
            got = rerun({**texts, f: x.text})
        except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
            continue
        same = [c for c in got if frozenset(c.hints.get("parts", ())) == want and c.hints.get("file")
                and Path(c.hints["file"]) == f]
        if not same or same[0].text in (x.text, s.text, texts[f]):
            continue
        xs = same[0]
        rules = tuple(dict.fromkeys((*x.rules, *xs.rules)))
        hints = {"file": str(f), "chain": [s.text, x.text], "family": "chain",
                 "chain_hints": [dict(s.hints), link_kind_hints(x), dict(xs.hints)],
                 "chain_steps": [s.description, x.description, xs.description]}
        desc = (f"{x.description}; then {xs.description} (proven in stages: the second rewrite alone, "
                "the first against it, then the second again)")
        out.append(Candidate(xs.text, x.source, rules, desc, hints))
    return out
