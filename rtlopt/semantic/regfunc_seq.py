"""Register functions and sequential redundancy in one candidate.

A register that is a function of another register (``busy == cnt != 0``) and the constant upper bits of
that other register (a 16-bit count that never exceeds 20) are two rewrites of one round. Measured one
at a time, the narrowing saves more and is accepted first; afterwards the narrowed register is no
longer one name of flip-flops only (its upper bits are constants) and, in a parameterized module, its
text is pinned to the proven parameter values, so the function is not found again. This module offers
both together in the first round: :mod:`rtlopt.semantic.seqred` runs on the text where the register
functions are already written (its narrowing then rewrites the function's reads as well).
"""

from __future__ import annotations

import time
from pathlib import Path


def with_seqred(texts: dict[Path, str], top: str, got: list[tuple[dict[Path, str], str]],
                deadline: float = float("inf"), limit: int = 1) -> list[tuple[dict[Path, str], str]]:
    """For the first ``limit`` register-function candidates ``got`` ([(new texts, description)]): the
    candidate with seqred's all-facts rewrite applied on top ([] when seqred finds nothing there)."""
    from rtlopt.semantic import seqred

    out = []
    for new, desc in got[:limit]:
        left = deadline - time.monotonic()
        if left < 4.0:
            break
        try:
            more = seqred.candidates_for(new, top, timeout_s=max(2.0, min(30.0, left)), max_cands=1)
        except Exception:  # noqa: BLE001 - no combination from a failed analysis
            continue
        if not more:
            continue
        new2, _what, names = more[0]
        if all(new2[p] == texts[p] for p in texts):
            continue
        facts = seqred._last_facts(new, top)
        out.append((new2, f"{desc}; then sequential redundancy: {seqred._describe(names, facts)}"))
    return out


def with_regpred(texts: dict[Path, str], top: str, got: list[tuple[dict[Path, str], str]],
                 deadline: float = float("inf"), limit: int = 1) -> list[tuple[dict[Path, str], str]]:
    """Register functions and :mod:`rtlopt.semantic.regpred`'s rewrite (comparisons of a register that
    are functions of other registers' bits read those bits) in one candidate. A SAR controller's busy
    flag is ``mask != 0`` and its bit counter's ``cnt == 1`` is ``mask[0]``: each rewrite alone leaves
    the other register's relation to the one-hot mask for the equivalence proof to rediscover (UNKNOWN
    within the proof's time); both together remove both registers and prove quickly.

    Two orders: regpred's rewrite first, then every register function proven on its text (the counter
    regpred made unread is gone from the netlist, so the flag is expressed through the mask, not the
    counter); and, when that gives nothing, regpred on top of the first ``limit`` register-function
    candidates ``got`` (a new analysis of each: slower)."""
    from rtlopt.semantic import regfunc, regpred

    out: list[tuple[dict[Path, str], str]] = []
    seen: set[tuple] = set()

    def add(new, desc):
        k = tuple(sorted((str(p), t) for p, t in new.items()))
        if k not in seen and any(new[p] != texts[p] for p in texts):
            seen.add(k)
            out.append((new, desc))

    left = deadline - time.monotonic()
    if left >= 4.0:
        try:
            pred = regpred.candidates_for(texts, top, timeout_s=max(2.0, min(20.0, left)))
        except Exception:  # noqa: BLE001 - no combination from a failed analysis
            pred = []
        for new, desc in pred[:1]:
            left = deadline - time.monotonic()
            if left < 4.0:
                break
            try:
                more = regfunc.candidates_for(new, top, timeout_s=max(2.0, min(30.0, left)), max_cands=1)
            except Exception:  # noqa: BLE001
                more = []
            for new2, desc2 in more[:1]:
                add(new2, f"{desc}; then register function: {desc2}")
    for new, desc in got[:limit] if not out else ():  # the slower order (a new analysis) only as a fallback
        left = deadline - time.monotonic()
        if left < 4.0:
            break
        try:
            more = regpred.candidates_for(new, top, timeout_s=max(2.0, min(20.0, left)))
        except Exception:  # noqa: BLE001
            continue
        for new2, desc2 in more[:1]:
            if all(new2[p] == new[p] for p in new):
                continue
            add(new2, f"{desc}; then {desc2}")
    return out


#: Variants at most per template in ``each`` mode of :func:`with_narrowing` (each one is measured).
_EACH_MAX = 4


def with_narrowing(texts: dict[Path, str], top: str, got: list[tuple[dict[Path, str], str]],
                   deadline: float = float("inf"), limit: int = 1,
                   each: bool = False) -> list[tuple[dict[Path, str], str]]:
    """For the first ``limit`` register-function candidates ``got``: the candidate with the register
    width templates (value ranges from reset) applied on top, in one candidate. An interrupt coalescer's
    pending flag is ``count != 0`` and its ``int`` timer never exceeds its timeout: measured one at a
    time the narrowing wins the first round, and the flag is found again only in a later round, whose
    generator window may close before this generator runs (budget 90 s under load: the flag stayed).
    Two variants each: every width match applied, and the declaration narrowings alone (the matches
    whose data marks them so, :func:`rtlopt.templates._regwidth.is_narrowing`; the template's other
    matches, a comparison with the largest value as a magnitude comparison, measured larger on a
    tachometer: 928.4 against 915.9 um^2). [] when no width template matches there.

    ``each``: one variant per declaration narrowing instead (each a small second proof stage: an SPI
    reader's bit counter fed from the sequencer's plus the 16-bit divider below 3 is proven in
    seconds, while the variant with the frame counter narrowed as well ended UNKNOWN and used up the
    round's proof time at load 19)."""
    from rtlopt.engine.search import _non_overlapping
    from rtlopt.templates import REGISTRY
    from rtlopt.templates._regwidth import is_narrowing
    from rtlopt.templates._sem import analyze

    tmpls = [v for v in REGISTRY.values() if v.rule == "register_width_reduction"]
    out: list[tuple[dict[Path, str], str]] = []
    seen: set[str] = set()
    for new, desc in got[:limit]:
        if not tmpls or deadline - time.monotonic() < 2.0:
            break
        changed = [p for p in new if new[p] != texts[p]]
        if len(changed) != 1:
            continue
        p = changed[0]
        try:
            an = analyze(new[p], str(p))
            if an.syntax_errors:
                continue
            for tm in tmpls:
                ms = tm.match(an)
                narrow = [m for m in ms if is_narrowing(m)]
                for sub in ([[m] for m in narrow][:_EACH_MAX] if each else (ms, narrow)):
                    if not sub:
                        continue
                    t2 = _non_overlapping(tm, new[p], sub)
                    if t2 is None or t2 == new[p] or t2 in seen:
                        continue
                    seen.add(t2)
                    what = "; ".join(m.description.split(" (")[0] for m in sub)
                    out.append(({**new, p: t2}, f"{desc}; then {what}"))
        except Exception:  # noqa: BLE001 - no combination from a failed match
            continue
    return out
