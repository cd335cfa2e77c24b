"""Memory folding: arrays used in disjoint phases of one controller share one array.

Two (or more) arrays of the same element type and dimensions, declared in one module, used only
inside one procedural block, where no branch touches two of them (every pair of references is
separated by different arms of a ``case`` or different branches of an ``if``), are candidates for
time-multiplexed storage: every reference is renamed to the first array and the other declarations
are deleted. Whether the phases really are disjoint in time (each array written before it is read in
its phase, no value carried across another array's phase) is not decided here: the equivalence
checker proves or rejects each candidate.

Once the arrays are folded, the controller phases often become textually identical (states 0..2 and
3..5 do the same thing on the same array). :func:`merge_case_states` then merges the equivalent
states of the ``case (state)`` controller in place: partition refinement over the arm texts (with
next-state constants replaced by their class), every ``state <= K`` redirected to its class
representative, the arms of the merged-away states deleted and the state register narrowed when the
remaining codes fit. Each folding group gives two candidates: folded, and folded + merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from pyslang import ast

from rtlopt.hdl.edit import Edit, OverlappingEdits, apply_edits
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, analyze, parses_cleanly, strip

#: Largest number of foldable arrays of one shape considered (groups grow as 2^n).
_MAX_ARRAYS = 8
#: Largest number of controller states the in-place merge handles.
_MAX_STATES = 256


@dataclass
class _Array:
    sym: object
    name: str
    shape: str
    decl: tuple[int, int]  # span of the whole declaration (or the declarator when it has siblings)
    refs: list[tuple[int, int]] = field(default_factory=list)
    blocks: set[int] = field(default_factory=set)  # start offsets of the procedural blocks that use it
    outside: bool = False  # referenced outside any procedural block


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole lines when nothing but blanks and a // comment share them."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    before, after = text[ls:start], text[end:le]
    if before.strip() == "" and (after.strip() == "" or after.strip().startswith("//")):
        return ls, min(len(text), le + 1)
    return start, end


def _proc_blocks(an: Analysis) -> list[tuple[int, int]]:
    out = []
    for s in an.symbols:
        if type(s).__name__ == "ProceduralBlockSymbol" and s.syntax is not None:
            out.append(an.span(s.syntax))
    return sorted(set(out))


def _references(an: Analysis, wanted: dict[int, object]) -> dict[int, list[tuple[int, int]]]:
    """Spans of every named reference to the symbols in ``wanted`` (keyed by declarator offset)."""
    refs: dict[int, list[tuple[int, int]]] = {k: [] for k in wanted}
    by_id = {id(v): k for k, v in wanted.items()}
    keys = {k: (v.name, an.span(v.syntax)) for k, v in wanted.items()}

    def key_of(sym) -> int | None:
        k = by_id.get(id(sym))
        if k is None and sym.syntax is not None and sym.kind == ast.SymbolKind.Variable:
            sp = an.span(sym.syntax)
            k = next((kk for kk, (nm, s2) in keys.items() if nm == sym.name and s2 == sp), None)
        return k

    def add(k: int, sp: tuple[int, int]) -> None:
        if sp not in refs[k]:
            refs[k].append(sp)

    def visit(node):
        if not isinstance(node, ast.Expression):
            return True
        kind = type(node).__name__
        if kind == "NamedValueExpression" and node.syntax is not None:
            k = key_of(node.symbol)
            if k is not None:
                add(k, an.span(node.syntax))
        elif kind in ("ElementSelectExpression", "RangeSelectExpression") and node.syntax is not None:
            base = strip(node.value)
            if type(base).__name__ == "NamedValueExpression" and base.syntax is None:
                # "mem[i]": the name has no syntax node of its own; it starts the select's text
                k = key_of(base.symbol)
                s = an.span(node.syntax)[0]
                if k is not None and an.text.startswith(base.symbol.name, s):
                    add(k, (s, s + len(base.symbol.name)))
        return True

    an.root.visit(visit)
    return refs


def _arrays(an: Analysis) -> list[_Array]:
    """Unpacked-array variables with a plain declaration, not ports, without initializers."""
    found: dict[int, object] = {}
    for s in an.symbols:
        if type(s).__name__ != "VariableSymbol" or s.syntax is None:
            continue
        if type(s.type).__name__ != "FixedSizeUnpackedArrayType":
            continue
        decl = s.syntax
        if str(decl.kind) != "SyntaxKind.Declarator" or decl.initializer is not None:
            continue
        parent = decl.parent
        if parent is None or str(parent.kind) != "SyntaxKind.DataDeclaration":
            continue
        found.setdefault(an.span(decl)[0], s)
    if len(found) < 2:
        return []
    refs = _references(an, found)
    blocks = _proc_blocks(an)
    out = []
    for k, s in sorted(found.items()):
        parent = s.syntax.parent
        declarators = [d for d in parent.declarators if str(getattr(d, "kind", "")) == "SyntaxKind.Declarator"]
        # a lone declaration goes with its line; a declarator among others alone (and one comma)
        span = _line_span(an.text, *an.span(parent)) if len(declarators) == 1 else an.span(s.syntax)
        a = _Array(s, s.name, str(s.type), span, sorted(refs[k]))
        for r0, _r1 in a.refs:
            blk = next((b0 for b0, b1 in blocks if b0 <= r0 < b1), None)
            if blk is None:
                a.outside = True
            else:
                a.blocks.add(blk)
        out.append(a)
    return out


class _Branches:
    """For each offset, the chain of statements containing it with the arm it lies in (outer first)."""

    def __init__(self, an: Analysis) -> None:
        self.an = an
        self._arms: dict[int, list[tuple[int, int]]] = {}
        self._paths: dict[int, list[tuple[int, int | None]]] = {}

    def _arm_spans(self, i: int) -> list[tuple[int, int]]:
        if i not in self._arms:
            st = self.an.statements[i][0]
            kind = type(st).__name__
            if kind == "CaseStatement":
                arms = [it.stmt for it in st.items] + [st.defaultCase]
            elif kind == "ConditionalStatement":
                arms = [st.ifTrue, st.ifFalse]
            else:
                arms = []
            self._arms[i] = [self.an.span(x.syntax) if x is not None and x.syntax is not None else (-1, -1)
                             for x in arms]
        return self._arms[i]

    def path(self, off: int) -> list[tuple[int, int | None]]:
        if off not in self._paths:
            out = []
            for i, (_st, s, e) in enumerate(self.an.statements):
                if s <= off < e:
                    arm = next((k for k, (a0, a1) in enumerate(self._arm_spans(i)) if a0 <= off < a1), None)
                    out.append((i, arm))
            self._paths[off] = out
        return self._paths[off]

    def exclusive(self, p: int, q: int) -> bool:
        """True if ``p`` and ``q`` lie in different arms of their innermost common case/if."""
        pp, pq = self.path(p), self.path(q)
        last = None
        for (i, a), (j, b) in zip(pp, pq, strict=False):
            if i != j:
                break
            last = (a, b)
            if a != b:
                break
        return last is not None and last[0] is not None and last[1] is not None and last[0] != last[1]


def _foldable_groups(an: Analysis) -> list[list[_Array]]:
    """Groups (maximal cliques first, then pairs) of same-shape arrays used in exclusive branches."""
    arrays = [a for a in _arrays(an) if a.refs and not a.outside and len(a.blocks) == 1]
    by_key: dict[tuple[str, int], list[_Array]] = {}
    for a in arrays:
        by_key.setdefault((a.shape, next(iter(a.blocks))), []).append(a)
    groups: list[list[_Array]] = []
    for _key, arrs in sorted(by_key.items(), key=lambda kv: kv[1][0].decl):
        arrs = arrs[:_MAX_ARRAYS]
        if len(arrs) < 2:
            continue
        ok = {}
        br = _Branches(an)
        for x, y in combinations(range(len(arrs)), 2):
            ok[(x, y)] = all(br.exclusive(p, q) for p, _ in arrs[x].refs for q, _ in arrs[y].refs)
        pairs = [pr for pr, good in ok.items() if good]
        if not pairs:
            continue
        cliques = _maximal_cliques(len(arrs), pairs)
        seen: set[tuple[int, ...]] = set()
        for c in sorted(cliques, key=lambda c: (-len(c), c)) + sorted(pairs):
            c = tuple(sorted(c))
            if len(c) >= 2 and c not in seen:
                seen.add(c)
                groups.append([arrs[i] for i in c])
    return groups


def _maximal_cliques(n: int, pairs: list[tuple[int, int]]) -> list[tuple[int, ...]]:
    adj = {i: set() for i in range(n)}
    for x, y in pairs:
        adj[x].add(y)
        adj[y].add(x)
    out: list[tuple[int, ...]] = []

    def bk(r: set[int], p: set[int], x: set[int]) -> None:  # Bron-Kerbosch
        if not p and not x:
            if len(r) >= 2:
                out.append(tuple(sorted(r)))
            return
        for v in sorted(p):
            bk(r | {v}, p & adj[v], x & adj[v])
            p = p - {v}
            x = x | {v}

    bk(set(), set(range(n)), set())
    return out


def _fold_edits(an: Analysis, group: list[_Array]) -> list[Edit]:
    keep = group[0]
    edits: list[Edit] = []
    for a in group[1:]:
        for s, e in a.refs:
            edits.append(Edit(s, e, keep.name))
        s, e = a.decl
        if an.text[s:e].strip().startswith(a.name):  # a declarator among others: take one comma too
            m = re.match(r"\s*,", an.text[e:])
            if m:
                e += m.end()
            else:
                m2 = re.search(r",\s*$", an.text[:s])
                if not m2:
                    return []
                s = m2.start()
        edits.append(Edit(s, e, ""))
    return edits


# ----------------------------------------------------------------------------------------------
# in-place merge of equivalent controller states


def _const_of(an: Analysis, node) -> int | None:
    node = strip(node)
    v = an.const(node)
    if v is not None:
        return v
    if type(node).__name__ == "NamedValueExpression" and type(node.symbol).__name__ == "ParameterSymbol":
        try:
            sv = node.symbol.value.value  # ConstantValue -> SVInt (hasUnknown is a property there)
            return None if sv.hasUnknown else int(sv)
        except Exception:  # noqa: BLE001 - odd parameter values are simply not constants
            return None
    return None


_SIZED = re.compile(r"\s*(\d*)\s*'\s*([sS]?)([bBoOdDhH])\s*[0-9a-fA-F_xXzZ?]+\s*")


def _lit_like(text: str, value: int, size: int | None = None) -> str:
    """``value`` in the style of the literal ``text`` (sized hex/bin/dec, or plain decimal).

    ``size`` replaces the literal's size (when the state register is narrowed).
    """
    m = _SIZED.fullmatch(text)
    if not m:
        return str(value)
    sz, signed, base = m.group(1), m.group(2), m.group(3).lower()
    if sz and size is not None:
        sz = str(size)
    body = {"b": f"{value:b}", "o": f"{value:o}", "d": f"{value}", "h": f"{value:x}"}[base]
    if sz and base == "b":
        body = body.zfill(int(sz))
    return f"{sz}'{signed}{m.group(3)}{body}"


def merge_case_states(text: str) -> str | None:
    """Merge the equivalent states of ``case (state)`` controllers in ``text`` in place; None if none.

    A state variable qualifies when it is read as the expression of one ``case`` statement (and
    otherwise only inside assignment right sides that read nothing but the state and parameters: state
    decodes such as ``assign busy = state[2] | state[0]``), is written only by nonblocking assignments
    of constants, and all case labels are constants. Two states are equivalent when every state decode
    has the same value on them (evaluated per code by slang's constant evaluator) and their arms are
    the same text after every ``state <= K`` is replaced by the class of ``K`` (refined to a fixpoint),
    so they do the same thing and go to equivalent states. The register is narrowed only when every
    decode reads the kept codes the same way from the narrower register (no out-of-range bit).
    """
    an = analyze(text)
    if an.syntax_errors:
        return None
    edits: list[Edit] = []
    for sym in an.symbols:
        if type(sym).__name__ != "VariableSymbol" or sym.syntax is None:
            continue
        if type(sym.type).__name__ not in ("PackedArrayType", "ScalarType") or sym.type.isSigned:
            continue
        got = _merge_one(an, sym)
        if got:
            edits.extend(got)
    if not edits:
        return None
    try:
        new = apply_edits(text, edits)
    except (OverlappingEdits, ValueError):
        return None
    return new if new != text and parses_cleanly(new, an.errors) else None


def _merge_one(an: Analysis, sym) -> list[Edit]:
    width = int(sym.type.bitWidth or 0)
    if not 1 <= width <= 16:
        return []
    key = an.span(sym.syntax)[0]
    refs = _references(an, {key: sym})[key]
    if not refs:
        return []
    ref_set = set(refs)
    # classify every reference: case expression, or LHS of "s <= CONST"
    cases = []
    assigns: list[tuple[object, int]] = []  # (rhs expression, value)
    used: set[tuple[int, int]] = set()
    for st, _s, _e in an.statements:
        kind = type(st).__name__
        if kind == "CaseStatement":
            sp = an.span(strip(st.expr).syntax) if strip(st.expr).syntax is not None else None
            if sp in ref_set:
                if str(st.condition) != "CaseStatementCondition.Normal":
                    return []
                cases.append(st)
                used.add(sp)
        elif kind == "ExpressionStatement":
            ex = st.expr
            if type(ex).__name__ != "AssignmentExpression":
                continue
            lhs = strip(ex.left)
            if lhs.syntax is None or an.span(lhs.syntax) not in ref_set:
                continue
            if not ex.isNonBlocking:
                return []
            rhs = strip(ex.right)
            v = _const_of(an, rhs)
            if v is None or rhs.syntax is None:
                return []
            assigns.append((rhs, v))
            used.add(an.span(lhs.syntax))
    if len(cases) != 1 or not assigns:
        return []
    # other reads: only as pure functions of the state (an assignment's right side reading nothing but
    # the state and constants); merged states must give every such function the same value
    funcs = _state_functions(an, sym, ref_set - used, ref_set) if used != ref_set else []
    if funcs is None:
        return []
    case = cases[0]
    # labels -> arm
    arm_of: dict[int, object] = {}
    items = []
    for it in case.items:
        vals = []
        for e in it.expressions:
            v = _const_of(an, e)
            if v is None:
                return []
            vals.append(v)
        items.append((it, vals))
        for v in vals:
            arm_of.setdefault(v, it.stmt)
    states = sorted({v for _r, v in assigns} | set(arm_of))
    if len(states) > _MAX_STATES or any(v >= (1 << width) or v < 0 for v in states):
        return []
    default = case.defaultCase
    rhs_spans = {an.span(r.syntax): v for r, v in assigns}

    def arm_text(v: int, cls: dict[int, int]) -> str:
        stmt = arm_of.get(v, default)
        if stmt is None:
            return "<hold>"
        s, e = an.span(stmt.syntax)
        parts, cur = [], s
        for (rs, re_), rv in sorted(rhs_spans.items()):
            if s <= rs and re_ <= e:
                parts.append(an.text[cur:rs])
                parts.append(f"<S{cls[rv]}>")
                cur = re_
        parts.append(an.text[cur:e])
        return re.sub(r"//[^\n]*|/\*.*?\*/|\s+", "", "".join(parts), flags=re.S)

    fvals = _eval_functions(an, sym, funcs, width, states) if funcs else {v: () for v in states}
    if fvals is None:
        return []
    first: dict[tuple, int] = {}
    cls = {v: first.setdefault(fvals[v], len(first)) for v in states}
    while True:
        keys: dict[str, int] = {}
        new = {}
        for v in states:
            k = f"{cls[v]}|{arm_text(v, cls)}"
            new[v] = keys.setdefault(k, len(keys))
        if len(set(new.values())) == len(set(cls.values())):
            cls = new
            break
        cls = new
    if len(set(cls.values())) == len(states):
        return []
    # representative: the value reset assigns if in the class (keeps the reset code), else the smallest
    reset_vals = _reset_values(an, assigns, case)
    rep: dict[int, int] = {}
    for c in set(cls.values()):
        members = sorted(v for v in states if cls[v] == c)
        rv = next((v for v in members if v in reset_vals), members[0])
        for v in members:
            rep[v] = rv
    edits: list[Edit] = []
    for it, vals in items:
        if vals and all(rep[v] != v for v in vals):
            s, e = an.span(it.stmt.syntax.parent)
            s, e = _line_span(an.text, s, e)
            blank = re.search(r"\n[ \t]*\r?\n$", an.text[:s])  # and the blank line that separated it
            if blank and s > 0 and an.text[s - 1] == "\n":
                s = blank.start() + 1
            edits.append(Edit(s, e, ""))
    gone = [(e.start, e.end) for e in edits]
    narrow = _narrow(an, sym, max(rep.values()), width)
    if narrow and funcs:  # the functions must read the kept codes the same way from the narrower register
        reps = sorted(set(rep.values()))
        nw = max(1, max(reps).bit_length())
        got = _eval_functions(an, sym, funcs, nw, reps)
        if got is None or any(got[v] != fvals[v] for v in reps):
            narrow = []
    new_w = max(1, max(rep.values()).bit_length()) if narrow else None

    def resized(old: str) -> str | None:  # "3'd1" -> "2'd1" when the register is narrowed
        m = _SIZED.fullmatch(old)
        if new_w is None or not m or not m.group(1) or int(m.group(1)) != width:
            return None
        return _lit_like(old, _const_text_value(old), new_w)

    for r, v in assigns:
        s, e = an.span(r.syntax)
        if any(g0 <= s < g1 for g0, g1 in gone):
            continue
        old = an.text[s:e]
        if rep[v] != v:
            txt = _value_text(an, old, rep[v], items, assigns)
            edits.append(Edit(s, e, resized(txt) or txt))
        elif resized(old) is not None:
            edits.append(Edit(s, e, resized(old)))
    if new_w is not None:
        for it, vals in items:
            if not vals or all(rep[v] != v for v in vals):
                continue
            for ex in it.expressions:
                ex = strip(ex)
                if ex.syntax is None:
                    continue
                s, e = an.span(ex.syntax)
                r = resized(an.text[s:e])
                if r is not None and _const_text_value(an.text[s:e]) < (1 << new_w):
                    edits.append(Edit(s, e, r))
    return edits + narrow


def _state_functions(an: Analysis, sym, extra: set[tuple[int, int]], ref_set) -> list[tuple[str, int]] | None:
    """(right-side text, width) of the assignments holding the ``extra`` reads of the state ``sym``.

    None when a read is anywhere else, or the right side reads anything but the state and parameters
    (or calls a function): then the state's value is observed in a way the merge cannot account for.
    """
    assigns = []
    for st, _s, _e in an.statements:
        if type(st).__name__ == "ExpressionStatement" and type(st.expr).__name__ == "AssignmentExpression":
            assigns.append(st.expr)
    for s in an.symbols:
        if type(s).__name__ == "ContinuousAssignSymbol":
            ex = s.assignment
            if type(ex).__name__ == "AssignmentExpression":
                assigns.append(ex)
    out: dict[tuple[int, int], tuple[str, int]] = {}
    for r in extra:
        hit = None
        for ex in assigns:
            rhs, lhs = strip(ex.right), strip(ex.left)
            if rhs.syntax is None or lhs.syntax is None:
                continue
            s, e = an.span(rhs.syntax)
            if s <= r[0] and r[1] <= e:
                hit = (ex, lhs, rhs, (s, e))
                break
        if hit is None:
            return None
        ex, lhs, rhs, sp = hit
        ls, le = an.span(lhs.syntax)
        if any(ls <= a and b <= le for a, b in ref_set):
            return None
        ok = [True]

        def visit(node, ok=ok):
            if not isinstance(node, ast.Expression):
                return True
            kind = type(node).__name__
            if kind == "CallExpression":
                ok[0] = False
            elif kind == "NamedValueExpression":
                s2 = node.symbol
                if s2 is not sym and type(s2).__name__ != "ParameterSymbol" and not (
                        s2.name == sym.name and s2.syntax is not None and sym.syntax is not None
                        and an.span(s2.syntax) == an.span(sym.syntax)):
                    ok[0] = False
            return True

        rhs.visit(visit)
        w = int(ex.left.type.bitWidth or 0)
        if not ok[0] or not 1 <= w <= 64:
            return None
        out[sp] = (an.text[sp[0]:sp[1]], w, _param_decls(an, rhs))
    return [out[k] for k in sorted(out)]


def _param_decls(an: Analysis, rhs) -> str:
    """Localparam declarations of the parameters ``rhs`` reads (their values, sized like their types)."""
    seen: dict[str, str] = {}

    def visit(node):
        if isinstance(node, ast.Expression) and type(node).__name__ == "NamedValueExpression":
            s = node.symbol
            if type(s).__name__ == "ParameterSymbol" and s.name not in seen:
                v = _const_of(an, node)
                w = int(getattr(s.type, "bitWidth", 0) or 32)
                if v is not None:
                    sg = "signed " if getattr(s.type, "isSigned", False) else ""
                    seen[s.name] = f"localparam {sg}[{w - 1}:0] {s.name} = {w}'d{v & ((1 << w) - 1)};"
        return True

    rhs.visit(visit)
    return "\n".join(seen.values())


def _eval_functions(an: Analysis, sym, funcs, width: int, codes) -> dict[int, tuple] | None:
    """Value of every state function for every state code (the state ``width`` bits wide); None if
    the evaluator cannot give a value without x/z (or the text does not elaborate)."""
    from pyslang import syntax

    lines = ["module __rtlopt_eval;"]
    for i, (txt, w, params) in enumerate(funcs):
        lines.append(f"  function automatic [{w - 1}:0] __f{i}(input [{width - 1}:0] {sym.name});")
        if params:
            lines.append("    " + params.replace("\n", "\n    "))
        lines.append(f"    __f{i} = {txt};\n  endfunction")
        for v in codes:
            lines.append(f"  localparam [{w - 1}:0] __v{i}_{v} = __f{i}({width}'d{v});")
    lines.append("endmodule")
    try:
        tree = syntax.SyntaxTree.fromText("\n".join(lines))
        comp = ast.Compilation()
        comp.addSyntaxTree(tree)
        body = comp.getRoot().topInstances[0].body
        if any(d.isError() for d in comp.getAllDiagnostics()):
            return None
        out: dict[int, tuple] = {}
        for v in codes:
            vals = []
            for i in range(len(funcs)):
                sv = body.find(f"__v{i}_{v}").value.value  # ConstantValue -> SVInt
                if sv.hasUnknown:
                    return None
                vals.append(int(sv))
            out[v] = tuple(vals)
        return out
    except Exception:  # noqa: BLE001 - anything odd: the functions are not evaluable here
        return None


def _const_text_value(text: str) -> int:
    m = re.fullmatch(r"\s*\d*\s*'\s*[sS]?([bBoOdDhH])\s*([0-9a-fA-F_]+)\s*", text)
    if not m:
        return 1 << 62  # x/z digits: never resized
    return int(m.group(2).replace("_", ""), {"b": 2, "o": 8, "d": 10, "h": 16}[m.group(1).lower()])


def _reset_values(an: Analysis, assigns, case) -> set[int]:
    """Values assigned to the state outside the case statement (reset and other fixed assignments)."""
    cs, ce = an.span(case.syntax)
    return {v for r, v in assigns if not cs <= an.span(r.syntax)[0] < ce}


def _value_text(an: Analysis, old: str, value: int, items, assigns) -> str:
    """Source text for ``value``: an existing spelling of the same kind as ``old`` when there is one."""
    is_name = re.fullmatch(r"\s*[A-Za-z_][\w$]*\s*", old) is not None
    for it, vals in items:
        for e, v in zip(it.expressions, vals, strict=False):
            t = an.text[slice(*an.span(e.syntax))] if e.syntax is not None else None
            if v == value and t and (re.fullmatch(r"[A-Za-z_][\w$]*", t.strip()) is not None) == is_name:
                return t.strip() if is_name else _lit_like(old, value)
    for r, v in assigns:
        t = an.text[slice(*an.span(r.syntax))]
        if v == value and (re.fullmatch(r"\s*[A-Za-z_][\w$]*\s*", t) is not None) == is_name:
            return t.strip()
    return _lit_like(old, value)


def _narrow(an: Analysis, sym, top: int, width: int) -> list[Edit]:
    """Narrow ``reg [N:0] s;`` to the bits the remaining codes need (plain declarations only)."""
    need = max(1, top.bit_length())
    if need >= width:
        return []
    parent = sym.syntax.parent
    if parent is None or str(parent.kind) != "SyntaxKind.DataDeclaration" or len(parent.declarators) != 1:
        return []
    s, e = an.span(parent)
    m = re.search(r"\[\s*(\d+)\s*:\s*0\s*\]", an.text[s:e])
    if not m or int(m.group(1)) != width - 1 or m.start() > an.text[s:e].find(sym.name):
        return []
    return [Edit(s + m.start(), s + m.end(), f"[{need - 1}:0]")]


class MemoryFolding(Template):
    """Same-shape arrays used in exclusive branches of one block become one array."""

    id = rule = "memory_folding"
    description = ("arrays of one shape used only in different arms of one controller share one array "
                   "(time-multiplexed storage); identical controller phases are then merged")

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for group in _foldable_groups(an):
            edits = _fold_edits(an, group)
            if not edits:
                continue
            names = ", ".join(a.name for a in group[1:])
            s, e = an.span(group[0].sym.syntax)
            what = f"{names} folded into {group[0].name}"
            out.append(self._m(an, s, e, what, edits, merge=False))
            try:
                folded = apply_edits(an.text, edits)
            except (OverlappingEdits, ValueError):
                continue
            if merge_case_states(folded) is not None:
                out.append(self._m(an, s, e, what + ", equivalent controller states merged", edits, merge=True))
        return out

    def rewrite(self, text: str, matches: list[Match]) -> str | None:
        new = super().rewrite(text, matches)
        if new is not None and matches and all(m.data.get("merge") for m in matches):
            new = merge_case_states(new)
        return new
