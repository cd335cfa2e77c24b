"""Turn a :class:`~rtlopt.semantic.lift.Lift` into a minimal source edit of the user's file.

The drivers of the lifted target(s) are found at the level of module items (continuous assignments,
``always`` blocks, generate loops/regions, module and gate instances), from pyslang's syntax tree:
an item *writes* the root names on the left of its assignments and the signals on output ports of
its instances (directions from the instantiated module's declaration; unknown modules count as
writing everything they touch), and *reads* every other name it mentions. The items that write a
target are replaced by one ``assign target = expr;`` (``always @* target = expr;`` when the target
is a variable), and items that only fed the removed logic (local carries, generate loops of cells)
are removed with it -- but only when nothing else reads what they write. Everything else stays
byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.templates._expr import kind_name
from rtlopt.templates._sem import Analysis, analyze

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_ID = re.compile(r"(?<![\w$'.`])[A-Za-z_][\w$]*")
_DECL_KINDS = {"PortDeclaration", "NetDeclaration", "DataDeclaration", "GenvarDeclaration",
               "ParameterDeclarationStatement", "TypedefDeclaration", "EmptyMember"}
_DRIVER_KINDS = {"ContinuousAssign", "AlwaysBlock", "AlwaysCombBlock", "AlwaysFFBlock", "AlwaysLatchBlock",
                 "GenerateRegion", "LoopGenerate", "IfGenerate", "CaseGenerate", "GenerateBlock",
                 "HierarchyInstantiation", "PrimitiveInstantiation"}
_VAR = re.compile(r"\b(reg|logic|bit|integer|int|byte|shortint|longint)\b")


def _items(lst) -> list:
    return [x for x in lst if kind_name(x) != "Comma"] if lst is not None else []


@dataclass
class Member:
    start: int
    end: int
    kind: str
    writes: set[str] = field(default_factory=set)
    reads: set[str] = field(default_factory=set)
    removable: bool = True
    #: a net declaration with an initializer (``wire [7:0] w = e;``): the declaration without it, kept
    #: when the lift replaces the initializer (the target stays declared)
    keep: str | None = None


@dataclass
class ModuleSource:
    name: str
    members: list[Member]
    ports: set[str]
    variables: set[str]
    declared: set[str]
    loopvars: set[str]
    #: loop counters only (for-loop initializers, genvars): ``loopvars`` also holds every ``integer``
    counters: set[str] = field(default_factory=set)


def _names(text: str) -> list[str]:
    return _ID.findall(_COMMENT.sub(" ", text))


def _roots(lhs_text: str) -> set[str]:
    t = _COMMENT.sub(" ", lhs_text)
    prev = None
    while prev != t:
        prev, t = t, re.sub(r"\[[^\[\]]*\]", "", t)
    return set(_ID.findall(t))


def port_directions(an: Analysis) -> dict[str, list[tuple[str, str]]]:
    """``module -> [(port, direction)]`` in declaration order for every module of ``an``."""
    out = {}
    for mod in _modules(an):
        ports = []
        hdr = mod.header.ports
        if hdr is None:
            out[mod.header.name.valueText] = []
            continue
        if kind_name(hdr) == "AnsiPortList":
            d = "inout"
            for p in _items(hdr.ports):
                h = getattr(p, "header", None)
                dt = getattr(h, "direction", None) if h is not None else None
                if dt is not None and getattr(dt, "valueText", ""):
                    d = dt.valueText
                decl = getattr(p, "declarator", None)
                if decl is not None:
                    ports.append((decl.name.valueText, d))
        else:
            dirs = {}
            for m in mod.members:
                if kind_name(m) == "PortDeclaration":
                    dt = getattr(m.header, "direction", None)
                    for dcl in _items(m.declarators):
                        dirs[dcl.name.valueText] = dt.valueText if dt is not None else "inout"
            for p in _items(hdr.ports):
                nm = str(p).strip()
                ports.append((nm, dirs.get(nm, "inout")))
        out[mod.header.name.valueText] = ports
    return out


def _modules(an: Analysis) -> list:
    root = an.tree.root
    if kind_name(root) == "ModuleDeclaration":
        return [root]
    return [m for m in getattr(root, "members", ()) if kind_name(m) == "ModuleDeclaration"]


def module_source(an: Analysis, name: str, dirs: dict[str, list[tuple[str, str]]], scope=None
                  ) -> ModuleSource | None:
    """The module items of ``name`` (or, with ``scope``, of that generate block, the module's names still
    declared) with what each writes and reads."""
    mod = next((m for m in _modules(an) if m.header.name.valueText == name), None)
    if mod is None:
        return None
    if scope is not None:
        outer = module_source(an, name, dirs)
        inner = _source_of(an, name, dirs, scope, set())
        if outer is None:
            return None
        inner.declared |= outer.declared
        inner.variables |= outer.variables
        inner.loopvars |= outer.loopvars
        inner.counters |= outer.counters
        for mem in inner.members:
            mem.writes -= inner.loopvars
            mem.reads -= inner.loopvars
        return inner
    return _source_of(an, name, dirs, mod, {p for p, _d in port_directions(an).get(name, [])})


def _source_of(an: Analysis, name: str, dirs, mod, ports: set[str]) -> ModuleSource:
    text = an.text
    variables: set[str] = set()
    declared: set[str] = set(ports)
    loopvars: set[str] = set()
    hdr = mod.header.ports if hasattr(mod, "header") else None
    if hdr is not None and kind_name(hdr) == "AnsiPortList":
        var = False
        for p in _items(hdr.ports):
            h = getattr(p, "header", None)
            htext = _COMMENT.sub(" ", str(h)) if h is not None else ""  # '8-bit' in a comment is no type
            if getattr(getattr(h, "direction", None), "valueText", ""):
                var = bool(_VAR.search(htext))
            elif _VAR.search(htext):
                var = True
            decl = getattr(p, "declarator", None)
            if decl is not None and var:
                variables.add(decl.name.valueText)
    members: list[Member] = []
    for m in mod.members:
        k = kind_name(m)
        s, e = an.span(m)
        if k in _DECL_KINDS:
            mtext = text[s:e]
            names = [d.name.valueText for d in _items(getattr(m, "declarators", None)) if hasattr(d, "name")]
            declared.update(names)
            if k == "GenvarDeclaration" or re.match(r"\s*(integer|int|genvar)\b", mtext):
                loopvars.update(names)
            if k == "DataDeclaration" or (k == "PortDeclaration" and _VAR.search(str(m.header))):
                variables.update(names)
            inits = [d for d in _items(getattr(m, "declarators", None)) if getattr(d, "initializer", None)]
            if inits and k == "NetDeclaration":
                decls = _items(getattr(m, "declarators", None))
                keep = None
                if len(decls) == 1 and len(inits) == 1:
                    # one net with its driver in the declaration: as replaceable as an assign
                    ia, ib = an.span(inits[0].initializer)
                    keep = text[s:ia].rstrip() + text[ib:e]
                mem = Member(s, e, k, {d.name.valueText for d in inits}, set(_names(mtext)), keep is not None,
                             keep)
                mem.reads -= mem.writes if keep is not None else set()
                members.append(mem)
            continue
        mem = Member(s, e, k, removable=k in _DRIVER_KINDS)
        lhs_counts: dict[str, int] = {}
        _writes(m, mem, dirs, lhs_counts, loopvars)
        counts: dict[str, int] = {}
        for n in _names(text[s:e]):
            counts[n] = counts.get(n, 0) + 1
        mem.reads = {n for n, c in counts.items() if c > lhs_counts.get(n, 0)}
        members.append(mem)
    counters = {n for n in loopvars if n in _loop_counters(mod)}
    # an integer that holds data (no loop counts with it) is a word like any other: its writers and
    # readers count (an edit must not drop the block computing an integer a lift reads)
    for mem in members:
        mem.writes -= counters
        mem.reads -= counters
    return ModuleSource(name, members, ports, variables, declared, loopvars, counters)


def _loop_counters(mod) -> set[str]:
    """Names a for loop initializes, and genvars."""
    out: set[str] = set()
    for node in _walk(mod):
        k = kind_name(node)
        if k == "ForLoopStatement":
            for n in _names(" ".join(str(x) for x in _items(getattr(node, "initializers", None)))):
                out.add(n)
                break
        elif k == "GenvarDeclaration":
            out.update(d.name.valueText for d in _items(getattr(node, "declarators", None)) if hasattr(d, "name"))
        elif k == "LoopGenerate":
            ident = getattr(node, "identifier", None)
            if ident is not None and getattr(ident, "valueText", ""):
                out.add(ident.valueText)
    return out


def _writes(node, mem: Member, dirs, lhs_counts: dict[str, int], loopvars: set[str]) -> None:
    k = kind_name(node)
    if k.endswith("AssignmentExpression"):
        lt = str(node.left)
        for r in _roots(lt):
            mem.writes.add(r)
        for n in _names(_strip_selects(lt)):
            lhs_counts[n] = lhs_counts.get(n, 0) + 1
    elif k in ("ForLoopStatement",):
        for n in _names(" ".join(str(x) for x in _items(getattr(node, "initializers", None)))):
            loopvars.add(n)
            break
    elif k == "LoopGenerate":
        ident = getattr(node, "identifier", None)
        if ident is not None and getattr(ident, "valueText", ""):
            loopvars.add(ident.valueText)
    elif k == "HierarchyInstantiation":
        ports = dirs.get(node.type.valueText)
        for inst in _items(node.instances):
            conns = _items(inst.connections)
            for pos, c in enumerate(conns):
                ex = getattr(c, "expr", None)
                if ex is None:
                    continue
                if kind_name(c) == "NamedPortConnection":
                    pname = c.name.valueText
                    d = dict(ports).get(pname) if ports is not None else None
                else:
                    d = ports[pos][1] if ports is not None and pos < len(ports) else None
                if d in ("input",):
                    continue
                if d is None or d != "output":
                    mem.removable = mem.removable and d is not None
                for r in _roots(str(ex)):
                    mem.writes.add(r)
                    if d == "output":
                        lhs_counts[r] = lhs_counts.get(r, 0) + 1
        return
    elif k == "PrimitiveInstantiation":
        for inst in _items(node.instances):
            conns = _items(inst.connections)
            if conns:
                for r in _roots(str(conns[0])):
                    mem.writes.add(r)
                    lhs_counts[r] = lhs_counts.get(r, 0) + 1
        return
    for child in node:
        if hasattr(child, "kind") and not hasattr(child, "valueText"):
            _writes(child, mem, dirs, lhs_counts, loopvars)


def _strip_selects(t: str) -> str:
    prev = None
    while prev != t:
        prev, t = t, re.sub(r"\[[^\[\]]*\]", "", t)
    return t


def _remove(text: str, s: int, e: int) -> Edit:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if not text[ls:s].strip() and not text[e:le].strip():
        return Edit(ls, min(le + 1, len(text)), "")
    return Edit(s, e, "")


def plan_edits(text: str, ms: ModuleSource, targets: set[str], operands: set[str],
               stmts: list[tuple[str, str, tuple[str, ...]]],
               cone_names: set[str] = frozenset(), at_writer: bool = False) -> list[Edit] | None:
    """Edits replacing the drivers of ``targets`` by assignments, or None when that is not safe.

    ``stmts`` holds ``(lhs, expr, lhs target names)`` per assignment. The new assignments go where the
    first removed item was, or (``at_writer``) where the first item writing a target was (a target
    declared after the cone's first item, a child instance computing its operands, say).
    """
    if not targets <= ms.declared or not operands <= ms.declared or targets & operands:
        return None
    writers = [m for m in ms.members if m.writes & targets]
    if not writers or any(not m.removable for m in writers):
        return None
    removed = set(map(id, writers))
    live_extra = set(ms.ports) | operands

    def dead(name: str, extra: Member | None = None) -> bool:
        if name in targets:
            return True
        if name in live_extra:
            return False
        return not any(name in x.reads for x in ms.members
                       if id(x) not in removed and x is not extra)

    grow = set(cone_names) - targets
    changed = True
    while changed:
        changed = False
        for m in ms.members:
            if id(m) in removed or not m.removable or not m.writes:
                continue
            if m.writes <= grow and all(dead(w, m) for w in m.writes):
                removed.add(id(m))
                changed = True
    chosen = [m for m in ms.members if id(m) in removed]
    for m in chosen:
        if m.writes & operands:
            return None
        if not all(dead(w) for w in m.writes):
            return None
    # a lifted target nothing reads any more (a helper variable of a removed loop) needs no statement
    live = [st for st in stmts if any(t in ms.ports or t in operands or any(
        t in x.reads for x in ms.members if id(x) not in removed) for t in st[2])]
    if not live:
        return None
    lines = []
    for lhs, expr, names in live:
        is_var = [t in ms.variables for t in names]
        if any(is_var) and not all(is_var):
            return None
        lines.append(f"always @* {lhs} = {expr};" if all(is_var) else f"assign {lhs} = {expr};")
    chosen.sort(key=lambda m: m.start)
    # a target declared with its driver (wire w = e;) keeps its declaration; the new drivers go after the
    # last such declaration (a name is declared before it is assigned)
    kept = [m for m in chosen if m.keep is not None and m.writes & targets]
    first = kept[-1] if kept else next((m for m in chosen if m.keep is None and (
        not at_writer or m.writes & targets)), chosen[0])
    ls = text.rfind("\n", 0, first.start) + 1
    indent = text[ls:first.start] if not text[ls:first.start].strip() else ""
    head = [first.keep] if first.keep is not None and first in kept else []
    edits = [Edit(first.start, first.end, ("\n" + indent).join(head + lines))]
    edits += [Edit(m.start, m.end, m.keep) if m in kept else _remove(text, m.start, m.end)
              for m in chosen if m is not first]
    return edits


def _partial_block_edits(an: Analysis, module: str, ms: ModuleSource, targets: set[str], operands: set[str],
                         stmts: list[tuple[str, str, tuple[str, ...]]]) -> list[Edit] | None:
    """One combinational always block computes the targets and other words: take the targets' own
    assignments out of it (each a statement of a begin/end list) and add one ``always @*`` per target
    after the block; the block's control structure stays for the other words."""
    writers = [m for m in ms.members if m.writes & targets]
    if len(writers) != 1 or writers[0].kind not in ("AlwaysBlock", "AlwaysCombBlock"):
        return None
    mod = _module_node(an, module)
    node = next((m for m in (mod.members if mod is not None else ()) if an.span(m) == (writers[0].start,
                                                                                      writers[0].end)), None)
    if node is None or _clocked(node) or targets & writers[0].reads - _assigned_only(node, targets):
        return None
    # an operand the block computes too (a wide sum the targets are clamped from) stays in the block:
    # the lift relates the targets to its final value, which is what the new always @* reads
    if any(not all(t in ms.variables for t in names) for _l, _e, names in stmts):
        return None
    text = an.text
    edits: list[Edit] = []
    seen_any = False
    for n in _walk(node):
        if kind_name(n).endswith("AssignmentExpression") and _roots(str(n.left)) & targets:
            if not _roots(str(n.left)) <= targets or kind_name(n) != "AssignmentExpression":
                return None
            seen_any = True
    listed: set[int] = set()
    for n in _walk(node):
        if kind_name(n) != "SequentialBlockStatement":
            continue
        for st in _items(getattr(n, "items", None)):
            if kind_name(st) != "ExpressionStatement":
                continue
            w = _assigned(st)
            if w and w <= targets:
                s, e = an.span(st)
                edits.append(_remove(text, s, e))
                listed.add(an.span(st)[0])
    # a target's assignment that is an arm of an if/case by itself (no begin/end) goes with the whole
    # if/case, when that did nothing else
    loose = [an.span(st) for st in _walk(node) if kind_name(st) == "ExpressionStatement"
             and (w := _assigned(st)) and w <= targets and an.span(st)[0] not in listed]
    removed = sum(1 for n in _walk(node) if kind_name(n) == "AssignmentExpression" and _roots(str(n.left)) & targets)
    if not seen_any or len(edits) + len(loose) != removed:
        return None  # an assignment of a target inside an expression or a loop header
    edits = _drop_emptied_conditionals(an, node, edits, loose)
    if edits is None:
        return None  # an arm assignment whose if/case also does something else
    ls = text.rfind("\n", 0, writers[0].start) + 1
    indent = text[ls:writers[0].start] if not text[ls:writers[0].start].strip() else ""
    add = "".join(f"\n{indent}always @* {lhs} = {expr};" for lhs, expr, _n in stmts)
    edits.append(Edit(writers[0].end, writers[0].end, add))
    return edits


def _decl_in_header(loop) -> bool:
    """The for loop declares its own loop variable(s) (``for (int i = 0; ...)``): nothing outside reads it."""
    inits = [x for x in getattr(loop, "initializers", None) or () if hasattr(x, "kind")]
    return bool(inits) and all(kind_name(x) == "ForVariableDeclaration" for x in inits)


def _loop_var_local(text: str, loop, s: int, e: int) -> bool:
    """The loop's variable, declared outside it (``integer i;``), is read nowhere else in the file but
    in its declarations: its value after the loop matters to nobody."""
    names = set()
    for x in getattr(loop, "initializers", None) or ():
        m = re.match(r"\s*([A-Za-z_]\w*)\s*=", str(x))
        if m is None:
            return False
        names.add(m.group(1))
    if not names:
        return False
    rest = text[:s] + text[e:]
    rest = re.sub(r"\b(?:integer|int|genvar|reg\s*(?:\[[^\]]*\])?)\s+[\w\s,]*;", "", rest)
    return not any(re.search(rf"\b{re.escape(v)}\b", rest) for v in names)


def _drop_emptied_conditionals(an: Analysis, block, edits: list[Edit],
                               loose: list[tuple[int, int]] = ()) -> list[Edit] | None:
    """An if/case statement of ``block`` all of whose statements the ``edits`` remove (the targets'
    assignments were all it did) goes as a whole instead of being left with empty arms; a statement
    with any other effect (another word's assignment, a loop, a task call) stays. ``loose``: spans of
    statements that must go too but can only go with their whole if/case (None when one cannot)."""
    text = an.text
    gone = [(e.start, e.end) for e in edits if not e.replacement] + list(loose)

    def removed(st) -> bool:
        s, e = an.span(st)
        return any(a <= s and e <= b for a, b in gone)

    out = list(edits)
    taken: list[tuple[int, int]] = []
    for n in _walk(block):
        if kind_name(n) not in ("ConditionalStatement", "CaseStatement", "ForLoopStatement"):
            continue
        s, e = an.span(n)
        if any(a <= s and e <= b for a, b in taken):
            continue
        leaves = [x for x in _walk(n) if kind_name(x).endswith("Statement") and
                  kind_name(x) not in ("SequentialBlockStatement", "ConditionalStatement", "CaseStatement",
                                       "EmptyStatement", "ForLoopStatement")]
        if not leaves or not all(kind_name(x) == "ExpressionStatement" and removed(x) for x in leaves):
            continue
        # a for loop whose body only assigned the targets (a select loop, `if (s == i) y = d[i]`) goes
        # as a whole too: its header only steps the loop variable, which the body alone read
        tested = text[s:e] if kind_name(n) != "ForLoopStatement" else \
            text[an.span(n.statement)[0]:an.span(n.statement)[1]]
        if re.search(r"\$\w+\s*\(|\+\+|--", tested):
            continue  # a system call or an increment in a condition: not a pure test
        if kind_name(n) == "ForLoopStatement" and (re.search(r"\$\w+\s*\(", text[s:e]) or
                                                   not (_decl_in_header(n) or _loop_var_local(text, n, s, e))):
            continue  # a loop variable declared outside the loop keeps its final value after it
        taken.append((s, e))
        ls = text.rfind("\n", 0, s) + 1
        out = [x for x in out if not (ls <= x.start and x.end <= e + 1)]
        out.append(_remove(text, s, e))
    if any(not any(a <= s and e <= b for a, b in taken) for s, e in loose):
        return None
    return out


def _inplace_edits(an: Analysis, module: str, ms: ModuleSource, targets: set[str], operands: set[str],
                   stmts: list[tuple[str, str, tuple[str, ...]]]) -> list[Edit] | None:
    """Variables computed step by step inside one combinational always block (an accumulator
    initialized and updated by a loop, a count and the word shifted by it) and read further down the
    same block: the run of statements that write each one becomes one ``v = expr;`` at the same place,
    so every later reader of the block (and of the module) sees the lifted word; the rest of the block
    (the other words it computes) stays byte for byte. Several targets of one block are replaced
    jointly, each at its own run; targets whose runs overlap (a word shifted and its shift counted in
    one loop) share one run, replaced by their assignments one after the other.

    Safe when every write of a target is inside its run (its value after the run is its final value,
    the one the lift was found for), the block writes none of the operands (they hold their final
    values throughout), and a run writes nothing else but loop counters and helper variables nobody
    reads outside it (a ``found`` flag of a priority loop; counters are allowed outside a loop that
    initializes them again)."""
    if not stmts or len(stmts) != len(targets):
        return None
    mod = _module_node(an, module)
    if mod is None:
        return None
    spots = []
    for lhs, expr, names in stmts:
        if len(names) != 1 or lhs != names[0]:
            return None
        sp = _inplace_spot(an, mod, ms, names[0], operands)
        if sp is None:
            return None
        spots.append((sp, lhs, expr))
    # targets whose runs overlap (a word and its count shifted together in one loop) share one run
    groups: list[list] = []
    for (key, items, lo, hi), lhs, expr in sorted(spots, key=lambda x: (x[0][0], x[0][2])):
        if groups and groups[-1][0] == key and lo <= groups[-1][3]:
            groups[-1][3] = max(groups[-1][3], hi)
            groups[-1][4].append((lhs, expr))
        else:
            groups.append([key, items, lo, hi, [(lhs, expr)]])
    edits: list[Edit] = []
    for _key, items, lo, hi, assigns in groups:
        if any(not _assigned_all(st) for st in items[lo:hi + 1]):
            return None  # a statement in between writes nothing (a task call, a display)
        e = _inplace_run(an, mod, ms, items[lo:hi + 1], {lhs for lhs, _e in assigns}, operands,
                         " ".join(f"{lhs} = {expr};" for lhs, expr in assigns))
        if e is None:
            return None
        edits.append(e)
    return edits


def _inplace_spot(an: Analysis, mod, ms: ModuleSource, t: str, operands: set[str]):
    """``(block span, block statements, first, last)``: the first and last statement of the one
    combinational always block that writes ``t`` (None when ``t`` is written elsewhere too)."""
    if t in ms.ports and t not in ms.variables:
        return None
    writers = [m for m in mod.members if t in _assigned_all(m)]
    if len(writers) != 1 or kind_name(writers[0]) not in ("AlwaysBlock", "AlwaysCombBlock") \
            or _clocked(writers[0]):
        return None
    block = writers[0]
    if operands & _assigned_all(block):
        return None
    body = getattr(block.statement, "statement", None) if kind_name(block) == "AlwaysBlock" else block.statement
    if body is None or kind_name(body) != "SequentialBlockStatement":
        return None
    items = _items(getattr(body, "items", None))
    hits = [k for k, st in enumerate(items) if t in _assigned_all(st)]
    if not hits:
        return None
    return an.span(block), items, hits[0], hits[-1]


def _inplace_run(an: Analysis, mod, ms: ModuleSource, run: list, targets: set[str], operands: set[str],
                 new: str) -> Edit | None:
    """The edit of :func:`_inplace_edits` replacing ``run`` (the statements writing ``targets``)."""
    text = an.text
    s, e = an.span(run[0])[0], an.span(run[-1])[1]
    if len(run) == 1 and kind_name(run[0]) == "ExpressionStatement" and \
            re.sub(r"\s+", "", _COMMENT.sub(" ", text[s:e])) == re.sub(r"\s+", "", new):
        return None  # already this assignment: nothing to lift
    if _SIDE_EFFECT.search(_COMMENT.sub(" ", text[s:e])):
        return None
    others: set[str] = set()
    for st in run:
        if any(kind_name(n) in ("HierarchyInstantiation", "NonblockingAssignmentExpression") for n in _walk(st)):
            return None
        others |= _assigned_all(st) - targets
    if not others:
        return Edit(s, e, new)
    if others & (ms.ports | operands) or not others <= ms.declared:
        return None
    # a counter or a helper flag read after the run (outside a loop that sets it first) would see
    # another value; a helper that is not a loop counter must not be read outside the run at all
    ms0, me0 = an.span(mod)
    free = [(a, b) for a, b in (an.span(n) for n in _walk(mod) if kind_name(n) == "ForLoopStatement")
            if not (s <= a < e)]
    decls = [an.span(m) for m in mod.members if kind_name(m) in _DECL_KINDS]
    for name, poss in _mentions(text, ms0, me0).items():
        if name not in others:
            continue
        for pos in poss:
            if s <= pos < e or any(a <= pos < b for a, b in decls):
                continue
            if name not in ms.counters or not any(a <= pos < b and _inits(text, a, b, name) for a, b in free):
                return None
    return Edit(s, e, new)


def _assigned_all(node) -> set[str]:
    """Root names on the left of every assignment under ``node`` (loop headers included)."""
    return {r for n in _walk(node) if kind_name(n).endswith("AssignmentExpression") for r in _roots(str(n.left))}


def _inits(text: str, a: int, b: int, name: str) -> bool:
    """The for loop at ``text[a:b]`` sets ``name`` in its initializer."""
    m = re.match(r"\s*for\s*\(\s*(?:integer\s+|int\s+|genvar\s+)?([A-Za-z_]\w*)\s*=", text[a:b])
    return m is not None and m.group(1) == name


def _assigned_only(node, targets: set[str]) -> set[str]:
    """Targets the block mentions only as assignment targets (not read)."""
    reads: dict[str, int] = {}
    writes: dict[str, int] = {}
    for n in _names(str(node)):
        if n in targets:
            reads[n] = reads.get(n, 0) + 1
    for n in _walk(node):
        if kind_name(n).endswith("AssignmentExpression"):
            for r in _names(_strip_selects(str(n.left))):
                if r in targets:
                    writes[r] = writes.get(r, 0) + 1
    return {t for t in targets if reads.get(t, 0) <= writes.get(t, 0)}


def apply_lift(text: str, module: str, targets, operands, lhs: str, expr: str,
               dirs: dict | None = None, cone_names=frozenset(), an: Analysis | None = None) -> str | None:
    """``text`` with the lift applied, or None when the edit is not safe or does not parse."""
    return apply_lifts(text, module, [(tuple(targets), tuple(operands), lhs, expr)], dirs, cone_names, an)


def apply_lifts(text: str, module: str, lifts: list[tuple[tuple, tuple, str, str]], dirs: dict | None = None,
                cone_names=frozenset(), an: Analysis | None = None, scope_local: str | None = None,
                pins: dict | None = None) -> str | None:
    """``text`` with several lifts of one module applied jointly (one edit), or None.

    Parameters (see :func:`pin_condition`): when the replaced logic, or the declaration of a target or an
    operand, depends on an overridable parameter, the lift only holds for the parameter values it was
    found (and will be proven) for, ``pins``. The edit then keeps the original items for every other
    value: they move into the ``else`` arm of a generate ``if`` on those values (:func:`pinned_edits`).
    Without ``pins`` such an edit is refused."""
    an = an or analyze(text)
    if an.syntax_errors:
        return None
    d = dict(port_directions(an))
    if dirs:
        for k, v in dirs.items():
            d.setdefault(k, v)
    if scope_local:
        blocks = generate_blocks(an, module, scope_local)
        if len(blocks) != 1:
            return None
        ms = module_source(an, module, d, blocks[0])
    else:
        ms = module_source(an, module, d)
    if ms is None:
        return None
    targets = {t for lf in lifts for t in lf[0]}
    operands = {o for lf in lifts for o in lf[1]}
    if sum(len(lf[0]) for lf in lifts) != len(targets):
        return None  # two lifts of the same target
    stmts = [(lf[2], lf[3], tuple(lf[0])) for lf in lifts]
    mod = _module_node(an, module)
    params = overridable_params(mod)
    pdep = param_dependent_names(an, mod, params) & (targets | operands)
    edits = plan_edits(text, ms, targets, operands, stmts, set(cone_names))
    if edits and (pdep or _mentions_params(text, [(e.start, e.end) for e in edits], params)):
        # the logic depends on parameters: the edit only holds for the values it is proven for
        edits = _pinned(text, ms, edits, mod, pins, stmts, scope_local)
    if not edits and not scope_local:
        edits = _partial_block_edits(an, module, ms, targets, operands, stmts) or \
            _inplace_edits(an, module, ms, targets, operands, stmts)
        if edits and (pdep or _mentions_params(text, [(m.start, m.end) for m in ms.members if m.writes & targets],
                                               params)):
            edits = _pinned(text, ms, edits, mod, pins, stmts, scope_local)
    if not edits:
        return None
    try:
        new = apply_edits(text, edits)
    except ValueError:
        return None
    new = remove_leftovers(new, module, text)
    an2 = analyze(new)
    if an2.syntax_errors or an2.errors > an.errors:
        if not scope_local and not pdep and edits == plan_edits(text, ms, targets, operands, stmts, set(cone_names)):
            # the assignments in front of a target's declaration: at the target's first writer instead
            again = plan_edits(text, ms, targets, operands, stmts, set(cone_names), at_writer=True)
            if again and again != edits:
                try:
                    new = remove_leftovers(apply_edits(text, again), module, text)
                except ValueError:
                    return None
                an2 = analyze(new)
                if not an2.syntax_errors and an2.errors <= an.errors:
                    return new
        return None
    return new


# ---- registers: the next-state expression of a clocked block ------------------------------------------


def _module_node(an: Analysis, module: str):
    return next((m for m in _modules(an) if m.header.name.valueText == module), None)


def _walk(node):
    yield node
    for child in node:
        if hasattr(child, "kind") and not hasattr(child, "valueText"):
            yield from _walk(child)


def _params(mod) -> set[str]:
    out: set[str] = set()
    for node in _walk(mod):
        if kind_name(node) in ("ParameterDeclaration", "TypeParameterDeclaration"):
            for d in _items(getattr(node, "declarators", None)):
                if hasattr(d, "name"):
                    out.add(d.name.valueText)
    return out


def _keyword(node) -> str:
    kw = getattr(node, "keyword", None)
    return str(getattr(kw, "valueText", "") or _COMMENT.sub(" ", str(kw or "")).strip())


def overridable_params(mod) -> set[str]:
    """Names of the module's ``parameter``s (overridable per instance) and of the localparams that
    depend on them: an edit whose logic mentions one is only right for the default values."""
    params: set[str] = set()
    local: dict[str, str] = {}
    for node in _walk(mod):
        if kind_name(node) not in ("ParameterDeclaration",):
            continue
        kw = _keyword(node)
        for d in _items(getattr(node, "declarators", None)):
            if not hasattr(d, "name"):
                continue
            if kw == "localparam":
                local[d.name.valueText] = str(d)
            else:
                params.add(d.name.valueText)
    changed = True
    while changed:
        changed = False
        for n, t in local.items():
            if n not in params and set(_names(t)) & params:
                params.add(n)
                changed = True
    return params


def pin_condition(mod, values: dict | None) -> str | None:
    """``P1 == 32'd4 && P2 == 32'd0 ...`` over every ``parameter`` of ``mod`` (the overridable ones; the
    localparams follow from them) at ``values`` (Yosys ``parameter_default_values``: binary strings),
    or None when a value is unknown or not an integer (a string, a real, x/z bits) or there is none.

    The rule for parameterized modules: a rewrite found (and proven) at one parameterization may only
    replace the original logic for exactly that parameterization; the source keeps the original for
    every other value, selected by this condition in a generate ``if`` (or a procedural ``if`` on
    constants), which elaboration folds away.
    """
    if mod is None or values is None:
        return None
    names: list[str] = []
    for node in _walk(mod):
        k = kind_name(node)
        if k == "TypeParameterDeclaration":
            return None
        if k != "ParameterDeclaration" or _keyword(node) != "parameter":
            continue
        names += [d.name.valueText for d in _items(getattr(node, "declarators", None)) if hasattr(d, "name")]
    if not names:
        return None
    parts = []
    for n in dict.fromkeys(names):
        v = values.get(n)
        if v is not None and re.fullmatch(r"[01]{1,64}", v):
            parts.append(f"{n} == {len(v)}'d{int(v, 2)}")
        elif v is not None and re.fullmatch(r"[A-Za-z_][\w .:/+-]{0,63}", v) and not re.fullmatch(r"[01xzXZ ]+", v):
            # a string parameter (Yosys writes string values as the string itself): "MINI" == "MINI"
            parts.append(f'{n} == "{v}"')
        else:
            return None  # unknown, real, x/z bits, or a string that could read as bits
    return " && ".join(parts)


def param_dependent_names(an: Analysis, mod, params: set[str]) -> set[str]:
    """Declared names whose declaration (width, array range, type) mentions one of ``params``: a lift
    reading or writing them is spelled for the widths of one parameterization (``&a`` for
    ``a[0]&a[1]&a[2]&a[3]`` is wrong for another width)."""
    out: set[str] = set()
    if mod is None or not params:
        return out
    text = an.text
    hdr = getattr(mod.header, "ports", None)
    if hdr is not None and kind_name(hdr) == "AnsiPortList":
        for p in _items(hdr.ports):
            decl = getattr(p, "declarator", None)
            if decl is not None and set(_names(str(p))) & params:
                out.add(decl.name.valueText)
    for node in _walk(mod):
        if kind_name(node) in ("PortDeclaration", "NetDeclaration", "DataDeclaration"):
            s, e = an.span(node)
            for d in _items(getattr(node, "declarators", None)):
                if not hasattr(d, "name"):
                    continue
                init = getattr(d, "initializer", None)
                head = text[s:e] if init is None else text[s:an.span(init)[0]]
                if set(_names(head)) & params:
                    out.add(d.name.valueText)
    return out


def _label(text: str, base: str) -> str:
    base = "rtlopt_pinned_" + re.sub(r"\W", "_", base)
    lab, i = base, 1
    while re.search(rf"\b{lab}\b", text):
        i += 1
        lab = f"{base}_{i}"
    return lab


def _pinned(text: str, ms: ModuleSource, edits: list[Edit], mod, pins: dict | None, stmts, scope_local) -> \
        list[Edit] | None:
    """``edits`` (each inside one module item) restricted to the parameterization ``pins``: the items
    they touch are removed from their places and, at the place of the last one, written as
    ``generate if (<pins>) begin <edited items> end else begin <original items> end endgenerate`` --
    the original logic for every other parameter value (verbatim, re-indented). None when that cannot be done."""
    cond = pin_condition(mod, pins)
    if cond is None or scope_local:
        return None
    affected: dict[int, tuple[Member, list[Edit]]] = {}
    for e in edits:
        own = [m for m in ms.members if (max(e.start, m.start) < min(e.end, m.end)) or
               (e.start == e.end and m.start <= e.start <= m.end)]
        if len(own) != 1:
            return None
        m = own[0]
        before = text[e.start:min(e.end, m.start)] if e.start < m.start else ""
        after = text[max(e.start, m.end):e.end] if e.end > m.end else ""
        if before.strip() or after.strip():
            return None  # the edit reaches into text outside the item
        affected.setdefault(id(m), (m, []))[1].append(e)
    if not affected:
        return None
    items = sorted(affected.values(), key=lambda x: x[0].start)
    new_parts, old_parts = [], []

    def body(m: Member, t: str) -> str:
        if m.kind == "GenerateRegion":
            t = re.sub(r"^\s*generate\b", "", t)
            t = re.sub(r"\bendgenerate\s*$", "", t)
        lines = t.strip().split("\n")
        rest = [ln for ln in lines[1:] if ln.strip()]
        cut = min((len(ln) - len(ln.lstrip()) for ln in rest), default=0)
        return "\n".join(lines[:1] + [ln[cut:] if not ln[:cut].strip() else ln.strip() for ln in lines[1:]])

    for m, es in items:
        rel = []
        for e in es:
            s0, e0 = max(e.start, m.start), min(e.end, m.end)
            if e.start == e.end:
                s0 = e0 = e.start
            rel.append(Edit(s0 - m.start, e0 - m.start, e.replacement))
        try:
            nt = apply_edits(text[m.start:m.end], rel)
        except ValueError:
            return None
        if nt.strip():
            new_parts.append(body(m, nt))
        old_parts.append(body(m, text[m.start:m.end]))
    last = items[-1][0]
    ls = text.rfind("\n", 0, last.start) + 1
    ind = text[ls:last.start] if not text[ls:last.start].strip() else ""
    lab = _label(text, "_".join(n for st in stmts for n in st[2])[:40])

    def block(parts: list[str]) -> str:
        return "".join(f"\n{ind}    " + re.sub(r"\n(?=[^\n])", f"\n{ind}    ", p) for p in parts)

    gen = (f"generate if ({cond}) begin : {lab}{block(new_parts)}\n{ind}end else begin : {lab}_orig"
           f"{block(old_parts)}\n{ind}end endgenerate")
    out = [_remove(text, m.start, m.end) for m, _es in items[:-1]]
    out.append(Edit(last.start, last.end, gen))
    return out


_OWN_PIN_HEAD = re.compile(r"generate if \((?P<c>[^\n]*)\) begin : (?P<l>rtlopt_pinned_[\w$]+)(?=\n)")


def _own_pins(text: str):
    """Each statement-level pin written by :func:`_pinned`: ``(start, end, indent, pinned arm lines,
    original arm lines)`` with the arms' lines dedented to the pin's own indentation (None when a pin
    is not exactly that shape)."""
    at = 0
    while True:
        m = _OWN_PIN_HEAD.search(text, at)
        if m is None:
            return
        ls = text.rfind("\n", 0, m.start()) + 1
        ind = text[ls:m.start()]
        lab = re.escape(m.group("l"))
        mid = re.compile(rf"\n{re.escape(ind)}end else begin : {lab}_orig(?=\n)").search(text, m.end())
        tail = mid and re.compile(rf"\n{re.escape(ind)}end endgenerate").search(text, mid.end())
        if ind.strip() or mid is None or tail is None:
            yield None
            return
        pre = ind + "    "
        arms = []
        for a, b in ((m.end(), mid.start()), (mid.end(), tail.start())):
            lines = text[a:b].split("\n")[1:]
            if any(ln.strip() and not ln.startswith(pre) for ln in lines):
                yield None
                return
            arms.append([ln[len(pre):] if ln.strip() else "" for ln in lines])
        yield m.start(), tail.end(), ind, arms[0], arms[1]
        at = tail.end()


def unpin_own(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """``text`` with every statement-level pin written by :func:`_pinned` replaced by its pinned arm,
    and what :func:`repin_own` needs to give a later pin of those items the original else arm again.

    At the pinned parameter values the generate ``if`` elaborates to that arm, so the result has the
    same logic there. A later round's lift of the same block is otherwise refused (its target is
    written in both arms) and the search ends where the first lift left it."""
    saved: list[tuple[str, list[str]]] = []
    for _ in range(8):
        pin = next(_own_pins(text), None)
        if pin is None:
            break
        s, e, ind, new, old = pin
        body = ("\n" + ind).join(new).rstrip() if ind else "\n".join(new).rstrip()
        body = re.sub(r"\n[ \t]+(?=\n)", "\n", body)
        saved.append((re.sub(r"\s+", "", "".join(new)), old))
        text = text[:s] + body + text[e:]
    return text, saved


def repin_own(text: str, saved: list[tuple[str, list[str]]]) -> str:
    """``text`` whose statement-level pins have, as else arm, the pinned arm of an earlier pin
    (:func:`unpin_own`), with that earlier pin's else arm instead: the original items again."""
    if not saved:
        return text
    out, at = [], 0
    for pin in list(_own_pins(text)):
        if pin is None:
            break
        s, e, ind, new, old = pin
        key = re.sub(r"\s+", "", "".join(old))
        for k, orig in saved:
            if k == key:
                chunk = text[s:e]
                mid = chunk.index("_orig\n") + len("_orig")
                tail = chunk.rindex(f"\n{ind}end endgenerate")
                arm = "".join(f"\n{ind}    {ln}" if ln else "\n" for ln in orig)
                out.append(text[at:s] + chunk[:mid] + arm + chunk[tail:])
                at = e
                break
    out.append(text[at:])
    return "".join(out)


def pinned_statement(text: str, an: Analysis, mod, node, pins: dict | None, new_stmt: str) -> Edit | None:
    """The procedural statement ``node`` (inside an always block) replaced by ``begin if (<pins>) <new>
    else <old> end``: the old statement for every other parameter value. None without pins."""
    cond = pin_condition(mod, pins)
    if cond is None:
        return None
    s, e = an.span(node)
    if kind_name(node).endswith("AssignmentExpression"):
        semi = text.find(";", e)
        if semi < 0 or text[e:semi].strip():
            return None
        e = semi + 1
    return Edit(s, e, f"begin if ({cond}) begin {new_stmt} end else begin {text[s:e]} end end")


def _mentions_params(text: str, spans, params: set[str]) -> bool:
    return bool(params) and any(set(_names(text[s:e])) & params for s, e in spans)


def _clocked(block) -> bool:
    if kind_name(block) == "AlwaysFFBlock":
        return True
    st = getattr(block, "statement", None)
    tc = getattr(st, "timingControl", None)
    return tc is not None and bool(re.search(r"\b(posedge|negedge)\b", str(tc)))


def nonblocking_lines(an: Analysis, module: str) -> dict[str, set[int]]:
    """Per register name: the source lines of its nonblocking assignments (whole-name targets)."""
    mod = _module_node(an, module)
    out: dict[str, set[int]] = {}
    if mod is None:
        return out
    for node in _walk(mod):
        if kind_name(node) == "NonblockingAssignmentExpression":
            s, e = an.span(node)
            for r in _roots(str(node.left)):
                out.setdefault(r, set()).update(range(an.line(s), an.line(max(s, e - 1)) + 1))
    return out


def apply_clocked_switch(text: str, module: str, reg: str, lines: tuple[int, int], operands, expr: str,
                         an: Analysis | None = None, pins: dict | None = None) -> str | None:
    """``text`` with the ``if``/``case`` statement on ``lines`` (inside a clocked block; every arm assigns
    ``reg`` and nothing else) replaced by ``reg <= expr;``. None when that is not safe."""
    an = an or analyze(text)
    if an.syntax_errors:
        return None
    mod = _module_node(an, module)
    if mod is None:
        return None
    blocks = [m for m in mod.members if kind_name(m) in ("AlwaysBlock", "AlwaysFFBlock")]
    pick = block = None
    for b in blocks:
        for node in _walk(b):
            if kind_name(node) in ("ConditionalStatement", "CaseStatement") and \
                    (an.line(an.span(node)[0]), an.line(an.span(node)[1] - 1)) == tuple(lines):
                pick, block = node, b
                break
        if pick is not None:
            break
    if pick is None or not _clocked(block):
        return None
    writers = [b for b in blocks if reg in _assigned(b)]
    if writers != [block]:
        return None
    nb = [n for n in _walk(pick) if kind_name(n).endswith("AssignmentExpression")]
    if not nb or any(kind_name(n) != "NonblockingAssignmentExpression" or str(n.left).strip() != reg for n in nb):
        return None
    if _SIDE_EFFECT.search(_COMMENT.sub(" ", str(pick))):
        return None
    blocking: set[str] = set()
    for node in _walk(block):
        if kind_name(node) == "AssignmentExpression":
            blocking |= _roots(str(node.left))
    if blocking & set(operands):
        return None
    params = overridable_params(mod)
    s, e = an.span(pick)
    edit = Edit(s, e, f"{reg} <= {expr};")
    if _mentions_params(text, [an.span(pick)], params) or \
            param_dependent_names(an, mod, params) & (set(operands) | {reg}):
        edit = pinned_statement(text, an, mod, pick, pins, f"{reg} <= {expr};")
        if edit is None:
            return None
    new = apply_edits(text, [edit])
    new = remove_leftovers(new, module, text)
    an2 = analyze(new)
    if an2.syntax_errors or an2.errors > an.errors:
        return None
    return new


def _called_function_lines(an: Analysis, mod, rhs: str) -> set[int]:
    """The source lines of the module's functions that ``rhs`` calls (their cells' source lines)."""
    called = set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", _COMMENT.sub(" ", rhs)))
    out: set[int] = set()
    for node in _walk(mod):
        if kind_name(node) == "FunctionDeclaration" and \
                str(getattr(node.prototype, "name", "")).strip() in called:
            s, e = an.span(node)
            out |= set(range(an.line(s), an.line(e) + 1))
    return out


def apply_clocked(text: str, module: str, reg: str, leaf: int, nleaves: int, src_lines, operands, expr: str,
                  an: Analysis | None = None, pins: dict | None = None) -> str | None:
    """``text`` with the right-hand side of one nonblocking assignment ``reg <= ...`` (in a clocked block)
    replaced by ``expr``; the enable/reset structure around it is kept. The assignment is the
    ``leaf``-th data arm of the register (or the one on the lines ``src_lines``). Statements and
    declarations that only fed the old expression are removed. None when that is not safe."""
    an = an or analyze(text)
    if an.syntax_errors:
        return None
    mod = _module_node(an, module)
    if mod is None:
        return None
    params = _params(mod)
    blocks = [m for m in mod.members if kind_name(m) in ("AlwaysBlock", "AlwaysFFBlock")]
    hits = []  # (block, assignment node)
    for b in blocks:
        for node in _walk(b):
            if kind_name(node) == "NonblockingAssignmentExpression" and str(node.left).strip() == reg:
                hits.append((b, node))
    if not hits or len({id(b) for b, _n in hits}) != 1:
        return None
    block = hits[0][0]
    if not _clocked(block):
        return None
    arms = []
    for _b, node in hits:
        rt = _COMMENT.sub(" ", str(node.right)).strip()
        bare = re.sub(r"\d*\s*'[sS]?[bBoOdDhH]\s*[\w?]+|'[01xXzZ]", " ", rt)
        if rt == reg or set(_names(bare)) <= params:
            continue
        arms.append(node)
    pick = None
    lines = set(src_lines or ())
    if lines:
        by_line = [n for n in arms if set(range(an.line(an.span(n)[0]), an.line(an.span(n)[1]) + 1)) & lines]
        if len(by_line) == 1:
            pick = by_line[0]
    if pick is None and len(arms) == nleaves and 0 <= leaf < len(arms):
        pick = arms[leaf]
    if pick is None:
        return None
    # an operand the block itself assigns (a blocking temporary) has another value at that point
    blocking: set[str] = set()
    for node in _walk(block):
        if kind_name(node) == "AssignmentExpression":
            blocking |= _roots(str(node.left))
    if blocking & set(operands):
        return None
    # the arm must be where the lifted logic is: its own expression (the cells' source lines), or
    # blocking temporaries of this block that computed it -- never a plain register or input
    rt = _COMMENT.sub(" ", str(pick.right))
    own = set(range(an.line(an.span(pick)[0]), an.line(max(an.span(pick)[0], an.span(pick)[1] - 1)) + 1))
    if not (own & lines) and not (set(_names(_strip_selects(rt))) - _params(mod) <= blocking and _names(rt)) \
            and not (_called_function_lines(an, mod, rt) & lines):
        return None
    params = overridable_params(mod)
    spans = [an.span(pick.right)] + [an.span(n) for n in _walk(block) if kind_name(n) == "AssignmentExpression"] + \
        [an.span(n) for n in _walk(block) if kind_name(n) == "ForLoopStatement"]
    s, e = an.span(pick.right)
    edit = Edit(s, e, expr)
    if _mentions_params(text, spans, params) or param_dependent_names(an, mod, params) & (set(operands) | {reg}):
        edit = pinned_statement(text, an, mod, pick, pins, f"{reg} <= {expr};")
        if edit is None:
            return None
    new = apply_edits(text, [edit])
    new = remove_leftovers(new, module, text)
    an2 = analyze(new)
    if an2.syntax_errors or an2.errors > an.errors:
        return None
    return new


# ---- leftovers: logic and declarations nothing reads any more ---------------------------------------------
_SIDE_EFFECT = re.compile(r"\$(?!signed\b|unsigned\b|clog2\b|bits\b|countones\b)\w+|\b(?:force|release|disable)\b")


def _mentions(text: str, s: int, e: int) -> dict[str, list[int]]:
    body = _COMMENT.sub(lambda m: " " * len(m[0]), text[s:e])
    out: dict[str, list[int]] = {}
    for m in _ID.finditer(body):
        out.setdefault(m[0], []).append(s + m.start())
    return out


def _units(text: str, an: Analysis, mod, ports: set[str]) -> list[tuple[int, int, set[str], set[str]]]:
    """Removable units: ``(start, end, names written, names declared)`` -- declarations, continuous
    assignments and always blocks at module level, statements inside sequential blocks."""
    units = []
    for m in _flat_members(mod):
        k = kind_name(m)
        s, e = an.span(m)
        if k in ("NetDeclaration", "DataDeclaration"):
            names = {d.name.valueText for d in _items(getattr(m, "declarators", None)) if hasattr(d, "name")}
            if names and not names & ports:
                units.append((s, e, set(names), set(names)))
        elif k in ("ContinuousAssign", "AlwaysBlock", "AlwaysCombBlock", "AlwaysFFBlock"):
            w = _assigned(m)
            if w and not _SIDE_EFFECT.search(_COMMENT.sub(" ", text[s:e])):
                units.append((s, e, w, set()))
            if k != "ContinuousAssign":
                for node in _walk(m):
                    if kind_name(node) == "SequentialBlockStatement":
                        for st in _items(getattr(node, "items", None)):
                            ss, se = an.span(st)
                            w = _assigned(st)
                            if w and not _SIDE_EFFECT.search(_COMMENT.sub(" ", text[ss:se])) \
                                    and kind_name(st) not in ("DataDeclaration", "TimingControlStatement"):
                                units.append((ss, se, w, set()))
    return units


def _flat_members(node) -> list:
    """Module items, and the items inside generate loops/regions/blocks."""
    out = []
    for m in getattr(node, "members", None) or ():
        k = kind_name(m)
        if k in ("GenerateRegion", "GenerateBlock"):
            out += _flat_members(m)
        elif k == "LoopGenerate":
            blk = getattr(m, "block", None)
            if blk is not None and kind_name(blk) == "GenerateBlock":
                out += _flat_members(blk)
            elif blk is not None:
                out.append(blk)
        else:
            out.append(m)
    return out


def scope_labels(an: Analysis, module: str) -> tuple[set[str], dict[str, str]]:
    """(labels of the module's generate blocks, instance name -> instantiated module)."""
    mod = _module_node(an, module)
    labels: set[str] = set()
    insts: dict[str, str] = {}
    for node in _walk(mod) if mod is not None else ():
        k = kind_name(node)
        if k == "GenerateBlock":
            m = re.match(r"\s*begin\s*:\s*([A-Za-z_]\w*)", str(node))
            if m:
                labels.add(m[1])
        elif k == "HierarchyInstantiation":
            if getattr(node, "parameters", None) is not None:
                continue  # a parameterised instance: its module's source serves other values too
            for inst in _items(node.instances):
                m = re.match(r"\s*([A-Za-z_]\w*)", str(inst))
                if m:
                    insts[m[1]] = node.type.valueText
    return labels, insts


def generate_blocks(an: Analysis, module: str, local: str) -> list:
    """Generate blocks of ``module`` that declare ``local``."""
    mod = _module_node(an, module)
    out = []
    for node in _walk(mod) if mod is not None else ():
        if kind_name(node) != "GenerateBlock":
            continue
        for m in node.members:
            if kind_name(m) in ("NetDeclaration", "DataDeclaration") and local in {
                    d.name.valueText for d in _items(getattr(m, "declarators", None)) if hasattr(d, "name")}:
                out.append(node)
                break
    return out


def _assigned(node) -> set[str]:
    out: set[str] = set()
    for n in _walk(node):
        if kind_name(n).endswith("AssignmentExpression"):
            out |= _roots(str(n.left))
        elif kind_name(n) in ("HierarchyInstantiation", "PrimitiveInstantiation", "ForLoopStatement"):
            if kind_name(n) == "ForLoopStatement":
                continue
            return set()
    return out


def remove_leftovers(text: str, module: str, before: str, rounds: int = 6) -> str:
    """Remove declarations, assignments and statements of names that ``text`` mentions less than
    ``before`` did (what an edit left behind) once nothing else reads them; ports and anything with a
    side effect stay. Returns ``text`` unchanged when nothing is left over."""
    an0 = analyze(before)
    mod0 = _module_node(an0, module)
    if mod0 is None:
        return text
    s0, e0 = an0.span(mod0)
    old = {n: len(v) for n, v in _mentions(before, s0, e0).items()}
    for _ in range(rounds):
        an = analyze(text)
        if an.syntax_errors:
            return text
        mod = _module_node(an, module)
        if mod is None:
            return text
        ports = {p for p, _d in port_directions(an).get(module, [])}
        ms, me = an.span(mod)
        ment = _mentions(text, ms, me)
        cand = {n for n, c in old.items() if len(ment.get(n, ())) < c and n not in ports and n in ment}
        units = _units(text, an, mod, ports)
        # helpers written together with a left-over name (a carry next to a sum bit, a loop index) too
        dead = set(cand)
        for s, e, w, _d in units:
            if w & cand:
                dead |= {n for n in _mentions(text, s, e) if n in old and n not in ports}
        while True:
            covers = [(s, e) for s, e, w, _d in units if w and w <= dead]
            decls = {n: (s, e) for s, e, _w, d in units if d and d <= dead for n in d}
            drop = set()
            for n in dead:
                for pos in ment.get(n, ()):
                    if not any(s <= pos < e for s, e in covers) and not (n in decls and decls[n][0] <= pos < decls[n][1]):
                        drop.add(n)
                        break
            if not drop:
                break
            dead -= drop
        if not dead:
            return text
        spans = sorted({(s, e) for s, e, w, d in units if (w or d) and (w | d) <= dead})
        outer = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]
        if not outer:
            return text
        text = _remove_spans(text, outer)
    return text


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without ``spans``; a line left blank by them goes entirely."""
    gone = bytearray(len(text))
    for s, e in spans:
        gone[s:e] = b"\1" * (e - s)
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        had = any(gone[pos:end])
        kept = "".join(ch for k, ch in enumerate(line) if not gone[pos + k])
        if had and not kept.strip():
            kept = ""
        elif had:
            kept = re.sub(r"(?<=\S) {2,}(?=\S)", " ", kept.rstrip(" \t\n")) + ("\n" if line.endswith("\n") else "")
        out.append(kept)
        pos = end
    return "".join(out)
