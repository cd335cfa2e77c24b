"""Printing z3 formulas as readable Verilog: guards as sums of cubes, values as expressions."""

from __future__ import annotations

import z3

from rtlopt.fsm._symbolic import z3_vars

MAX_COVER_BITS = 20
#: A guard whose prime cover passes this many cubes is printed as an expression instead (``cnt < 16'd29``
#: over a 16-bit timer is 27 cubes of bit tests, 0.3 s of z3 each time; the comparison reads better and
#: synthesizes the same logic).
MAX_COVER_CUBES = 12


class NotPrintable(ValueError):
    """A z3 expression with no direct Verilog rendering."""


def _sat(f: z3.BoolRef) -> bool:
    s = z3.Solver()
    s.add(f)
    return s.check() == z3.sat


def cube_cover(f: z3.BoolRef) -> list[dict[tuple[str, int], int]] | None:
    """An irredundant cover of ``f`` by prime cubes over input bits; None when too many bits or cubes.

    Each cube maps (signal, bit) -> 0/1. ``[]`` means false; ``[{}]`` means true.
    """
    f = z3.simplify(f)
    if z3.is_true(f):
        return [{}]
    if z3.is_false(f):
        return []
    vs = sorted(z3_vars(f), key=lambda v: v.decl().name())
    bits = [(v.decl().name(), b, v) for v in vs for b in range(v.size())]
    if len(bits) > MAX_COVER_BITS:
        return None
    lit = {(n, b): (z3.Extract(b, b, v) == 1) for n, b, v in bits}
    s = z3.Solver()
    s.add(f)
    cover: list[dict[tuple[str, int], int]] = []
    chk = z3.Solver()
    chk.add(z3.Not(f))
    while s.check() == z3.sat:
        m = s.model()
        cube = {}
        for n, b, v in bits:
            val = m.eval(z3.Extract(b, b, v), model_completion=True).as_long()
            cube[(n, b)] = val
        for key in list(cube):
            trial = {k: c for k, c in cube.items() if k != key}
            conds = [lit[k] if c else z3.Not(lit[k]) for k, c in trial.items()]
            if chk.check(*conds) == z3.unsat:
                cube = trial
        cover.append(cube)
        if len(cover) > MAX_COVER_CUBES:
            return None
        conds = [lit[k] if c else z3.Not(lit[k]) for k, c in cube.items()]
        s.add(z3.Not(z3.And(*conds)) if conds else z3.BoolVal(False))
    # drop cubes covered by the others
    i = 0
    while i < len(cover) and len(cover) > 1:
        others = [_cube_formula(c, lit) for j, c in enumerate(cover) if j != i]
        if not _sat(z3.And(_cube_formula(cover[i], lit), z3.Not(z3.Or(*others)))):
            cover.pop(i)
        else:
            i += 1
    return cover


def _cube_formula(c: dict, lit: dict) -> z3.BoolRef:
    conds = [lit[k] if v else z3.Not(lit[k]) for k, v in c.items()]
    return z3.And(*conds) if conds else z3.BoolVal(True)


def cube_text(cube: dict[tuple[str, int], int], widths: dict[str, int]) -> str:
    if not cube:
        return "1'b1"
    by_sig: dict[str, dict[int, int]] = {}
    for (n, b), v in cube.items():
        by_sig.setdefault(n, {})[b] = v
    parts = []
    for n in sorted(by_sig):
        bits = by_sig[n]
        w = widths.get(n, max(bits) + 1)
        if w == 1:
            parts.append(n if bits[0] else f"!{n}")
        elif len(bits) == w:
            val = sum(v << b for b, v in bits.items())
            parts.append(f"{n} == {w}'b{val:0{w}b}")
        elif len(bits) == 1:
            (b, v), = bits.items()
            parts.append(f"{n}[{b}]" if v else f"!{n}[{b}]")
        else:
            # contiguous run -> part select compare, else individual bits
            lo, hi = min(bits), max(bits)
            if len(bits) == hi - lo + 1:
                val = sum(v << (b - lo) for b, v in bits.items())
                parts.append(f"{n}[{hi}:{lo}] == {hi - lo + 1}'b{val:0{hi - lo + 1}b}")
            else:
                parts.extend(f"{n}[{b}]" if v else f"!{n}[{b}]" for b, v in sorted(bits.items(), reverse=True))
    return " && ".join(parts)


_GUARD_MEMO: dict[tuple[int, tuple], tuple[z3.ExprRef, str]] = {}


def guard_text(f: z3.BoolRef, widths: dict[str, int]) -> str:
    """Readable Verilog for a guard: ``x && !y || ...`` (falls back to the expression printer).

    Memoised per guard (the same guards are printed once per encoding tried)."""
    key = (f.get_id(), tuple(sorted(widths.items())))
    hit = _GUARD_MEMO.get(key)
    if hit is not None:
        return hit[1]
    if len(_GUARD_MEMO) > 20000:
        _GUARD_MEMO.clear()
    text = _guard_text(f, widths)
    _GUARD_MEMO[key] = (f, text)  # the reference keeps the id from being reused
    return text


