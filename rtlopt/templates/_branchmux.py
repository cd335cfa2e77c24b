"""if/else arms that do the same thing to different operands: one copy of the work on multiplexed operands.

``if (c) <S[x1, x2, ...]> else <S[y1, y2, ...]>`` -- both arms the same statement, token for token, except
for some operand expressions read in the same places (``s_add`` in one arm, ``s_sub`` in the other) --
becomes ``<S[(c ? x1 : y1), ...]>``: the compares, saturation, rounding ... of the arms exist once, on a
multiplexed operand (identical multiplexers of several occurrences are merged by synthesis). A plain
``case`` of N >= 2 items that takes every selector value (a ``default``, or labels covering a narrow
selector), each item the same statement on its own operands, is read the same way: one copy of the first
item on ``((k) == (L0) ? x0 : (k) == (L1) ? x1 : ... : xn)`` operands. The
differing operands are the smallest differing expressions (an operand is moved out of a part-select, which
cannot select from a multiplexer, to the select as a whole); they must have the same width and sign in
both arms, be free of side effects, and never be assigned; the condition must not read anything the arms
assign. Measured like every rewrite (an adder of the operands may then be shared by the add/sub template).
"""

from __future__ import annotations

import re

from pyslang import syntax

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._sem import Analysis, is_pure, names_in, self_signed, self_width, strip

_SELECTS = ("ElementSelectExpressionSyntax", "BitSelectSyntax", "RangeSelectSyntax", "ElementSelectSyntax")
MAX_DIFFS = 8
#: Syntax between an operand and the value it is part of that computes nothing.
_WIRING = ("ParenthesizedExpressionSyntax", "ConcatenationExpressionSyntax", "MultipleConcatenationExpressionSyntax")
_OPERANDS = ("NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression", "IntegerLiteral",
             "UnbasedUnsizedIntegerLiteral", "ConcatenationExpression", "ReplicationExpression",
             "MemberAccessExpression")


def _children(node):
    return list(node)


class _Fail(Exception):
    pass


