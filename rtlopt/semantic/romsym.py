"""A constant table with symmetry stored once: ``T[i + N/2] == T[i]`` (periodic), ``== -T[i]``,
``== ~T[i]`` or ``== K - T[i]`` (antisymmetric about one constant), ``T[N-1-i] == T[i]`` (mirrored with
``~i``), ``T[N-i] == T[i]`` (mirrored around ``N/2``), a mirror image also reflected, applied
recursively from the index's top bit down.

A full-period sine table of 256 entries is ``-T[i]`` in its second half and ``T[128-i]`` in the
second quarter of the first: a 65-entry quarter-wave table read at ``p[6] ? 64 - p[5:0] : p[5:0]``
and negated when ``p[7]``. Found from the values alone (every label of a ``case`` over an index of at
most 12 bits, the default for the labels left out, a constant per arm; nested cases, every arm of
one level on the same non-overlapping selector, read as one table over the concatenated selectors;
an if / else-if chain of ``sel == K`` compares on one selector read as a case, the last ``else`` its
default; an array whose elements are
all given constants in an ``initial`` block, by ``assign`` or by an SV ``'{...}`` initializer, and read
by index; a select of packed localparams -- directly or through nets each given by one ``assign`` --
whose only other input is one index signal, evaluated at every index), checked modulo the element's
width.

Emitted as a minimal edit. A ``case`` statement with a blocking target becomes the smaller ``case``
over the transformed index followed by ``if (c) T = -T;``; with a nonblocking target (a ROM in a
clocked process) the smaller table goes into an ``always @*`` block before the process and the case
becomes ``q <= c ? -t : t;``. An array keeps only the elements the smaller table needs (its writes or
initializer elements beyond them deleted) and each read ``rom[i]`` becomes ``{c ? -rom[i'] : rom[i']}``.
Inside a function the case table is found through :mod:`rtlopt.semantic.funcview`. The search loop
measures and proves every candidate (a combinational, exhaustive check on small indices). Reported
under ``word_level_lifting``.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

RULE = "word_level_lifting"
MAX_INDEX_BITS = 12


@dataclass
class Plan:
    """How a table of ``2**k`` entries is read from a smaller one.

    ``bits[j]``: the set of original index bits whose XOR is bit ``j`` of the reduced index (for
    ``j < width``); ``flip``: the set of index bits whose XOR says the output is transformed
    (``kind`` ``neg``: negated, ``not``: complemented); ``fold``: the bit at which the last level
    mirrors around ``N/2`` (``T[N-i] == T[i]``; the reduced index is then ``fold ? h - r : r``, one bit
    wider than ``r``), else None. ``table``: the reduced table (index -> value)."""

    k: int
    width: int
    bits: list[frozenset] = field(default_factory=list)
    flip: frozenset = frozenset()
    kind: str = ""
    koff: int = 0
    fold: frozenset | None = None
    table: list[int] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)

    @property
    def entries(self) -> int:
        return len(self.table)


def reduce_table(vals: list[int], w: int) -> Plan | None:
    """The symmetry plan of ``vals`` (``2**k`` values of ``w`` bits), None when nothing reduces.

    A half (or mirror image) may be the other reflected as ``K - T`` modulo ``2**w``: ``K == 0`` is
    negation, ``K == 2**w - 1`` the complement; one ``K`` for the whole table (reflecting twice with
    the same ``K`` is the identity, so the flips of several levels combine by parity)."""
    n = len(vals)
    k = n.bit_length() - 1
    if n < 4 or 1 << k != n:
        return None
    m = (1 << w) - 1
    t = [v & m for v in vals]
    bits = [frozenset([j]) for j in range(k)]
    flip: frozenset = frozenset()
    koff: int | None = None
    fold = None
    steps: list[str] = []
    cur = k

    def reflects(pairs) -> int | None:
        """The ``K`` with ``b == K - a`` for every pair (the table's ``K`` once one is chosen)."""
        pairs = list(pairs)
        kk = (pairs[0][0] + pairs[0][1]) & m
        if koff is not None and kk != koff:
            return None
        return kk if all(b == (kk - a) & m for a, b in pairs) else None

    while cur >= 2:
        size = 1 << cur
        h = size // 2
        lo, hi = t[:h], t[h:]
        top = bits[cur - 1]
        if hi == lo:
            steps.append(f"periodic at bit {cur - 1}")
            t = lo
            cur -= 1
            continue
        kk = reflects(zip(lo, hi, strict=True))
        if kk is not None:
            koff = kk
            flip = flip ^ top
            steps.append(f"{_reflect_name(kk, m)} half at bit {cur - 1}")
            t = lo
            cur -= 1
            continue
        mirror = [(t[i], t[size - 1 - i]) for i in range(h)]
        folded = [(t[i], t[size - i]) for i in range(1, size)]
        how = None
        if all(a == b for a, b in mirror):
            how, kk = "mirror", None
        elif cur >= 3 and all(a == b for a, b in folded):
            how, kk = "fold", None
        elif (kk := reflects(mirror)) is not None:
            how = "mirror"
        elif cur >= 3 and (kk := reflects(folded)) is not None:
            how = "fold"
        if how is None:
            break
        what = ""
        if kk is not None:
            koff = kk
            flip = flip ^ top
            what = f" and {_reflect_name(kk, m)}"
        if how == "mirror":
            for j in range(cur - 1):
                bits[j] = bits[j] ^ top
            steps.append(f"mirrored (~index){what} at bit {cur - 1}")
            t = lo
            cur -= 1
            continue
        fold = top
        t = t[:h + 1]
        steps.append(f"mirrored around {h}{what} at bit {cur - 1}")
        cur -= 1
        break
    if cur == k:
        return None
    kind = "" if koff is None else "neg" if koff == 0 else "not" if koff == m else "sub"
    return Plan(k=k, width=cur, bits=bits[:cur], flip=flip, kind=kind, fold=fold, table=t, steps=steps,
                koff=koff or 0)


def _reflect_name(kk: int, m: int) -> str:
    return "negated" if kk == 0 else "complemented" if kk == m else f"reflected ({kk} - x)"


def reflect_text(plan: Plan, x: str, w: int) -> str:
    """``x`` reflected as the plan says: ``-x``, ``~x`` or ``K - x`` (``x`` a primary)."""
    if plan.kind == "neg":
        return f"-{x}"
    if plan.kind == "not":
        return f"~{x}"
    return f"{w}'d{plan.koff} - {x}"


def evaluate(plan: Plan, i: int, w: int) -> int:
    """The plan's value at original index ``i`` (a self-check of the emitted form)."""
    def bit(s):
        return sum((i >> b) & 1 for b in s) & 1
    r = sum(bit(plan.bits[j]) << j for j in range(plan.width))
    if plan.fold is not None and bit(plan.fold):
        r = (1 << plan.width) - r
    v = plan.table[r]
    if plan.flip and bit(plan.flip):
        v = (plan.koff - v) & ((1 << w) - 1)
    return v


def _bit_text(bit_of, s: frozenset) -> str:
    parts = [bit_of(b) for b in sorted(s, reverse=True)]
    return parts[0] if len(parts) == 1 else "(" + " ^ ".join(parts) + ")"


def index_text(plan: Plan, bit_of, range_of) -> tuple[str, int]:
    """``(expression, width)`` of the reduced index; ``bit_of(b)`` / ``range_of(hi, lo)`` spell
    original index bits."""
    width = plan.width
    bits = plan.bits
    # one common extra bit flipping a contiguous run from 0: ``c ? ~x[j:0] : x[j:0]``
    base = [min(s) for s in bits]
    extra = [s - {b} for s, b in zip(bits, base, strict=True)]
    if all(b == j for j, b in enumerate(base)):
        if all(not e for e in extra):
            r = range_of(width - 1, 0)
        elif len(set(extra)) == 1 and len(extra[0]) == 1:
            c = bit_of(next(iter(extra[0])))
            x = range_of(width - 1, 0)
            r = f"({c} ? ~{x} : {x})"
        else:
            r = None
    else:
        r = None
    if r is None:
        r = "{" + ", ".join(_bit_text(bit_of, bits[j]) for j in reversed(range(width))) + "}"
    if plan.fold is None:
        return r, width
    c = _bit_text(bit_of, plan.fold)
    h = 1 << width
    return f"({c} ? {width + 1}'d{h} - {{1'b0, {r}}} : {{1'b0, {r}}})", width + 1


def flip_text(plan: Plan, bit_of) -> str | None:
    if not plan.flip:
        return None
    return " ^ ".join(bit_of(b) for b in sorted(plan.flip, reverse=True))


# --- selector spelling -------------------------------------------------------------------------

_IDENT = re.compile(r"^[A-Za-z_][\w$]*$")
_PART = re.compile(r"^([A-Za-z_][\w$]*)\s*\[\s*(\d+)\s*:\s*(\d+)\s*\]$")


def _speller(sel_text: str, ws: int, lsb: int = 0):
    """``(bit_of, range_of)`` for a selector that is an identifier (declared ``[ws-1+lsb:lsb]``) or a
    constant part select of one; None otherwise."""
    t = sel_text.strip()
    while t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    m = _PART.match(t)
    if m:
        name, hi, lo = m.group(1), int(m.group(2)), int(m.group(3))
        if hi < lo or hi - lo + 1 != ws:
            return None
        base = lo
    elif _IDENT.match(t):
        name, base = t, lsb
    else:
        return None

    def bit_of(b: int) -> str:
        return f"{name}[{base + b}]"

    def range_of(hi: int, lo: int) -> str:
        if hi == lo:
            return bit_of(hi)
        if base == 0 and hi == ws - 1 and lo == 0 and not m:
            return name
        return f"{name}[{base + hi}:{base + lo}]"
    return bit_of, range_of


# --- case tables --------------------------------------------------------------------------------


def _single_assign(st):
    from rtlopt.semantic.casetable import _single_assign as sa
    return sa(st)


class _Acc:
    """The one target every arm of a table assigns (same text, same blocking kind) and its width."""

    def __init__(self, an):
        self.an = an
        self.target = None
        self.wt = 0

    def value(self, a) -> tuple[int, str] | None:
        from rtlopt.templates._sem import norm, strip

        if a is None:
            return None
        an = self.an
        ls, le = an.span(a.left.syntax)
        key = (norm(an.text[ls:le]), bool(a.isNonBlocking))
        if self.target is None:
            self.target = (key, a.left, a)
            self.wt = int(a.left.type.bitWidth or 0)
            if not 1 <= self.wt <= 64:
                return None
        elif self.target[0] != key:
            return None
        c = an.const(a.right)
        if c is None:
            return None
        rs, re_ = an.span(strip(a.right).syntax)
        return c & ((1 << self.wt) - 1), an.text[rs:re_].strip()


def _single_statement(st):
    """The one statement of ``st`` through begin/end (``st`` itself when it is no block)."""
    while st is not None and type(st).__name__ == "BlockStatement":
        body = st.body
        if type(body).__name__ == "StatementList":
            items = [x for x in body.list if type(x).__name__ != "EmptyStatement"]
            if len(items) != 1:
                return None
            body = items[0]
        st = body
    return st


def _selector(an, node):
    """``(expression, width, key)`` of a pure integral selector, else None."""
    from rtlopt.templates._sem import is_pure, norm, strip

    sel = strip(node)
    if not is_pure(sel) or not sel.type.isIntegral:
        return None
    ws = int(sel.type.bitWidth or 0)
    if not 1 <= ws <= MAX_INDEX_BITS:
        return None
    xs, xe = an.span(sel.syntax)
    return sel, ws, (norm(an.text[xs:xe]), ws)


def _label(an, sel, ws, node) -> int | None:
    """The index a constant label (or compared constant) selects; None when the selector cannot hold it."""
    v = an.const(node)
    if v is None or v >= 1 << ws or (v < 0 and (not sel.type.isSigned or v < -(1 << (ws - 1)))):
        return None
    return v & ((1 << ws) - 1)


def _arm_table(acc, body, depth):
    """``(selectors, entries)`` of one arm: a constant assignment (no selector, one entry) or a nested
    case (its own table)."""
    a = _single_assign(body)
    if a is not None:
        ct = acc.value(a)
        return None if ct is None else ([], [ct])
    inner = _single_statement(body)
    if depth >= 3 or type(inner).__name__ != "CaseStatement":
        return None
    return _case_table(acc, inner, depth + 1)


def _case_table(acc, st, depth=0):
    """``(selectors, entries)``: a case statement as a table over the concatenation of its selector
    and (nested cases in its arms, every arm on the same selectors) the inner selectors; ``selectors``
    ``[(expr, width, key)]`` most significant first, ``entries`` every index's ``(value, text)``."""
    if str(getattr(st, "condition", "")).split(".")[-1] != "Normal":
        return None
    an = acc.an
    got = _selector(an, st.expr)
    if got is None:
        return None
    sel, ws, _key = got
    arms = [(list(it.expressions), it.stmt) for it in st.items]
    if st.defaultCase is not None:
        arms.append((None, st.defaultCase))
    sub = None
    table: dict[int, tuple] = {}
    dflt = None
    for labels, body in arms:
        t = _arm_table(acc, body, depth)
        if t is None:
            return None
        if t[0]:
            if sub is None:
                sub = t[0]
            elif [x[2] for x in sub] != [x[2] for x in t[0]]:
                return None  # arms on different inner selectors
        if labels is None:
            dflt = t
            continue
        for lab in labels:
            v = _label(an, sel, ws, lab)
            if v is None:
                return None  # a label the selector cannot hold: not read as a table here
            table.setdefault(v, t)  # a later duplicate label is never taken
    n = 1 << ws
    if len(table) < n and dflt is None:
        return None  # labels left out keep the target's old value: not a table
    sub = sub or []
    sb = sum(x[1] for x in sub)
    if ws + sb > MAX_INDEX_BITS:
        return None
    entries = []
    for i in range(n):
        sels, ents = table.get(i, dflt)
        entries += ents * (1 << sb) if not sels else ents
    return [(sel, ws, _key)] + sub, entries


def _ifchain_table(acc, st):
    """An if / else-if chain of ``sel == K`` compares (one selector, constant ``K``) each assigning a
    constant, the last ``else`` the default: ``(selectors, entries)`` as for a case."""
    from rtlopt.templates._sem import strip

    an = acc.an
    key = sel = None
    ws = 0
    table: dict[int, tuple] = {}
    dflt = None
    cur = st
    while cur is not None:
        conds = list(cur.conditions)
        if len(conds) != 1 or conds[0].pattern is not None:
            return None
        c = strip(conds[0].expr)
        if type(c).__name__ != "BinaryExpression" or str(c.op).split(".")[-1] != "Equality":
            return None
        sides = [(c.left, c.right), (c.right, c.left)]
        k_node = x_node = None
        for x, k in sides:
            if an.const(k) is not None and an.const(x) is None:
                x_node, k_node = x, k
                break
        if x_node is None:
            return None
        got = _selector(an, x_node)
        if got is None:
            return None
        if key is None:
            sel, ws, key = got
        elif got[2] != key:
            return None  # an arm comparing another signal
        if sel.type.isSigned and strip(x_node) is not x_node:
            return None  # a signed selector widened for the compare: not a plain label
        v = _label(an, sel, ws, k_node)
        if v is None:
            return None
        ct = acc.value(_single_assign(cur.ifTrue))
        if ct is None:
            return None
        table.setdefault(v, ct)
        nxt = cur.ifFalse
        if nxt is None:
            break
        inner = _single_statement(nxt)
        if type(inner).__name__ == "ConditionalStatement":
            cur = inner
            continue
        dflt = acc.value(_single_assign(nxt))
        if dflt is None:
            return None
        break
    n = 1 << ws
    if len(table) < n and dflt is None:
        return None
    return [(sel, ws, key)], [table.get(i, dflt) for i in range(n)]


def _combined_speller(an, sels):
    """``(bit_of, range_of, text, names)`` of the concatenated selectors (least significant last)."""
    parts = []
    for sel, ws, _key in sels:
        xs, xe = an.span(sel.syntax)
        xtext = an.text[xs:xe]
        sp = _speller(xtext, ws)
        if sp is None:
            return None
        name = re.split(r"[\s\[]", xtext.strip().lstrip("("), maxsplit=1)[0]
        parts.append((sp, ws, xtext.strip(), name))
    names = [p[3] for p in parts]
    if len(parts) == 1:
        (bit_of, range_of), _ws, xtext, _n = parts[0]
        return bit_of, range_of, xtext, names
    lows = []
    lo = 0
    for p in reversed(parts):
        lows.append((lo, p))
        lo += p[1]
    total = lo
    allbits = [next(p[0][0](b - lo_) for lo_, p in lows if lo_ <= b < lo_ + p[1]) for b in range(total)]
    if len(set(allbits)) != total:
        return None  # overlapping selectors

    def bit_of(b: int) -> str:
        return allbits[b]

    def range_of(hi: int, lo: int) -> str:
        bits = [allbits[b] for b in range(hi, lo - 1, -1)]
        if len(bits) == 1:
            return bits[0]
        ms = [re.fullmatch(r"([A-Za-z_][\w$]*)\[(\d+)\]", b) for b in bits]
        if all(ms) and len({m.group(1) for m in ms}) == 1 and \
                all(int(ms[j].group(2)) == int(ms[0].group(2)) - j for j in range(len(ms))):
            return f"{ms[0].group(1)}[{ms[0].group(2)}:{ms[-1].group(2)}]"
        return "{" + ", ".join(bits) + "}"
    return bit_of, range_of, "{" + ", ".join(p[2] for p in parts) + "}", names


def _case_rewrite(an, st) -> tuple[str, str] | None:
    acc = _Acc(an)
    kind = type(st).__name__
    if kind == "CaseStatement":
        got = _case_table(acc, st)
    elif kind == "ConditionalStatement":
        par = getattr(st.syntax, "parent", None)
        if par is not None and str(par.kind).split(".")[-1] == "ElseClause":
            return None  # the tail of a longer chain: read from its head
        got = _ifchain_table(acc, st)
    else:
        return None
    if got is None or acc.target is None:
        return None
    sels, entries = got
    ws = sum(x[1] for x in sels)
    if not 2 <= ws <= MAX_INDEX_BITS or len(entries) != 1 << ws:
        return None
    wt = acc.wt
    n = 1 << ws
    vals = [c for c, _t in entries]
    texts = [t for _c, t in entries]
    plan = reduce_table(vals, wt)
    if plan is None or any(evaluate(plan, i, wt) != vals[i] for i in range(n)):
        return None
    sp = _combined_speller(an, sels)
    if sp is None:
        return None
    bit_of, range_of, xtext, sel_names = sp
    key, left, a = acc.target
    tname = re.split(r"[\s\[]", key[0], maxsplit=1)[0]
    if tname in sel_names:
        return None  # the target is its own selector: transforming it after the case would misread it
    idx, iw = index_text(plan, bit_of, range_of)
    ls, le = an.span(left.syntax)
    ttext = an.text[ls:le].strip()
    # the text of each reduced entry: an original entry with that value at the index it stands for
    src_of: dict[int, str] = {}
    for i in range(n):
        r = _reduced_index(plan, i)
        if r is not None and r not in src_of and not _flipped(plan, i):
            src_of[r] = texts[i]
    what = "case table" if type(st).__name__ == "CaseStatement" else "if-chain table"
    desc = f"{what} on {xtext} ({n} entries) is {len(plan.table)} entries: " + ", ".join(plan.steps)
    f = flip_text(plan, bit_of)
    if a.isNonBlocking:
        return _nonblocking(an, st, plan, idx, iw, wt, ttext, sel_names, src_of, f, desc)
    line_s = an.text.rfind("\n", 0, st.syntax.sourceRange.start.offset) + 1
    ind = re.match(r"[ \t]*", an.text[line_s:]).group(0)
    inner = ind + "  "
    out = [f"begin\n{inner}case ({idx})"]
    for r, v in enumerate(plan.table):
        out.append(f"{inner}  {iw}'d{r}: {ttext} = {src_of.get(r, f'{wt}{chr(39)}d{v}')};")
    if len(plan.table) < 1 << iw:
        out.append(f"{inner}  default: {ttext} = {wt}'d0;")
    out.append(f"{inner}endcase")
    if f is not None:
        out.append(f"{inner}if ({f}) {ttext} = {reflect_text(plan, ttext, wt)};")
    out.append(f"{ind}end")
    return "\n".join(out), desc, None


def _nonblocking(an, st, plan, idx, iw, wt, ttext, sel_names, src_of, f, desc):
    """A nonblocking table (``q <= C`` in a clocked block): the smaller table as a combinational block
    of its own before the process, the case becomes ``q <= c ? -t : t;``."""
    syn = st.syntax
    while syn is not None and str(syn.kind).split(".")[-1] not in ("AlwaysBlock", "AlwaysFFBlock", "InitialBlock",
                                                                   "FunctionDeclaration", "TaskDeclaration"):
        syn = syn.parent
    if syn is None or str(syn.kind).split(".")[-1] not in ("AlwaysBlock", "AlwaysFFBlock"):
        return None
    # the selector read outside the process: it must not be a variable the process assigns blocking
    for x in an.exprs:
        node = x.node
        if type(node).__name__ == "AssignmentExpression" and not node.isNonBlocking:
            ls, le = an.span(node.left.syntax)
            if re.split(r"[\s\[]", an.text[ls:le].strip(), maxsplit=1)[0] in sel_names:
                return None
    taken = set(re.findall(r"[A-Za-z_][\w$]*", an.text))
    base = re.sub(r"\W", "_", ttext).strip("_") + "_rom"
    name, i = base, 1
    while name in taken:
        name, i = f"{base}_{i}", i + 1
    ps = an.span(syn)[0]
    line_s = an.text.rfind("\n", 0, ps) + 1
    ind = re.match(r"[ \t]*", an.text[line_s:]).group(0)
    out = [f"reg [{wt - 1}:0] {name};", f"{ind}always @* begin", f"{ind}  case ({idx})"]
    for r, v in enumerate(plan.table):
        out.append(f"{ind}    {iw}'d{r}: {name} = {src_of.get(r, f'{wt}{chr(39)}d{v}')};")
    if len(plan.table) < 1 << iw:
        out.append(f"{ind}    default: {name} = {wt}'d0;")
    out += [f"{ind}  endcase", f"{ind}end", ind]
    rhs = name if f is None else f"{f} ? {reflect_text(plan, name, wt)} : {name}"
    return f"{ttext} <= {rhs};", desc, (ps, "\n".join(out))


def _flipped(plan: Plan, i: int) -> bool:
    return bool(plan.flip) and bool(sum((i >> b) & 1 for b in plan.flip) & 1)


def _reduced_index(plan: Plan, i: int) -> int | None:
    def bit(s):
        return sum((i >> b) & 1 for b in s) & 1
    r = sum(bit(plan.bits[j]) << j for j in range(plan.width))
    if plan.fold is not None and bit(plan.fold):
        r = (1 << plan.width) - r
    return r


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    """``[(new text, description)]``: one per symmetric constant table (case statement or array)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import analyze, parses_cleanly

    an = analyze(text, name)
    if an.syntax_errors:
        return []
    out = []
    for st, s, e in an.statements:
        if type(st).__name__ not in ("CaseStatement", "ConditionalStatement"):
            continue
        try:
            got = _case_rewrite(an, st)
        except Exception:  # noqa: BLE001 - an unusual statement: no rewrite
            got = None
        if got is None:
            continue
        eds = [Edit(s, e, got[0])]
        if got[2] is not None:
            eds.append(Edit(got[2][0], got[2][0], got[2][1]))
        try:
            new = apply_edits(text, eds)
        except ValueError:
            continue
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, got[1]))
    with contextlib.suppress(Exception):  # an unusual array: no rewrite
        out += _array_rewrites(an, text)
    with contextlib.suppress(Exception):  # an unusual read: no rewrite
        out += _read_rewrites(an, text)
    return out


_DIM = re.compile(r"\s*\[\s*(?:(\d+)\s*:\s*(\d+)|(\d+))\s*\]\s*[;,=]")


def _array_rewrites(an, text: str) -> list[tuple[str, str]]:
    """Arrays whose every element is given a constant (``initial`` or ``assign``, constant index) and
    that are otherwise only read by index: the smaller table, the reads transformed."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import parses_cleanly, strip

    arrays = {}
    for sym in an.symbols:
        kind = type(sym).__name__
        if kind not in ("VariableSymbol", "NetSymbol", "ParameterSymbol"):
            continue
        if kind == "ParameterSymbol" and not sym.isLocalParam:
            continue  # an instance may give other values
        ty = sym.type
        if not getattr(ty, "isUnpackedArray", False) or type(ty).__name__ != "FixedSizeUnpackedArrayType":
            continue
        el = ty.elementType
        if not el.isIntegral or getattr(el, "isUnpackedArray", False):
            continue
        r = ty.range
        lo, hi = min(r.left, r.right), max(r.left, r.right)
        n = hi - lo + 1
        if lo != 0 or n < 4 or n & (n - 1) or n > 1 << MAX_INDEX_BITS:
            continue
        arrays[sym.name] = dict(sym=sym, n=n, w=int(el.bitWidth), signed=bool(el.isSigned), writes={},
                                reads=[], bad=False, ascending=r.left <= r.right, init=None)
        init = getattr(sym, "initializer", None)
        if init is not None:
            a = arrays[sym.name]
            if type(init).__name__ != "SimpleAssignmentPatternExpression" or len(init.elements) != n:
                a["bad"] = True
                continue
            spans = []
            for k, el_ in enumerate(init.elements):
                c = an.const(el_)
                if c is None:
                    a["bad"] = True
                    break
                es, ee = an.span(strip(el_).syntax)
                spans.append((es, ee))
                a["writes"][k if a["ascending"] else n - 1 - k] = (c & ((1 << a["w"]) - 1), es, ee)
            a["init"] = spans
    if not arrays:
        return []
    write_spans = set()
    for x in an.exprs:
        node = x.node
        kind = type(node).__name__
        if kind == "AssignmentExpression":
            left = strip(node.left)
            if type(left).__name__ == "ElementSelectExpression":
                base = strip(left.value)
                if type(base).__name__ == "NamedValueExpression" and base.symbol.name in arrays:
                    a = arrays[base.symbol.name]
                    if a["init"] is not None:
                        a["bad"] = True  # an initializer and writes
                        continue
                    i, c = an.const(left.selector), an.const(node.right)
                    if i is None or c is None or i in a["writes"] or node.isNonBlocking:
                        a["bad"] = True
                        continue
                    a["writes"][i] = (c & ((1 << a["w"]) - 1), x.start, x.end)
                    write_spans.add(an.span(left.syntax))
            elif type(left).__name__ == "NamedValueExpression" and left.symbol.name in arrays:
                arrays[left.symbol.name]["bad"] = True
    for x in an.exprs:
        node = x.node
        if type(node).__name__ != "ElementSelectExpression" or (x.start, x.end) in write_spans:
            continue
        base = strip(node.value)
        if type(base).__name__ == "NamedValueExpression" and base.symbol.name in arrays:
            sel = strip(node.selector)
            ss, se = an.span(sel.syntax)
            arrays[base.symbol.name]["reads"].append((x.start, x.end, an.text[ss:se], int(sel.type.bitWidth or 0),
                                                      an.const(sel) is not None))
    out = []
    clean = _strip_comments(text)
    for name, a in arrays.items():
        n, w = a["n"], a["w"]
        k = n.bit_length() - 1
        if a["bad"] or len(a["writes"]) != n or not a["reads"]:
            continue
        # every mention of the name is its declaration, a constant write or an indexed read
        mentions = len(re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", clean))
        if mentions != 1 + (0 if a["init"] is not None else len(a["writes"])) + len(a["reads"]):
            continue
        vals = [a["writes"][i][0] for i in range(n)]
        plan = reduce_table(vals, w)
        if plan is None or any(evaluate(plan, i, w) != vals[i] for i in range(n)):
            continue
        keep = len(plan.table)
        eds: list[Edit] = []
        ok = True
        for rs, re_, sel_text, sw, const_sel in a["reads"]:
            if const_sel or sw != k:
                ok = False
                break
            sp = _speller(sel_text, k)
            if sp is None:
                ok = False
                break
            idx, _iw = index_text(plan, *sp)
            read = f"{name}[{idx}]"
            f = flip_text(plan, sp[0])
            if f is not None:
                read = f"{{{f} ? {reflect_text(plan, read, w)} : {read}}}"
                if a["signed"]:
                    read = f"$signed({read})"
            eds.append(Edit(rs, re_, read))
        if not ok:
            continue
        # the declaration's range
        loc = an.off(a["sym"].location.offset)
        dm = _DIM.match(text, loc + len(name))
        if dm is None or text[loc:loc + len(name)] != name:
            continue
        ds, de = dm.start(), text.index("]", dm.start()) + 1
        dim = f" [{keep}]" if dm.group(3) else f" [0:{keep - 1}]" if a["ascending"] else f" [{keep - 1}:0]"
        eds.append(Edit(ds, de, dim))
        # the writes (or initializer elements) of the elements the smaller table does not need
        if a["init"] is not None:
            el = a["init"]
            cut = (el[keep - 1][1], el[-1][1]) if a["ascending"] else (el[0][0], el[n - keep][0])
            eds.append(Edit(*cut, ""))
            try:
                new = apply_edits(text, eds)
            except ValueError:
                continue
            if new != text and parses_cleanly(new, an.errors):
                out.append((new, f"array '{name}' ({n} entries) is {keep} entries: " + ", ".join(plan.steps)))
            continue
        spans = []
        for i in range(keep, n):
            _c, s, e = a["writes"][i]
            span = _statement_span(text, s, e)
            if span is None:
                ok = False
                break
            spans.append(span)
        if not ok:
            continue
        eds += [Edit(s, e, "") for s, e in _whole_lines(text, spans)]
        try:
            new = apply_edits(text, eds)
        except ValueError:
            continue
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, f"array '{name}' ({n} entries) is {keep} entries: " + ", ".join(plan.steps)))
    return out