def _guard_text(f: z3.BoolRef, widths: dict[str, int]) -> str:
    cover = cube_cover(f)
    if cover is None:
        return expr_text(f)
    if not cover:
        return "1'b0"
    if cover == [{}]:
        return "1'b1"
    texts = [cube_text(c, widths) for c in cover]
    if len(texts) == 1:
        return texts[0]
    return " || ".join(f"({t})" if "&&" in t else t for t in texts)


def const_text(v: int, w: int) -> str:
    if w == 1:
        return f"1'b{v & 1}"
    if w <= 8:
        return f"{w}'b{v:0{w}b}"
    return f"{w}'h{v:x}"


def expr_text(e: z3.ExprRef) -> str:
    """Verilog text of a z3 expression over module signals (raises NotPrintable)."""
    key = e.get_id()
    hit = _EXPR_MEMO.get(key)
    if hit is not None:
        return hit[1]
    if len(_EXPR_MEMO) > 50000:
        _EXPR_MEMO.clear()
    text = _p(z3.simplify(e))
    _EXPR_MEMO[key] = (e, text)
    return text


_EXPR_MEMO: dict[int, tuple[z3.ExprRef, str]] = {}


def _p(e: z3.ExprRef) -> str:
    key = e.get_id()
    hit = _EXPR_MEMO.get(key)
    if hit is not None and hit[0].eq(e):
        return hit[1]
    text = _p1(e)
    _EXPR_MEMO[key] = (e, text)
    return text


def _p1(e: z3.ExprRef) -> str:
    if z3.is_true(e):
        return "1'b1"
    if z3.is_false(e):
        return "1'b0"
    if z3.is_bv_value(e):
        return const_text(e.as_long(), e.size())
    if z3.is_const(e) and e.decl().kind() == z3.Z3_OP_UNINTERPRETED:
        return e.decl().name()
    k = e.decl().kind()
    a = [c for c in e.children()]
    binop = {z3.Z3_OP_BAND: "&", z3.Z3_OP_BOR: "|", z3.Z3_OP_BXOR: "^", z3.Z3_OP_BADD: "+",
             z3.Z3_OP_BSUB: "-", z3.Z3_OP_BMUL: "*", z3.Z3_OP_AND: "&&", z3.Z3_OP_OR: "||",
             z3.Z3_OP_BSHL: "<<", z3.Z3_OP_BLSHR: ">>"}
    if k in binop:
        return "(" + f" {binop[k]} ".join(_p(c) for c in a) + ")"
    if k == z3.Z3_OP_BNOT:
        return f"~{_p(a[0])}"
    if k == z3.Z3_OP_NOT:
        return f"!{_p(a[0])}"
    if k == z3.Z3_OP_EQ:
        return f"({_p(a[0])} == {_p(a[1])})"
    if k == z3.Z3_OP_DISTINCT:
        return f"({_p(a[0])} != {_p(a[1])})"
    rel = {z3.Z3_OP_ULT: "<", z3.Z3_OP_ULEQ: "<=", z3.Z3_OP_UGT: ">", z3.Z3_OP_UGEQ: ">="}
    if k in rel:
        return f"({_p(a[0])} {rel[k]} {_p(a[1])})"
    srel = {z3.Z3_OP_SLT: "<", z3.Z3_OP_SLEQ: "<=", z3.Z3_OP_SGT: ">", z3.Z3_OP_SGEQ: ">="}
    if k in srel:
        return f"($signed({_p(a[0])}) {srel[k]} $signed({_p(a[1])}))"
    if k == z3.Z3_OP_ITE:
        return f"({_p(a[0])} ? {_p(a[1])} : {_p(a[2])})"
    if k == z3.Z3_OP_CONCAT:
        return "{" + ", ".join(_p(c) for c in a) + "}"
    if k == z3.Z3_OP_EXTRACT:
        hi, lo = e.params()
        inner = a[0]
        if z3.is_const(inner) and inner.decl().kind() == z3.Z3_OP_UNINTERPRETED:
            n = inner.decl().name()
            if inner.size() == 1:
                return n
            return f"{n}[{hi}]" if hi == lo else f"{n}[{hi}:{lo}]"
        raise NotPrintable("bit select of an expression")
    if k == z3.Z3_OP_ZERO_EXT:
        n = e.size() - a[0].size()
        return "{" + f"{n}'b0, {_p(a[0])}" + "}"
    if k == z3.Z3_OP_SIGN_EXT:
        n = e.size() - a[0].size()
        return f"$signed({_p(a[0])})" if n else _p(a[0])
    if k == z3.Z3_OP_BNEG:
        return f"(-{_p(a[0])})"
    raise NotPrintable(f"z3 operator {e.decl().name()}")
