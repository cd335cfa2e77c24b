"""Linear forms written as sub-expressions (procedural code, conditions, integer-literal contexts)
sharing pair terms.

:mod:`rtlopt.semantic.linshare` fits named words (``assign w = ...;``). The same sharing is just as often
hidden in expressions that are no word of their own: a Bresenham step decides on ``2 * err + 2 * dy >=
dx`` (a 32-bit signed sum: the ``2`` is an integer) and updates ``err <= err - (dx - dy)`` or ``err <=
err + dy`` -- three adder trees over the same words that all contain ``err + dy``. Here every maximal
arithmetic expression of a module is taken from the elaborated netlist itself: the Yosys cell whose
source span (``src``) is that expression (not inside another arithmetic cell's span) gives the value at
its context width ``C`` and signedness, fitted as an affine function of the module's words
(:func:`rtlopt.semantic.linsum._fit`, :func:`rtlopt.semantic.linshare._named_words`). Forms sharing a
pair term (:func:`rtlopt.semantic.linshare.share`) are re-emitted with the pair declared once as a
signed wire of its value width, each rewritten expression as a wire ``rtlopt_lx<k>`` of its value width
(at most ``C``; signed, so a signed context extends it as before; ``C`` bits in an unsigned context whose
value can be negative) that replaces the expression's text: the surrounding expression sees the same
value, width and signedness. The search loop measures and proves every candidate.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "algebraic_factoring"
BUDGET_S = 10.0
_ID = r"[A-Za-z_][\w$]*"
_ARITH = {"$add", "$sub", "$neg", "$mul", "$shl", "$sshl"}
#: arithmetic cells of one module considered at most
MAX_CELLS = 64
PROOF_ENGINES = ("smt", "abc")


def _offsets(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _span(src: str, fname: str, starts: list[int]) -> tuple[int, int] | None:
    """Text offsets of a Yosys ``src`` attribute ``file:L1.C1-L2.C2`` (one span, in ``fname``)."""
    if "|" in src:
        return None
    path, _, rng = src.rpartition(":")
    if Path(path).name != fname:
        return None
    m = re.fullmatch(r"(\d+)\.(\d+)-(\d+)\.(\d+)", rng)
    if not m:
        return None
    l1, c1, l2, c2 = (int(x) for x in m.groups())
    if not (1 <= l1 <= len(starts) and 1 <= l2 <= len(starts)):
        return None
    return starts[l1 - 1] + c1 - 1, starts[l2 - 1] + c2 - 1


def _bits_for(lo: int, hi: int) -> int:
    b = 1
    while not (-(1 << (b - 1)) <= lo and hi <= (1 << (b - 1)) - 1):
        b += 1
    return b


def _as_declared(nl, leaf: tuple, m: int, w: int) -> tuple:
    """A whole signed word read as an unsigned leaf where both readings agree modulo ``2^w`` (``m * 2^n``
    vanishes: the form is as wide as the word) is its signed leaf, as wider contexts fit it."""
    if len(leaf) != 3:
        return leaf
    name, lo, hi = leaf
    net = nl.nets.get(name)
    if net is None or not net.signed or lo != net.offset or hi != net.offset + net.width - 1:
        return leaf
    return (name, lo, hi, "s") if (m << (hi - lo + 1)) % (1 << w) == 0 else leaf


def _whole_assign_rhs(masked: str, s: int, e: int) -> bool:
    """The span is the whole right side of a continuous ``assign`` / net initializer (linshare's sites)."""
    before = masked[:s].rstrip()
    if not before.endswith("=") or before.endswith(("<=", "==", ">=", "!=")):
        return False
    if masked[e:].lstrip()[:1] != ";":
        return False
    st = max(masked.rfind(";", 0, s), masked.rfind("\n", 0, s))
    return re.match(r"\s*(assign|wire|logic)\b", masked[st + 1:]) is not None


_KW = {"if", "else", "begin", "end", "assign", "wire", "reg", "logic", "signed", "unsigned", "always", "posedge",
       "negedge", "or", "and", "case", "endcase", "default", "integer", "int", "for", "always_ff", "always_comb"}


def _may_share(masked: str) -> bool:
    """Cheap precondition: two arithmetic statements / conditions naming two words in common."""
    chunks = []
    for ch in re.split(r";|\b(?:begin|end|if|else)\b", masked):
        if not re.search(r"[\w)\]]\s*[-+*]\s*[\w($]", ch):
            continue
        ids = set(re.findall(_ID, re.sub(r"\d+'[sS]?[bBoOdDhH][\w?]+", " ", ch))) - _KW
        if len(ids) >= 2:
            chunks.append(ids)
    return any(len(a & b) >= 2 for i, a in enumerate(chunks) for b in chunks[i + 1:])


def rewrites(texts: dict, budget_s: float = BUDGET_S, params: dict | None = None) -> list[tuple[Path, str, str]]:
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.semantic.emit import port_directions
    from rtlopt.semantic.linshare import _named_words, _range, emit, pair_widths, share
    from rtlopt.semantic.linsum import _fit
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.semantic.thrcount import _mask
    from rtlopt.templates._sem import analyze, parses_cleanly

    deadline = time.monotonic() + budget_s
    out = []
    rng = np.random.default_rng(11)
    for path, text in texts.items():
        mk = _mask(text)
        # cheap precondition: arithmetic somewhere other than whole assign right sides
        if mk.count("-") + mk.count("+") + mk.count("*") < 3 or not re.search(r"\balways", mk) \
                or not _may_share(mk):
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        mods = sorted(port_directions(an))
        if not mods:
            continue
        fname = Path(path).name
        with tempfile.TemporaryDirectory(prefix="rtlopt-exprshare-") as td:
            f = Path(td) / fname
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent], params=params)
            except Exception:  # noqa: BLE001
                continue
        starts = _offsets(text)
        for mod in mods:
            nl = nls.get(mod)
            span = module_span(text, mod)
            if nl is None or span is None or time.monotonic() > deadline:
                continue
            cells = []
            for c in nl.cells:
                if c.type not in _ARITH:
                    continue
                sp = _span(c.src, fname, starts)
                if sp is None or not (span[0] <= sp[0] < sp[1] <= span[1]):
                    continue
                cells.append((sp, c))
            if len(cells) < 2 or len(cells) > MAX_CELLS:
                continue
            spans = [sp for sp, _c in cells]
            # maximal expressions: not inside another arithmetic cell's span; one cell per span
            top = {}
            for sp, c in cells:
                if any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans):
                    continue
                top.setdefault(sp, []).append(c)
            sites = {sp: cs[0] for sp, cs in top.items() if len(cs) == 1}
            fits = {}
            for sp, c in sorted(sites.items()):
                if time.monotonic() > deadline:
                    break
                bits = c.conns.get("Y", [])
                w = len(bits)
                if not 4 <= w <= 64:
                    continue
                try:
                    fit = _fit(nl, bits, rng, min_arith=1)
                except Exception:  # noqa: BLE001 - an unsupported cell: no form
                    fit = None
                if fit is None:
                    continue
                words = _named_words(nl, fit[1], w)
                if not words or len(words) < 2:
                    continue
                words = [(_as_declared(nl, leaf, m, w), m) for leaf, m in words]
                sgn = bool(c.params.get("A_SIGNED", 0)) and (c.type == "$neg" or bool(c.params.get("B_SIGNED", 0)))
                fits[sp] = (fit[0], w, dict(words), sgn)
            if len(fits) < 2 or all(_whole_assign_rhs(mk, *sp) for sp in fits):
                continue
            got = share({sp: v[2] for sp, v in fits.items()})
            if got is None:
                continue
            forms, pairs = got
            body_m = mk[span[0]:span[1]]
            leaves = {k[0] for v in fits.values() for k in v[2]}
            if any(re.search(rf"\]\s*\[[^\]]*\]\s*(?:{re.escape(x)})(?![\w$])", body_m) for x in leaves):
                continue
            full = {x.name: (x.offset, x.offset + x.width - 1) for x in nl.nets.values()}
            widths = pair_widths(pairs)
            rngs: dict = {}
            for pid, u, v, r in pairs:
                (lu, hu), (lv, hv) = (rngs[u] if u in rngs else _range(u)), (rngs[v] if v in rngs else _range(v))
                rngs[pid] = (lu + lv, hu + hv) if r > 0 else (lu - hv, hu - lv)
            taken = set(re.findall(r"rtlopt_l[sx]\d+", text))
            names = (f"{p}{i}" for i in range(1 << 20) for p in ("rtlopt_ls", "rtlopt_lx"))

            def fresh(prefix: str, names=names, taken=taken) -> str:
                return next(n for n in names if n.startswith(prefix) and n not in taken)
            named, decls = {}, []
            for pid, *_ in pairs:
                ex = emit({pid: 1}, 0, widths[pid], pairs, full, True, named)
                nm = fresh("rtlopt_ls")
                named[pid] = nm
                decls.append(f"wire signed [{widths[pid] - 1}:0] {nm} = {ex};")
            edits = []
            for sp, form in forms.items():
                t0, w, orig, sgn = fits[sp]
                if form == orig:
                    continue  # this expression uses no shared pair: left as written
                ex = emit(form, t0, w, pairs, full, True, named)
                if ex is None:
                    edits = []
                    break
                t0s = t0 - (1 << w) if t0 >= 1 << (w - 1) else t0
                lo = hi = t0s
                for key, m in form.items():
                    a, b = rngs[key] if key in rngs else _range(key)
                    lo, hi = lo + min(m * a, m * b), hi + max(m * a, m * b)
                b = _bits_for(lo, hi)
                # a narrower wire is extended by the context: exact when that sign-extends (signed
                # context) or the value is never negative (then it fits b - 1 bits unsigned)
                if b < w and (sgn or lo >= 0):
                    wd, sdecl = (b, "signed ") if sgn else (b - 1 if lo >= 0 and b > 1 else b, "")
                else:
                    wd, sdecl = w, "signed " if sgn else ""
                nm = fresh("rtlopt_lx")
                decls.append(f"wire {sdecl}[{wd - 1}:0] {nm} = {ex};")
                edits.append((sp[0], sp[1], nm))
            if not edits:
                continue
            first = min(s for s, _e, _t in edits)
            items = [m.start(1) for m in re.finditer(r"(?m)^([ \t]*)(?:always\w*|assign|initial)\b", mk[:first])
                     if m.start() >= span[0]]
            if not items:
                continue
            ls = items[-1]
            ind = re.match(r"[ \t]*", text[ls:]).group(0)
            edits.append((ls, ls, "".join(f"{ind}{d}\n" for d in decls)))
            new = text
            for s, e, t in sorted(edits, reverse=True):
                new = new[:s] + t + new[e:]
            if new != text and parses_cleanly(new, an.errors):
                out.append((path, new, f"{len(edits) - 1} expression(s) of {mod} share {len(pairs)} pair term(s) "
                                       f"(u +- v computed once, each expression at its value width)"))
    return out


def exprshare_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    out = budgeted_candidates(state, rewrites, BUDGET_S, RULE, "shared pair terms of linear sub-expressions",
                              "exprshare", instance_params=True)
    for c in out:
        c.hints["engines"] = PROOF_ENGINES
    return out


__all__ = ["exprshare_candidates", "rewrites"]
