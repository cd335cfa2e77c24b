"""Register width reduction below the value range: a counter kept modulo ``2^k`` where its wrap is
never observed.

A counter ``r`` (a module-level ``integer`` or ``[H:0]`` register written whole with ``<=`` in clocked
blocks) whose value is proven to stay in ``0 .. B`` from reset (the same z3 bounds as
:mod:`rtlopt.templates._regwidth`) usually needs ``bits(B)`` flip-flops. It needs only ``k`` < that when

* every read of ``r`` is a comparison with a constant (``r == 7``, ``r < 3``, ``case (r)`` with constant
  items), or the ``r + c`` / ``r - c`` of a step that is (an arm of a ``?:`` that is) the whole value of a
  write of ``r`` itself;
* every comparison gives the same result for ``v`` and ``v mod 2^k`` at every ``v`` in ``2^k .. B``.

Then a ``k``-bit register ``q`` written with the same right-hand sides holds ``r mod 2^k`` at every cycle
(a write truncates; steps by constants commute with the modulo; the comparisons that feed the writes and
guards agree), and every observation of ``r`` -- a comparison -- reads the same from ``q`` zero-extended.
A bit counter that counts 0..8 and is read only as ``r == 7`` becomes a 3-bit counter that wraps to 0
where the original goes to 8. The rewrite has the alias form of the z3-bounded narrowing (``reg
[k-1:0] q; always @* r = q;`` for an ``integer``, ``wire [H:0] r = q;`` for a vector) and, like every
candidate, is proven by the equivalence check before it is used.
"""

from __future__ import annotations

import re

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match
from rtlopt.templates._sem import Analysis, op_name, strip
from rtlopt.templates._width import BitwidthReduction, _comb_spans, _key, _width

#: Comparisons that may observe the counter, as Python predicates of (counter value, constant).
_PRED = {
    "Equality": lambda v, k: v == k, "CaseEquality": lambda v, k: v == k,
    "Inequality": lambda v, k: v != k, "CaseInequality": lambda v, k: v != k,
    "LessThan": lambda v, k: v < k, "LessThanEqual": lambda v, k: v <= k,
    "GreaterThan": lambda v, k: v > k, "GreaterThanEqual": lambda v, k: v >= k,
}
_MIRROR = {"LessThan": "GreaterThan", "LessThanEqual": "GreaterThanEqual", "GreaterThan": "LessThan",
           "GreaterThanEqual": "LessThanEqual"}
#: Largest number of values above ``2^k`` checked per comparison.
MAX_SPAN = 1 << 16


def _steps(an: Analysis, key, rhs, out: set) -> bool:
    """Spans of the reads of ``key`` as ``r``, ``r + c`` or ``r - c`` (``c`` constant) that are the value
    of ``rhs`` itself or an arm of a ``?:`` chain that is; whether there is a step (``r +/- c``)."""
    from rtlopt.templates._regwidth import _const, _is_reg

    n = strip(rhs)
    k = type(n).__name__
    if _is_reg(n, key):  # an arm that holds the value
        out.add(an.span(n))
    elif k == "ConditionalExpression":
        a = _steps(an, key, n.left, out)
        return _steps(an, key, n.right, out) or a
    elif k == "BinaryExpression" and op_name(n) in ("Add", "Subtract"):
        pairs = [(n.left, n.right)] + ([(n.right, n.left)] if op_name(n) == "Add" else [])
        for a, b in pairs:
            if _is_reg(a, key) and _const(an, b) is not None:
                out.add(an.span(strip(a)))
                return True
    return False


def _index(an: Analysis) -> tuple[dict, dict, dict]:
    """Per analysis, once: register key -> spans of its reads (NamedValueExpression), -> (span of the read,
    comparison, constant) of its comparisons with constants, -> ``case`` statements on it."""
    from rtlopt.templates._regwidth import _const

    got = an.__dict__.get("_wrap_index")
    if got is not None:
        return got
    reads: dict = {}
    cmps: dict = {}
    cases: dict = {}
    for info in an.exprs:
        n = info.node
        k = type(n).__name__
        if k == "NamedValueExpression":
            reads.setdefault(_key(n.symbol), []).append(an.span(n))
        elif k == "BinaryExpression" and op_name(n) in _PRED:
            for a, b, op in ((n.left, n.right, op_name(n)), (n.right, n.left, _MIRROR.get(op_name(n), op_name(n)))):
                a = strip(a)
                if type(a).__name__ == "NamedValueExpression" and not isinstance(a.symbol, ast.ParameterSymbol):
                    c = _const(an, b)  # (a register on the other side is no constant)
                    if c is not None and c >= 0:
                        cmps.setdefault(_key(a.symbol), []).append((an.span(a), op, c))
    for st, _s, _e in an.statements:
        if type(st).__name__ == "CaseStatement":
            x = strip(st.expr)
            if type(x).__name__ == "NamedValueExpression":
                cases.setdefault(_key(x.symbol), []).append(st)
    got = an.__dict__["_wrap_index"] = (reads, cmps, cases)
    return got


