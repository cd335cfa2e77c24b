"""A shift history observed only as a whole window kept as a counter.

A register ``H`` of ``W`` bits that shifts a lane ``X`` of ``k`` bits in at one end on every write
(``H <= {H[W-k-1:0], X}``, ``{X, H[W-1:k]}``, ``(H << k) | X``, ``H >> k | X << (W-k)`` is not one) and
is read only through the whole window -- ``|H``, ``H != 0``, ``~|H``, ``H == 0``, ``!H``, ``H`` as a truth value ("a strobe
in the last M = W/k writes") or ``&H``, ``H == '1``, ``~&H``, ``H != '1`` ("every one of the last M
writes") -- carries no more than a count: how many writes ago the newest nonzero lane came in (OR
window: ``C <= |X ? M : C - (C != 0)``, window nonzero ``C != 0``), or how many all-ones lanes came in
in a row (AND window: ``C <= &X ? C + (C != M) : 0``, window full ``C == M``). ``W`` flip-flops become
``clog2(M + 1)``: an activity LED stretcher's 12-bit history becomes a 4-bit down-counter, a
"high for the last 8 samples" filter a 4-bit run counter.

Found on the elaborated source (pyslang, every instance at its own parameter values): a variable
(not a port) whose every mention is the whole left-hand side of a nonblocking write, the shifted part
of its own write, or the operand of a whole-window observer; each write's right-hand side is a
constant, the variable itself (a hold), or a shift of a lane in (recognised on the elaborated
expression: a concatenation, or a shift by a constant ORed / added / XORed with a narrower term).
Every write is rewritten in place (so enables, resets, generate structure and loops around it carry
over), a constant as the count it stands for, and the declaration becomes the counter's. The window's
width and stage count are written as the declaration's own expressions, so a module elaborated at
several parameter values keeps serving all of them. Across a module boundary (a child's history read
as a bus by its parent), :func:`rtlopt.semantic.histmirror.prepared` first moves the parent's window
expression into the child. A history shifted element by element -- ``h[0] <= x; for (i = 1; i < W;
i++) h[i] <= h[i-1];`` in one block, or a generate loop of one-flop always blocks beside the first
stage's block -- is first written as one shift (:func:`_merged`: element indices evaluated per loop value,
every element written once under the same controls; the other element writes removed with the blocks
that hold nothing else). Candidates are offered only when a simulation from reset agrees on the
outputs; the search proves each one (sequential equivalence from reset) and measures it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

RULE = "register_reduction"
_OR_OBS = {"BitwiseOr": "nz", "BitwiseNor": "z", "LogicalNot": "z"}
_AND_OBS = {"BitwiseAnd": "full", "BitwiseNand": "notfull"}


def _k(node) -> str:
    return type(node).__name__


def _op(node) -> str:
    return str(node.op).split(".")[-1]


def _int(node, an) -> int | None:
    """The value of a constant expression (literals and parameters) at its instance's values."""
    from pyslang import ast

    from rtlopt.templates._sem import strip

    node = strip(node)
    c = getattr(node, "constant", None)
    sv = getattr(c, "value", None) if c is not None else None
    if sv is None:
        try:
            sv = node.eval(ast.EvalContext(an.root)).value
        except Exception:  # noqa: BLE001 - not constant
            return None
    if type(sv).__name__ != "SVInt" or sv.hasUnknown:
        return None
    try:
        return int(sv)
    except (TypeError, ValueError):
        return None


def _is_var(node, key) -> bool:
    from rtlopt.templates._sem import strip

    node = strip(node)
    return _k(node) == "NamedValueExpression" and (node.symbol.name, node.symbol.location.offset) == key


def _sel(node, key, an) -> tuple[int, int] | None:
    """``(hi, lo)`` of a constant range/bit select of the variable (the whole variable: its range)."""
    from rtlopt.templates._sem import strip

    node = strip(node)
    if _is_var(node, key):
        return None
    if _k(node) == "RangeSelectExpression" and _is_var(node.value, key):
        a, b = _int(node.left, an), _int(node.right, an)
        if a is None or b is None:
            return None
        kind = str(node.selectionKind)
        if kind.endswith("IndexedUp"):
            return a + b - 1, a
        if kind.endswith("IndexedDown"):
            return a, a - b + 1
        return max(a, b), min(a, b)
    if _k(node) == "ElementSelectExpression" and _is_var(node.value, key):
        a = _int(node.selector, an)
        return None if a is None else (a, a)
    return None