@dataclass
class _Named:
    start: int
    end: int
    text: str
    node: object


def _read_rewrites(an, text: str) -> list[tuple[str, str]]:
    """A select (``x[i]``, ``x[i*W +: W]``) of packed constants -- localparams, directly or through
    nets each given by one continuous assignment -- whose only other input is one index signal: the
    read's value at every index (pyslang constant evaluation) is a table, stored once when symmetric
    and read as ``{c ? -t : t}`` of a fresh combinational case table before the enclosing item."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.templates._sem import parses_cleanly, strip

    counts: dict[str, int] = {}
    drivers: dict[str, object] = {}
    blocking: set[str] = set()
    for x in an.exprs:
        node = x.node
        if type(node).__name__ != "AssignmentExpression":
            continue
        ls, le = an.span(node.left.syntax)
        base = re.split(r"[\s\[{]", an.text[ls:le].strip(), maxsplit=1)[0]
        counts[base] = counts.get(base, 0) + 1
        left = strip(node.left)
        par = node.syntax.parent
        if not node.isNonBlocking and (par is None or str(par.kind).split(".")[-1] != "ContinuousAssign"):
            blocking.add(base)
        if type(left).__name__ == "NamedValueExpression" and par is not None \
                and str(par.kind).split(".")[-1] == "ContinuousAssign":
            drivers[left.symbol.name] = strip(node.right)
    named = []  # (start, end, text, node) of every name read (a name under a select has no syntax)

    def collect(n):
        if type(n).__name__ == "NamedValueExpression":
            r = n.sourceRange
            s, e = an.off(r.start.offset), an.off(r.end.offset)
            named.append(_Named(s, e, an.text[s:e], n))
        return True
    for x in an.exprs:
        if x.node.syntax is not None and type(x.node).__name__ == "AssignmentExpression":
            x.node.visit(collect)
    named = list({(x.start, x.end): x for x in named}.values())

    def inline(s: int, e: int, free: set, depth: int) -> str | None:
        """The text of ``an.text[s:e]`` with constants and driven nets spelled out; ``free`` collects
        the other names read."""
        parts, pos = [], s
        for x in sorted((x for x in named if s <= x.start and x.end <= e), key=lambda x: x.start):
            if x.start < pos:
                return None
            sym = x.node.symbol
            kind = type(sym).__name__
            t = x.node.type
            if x.text != sym.name:
                return None
            if kind == "ParameterSymbol":
                if not sym.isLocalParam or not t.isIntegral or t.isSigned:
                    return None
                sub = x.text
            elif sym.name in drivers and counts.get(sym.name) == 1 and depth < 3:
                rhs = drivers[sym.name]
                rs, re_ = an.span(rhs.syntax)
                if int(rhs.type.bitWidth or 0) != int(t.bitWidth or 0) or t.isSigned:
                    return None
                inner = inline(rs, re_, free, depth + 1)
                if inner is None:
                    return None
                if sym.name not in nets:
                    nets[sym.name] = (int(t.bitWidth), inner)  # after the nets it reads
                sub = f"__N_{sym.name}__"
            elif kind in ("VariableSymbol", "NetSymbol") and t.isIntegral and not t.isSigned:
                free.add(sym.name)
                sub = f"__SEL_{sym.name}__"
            else:
                return None
            parts += [an.text[pos:x.start], sub]
            pos = x.end
        parts.append(an.text[pos:e])
        return "".join(parts)

    params = {}
    for x in named:
        sym = x.node.symbol
        if type(sym).__name__ == "ParameterSymbol" and sym.isLocalParam and x.node.type.isIntegral:
            iv = getattr(sym.value, "value", None)
            if type(iv).__name__ == "SVInt" and not iv.hasUnknown and iv.bitWidth == x.node.type.bitWidth:
                params[sym.name] = (int(iv.bitWidth), int(iv) & ((1 << int(iv.bitWidth)) - 1))
    out = []
    for x in an.exprs:
        node = x.node
        if type(node).__name__ not in ("RangeSelectExpression", "ElementSelectExpression"):
            continue
        base = strip(node.value)
        if type(base).__name__ != "NamedValueExpression" or an.const(node) is not None:
            continue
        bname = base.symbol.name
        if bname not in drivers and bname not in params:
            continue
        w = int(node.type.bitWidth or 0)
        if not 1 <= w <= 64 or any(y.start <= x.start and x.end <= y.end and y is not x
                                   and type(y.node).__name__ == "AssignmentExpression"
                                   and an.span(y.node.left.syntax)[1] >= x.end for y in an.exprs):
            continue  # written, not read
        free: set = set()
        nets: dict[str, tuple[int, str]] = {}
        body = inline(x.start, x.end, free, 0)
        if body is None or len(free) != 1:
            continue
        sel = next(iter(free))
        st = next(y.node.type for y in named if y.node.symbol.name == sel)
        k = int(st.bitWidth or 0)
        rng = getattr(st, "range", None)
        if not 2 <= k <= MAX_INDEX_BITS or rng is None or min(rng.left, rng.right) != 0:
            continue
        lines = [f"  localparam [{pw - 1}:0] {pn} = {pw}'d{pv};" for pn, (pw, pv) in sorted(params.items())]
        for v in range(1 << k):
            def at(t, v=v, sel=sel):
                t = t.replace(f"__SEL_{sel}__", f"__s{v}")
                return re.sub(r"__N_([\w$]+)__", lambda m: f"__n{v}_{m.group(1)}", t)
            lines.append(f"  localparam [{k - 1}:0] __s{v} = {k}'d{v};")
            lines += [f"  localparam [{nw - 1}:0] __n{v}_{nn} = {at(nt)};" for nn, (nw, nt) in nets.items()]
            lines.append(f"  localparam [{w - 1}:0] __y{v} = {at(body)};")
        vals = _const_eval(lines, 1 << k)
        if vals is None:
            continue
        vals = [v & ((1 << w) - 1) for v in vals]
        plan = reduce_table(vals, w)
        if plan is None or any(evaluate(plan, i, w) != vals[i] for i in range(1 << k)):
            continue
        sp = _speller(sel, k)
        if sp is None:
            continue
        idx, iw = index_text(plan, *sp)
        f = flip_text(plan, sp[0])
        if sel in blocking:
            continue  # a procedure's temporary: the table outside it would read its final value
        syn = node.syntax
        while syn.parent is not None and str(syn.parent.kind).split(".")[-1] != "ModuleDeclaration":
            syn = syn.parent
            if re.search(r"Generate|Function|Task|Loop", str(syn.kind)):
                break
        if syn.parent is None or str(syn.parent.kind).split(".")[-1] != "ModuleDeclaration":
            continue
        taken = set(re.findall(r"[A-Za-z_][\w$]*", text))
        name, i = f"{bname}_rom", 1
        while name in taken:
            name, i = f"{bname}_rom_{i}", i + 1
        ps = an.span(syn)[0]
        line_s = text.rfind("\n", 0, ps) + 1
        ind = re.match(r"[ \t]*", text[line_s:]).group(0)
        dl = [f"reg [{w - 1}:0] {name};", f"{ind}always @* begin", f"{ind}  case ({idx})"]
        for r, v in enumerate(plan.table):
            dl.append(f"{ind}    {iw}'d{r}: {name} = {w}'d{v};")
        if len(plan.table) < 1 << iw:
            dl.append(f"{ind}    default: {name} = {w}'d0;")
        dl += [f"{ind}  endcase", f"{ind}end", ind]
        read = name if f is None else f"{{{f} ? {reflect_text(plan, name, w)} : {name}}}"
        try:
            new = apply_edits(text, [Edit(x.start, x.end, read), Edit(ps, ps, "\n".join(dl))])
        except ValueError:
            continue
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, f"constant read {x.text.strip()} ({1 << k} entries) is {len(plan.table)} entries: "
                        + ", ".join(plan.steps)))
    return out


def _const_eval(lines: list[str], n: int) -> list[int] | None:
    """The values of localparams ``__y0 .. __y{n-1}`` declared (with their constants) by ``lines``."""
    from pyslang import ast, syntax

    comp = ast.Compilation()
    comp.addSyntaxTree(syntax.SyntaxTree.fromText("module __romeval;\n" + "\n".join(lines) + "\nendmodule\n"))
    if any(d.isError() for d in comp.getAllDiagnostics()):
        return None
    body = comp.getRoot().topInstances[0].body
    out = []
    for v in range(n):
        s = body.find(f"__y{v}")
        iv = getattr(getattr(s, "value", None), "value", None)
        if type(iv).__name__ != "SVInt" or iv.hasUnknown:
            return None
        out.append(int(iv))
    return out

def _whole_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with every line that they leave blank deleted whole (its newline too)."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for s, e in spans:
        by_line.setdefault(text.rfind("\n", 0, s) + 1, []).append((s, e))
    out = []
    for ls, group in by_line.items():
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        rest, pos = [], ls
        for s, e in sorted(group):
            rest.append(text[pos:s])
            pos = max(pos, e)
        rest.append(text[pos:le])
        if not "".join(rest).strip() and all(e <= le + 1 for _s, e in group):
            out.append((ls, min(le + 1, len(text))))
        else:
            out += group
    return out


def _strip_comments(text: str) -> str:
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", blank, text, flags=re.S)


def _statement_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of the statement ``[assign] x = c;`` around the assignment ``text[s:e]``, with its line
    when the line holds nothing else."""
    m = re.compile(r"\s*;").match(text, e)
    if m is None:
        return None
    e = m.end()
    b = re.search(r"(?:\bassign\s+)?$", text[max(0, s - 40):s])
    if b is not None and b.group(0):
        s -= len(b.group(0))
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if not text[ls:s].strip() and not text[e:le].strip():
        return ls, min(le + 1, len(text))
    while s > ls and text[s - 1] in " \t":
        s -= 1
    return s, e


def romsym_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "symmetric table", "romsym")


__all__ = ["Plan", "evaluate", "reduce_table", "rewrites", "romsym_candidates"]
