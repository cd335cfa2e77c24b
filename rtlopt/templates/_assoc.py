"""Commutativity/associativity-aware sharing of sub-sums and sub-products across a module.

Every maximal chain of one associative, commutative operator (``+``/``-``, ``*``, ``&``, ``|``,
``^``) is flattened into a multiset of operands (for ``+``/``-`` a signed multiset: ``x - (a + b)``
is ``{+x, -a, -b}``). Chains of the same operator, context width and signedness inside one module are
compared; operand sub-multisets that occur in two or more chains (``A + B`` in ``B + G + A``,
``F + B + A`` and ``A + C + B``; ``C * D`` and ``D * C``) are computed once, in a new ``wire`` of
exactly the context width and signedness, or, when some continuous assignment already computes exactly
that multiset (``assign s2 = a * b``), by referencing that net. Sets are chosen greedily by saving,
multipliers before adders before bitwise operators. Opposite terms of one sum cancel (``b - b``).

Why it is exact: in Verilog every operand of a context-determined ``+ - * & | ^`` chain is first
extended (zero- or sign-, by the chain's effective signedness) to the context width ``W`` and the
operations are then carried out modulo ``2^W``, where they are commutative and associative. The new
wire is ``W`` bits wide with the same signedness and extends its operands the same way (signed
operands of an unsigned chain are wrapped in ``$unsigned``), so it holds the sub-result modulo
``2^W``; as an operand of width ``W`` it neither widens nor narrows the use's context. A chain whose
value only reaches an assignment through ``+ - * & | ^ ~`` (and the left side of ``<<``) needs only
the low ``N`` bits of its value (``N`` = target width); such chains share an ``N``-bit wire when
their shared operands are made of those operators alone (so their low bits do not depend on the
context width) and the extension (signedness) agrees. Operands must be
pure, module-level names (no locals, no function arguments), and inside a procedural block none of
the names a shared set reads may be assigned anywhere in that block (its value at the use could
differ from the net's). A chain is not regrouped if the rewrite would change its self-determined
width or signedness. The verifier still proves every candidate.

Cost: every pairwise intersection of the chains of one (operator, width) group is a candidate set
for groups of up to ``_PAIRWISE_MAX`` chains; larger groups only consider their most frequent operand
pairs, and at most ``_MAX_SHARES`` sets are shared per module (600 four-operand sums: about 5 s).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.templates._arith import low_bits_only
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import in_decl_context, kind_name, wrap
from rtlopt.templates._sem import (
    Analysis,
    ExprInfo,
    is_pure,
    norm,
    op_name,
    paren,
    self_signed,
    self_width,
    strip,
)

#: semantic operator → family; syntax kinds of each family (parentheses are transparent).
_FAMILY = {"Add": "Add", "Subtract": "Add", "Multiply": "Multiply", "BinaryAnd": "BinaryAnd",
           "BinaryOr": "BinaryOr", "BinaryXor": "BinaryXor"}
_KINDS = {"Add": {"AddExpression", "SubtractExpression"}, "Multiply": {"MultiplyExpression"},
          "BinaryAnd": {"BinaryAndExpression"}, "BinaryOr": {"BinaryOrExpression"},
          "BinaryXor": {"BinaryXorExpression"}}
_SYM = {"Add": "+", "Multiply": "*", "BinaryAnd": "&", "BinaryOr": "|", "BinaryXor": "^"}
_PREFIX = {"Add": "sum", "Multiply": "prod", "BinaryAnd": "and", "BinaryOr": "or", "BinaryXor": "xor"}
#: greedy priority: the bigger the operator, the earlier it is shared.
_RANK = {"Multiply": 4, "Add": 3, "BinaryXor": 2, "BinaryOr": 1, "BinaryAnd": 1}
_PROC = ("AlwaysBlock", "AlwaysCombBlock", "AlwaysFFBlock", "AlwaysLatchBlock")
_NO_GO = {"FunctionDeclaration", "TaskDeclaration", "GenerateRegion", "LoopGenerate", "IfGenerate",
          "CaseGenerate", "GenerateBlock", "InitialBlock", "FinalBlock", "ClassDeclaration",
          "InterfaceDeclaration", "ProgramDeclaration", "PackageDeclaration", "CheckerDeclaration",
          "PropertyDeclaration", "SequenceDeclaration", "ConcurrentAssertionMember",
          "ImmediateAssertionStatement", "ConstraintDeclaration"}
_LEAF = {"NamedValueExpression", "ElementSelectExpression", "RangeSelectExpression", "IntegerLiteral",
         "ConcatenationExpression", "ReplicationExpression", "ConversionExpression", "MemberAccessExpression"}
#: groups larger than this use operand-pair counting instead of all pairwise intersections.
_PAIRWISE_MAX = 48
_PAIR_TERMS_MAX = 24
_PAIR_TOP = 16
#: at most this many shared sets per module (each is one greedy step).
_MAX_SHARES = 400
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class _Term:
    """One operand of a chain: an original expression, or a reference to a shared wire/net."""

    sign: int  # +1 / -1 (always +1 outside the + family)
    key: str  # canonical value key (sign not included)
    info: ExprInfo | None = None  # original operand (None for a wire reference)
    wire: str | None = None  # shared wire / reused net name
    names: frozenset = frozenset()  # lexical paths of the names the operand reads
    ok: bool = True  # may be moved into a module-level wire
    width: int | None = None  # self-determined width
    signed: bool | None = None  # self-determined signedness

    @property
    def skey(self) -> tuple[int, str]:
        return self.sign, self.key


@dataclass
class _Chain:
    top: ExprInfo
    fam: str
    width: int
    signed: bool
    module: object  # ModuleDeclaration syntax
    member: object  # module member syntax holding the chain
    block: object | None  # procedural block syntax, if any
    terms: list[_Term]
    orig_width: int | None
    orig_signed: bool | None
    low: bool = False  # only the low eff_width bits of the chain's value matter (ring ops up to an assignment);
    # its operands are still extended (by ``signed``) to the context width, so signedness must agree
    eff_width: int = 0  # context width, or the assignment target width for ``low`` chains
    net: str | None = None  # lexical path of a net assigned exactly this chain (continuous assign)
    net_name: str | None = None
    net_decl: int = 0  # where the net is declared (uses before it cannot reference it)
    changed: bool = False


@dataclass
class _Wire:
    name: str
    fam: str
    width: int
    signed: bool
    terms: list[_Term]  # the shared set, oriented as the wire computes it
    module: object
    decl_type: str
    names: frozenset = field(default_factory=frozenset)


def _chain_top(syn, fam: str) -> bool:
    p = syn.parent
    while p is not None and kind_name(p) == "ParenthesizedExpression":
        p = p.parent
    return p is None or kind_name(p) not in _KINDS[fam]


def _ancestors(syn):
    p = syn.parent
    while p is not None:
        yield p
        p = p.parent


_LOCAL_SCOPES = {"SequentialBlockStatement", "ParallelBlockStatement", "FunctionDeclaration",
                 "TaskDeclaration", "GenerateBlock", "LoopGenerate", "IfGenerate", "CaseGenerate",
                 "ForLoopStatement", *_PROC}


def _module_level(sym) -> bool:
    """True if the symbol is declared directly in a module (not in a block, subroutine or generate)."""
    syn = getattr(sym, "syntax", None)
    if syn is None:
        return False
    for p in _ancestors(syn):
        k = kind_name(p)
        if k in _LOCAL_SCOPES:
            return False
        if k == "ModuleDeclaration":
            return True
    return False


def _flatten(node, fam: str, sign: int, out: list) -> list:
    node = strip(node)
    if type(node).__name__ == "BinaryExpression" and _FAMILY.get(op_name(node)) == fam:
        _flatten(node.left, fam, sign, out)
        _flatten(node.right, fam, -sign if op_name(node) == "Subtract" else sign, out)
    else:
        out.append((sign, node))
    return out


class CommutativeReassociation(Template):
    """Share operand sub-multisets of +, *, &, |, ^ chains across a module (any order, any grouping)."""

    id = rule = "commutative_reassociation"
    description = ("canonicalise +/-, *, &, |, ^ chains into operand multisets and compute sub-sums/sub-products "
                   "that occur in several expressions (in any order or grouping) once, in a wire of the exact "
                   "context width, or by reusing a net that already holds them")

    # ------------------------------------------------------------------ analysis

    def find(self, an: Analysis) -> list[Match]:
        self._an = an
        self._named = sorted((x for x in an.exprs if type(x.node).__name__ == "NamedValueExpression"),
                             key=lambda x: (x.start, x.end))
        self._starts = [x.start for x in self._named]
        self._keys: dict[tuple[int, int], str] = {}
        self._block_cache: dict[tuple[int, int], frozenset | None] = {}
        chains = [c for c in (self._chain(e) for e in an.exprs) if c is not None]
        by_module: dict[int, list[_Chain]] = defaultdict(list)
        for c in chains:
            by_module[id(c.module)].append(c)
        out = []
        for mod_chains in by_module.values():
            m = self._plan(an, mod_chains)
            if m is not None:
                out.append(m)
        return out

    def _chain(self, e: ExprInfo) -> _Chain | None:
        an, n = self._an, e.node
        if type(n).__name__ != "BinaryExpression" or op_name(n) not in _FAMILY or e.width <= 0:
            return None
        fam = _FAMILY[op_name(n)]
        syn = n.syntax
        if not _chain_top(syn, fam) or in_decl_context(syn):
            return None
        module = member = block = None
        prev = syn
        for p in _ancestors(syn):
            k = kind_name(p)
            if k in _NO_GO:
                return None
            if k in _PROC and block is None:
                block = p
            if k == "ModuleDeclaration":
                module, member = p, prev
                break
            prev = p
        if module is None:
            return None
        raw = _flatten(n, fam, 1, [])
        terms = []
        for sign, node in raw:
            t = self._term(node, sign, block, e.signed)
            if t is None:
                return None
            terms.append(t)
        ws = [t.width for t in terms]
        ss = [t.signed for t in terms]
        c = _Chain(e, fam, e.width, e.signed, module, member, block, terms,
                   None if None in ws else max(ws), None if None in ss else all(ss))
        c.eff_width = e.width
        target = _target_width(an, syn) if low_bits_only(syn) else None
        if target is not None and 0 < target <= e.width:
            c.low, c.eff_width = True, target
            for t in terms:  # the low bits of a term must not depend on the context width
                if t.ok and not _ring_only(t.info.node):
                    t.ok = False
        self._net_of(c)
        if fam == "Add":
            self._cancel(c)
        return c

    def _term(self, node, sign: int, block, signed_ctx: bool) -> _Term | None:
        an = self._an
        info = an.info(node)
        if info is None:
            return None
        pure = is_pure(node)
        names, local = set(), False
        for x in self._inside(info.start, info.end):
            sym = x.node.symbol
            path = str(sym.lexicalPath)
            if path.count(".") != 1 or str(sym.kind).split(".")[-1] not in ("Net", "Variable", "Parameter") \
                    or not _module_level(sym):
                local = True
            names.add(path)
        t = _Term(sign, self._key(node), info, None, frozenset(names), pure and not local,
                  self_width(node), self_signed(node))
        if t.ok and t.signed and not signed_ctx and type(node).__name__ not in _LEAF:
            t.ok = False  # $unsigned() of a compound operand would make it self-determined
        if t.ok and block is not None:
            assigned = self._assigned_in(block)
            if assigned is None or names & assigned:
                t.ok = False
        return t

    def _inside(self, start: int, end: int) -> list[ExprInfo]:
        """Named-value references whose span lies within [start, end)."""
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self._named) and self._named[i].start < end:
            if self._named[i].end <= end:
                out.append(self._named[i])
            i += 1
        return out

    def _key(self, node) -> str:
        """Canonical key: chains of one family as sorted operand multisets, anything else its text."""
        node = strip(node)
        info = self._an.info(node)
        if info is None:
            return f"?{id(node)}"
        span = (info.start, info.end)
        if span in self._keys:
            return self._keys[span]
        if type(node).__name__ == "BinaryExpression" and op_name(node) in _FAMILY:
            fam = _FAMILY[op_name(node)]
            parts = sorted(("-" if s < 0 else "+") + self._key(x) for s, x in _flatten(node, fam, 1, []))
            key = f"{_SYM[fam]}({','.join(parts)})"
        else:
            key = norm(info.text)
        self._keys[span] = key
        return key

    def _assigned_in(self, block) -> frozenset | None:
        """Lexical paths of every name assigned in a procedural block; None if it calls user subroutines."""
        an = self._an
        s, e = an.span(block)
        if (s, e) in self._block_cache:
            return self._block_cache[(s, e)]
        out: set[str] | None = set()
        for x in an.exprs:
            if x.start < s or x.end > e:
                continue
            k = type(x.node).__name__
            target = None
            if k == "AssignmentExpression":
                target = an.info(x.node.left)
            elif k == "UnaryExpression" and op_name(x.node) in ("Preincrement", "Predecrement",
                                                                  "Postincrement", "Postdecrement"):
                target = an.info(x.node.operand)
            elif k == "CallExpression" and not x.node.isSystemCall:
                out = None
                break
            if target is None:
                if k == "AssignmentExpression":  # e.g. a concatenation target: refuse the block
                    out = None
                    break
                continue
            for y in self._inside(target.start, target.end):
                out.add(str(y.node.symbol.lexicalPath))
        res = None if out is None else frozenset(out)
        self._block_cache[(s, e)] = res
        return res

    def _net_of(self, c: _Chain) -> None:
        """Record the net if the chain is the whole right-hand side of ``assign net = chain``, or of
        the one blocking assignment of a combinational block (``always @* v = chain;``, ``always_comb``)
        to a variable assigned nowhere else: the same value under another spelling."""
        syn = c.top.node.syntax
        p = syn.parent
        while p is not None and kind_name(p) == "ParenthesizedExpression":
            p = p.parent
        if p is None or kind_name(p) != "AssignmentExpression":
            return
        kinds = ("Net",)
        if c.block is not None:
            if not self._comb_single(c.block, p):
                return
            kinds = ("Variable",)
        elif kind_name(p.parent) != "ContinuousAssign" or p.parent.delay is not None:
            return
        an = self._an
        ls = an.span(p.left)
        for x in self._named:
            if (x.start, x.end) == ls:
                sym = x.node.symbol
                if str(sym.kind).split(".")[-1] not in kinds or str(sym.lexicalPath).count(".") != 1:
                    return
                if c.block is not None and self._assign_count(str(sym.lexicalPath)) != 1:
                    return
                if x.width == c.width and x.signed == c.signed and self_width(x.node) == c.width \
                        and bool(sym.type.isSigned) == c.signed:
                    c.net, c.net_name = str(sym.lexicalPath), x.text.strip()
                    c.net_decl = an.off(sym.location.offset)
                return

    def _comb_single(self, block, asg) -> bool:
        """``block`` is ``always @*``/``always_comb`` whose whole body is the blocking assignment ``asg``."""
        k = kind_name(block)
        st = block.statement
        if k == "AlwaysBlock":
            if kind_name(st) != "TimingControlStatement" or kind_name(st.timingControl) != "ImplicitEventControl":
                return False
            st = st.statement
        elif k != "AlwaysCombBlock":
            return False
        while kind_name(st) == "SequentialBlockStatement":
            items = [x for x in st.items if x is not None and kind_name(x) != "Unknown"]
            if len(items) != 1 or st.blockName is not None:
                return False
            st = items[0]
        return kind_name(st) == "ExpressionStatement" and self._an.span(st.expr) == self._an.span(asg)

    def _assign_count(self, path: str) -> int:
        """How many assignments (procedural or continuous) of the module write the name ``path``."""
        cache = getattr(self, "_asg_counts", None)
        if cache is None or cache[0] is not self._an:
            counts: Counter = Counter()
            for x in self._an.exprs:
                if type(x.node).__name__ == "AssignmentExpression":
                    t = self._an.info(x.node.left)
                    if t is None:
                        continue
                    for y in self._inside(t.start, t.end):
                        counts[str(y.node.symbol.lexicalPath)] += 1
            cache = self._asg_counts = (self._an, counts)
        return cache[1][path]

    def _cancel(self, c: _Chain) -> None:
        """Drop opposite pairs ``+x``/``-x`` of a sum when that keeps its self width and signedness."""
        terms = list(c.terms)
        changed = False
        i = 0
        while i < len(terms):
            t = terms[i]
            j = next((j for j in range(len(terms)) if j != i and terms[j].key == t.key and terms[j].sign == -t.sign
                      and terms[j].info is not None and t.info is not None), None)
            if j is None:
                i += 1
                continue
            rest = [x for k, x in enumerate(terms) if k not in (i, j)]
            if not rest or not self._keeps_type(c, rest):
                i += 1
                continue
            terms = rest
            changed = True
            i = 0
        if changed:
            c.terms = terms
            c.changed = True

    def _keeps_type(self, c: _Chain, terms: list[_Term]) -> bool:
        if c.low:
            return True
        ws = [c.width if t.wire else t.width for t in terms]
        ss = [c.signed if t.wire else t.signed for t in terms]
        if None in ws or None in ss or c.orig_width is None or c.orig_signed is None:
            return False
        if all(ss) != c.orig_signed:
            return False
        w = max(ws)
        return w >= c.orig_width

    # ------------------------------------------------------------------ greedy plan

    def _plan(self, an: Analysis, chains: list[_Chain]) -> Match | None:
        groups: dict[tuple, list[_Chain]] = defaultdict(list)
        for c in chains:
            groups[(c.fam, c.eff_width)].append(c)
        self._by_span = {(c.top.start, c.top.end): c for c in chains}
        used = {m.group(0) for m in re.finditer(r"[A-Za-z_][A-Za-z0-9_$]*", an.text)}
        wires: list[_Wire] = []
        deps = self._net_deps(chains)
        for _step in range(_MAX_SHARES):
            best = None
            for (fam, width), group in groups.items():
                bags = [Counter(t.skey for t in c.terms if t.ok) for c in group]
                index: dict[tuple, set[int]] = defaultdict(set)
                for i, bag in enumerate(bags):
                    for k in bag:
                        index[k].add(i)
                for cand in self._candidates(fam, group):
                    found = [group[i] for i in sorted(_containing(index, bags, cand, fam == "Add"))]
                    # the operands' extension to the width (zero or sign) must agree in every use
                    for signed in (False, True):
                        occ = [c for c in found if c.signed == signed]
                        if len(occ) < 2:
                            continue
                        saving = (len(occ) - 1) * (len(cand) - 1)
                        score = (_RANK[fam], saving, len(cand), width, not signed, tuple(sorted(cand)))
                        if best is None or score > best[0]:
                            best = (score, fam, width, signed, cand, occ)
            if best is None:
                break
            _s, fam, width, signed, cand, occ = best
            if not self._share(an, fam, width, signed, cand, occ, wires, used, deps):
                # could not share this set (a net cycle, a type change): never try these terms again
                for c in occ:
                    for t in c.terms:
                        if t.skey in cand or (-t.sign, t.key) in cand:
                            t.ok = False
        changed = [c for c in chains if c.changed]
        if not changed:
            return None
        return self._emit(an, chains, changed, wires)

    def _candidates(self, fam: str, group: list[_Chain]) -> set[tuple]:
        """Oriented signed multisets (sorted tuples of (sign, key)) shared by two chains.

        Small groups: every pairwise intersection. Large groups (quadratic would be slow): the
        operand pairs that occur most often.
        """
        out: set[tuple] = set()
        if len(group) > _PAIRWISE_MAX:
            pairs: Counter = Counter()
            for c in group:
                ts = sorted({t.skey for t in c.terms if t.ok})
                if len(ts) > _PAIR_TERMS_MAX:
                    ts = ts[:_PAIR_TERMS_MAX]
                pairs.update(sorted({_orient(list(pr)) for pr in combinations(ts, 2)}))
            ranked = sorted(((-n, k) for k, n in pairs.items() if n >= 2))[:_PAIR_TOP]
            return {k for _n, k in ranked}
        for i, a in enumerate(group):
            ta = [t.skey for t in a.terms if t.ok]
            if len(ta) < 2:
                continue
            for b in group[i + 1:]:
                tb = [t.skey for t in b.terms if t.ok]
                if len(tb) < 2:
                    continue
                flips = (1, -1) if fam == "Add" else (1,)
                for f in flips:
                    pool = [(s * f, k) for s, k in tb]
                    inter = []
                    for x in ta:
                        if x in pool:
                            pool.remove(x)
                            inter.append(x)
                    if len(inter) >= 2:
                        out.add(_orient(inter))
        return out

    @staticmethod
    def _find(c: _Chain, cand: tuple) -> tuple[int, list[int]] | None:
        """(orientation, term indices) of ``cand`` inside chain ``c``, or None."""
        for f in (1, -1):
            idx: list[int] = []
            free = [i for i, t in enumerate(c.terms) if t.ok]
            for s, k in cand:
                j = next((i for i in free if c.terms[i].skey == (s * f, k)), None)
                if j is None:
                    break
                free.remove(j)
                idx.append(j)
            else:
                return f, idx
        return None

    def _net_deps(self, chains: list[_Chain]) -> dict[str, set[str]]:
        deps: dict[str, set[str]] = defaultdict(set)
        for c in chains:
            if c.net:
                for t in c.terms:
                    deps[c.net] |= set(t.names)
        return deps

    @staticmethod
    def _reaches(deps: dict[str, set[str]], src: str, dst: str) -> bool:
        seen, todo = set(), [src]
        while todo:
            x = todo.pop()
            if x == dst:
                return True
            if x in seen:
                continue
            seen.add(x)
            todo.extend(deps.get(x, ()))
        return False

    def _share(self, an: Analysis, fam: str, width: int, signed: bool, cand: tuple, occ: list[_Chain],
               wires: list[_Wire], used: set[str], deps: dict[str, set[str]]) -> bool:
        found = {id(c): self._find(c, cand) for c in occ}
        # reuse a net that already holds exactly this multiset (either orientation)
        owner = next((c for c in occ if c.net and len(c.terms) == len(cand) and c.signed == signed
                      and c.width == width), None)
        if owner is not None and any(u is not owner and u.net and self._reaches(deps, owner.net, u.net)
                                     for u in occ):
            owner = None  # referencing the net would close a combinational loop
        if owner is not None and any(u.top.start < owner.net_decl for u in occ if u is not owner):
            owner = None  # a use precedes the net's declaration
        users = [c for c in occ if c is not owner]
        if owner is not None:
            name, path, fo = owner.net_name, owner.net, found[id(owner)][0]
            ref_names = frozenset({path})
            wire = None
        else:
            first = occ[0]
            fo, idx = found[id(first)]
            # the wire computes the set as the first occurrence writes it (fo * cand)
            oriented = [_Term(t.sign, t.key, t.info, t.wire, t.names, True, t.width, t.signed)
                        for t in (first.terms[i] for i in idx)]
            name = self._name(fam, oriented, used)
            ref_names = frozenset().union(*(t.names for t in oriented))
            wire = _Wire(name, fam, width, signed, oriented, first.module,
                         self._decl_type(oriented, width, signed), ref_names)
            path = name
        updates = []
        for u in users:
            f, idx = found[id(u)]
            new_terms = [t for i, t in enumerate(u.terms) if i not in idx]
            new_terms.insert(min(idx), _Term(f * fo, f"@{name}", None, name, ref_names, True, width, signed))
            if not self._keeps_type(u, new_terms):
                return False
            updates.append((u, new_terms))
        if wire is not None:
            wires.append(wire)
            deps[path] |= set(ref_names)
        for u, new_terms in updates:
            if u.net:
                deps[u.net].add(path)
            u.terms = new_terms
            u.changed = True
        return True

    def _name(self, fam: str, terms: list[_Term], used: set[str]) -> str:
        parts = []
        for t in terms:
            txt = t.wire if t.wire else t.info.text.strip()
            inner = self._by_span.get((t.info.start, t.info.end)) if t.info is not None else None
            if inner is not None and len(inner.terms) == 1 and inner.terms[0].wire and inner.terms[0].sign > 0:
                txt = inner.terms[0].wire  # the operand is itself a shared product/sum
            txt = re.sub(r"\s+", "", txt).replace("[", "").replace("]", "").replace(":", "_")
            if not _IDENT.match(txt):
                parts = None
                break
            parts.append(txt)
        prefix = "diff" if fam == "Add" and any(t.sign < 0 for t in terms) else _PREFIX[fam]
        base = f"{prefix}_{'_'.join(parts)}" if parts and len("_".join(parts)) <= 24 else f"{prefix}_shared"
        name, k = base, 1
        while name in used:
            name = f"{base}_{k}"
            k += 1
        used.add(name)
        return name

    def _decl_type(self, terms: list[_Term], width: int, signed: bool) -> str:
        """``[dims]`` for the wire: a term's declared range if it has exactly this width, else ``[W-1:0]``."""
        for t in terms:
            if t.info is None or type(t.info.node).__name__ != "NamedValueExpression" or t.width != width:
                continue
            try:
                ts = t.info.node.symbol.declaredType.typeSyntax
                dims = list(getattr(ts, "dimensions", None) or ())
            except Exception:  # noqa: BLE001 - odd declarations: fall back to a numeric range
                continue
            if len(dims) == 1:
                return str(dims[0]).strip()
        return "" if width == 1 else f"[{width - 1}:0]"

    # ------------------------------------------------------------------ text

    def _emit(self, an: Analysis, chains: list[_Chain], changed: list[_Chain], wires: list[_Wire]) -> Match | None:
        by_span = {(c.top.start, c.top.end): c for c in changed}

        def text_of(s: int, e: int) -> str:
            c = by_span.get((s, e))
            if c is not None:
                return render(c.fam, c.terms)
            inner = [(cs, ce) for (cs, ce) in by_span if cs >= s and ce <= e and (cs, ce) != (s, e)]
            inner = [x for x in inner if not any(y != x and y[0] <= x[0] and x[1] <= y[1] for y in inner)]
            edits = []
            for cs, ce in inner:
                ch = by_span[(cs, ce)]
                edits.append(Edit(cs - s, ce - s, wrap(ch.top, render(ch.fam, ch.terms))))
            return apply_edits(an.text[s:e], edits) if edits else an.text[s:e]

        def term_text(t: _Term, unsigned_ctx: bool) -> str:
            if t.wire:
                return t.wire
            txt = text_of(t.info.start, t.info.end).strip()
            if unsigned_ctx and t.signed and type(t.info.node).__name__ in _LEAF:
                return f"$unsigned({txt})"
            return paren(txt)

        def render(fam: str, terms: list[_Term], unsigned_ctx: bool = False) -> str:
            sym = _SYM[fam]
            order = list(terms)
            if fam == "Add":
                first = next((i for i, t in enumerate(order) if t.sign > 0), None)
                if first is not None:
                    order.insert(0, order.pop(first))
            out = ""
            for i, t in enumerate(order):
                tt = term_text(t, unsigned_ctx)
                if fam == "Add" and t.sign < 0:
                    out = f"-{tt}" if i == 0 else f"{out} - {tt}"
                else:
                    out = tt if i == 0 else f"{out} {sym} {tt}"
            return out

        edits: list[Edit] = []
        outer = [c for c in changed if not any(o is not c and o.top.start <= c.top.start
                                                and c.top.end <= o.top.end for o in changed)]
        for c in outer:
            edits.append(Edit(c.top.start, c.top.end, wrap(c.top, render(c.fam, c.terms))))
        # wire declarations, before the first module member that uses any of them (or an operand decl)
        if wires:
            members = [c.member for c in changed]
            first = min(members, key=lambda m: an.span(m)[0])
            pos = an.span(first)[0]
            line_start = an.text.rfind("\n", 0, pos) + 1
            indent = an.text[line_start:pos]
            if indent.strip():
                indent, line_start = "", pos
            read = frozenset().union(*(w.names for w in wires))
            for x in self._named:
                sym = x.node.symbol
                if str(sym.lexicalPath) in read and an.off(sym.location.offset) > pos:
                    return None  # an operand is declared after the first use: leave alone
            lines = []
            rhs_of = {w.name: render(w.fam, w.terms, unsigned_ctx=not w.signed) for w in wires}
            for w in _ordered(wires, rhs_of):
                sg = " signed" if w.signed else ""
                rhs = rhs_of[w.name]
                dims = f" {w.decl_type}" if w.decl_type else ""
                lines.append(f"{indent}wire{sg}{dims} {w.name} = {rhs};\n")
            edits.append(Edit(line_start, line_start, "".join(lines) + (indent if line_start == pos else "")))
        edits.sort(key=lambda ed: (ed.start, ed.end))
        nw = len(wires)
        shared = ", ".join(w.name for w in wires) or "existing nets"
        start = edits[0].start
        what = f"share {nw} sub-expression(s) across {len(changed)} chain(s) ({shared})"
        return Match(self.id, start, start, an.line(start), f"{self.id} at line {an.line(start)}: {what}",
                     tuple(edits), "")


