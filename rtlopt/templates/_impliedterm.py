"""A term of a condition that its context already decides: a conjunct of ``a && b && c`` that the
other conjuncts and the condition's guard imply (or a disjunct of ``a || b`` that can only hold where
another term or the guard's negation does) is dropped.

``(rd == 0) ? 0 : (we && wa == rd && wa != 0) ? wd : mem[rd]`` (a register file's write-through read):
under the guard ``rd != 0``, ``wa == rd`` already gives ``wa != 0``, so the third compare and its AND go
(``we && wa == rd``). Synthesis does not see it: the implication runs through the outer mux's select
(a don't care of the inner condition), which ABC's structural rewriting does not use.

Decided on the semantics for every input and register value (combinational, no reachability): z3
proves ``guard && (the other kept terms) -> term`` (conjunction; for a disjunction ``guard && term ->
some other term``), never vacuously (the other conjuncts, or the dropped disjunct, can hold under the
guard: a conjunction that a parameter makes false is dead code, not a decided term) over the bit-vector meaning of the expressions with their exact widths, seen through
single-driver wires. The guard is the conjunction of ternary arms, if/else branches and case items under
which the condition is evaluated (``rtlopt.templates._guards.sites``; the right operand of ``&&`` / ``||``
carries its left one). Terms are split at ``&&`` / ``||`` and at one-bit ``&`` / ``|``; a term or guard
reading a variable assigned by a blocking assignment in the same block is left alone, as are terms that
read only parameters and the block's event list. The search measures and proves every candidate.
"""

from __future__ import annotations

import time

import z3

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, op_name, paren, strip

#: z3 time per implication (ms) and for the whole file (s).
_CHECK_MS = 400
_TOTAL_S = 2.5
#: Terms of one condition at most (each is one query per kept term).
_MAX_TERMS = 12

_AND = ("LogicalAnd", "BinaryAnd")
_OR = ("LogicalOr", "BinaryOr")


def _is_op(n, ops) -> bool:
    n = strip(n)
    if type(n).__name__ != "BinaryExpression" or op_name(n) not in ops:
        return False
    if op_name(n).startswith("Binary"):  # a bitwise operator is a conjunction of one-bit values only
        return all(int(getattr(strip(x).type, "bitWidth", 0) or 0) == 1 for x in (n.left, n.right))
    return True


def _terms(n, ops) -> list:
    n = strip(n)
    if _is_op(n, ops) and op_name(n) in ops:
        return _terms(n.left, ops) + _terms(n.right, ops)
    return [n]


def _sat(*facts) -> bool:
    """z3 finds a model (UNKNOWN counts as no: nothing is dropped then)."""
    sv = z3.Solver()
    sv.set("timeout", _CHECK_MS)
    sv.add(*facts)
    return sv.check() == z3.sat


def _params_relied_on(an, defs, guard, terms, drop, conj, free) -> list[str] | None:
    """The configurable parameters the drop relies on: [] when it holds with every parameter a user can
    override (and the localparams computed from them) read as a free value, else the names of those the
    re-check reads (the drop is right at this copy's values only; the optimizer pins such a rewrite to
    them, a report says so). None when the re-check cannot be built or does not finish."""
    from rtlopt.templates._guards import Z3Expr, guard_z3

    try:
        zx = Z3Expr(an, defs=defs, free_params=free)
        g = guard_z3(an, zx, guard)
        zt = [zx.boolean(t) for t in terms]
    except Exception:  # noqa: BLE001 - a shape the translation does not know
        return None
    kept = [zt[j] for j in range(len(terms)) if j not in drop]
    holds = True
    for i in sorted(drop):
        sv = z3.Solver()
        sv.set("timeout", _CHECK_MS)
        sv.add(g, *kept, z3.Not(zt[i])) if conj else sv.add(g, zt[i], *[z3.Not(k) for k in kept])
        r = sv.check()
        if r == z3.unknown:
            return None
        if r == z3.sat:
            holds = False
            break
    if holds:
        return []
    return sorted({k[1] for (k, _w) in zx.vars if isinstance(k, tuple) and len(k) == 3 and k[0] == "param"})