class BranchOperandMux(Template):
    """``if (c) S[x] else S[y]`` → ``S[(c ? x : y)]``."""

    id = rule = "branch_operand_mux"
    description = ("if/else arms identical up to the operands they read: one copy of the arm on "
                   "multiplexed operands")

    def find(self, an: Analysis) -> list[Match]:
        out = []
        for st, s, e in an.statements:
            if type(st).__name__ == "CaseStatement":
                m = self._case(an, st, s, e)
                if m is not None:
                    out.append(m)
                continue
            if type(st).__name__ != "ConditionalStatement" or st.ifFalse is None or len(st.conditions) != 1:
                continue
            if st.conditions[0].pattern is not None:
                continue
            syn = st.syntax
            up = syn.uniqueOrPriority
            if syn.elseClause is None or (up is not None and getattr(up, "valueText", "")):
                continue
            m = self._one(an, st, syn, s, e)
            if m is not None:
                out.append(m)
        return out

    def _case(self, an: Analysis, st, s: int, e: int) -> Match | None:
        """A plain ``case`` of N >= 2 items that together take every value of the selector (a ``default``,
        or labels covering all values of a selector of <= 8 bits), each item the same statement on its own
        operands: ``case (k) L0: S[x0]; L1: S[x1]; default: S[x2]; endcase`` -> ``S[((k) == (L0) ? x0 :
        (k) == (L1) ? x1 : x2)]`` (the items' order kept, so overlapping labels keep their priority).
        casez/casex, unique/priority (an unmatched value is a violation there, not a hold) and items with
        no statement are left alone."""
        if "Normal" not in str(st.condition) or "None" not in str(st.check) or len(st.items) + (
                st.defaultCase is not None) < 2:
            return None
        syn = st.syntax
        up = syn.uniqueOrPriority
        if up is not None and getattr(up, "valueText", ""):
            return None
        sel = st.expr
        si = an.info(sel)
        if si is None or not is_pure(sel) or not si.width:
            return None
        items = [x for x in syn.items if type(x).__name__ == "StandardCaseItemSyntax"]
        dflt = [x for x in syn.items if type(x).__name__ == "DefaultCaseItemSyntax"]
        labels = [list(it.expressions) for it in st.items]
        if len(items) != len(st.items) or any(not ls for ls in labels) or len(dflt) > 1:
            return None
        for ls in labels:
            for x in ls:
                if an.info(x) is None or not is_pure(x):
                    return None
        if not dflt:
            if si.width > 8:
                return None
            vals = [an.const(x) for ls in labels for x in ls]
            if any(v is None for v in vals) or set(vals) != set(range(1 << si.width)):
                return None  # some selector value matches no item: the case holds there
        stext = si.text.strip()
        arms = []
        ltexts = []
        for it, ls in zip(items, labels, strict=True):
            ctext = " || ".join(f"({stext}) == ({an.info(x).text.strip()})" for x in ls)
            arms.append((f"({ctext})", it.clause))
            ltexts.append(", ".join(an.info(x).text.strip() for x in ls))
        if dflt:
            arms.append((None, dflt[0].clause))
        else:
            arms[-1] = (None, arms[-1][1])  # the labels cover the selector: the last item is what is left
        if any(not isinstance(c, syntax.SyntaxNode) for _, c in arms):
            return None
        names = names_in(sel)
        for ls in labels:
            for x in ls:
                names |= names_in(x)
        what = "both items" if len(arms) == 2 else f"all {len(arms)} items"
        return self._arms(an, arms, names, s, e, f"{what} of the case do the same on different operands",
                          (stext, ltexts[:len(arms) - 1], syn))

    def _one(self, an: Analysis, st, syn, s: int, e: int) -> Match | None:
        a, b = syn.statement, syn.elseClause.clause
        if not isinstance(b, syntax.SyntaxNode) or type(b).__name__ == "ConditionalStatementSyntax":
            return None  # an else-if chain: not two copies of one arm
        cond = st.conditions[0].expr
        ci = an.info(cond)
        if ci is None or not is_pure(cond):
            return None
        return self._arms(an, [(ci.text.strip(), a), (None, b)], names_in(cond), s, e,
                          "both arms of the if/else do the same on different operands")

    def _arms(self, an: Analysis, arms: list, cond_names: set[str], s: int, e: int,
              desc: str, case=None) -> Match | None:
        """Statements ``arms`` = [(condition, statement), ..., (None, last statement)] -- each taken when
        its condition holds and no earlier one does -- identical up to operands: one copy of the first
        statement on ``(c0 ? x0 : c1 ? x1 : ... : xn)`` operands replacing the statement at [s, e)."""
        a = arms[0][1]
        # per later arm: differing operand of the first arm (by span) -> the later arm's operand there
        per_arm: list[dict] = []
        heads: dict[tuple[int, int], object] = {}
        for _, b in arms[1:]:
            diffs: list[tuple[object, object]] = []
            try:
                self._walk(an, a, b, diffs)
            except _Fail:
                return None
            per_arm.append({(xa.start, xa.end): xb for xa, xb in diffs})
            for xa, _ in diffs:
                heads.setdefault((xa.start, xa.end), xa)
        if not heads or len(heads) > MAX_DIFFS:
            return None
        spans = sorted(heads)
        for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
            if s2 < e1:
                return None  # arms differ at nested places of the first arm: no one operand per place
        if all(self._whole_rhs(x) for x in heads.values()):
            return None  # only whole right-hand sides differ: an if/else as a ternary, nothing shared
        # nothing the arms assign is read by the conditions or is a differing operand's name
        assigned: set[str] = set()
        bounds = [an.span(c) for _, c in arms]
        for x in an.exprs:
            if type(x.node).__name__ in ("AssignmentExpression",) and any(
                    sb <= x.start < eb for sb, eb in bounds):
                assigned |= names_in(x.node.left)
        if cond_names & assigned:
            return None
        sa, ea = bounds[0]
        edits = []
        opsets = []
        for sp in spans:
            xa = heads[sp]
            ops = [xa] + [d.get(sp, xa) for d in per_arm]
            if any(names_in(x.node) & assigned for x in ops):
                return None
            opsets.append((sp, ops))
        if case is not None and len(arms) >= 3:
            m = self._case_block(an, case, cond_names, opsets, s, e, sa, ea, desc)
            if m is not None:
                return m
        for sp, ops in opsets:
            xa = heads[sp]
            mux = ops[-1].text.strip()
            for (c, _), x in zip(reversed(arms[:-1]), reversed(ops[:-1]), strict=True):
                mux = f"{c} ? {x.text.strip()} : {mux}"
            edits.append(Edit(xa.start - sa, xa.end - sa, f"({mux})"))
        from rtlopt.hdl.edit import apply_edits

        body = apply_edits(an.text[sa:ea], edits)
        return self._m(an, s, e, desc, [Edit(s, e, body)])

    def _case_block(self, an: Analysis, case, cond_names: set[str], opsets: list, s: int, e: int, sa: int, ea: int,
                    desc: str) -> Match | None:
        """Three or more items: each differing operand selected by a case of its own in a small
        combinational block before the procedural block holding the case (a parallel multiplexer, where a
        chain of ternaries is a priority chain synthesis maps larger), the statement once on the selected
        values. None when the case is not directly in an always block of the module (a function, a task)
        or an operand reads something that block assigns (the new block would read it before)."""
        stext, ltexts, syn = case
        blk = syn.parent
        while blk is not None and type(blk).__name__ not in ("ProceduralBlockSyntax", "FunctionDeclarationSyntax",
                                                              "ModuleDeclarationSyntax"):
            blk = blk.parent
        if blk is None or type(blk).__name__ != "ProceduralBlockSyntax" or "Always" not in str(blk.kind):
            return None  # (initial/final: the operand block would not have run before it)
        mod = blk.parent
        while mod is not None and type(mod).__name__ != "ModuleDeclarationSyntax":
            mod = mod.parent
        if mod is None or re.search(r"\b(parameter|localparam)\b", str(mod)):
            return None  # widths may follow parameters: the declaration would pin one instance's
        bs, be = an.span(blk)
        written: set[str] = set()
        for x in an.exprs:
            if type(x.node).__name__ == "AssignmentExpression" and bs <= x.start < be:
                written |= names_in(x.node.left)
        if cond_names & written:
            return None  # the selector or a label is computed in the block: the new block would read it early
        ls = an.text.rfind("\n", 0, bs) + 1
        indent = an.text[ls:bs]
        if indent.strip():
            return None
        body_edits = []
        decls = []
        seen: dict[tuple, str] = {}
        for sp, ops in opsets:
            if any(names_in(x.node) & written for x in ops):
                return None
            key = tuple(x.text.strip() for x in ops)
            name = seen.get(key)
            if name is None:
                name = f"rtlopt_bm{s}_{len(seen)}"
                if name in an.text:
                    return None
                seen[key] = name
                n0 = strip(ops[0].node)
                w, sg = self_width(n0), self_signed(n0)
                if not w:
                    return None
                rng = f" [{w - 1}:0]" if w > 1 else ""
                items = " ".join(f"{lt}: {name} = {t};" for lt, t in zip(ltexts, key[:-1], strict=True))
                decls.append(f"reg{' signed' if sg else ''}{rng} {name};\n{indent}always @* case ({stext}) "
                             f"{items} default: {name} = {key[-1]}; endcase\n{indent}")
            body_edits.append(Edit(sp[0] - sa, sp[1] - sa, name))
        from rtlopt.hdl.edit import apply_edits

        body = apply_edits(an.text[sa:ea], body_edits)
        return self._m(an, s, e, desc + " (operands selected by a case before the block)",
                       [Edit(bs, bs, "".join(decls)), Edit(s, e, body)])

    def _walk(self, an: Analysis, a, b, diffs: list) -> None:
        ka, kb = type(a).__name__, type(b).__name__
        if not isinstance(a, syntax.SyntaxNode) or not isinstance(b, syntax.SyntaxNode):
            if isinstance(a, syntax.SyntaxNode) or isinstance(b, syntax.SyntaxNode):
                raise _Fail
            ta = getattr(a, "valueText", None)
            tb = getattr(b, "valueText", None)
            if ta != tb or getattr(a, "kind", None) != getattr(b, "kind", None):
                raise _Fail
            return
        if a.isEquivalentTo(b):
            return
        if ka == kb:
            ca, cb = _children(a), _children(b)
            if len(ca) == len(cb):
                sub: list = []
                try:
                    for x, y in zip(ca, cb, strict=True):
                        if x is None or y is None:
                            if (x is None) != (y is None):
                                raise _Fail
                            continue
                        self._walk(an, x, y, sub)
                    # an operand differing inside a select's value: the whole select differs instead
                    if not (ka in _SELECTS or ka.endswith("SelectExpressionSyntax")) or not sub:
                        diffs.extend(sub)
                        return
                    if all(not self._in_value(an, a, d[0]) for d in sub):
                        diffs.extend(sub)
                        return
                except _Fail:
                    pass
        # differing here: both must be expressions read as operands
        xa, xb = an.by_span.get(an.span(a)), an.by_span.get(an.span(b))
        if xa is None or xb is None or len(diffs) >= MAX_DIFFS:
            raise _Fail
        na, nb = strip(xa.node), strip(xb.node)
        if not (is_pure(na) and is_pure(nb)) or type(na).__name__ == "AssignmentExpression":
            raise _Fail
        if type(na).__name__ not in _OPERANDS or type(nb).__name__ not in _OPERANDS:
            raise _Fail  # arms that differ in an operation: nothing to share
        if (xa.width, xa.signed) != (xb.width, xb.signed):
            raise _Fail
        wa, wb = self_width(na), self_width(nb)
        if wa is None or wa != wb or self_signed(na) != self_signed(nb):
            raise _Fail
        p = a.parent
        if p is not None and type(p).__name__ in ("BinaryExpressionSyntax",) and str(p.kind).endswith(
                "AssignmentExpression") and p.left is a:
            raise _Fail  # an assigned target
        diffs.append((xa, xb))

    @staticmethod
    def _whole_rhs(x) -> bool:
        """The differing operand is the assigned value, or reaches it through wiring only (parentheses,
        concatenations, replications: ``{16'b0, mem[15:0]}`` vs ``{16'b0, mem[31:16]}``): nothing of the
        arms would be shared, the rewrite is the multiplexer synthesis already builds."""
        p = x.node.syntax.parent
        while p is not None and type(p).__name__ in _WIRING:
            p = p.parent
        return p is not None and str(p.kind).endswith("AssignmentExpression")

    @staticmethod
    def _in_value(an: Analysis, sel, d) -> bool:
        """Whether the differing expression ``d`` sits in the selected value (not the index) of ``sel``."""
        for attr in ("left", "expr"):
            v = getattr(sel, attr, None)
            if isinstance(v, syntax.SyntaxNode):
                s, e = an.span(v)
                return s <= d.start and d.end <= e
        return True
