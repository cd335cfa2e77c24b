"""Backward retiming through a narrowing function: registers read only through ``f(regs)`` hold ``f``.

``prev <= sample; ... rising = (prev < LEVEL) && ...``: the 12-bit register ``prev`` is read only
through the one-bit compare, so the compare can move before the register, ``prev_f <= (sample <
LEVEL)``, and the register bank goes. Likewise a pipeline stage whose depth and buffer words are read
only through ``le1 ? (zf1 <= zb1) : (zf1 < zb1)`` keeps the one-bit pass instead of 17 flip-flops.

Found on what the logic reads, not on names: ``f`` is a maximal operator expression (a compare, a
conditional, arithmetic ...) whose only variables are registers of one clocked block written at
exactly the same places (same conditions: the same reset, enable and data arms), parameters and
literals. Registers whose every read lies inside an occurrence of ``f`` are removed; the others
stay (``zf1`` above is also an output). The new register is written wherever the group is, with
``f`` of the values written there: a register's right side is substituted only when it keeps its
value in any context (a name or select of its own width and signedness, or a constant written as a
sized literal), else no candidate. Worth it when ``f`` has fewer bits than the registers removed.
The search loop measures and proves every candidate (the new register equals ``f`` of the old ones
in every reachable state: an induction invariant).

A right side that is an expression (``diff1 <= a - b``) is held in a wire of the register's own type
(``wire signed [10:0] diff1_d = a - b;``, which truncates like the register) and ``f`` reads the wire:
its value in any context is then the register's. A function whose value does not depend on its context
(no arithmetic outside self-determined operands, unsigned: a clamp) is held at its own width, not the
width its reader evaluates it at (``clamp * gain``). Two-step lookahead (bounded by the same time limit,
only when a module offers nothing): ``c ? 0 : x * y`` with ``x`` reading what ``c`` reads and unsigned
factors is first rewritten ``(c ? 0 : x) * y`` -- worse on its own (a mux on the product's operand) --
after which the clamp ``c ? 0 : x`` is one function of the register narrower than it (heldout13
camera/black_clamp: the signed 11-bit difference becomes the 10-bit clamped value, 1527.7 -> 1500.2 um^2).

Related: :mod:`rtlopt.semantic.regretime` (one binary operator of two registers read once each),
:mod:`rtlopt.semantic.fretime` (the other direction: logic a register captures moves after it).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.fretime import (
    _CONSTS,
    _VALUE,
    _buf,
    _decl_parts,
    _impure_calls,
    _is_edge_block,
    _refs,
    _span,
    _stmt_edit,
    _sv,
    _tkey,
    _uniq,
    _walk,
    top_bodies,
)
from rtlopt.templates._sem import self_width
from rtlopt.templates._width import _context_safe

RULE = "register_retiming"

_MAX_CANDS = 4
_SYS_OK = ("$signed", "$unsigned")


def _kids(e) -> list | None:
    """The operand expressions of a bound expression (None: a kind not followed)."""
    k = type(e).__name__
    if k in ("BinaryExpression",):
        return [e.left, e.right]
    if k in ("UnaryExpression", "ConversionExpression"):
        return [e.operand]
    if k == "ConditionalExpression":
        return [c.expr for c in e.conditions] + [e.left, e.right]
    if k == "ConcatenationExpression":
        return list(e.operands)
    if k == "ReplicationExpression":
        return [e.count, e.concat]
    if k in ("ElementSelectExpression",):
        return [e.value, e.selector]
    if k == "RangeSelectExpression":
        return [e.value, e.left, e.right]
    if k == "CallExpression":  # a user function: its arguments (its purity is checked by the caller)
        if e.isSystemCall and e.subroutineName not in _SYS_OK:
            return None
        return list(e.arguments)
    if k in ("IntegerLiteral", "UnbasedUnsizedIntegerLiteral", *_VALUE):
        return []
    return None


class _Occ:
    __slots__ = ("expr", "span", "regs", "text", "sel", "narrow")

    def __init__(self, expr, span, regs, text, sel=False, narrow=None):
        self.expr, self.span, self.regs, self.text, self.sel = expr, span, regs, text, sel
        #: (width, signed) of the implicit truncation its reader applies (``assign w10 = bank >> k``)
        self.narrow = narrow


def occ_type(lst: list) -> tuple[int, bool] | None:
    """(width, signed) a register holding the occurrences' function needs: the truncation every reader
    applies, else the function's own type (None: no width)."""
    nw = {o.narrow for o in lst}
    if len(nw) == 1 and None not in nw:
        return next(iter(nw))
    e0 = lst[0].expr
    w = int(e0.type.bitWidth or 0)
    return (w, bool(e0.type.isSigned)) if w > 0 else None


