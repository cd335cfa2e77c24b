"""Extracted e-graph terms back to Verilog, as byte-span edits of the changed right-hand sides.

Width discipline: ``emit(c, C)`` returns text whose value, in an unsigned context of exactly ``C``
bits (``C`` >= the class width ``W``), is the class value zero-extended to ``C``; its self-determined
width never exceeds ``C``. Operators whose upper bits would differ in a wider context (``+ - * ~``,
unary minus, ``<<``) get a width boundary (a new ``wire [W-1:0]``) when ``C > W``; self-determined
positions (comparison operands, concatenation items, shift amounts, ``$signed`` arguments) get
text of exactly their width. Every emitted expression is unsigned (signed leaves are wrapped in
``$unsigned``); sign extension, arithmetic shifts and signed comparisons read exact-width names
through ``$signed``. Shared subterms (used by two or more rewritten expressions) become wires too.
"""

from __future__ import annotations

from rtlopt.egraph.front import ModuleGraph, Root
from rtlopt.hdl.edit import Edit

_TRIVIAL = {"var", "const"}
_SYM = {"add": "+", "sub": "-", "mul": "*", "and": "&", "or": "|", "xor": "^", "udiv": "/", "umod": "%"}
_CMP = {"eq": "==", "ne": "!=", "ult": "<", "ule": "<="}
_FREE = {"var", "const", "zext", "sext", "trunc", "concat", "shl", "lshr", "ashr"}  # wiring, no logic
_WIDE_SENSITIVE = {"add", "sub", "mul", "not", "neg", "shl", "shlv", "sext", "trunc", "ashr", "ashrv", "udiv", "umod"}


def _lit(v: int, w: int) -> str:
    return f"{w}'d{v}" if v < 1 << 16 else f"{w}'h{v:x}"


