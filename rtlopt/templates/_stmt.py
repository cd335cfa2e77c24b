"""Statement-level templates: if-chains and ternary chains to case, dead code, unused registers."""

from __future__ import annotations

import collections
import functools
import re

from pyslang import ast, syntax

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.templates._arith import _flatten, _is_chain_top, single_assignment
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import kind_name, wrap
from rtlopt.templates._sem import (
    Analysis,
    analyze,
    is_pure,
    literal,
    literal_only,
    names_in,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def _assignments(an: Analysis):
    """``(statement, start, end, assignment)`` for every expression statement that is one plain assignment."""
    for st, s, e in an.statements:
        if type(st).__name__ == "ExpressionStatement":
            a = single_assignment(st)
            if a is not None:
                yield st, s, e, a


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
        for _st, s, e, a in _assignments(an):
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


_IDENT = re.compile(r"[A-Za-z_][\w$]*")
_TOKEN = re.compile(r"(?<![\w$.])[A-Za-z_][\w$]*")


@functools.lru_cache(maxsize=16)
def _token_counts(text: str) -> collections.Counter:
    """How often each identifier occurs in ``text`` outside comments, not after a '.' (as _count)."""
    return collections.Counter(_TOKEN.findall(_COMMENT.sub("", text)))


def _count(text: str, name: str) -> int:
    if _IDENT.fullmatch(name):  # one pass over the text for all names (picorv32: 2.7k calls on 100 kB)
        return _token_counts(text)[name]
    return len(re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", _COMMENT.sub("", text)))


def _remove_span(text: str, s: int, e: int) -> Edit:
    """Remove ``text[s:e]``; take the whole line if nothing else is on it."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    rest = text[e:le].strip()
    if not text[ls:s].strip() and (not rest or (rest.startswith("//") and "/*" not in rest)):
        return Edit(ls, min(le + 1, len(text)), "")  # the line, with the comment that described it
    return Edit(s, e, "")


def _unread_wires(an: Analysis) -> list[tuple[str, list[Edit], int]]:
    """Internal nets nothing reads: ``(name, edits removing them, position)`` for ``wire w = e;`` and for
    ``wire w; assign w = e;`` (single-name declarations; ports and variables are left alone)."""
    out = []
    for ms, me, mod in _module_spans(an):
        mtext = an.text[ms:me]
        ports = _ports(mod)
        decl_of = {}
        for d, names in _decls(mod):
            for nm in names:
                decl_of[nm] = (d, names)
        for d, names in _decls(mod):
            if kind_name(d) != "NetDeclaration" or len(names) != 1 or names[0] in ports:
                continue
            dcl = d.declarators[0]
            if getattr(dcl, "initializer", None) is None or _count(mtext, names[0]) != 1:
                continue
            ds, de = an.span(d)
            out.append((names[0], [_remove_span(an.text, ds, de)], ds))
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
            if _count(mtext, name) != 2:  # the declaration and this assignment only
                continue
            s, e = an.span(m)
            edits = [_remove_span(an.text, s, e)]
            if len(names) == 1:
                ds, de = an.span(d)
                edits.append(_remove_span(an.text, ds, de))
            out.append((name, edits, s))
    return out


def tidy_unread(original: str, text: str, name: str = "design.v", rounds: int = 8) -> str:
    """``text`` without the internal wires that rewrites left unread: wires read in ``original`` and
    read nowhere in ``text`` (repeated: removing one can leave the wires it read unread). Wires the
    designer left unread are kept; so is everything else, byte for byte."""
    from rtlopt.hdl.edit import apply_edits
    from rtlopt.templates._sem import analyze

    for _ in range(rounds):
        an = analyze(text, name)
        if an.syntax_errors:
            break
        edits: list[Edit] = []
        for nm, eds, _pos in _unread_wires(an):
            if _count(original, nm) > _count(text, nm):  # read in the original: a rewrite's leftover
                edits += eds
        if not edits:
            break
        edits = sorted(set(edits), key=lambda ed: (ed.start, ed.end))
        if any(a.end > b.start for a, b in zip(edits, edits[1:], strict=False)):
            break
        text = apply_edits(text, edits)
    return text


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
        for name, edits, _s in _unread_wires(an):
            out.append(self._m(an, edits[0].start, edits[0].end, f"wire '{name}' is never read", edits))
        return out


class UnusedRegisterElimination(Template):
    """Registers (procedurally assigned variables) that nothing reads: remove their assignments."""

    id = rule = "unused_register_elimination"
    description = "remove variables that are assigned in always blocks but never read and are not ports"

    def find(self, an: Analysis) -> list[Match]:
        out = []
        assigns: dict[str, list] = {}
        for st, s, e, a in _assignments(an):
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
        for _st, _s, _e, a in _assignments(an):
            if not a.isNonBlocking:
                blocking |= names_in(a.left)
        for st, s, e, a in _assignments(an):
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
                if an.prefilter is not None and not an.prefilter(self.id, [keep, *drops]):
                    continue  # the caller (rtlopt check) would drop it anyway: no Yosys run for it
                if not _seq_confirms(an.text, mod, keep, drops):
                    continue  # same spelling is not the same register: only a proven duplicate is proposed
                s0 = min(ed.start for ed in edits)
                out.append(self._m(an, s0, s0, f"registers {', '.join(drops)} duplicate '{keep}'", edits))
        return out


def _seq_confirms(text: str, mod, keep: str, drops: list[str]) -> bool:
    """True when the semantic finder (simulation from reset + induction, rtlopt.semantic.seqred)
    proves every bit of each of ``drops`` equal to the same bit of ``keep``; False when it does not
    or cannot run (no Yosys, outside its model)."""
    try:
        from pathlib import Path

        from rtlopt.semantic.seqred import analyze_texts

        top = mod.header.name.valueText
        # only these registers in the candidate classes (seqsim.find_classes focus): a large module's
        # whole-design classes (picorv32: 1355 flops) ran out of the 20 s without an answer
        key = (text, top, keep, tuple(drops))
        res = _SEQ_CACHE.get(key)
        if res is None:
            res = analyze_texts({Path("design.v"): text}, top, timeout_s=20.0, focus=[keep, *drops])
            if len(_SEQ_CACHE) > 64:
                _SEQ_CACHE.clear()
            _SEQ_CACHE[key] = res
    except Exception:  # noqa: BLE001 - no confirmation, no proposal
        return False
    pairs = {(f.name, f.bit, f.keep_name, f.keep_bit, f.inverse) for f in res.facts}
    for d in drops:
        bits = res.net.name_bits.get(d, []) if res.net is not None else []
        if not bits:
            return False
        for i in range(len(bits)):
            if (d, i, keep, i, False) not in pairs and (keep, i, d, i, False) not in pairs:
                return False
    return True


_SEQ_CACHE: dict = {}


_MERGE_OPS = {"Add": "+", "BinaryXor": "^", "BinaryAnd": "&", "BinaryOr": "|"}


class RegisterRetiming(Template):
    """Backward retiming of registers across the logic they feed.

    Two kinds of match:

    * pairwise: two registers that only feed one associative chain become one register holding
      their combination, ``ra <= a; rb <= b; ... s <= ra + rb + rc;`` → ``ra <= a + b; ...
      s <= ra + rc;`` (one register and no extra logic fewer);
    * full (:meth:`_collapse`): all the registers read by ``s <= f(r1..rn)`` move in front of ``f``,
      ``s_pre <= f(e1..en); s <= s_pre;`` with one register of the width of ``s``.

    Designs whose only errors are undeclared identifiers (implicit 1-bit nets, which Yosys
    accepts) are analysed with those names declared (:func:`_implicit_net_view`); edits never touch
    the declarations added for the analysis, and a rewrite may remove such errors but not add any.
    """

    id = rule = "register_retiming"
    description = ("move logic backwards across the registers that feed it: an operator of an add/xor/and/or "
                   "chain across two registers, or a whole expression across all of its input registers")

    def find(self, an: Analysis) -> list[Match]:
        view, inserted = _implicit_net_view(an)
        raw = self._pairwise(view) + self._collapse(view, inserted)
        out = []
        for start, end, what, edits in raw:
            mapped = _map_back(inserted, start, end, edits)
            if mapped is not None:
                out.append(self._m(an, *mapped[:2], what, mapped[2]))
        return out

    def _collapse(self, an: Analysis, inserted: list[tuple[int, int]] | None = None,
                  ) -> list[tuple[int, int, str, list[Edit]]]:
        """Full backward retiming: every register read by ``s <= f(r1..rn)`` moves in front of ``f``.

        Preconditions (checked): each ``rk`` is a module variable without initial value, assigned
        once by ``rk <= ek;`` with pure ``ek`` in the same cycles as ``s <= f(...)`` (same edge events
        and enclosing ``if`` conditions, :func:`_rt_context`: the same ``begin``/``end`` or separate
        ``always`` blocks alike), reset (if at all) to a constant in a sibling branch like all the
        others, and read nowhere but in ``f``; ``f`` reads nothing but these registers and
        literals. Then ``R <= f(e1..en); s <= R;`` computes the same ``s`` once the registers have
        been written (before that the original ``s`` depends on uninitialized registers). ``R`` has
        the width of ``s``. Substituting ``ek`` for ``rk`` is exact when ``ek`` has the type of
        ``rk`` (same width and signedness), or when ``f`` and ``ek`` are built only from operators
        whose low result bits depend only on low operand bits (``+ - * & | ^ ~``), everything is
        unsigned and ``s`` is no wider than ``rk``. Only proposed when ``R`` is no wider than the
        widest register it replaces (so the flip-flop count always drops; a carry-keeping
        ``s[8:0] <= ra + rb`` of two 8-bit registers is left alone).
        """
        blocking: set[str] = set()
        writes: dict[str, list] = {}
        for st, s, e, a in _assignments(an):
            if not a.isNonBlocking:
                blocking |= names_in(a.left)
            lhs = strip(a.left)
            if type(lhs).__name__ == "NamedValueExpression":
                writes.setdefault(lhs.symbol.name, []).append((st, s, e, a))
        used = set(re.findall(r"[A-Za-z_][\w$]*", an.text))
        out = []
        for ms, me, mod in _module_spans(an):
            ports = _ports(mod)
            mtext = an.text[ms:me]
            decls = _rt_decls(mod)
            for st, s, e, a in _assignments(an):
                if not (ms <= s < me):
                    continue
                ctx = _rt_context(an, st, blocking) if a.isNonBlocking else None
                if ctx is None:
                    continue
                rhs = strip(a.right)
                ri = an.info(rhs)
                width = self_width(a.left)
                lnames = names_in(a.left)
                regs = names_in(rhs)
                if ri is None or width is None or not regs or regs & lnames or not is_pure(rhs) \
                        or _rt_selects_of(rhs, regs):
                    continue
                loads = {}
                for nm in sorted(regs):
                    ld = _rt_load(an, nm, writes, ports, decls, ctx, blocking, regs, mtext, ri)
                    if ld is None:
                        break
                    loads[nm] = ld
                if len(loads) != len(regs):
                    continue
                inits = [ld["init"] for ld in loads.values() if ld["init"] is not None]
                if inits and (len(inits) != len(loads) or len({i["ctx"] for i in inits}) != 1):
                    continue  # reset together (under the same conditions, never with a load), or not at all
                if width > max(ld["width"] for ld in loads.values()):
                    continue  # no wider than the widest register: always fewer flip-flops
                lowbit = not ri.signed and _rt_lowbit(rhs, opaque=False)
                if not all(ld["exact"] or (lowbit and ld["lowbit"] and width <= ld["width"])
                           for ld in loads.values()):
                    continue
                base = _rt_base_name(a.left) or "retimed"
                rname = f"{base}_pre"
                k = 1
                while rname in used:
                    k += 1
                    rname = f"{base}_pre{k}"
                sub = [Edit(o.start - ri.start, o.end - ri.start, paren(loads[o.node.symbol.name]["rhs"]))
                       for o in an.exprs if ri.start <= o.start < ri.end
                       and type(o.node).__name__ == "NamedValueExpression" and o.node.symbol.name in regs]
                try:
                    ftext = apply_edits(ri.text, sub)
                except ValueError:
                    continue
                first = min(loads.values(), key=lambda ld: ld["span"][0])
                edits = [Edit(ri.start, ri.end, rname),
                         Edit(*first["span"], f"{rname} <= {ftext};")]
                gone = [ld["span"] for ld in loads.values() if ld is not first]
                gone += [ld["init"]["span"] for ld in loads.values() if ld is not first and ld["init"]]
                removed = _rt_removals(an, gone)
                if removed is None:
                    continue
                edits += removed
                if inits:  # the reset value of R is f of the registers' reset values
                    isub = [Edit(o.start - ri.start, o.end - ri.start, loads[o.node.symbol.name]["init"]["literal"])
                            for o in an.exprs if ri.start <= o.start < ri.end
                            and type(o.node).__name__ == "NamedValueExpression" and o.node.symbol.name in regs]
                    ival = _rt_fold(apply_edits(ri.text, isub), width)
                    edits.append(Edit(*first["init"]["span"], f"{rname} <= {ival};"))  # next to R's load
                rng = "" if width == 1 else f"[{width - 1}:0] "
                decl_text = f"reg {rng}{rname};"
                decl_edits, replaced = _rt_decl_edits(an, decls, set(regs), decl_text, inserted or [])
                if not replaced:
                    blk = _rt_always(st.syntax)
                    ls = an.text.rfind("\n", 0, an.span(blk)[0]) + 1
                    decl_edits.append(Edit(ls, ls, f"{_indent_of(an.text, an.span(blk)[0])}{decl_text}\n"))
                edits += decl_edits
                names = ", ".join(sorted(regs))
                out.append((s, e, f"registers {names} feed only '{base} <= ...': retimed into the "
                                  f"{width}-bit register {rname}", edits))
        return out

    def _pairwise(self, an: Analysis) -> list[tuple[int, int, str, list[Edit]]]:
        loads: dict[str, tuple] = {}  # register → (statement span, rhs text, context (when it is written), ...)
        counts: dict[str, int] = {}
        blocking: set[str] = set()
        for _st, _s, _e, a in _assignments(an):
            if not a.isNonBlocking:
                blocking |= names_in(a.left)
        for st, s, e, a in _assignments(an):
            lhs = strip(a.left)
            if type(lhs).__name__ != "NamedValueExpression":
                continue
            name = lhs.symbol.name
            counts[name] = counts.get(name, 0) + 1
            rhs = strip(a.right)
            ri = an.info(rhs)
            ctx = _rt_context(an, st, blocking) if a.isNonBlocking else None
            if ctx is None or ri is None or type(rhs).__name__ not in ("NamedValueExpression", "ElementSelectExpression",
                                                                        "RangeSelectExpression"):
                continue
            t = lhs.type
            loads[name] = (s, e, ri.text.strip(), ctx, int(t.bitWidth), bool(t.isSigned),
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
                    continue  # written in different cycles (clock, reset, enable) or different widths
                sym = _MERGE_OPS[op]
                rest = [an.info(t) for t in terms if not (type(t).__name__ == "NamedValueExpression"
                                                         and t.symbol.name == n2)]
                removed = _rt_removals(an, [(l2[0], l2[1])])
                if any(r is None for r in rest) or removed is None:
                    continue
                new_chain = f" {sym} ".join(paren(r.text) for r in rest)
                edits = [Edit(l1[0], l1[1], f"{n1} <= {paren(l1[2])} {sym} {paren(l2[2])};"),
                         *removed,
                         Edit(x.start, x.end, wrap(x, new_chain))]
                out.append((x.start, x.end, f"registers {n1}, {n2} feed one '{sym}': retimed into {n1}", edits))
        return out


_LOWBIT_BIN = {"Add", "Subtract", "Multiply", "BinaryAnd", "BinaryOr", "BinaryXor", "BinaryXnor"}
_SELECTS = ("ElementSelectExpression", "RangeSelectExpression")
_ATOMS = ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression", "IntegerLiteral")
_IMPLICIT_CODES = ("UndeclaredIdentifier", "TypoIdentifier")


def _rt_lowbit(node, opaque: bool) -> bool:
    """True if the low k bits of ``node`` depend only on the low k bits of its leaves (for every k).

    With ``opaque``, self-determined operands (selects, concatenations) count as leaves.
    """
    node = strip(node)
    k = type(node).__name__
    if k in ("NamedValueExpression", "IntegerLiteral", "UnbasedUnsizedIntegerLiteral"):
        return True
    if opaque and k in (*_SELECTS, "ConcatenationExpression", "ReplicationExpression"):
        return True
    if k == "BinaryExpression":
        return op_name(node) in _LOWBIT_BIN and _rt_lowbit(node.left, opaque) and _rt_lowbit(node.right, opaque)
    if k == "UnaryExpression":
        return op_name(node) in ("BitwiseNot", "Plus", "Minus") and _rt_lowbit(node.operand, opaque)
    return False


def _rt_selects_of(node, regs: set[str]) -> bool:
    """True if ``node`` selects bits of one of ``regs`` (``r[i]`` cannot take an expression in its place)."""
    node = strip(node)
    k = type(node).__name__
    if k in _SELECTS and names_in(node.value) & regs:
        return True
    for attr in ("left", "right", "operand", "value", "selector", "count", "concat"):
        child = getattr(node, attr, None)
        if child is not None and type(child).__name__.endswith("Expression") and _rt_selects_of(child, regs):
            return True
    for child in getattr(node, "operands", None) or ():
        if _rt_selects_of(child, regs):
            return True
    if k == "ConditionalExpression":
        return any(_rt_selects_of(c.expr, regs) for c in node.conditions)
    return False


def _rt_decls(mod) -> dict[str, tuple[object, object]]:
    """Variable name → (declaration, declarator) for the module's data declarations."""
    out = {}
    for m in mod.members:
        if kind_name(m) == "DataDeclaration":
            for d in m.declarators:
                if hasattr(d, "name"):
                    out[d.name.valueText] = (m, d)
    return out


def _rt_always(syn):
    """The ``always`` block around a syntax node, or None (also None inside a loop)."""
    p = syn
    while p is not None:
        k = kind_name(p)
        if k in ("AlwaysBlock", "AlwaysFFBlock"):
            return p
        if "Loop" in k or k in ("ForeverStatement", "RepeatStatement", "WhileStatement", "DoWhileStatement"):
            return None
        p = p.parent
    return None


def _rt_context(an: Analysis, stmt, blocking: set[str]) -> tuple | None:
    """When a nonblocking assignment happens: ``(events, ((condition, branch), ...))``, or None.

    ``events`` are the edge events of its ``always`` block (whitespace-free, in sorted order) and the
    conditions the ``if``/``else`` branches it lies in (outer first; ``begin``/``end`` is transparent).
    Two statements with the same context are written in the same cycles, whether they share one
    ``begin``/``end`` or sit in separate ``always`` blocks with the same clock, reset and enable. None
    for statements under ``case``, loops, non-edge blocks, generate blocks, or conditions that read a
    blocking-assigned variable (their value would depend on the block's statement order).
    """
    node = getattr(stmt, "syntax", stmt)
    conds: list[tuple[str, bool]] = []
    p = node.parent
    while p is not None:
        k = kind_name(p)
        if k == "ConditionalStatement":
            pred = str(p.predicate)
            if set(re.findall(r"[A-Za-z_][\w$]*", _COMMENT.sub(" ", pred))) & blocking:
                return None
            conds.append((re.sub(r"\s+", "", _COMMENT.sub(" ", pred)), kind_name(node) != "ElseClause"))
        elif k == "TimingControlStatement":
            blk = p.parent
            if blk is None or kind_name(blk) not in ("AlwaysBlock", "AlwaysFFBlock") \
                    or blk.parent is None or kind_name(blk.parent) != "ModuleDeclaration":
                return None
            ev = _COMMENT.sub(" ", str(p.timingControl))
            terms = [re.sub(r"\s+", " ", t).strip() for t in re.split(r"\bor\b|,", ev.strip().lstrip("@")
                                                                    .strip().strip("()"))]
            if not terms or not all(re.match(r"(?:pos|neg)edge\b", t) for t in terms):
                return None
            return tuple(sorted(terms)), tuple(reversed(conds))
        elif k not in ("SequentialBlockStatement", "ElseClause"):
            return None
        node, p = p, p.parent
    return None


def _rt_sibling(ctx: tuple, other: tuple | None) -> bool:
    """True if ``other`` is the other branch of one of the ``if`` statements around ``ctx`` (same
    events; ``if (rst) r <= 0; else if (en) r <= e;``: the reset write is never in a load's cycle)."""
    if other is None or other[0] != ctx[0] or not other[1] or len(other[1]) > len(ctx[1]):
        return False
    k = len(other[1]) - 1
    return other[1][:k] == ctx[1][:k] and other[1][k] == (ctx[1][k][0], not ctx[1][k][1])


def _rt_removals(an: Analysis, spans: list[tuple[int, int]]) -> list[Edit] | None:
    """Edits deleting the statements at ``spans``; an ``always`` block left with no other statement
    goes whole (a lone ``always @(posedge clk) r <= e;`` cannot lose just its statement). None when a
    statement that is not inside ``begin``/``end`` would leave other statements behind."""
    leaf_kinds = ("ConditionalStatement", "BlockStatement", "TimedStatement", "EmptyStatement", "List")
    by_block: dict[tuple[int, int], list] = {}
    loose = []
    for s, e in spans:
        hit = next((st for st, ss, ee in an.statements if (ss, ee) == (s, e)), None)
        blk = _rt_always(hit.syntax) if hit is not None and hit.syntax is not None else None
        if blk is None:
            return None
        by_block.setdefault(an.span(blk), []).append((s, e, hit))
    edits: list[Edit] = []
    for (bs, be), items in by_block.items():
        mine = {(s, e) for s, e, _ in items}
        others = [(ss, ee) for st, ss, ee in an.statements if bs <= ss and ee <= be and (ss, ee) not in mine
                  and type(st).__name__ not in leaf_kinds and not type(st).__name__.endswith("List")]
        if not others:
            edits.append(_remove_span(an.text, bs, be))
            continue
        for s, e, hit in items:
            if hit.syntax.parent is None or kind_name(hit.syntax.parent) != "SequentialBlockStatement":
                return None
            loose.append(_remove_span(an.text, s, e))
    return edits + loose


def _rt_base_name(lhs) -> str | None:
    node = strip(lhs)
    while type(node).__name__ in _SELECTS:
        node = strip(node.value)
    return node.symbol.name if type(node).__name__ == "NamedValueExpression" else None


def _rt_load(an: Analysis, nm: str, writes: dict, ports: set[str], decls: dict, ctx: tuple,
             blocking: set[str], regs: set[str], mtext: str, fi) -> dict | None:
    """The ``nm <= e;`` load of a retimable register (plus its reset write, if any), or None.

    A register is retimable when it is a module variable without initial value, written by
    ``nm <= e;`` under the context ``ctx`` (:func:`_rt_context`: the same clock events and enclosing
    conditions as the register it feeds, in the same or another ``always`` block) and at most once
    more with a literal constant in the other branch of the innermost condition, in the same
    ``always`` block (its reset value), and read only in ``f`` (``fi``).
    """
    ws = writes.get(nm, [])
    if nm in ports or nm not in decls or len(ws) not in (1, 2):
        return None
    _decl, dtor = decls[nm]
    if getattr(dtor, "initializer", None) is not None or len(dtor.dimensions):
        return None
    main = [w for w in ws if _rt_context(an, w[0], blocking) == ctx]
    if len(main) != 1 or not all(w[3].isNonBlocking for w in ws):
        return None
    st, s, e, a = main[0]
    rhs = strip(a.right)
    ri = an.info(rhs)
    t = strip(a.left).type
    if ri is None or not is_pure(rhs) or not t.isIntegral or not t.bitWidth:
        return None
    reads = names_in(rhs)
    if reads & blocking or reads & regs:
        return None
    occ = _count(fi.text, nm)
    if occ < 1 or _count(mtext, nm) != 1 + len(ws) + occ:  # declaration, writes, the reads in f
        return None
    width, signed = int(t.bitWidth), bool(t.isSigned)
    init = None
    if len(ws) == 2:
        ist, i_s, i_e, ia = next(w for w in ws if w is not main[0])
        value = an.const(ia.right) if literal_only(ia.right) else None
        ictx = _rt_context(an, ist, blocking)
        if value is None or not _rt_sibling(ctx, ictx) \
                or _rt_always(ist.syntax) is None or an.span(_rt_always(ist.syntax)) != an.span(_rt_always(st.syntax)):
            return None
        init = {"stmt": ist, "span": (i_s, i_e), "literal": literal(value, width, signed), "ctx": ictx}
    exact = type(rhs).__name__ in _ATOMS and self_width(rhs) == width and self_signed(rhs) is signed
    lowbit = not signed and self_signed(rhs) is False and _rt_lowbit(rhs, opaque=True)
    return {"span": (s, e), "rhs": ri.text.strip(), "width": width, "exact": exact, "lowbit": lowbit,
            "init": init}


def _rt_fold(text: str, width: int) -> str:
    """``text`` (a constant expression) folded to a ``width``-bit literal when slang can evaluate it."""
    try:
        tree = syntax.SyntaxTree.fromText(f"module __rt_fold; localparam [{width - 1}:0] P = {text}; endmodule")
        comp = ast.Compilation()
        comp.addSyntaxTree(tree)
        if any(d.isError() for d in comp.getAllDiagnostics()):
            return text
        sv = comp.getRoot().topInstances[0].body.lookupName("P").value.value
        if sv.hasUnknown:
            return text
        return literal(int(sv), width)
    except Exception:  # noqa: BLE001 - folding is cosmetic; the unfolded text is exact
        return text


def _rt_decl_edits(an: Analysis, decls: dict, drop: set[str], new_decl: str,
                   inserted: list[tuple[int, int]]) -> tuple[list[Edit], bool]:
    """Edits removing the declarations of ``drop``; the first fully removed one becomes ``new_decl``.

    Declarations inside ``inserted`` regions (implicit nets declared only for the analysis) are
    not in the user's text and are left alone.

    Returns the edits and whether ``new_decl`` was placed.
    """
    by_decl: dict[int, tuple[object, list]] = {}
    for nm in drop:
        if nm in decls:
            d, dtor = decls[nm]
            by_decl.setdefault(id(d), (d, []))[1].append(dtor)
    edits: list[Edit] = []
    placed = False
    for d, _dtors in sorted(by_decl.values(), key=lambda x: an.span(x[0])[0]):
        ds, de = an.span(d)
        if any(ds < p + n and p < de for p, n in inserted):
            continue
        all_d = [x for x in d.declarators if hasattr(x, "name")]
        keep = [x for x in all_d if x.name.valueText not in drop]
        if not keep:
            if placed:
                edits.append(_remove_span(an.text, ds, de))
            else:
                edits.append(Edit(ds, de, new_decl))
                placed = True
        else:
            s0, e0 = an.span(all_d[0])[0], an.span(all_d[-1])[1]
            edits.append(Edit(s0, e0, ", ".join(an.text[slice(*an.span(x))].strip() for x in keep)))
    return edits, placed


def _implicit_net_view(an: Analysis) -> tuple[Analysis, list[tuple[int, int]]]:
    """An analysis in which undeclared identifiers (Verilog implicit nets) are declared.

    Yosys (like Verilog-2005 with the default ``default_nettype wire``) accepts undeclared
    identifiers as 1-bit implicit nets, even when they are assigned in always blocks; slang reports
    each use as an error and drops the procedural block. If every error of ``an`` is such an
    identifier, the same text with ``logic n1, n2;`` inserted after each affected module header is
    analysed instead (when that elaborates cleanly; ``reg``, then ``wire``, in a file read as
    Verilog-2005, where ``logic`` is no keyword). Returns the view and the inserted regions
    ``(offset in the view, length)``; ``(an, [])`` when no repair applies.
    """
    if an.errors == 0 or an.syntax_errors or re.search(r"`default_nettype\s+none", an.text):
        return an, []
    names: dict[int, set[str]] = {}
    mods = _module_spans(an)
    for d in an.comp.getAllDiagnostics():
        if not d.isError():
            continue
        if not any(c in str(d.code) for c in _IMPLICIT_CODES) or not d.args:
            return an, []
        nm = str(d.args[0])
        off = an.off(d.location.offset)
        if an.text[off:off + len(nm)] != nm:
            return an, []
        owner = [m for m in mods if m[0] <= off < m[1]]
        if len(owner) != 1:
            return an, []
        names.setdefault(owner[0][0], set()).add(nm)
    # ``logic`` takes both procedural and continuous assignments, but is no keyword in a file read as
    # Verilog-2005 (a .v file): there ``reg`` (procedural) or ``wire`` (continuous) declares the net
    for kind in ("logic", "reg", "wire"):
        inserts = []
        for ms, _me, mod in mods:
            if ms in names:
                inserts.append((an.span(mod.header)[1], f" {kind} {', '.join(sorted(names[ms]))};"))
        text = apply_edits(an.text, [Edit(p, p, t) for p, t in inserts])
        view = analyze(text)
        if not view.errors:
            break
    else:
        return an, []
    regions, shift = [], 0
    for p, t in sorted(inserts):
        regions.append((p + shift, len(t)))
        shift += len(t)
    return view, regions


def _map_back(regions: list[tuple[int, int]], start: int, end: int,
              edits: list[Edit]) -> tuple[int, int, list[Edit]] | None:
    """Offsets of the implicit-net view mapped back to the original text (None if an edit touches an insert)."""
    if not regions:
        return start, end, edits

    def conv(off: int) -> int | None:
        shift = 0
        for p, n in regions:
            if off <= p:
                break
            if off < p + n:
                return None
            shift += n
        return off - shift

    def spans_insert(s: int, e: int) -> bool:
        return any(s < p + n and p < e for p, n in regions)

    out = []
    for ed in edits:
        s, e = conv(ed.start), conv(ed.end)
        if s is None or e is None or spans_insert(ed.start, ed.end):
            return None
        out.append(Edit(s, e, ed.replacement))
    s, e = conv(start), conv(end)
    if s is None or e is None:
        return None
    return s, e, out
