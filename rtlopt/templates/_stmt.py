"""Statement-level templates: if-chains and ternary chains to case, dead code, unused registers."""

from __future__ import annotations

import re

from rtlopt.hdl.edit import Edit
from rtlopt.templates._arith import _flatten, _is_chain_top, single_assignment
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import kind_name, wrap
from rtlopt.templates._sem import (
    Analysis,
    is_pure,
    literal_only,
    names_in,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def _indent_of(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    return prefix if not prefix.strip() else re.match(r"\s*", prefix).group(0)


def _eq_const(an: Analysis, cond):
    """(key, text, const_text, x_node, const_node) if ``cond`` is ``x == C`` with pure x, else None."""
    c = strip(cond)
    if type(c).__name__ != "BinaryExpression" or op_name(c) != "Equality":
        return None
    a, b = strip(c.left), strip(c.right)
    if an.const(b) is not None and an.const(a) is None:
        x, k = a, b
    elif an.const(a) is not None and an.const(b) is None:
        x, k = b, a
    else:
        return None
    xi, ki = an.info(x), an.info(k)
    if xi is None or ki is None or not is_pure(x):
        return None
    return xi.key, xi.text.strip(), ki.text.strip(), x, k


def _distinct_consts(an: Analysis, arms, x) -> bool:
    vals = [an.const(k) for *_r, k in arms]
    if len(set(vals)) != len(vals):
        return False
    xs = self_signed(x)
    return not xs or all(self_signed(k) for *_r, k in arms)


def _case_text(indent: str, subject: str, items: list[tuple[str, str]], default: str | None) -> str:
    lines = [f"case ({subject})"]
    for label, body in items:
        lines.append(f"{indent}  {label}: {body}")
    if default is not None:
        lines.append(f"{indent}  default: {default}")
    lines.append(f"{indent}endcase")
    return "\n".join(lines)


class PriorityToParallelCase(Template):
    """``if (x == C1) .. else if (x == C2) .. else ..`` with distinct constants becomes a ``case``."""

    id = rule = "priority_to_parallel_case"
    description = "an if/else-if chain testing one signal against distinct constants becomes a parallel case"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        inner: set[int] = set()
        for st, s, e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or id(st) in inner:
                continue
            arms = []
            cur = st
            default = None
            while True:
                if len(cur.conditions) != 1 or cur.conditions[0].pattern is not None:
                    break
                t = _eq_const(an, cur.conditions[0].expr)
                if t is None or (arms and t[0] != arms[0][0]):
                    break
                arms.append((t[0], t[1], t[2], cur.ifTrue, t[3], t[4]))
                nxt = cur.ifFalse
                if nxt is None:
                    cur = None
                    break
                if type(nxt).__name__ == "ConditionalStatement":
                    inner.add(id(nxt))
                    cur = nxt
                    continue
                cur = nxt
                break
            if len(arms) < 3:
                continue
            if cur is not None and type(cur).__name__ == "ConditionalStatement" and cur is arms[-1][3]:
                continue
            default = cur
            x = arms[0][4]
            if not _distinct_consts(an, [(a[4], a[5]) for a in arms], x):
                continue
            items = []
            for _k, _t, ctext, body, _x, _c in arms:
                bs, be = an.span(body.syntax)
                items.append((ctext, an.text[bs:be]))
            dtext = None
            if default is not None:
                ds, de = an.span(default.syntax)
                dtext = an.text[ds:de]
            new = _case_text(_indent_of(an.text, s), arms[0][1], items, dtext)
            out.append(self._m(an, s, e, f"{len(arms)}-way priority chain on {arms[0][1]}", [Edit(s, e, new)]))
        return out


class MuxChainToCase(Template):
    """``y = (x==C1) ? a : (x==C2) ? b : d;`` in a procedural block becomes a ``case`` on x."""

    id = rule = "mux_chain_to_case"
    description = "a chain of ternaries selecting on one signal's constant values becomes a case statement"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for st, s, e in an.statements:
            if type(st).__name__ != "ExpressionStatement":
                continue
            a = single_assignment(st)
            if a is None:
                continue
            lhs = an.info(a.left)
            lw = self_width(a.left)
            if lhs is None or lw is None:
                continue
            arms = []
            cur = strip(a.right)
            while type(cur).__name__ == "ConditionalExpression" and len(cur.conditions) == 1:
                t = _eq_const(an, cur.conditions[0].expr)
                if t is None or (arms and t[0] != arms[0][0][0]):
                    break
                arms.append((t, cur.left))
                cur = strip(cur.right)
            if len(arms) < 2:
                continue
            values = [v for _t, v in arms] + [cur]
            infos = [an.info(v) for v in values]
            if any(i is None for i in infos) or not all(is_pure(v) for v in values):
                continue
            ls = self_signed(a.left)
            if any(self_width(v) is None or self_width(v) > lw or self_signed(v) != ls for v in values):
                continue
            x = arms[0][0][3]
            if not _distinct_consts(an, [(t[3], t[4]) for t, _v in arms], x):
                continue
            op = "<=" if a.isNonBlocking else "="
            lt = lhs.text.strip()
            items = [(t[2], f"{lt} {op} {i.text.strip()};") for (t, _v), i in zip(arms, infos, strict=False)]
            new = _case_text(_indent_of(an.text, s), arms[0][0][1], items, f"{lt} {op} {infos[-1].text.strip()};")
            out.append(self._m(an, s, e, f"{len(arms) + 1}-input mux chain on {arms[0][0][1]}", [Edit(s, e, new)]))
        return out


def _module_spans(an: Analysis) -> list[tuple[int, int, object]]:
    root = an.tree.root
    mods = [root] if kind_name(root) == "ModuleDeclaration" else \
        [m for m in getattr(root, "members", ()) if kind_name(m) == "ModuleDeclaration"]
    return [(*an.span(m), m) for m in mods]


def _decls(mod) -> list[tuple[object, list[str]]]:
    out = []
    for m in mod.members:
        k = kind_name(m)
        if k in ("NetDeclaration", "DataDeclaration"):
            out.append((m, [d.name.valueText for d in m.declarators if hasattr(d, "name")]))
    return out


def _ports(mod) -> set[str]:
    names = set()
    text = str(mod.header)
    for tok in re.findall(r"[A-Za-z_][\w$]*", _COMMENT.sub("", text)):
        names.add(tok)
    for m in mod.members:
        if kind_name(m) == "PortDeclaration":
            for d in m.declarators:
                if hasattr(d, "name"):
                    names.add(d.name.valueText)
    return names


def _count(text: str, name: str) -> int:
    return len(re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", _COMMENT.sub("", text)))


def _remove_span(text: str, s: int, e: int) -> Edit:
    """Remove ``text[s:e]``; take the whole line if nothing else is on it."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if not text[ls:s].strip() and not text[e:le].strip():
        return Edit(ls, min(le + 1, len(text)), "")
    return Edit(s, e, "")


class DeadCodeElimination(Template):
    """Branches under constant conditions, and internal wires that nothing reads."""

    id = rule = "dead_code_elimination"
    description = "remove if-branches under constant conditions and assignments to internal wires nothing reads"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for st, s, e in an.statements:
            if type(st).__name__ != "ConditionalStatement" or len(st.conditions) != 1:
                continue
            cond = st.conditions[0].expr
            if st.conditions[0].pattern is not None or not literal_only(cond):
                continue
            v = an.const(cond)
            if v is None:
                continue
            taken = st.ifTrue if v else st.ifFalse
            if taken is None:
                new = ";"
            else:
                ts, te = an.span(taken.syntax)
                new = an.text[ts:te]
            out.append(self._m(an, s, e, f"condition is always {'true' if v else 'false'}", [Edit(s, e, new)]))
        for ms, me, mod in _module_spans(an):
            mtext = an.text[ms:me]
            ports = _ports(mod)
            decl_of = {}
            for d, names in _decls(mod):
                for nm in names:
                    decl_of[nm] = (d, names)
            for m in mod.members:
                if kind_name(m) != "ContinuousAssign" or len(m.assignments) != 1:
                    continue
                asg = m.assignments[0]
                if kind_name(asg.left) != "IdentifierName":
                    continue
                name = asg.left.identifier.valueText
                if name in ports or name not in decl_of:
                    continue
                d, names = decl_of[name]
                if kind_name(d) != "NetDeclaration":
                    continue
                uses = _count(mtext, name)
                if uses != 2:  # the declaration and this assignment only
                    continue
                s, e = an.span(m)
                edits = [_remove_span(an.text, s, e)]
                if len(names) == 1:
                    ds, de = an.span(d)
                    edits.append(_remove_span(an.text, ds, de))
                out.append(self._m(an, s, e, f"wire '{name}' is never read", edits))
        return out


class UnusedRegisterElimination(Template):
    """Registers (procedurally assigned variables) that nothing reads: remove their assignments."""

    id = rule = "unused_register_elimination"
    description = "remove variables that are assigned in always blocks but never read and are not ports"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        assigns: dict[str, list] = {}
        for st, s, e in an.statements:
            if type(st).__name__ != "ExpressionStatement":
                continue
            a = single_assignment(st)
            if a is None:
                continue
            lhs = strip(a.left)
            if type(lhs).__name__ != "NamedValueExpression":
                continue
            assigns.setdefault(lhs.symbol.name, []).append((st, s, e))
        for ms, me, mod in _module_spans(an):
            mtext = an.text[ms:me]
            ports = _ports(mod)
            for d, names in _decls(mod):
                if kind_name(d) != "DataDeclaration":
                    continue
                for name in names:
                    if name in ports:
                        continue
                    sts = [x for x in assigns.get(name, []) if ms <= x[1] < me]
                    if not sts or _count(mtext, name) != 1 + len(sts):
                        continue
                    edits = []
                    for st, s, e in sts:
                        parent = st.syntax.parent
                        if parent is not None and kind_name(parent) in ("SequentialBlockStatement",):
                            edits.append(_remove_span(an.text, s, e))
                        else:
                            edits.append(Edit(s, e, ";"))
                    if len(names) == 1:
                        ds, de = an.span(d)
                        edits.append(_remove_span(an.text, ds, de))
                    s0 = min(ed.start for ed in edits)
                    out.append(self._m(an, s0, s0, f"register '{name}' is never read", edits))
        return out



class RedundantRegisterRemoval(Template):
    """Two registers loaded with the same values in the same places (same clock, same reset) are one."""

    id = rule = "redundant_register_removal"
    description = ("merge registers with identical next-state logic (same always block, same reset value, same "
                   "data, same width and sign): reads of the duplicate use the first")

    def find(self, an: Analysis) -> list[Match]:
        from rtlopt.templates._sem import norm

        sig: dict[str, list] = {}
        lhs_spans: set[tuple[int, int]] = set()
        blocking: set[str] = set()  # variables written by blocking assignments: their value depends on order
        for st, _s, _e in an.statements:
            a = single_assignment(st) if type(st).__name__ == "ExpressionStatement" else None
            if a is not None and not a.isNonBlocking:
                blocking |= names_in(a.left)
        for st, s, e in an.statements:
            if type(st).__name__ != "ExpressionStatement":
                continue
            a = single_assignment(st)
            if a is None:
                continue
            lhs = strip(a.left)
            li = an.info(lhs)
            if li is not None:
                lhs_spans.add((li.start, li.end))
            if type(lhs).__name__ != "NamedValueExpression" or not a.isNonBlocking:
                continue
            ri = an.info(a.right)
            parent = st.syntax.parent
            if ri is None or parent is None or not is_pure(a.right) or names_in(a.right) & blocking:
                continue
            ps, pe = an.span(parent)
            sym = lhs.symbol
            sig.setdefault(sym.name, []).append(((ps, pe), norm(ri.text), (st, s, e), sym))
        out = []
        for ms, me, mod in _module_spans(an):
            ports = _ports(mod)
            decls = {}
            for d, names in _decls(mod):
                if kind_name(d) == "DataDeclaration":
                    for nm in names:
                        decls[nm] = (d, names)
            regs = {}
            for name, items in sig.items():
                if name in ports or name not in decls or not all(ms <= it[2][1] < me for it in items):
                    continue
                t = items[0][3].getType() if hasattr(items[0][3], "getType") else items[0][3].type
                key = (tuple(sorted((blk, rhs) for blk, rhs, _x, _s in items)), int(t.bitWidth), bool(t.isSigned))
                if any(name in rhs for _b, rhs, _x, _s in items):
                    continue  # feeds itself: merging would need the other name in its own logic
                regs.setdefault(key, []).append(name)
            for _key, names in regs.items():
                if len(names) < 2:
                    continue
                keep, drops = names[0], names[1:]
                if _count(an.text[ms:me], keep) < 1:
                    continue
                edits = []
                for dname in drops:
                    for _b, _r, (_st, s, e), _sym in sig[dname]:
                        edits.append(_remove_span(an.text, s, e))
                    for x in an.exprs:
                        n = x.node
                        if type(n).__name__ == "NamedValueExpression" and n.symbol.name == dname \
                                and ms <= x.start < me and (x.start, x.end) not in lhs_spans:
                            edits.append(Edit(x.start, x.end, keep))
                    d, dnames = decls[dname]
                    if len(dnames) == 1:
                        ds, de = an.span(d)
                        edits.append(_remove_span(an.text, ds, de))
                s0 = min(ed.start for ed in edits)
                out.append(self._m(an, s0, s0, f"registers {', '.join(drops)} duplicate '{keep}'", edits))
        return out


_MERGE_OPS = {"Add": "+", "BinaryXor": "^", "BinaryAnd": "&", "BinaryOr": "|"}


class RegisterRetiming(Template):
    """Two registers that only feed one associative chain become one register holding their combination.

    ``ra <= a; rb <= b; ... s <= ra + rb + rc;`` → ``ra <= a + b; ... s <= ra + rc;`` (backward
    retiming of the first adder across the registers: one register and no extra logic fewer).
    """

    id = rule = "register_retiming"
    description = ("move an operator of an add/xor/and/or chain backwards across the two registers that "
                   "feed it, so one register holds the combined value")

    def find(self, an: Analysis) -> list[Match]:
        loads: dict[str, tuple] = {}  # register → (statement span, rhs text, block span)
        counts: dict[str, int] = {}
        for st, s, e in an.statements:
            if type(st).__name__ != "ExpressionStatement":
                continue
            a = single_assignment(st)
            if a is None:
                continue
            lhs = strip(a.left)
            if type(lhs).__name__ != "NamedValueExpression":
                continue
            name = lhs.symbol.name
            counts[name] = counts.get(name, 0) + 1
            parent = st.syntax.parent
            rhs = strip(a.right)
            ri = an.info(rhs)
            if not a.isNonBlocking or parent is None or kind_name(parent) != "SequentialBlockStatement" \
                    or ri is None or type(rhs).__name__ not in ("NamedValueExpression", "ElementSelectExpression",
                                                                 "RangeSelectExpression"):
                continue
            t = lhs.type
            loads[name] = (s, e, ri.text.strip(), an.span(parent), int(t.bitWidth), bool(t.isSigned),
                           an.info(lhs))
        out = []
        for ms, me, mod in _module_spans(an):
            ports = _ports(mod)
            mtext = an.text[ms:me]
            for x in an.exprs:
                n = x.node
                if not (ms <= x.start < me) or type(n).__name__ != "BinaryExpression":
                    continue
                op = op_name(n)
                if op not in _MERGE_OPS or not _is_chain_top(an, x, op) or x.signed:
                    continue
                terms = _flatten(n, op, [])
                regs = []
                for t in terms:
                    if type(t).__name__ != "NamedValueExpression":
                        continue
                    nm = t.symbol.name
                    ld = loads.get(nm)
                    if ld is None or nm in ports or counts.get(nm) != 1 or ld[5] or ld[4] < x.width:
                        continue
                    if _count(mtext, nm) != 3:  # declaration, load, this one use
                        continue
                    regs.append((t, nm, ld))
                if len(regs) < 2:
                    continue
                (_t1, n1, l1), (_t2, n2, l2) = regs[0], regs[1]
                if l1[3] != l2[3] or l1[4] != l2[4]:
                    continue  # different blocks or widths
                sym = _MERGE_OPS[op]
                rest = [an.info(t) for t in terms if not (type(t).__name__ == "NamedValueExpression"
                                                         and t.symbol.name == n2)]
                if any(r is None for r in rest):
                    continue
                new_chain = f" {sym} ".join(paren(r.text) for r in rest)
                edits = [Edit(l1[0], l1[1], f"{n1} <= {paren(l1[2])} {sym} {paren(l2[2])};"),
                         _remove_span(an.text, l2[0], l2[1]),
                         Edit(x.start, x.end, wrap(x, new_chain))]
                out.append(self._m(an, x.start, x.end, f"registers {n1}, {n2} feed one '{sym}': retimed into {n1}",
                                   edits))
        return out