class Emitter:
    def __init__(self, mg: ModuleGraph, choice: dict[int, tuple], prefix: str = "eg",
                 case_form: bool = False) -> None:
        self.mg = mg
        #: a chain of muxes whose selects test one selector word against distinct constants is written
        #: as a parallel ``case`` (in place for a statement root, else a ``reg`` set by an ``always``
        #: block) instead of a nested ``?:`` chain
        self.case_form = case_form
        self.cases: set[str] = set()  # names in ``defs`` that are case-assigned regs
        self.eg = mg.eg
        self.choice = choice
        self.wires: dict[int, str] = {}
        self.defs: list[tuple[str, int, str]] = []
        self.shared: set[int] = set()
        self.used_leaves: set[str] = set()
        self.n = 0
        self.prefix = prefix
        self.names = set(mg.names)
        self.by_class: dict[int, list[Root]] = {}
        for r in mg.roots:
            if r.nameable:
                self.by_class.setdefault(self.eg.find(r.cls), []).append(r)
        # a child view's own nodes: its net names the class only while the extraction keeps them (a
        # cheaper choice is emitted in the parent and the instance's output goes unread)
        named = {self.eg.canon(k) for k in getattr(mg, "refs", {})}  # a connection reading another view's net: not its node
        self.view_orig = {self.eg.find(c): self.eg.canon(n) for r in mg.roots for c, n in r.view
                          if self.eg.canon(n) not in named}
        self.broken = self._shared_views()
        self.view_names = {r.lhs for r in mg.roots if r.view and r.lhs}  # nets that child instances drive

    # -- which names may stand for a class at a use site ------------------------------------------
    def name_for(self, c: int, at: Root | None) -> str | None:
        for t in self.by_class.get(self.eg.find(c), ()):
            if at is not None and t is at:
                continue
            if t.view and not t.mandatory and (self.eg.find(c) in self.broken or
                                               self.choice.get(self.eg.find(c)) != self.view_orig.get(self.eg.find(c))):
                continue
            if t.kind == "assign" or at is None or at.block != t.block or t.stmt_end <= at.start:
                return t.lhs
            if t.group >= 0 and t.group == at.group and t.order < at.order:
                return t.lhs  # an earlier variable of the same rewritten block, assigned just before
        return None

    def _shared_views(self) -> set[int]:
        """Classes of child outputs (unread elsewhere) whose kept view computes, inside the instance, a
        costly class the extraction shares with the parent or with another instance (``yl = mid*16 + p``
        of ``u_l`` while the parent now computes ``p`` for ``r_out <= mid*16 - p``): the instance would
        compute it a second time, so the reading site is written from the parent's terms instead (and the
        instance's output goes unread). Until no kept view shares anything."""
        f, eg, choice = self.eg.find, self.eg, self.choice
        if not any(t.view for t in self.mg.roots):
            return set()
        refs = {eg.canon(k): f(v) for k, v in self.mg.refs.items()}
        # a net read inside a larger expression (or by another instance) keeps its instance whatever
        # this rewrite does: only outputs whose every reader is a direct copy (``y <= t``) qualify
        direct_only: dict[str, bool] = {}
        inst_of = {t.lhs: t.inst for t in self.mg.roots if t.view}
        for r in self.mg.roots:
            for c, n in r.nodes + r.view:
                if n[0] == "var" and not (r.view and r.inst == inst_of.get(n[2])):  # not its own outputs
                    direct_only[n[2]] = direct_only.get(n[2], True) and not r.view and f(c) == f(r.cls)
        views: dict[int, Root] = {}
        for t in self.mg.roots:
            c = f(t.cls)
            if t.view and not t.mandatory and t.inner and choice.get(c) == self.view_orig.get(c) \
                    and direct_only.get(t.lhs, False):
                views.setdefault(c, t)
        inner = {c: {f(x) for x in t.inner} for c, t in views.items()}
        broken: set[int] = set()

        def reach(c: int, kept: set[int]) -> set[int]:
            seen: set[int] = set()
            stack = [c]
            while stack:
                d = f(stack.pop())
                if d in seen:
                    continue
                seen.add(d)
                n = choice.get(d)
                if n is None:
                    continue
                if n[0] == "var":
                    if n in refs and refs[n] not in kept:
                        stack.append(refs[n])
                    continue
                stack.extend(x for x in n[3:] if f(x) not in kept)
            return seen

        while True:
            kept = set(views) - broken
            owners: dict[int, set[str | None]] = {}
            for r in self.mg.roots:
                if r.mandatory and not r.view and f(r.cls) not in kept:
                    for d in reach(r.cls, kept):
                        owners.setdefault(d, set()).add(None)
            for c in kept:
                for d in reach(c, kept - {c}):
                    owners.setdefault(d, set()).add(views[c].inst)
            new = {c for c in kept if any(d in inner[c] and len(owners.get(d, ())) > 1 and choice[d][0] not in _FREE
                                          for d in reach(c, kept - {c}))}
            if not new:
                return broken
            broken |= new

    def unchanged(self, r: Root) -> bool:
        f = self.eg.find
        for c, n in r.nodes:
            got = self.choice.get(f(c))
            want = self.eg.canon(n)
            if got == want:
                continue
            if n[0] == "var" and self.name_for(c, r) == n[2]:
                continue
            if n[0] == "var" and n[2] in self.view_names:
                return False  # a child's output the extraction no longer reads: the instance computes it
            if self.eg.cval(c) is not None:  # the original text of a constant still computes it
                continue
            return False
        return True

    def fresh(self) -> str:
        while True:
            self.n += 1
            nm = f"{self.prefix}_{self.n}"
            if nm not in self.names:
                self.names.add(nm)
                return nm

    # -- sharing ----------------------------------------------------------------------------------
    def count_uses(self, roots: list[Root]) -> None:
        uses: dict[int, int] = {}
        f = self.eg.find

        def visit(c: int, at: Root, top: bool) -> None:
            c = f(c)
            if not top and self.name_for(c, at) is not None:
                return
            n = self.choice[c]
            if n[0] in _TRIVIAL:
                return
            uses[c] = uses.get(c, 0) + 1
            if uses[c] > 1:
                return
            for ch in n[3:]:
                visit(ch, at, False)

        for r in roots:
            visit(r.cls, r, True)
        self.shared = {c for c, k in uses.items() if k > 1 and not self._cheap(c)}

    def _cheap(self, c: int, depth: int = 0) -> bool:
        n = self.choice[self.eg.find(c)]
        if n[0] in _TRIVIAL:
            return True
        if n[0] in ("zext", "trunc", "shl", "lshr", "concat") and depth < 4:
            return all(self._cheap(x, depth + 1) for x in n[3:])
        return False

    # -- expressions ------------------------------------------------------------------------------
    def wire(self, c: int) -> str:
        c = self.eg.find(c)
        if c in self.wires:
            return self.wires[c]
        w = self.eg.width[c]
        if self.choice[c][0] in ("trunc", "sext", "ashr"):
            return self._node(c, w, None)[0]  # these make their own wire (or a slice)
        if self.choice[c][0] == "mul":  # a signed product makes its own wire
            return self.wire_text_signed(c, self._node(c, w, None)[0], w)
        name = self.fresh()
        self.wires[c] = name  # before the body: the DAG is acyclic, so this is never read back
        text, _sw = self._node(c, w, None)
        self.defs.append((name, w, text))
        return name

    def exact(self, c: int, at: Root | None) -> str:
        """Text whose self-determined width is exactly the class width (for self-determined spots)."""
        w = self.eg.w(c)
        t, sw = self.emit(c, w, at)
        return t if sw == w else self.wire(c)

    def name_exact(self, c: int, at: Root | None) -> str:
        """A plain name (or wire) of exactly the class width."""
        c = self.eg.find(c)
        w = self.eg.width[c]
        t, sw = self.emit(c, w, at)
        if sw == w and self._is_name(t):
            return t
        lf = self.mg.leaves.get(t[10:-1]) if t.startswith("$unsigned(") else None
        if sw == w and lf is not None and lf.lsb0 and lf.width == w and t == f"$unsigned({lf.text})" \
                and self._is_name(lf.text):
            return lf.text  # a signed name (its bits, read where only the bits count)
        return self.wire(c)

    @staticmethod
    def _is_name(t: str) -> bool:
        import re
        return re.fullmatch(r"[A-Za-z_][\w$]*", t) is not None

    def emit(self, c: int, ctx: int, at: Root | None, top: bool = False) -> tuple[str, int]:
        c = self.eg.find(c)
        w = self.eg.width[c]
        if not top:
            nm = self.name_for(c, at)
            if nm is not None:
                return self._leaf_text(nm), w
            if c in self.wires or c in self.shared:
                return self.wire(c), w
        n = self.choice[c]
        if n[0] == "trunc":
            inner = self._under_zext(n[3], w)
            if inner is not None:  # trunc(zext(y)) with y no wider than the result is zext(y)
                return self.emit(inner, ctx, at)
            ps = self._part_select(n)
            if ps is not None:
                return ps, w
        if ctx > w and n[0] in _WIDE_SENSITIVE:
            if n[0] == "trunc":
                x = n[3]
                leaf = self.choice[self.eg.find(x)]
                if leaf[0] == "var" and self.mg.leaves[leaf[2]].lsb0 and not self.mg.leaves[leaf[2]].signed:
                    return self._trunc_leaf(leaf[2], w), w
            return self.wire(c), w
        return self._node(c, ctx, at)

    def _under_zext(self, x: int, w: int) -> int | None:
        """The class ``y`` when the chosen node of ``x`` is a chain of zero extensions of ``y`` and ``y``
        is at most ``w`` bits wide (so the low ``w`` bits of ``x`` are ``y`` zero-extended), else None."""
        x = self.eg.find(x)
        seen = False
        while self.choice[x][0] == "zext":
            x, seen = self.eg.find(self.choice[x][3]), True
        return x if seen and self.eg.width[x] <= w else None

    def _leaf_text(self, key: str) -> str:
        lf = self.mg.leaves.get(key)
        self.used_leaves.add(key)
        if lf is None:
            return key
        return f"$unsigned({lf.text})" if lf.signed else lf.text

    def _part_select(self, n: tuple) -> str | None:
        """``x[hi:lo]`` / ``x[lo]`` for trunc(lshr(x, lo)) or trunc(x) of a whole ``[W-1:0]`` vector
        (a part-select is unsigned and exactly hi-lo+1 bits wide, whatever x's signedness)."""
        eg = self.eg
        m = self.choice[eg.find(n[3])]
        lo = 0
        if m[0] == "lshr":
            lo = m[2]
            m = self.choice[eg.find(m[3])]
        lf = self.mg.leaves.get(m[2]) if m[0] == "var" else None
        if lf is None or not lf.lsb0 or lo + n[1] > lf.width:
            return None
        self.used_leaves.add(m[2])
        return f"{lf.text}[{lo}]" if n[1] == 1 else f"{lf.text}[{lo + n[1] - 1}:{lo}]"

    def _trunc_leaf(self, key: str, w: int) -> str:
        self.used_leaves.add(key)
        t = self.mg.leaves[key].text
        return f"{t}[0]" if w == 1 else f"{t}[{w - 1}:0]"

    def _node(self, c: int, ctx: int, at: Root | None) -> tuple[str, int]:
        eg = self.eg
        n = self.choice[eg.find(c)]
        op, w = n[0], n[1]
        ch = n[3:]
        if op == "var":
            return self._leaf_text(n[2]), w
        if op == "const":
            return _lit(n[2], w), w
        if op == "mul":
            probe = [self._signed_narrow(x, w, at, dry=True) for x in ch]
            if all(f is not None for f in probe) and any(f is True for f in probe):
                forms = [self._signed_narrow(x, w, at) for x in ch]
                # a product of sign-extended operands (also zero-extended ones, and the difference of two
                # zero-extended words, a narrow signed value) is the signed product of the narrow ones in a
                # w-bit wire (Verilog extends signed operands to the context): the multiplier keeps their
                # widths
                return self.wire_text_signed(c, f"$signed({forms[0][0]}) * $signed({forms[1][0]})", w), w
        if op == "mul":
            k = [self.choice[eg.find(x)] for x in ch]
            for i in (0, 1):
                if k[i][0] == "const" and k[1 - i][0] != "const":
                    # a constant factor reads second; a power of two is the shift Yosys maps the same way
                    a, sa = self.emit(ch[1 - i], ctx, at)
                    v = k[i][2] % (1 << w)
                    if v and v & (v - 1) == 0 and sa >= w:
                        return f"({a} << {v.bit_length() - 1})", sa
                    b, sb = self.emit(ch[i], ctx, at)
                    return f"({a} * {b})", max(sa, sb)
        if op in _SYM:
            a, sa = self.emit(ch[0], ctx, at)
            b, sb = self.emit(ch[1], ctx, at)
            return f"({a} {_SYM[op]} {b})", max(sa, sb)
        if op == "not":
            a, sa = self.emit(ch[0], ctx, at)
            return f"(~{a})", sa
        if op == "neg":
            a, sa = self.emit(ch[0], ctx, at)
            return f"(-{a})", sa
        if op == "shl":
            a, sa = self.emit(ch[0], ctx, at)
            return f"({a} << {n[2]})", sa
        if op == "lshr":
            a, sa = self.emit(ch[0], ctx, at)
            return f"({a} >> {n[2]})", sa
        if op in ("shlv", "lshrv"):
            a, sa = self.emit(ch[0], ctx, at)
            s = self.exact(ch[1], at)
            return f"({a} {'<<' if op == 'shlv' else '>>'} {s})", sa
        if op == "ashrv":
            x = self.name_exact(ch[0], at)
            s = self.exact(ch[1], at)
            return self.wire_text_signed(c, f"$signed({x}) >>> {s}", w), w
        if op == "ashr":
            x = self.name_exact(ch[0], at)
            return self.wire_text_signed(c, f"$signed({x}) >>> {n[2]}", w), w
        if op == "mux" and self.case_form and self.case_chain(c) is not None:
            return self.case_reg(c, at), w
        if op == "mux":
            s = self.exact(ch[0], at)
            a, sa = self.emit(ch[1], ctx, at)
            b, sb = self.emit(ch[2], ctx, at)
            return f"({s} ? {a} : {b})", max(sa, sb)
        if op == "zext":
            return self.emit(ch[0], ctx, at)
        if op == "sext":
            x = self.name_exact(ch[0], at)
            return self.wire_text_signed(c, f"$signed({x})", w), w
        if op == "trunc":
            x = ch[0]
            leaf = self.choice[eg.find(x)]
            if leaf[0] == "var" and self.mg.leaves[leaf[2]].lsb0 and not self.mg.leaves[leaf[2]].signed:
                return self._trunc_leaf(leaf[2], w), w
            return self.wire_text_signed(c, self.exact(x, at), w), w  # the assignment keeps the low w bits
        if op == "concat":
            return "{" + ", ".join(self.exact(x, at) for x in ch) + "}", w
        if op == "eq" and eg.cval(ch[1]) == 0 and eg.cval(ch[0]) is None:  # x == 0 reads as !x
            return f"(!{self.exact(ch[0], at)})", 1
        if op in _CMP:
            wo = eg.w(ch[0])
            a, sa = self.emit(ch[0], wo, at)
            b, sb = self.emit(ch[1], wo, at)
            if max(sa, sb) < wo:
                a = self.exact(ch[0], at)
            return f"({a} {_CMP[op]} {b})", 1
        if op in ("slt", "sle"):
            a = self.name_exact(ch[0], at)
            b = self.name_exact(ch[1], at)
            return f"($signed({a}) {'<' if op == 'slt' else '<='} $signed({b}))", 1
        if op in ("lzc", "tzc"):  # a priority chain over the operand's bits (a named wire of its width)
            k = eg.w(ch[0])
            xt = self.wire(ch[0])
            if not self._is_name(xt):
                xt = self.fresh()
                self.defs.append((xt, k, self.wire(ch[0])))
            order = range(k - 1, -1, -1) if op == "lzc" else range(k)
            arms = [f"{xt}[{j}] ? {_lit(i, w)}" for i, j in enumerate(order)]
            return "(" + " : ".join(arms) + f" : {_lit(k, w)})", w
        if op == "mulge":  # A >= B * K, exact at the operands' width (divcmp sized it)
            # (the W-bit literal sizes the compare: narrower operands zero-extend to W)
            wo = eg.w(ch[0])
            a, sa = self.emit(ch[1], wo, at)
            b, sb = self.emit(ch[0], wo, at)
            a = a if sa <= wo else self.exact(ch[1], at)
            b = b if sb <= wo else self.exact(ch[0], at)
            return f"({a} >= ({b} * {_lit(n[2], wo)}))", 1
        if op == "bitsel":
            x, i = ch
            wx, wi = eg.w(x), eg.w(i)
            leaf = self.choice[eg.find(x)]
            if leaf[0] == "var" and not (self.mg.leaves[leaf[2]].lsb0 and not self.mg.leaves[leaf[2]].signed):
                xt = self.wire(x)
            else:
                xt = self.name_exact(x, at)
            it = self.exact(i, at)
            if wi < 31 and (1 << wi) <= wx:  # every index is inside the word: a plain bit select
                return f"{xt}[{it}]", 1
            return self.wire_text_signed(c, f"{xt} >> {it}", 1), 1  # the low bit of the shift: 0 past the end
        if op in ("redand", "redor", "redxor"):
            a = self.exact(ch[0], at)
            return f"({ {'redand': '&', 'redor': '|', 'redxor': '^'}[op]}{a})", 1
        raise ValueError(f"cannot emit {op}")

    # -- multi-way selection ----------------------------------------------------------------------
    def _eq_consts(self, c: int, sel: int | None) -> tuple[int, list[int]] | None:
        """(selector class, constants) when the chosen node of ``c`` is ``sel == K`` or an OR of such
        tests on one selector word (``sel``: the selector it must test, None: any)."""
        eg = self.eg
        n = self.choice.get(eg.find(c))
        if n is None:
            return None
        if n[0] == "eq":
            for x, k in ((n[3], n[4]), (n[4], n[3])):
                v = eg.cval(k)
                if v is not None and eg.cval(x) is None and (sel is None or eg.find(x) == sel):
                    return eg.find(x), [v]
            return None
        if n[0] == "or" and n[1] == 1:
            a = self._eq_consts(n[3], sel)
            if a is None:
                return None
            b = self._eq_consts(n[4], a[0])
            return None if b is None else (a[0], a[1] + b[1])
        return None

    def case_chain(self, c: int) -> tuple[int, list[tuple[list[int], int]], int] | None:
        """``(selector, [(constants, arm)], default arm)`` when the chosen node of ``c`` is a chain of at
        least two muxes (each else-arm the next one) whose selects are tests of one selector word against
        constants: the priority chain is then the parallel case with each constant kept at its first arm
        (a constant an earlier arm already took selects the earlier arm); an arm that reads the same class
        as the default is left to the default."""
        eg = self.eg
        sel, arms, taken = None, [], set()
        c = eg.find(c)
        while True:
            n = self.choice[c]
            if n[0] != "mux":
                break
            got = self._eq_consts(n[3], sel)
            if got is None:
                break
            sel = got[0]
            ks = [k for k in dict.fromkeys(got[1]) if k not in taken]
            taken.update(ks)
            if ks:
                arms.append((ks, eg.find(n[4])))
            c = eg.find(n[5])
        arms = [(ks, a) for ks, a in arms if a != c]  # an item reading the default's value is the default
        if len(arms) < 2 or sel is None:
            return None
        return sel, arms, c

    def case_text(self, c: int, target: str, width: int, at: Root | None, indent: str) -> str:
        """``case (sel) K: target = arm; ... default: target = arm; endcase`` for the chain of ``c``."""
        sel, arms, dflt = self.case_chain(c)
        ws = self.eg.w(sel)
        s = self.exact(sel, at)
        lines = [f"case ({_strip(s)})"]
        for ks, arm in arms:
            t, _sw = self.emit(arm, width, at)
            lines.append(f"{indent}  {', '.join(_lit(k, ws) for k in ks)}: {target} = {_strip(t)};")
        t, _sw = self.emit(dflt, width, at)
        lines.append(f"{indent}  default: {target} = {_strip(t)};")
        lines.append(f"{indent}endcase")
        return "\n".join(lines)

    def case_reg(self, c: int, at: Root | None) -> str:
        """A ``reg`` of the class width set by an ``always @(*)`` case over the chain of ``c``."""
        c = self.eg.find(c)
        if c in self.wires:
            return self.wires[c]
        w = self.eg.width[c]
        name = self.fresh()
        self.wires[c] = name
        self.cases.add(name)
        self.defs.append((name, w, ""))
        i = next(j for j, d in enumerate(self.defs) if d[0] == name)
        self.defs[i] = (name, w, self.case_text(c, name, w, None, "\0  "))  # \0: the block's indent
        return name

    def _signed_narrow(self, x: int, w: int, at: Root | None, dry: bool = False):
        """``(text, special)``: a narrow word whose sign extension to ``w`` bits is class ``x`` (None if
        there is none): sext(y) -> y, zext(y) -> {1'b0, y}, zext(p) - zext(q) of v-bit p, q -> a (v+1)-bit
        difference wire. ``special`` is False for the zero extension (a plain unsigned product)."""
        eg = self.eg
        n = self.choice[eg.find(x)]
        if n[0] == "sext":
            return True if dry else (self.name_exact(n[3], at), True)
        if n[0] == "zext" and eg.w(n[3]) < w:
            return False if dry else ("{1'b0, " + self.name_exact(n[3], at) + "}", False)
        if n[0] == "sub":
            p, q = (self.choice[eg.find(y)] for y in n[3:])
            if p[0] == "zext" and q[0] == "zext" and eg.w(p[3]) == eg.w(q[3]) and eg.w(p[3]) + 1 < w:
                if dry:
                    return True
                v = eg.w(p[3])
                a, b = self.name_exact(p[3], at), self.name_exact(q[3], at)
                name = self.fresh()
                self.defs.append((name, v + 1, f"{{1'b0, {a}}} - {{1'b0, {b}}}"))
                return name, True
        return None

    def wire_text_signed(self, c: int, text: str, w: int) -> str:
        """A wire of ``w`` bits assigned ``text`` (sign extension, arithmetic shift, truncation)."""
        c = self.eg.find(c)
        if c in self.wires:
            return self.wires[c]
        name = self.fresh()
        self.wires[c] = name
        self.defs.append((name, w, text))
        return name