_RING = {"Add", "Subtract", "Multiply", "BinaryAnd", "BinaryOr", "BinaryXor", "BinaryXnor"}


def _ring_only(node) -> bool:
    """True if the low k bits of ``node`` depend only on the low k bits of its leaves, for every k."""
    node = strip(node)
    k = type(node).__name__
    if k in ("NamedValueExpression", "IntegerLiteral", "UnbasedUnsizedIntegerLiteral",
             "ElementSelectExpression", "RangeSelectExpression", "ConcatenationExpression",
             "ReplicationExpression", "MemberAccessExpression"):
        return True
    if k == "BinaryExpression":
        return op_name(node) in _RING and _ring_only(node.left) and _ring_only(node.right)
    if k == "UnaryExpression":
        return op_name(node) in ("BitwiseNot", "Minus", "Plus") and _ring_only(node.operand)
    return False


def _target_width(an: Analysis, syn) -> int | None:
    """Width of the assignment target the value of ``syn`` flows into (see ``low_bits_only``)."""
    p = syn.parent
    while p is not None and kind_name(p) not in ("AssignmentExpression", "NonblockingAssignmentExpression"):
        if kind_name(p) in ("EqualsValueClause", "ModuleDeclaration"):
            return None
        p = p.parent
    if p is None:
        return None
    info = an.by_span.get(an.span(p.left))
    return info.width if info is not None and info.width > 0 else None