def _shift(rhs, key, w: int, an):
    """``(direction, lane width, lane expression)`` of a write that shifts a lane in ('up': the lane
    enters at bit 0; 'down': at the top), ``("hold",)`` for the variable itself, ``("const", value)``,
    or None. Offsets in the declared range are 0-based (ranges ``[W-1:0]`` only)."""
    from rtlopt.templates._sem import strip

    r = strip(rhs)
    if _is_var(r, key):
        return ("hold",)
    v = _int(r, an)
    if v is not None and not _reads(r, key):
        return ("const", v & ((1 << w) - 1))
    if _k(r) == "ConcatenationExpression":
        ops = [strip(o) for o in r.operands]
        if len(ops) != 2:
            return None
        a, b = ops
        sa, sb = _sel(a, key, an), _sel(b, key, an)
        if sa is not None and sb is None and not _reads(b, key):
            k = int(b.type.bitWidth or 0)
            if sa == (w - k - 1, 0) and 0 < k < w:
                return ("up", k, b)
        if sb is not None and sa is None and not _reads(a, key):
            k = int(a.type.bitWidth or 0)
            if sb == (w - 1, k) and 0 < k < w:
                return ("down", k, a)
        return None
    if _k(r) == "BinaryExpression" and _op(r) in ("BinaryOr", "Add", "BinaryXor"):
        for s, x in ((strip(r.left), strip(r.right)), (strip(r.right), strip(r.left))):
            if _k(s) == "BinaryExpression" and _op(s) in ("LogicalShiftLeft", "ArithmeticShiftLeft") \
                    and _is_var(s.left, key) and not _reads(x, key):
                if _k(x) == "ConcatenationExpression" and len(x.operands) > 1 and all(
                        _int(o, an) == 0 for o in x.operands[:-1]):
                    x = strip(x.operands[-1])  # {9'b0, a}: the lane is a, zero-extended
                k = _int(s.right, an)
                xw = _self_width(x)
                if k is not None and 0 < k < w and xw is not None and xw <= k:
                    return ("up", k, x)
    return None


def _self_width(x) -> int | None:
    """The self-determined width of an operand zero-extended into a wider context."""
    from rtlopt.templates._sem import strip

    x = strip(x)
    while _k(x) == "ConversionExpression":
        x = x.operand
    try:
        return int(x.type.bitWidth)
    except (TypeError, ValueError):
        return None


def _reads(node, key) -> bool:
    found = []

    def visit(n):
        if _k(n) == "NamedValueExpression" and (n.symbol.name, n.symbol.location.offset) == key:
            found.append(n)
        return True
    try:
        node.visit(visit)
    except Exception:  # noqa: BLE001 - be conservative
        return True
    return bool(found)


def _count(v: int, w: int, k: int, up: bool, kind: str) -> int:
    """The count a window value stands for: lanes since the newest nonzero lane entered, as
    ``M - lanes before it`` (OR window, 0 when none), or all-ones lanes in a row from the newest
    (AND window)."""
    m = w // k
    lanes = [(v >> (k * i)) & ((1 << k) - 1) for i in range(m)]
    if up is False:
        lanes = lanes[::-1]
    if kind == "or":
        for i, ln in enumerate(lanes):
            if ln:
                return m - i
        return 0
    n = 0
    for ln in lanes:
        if ln != (1 << k) - 1:
            break
        n += 1
    return n


class _X:
    """An expression occurrence: the node and its source span (one per instance)."""

    __slots__ = ("node", "start", "end")

    def __init__(self, node, start: int, end: int):
        self.node, self.start, self.end = node, start, end