def module_edits(mg: ModuleGraph, choice: dict[int, tuple], text: str,
                 live: set[int] | None = None, case_form: bool = False) -> tuple[list[Edit], list[Root]]:
    """Edits that rewrite the changed roots of one module (empty when nothing changed).

    ``live``: the classes the extraction computes; an optional root outside it is dead and left alone.
    ``case_form``: multi-way selections over one selector become ``case`` statements (see
    :meth:`Emitter.case_chain`) instead of ``?:`` chains.
    """
    em = Emitter(mg, choice, case_form=case_form)
    f = mg.eg.find

    def wanted(r: Root) -> bool:
        return r.mandatory or live is None or f(r.cls) in live

    changed = [r for r in mg.roots if r.group < 0 and wanted(r) and not em.unchanged(r)]
    # a block run as a whole is rewritten as a whole: every variable still read, in the block's order
    members: dict[int, list[Root]] = {}
    for r in mg.roots:
        if r.group >= 0:
            members.setdefault(r.group, []).append(r)
    blocks = {g: sorted((r for r in rs if wanted(r)), key=lambda r: r.order) for g, rs in members.items()
              if any(wanted(r) and not em.unchanged(r) for r in rs)}
    for rs in blocks.values():
        changed += rs
    if not changed:
        return [], []
    em.count_uses(changed)
    edits: list[Edit] = []
    for g, rs in blocks.items():
        edits += _group_edits(em, mg.groups[g], rs, case_form)
    for r in changed:
        if r.group >= 0:
            continue
        if r.stmt is not None and case_form and mg.eg.find(r.cls) not in em.wires \
                and choice[mg.eg.find(r.cls)][0] == "mux" and em.case_chain(r.cls) is not None:
            # a statement root keeps its selection as a case statement in place
            line_start = text.rfind("\n", 0, r.start) + 1
            ind = text[line_start:r.start] if text[line_start:r.start].isspace() else ""
            edits.append(Edit(r.start, r.end, em.case_text(r.cls, r.stmt, r.width, r, ind)))
            continue
        t, sw = em.emit(r.cls, r.width, r, top=True)
        if sw > r.width:
            raise ValueError("emitted text wider than its target")
        if t.startswith("(") and t.endswith(")") and _balanced(t):
            t = t[1:-1]
        if r.stmt is not None:  # whole statements (an unrolled loop) become one assignment
            t = f"{r.stmt} = {t};"
        edits.append(Edit(r.start, r.end, t))
    if em.defs:
        first = min(r.member_start for r in changed)
        line_start = text.rfind("\n", 0, first) + 1
        indent = text[line_start:first] if text[line_start:first].isspace() else "  "
        last_decl = max((mg.leaves[k].decl for k in em.used_leaves if k in mg.leaves), default=-1)
        decls = "".join(f"{indent}{'reg' if nm in em.cases else 'wire'}{f' [{w - 1}:0]' if w > 1 else ''} {nm};\n"
                        for nm, w, _t in em.defs)
        assigns = "".join(f"{indent}always @(*) begin\n{indent}  {t.replace(chr(0), indent)}\n{indent}end\n"
                          if nm in em.cases else f"{indent}assign {nm} = {_strip(t)};\n" for nm, _w, t in em.defs)
        if last_decl < line_start:
            edits.append(Edit(line_start, line_start, decls + assigns))
        else:
            edits.append(Edit(line_start, line_start, decls))
            edits.append(Edit(mg.body_end, mg.body_end, assigns))
    return edits, changed