def observations(an: Analysis, key, writes: list) -> list[tuple[str, int]] | None:
    """``(comparison, constant)`` for every read of ``key`` (the counter on the left), or None when a read
    is anything but a comparison with a non-negative constant or the step of one of its own writes, or no
    write steps it."""
    from rtlopt.templates._regwidth import _const

    reads, cmps, cases = _index(an)
    allowed: set = set()
    obs: list[tuple[str, int]] = []
    stepped = False
    for w in writes:
        allowed.add(an.span(strip(w.left)))
        stepped = _steps(an, key, w.right, allowed) or stepped
    if not stepped:
        return None  # no counter: nothing to wrap
    for span, op, c in cmps.get(key, ()):
        allowed.add(span)
        obs.append((op, c))
    for st in cases.get(key, ()):
        if str(st.condition).split(".")[-1] != "Normal":
            return None
        for item in st.items:
            for x in item.expressions:
                c = _const(an, x)
                if c is None or c < 0:
                    return None
                obs.append(("Equality", c))
        allowed.add(an.span(strip(st.expr)))
    if any(sp not in allowed for sp in reads.get(key, ())):
        return None
    return obs


def wrap_bits(obs: list[tuple[str, int]], bound: int, bits: int) -> int | None:
    """Smallest ``k`` < ``bits`` such that every observation agrees on ``v`` and ``v mod 2^k`` for every
    ``v`` in ``2^k .. bound``; None when there is none."""
    for k in range(1, bits):
        lo = 1 << k
        if bound < lo:
            return None  # the value range itself fits: the ordinary narrowing
        if bound - lo > MAX_SPAN:
            continue
        if all(_PRED[op](v, c) == _PRED[op](v % lo, c) for op, c in obs for v in range(lo, bound + 1)):
            return k
    return None


def tight_bound(an: Analysis, key, sym, writes: list) -> int | None:
    """The least proven bound ``B`` (``r <= B`` from reset): the write-by-write induction, else the
    next-state one with flags and controller states (:mod:`rtlopt.templates._regwidth`)."""
    from rtlopt.templates._regwidth import _induction, _least_bound, flag_bound_value

    got = _induction(an, key, sym, writes)
    b = None if got is None else _least_bound(got, _width(sym))
    if b is None:
        b = flag_bound_value(an, key, _width(sym), writes)
    return b


def wrap_matches(tmpl, an: Analysis) -> list[Match]:
    """Matches narrowing counters whose wrap is unobserved (see the module docstring); none when the
    analysis fails (the template's other matches stand on their own)."""
    try:
        return _wrap_matches(tmpl, an)
    except Exception:  # noqa: BLE001 - an unexpected construct: no wrapping candidate
        return []


def _wrap_matches(tmpl, an: Analysis) -> list[Match]:
    from rtlopt.templates._regwidth import (
        _fresh_name,
        _genvar_only,
        _multi_params,
        _whole_register_writes,
        instance_driven,
    )

    if _multi_params(an) or _genvar_only(an):
        return []
    ports = {_key(s.internalSymbol) for s in an.symbols
             if isinstance(s, ast.PortSymbol) and s.internalSymbol is not None}
    regs = {}
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or _key(s) in ports or s.syntax is None:
            continue
        decl = s.syntax.parent
        if type(decl).__name__ != "DataDeclarationSyntax" or len(list(s.syntax.dimensions)):
            continue
        if type(decl.parent).__name__ not in ("ModuleDeclarationSyntax", "GenerateBlockSyntax"):
            continue
        if len([d for d in decl.declarators if type(d).__name__ == "DeclaratorSyntax"]) != 1:
            continue
        w = _width(s)
        if 2 <= w <= 64 and s.type.isIntegral:
            regs[_key(s)] = s
    if not regs:
        return []
    roots = BitwidthReduction._roots(an, regs)
    writes, bad = _whole_register_writes(an, roots, _comb_spans(an), regs)
    instance_driven(an, bad)
    out = []
    for k, ws in writes.items():
        if k in bad:
            continue
        sym = regs[k]
        obs = observations(an, k, ws)
        if not obs or max(c for _op, c in obs).bit_length() >= _width(sym) - (1 if sym.type.isSigned else 0):
            continue  # unread, or compared with a constant that needs every (value) bit
        try:
            bound = tight_bound(an, k, sym, ws)
        except Exception:  # noqa: BLE001 - a write z3 cannot model: no bound, no match
            continue
        if bound is None:
            continue
        bits = wrap_bits(obs, bound, max(1, bound.bit_length()))
        if bits is None:
            continue
        decl = sym.syntax.parent
        ds, de = an.span(decl)
        head = an.text[ds:an.span(sym.syntax)[0]]
        new = _fresh_name(an.text, sym.name)
        indent = BitwidthReduction._indent(an.text, ds)
        if "[" not in head:  # integer / int: the declaration stays, a copy of the narrow register
            edits = [Edit(de, de, f"\n{indent}reg [{bits - 1}:0] {new};\n{indent}always @* {sym.name} = {new};")]
        else:
            m = re.search(r"\[\s*([^\[\]:]+?)\s*:\s*0\s*\]", head)
            if m is None or head.count("[") != 1 or sym.type.isSigned:
                continue
            prefix = head[:m.start()].rstrip()
            edits = [Edit(ds, de, f"{prefix} [{bits - 1}:0] {new};\n{indent}wire {m.group(0)} {sym.name} = {new};")]
        for w in ws:
            ls, le = an.span(strip(w.left))
            edits.append(Edit(ls, le, new))
        seen = sorted({f"{op} {c}" for op, c in obs})
        out.append(tmpl._m(an, ds, de, f"{sym.name} {_width(sym)} -> {bits} bits, wrapping (value range 0..{bound}; "
                                       f"read only by {', '.join(seen[:4])}, which agree on v and v mod {1 << bits})",
                           edits, kind="wrap", group="wrap", reg=k, bits=bits))
    return out