def _walk(an) -> tuple[list, dict, list]:
    """Every expression of every instance (implicit conversions looked through) as :class:`_X`, per
    variable-mention span the unary/binary parents seen around it (one per instance), and every select
    of a variable as (symbol, span of the select): a select's variable may have no syntax of its own."""
    from pyslang import ast

    from rtlopt.templates._sem import strip

    xs: list = []
    parents: dict = {}

    def visit(node):
        if isinstance(node, ast.Expression):
            if _k(node) == "ConversionExpression" and node.isImplicit:
                return True
            syn = node.syntax
            if syn is None:
                return True
            s, e = an.span(syn)
            x = _X(node, s, e)
            xs.append(x)
            if _k(node) in ("ElementSelectExpression", "RangeSelectExpression") and \
                    _k(strip(node.value)) == "NamedValueExpression":
                sels.append((strip(node.value).symbol, (s, e)))
            kids = [node.operand] if _k(node) == "UnaryExpression" else \
                [node.left, node.right] if _k(node) == "BinaryExpression" else []
            for c in kids:
                c = strip(c)
                if _k(c) == "NamedValueExpression" and c.syntax is not None:
                    parents.setdefault(an.span(c.syntax), []).append((node, x))
            if _k(node) == "ConditionalExpression":
                cond(node, x)
        elif isinstance(node, ast.Statement) and _k(node) == "ConditionalStatement":
            cond(node, None)
        return True

    def cond(node, x):
        """The conditions of ``c ? a : b`` / ``if (c)``: a mention there is read as ``!= 0``."""
        for c in node.conditions:
            c = strip(c.expr)
            if _k(c) == "NamedValueExpression" and c.syntax is not None:
                parents.setdefault(an.span(c.syntax), []).append(("bool", x))
    sels: list = []
    an.root.visit(visit)
    return xs, parents, sels


def _observer(node, key, w: int, an):
    """``(kind, test)`` of the whole-window observer ``node`` around a mention of the variable (kind
    'or' / 'and'; test 'nz', 'z', 'full', 'notfull'), or None."""
    from rtlopt.templates._sem import strip

    if node == "bool" or (_k(node) == "BinaryExpression" and _op(node) in (
            "LogicalAnd", "LogicalOr", "LogicalImplication", "LogicalEquivalence")):
        return "or", "nzm"  # read as a truth value: the mention alone becomes the test
    if _k(node) == "UnaryExpression":
        o = _op(node)
        if o in _OR_OBS:
            return "or", _OR_OBS[o]
        if o in _AND_OBS:
            return "and", _AND_OBS[o]
        return None
    if _k(node) == "BinaryExpression" and _op(node) in ("Equality", "Inequality", "CaseEquality",
                                                        "CaseInequality"):
        other = strip(node.right) if _is_var(node.left, key) else strip(node.left)
        if _reads(other, key):
            return None
        c = _int(other, an)
        eq = _op(node) in ("Equality", "CaseEquality")
        if c == 0:
            return "or", "z" if eq else "nz"
        ow = _self_width(other)
        if c is not None and ow is not None and ((ow <= w and c == (1 << ow) - 1 and ow == w)
                                                 or (_k(other) == "UnbasedUnsizedIntegerLiteral" and c & 1)):
            return "and", "full" if eq else "notfull"
        return None
    if _k(node) == "BinaryExpression" and _op(node) in ("GreaterThan", "GreaterThanEqual", "LessThan", "LessThanEqual"):
        # an unsigned compare with 0 / 1 that only tells zero from nonzero: 'H > 0', 'H >= 1', 'H < 1', 'H <= 0'
        left = _is_var(node.left, key)
        other = strip(node.right) if left else strip(node.left)
        if _reads(other, key):  # the history is unsigned: the compare is unsigned
            return None
        c = _int(other, an)
        op = _op(node) if left else {"GreaterThan": "LessThan", "GreaterThanEqual": "LessThanEqual",
                                     "LessThan": "GreaterThan", "LessThanEqual": "GreaterThanEqual"}[_op(node)]
        test = {("GreaterThan", 0): "nz", ("GreaterThanEqual", 1): "nz", ("LessThan", 1): "z",
                ("LessThanEqual", 0): "z"}.get((op, c))
        return ("or", test) if test else None
    return None