def _group_edits(em: Emitter, grp, rs: list[Root], case_form: bool) -> list[Edit]:
    """``v = <value>;`` for each variable of a block run as a whole, in place of its statements."""
    ind = grp.indent + ("  " if grp.wrap else "")
    lines = []
    for r in rs:
        c = em.eg.find(r.cls)
        if case_form and c not in em.wires and em.choice[c][0] == "mux" and em.case_chain(c) is not None \
                and grp.op == "=":
            lines.append(em.case_text(c, r.lhs, r.width, r, ind))
            continue
        t, sw = em.emit(c, r.width, r, top=True)
        if sw > r.width:
            raise ValueError("emitted text wider than its target")
        lines.append(f"{r.lhs} {grp.op} {_strip(t)};")
    if grp.dels:  # latches keep their statements: the values go first, the rewritten ones' statements go
        out = [Edit(grp.start, grp.start, "".join(f"{ind}{x}\n" for x in lines))]
        return out + [Edit(s, e, t) for s, e, t in grp.dels]
    body = ("\n" + ind).join(lines)
    if grp.wrap:
        body = "begin\n" + ind + body + "\n" + grp.indent + "end"
    return [Edit(grp.start, grp.end, body)]


def _strip(t: str) -> str:
    return t[1:-1] if t.startswith("(") and t.endswith(")") and _balanced(t) else t


def _balanced(t: str) -> bool:
    depth = 0
    for i, ch in enumerate(t):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(t) - 1:
                return False
    return True