def _const_select(u) -> bool:
    """``r[k]`` or ``r[msb:lsb]`` with constant bounds, ``r`` a name."""
    k = type(u).__name__
    if type(u.value).__name__ not in _VALUE or u.syntax is None \
            or type(u.syntax).__name__ != "IdentifierSelectNameSyntax":
        return False
    if k == "ElementSelectExpression":
        return u.selector.constant is not None
    return str(u.selectionKind).rsplit(".", 1)[-1] == "Simple" and u.left.constant is not None \
        and u.right.constant is not None


def _collect(root, key_of, text: str, buf: int, out: list) -> tuple[bool, frozenset]:
    """Post-order over ``root``: (pure, registers read). Maximal operator subexpressions that read
    only registers of one group (and constants) go to ``out``."""
    kids = _kids(root)
    k = type(root).__name__
    if kids is None:
        return False, frozenset()
    if k in _VALUE:
        sym = root.symbol
        if type(sym).__name__ in _CONSTS:
            return True, frozenset()
        key = key_of(sym)
        return (key is not None), (frozenset([sym]) if key is not None else frozenset())
    res = [_collect(c, key_of, text, buf, out) for c in kids]
    regs = frozenset().union(*[r for _ok, r in res]) if res else frozenset()
    ok = all(o for o, _r in res) and len({key_of(s) for s in regs}) <= 1
    if ok:
        return True, regs
    # maximal: each pure child with registers that is an operator expression
    for c, (o, r) in zip(kids, res, strict=True):
        _emit(c, o, r, text, buf, out)
    return False, regs


def _emit(e, ok: bool, regs, text: str, buf: int, out: list) -> None:
    if not ok or not regs:
        return
    u = e
    while type(u).__name__ == "ConversionExpression" and u.syntax is None:
        u = u.operand
    if u.syntax is None or _buf(u.syntax) != buf:
        return
    sel = type(u).__name__ in ("ElementSelectExpression", "RangeSelectExpression")
    if sel and not _const_select(u) and _var_select(u):
        sel = False  # a register selected by registers of its group (``snap[sel_q]``): a function
    elif type(u).__name__ in _VALUE or (sel and not _const_select(u)):
        return  # a name (width reduction's business) or a select of a variable part
    a, b = _span(u.syntax)
    narrow = None
    if u is not e and str(getattr(e, "conversionKind", "")).endswith("Implicit") and e.type.isIntegral:
        cw, uw = int(e.type.bitWidth or 0), int(u.type.bitWidth or 0)
        if 0 < cw < uw:  # only the low bits are read: a register of that width holds the function
            narrow = (cw, bool(e.type.isSigned))
    # a constant select alone is no function to move; it is one of several in a union (``idx = r[3:2]``)
    out.append(_Occ(u, (a, b), regs, re.sub(r"\s+", " ", text[a:b]).strip(), sel, narrow))