def _width_text(text: str, an, sym) -> tuple[str, str] | None:
    """``(keyword-and-range span text, W as text)`` from the declaration ``[hi:0]``."""
    syn = sym.syntax
    decl = syn.parent
    if decl is None or _k(decl) != "DataDeclarationSyntax" or len(decl.declarators) != 1:
        return None
    ds, de = an.span(decl)
    m = re.match(r"(\s*(?:var\s+)?(?:reg|logic|bit)\s*(?:unsigned\s*)?)\[\s*([^\]:]+?)\s*:\s*0\s*\]\s*",
                 text[ds:de])
    if m is None:
        return None
    hi = m.group(2)
    if re.fullmatch(r"\d+", hi):
        return m.group(1), str(int(hi) + 1)
    mm = re.fullmatch(r"(.+?)\s*-\s*1", hi)
    wt = mm.group(1).strip() if mm else f"({hi}) + 1"
    if not re.fullmatch(r"[\w$]+|\(.*\)", wt):
        wt = f"({wt})"
    return m.group(1), wt


def _rewrite(text: str, name: str) -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histflag import _fresh
    from rtlopt.templates._sem import analyze, parses_cleanly, strip

    an = analyze(text, name)
    if an.syntax_errors:
        return []
    ports = {s.internalSymbol.location.offset for s in an.symbols
             if _k(s) == "PortSymbol" and s.internalSymbol is not None}
    cands = {}
    for s in an.symbols:
        if _k(s) != "VariableSymbol" or s.location.offset in ports:
            continue
        ty = s.type
        if not ty.isIntegral or getattr(ty, "isUnpackedArray", False) or ty.isSigned:
            continue
        w = int(ty.bitWidth or 0)
        if not 3 <= w <= 1024 or s.syntax is None or getattr(s.syntax, "initializer", None) is not None:
            continue
        rng = getattr(ty, "range", None) if ty.hasFixedRange else None
        if rng is None or rng.right != 0 or rng.left != w - 1:
            continue  # bit offsets are the declared indices: [W-1:0] only
        key = (s.name, s.location.offset)
        cands.setdefault(key, (s, set()))[1].add(w)
    if not cands:
        return []
    xs, parents, sels = _walk(an)
    # per variable and mention span: its roles, one per instance
    men: dict[tuple, dict] = {k: {} for k in cands}
    bad: set = set()
    selfs: set = set()  # spans of the shifted part's own mentions
    for x in xs:
        n = x.node
        if _k(n) != "AssignmentExpression":
            continue
        lhs = strip(n.left)
        if _k(lhs) != "NamedValueExpression":
            continue  # a write of a select: the select is not inside a shift write's right-hand side (below)
        key = (lhs.symbol.name, lhs.symbol.location.offset)
        if key not in cands:
            continue
        w = int(lhs.type.bitWidth)
        sh = _shift(n.right, key, w, an) if n.isNonBlocking else None
        if sh is None:
            bad.add(key)
            continue
        ls = an.span(lhs.syntax)
        men[key].setdefault(ls, []).append(("write", (x.start, x.end), sh, w))
        if sh[0] in ("up", "down"):
            def mark(nd, key=key, ls=ls):
                if _k(nd) == "NamedValueExpression" and (nd.symbol.name, nd.symbol.location.offset) == key \
                        and nd.syntax is not None and an.span(nd.syntax) != ls:
                    selfs.add((key, an.span(nd.syntax)))
                return True
            n.right.visit(mark)
    # a select of the variable: only the shifted part of its own shift write
    shifts = [(k_, sp) for k_, d in men.items() for lst in d.values() for t, sp, sh, _w in lst
              if t == "write" and sh[0] in ("up", "down")]
    for sym, (a, b) in sels:
        key = (sym.name, sym.location.offset)
        if key in cands and not any(k_ == key and s_ <= a and b <= e_ for k_, (s_, e_) in shifts):
            bad.add(key)
    for x in xs:
        n = x.node
        if _k(n) != "NamedValueExpression":
            continue
        key = (n.symbol.name, n.symbol.location.offset)
        sp = (x.start, x.end)
        if key not in cands or key in bad or sp in men[key] and men[key][sp][0][0] == "write":
            continue
        if (key, sp) in selfs:
            continue
        w = int(n.type.bitWidth)
        ps = [(pn, px) for pn, px in parents.get(sp, []) if _reads(pn, key)]
        obs = [(_observer(pn, key, w, an), px) for pn, px in ps]
        if len(obs) < 1 or any(o is None for o, _px in obs):
            bad.add(key)
            continue
        for o, px in obs:
            men[key].setdefault(sp, []).append(("obs", sp if o[1] == "nzm" else (px.start, px.end), o, w))
    out = []
    fresh = _fresh(text)
    for key, (sym, widths) in cands.items():
        if key in bad or not men[key]:
            continue
        ms = [m for lst in men[key].values() for m in lst]
        writes = [m for m in ms if m[0] == "write"]
        obs = [m for m in ms if m[0] == "obs"]
        if not obs or not any(m[2][0] in ("up", "down") for m in writes):
            continue
        kinds = {m[2][0] for m in obs}
        if len(kinds) != 1:
            continue
        kind = kinds.pop()
        dirs = {(m[2][0], m[2][1]) for m in writes if m[2][0] in ("up", "down")}
        if len(dirs) != 1:
            continue
        d, k = dirs.pop()
        if any(w % k for w in widths):
            continue
        wt = _width_text(text, an, sym)
        if wt is None:
            continue
        kw, wtext = wt
        mt = wtext if k == 1 else f"({wtext} / {k})"
        cnt = fresh(f"{sym.name}_{'left' if kind == 'or' else 'run'}")
        per: dict[tuple[int, int], set] = {}  # span -> the texts its instances ask for
        ok = True
        for _t, span, sh, w in writes:
            if sh[0] == "hold":
                per.setdefault(span, set()).add(f"{cnt} <= {cnt}")
                continue
            if sh[0] == "const":
                c = _count(sh[1], w, k, d == "up", kind)
                per.setdefault(span, set()).add(f"{cnt} <= {'0' if c == 0 else mt if c == w // k else str(c)}")
                continue
            lane = sh[2]
            if lane.syntax is None:
                ok = False
                break
            ltext = text[slice(*an.span(lane.syntax))]
            if k > 1 or int(lane.type.bitWidth or 0) > 1:
                ltext = f"{'|' if kind == 'or' else '&'}({ltext})"
            if kind == "or":
                per.setdefault(span, set()).add(f"{cnt} <= ({ltext}) ? {mt} : {cnt} - ({cnt} != 0)")
            else:
                per.setdefault(span, set()).add(f"{cnt} <= ({ltext}) ? {cnt} + ({cnt} != {mt}) : 0")
        for _t, span, (_kind, test), _w in obs:
            per.setdefault(span, set()).add({"nz": f"({cnt} != 0)", "nzm": f"({cnt} != 0)", "z": f"({cnt} == 0)",
                                             "full": f"({cnt} == {mt})",
                                             "notfull": f"({cnt} != {mt})"}[test])
        if not ok or any(len(v) != 1 for v in per.values()):
            continue  # instances that need different texts at one place (a reset constant, say)
        eds = {sp: next(iter(v)) for sp, v in per.items()}
        ds, de = an.span(sym.syntax.parent)
        semi = text[ds:de].rstrip()
        eds[(ds, de)] = f"{kw.rstrip()} [$clog2({mt} + 1) - 1:0] {cnt};" + text[ds + len(semi):de]
        try:
            new = apply_edits(text, [Edit(s, e, t) for (s, e), t in sorted(eds.items())])
        except ValueError:
            continue
        if new == text or not parses_cleanly(new, an.errors):
            continue
        what = "nonzero" if kind == "or" else "all ones"
        out.append((new, f"shift history '{sym.name}' read only as 'window {what}' kept as a "
                         f"{'down-counter of writes left' if kind == 'or' else 'run counter'} "
                         f"'{cnt}' ({mt} stages)"))
    return out