def _containing(index: dict, bags: list[Counter], cand: tuple, signed_sum: bool) -> set[int]:
    """Indices of the chains whose operand bag holds ``cand`` (or, for sums, its negation)."""
    out: set[int] = set()
    need = Counter(cand)
    for flip in ((1, -1) if signed_sum else (1,)):
        want = {(sg * flip, k): n for (sg, k), n in need.items()}
        sets = [index.get(k, set()) for k in want]
        hit = set.intersection(*sets) if sets else set()
        out |= {i for i in hit if all(bags[i][k] >= n for k, n in want.items())}
    return out


def _orient(terms: list[tuple[int, str]]) -> tuple:
    """Canonical orientation of a signed multiset: more positive terms (then the smaller tuple)."""
    a = tuple(sorted(terms))
    b = tuple(sorted((-s, k) for s, k in terms))
    pa, pb = sum(1 for s, _ in a if s > 0), sum(1 for s, _ in b if s > 0)
    if pa != pb:
        return a if pa > pb else b
    return min(a, b)


def _ordered(wires: list[_Wire], rhs_of: dict[str, str]) -> list[_Wire]:
    """Wires in an order where each is declared after the wires its expression reads."""
    names = {w.name for w in wires}
    reads = {w.name: set(re.findall(r"[A-Za-z_][A-Za-z0-9_$]*", rhs_of[w.name])) & (names - {w.name})
             for w in wires}
    out: list[_Wire] = []
    done: set[str] = set()
    pending = list(wires)
    while pending:
        for w in pending:
            if reads[w.name] <= done:
                out.append(w)
                done.add(w.name)
                pending.remove(w)
                break
        else:  # a cycle cannot arise (each wire is built from earlier results); keep creation order
            out.extend(pending)
            break
    return out
