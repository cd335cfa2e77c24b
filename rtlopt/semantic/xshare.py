"""Exclusive functions that share one unit through an input transform (a post-pass over the lifts).

A word chosen by a multiplexer (``c ? x : y``, or an indexed mux over a select word) among lifted
functions of one operand ``a``, two of which are the same function up to a bit permutation of
``a`` -- the trailing-zero count of ``a`` is the leading-zero count of ``a`` bit-reversed -- is
computed by ONE unit: the select condition of the second function reverses the operand in front of
the unit (``v = c ? rev(a) : a; z = lzc(v)``) and both arms read ``z``. Only one of the two results is
ever selected, so the other unit is dead. The relation between the functions is what the lifts
recognised by simulation (their kinds); every candidate is proven by the search loop.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np

#: the priority-chain spelling among a zero count's alternatives (lift._lzc_exprs / _tzc_exprs)
_CHAIN = {"leading_zeros": 1, "trailing_zeros": 2}

#: kind of a lift -> (kind it equals after reversing the operand)
_MIRROR = {"trailing_zeros": "leading_zeros"}


def _tree_arm(expr: str, bits: dict[str, int]) -> str | None:
    """The arm a mux tree ``(s[k] ? A : B)`` (as lift.py's ``_mux_tree``/``mux`` emit it) picks for the
    select bit values ``bits`` ({'s[k]': 0/1}); None when the expression is not such a tree."""
    e = expr.strip()
    if "?" in e and not (e.startswith("(") and e.endswith(")")):
        e = f"({e})"
    while True:
        if not (e.startswith("(") and e.endswith(")")):
            return e if re.fullmatch(r"[\w$.\[\]:']+", e) else None
        inner = e[1:-1]
        m = re.match(r"\s*(~?)([\w$.]+(?:\[\d+\])?)\s*\?\s*", inner)
        if m is None:
            return e if re.fullmatch(r"[\w$.\[\]:']+", inner) else None
        rest = inner[m.end():]
        depth, cut = 0, None
        for i, ch in enumerate(rest):
            if ch in "({[":
                depth += 1
            elif ch in ")}]":
                depth -= 1
            elif ch == "?" and depth == 0:
                depth += 100  # a nested ternary without parentheses: its ':' is not ours
            elif ch == ":" and depth >= 100:
                depth -= 100
            elif ch == ":" and depth == 0:
                cut = i
                break
        if cut is None:
            return None
        sel = m.group(2)
        if sel not in bits:
            return None
        v = bits[sel] ^ (1 if m.group(1) else 0)
        e = (rest[:cut] if v else rest[cut + 1:]).strip()
        if not e.startswith("("):
            return e


def _select_bits(expr: str) -> list[str]:
    expr = expr.strip()
    if "?" in expr and not (expr.startswith("(") and expr.endswith(")")):
        expr = f"({expr})"
    return list(dict.fromkeys(m.group(1) for m in re.finditer(r"\(\s*~?([\w$.]+(?:\[\d+\])?)\s*\?", expr)))


def _condition(expr: str, first: str, second: str) -> str | None:
    """A condition on the mux's select bits that is 1 wherever the tree picks ``second`` and 0 wherever it
    picks ``first`` (don't care elsewhere): one select bit (or its complement) when one separates them,
    else the OR of the full select patterns that pick ``second``."""
    sels = _select_bits(expr)
    if not sels or len(sels) > 6:
        return None
    pats: list[tuple[dict[str, int], str]] = []
    for v in range(1 << len(sels)):
        bits = {s: (v >> k) & 1 for k, s in enumerate(sels)}
        arm = _tree_arm(expr, bits)
        if arm is None:
            return None
        pats.append((bits, arm))
    ones = [b for b, a in pats if a == second]
    zeros = [b for b, a in pats if a == first]
    if not ones or not zeros:
        return None
    for s in sels:
        if all(b[s] for b in ones) and not any(b[s] for b in zeros):
            return s
        if not any(b[s] for b in ones) and all(b[s] for b in zeros):
            return f"~{s}"
    terms = [" & ".join(s if b[s] else f"~{s}" for s in sels) for b in ones]
    return "(" + " | ".join(f"({t})" for t in terms) + ")"


def share_transformed_units(lifts: list, small: list = ()) -> list:
    """``[(path, lift)]`` with each mux lift over a mirrored pair of zero counts replaced by one reading a
    single shared unit (the other lifts stay: a count read elsewhere keeps its own); ``small``: lone
    muxes (no lifts of their own) that become such a lift when they select between mirrored counts."""
    from rtlopt.semantic.algos import _h, _ident, _remember
    from rtlopt.semantic.lift import Operand, _lzc_exprs

    by_mod: dict[str, list] = {}
    for _p, lf in lifts:
        if not lf.notes.get("scope") and not lf.notes.get("clocked") and len(lf.targets) == 1:
            by_mod.setdefault(lf.module, []).append(lf)
    out = []
    tagged = [(p, lf, False) for p, lf in lifts] + \
        [(p, dataclasses.replace(x, notes={k: v for k, v in x.notes.items() if k != "small"}), True) for p, x in small]
    for path, lf, lone in tagged:
        new = None
        if lf.kind in ("mux", "indexed_mux") and len(lf.targets) == 1 and not lf.notes.get("scope") \
                and not lf.notes.get("clocked"):
            new = _shared(lf, by_mod.get(lf.module, []), Operand, _lzc_exprs, _remember, _h, _ident)
        if new is not None or not lone:
            out.append((path, new or lf))
    return out


def _shared(mx, peers, Operand, lzc_exprs, remember, h, ident):
    ops = mx.notes.get("ops", ())
    counts = {lf.lhs: lf for lf in peers if lf.lhs in ops and lf.kind in ("leading_zeros", "trailing_zeros")
              and len(lf.notes.get("ops", ())) == 1}
    expr = mx.exprs[0]
    for tz in counts.values():
        if tz.kind not in _MIRROR:
            continue
        lz = next((c for c in counts.values() if c.kind == _MIRROR[tz.kind]
                   and c.notes["ops"] == tz.notes["ops"] and c.notes.get("width") == tz.notes.get("width")), None)
        if lz is None:
            continue
        cond = _condition(expr, lz.lhs, tz.lhs)
        if cond is None:
            continue
        (a_text,) = tz.notes["ops"]
        m = re.fullmatch(r"([A-Za-z_]\w*)(?:\[(\d+):(\d+)\])?", a_text)
        if m is None:
            continue
        base = m.group(1)
        n = int(m.group(2)) - int(m.group(3)) + 1 if m.group(2) else _operand_width(tz, lz)
        if n is None or n < 2:
            continue
        lo = int(m.group(3)) if m.group(2) else 0
        w = int(tz.notes.get("width") or 0)
        if w < 1:
            continue
        rev = "{" + ", ".join(f"{base}[{lo + k}]" for k in range(n)) + "}"
        exprs = []
        for alt in range(3):
            pre = f"{ident(base)}_zc{alt}_{h(mx.module, mx.lhs, a_text, cond, alt)}"
            v = Operand(f"{pre}_v", f"{pre}_v", n, np.zeros(1, dtype=np.uint64), False, False)
            forms = lzc_exprs(v, w)
            if alt >= len(forms):
                break
            decls = [f"wire [{n - 1}:0] {pre}_v = {cond} ? {rev} : {a_text};",
                     f"wire [{w - 1}:0] {pre}_z = {forms[alt]};"]
            e = re.sub(rf"(?<![\w$.]){re.escape(lz.lhs)}(?![\w$])", f"{pre}_z", expr)
            e = re.sub(rf"(?<![\w$.]){re.escape(tz.lhs)}(?![\w$])", f"{pre}_z", e)
            e = _collapse(e, f"{pre}_z")
            exprs.append(remember(e, decls))
        if not exprs:
            continue
        # the same mux over the two counts each in its own (lifted) form: when a counter is cheaper than
        # the operand mux, the measurement keeps this one
        pre = f"{ident(base)}_zc_{h(mx.module, mx.lhs, a_text, 'apart')}"
        k_l, k_t = (min(_CHAIN.get(c.kind, 0), len(c.exprs) - 1) for c in (lz, tz))
        decls = [f"wire [{w - 1}:0] {pre}_l = {lz.exprs[k_l]};", f"wire [{w - 1}:0] {pre}_t = {tz.exprs[k_t]};"]
        e = re.sub(rf"(?<![\w$.]){re.escape(lz.lhs)}(?![\w$])", f"{pre}_l", expr)
        e = re.sub(rf"(?<![\w$.]){re.escape(tz.lhs)}(?![\w$])", f"{pre}_t", e)
        exprs = exprs[:2] + [remember(e, decls)]
        sels = {re.sub(r"\[.*", "", s).lstrip("~") for s in _select_bits(expr)}
        operands = tuple(sorted((set(mx.operands) - {lz.lhs, tz.lhs}) | {base} | sels))
        notes = dict(mx.notes, cone_names=tuple(sorted(set(mx.notes.get("cone_names", ()))
                                                       | set(lz.notes.get("cone_names", ()))
                                                       | set(tz.notes.get("cone_names", ())))),
                     shared=(lz.lhs, tz.lhs))
        return dataclasses.replace(mx, kind="shared_zero_count", operands=operands, exprs=tuple(exprs),
                                   cone_cells=mx.cone_cells + min(lz.cone_cells, tz.cone_cells), notes=notes)
    return None


def _operand_width(*lfs) -> int | None:
    for lf in lfs:
        n = lf.notes.get("carry_width")
        if n:
            return int(n)
    return None


def _collapse(expr: str, name: str) -> str:
    """``(c ? name : name)`` -> ``name`` (the arms the shared unit now serves alike)."""
    pat = re.compile(rf"\(\s*~?[\w$.]+(?:\[\d+\])?\s*\?\s*{re.escape(name)}\s*:\s*{re.escape(name)}\s*\)")
    prev = None
    while prev != expr:
        prev, expr = expr, pat.sub(name, expr)
    m = re.fullmatch(rf"\s*~?[\w$.]+(?:\[\d+\])?\s*\?\s*{re.escape(name)}\s*:\s*{re.escape(name)}\s*", expr)
    return name if m else expr