def _merged(text: str, name: str) -> str | None:
    """The text with a vector shifted element by element in one procedural block written as one shift
    (``for (i = 1; i < W; i++) h[i] <= h[i-1]; h[0] <= x;`` -> ``h <= {h[W-2:0], x};``, the loop gone;
    the other direction alike) and a loop writing one constant to every element as one write of the
    vector (``for (...) h[i] <= 1'b0;`` -> ``h <= {W{1'b0}};``, still in its loop); None when there is
    none. Semantics-preserving for the writes it takes (every element written once, by the same
    controls); whatever it produces is proven with the rewrite it enables."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.histmirror import _controls, _ev, _loop
    from rtlopt.semantic.ringshift import _params
    from rtlopt.templates._sem import analyze, parses_cleanly, strip

    an = analyze(text, name)
    if an.syntax_errors:
        return None
    stmt_of = {}
    for st, s_, e_ in an.statements:
        if _k(st) == "ExpressionStatement":
            stmt_of[an.span(strip(st.expr).syntax)] = (st, s_, e_)
    groups: dict = {}  # (var key, controls, block span) -> {statement span: [(element, source)]}
    info: dict = {}
    dead: set = set()

    def visit(node):
        if _k(node) != "AssignmentExpression" or not node.isNonBlocking or node.syntax is None:
            return True
        lhs = strip(node.left)
        if _k(lhs) != "ElementSelectExpression" or _k(strip(lhs.value)) != "NamedValueExpression":
            return True
        sym = strip(lhs.value).symbol
        ty = sym.type
        if _k(sym) != "VariableSymbol" or not ty.isIntegral or getattr(ty, "isUnpackedArray", False):
            return True
        w = int(ty.bitWidth or 0)
        rng = getattr(ty, "range", None) if ty.hasFixedRange else None
        key = (sym.name, sym.location.offset)
        sp = an.span(node.syntax)
        st = stmt_of.get(sp)
        if rng is None or rng.right != 0 or rng.left != w - 1 or st is None or w < 3:
            dead.add(key)
            return True
        ctl = _controls(st[0].syntax, an, text)
        env = _params(sym.parentScope)
        lp = _loop(st[0].syntax, text, an, env)
        if ctl is None or lp is None:
            dead.add(key)
            return True
        var, vals = lp
        sel = text[slice(*an.span(strip(lhs.selector).syntax))]
        r = strip(node.right)
        rtext = text[slice(*an.span(r.syntax))]
        rsel = None
        if _k(r) == "ElementSelectExpression" and _k(strip(r.value)) == "NamedValueExpression" and \
                (strip(r.value).symbol.name, strip(r.value).symbol.location.offset) == key:
            rsel = text[slice(*an.span(strip(r.selector).syntax))]
        elif _reads(r, key) or int(r.type.bitWidth or 0) != 1:
            dead.add(key)
            return True
        got = []
        for v in vals:
            e2 = {**env, var: v} if var is not None else env
            i = _ev(sel, e2)
            if i is None:
                dead.add(key)
                return True
            if rsel is not None:
                j = _ev(rsel, e2)
                if j is None:
                    dead.add(key)
                    return True
                got.append((i, ("bit", j)))
            else:
                names = set(re.findall(r"(?<![\w$'.])[A-Za-z_][\w$]*", rtext)) - set(env)
                if var is not None and var in names:
                    dead.add(key)
                    return True
                got.append((i, ("x", rtext)))
        blk = _block_of(st[0].syntax, an)
        g = groups.setdefault((key, str(ctl)), {})
        g.setdefault(sp, set()).add(tuple(got))
        info[sp] = (st, var, w, sym, blk)
        return True
    an.root.visit(visit)
    eds: list = []
    removed: set = set()  # statements of a chain spread over blocks (a generate loop): removed at the end
    chains: dict = {}  # var key -> the block of its in-lane write, for such chains
    consts: list = []  # (var key, statements, constant text) of constant groups spread over blocks
    for (key, _ctl), stmts in groups.items():
        if key in dead or any(len(v) != 1 for v in stmts.values()):
            continue
        w = info[next(iter(stmts))][2]
        elems: dict = {}
        for sp, vv in stmts.items():
            for i, src in next(iter(vv)):
                if i in elems or not 0 <= i < w:
                    elems = {}
                    break
                elems[i] = (src, sp)
            else:
                continue
            break
        if sorted(elems) != list(range(w)):
            continue
        srcs = {src for src, _sp in elems.values()}
        if len(stmts) > 1 and len(srcs) == 1 and next(iter(srcs))[0] == "x":
            consts.append((key, set(stmts), next(iter(srcs))[1]))
            continue
        if len(stmts) == 1 and len(srcs) == 1 and next(iter(srcs))[0] == "x":
            # one constant to every element in a loop: one write of the vector (repeated by the loop)
            (sp,) = stmts
            st, var, _w, sym, _b = info[sp]
            ct = next(iter(srcs))[1]
            wt = _width_text(text, an, sym)
            if var is None or wt is None or set(re.findall(r"(?<![\w$'.])[A-Za-z_][\w$]*", ct)) - \
                    set(_params(sym.parentScope)):
                continue
            eds.append(Edit(sp[0], sp[1], f"{key[0]} <= {{{wt[1]}{{{ct.strip()}}}}}"))
            continue
        up = all(elems[i][0] == ("bit", i - 1) for i in range(1, w)) and elems[0][0][0] == "x"
        down = all(elems[i][0] == ("bit", i + 1) for i in range(w - 1)) and elems[w - 1][0][0] == "x"
        name = key[0]
        if up or down:
            xsp = elems[0 if up else w - 1][1]
            xt = elems[0 if up else w - 1][0][1]
            rest = {sp for _i, (_src, sp) in elems.items()} - {xsp}
            sym = info[xsp][3]
            wt = _width_text(text, an, sym)
            if wt is None:
                continue
            wm2 = str(int(wt[1]) - 2) if wt[1].isdigit() else f"{wt[1]}-2"
            wm1 = str(int(wt[1]) - 1) if wt[1].isdigit() else f"{wt[1]}-1"
            new = f"{name} <= {{{name}[{wm2}:0], {xt}}}" if up else f"{name} <= {{{xt}, {name}[{wm1}:1]}}"
            if any(info[r][4] != info[xsp][4] for r in rest):
                # a chain over several blocks (a generate loop of flops): the in-lane write's block takes the
                # whole shift (once: not in a generate loop), the other writes go with what only they fill
                if info[xsp][4] is None or _in_generate_loop(info[xsp][0][0].syntax) or key in chains:
                    continue
                chains[key] = info[xsp][4]
                eds.append(Edit(xsp[0], xsp[1], new))
                removed.update(info[r][0][1:] for r in rest)
                continue
            if len(rest) != 1:
                continue
            (lsp,) = rest
            st, var = info[lsp][0], info[lsp][1]
            par = st[0].syntax.parent
            if var is None or str(par.kind).split(".")[-1] != "ForLoopStatement":
                continue
            eds.append(Edit(xsp[0], xsp[1], new))
            ls_, le_ = an.span(par)
            if str(par.parent.kind).split(".")[-1] != "SequentialBlockStatement":
                eds.append(Edit(ls_, le_, ";"))
                continue
            a_ = text.rfind("\n", 0, ls_) + 1
            b_ = text.find("\n", le_)
            if not text[a_:ls_].strip() and b_ >= 0 and not text[le_:b_].strip():
                ls_, le_ = a_, b_ + 1
            eds.append(Edit(ls_, le_, ""))
    for key, stmts, ct in consts:  # the constants of a chain over several blocks: one write in its block
        blk = chains.get(key)
        mine = [sp for sp in stmts if info[sp][4] == blk and not _in_generate_loop(info[sp][0][0].syntax)]
        sym = info[next(iter(stmts))][3]
        wt = _width_text(text, an, sym)
        if blk is None or len(mine) != 1 or wt is None or \
                set(re.findall(r"(?<![\w$'.])[A-Za-z_][\w$]*", ct)) - set(_params(sym.parentScope)):
            continue
        eds.append(Edit(mine[0][0], mine[0][1], f"{key[0]} <= {{{wt[1]}{{{ct.strip()}}}}}"))
        removed.update(info[sp][0][1:] for sp in stmts if sp != mine[0])
    gone = _removals(an, text, removed)
    if gone is None:
        return None
    eds += gone
    if not eds:
        return None
    try:
        new = apply_edits(text, sorted(eds, key=lambda e: e.start))
    except ValueError:
        return None
    return new if new != text and parses_cleanly(new, an.errors) else None


_CLIMB = ("ConditionalStatement", "ElseClause", "SequentialBlockStatement", "TimingControlStatement", "AlwaysBlock",
          "AlwaysFFBlock", "GenerateBlock", "LoopGenerate", "GenerateRegion", "ForLoopStatement")


def _in_generate_loop(syn) -> bool:
    while syn is not None:
        if str(syn.kind).split(".")[-1] == "LoopGenerate":
            return True
        syn = syn.parent
    return False


def _removals(an, text: str, removed: set) -> list | None:
    """Edits removing the statements ``removed`` (spans), each with the largest enclosing ``if`` / block /
    ``always`` / generate block or loop that holds nothing else (no other statement, no declaration)."""
    from rtlopt.hdl.edit import Edit

    if not removed:
        return []
    stmts = [(s_, e_) for st, s_, e_ in an.statements if _k(st) == "ExpressionStatement"]
    by_span = {}
    for st, s_, e_ in an.statements:
        if _k(st) == "ExpressionStatement" and (s_, e_) in removed:
            by_span[(s_, e_)] = st.syntax
    if set(by_span) != set(removed):
        return None
    spans = set()
    for _sp, syn in by_span.items():
        node = syn
        while node.parent is not None and str(node.parent.kind).split(".")[-1] in _CLIMB:
            a, b = an.span(node.parent)
            inside = [x for x in stmts if a <= x[0] and x[1] <= b]
            if any(x not in removed for x in inside) or re.search(
                    r"\b(wire|reg|logic|integer|assign|initial|function|task)\b", text[a:b]):
                break
            node = node.parent
        a, b = an.span(node)
        k = str(node.parent.kind).split(".")[-1] if node.parent is not None else ""
        spans.add((a, b, node is syn and k not in ("SequentialBlockStatement",)))
    out = []
    for a, b, semi in sorted(spans):
        if any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _s in spans):
            continue
        if not semi:
            ls, le = text.rfind("\n", 0, a) + 1, text.find("\n", b)
            if not text[ls:a].strip() and le >= 0 and not text[b:le].strip():
                a, b = ls, le + 1
        out.append(Edit(a, b, ";" if semi else ""))
    return out


def _block_of(syn, an):
    while syn is not None:
        k = str(syn.kind).split(".")[-1]
        if k in ("AlwaysBlock", "AlwaysFFBlock"):
            return an.span(syn)
        syn = syn.parent
    return None


def _all(text: str, name: str, first: list) -> list[tuple[str, str]]:
    """``first`` (the rewrites of ``text``) with every history at once in front when there are several."""
    if len(first) < 2:
        return first
    cur, descs = first[0][0], [first[0][1]]
    for _ in range(len(first) - 1):
        got = _rewrite(cur, name)
        if not got:
            break
        cur = got[0][0]
        descs.append(got[0][1])
    return ([(cur, "; ".join(descs))] if len(descs) > 1 else []) + first


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """``[(new text, description)]`` per window history of the file (all of them at once first); also on
    the texts :func:`rtlopt.semantic.histmirror.prepared` gives (a parent's window expression of a
    child's output bus moved into the child) and on the element-by-element shifts written as one."""
    if "<=" not in text:
        return []
    out = _all(text, name, _rewrite(text, name))
    if out:
        return out
    try:
        m = _merged(text, name)
    except Exception:  # noqa: BLE001 - an unusual design: no merged view
        m = None
    if m is not None:
        got = _all(m, name, _rewrite(m, name))
        if got:
            return [(n, f"{d} (element-by-element shift written as one)") for n, d in got]
    from rtlopt.semantic.histmirror import prepared

    for t, steps in prepared(text, name)[1:]:
        got = _all(t, name, _rewrite(t, name))
        if got:
            return [(n, f"{d} ({'; '.join(steps)})") for n, d in got]
    return []


def simulated(texts: dict[Path, str], top: str, timeout_s: float, rewrites) -> list[tuple[dict, str]]:
    """``rewrites(text, path)`` of every file as ``(new texts, description)``, kept when a simulation of
    the whole design from reset agrees on the outputs (or cannot tell)."""
    from rtlopt.semantic import seqsim

    deadline = time.monotonic() + timeout_s
    raw = []
    for p, t in texts.items():
        try:
            raw += [({**texts, p: new}, d) for new, d in rewrites(t, str(p))]
        except Exception:  # noqa: BLE001 - an analysis failure means no candidates from this file
            continue
    if not raw:
        return []
    net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    out = []
    for new, desc in raw:
        if time.monotonic() > deadline:
            break
        if seqsim.outputs_agree(net, new, top, max(2.0, deadline - time.monotonic())) is not False:
            out.append((new, desc))
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    return simulated(texts, top, timeout_s, rewrites)


def histwin_candidates(state) -> list:
    """Search-loop generator: whole-window histories kept as counters."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "window counter", "histwin")


__all__ = ["candidates_for", "histwin_candidates", "rewrites"]