def _same_conditions(body, ws: list, text: str, blocking: set) -> list:
    """The writes with their condition paths keyed by what the conditions test, not by which statement
    tests it: ``if (en) a <= x; if (en) b <= y;`` writes ``a`` and ``b`` at the same place (the same
    predicate text, or the same case expression and items, under the same outer conditions). A
    condition reading a name the block assigns with a blocking assignment keeps its statement's
    identity (its value may differ between the two statements)."""
    import dataclasses

    canon: dict = {}

    def norm(x) -> str:
        return re.sub(r"\s+", " ", text[slice(*_span(x))]).strip()

    def reads_blocking(t: str) -> bool:
        return any(re.search(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", t) for n in blocking)

    def visit(n):
        k = type(n).__name__
        if k == "ConditionalStatement" and n.syntax is not None:
            t = "if " + norm(n.syntax.predicate)
            if not reads_blocking(t):
                canon[_span(n.syntax)[0]] = t
        elif k == "CaseStatement" and n.syntax is not None:
            t = "case " + norm(n.syntax.expr) + " " + " | ".join(norm(i) if type(i).__name__ != "DefaultCaseItemSyntax"
                                                                else "default" for i in n.syntax.items)
            if not reads_blocking(t):
                canon[_span(n.syntax)[0]] = re.sub(r"\s+", " ", t)
        return True

    try:
        body.visit(visit)
    except Exception:  # noqa: BLE001 - keep the statement paths
        return ws
    return [dataclasses.replace(w, path=tuple((canon.get(sid, sid), br) for sid, br in w.path)) for w in ws]


def _var_select(u) -> bool:
    """``r[i]`` / ``r[i +: K]`` with ``r`` a name and a non-constant index (the index reads registers of
    ``r``'s group when the whole select is pure: a mux over the register by a register)."""
    if type(u.value).__name__ not in _VALUE or u.syntax is None \
            or type(u.syntax).__name__ != "IdentifierSelectNameSyntax":
        return False
    if type(u).__name__ == "ElementSelectExpression":
        return u.selector.constant is None
    return u.left.constant is None or u.right.constant is None


def _var_bases(expr) -> set:
    """Identifier spans of the registers read through a variable select inside ``expr`` (their written
    value must be a name there: ``(x)[i]`` is no expression)."""
    out = set()

    def visit(n):
        k = type(n).__name__
        if k in ("ElementSelectExpression", "RangeSelectExpression") and n.syntax is not None \
                and _var_select(n):
            out.add(_span(n.syntax.identifier))
        return True

    expr.visit(visit)
    return out


def _roots(body):
    """Every expression of a module body (pyslang's visitor walks into subexpressions too, so each
    one is a root of its own: a pure subexpression of a pure expression is also offered, a valid
    function of the registers; occurrences are deduplicated by span)."""
    roots = []

    def visit(n):
        k = type(n).__name__
        if k.endswith("Expression") and k != "AssignmentExpression":
            roots.append(n)
        return True

    body.visit(visit)
    return roots


def _literal(sym, rhs) -> str | None:
    """A constant right side as a sized literal of the register's width (None: not constant)."""
    w = int(sym.type.bitWidth)
    e = rhs
    while type(e).__name__ == "ConversionExpression" and e.constant is None:
        e = e.operand
    if type(e).__name__ == "UnbasedUnsizedIntegerLiteral" and e.syntax is not None:
        t = str(e.syntax).strip()
        if t not in ("'0", "'1"):
            return None
        v = 0 if t == "'0" else (1 << w) - 1
    else:
        cv = getattr(rhs, "constant", None)
        m = re.fullmatch(r"(\d+)'s?([bdh])([0-9a-fA-F_]+)", str(cv).strip()) if cv is not None else None
        if m is None:
            return None
        v = int(m.group(3).replace("_", ""), {"b": 2, "d": 10, "h": 16}[m.group(2)])
    v &= (1 << w) - 1
    lit = "1'b0" if v == 0 else f"{w}'h{v:x}"  # zero reads the same at any width
    return f"$signed({lit})" if sym.type.isSigned else lit


def _same_value(sym, rhs, text: str) -> str | None:
    """The text of a right side that reads the same in any context as in ``sym <= rhs``."""
    e = rhs
    while type(e).__name__ == "ConversionExpression" and e.syntax is None:
        e = e.operand
    k = type(e).__name__
    if k in (*_VALUE, "ElementSelectExpression", "RangeSelectExpression", "ConcatenationExpression",
             "ReplicationExpression") and e.syntax is not None:
        t = e.type
        if int(t.bitWidth or 0) == int(sym.type.bitWidth) and bool(t.isSigned) == bool(sym.type.isSigned) \
                and not (k in _VALUE and type(e.symbol).__name__ in _CONSTS):
            a, b = _span(e.syntax)
            return "(" + text[a:b] + ")"
    return _literal(sym, rhs)


def _same_name(sym, rhs, text: str) -> str | None:
    """The written value as a bare name of the register's own elaborated type (dimensions and sign)."""
    e = rhs
    while type(e).__name__ == "ConversionExpression" and e.syntax is None:
        e = e.operand
    if type(e).__name__ in _VALUE and e.syntax is not None and type(e.symbol).__name__ not in _CONSTS \
            and _tkey(e.type) == _tkey(sym.type):
        a, b = _span(e.syntax)
        return text[a:b].strip()
    return None


def _selects(expr) -> dict:
    """Identifier span of a register read through a constant select -> ((select span), msb, lsb)."""
    out = {}

    def visit(n):
        k = type(n).__name__
        if k in ("ElementSelectExpression", "RangeSelectExpression") and type(n.value).__name__ in _VALUE \
                and n.value.syntax is None and n.syntax is not None \
                and type(n.syntax).__name__ == "IdentifierSelectNameSyntax":
            try:
                if k == "ElementSelectExpression":
                    msb = lsb = int(str(n.selector.constant))
                else:
                    if str(n.selectionKind).rsplit(".", 1)[-1] != "Simple":
                        return True
                    msb, lsb = int(str(n.left.constant)), int(str(n.right.constant))
            except (TypeError, ValueError):
                out[_span(n.syntax.identifier)] = None
                return True
            out[_span(n.syntax.identifier)] = (_span(n.syntax), msb, lsb)
        return True

    expr.visit(visit)
    return out


def _same_range(a, b) -> bool:
    """Same packed range and signedness ('reg [11:0]' and 'logic [11:0]' alike)."""
    try:
        return bool(a.isSigned) == bool(b.isSigned) and int(a.bitWidth) == int(b.bitWidth) \
            and (a.fixedRange.lower, a.fixedRange.upper) == (b.fixedRange.lower, b.fixedRange.upper)
    except Exception:  # noqa: BLE001 - not a packed vector
        return False


def _select_of(sym, rhs, sel, text: str) -> str | None:
    """``sym[msb:lsb]`` with ``sym``'s written value: ``name[msb:lsb]`` for a bare name of the same
    declared range, the bits of a constant as a sized literal."""
    if sel is None:
        return None
    (sa, sb), msb, lsb = sel
    e = rhs
    while type(e).__name__ == "ConversionExpression" and e.syntax is None:
        e = e.operand
    sel_text = text[sa:sb]
    base_end = sel_text.index("[")
    if type(e).__name__ in _VALUE and type(e.symbol).__name__ not in _CONSTS and e.syntax is not None \
            and _same_range(e.type, sym.type):
        a, b = _span(e.syntax)
        return text[a:b].strip() + sel_text[base_end:]
    lit = _literal(sym, rhs)
    if lit is None or msb < lsb:
        return None
    m = re.search(r"'h([0-9a-f]+)\)?$", lit)
    v = 0 if m is None else int(m.group(1), 16)
    w = int(sym.type.bitWidth)
    try:
        lo_bit = lsb - int(sym.type.fixedRange.lower)
    except Exception:  # noqa: BLE001
        return None
    if lo_bit < 0 or lo_bit + (msb - lsb) >= w:
        return None
    n = msb - lsb + 1
    return f"{n}'h{(v >> lo_bit) & ((1 << n) - 1):x}"


def _hoist(sym, w, text: str, blocking: set, local, hoisted: dict) -> str | None:
    """A wire of ``sym``'s type driven by the right side of write ``w`` (an expression of names that no
    blocking assignment of the block writes, no impure call): its name, declared once per write."""
    key = (sym.name, w.path)
    if key in hoisted:
        return hoisted[key][0]
    e = w.rhs
    while type(e).__name__ == "ConversionExpression" and e.syntax is None:
        e = e.operand
    if e.syntax is None or _impure_calls(e, local):
        return None
    names: set = set()

    def visit(n):
        if type(n).__name__ in _VALUE:
            names.add(n.symbol.name)
        return True

    e.visit(visit)
    if names & (blocking | {sym.name}):
        return None
    try:
        r = sym.type.fixedRange
        rng = f" [{r.left}:{r.right}]" if int(sym.type.bitWidth) > 1 else ""
    except Exception:  # noqa: BLE001 - not a packed vector
        return None
    if int(sym.type.bitWidth) > 1 and _tkey(sym.type).count("[") > 1:  # packed dimensions of packed words
        dp = _decl_parts(sym, text)
        if dp is None or dp[0].count("[") != _tkey(sym.type).count("["):
            return None
        rng = " " + dp[0]
    taken = {n for n, _d in hoisted.values()}
    name = _uniq(text + " ".join(taken), f"{sym.name}_d")
    a, b = _span(e.syntax)
    sg = " signed" if sym.type.isSigned else ""
    hoisted[key] = (name, f"wire{sg}{rng} {name} = {text[a:b].strip()};")
    return name


def _analyze(body, text: str, path: Path) -> list[tuple[str, str]]:
    msyn = body.definition.syntax if body.definition is not None else None
    if msyn is None:
        return []
    buf = _buf(msyn)
    mlo, mhi = _span(msyn)
    members = list(body)
    ports = {m.name for m in members if type(m).__name__ in ("PortSymbol", "MultiPortSymbol")}
    mine = {m.name: m for m in members if type(m).__name__ == "VariableSymbol" and m.syntax is not None
            and m.name not in ports}  # a port's register is read outside the module too
    memb = {m.name: m for m in members if type(m).__name__ in ("VariableSymbol", "NetSymbol") and m.syntax is not None}

    def local(sym) -> bool:
        m = memb.get(getattr(sym, "name", None))
        return m is not None and sym.syntax is not None and _span(m.syntax) == _span(sym.syntax)

    refs = _refs(body, mlo, mhi, buf)
    byname: dict[str, list] = {}
    for sym, s, w in refs:
        if sym.name in mine and sym.syntax is not None and _span(sym.syntax) == _span(mine[sym.name].syntax):
            byname.setdefault(sym.name, []).append((s, w))
    # registers: every write a whole non-blocking one in one clocked block, none in a loop
    group: dict[str, tuple] = {}
    writes: dict[str, list] = {}
    block_blocking: dict[str, set] = {}
    async_arm: dict[str, tuple] = {}  # register of a block with an asynchronous reset -> its reset arm
    for pb in members:
        if type(pb).__name__ != "ProceduralBlockSymbol" or not _is_edge_block(pb) or pb.body.syntax is None:
            continue
        ws: list = []
        if not _walk(pb.body, (), ws):
            continue
        blo, bhi = _span(pb.body.syntax)
        blocking_names = {w.sym.name for w in ws if w.blocking}
        ws = _same_conditions(pb.body, ws, text, blocking_names)
        per: dict[str, list] = {}
        for w in ws:
            if w.sym.name in mine:
                per.setdefault(w.sym.name, []).append(w)
        for n, lst in per.items():
            nw = sum(1 for _s, isw in byname.get(n, []) if isw)
            if any(w.blocking or not w.whole or w.in_loop for w in lst) or nw != len(lst) \
                    or not all(blo <= _span(w.stmt)[0] < bhi for w in lst) \
                    or len({w.path for w in lst}) != len(lst) or mine[n].syntax.initializer is not None:
                continue
            group[n] = (_span(pb.body.syntax), tuple(sorted(w.path for w in lst)))
            writes[n] = lst
            block_blocking[n] = blocking_names
            if len(re.findall(r"\b(?:posedge|negedge)\b", str(pb.body.timing.syntax))) > 1:
                async_arm[n] = next(((pth[0][0], 0) for pth in group[n][1] if pth), None)

    def key_of(sym):
        if sym is None or sym.name not in group or sym.syntax is None \
                or _span(sym.syntax) != _span(mine[sym.name].syntax):
            return None
        return group[sym.name]

    if not group:
        return []
    occs: list[_Occ] = []
    for r in _roots(body):
        ok, regs = _collect(r, key_of, text, buf, occs)
        _emit(r, ok, regs, text, buf, occs)
    by_text: dict[str, list[_Occ]] = {}
    seen_spans: set = set()
    sel_occs = [o for o in occs if o.sel]
    occs = [o for o in occs if not o.sel]
    for o in occs:
        if mlo <= o.span[0] < mhi and o.span not in seen_spans:
            seen_spans.add(o.span)
            by_text.setdefault(o.text, []).append(o)
    out = []
    sv = _sv(path, text)
    ctx = (text, buf, mlo, mhi, byname, group, writes, block_blocking, key_of, local, sv, async_arm)
    for ftext, lst in sorted(by_text.items(), key=lambda kv: kv[0]):
        got = _retime(ctx, [(ftext, lst)])
        if got is not None:
            out.append(got)
    # several functions together: the registers of one group read only inside the union of their
    # maximal occurrences (constant selects included: a 2-bit index is a function too) hold each of them
    by_group: dict = {}
    for o in occs + sel_occs:
        if mlo <= o.span[0] < mhi:
            by_group.setdefault(key_of(next(iter(o.regs))), []).append(o)
    for _k, lst in by_group.items():
        spans = {o.span for o in lst}
        top_o = {}
        for o in lst:
            if not any(c <= o.span[0] and o.span[1] <= d and (c, d) != o.span for c, d in spans):
                top_o.setdefault(o.span, o)
        texts: dict[str, list] = {}
        for o in sorted(top_o.values(), key=lambda o: o.span):
            texts.setdefault(o.text, []).append(o)
        if len(texts) < 2 or len(texts) > 16:
            continue
        got = _retime(ctx, sorted(texts.items()))
        if got is not None:
            out.append(got)
    out.sort(key=lambda t: (-t[0], t[1]))  # most flip-flops saved first, then the simplest function
    return [(new, desc) for _g, _n, new, desc in out]


def _retime(ctx, funcs: list) -> tuple | None:
    """One candidate: the registers read only inside the occurrences of the functions ``funcs``
    ([(text, occurrences)]) hold each function, one new register per function, written where they were.
    (gain, text length, new text, description) or None."""
    text, buf, mlo, mhi, byname, group, writes, block_blocking, key_of, local, sv, async_arm = ctx
    allocc = [o for _t, lst in funcs for o in lst]
    regs = sorted(frozenset().union(*[o.regs for o in allocc]), key=lambda s: s.name)
    spans = sorted({o.span for o in allocc})
    if any(a < d and c < b and (a, b) != (c, d) for (a, b) in spans for (c, d) in spans):
        return None  # nested occurrences
    removed = [s for s in regs if all(any(a <= lo and hi <= b for a, b in spans)
                                         for (lo, hi), isw in byname.get(s.name, []) if not isw)]
    if {s.name for s in removed} != {s.name for s in regs} and len(funcs) > 1:
        return None  # a union reads only registers it removes
    rw = sum(int(s.type.bitWidth) for s in removed)
    widths = []
    for _ft, lst in funcs:
        e0 = lst[0].expr
        if _impure_calls(e0, local):
            return None  # a function reading the module's signals besides its arguments
        fw = int(e0.type.bitWidth or 0)
        sw = self_width(e0)
        if sw and 0 < sw < fw and _context_safe(e0):
            fw = sw  # its value in any context is its own width's, zero-extended (a clamp read by a product)
        ot = occ_type(lst)
        if ot is not None and all(o.narrow for o in lst) and ot[0] < fw:
            fw = ot[0]  # every reader truncates it
        if fw <= 0:
            return None
        widths.append(fw)
    if not removed or sum(widths) >= rw:
        return None
    # an asynchronous reset loads a constant (the first arm of the block's outer if): f of it is a constant
    for s in removed:
        arm = async_arm.get(s.name)
        if arm is not None and any(w.path[:1] == (arm,) and _literal(s, w.rhs) is None for w in writes[s.name]):
            return None
    # textual safety: every mention of a removed register is its declaration or a reference seen
    for s in removed:
        n = len(re.findall(rf"(?<![\w$.]){re.escape(s.name)}(?![\w$])", text[mlo:mhi]))
        if n != len(byname.get(s.name, [])) + 1:
            return None
    paths = group[regs[0].name][1]
    taken = text
    edits: list[Edit] = []
    stmts: dict = {p: [] for p in paths}
    decls: list = []
    hoisted: dict[tuple, tuple[str, str]] = {}  # (register, path) -> (wire name, declaration)
    for i, ((_ft, lst), fw) in enumerate(zip(funcs, widths, strict=True)):
        # the substitution of each register at each write place
        rspans = {}  # (span of a register name inside the first occurrence) -> symbol
        a0, b0 = lst[0].span
        for sym, s, _w in _refs(lst[0].expr, a0, b0, buf):
            if sym.name in group and key_of(sym) is not None:
                rspans[s] = sym
        if not rspans:
            return None
        sels = _selects(lst[0].expr)
        vbases = _var_bases(lst[0].expr)
        for p in paths:
            parts = []
            pos = a0
            for (lo, hi), sym in sorted(rspans.items()):
                w = next(w for w in writes[sym.name] if w.path == p)
                sel = sels.get((lo, hi))
                if (lo, hi) in vbases:  # selected by a variable index: a name of the register's own type
                    sub = _same_name(sym, w.rhs, text)
                elif sel is None:
                    sub = _same_value(sym, w.rhs, text)
                else:  # the base of a constant select: a bare name, or the selected bits of a constant
                    sub, hi = _select_of(sym, w.rhs, sel, text), sel[0][1]
                if sub is None:  # an expression: held in a wire of the register's own type, read there
                    hw = _hoist(sym, w, text, block_blocking.get(sym.name, set()), local, hoisted)
                    if hw is not None:
                        sub = hw if sel is None else hw + text[sel[0][0]:sel[0][1]][text[sel[0][0]:sel[0][1]].index("["):]
                if sub is None:
                    return None
                parts.append(text[pos:lo])
                parts.append(sub)
                pos = hi
            parts.append(text[pos:b0])
            stmts[p].append("".join(parts))
        name = _uniq(taken, f"{removed[0].name}_f" + (str(i) if len(funcs) > 1 else ""))
        taken += " " + name
        edits += [Edit(a, b, name) for a, b in sorted({o.span for o in lst})]
        decls.append((name, fw, (occ_type(lst) or (0, False))[1] if all(o.narrow for o in lst)
                      else bool(lst[0].expr.type.isSigned)))
    rem = {s.name for s in removed}
    for p in paths:
        ws_p = [w for n in sorted(rem) for w in writes[n] if w.path == p]
        first = True
        for w in sorted(ws_p, key=lambda w: _span(w.stmt)[0]):
            if first:
                edits.append(_stmt_edit(text, w.stmt, [f"{n} <= {v};" for (n, _w, _s), v
                                                       in zip(decls, stmts[p], strict=True)]))
                first = False
            else:
                edits.append(_stmt_edit(text, w.stmt, []))
    # declarations: the new registers before the first removed one's statement; removed names dropped
    for j, (n, fw, sg) in enumerate(decls):
        de = _decls(text, removed, n, fw, sg, sv)
        if de is None:
            return None
        edits += de if j == 0 else de[-1:]
    if hoisted:
        bs = group[regs[0].name][0][0]
        ls = text.rfind("\n", 0, bs) + 1
        ind = re.match(r"[ \t]*", text[ls:bs]).group(0)
        edits.append(Edit(ls, ls, "".join(f"{ind}{d}\n" for _n, d in hoisted.values())))
    try:
        new = apply_edits(text, edits)
    except Exception:  # noqa: BLE001 - overlapping edits: no candidate
        return None
    rn = ", ".join(s.name for s in removed)
    fdesc = "; ".join(ft for ft, _l in funcs)
    names = ", ".join(n for n, _w, _s in decls)
    return (rw - sum(widths), len(fdesc), new,
            f"registers {rn} are read only through {fdesc}: register{'s' if len(decls) > 1 else ''} {names} "
            f"hold{'' if len(decls) > 1 else 's'} {'them' if len(decls) > 1 else 'it'} ({rw} -> {sum(widths)} flip-flops)")


def _decls(text: str, removed, name: str, width: int, signed: bool, sv: bool) -> list[Edit] | None:
    """Edits dropping the removed registers' declarators and declaring the new register."""
    edits: list[Edit] = []
    stmts: dict[tuple[int, int], tuple] = {}  # declaration statement span -> (syntax, removed names)
    for s in removed:
        par = s.syntax.parent
        while par is not None and (type(par).__name__ == "SyntaxList"
                                   or type(par).__name__.startswith("SeparatedSyntaxList")):
            par = par.parent
        if par is None or type(par).__name__ != "DataDeclarationSyntax":
            return None
        stmts.setdefault(_span(par), (par, set()))[1].add(s.name)
    for (a, b), (par, names) in stmts.items():
        decls = [d for d in par.declarators if type(d).__name__ == "DeclaratorSyntax"]
        kept = [d for d in decls if d.name.valueText not in names]
        if not kept:
            ls = text.rfind("\n", 0, a) + 1
            le = text.find("\n", b)
            if not text[ls:a].strip() and le >= 0 and (not text[b:le].strip() or text[b:le].strip().startswith("//")):
                edits.append(Edit(ls, le + 1, ""))
            else:
                edits.append(Edit(a, b, ""))
        else:
            da, db = _span(decls[0])[0], _span(decls[-1])[1]
            edits.append(Edit(da, db, ", ".join(text[slice(*_span(d))].strip() for d in kept)))
    a = min(stmts)[0]
    ls = text.rfind("\n", 0, a) + 1
    ind = re.match(r"[ \t]*", text[ls:a]).group(0)
    kw = "logic" if sv else "reg"
    rng = f" [{width - 1}:0]" if width > 1 else ""
    sg = " signed" if signed else ""
    edits.append(Edit(ls, ls, f"{ind}{kw}{sg}{rng} {name};\n"))
    return edits


def _is_zero(an, node) -> bool:
    """A constant zero (literals, or a constant expression of parameters such as ``{(W+GW){1'b0}}``)."""
    if an.const(node) is not None:
        return an.const(node) == 0
    from pyslang import ast

    if type(node).__name__ not in ("ReplicationExpression", "ConcatenationExpression", "NamedValueExpression"):
        return False
    try:
        sv = node.eval(ast.EvalContext(an.root)).value
    except Exception:  # noqa: BLE001 - not a constant
        return False
    return type(sv).__name__ == "SVInt" and not sv.hasUnknown and int(sv) == 0


def _zero_arm_products(text: str, path: Path) -> tuple[str, list[str]] | None:
    """``c ? 0 : x * y`` -> ``(c ? 1'b0 : x) * y`` (either arm order) where the factor ``x`` reads a name
    the condition reads and both factors are unsigned (0 * y is 0 at any width): the enabling step of a
    two-step retiming, measured alone it is usually worse (the product's operand gets a mux), but the
    condition and ``x`` become one narrower function of the registers they read (a clamp at zero before
    a gain: the clamp moves before the pipeline register and the sign bit's flip-flop goes)."""
    from rtlopt.templates._sem import analyze, names_in, op_name, paren, strip

    an = analyze(text, str(path))
    if an.syntax_errors:
        return None
    edits, what, taken = [], [], []
    for info in an.exprs:
        n = info.node
        if type(n).__name__ != "ConditionalExpression" or len(n.conditions) != 1 \
                or n.conditions[0].pattern is not None:
            continue
        left, right = strip(n.left), strip(n.right)
        zero_left = _is_zero(an, left)
        prod = right if zero_left else left
        if not zero_left and not _is_zero(an, right):
            continue
        if type(prod).__name__ != "BinaryExpression" or op_name(prod) != "Multiply":
            continue
        c = n.conditions[0].expr
        ci, xi, yi = an.info(c), an.info(prod.left), an.info(prod.right)
        if ci is None or xi is None or yi is None or prod.left.type.isSigned or prod.right.type.isSigned:
            continue
        cn = names_in(c)
        pick = [(f, g, first) for f, g, first in ((xi, yi, True), (yi, xi, False)) if names_in(f.node) & cn]
        if not pick or any(a < info.end and info.start < b for a, b in taken):
            continue
        f, g, first = pick[0]
        ft, gt = paren(f.text.strip()), paren(g.text.strip())
        sel = f"({paren(ci.text.strip())} ? 1'b0 : {ft})" if zero_left else f"({paren(ci.text.strip())} ? {ft} : 1'b0)"
        new = f"({sel} * {gt})" if first else f"({gt} * {sel})"
        edits.append(Edit(info.start, info.end, new))
        taken.append((info.start, info.end))
        what.append(info.text.strip())
    if not edits:
        return None
    try:
        return apply_edits(text, edits), what
    except Exception:  # noqa: BLE001 - overlapping edits: nothing enabled
        return None


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0,
                   enable: bool = True) -> list[tuple[dict[Path, str], str]]:
    """Backward-retiming candidates ``[(new texts, description)]``; with ``enable``, when there are
    none, also those after the zero-arm enabling step (:func:`_zero_arm_products`) as one candidate."""
    t0 = time.monotonic()
    out = _candidates(texts, top, timeout_s)
    if out or not enable:
        return out
    out = _across_modules(texts, top, timeout_s - (time.monotonic() - t0))
    if out:
        return out
    for path, text in texts.items():
        left = timeout_s - (time.monotonic() - t0)
        if left < 2:
            break
        if not re.search(r"\?[^;]*[\w)\]]\s*\*\s*[\w($]", text):
            continue  # no product inside a conditional: nothing to enable (no elaboration)
        try:
            got = _zero_arm_products(text, path)
        except Exception:  # noqa: BLE001 - an analysis failure: nothing enabled
            got = None
        if got is None:
            continue
        new, what = got
        for nt, desc in _candidates({**texts, path: new}, top, left):
            out.append((nt, f"{desc} (after moving the zero arm of {'; '.join(what)[:120]} into the product's "
                            "operand)"))
    return out[:_MAX_CANDS]


def _across_modules(texts: dict[Path, str], top: str, timeout_s: float) -> list:
    """A child's output register read in the parent only by combinational decoders: the decoders inlined
    into the child (:mod:`rtlopt.semantic.bretime_hier`), then retimed there; offered only composed."""
    from rtlopt.semantic.bretime_hier import hoist_decoders

    t0 = time.monotonic()
    out = []
    try:
        steps = hoist_decoders(texts, top)
    except Exception:  # noqa: BLE001 - an analysis failure: nothing enabled
        return []
    for new, reg, what in steps:
        left = timeout_s - (time.monotonic() - t0)
        if left < 2:
            break
        for nt, desc in _candidates(new, top, left):
            if re.search(rf"registers ([\w$]+, )*{re.escape(reg)}\b", desc):
                out.append((nt, f"{desc} (after {what})"))
    if out:
        return out[:_MAX_CANDS]
    return _functions_moved(texts, top, timeout_s - (time.monotonic() - t0))[:_MAX_CANDS]


def _functions_moved(texts: dict[Path, str], top: str, timeout_s: float) -> list:
    """Registers read in another module only through functions of them (a sibling's ``snap[sel_q]``):
    the functions lifted out of the reading child into the parent and pushed into the child holding the
    registers (:mod:`rtlopt.semantic.bretime_port`), then retimed there; offered only composed."""
    from rtlopt.semantic.bretime_port import lift_steps, push_steps

    t0 = time.monotonic()
    out: list = []

    def left() -> float:
        return timeout_s - (time.monotonic() - t0)

    def retime(new: dict, regs: list[str] | None, what: str) -> None:
        if left() < 2:
            return
        for nt, desc in _candidates(new, top, left()):
            if regs is None or any(re.search(rf"registers ([\w$]+, )*{re.escape(r)}\b", desc) for r in regs):
                out.append((nt, f"{desc} (after {what})"))

    try:
        pushed = push_steps(texts, top)
    except Exception:  # noqa: BLE001 - an analysis failure: nothing enabled
        pushed = []
    for new, regs, what in pushed:
        retime(new, regs, what)
    if out or left() < 2:
        return out
    try:
        lifted = lift_steps(texts, top)
    except Exception:  # noqa: BLE001
        lifted = []
    for new, what in lifted:
        if left() < 2:
            break
        retime(new, None, what)  # the registers in the parent itself
        try:
            pushed = push_steps(new, top)
        except Exception:  # noqa: BLE001
            pushed = []
        for new2, regs, what2 in pushed:
            retime(new2, regs, f"{what}, then {what2}")
    return out


def _candidates(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict[Path, str], str]]:
    t0 = time.monotonic()
    got = top_bodies(texts, top)
    if got is None:
        return []
    paths, tlist, root, buf_file, pairs = got
    bodies = [b for b, _rel in pairs]
    # a module instantiated more than once with different parameters: its elaborated widths differ
    counts: dict[str, set] = {}

    def count(n):
        if type(n).__name__ == "InstanceSymbol":
            d = n.body.definition.name if n.body.definition is not None else None
            counts.setdefault(d, set()).add(str([(p.name, str(getattr(p, "value", ""))) for p in n.body
                                                 if type(p).__name__ == "ParameterSymbol"]))
        return True

    for ti in root.topInstances:
        if ti.name == top:
            ti.visit(count)
    out = []
    for body in bodies:
        if time.monotonic() - t0 > timeout_s or len(out) >= _MAX_CANDS:
            break
        d = body.definition
        if d is None or len(counts.get(d.name, set())) > 1:
            continue
        fi = buf_file.get(_buf(d.syntax)) if d.syntax is not None else None
        if fi is None:
            continue
        try:
            got = _analyze(body, tlist[fi], paths[fi])
        except Exception:  # noqa: BLE001 - an analysis failure: no candidates for this module
            continue
        for new, desc in got:
            out.append(({**texts, paths[fi]: new}, desc))
    return out[:_MAX_CANDS]


def bretime_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE)