class ImpliedConditionTerm(Template):
    """``g ? .. : (a && b && c) ? ..`` with ``!g && a && b -> c`` -> ``(a && b)`` (z3)."""

    id = rule = "implied_condition_term"
    description = ("a conjunct (or disjunct) of a condition that the other terms and the condition's guard "
                   "(enclosing ternaries, if/else, case items) already decide is dropped (z3)")

    def find(self, an: Analysis) -> list[Match]:  # noqa: C901 - one walk over the condition sites
        from rtlopt.templates._guardarm import _reads_signal
        from rtlopt.templates._guards import (
            Z3Expr,
            configurable_params,
            guard_reads,
            guard_z3,
            net_definitions,
            reads,
            sites,
            unsat,
        )

        t0 = time.monotonic()
        try:
            all_sites = sites(an)
            defs = net_definitions(an)
            free = configurable_params(an)
        except Exception:  # noqa: BLE001 - a shape the guard walk does not know
            return []
        # the maximal chains: a chain operand that is itself a chain of the same kind is part of its parent
        inner: set = set()
        chains = []
        for s in all_sites:
            n = s.node
            for ops in (_AND, _OR):
                if _is_op(n, ops):
                    for ch in (strip(n).left, strip(n).right):
                        if _is_op(ch, ops) and getattr(strip(ch), "syntax", None) is not None:
                            inner.add((an.span(strip(ch).syntax), ops))
                    chains.append((s, ops))
        out: list[Match] = []
        done: set = set()
        for s, ops in chains:
            if time.monotonic() - t0 > _TOTAL_S:
                break
            syn = getattr(strip(s.node), "syntax", None)
            if syn is None:
                continue
            span = an.span(syn)
            if (span, ops) in inner or span in done:
                continue
            done.add(span)
            terms = _terms(s.node, ops)
            if not 2 <= len(terms) <= _MAX_TERMS or any(getattr(t, "syntax", None) is None for t in terms):
                continue
            if any(not is_pure(t) for t in terms):
                continue
            vol = set(s.volatile)
            if guard_reads(s.guard) & vol or any(reads(t) & vol for t in terms):
                continue
            try:
                zx = Z3Expr(an, defs=defs)
                g = guard_z3(an, zx, s.guard)
                zt = [zx.boolean(t) for t in terms]
            except Exception:  # noqa: BLE001 - a shape the translation does not know
                continue
            conj = ops is _AND
            drop: set[int] = set()
            for i, t in enumerate(terms):
                if time.monotonic() - t0 > _TOTAL_S:
                    break
                if not _reads_signal(t):
                    continue  # a parameter test selects a configuration: left to constant folding
                others = [zt[j] for j in range(len(terms)) if j != i and j not in drop]
                # never vacuous: the other terms can hold under the guard (a conjunction with a term a
                # parameter makes false implies everything: dead code, not a decided term), and a dropped
                # disjunct can hold there (else it is dead, possibly only at these parameter values)
                if conj:
                    ok = unsat(g, *others, z3.Not(zt[i]), timeout_ms=_CHECK_MS) \
                        and _sat(g, *others)
                else:
                    ok = unsat(g, zt[i], *[z3.Not(o) for o in others], timeout_ms=_CHECK_MS) \
                        and _sat(g, zt[i])
                if ok:
                    drop.add(i)
            if not drop or len(drop) == len(terms):
                continue
            params = _params_relied_on(an, defs, s.guard, terms, drop, conj, free) if free else []
            only = (f"; at these parameter values only: {', '.join(params)}" if params
                    else "; at these parameter values (other values not checked)" if params is None else "")
            texts = [an.text[slice(*an.span(t.syntax))] for t in terms]
            keep = [paren(x) for i, x in enumerate(texts) if i not in drop]
            joiner = " && " if conj else " || "  # (one-bit & / | terms read the same as && / ||)
            new = "(" + joiner.join(keep) + ")" if len(keep) > 1 else paren(keep[0])
            gone = ", ".join(texts[i].strip() for i in sorted(drop))
            what = (f"condition term(s) {gone} already decided by the other terms and the guard "
                    f"({'implied' if conj else 'never alone'}{only})")
            out.append(self._m(an, span[0], span[1], what, [Edit(span[0], span[1], new)],
                               parameter_values=params if params is not None else ["?"]))
        return out


__all__ = ["ImpliedConditionTerm", "Match"]
