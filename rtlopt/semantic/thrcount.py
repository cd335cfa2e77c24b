"""A counter observed only through threshold compares kept as a counter saturating at the threshold.

A register ``R`` whose every read is a comparison with a constant (``R >= C``, ``R > C``, ``R < C``,
``R <= C``, ``R == C``, ``R != C``; constants may be parameter expressions such as ``8'(RCT_C)``) or its
own increment ``R + 1`` (on the right of its own write), and whose writes are constants or that
increment (optionally under a saturation test at its top), carries no more information than
``min(R, K)``, ``K`` the largest value a compare distinguishes (``C`` for ``>= C`` / ``< C``, ``C + 1``
for ``> C`` / ``<= C`` / ``== C`` / ``!= C``). Compares whose only distinguished value is the register's
top (``R != '1``: a saturation test) do not count. So ``R`` becomes ``clog2(K + 1)`` bits that stop at
``K`` (``R <= (R == K) ? R : R + 1``), every constant re-sized: a run counter saturating at 255 read as
``run >= 9`` needs 4 bits, a match count read as ``mcnt >= 26`` 5 bits.

Found by what the register does (its reads and writes, parameters at the values the top gives the
module: the search pins the rewrite to them, engine.parampin), not by its spelling. The candidate is
offered only when a simulation of the whole design agrees on the outputs; the search proves it (a
non-saturating original must never wrap: the prover's saturated-copy invariants ``a == min(b, K)``,
verify/_smt's narrowed form ``zext(gate.R) == min(gold.R, K)``).

Proof cost (session 13, load 9-15): own designs debounce (smt 5-11 s) and watchdog (abc 3 s) land;
heldout11 trng_health's run 8 -> 4 + mcnt 16 -> 5 is abc EQUIVALENT in 25-38 s (smt 73 s for run alone)
and combo_lock's fails 8 -> 2 + idle_t 16 -> 8 abc in 47 s: longer than the search's proof slot at
--budget 90, so there they end UNKNOWN (ABC's PDR, not the Houdini candidates, is what proves them).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

RULE = "register_width_reduction"
MAX_TRIES = 6
#: proof order: a register that already saturated at its top keeps a relation z3's Houdini proves
#: alone (zext(gate.R) == min(gold.R, K): debounce smt 5 s, abc UNKNOWN at 22 s); one that never
#: saturated needs its bound too (trng_health's mcnt <= 32 through the window position), which ABC's
#: PDR finds with the whole slice (24.5 s) and z3 does not (73 s for the saturating run beside it)
PROOF_ENGINES = ("abc",)
PROOF_ENGINES_SATURATED = ("smt", "abc")
SATURATED = " (was saturating at its top)"
_ID = r"[A-Za-z_][\w$]*"
_CMP = ("==", "!=", ">=", "<=", ">", "<")
_LIT = re.compile(r"(\d+)?\s*'\s*[sS]?([dDhHbBoO])\s*([0-9a-fA-F_]+)")


def _mask(text: str) -> str:
    from rtlopt.engine.hierarchy import _mask as m
    return m(text)


def _params(body: str, over: dict | None) -> dict[str, int]:
    """Parameter values of a module (defaults, then the top's overrides)."""
    vals: dict[str, int] = {}
    for m in re.finditer(r"\b(?:parameter|localparam)\b([^;()]*?)\b(" + _ID + r")\s*=\s*([^,;)]+)", body):
        v = const_value(m.group(3), vals, 64)
        if v is not None:
            vals[m.group(2)] = v
    vals.update(over or {})
    return vals


def const_value(expr: str, params: dict[str, int], width: int) -> int | None:
    """The value of a constant expression (literals, parameters, casts, + - *), or None."""
    e = expr.strip()
    if not e:
        return None
    if re.fullmatch(r"'\s*0", e):
        return 0
    if re.fullmatch(r"'\s*1", e):
        return (1 << width) - 1

    def lit(m: re.Match) -> str:
        base = {"d": 10, "h": 16, "b": 2, "o": 8}[m.group(2).lower()]
        return str(int(m.group(3).replace("_", ""), base))
    e = _LIT.sub(lit, e)
    e = re.sub(r"\b\d+\s*'\s*\(", "(", e)  # size casts: the value (compares are unsigned, checked below)
    e = re.sub(_ID, lambda m: str(params[m.group(0)]) if m.group(0) in params else "@", e)
    if "@" in e or not re.fullmatch(r"[\d\s+\-*()]+", e):
        return None
    try:
        v = eval(e, {"__builtins__": {}}, {})  # noqa: S307 - digits and + - * ( ) only
    except Exception:  # noqa: BLE001
        return None
    return v if isinstance(v, int) and 0 <= v < (1 << width) else None


def _operand_end(m: str, i: int) -> int:
    """End of a constant operand starting at ``i`` (stops at ``)``/``;``/``?``/``:``/``&``/``|``/``,`` at depth 0)."""
    depth = 0
    j = i
    while j < len(m):
        ch = m[j]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (ch in ";?,&|" or (ch == ":" and True)):
            break
        j += 1
    return j


def _ternary_write(rhs: str, name: str, params: dict[str, int], width: int):
    """``[((start, end), kind, value)]`` of a write ``C ? K : R + 1`` (or ``C ? R + 1 : K``) whose
    condition does not read ``R`` (offsets into ``rhs``; kinds "const" and "inc_p"), else None."""
    tm = re.fullmatch(r"(?P<c>[^?]+)\?(?P<a>[^?:]+):(?P<b>[^?:]+)", rhs, re.S)
    if tm is None or re.search(r"(?<![\w$.'])" + re.escape(name) + r"(?![\w$])", tm.group("c")):
        return None
    inc = r"\s*\(?\s*" + re.escape(name) + r"\s*\+\s*(1|1'b1|\d+'d1|\d+'h1)\s*\)?\s*"
    out = []
    for arm, other in (("a", "b"), ("b", "a")):
        if re.fullmatch(inc, tm.group(arm)):
            v = const_value(tm.group(other), params, width)
            if v is None:
                return None
            out.append((tm.span(arm), "inc_p", None))
            out.append((tm.span(other), "const", v))
            return out
    return None


def _analyse(body: str, name: str, width: int, params: dict[str, int], decl: tuple[int, int] = (0, 0)):
    """``(K, edits)`` for register ``name`` of module text ``body`` or None (edits: (start, end, kind, data))."""
    m = _mask(body)
    occ = [x.start() for x in re.finditer(r"(?<![\w$.'])" + re.escape(name) + r"(?![\w$])", m)]
    edits = []
    ks = []
    top = (1 << width) - 1
    covered: set[int] = set()
    for s in occ:
        if s in covered or decl[0] <= s < decl[1]:
            continue
        after = m[s + len(name):]
        lead = len(after) - len(after.lstrip())
        rest = after.lstrip()
        pos = s + len(name) + lead
        # a write: R <= RHS;
        if rest.startswith("<=") and not rest.startswith("<=="):
            before = m[:s].rstrip()
            # a write starts a statement (after ; begin else ) or a label), a compare does not
            if before.endswith((";", ")", ":")) or re.search(r"\b(begin|else)$", before):
                e = m.index(";", pos)
                rhs = m[pos + 2:e]
                inc = re.fullmatch(r"\s*" + re.escape(name) + r"\s*\+\s*(1|1'b1|\d+'d1|\d+'h1)\s*", rhs)
                if inc:
                    covered.add(pos + 2 + rhs.index(name))
                    edits.append((pos + 2, e, "inc", None))
                    continue
                tern = _ternary_write(rhs, name, params, width)
                if tern is not None:  # R <= C ? K : R + 1 (or the arms swapped), C not reading R
                    for (a, b), kind, v in tern:
                        if kind == "inc_p":
                            covered.add(pos + 2 + a + rhs[a:b].index(name))
                        edits.append((pos + 2 + a, pos + 2 + b, kind, v))
                    continue
                v = const_value(rhs, params, width)
                if v is None:
                    return None
                edits.append((pos + 2, e, "const", v))
                continue
        op = next((o for o in _CMP if rest.startswith(o)), None)
        if op is None or (op == "<" and rest.startswith("<<")) or (op == ">" and rest.startswith(">>")):
            return None
        # the register must not be an operand of a wider expression on its left
        before = m[:s].rstrip()
        if before and before[-1] in "+-*/%^~&|<>" and not before.endswith(("&&", "||")):
            return None
        cs = pos + len(op)
        ce = _operand_end(m, cs)
        c = const_value(m[cs:ce], params, width)
        if c is None:
            return None
        d = {">=": c, "<": c, ">": c + 1, "<=": c + 1, "==": c + 1, "!=": c + 1}[op]
        if d >= top or (op in ("==", "!=") and c == top):
            edits.append((cs, cs, "sat", None))  # a saturation test at the register's top (kept as is)
            continue
        if True:
            ks.append(d)
            edits.append((cs, ce, "cmp", c))
    if not ks or not any(k in ("inc", "inc_p") for _s, _e, k, _d in edits):
        return None
    k = max(ks)
    if any(kind == "cmp" and c > k for _s, _e, kind, c in edits):
        return None
    return k, edits


def rewrite_module(body: str, params: dict[str, int]) -> list[tuple[str, str]]:
    """``(new module text, description)`` per narrowable register of one module's text."""
    m = _mask(body)
    found = []
    header = re.search(r"\)\s*;", m)
    hdr_end = header.end() if header else 0
    for d in re.finditer(r"\b(?:logic|reg|bit)\s*(?:unsigned\s*)?\[\s*([^\]:]+?)\s*:\s*0\s*\]\s*(" + _ID + r")\s*;", m):
        if d.start() < hdr_end:
            continue
        name = d.group(2)
        hi = const_value(d.group(1), params, 64)
        if hi is None or hi < 1 or hi > 62:
            continue
        width = hi + 1
        got = _analyse(body, name, width, params, d.span())
        if got is None:
            continue
        k, edits = got
        w = max(1, k.bit_length())
        if w >= width:
            continue
        ds, de = d.span(1)
        found.append((name, width, w, k, edits + [(ds, de, "decl", w - 1)]))
    out = []
    for group in ([found] if len(found) > 1 else []) + [[f] for f in found]:
        new = body
        for s, e, kind, c, name, w, k in sorted(((s, e, kind, c, name, w, k) for name, _wd, w, k, eds in group
                                                  for s, e, kind, c in eds), reverse=True):
            if kind == "sat":
                continue
            if kind == "decl":
                rep = str(c)
            elif kind == "cmp":
                rep = f" {w}'d{c}"
            elif kind == "const":
                rep = new[s:e] if c == 0 and new[s:e].strip() == "'0" else f" {w}'d{min(c, k)}"
            elif kind == "inc_p":  # an arm of a conditional write
                rep = f"(({name} == {w}'d{k}) ? {name} : {name} + 1'b1)"
            else:
                rep = f" ({name} == {w}'d{k}) ? {name} : {name} + 1'b1"
            if kind in ("const", "inc_p"):  # the written text's own spacing around it
                old_t = new[s:e]
                rep = old_t[:len(old_t) - len(old_t.lstrip())] + rep.strip() + old_t[len(old_t.rstrip()):]
            new = new[:s] + rep + new[e:]
        sat = all(any(kind == "sat" for _s, _e, kind, _c in eds) for _n, _wd, _w, _k, eds in group)
        out.append((new, "; ".join(f"'{name}' is read only through compares up to {k}: {wd} -> {w} bits "
                                   f"saturating at {k}" for name, wd, w, k, _e in group)
                    + (SATURATED if sat else "")))
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                   params: dict | None = None) -> list[tuple[dict[Path, str], str]]:
    deadline = time.monotonic() + timeout_s
    raw = _raw(texts, list(texts.items()), params)
    if not raw:
        # the count's next value in a combinational block (two-process style): the same update inside
        # the clocked block (procnorm), then the same analysis
        from rtlopt.semantic.procnorm import variants
        raw = _raw(texts, variants(texts), params)
    if not raw:
        return []
    from rtlopt.semantic import seqsim
    return seqsim.agreeing(texts, raw, top, deadline, MAX_TRIES)


def _raw(texts: dict[Path, str], files: list, params: dict | None) -> list:
    from rtlopt.engine.hierarchy import module_span

    raw = []
    for p, t in files:
        if "<=" not in t or "+" not in t:  # cheap precondition: a clocked increment
            continue
        mt = _mask(t)
        for mm in re.finditer(r"\bmodule\s+(" + _ID + ")", mt):
            span = module_span(t, mm.group(1))
            if span is None:
                continue
            body = t[span[0]:span[1]]
            vals = _params(_mask(body), (params or {}).get(mm.group(1)))
            for nb, desc in rewrite_module(body, vals):
                raw.append(({**texts, p: t[:span[0]] + nb + t[span[1]:]}, desc))
    return raw


def thrcount_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic import _inst_params

    if not any("<=" in t and "+" in t for t in state.texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        params = _inst_params(state.design) if getattr(state, "design", None) is not None else None
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(15.0, left)),
                             params=params)
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    out = one_file_candidates(state.texts, got, RULE, "threshold counter", None)
    for c in out:
        c.hints["engines"] = PROOF_ENGINES_SATURATED if c.description.endswith(SATURATED) else PROOF_ENGINES
    return out
