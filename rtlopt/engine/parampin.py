"""Rewrites of parameterized modules hold only for the parameter values they were proven with.

The search elaborates the design once (the top at its defaults, every instance with the values its
parent gives it), and the prover checks a candidate for exactly that elaboration. A rewrite inside a
module with overridable ``parameter``\\ s can be right only there: narrowing ``cnt`` to 10 bits
because ``HOLD = 1000`` fits, ``cnt == 10'd1000`` for ``cnt == HOLD``, an e-graph constant folded from a
parameter. Another instance of the same module (``#(.HOLD(5000))``) would silently get wrong logic.

So every candidate that changes such a module is *pinned* before it is measured and proven:

    module m #(parameter HOLD = 1000) (...);      // header unchanged
      if (HOLD == 1000) begin : rtlopt_params_m   // the values of every elaboration the proof covers
        <rewritten body>
      end else begin : rtlopt_original_m
        <original body, verbatim>
      end
    endmodule

A generate ``if`` on parameters is folded by elaboration: at the proven values the netlist is the
rewritten one (same cells; names gain the block prefix), at every other value it is the original.
The search keeps the unpinned texts for its generators and pins every text it measures, proves or
writes against the ORIGINAL module, so several rounds accumulate inside one pinned arm and the else arm is
always the original body (word-level lifting's own statement-level pins end up inside the pinned arm,
where they are redundant but harmless). A candidate is refused (None) when pinning cannot be done safely:
the header changed, the body holds constructs a generate block cannot (``specify``, ``defparam``, a
changed body-level declaration that must stay at module level), or the module is not elaborated in the
design.
"""

from __future__ import annotations

import re

from rtlopt.engine.hierarchy import _mask, module_span

LABEL = "rtlopt_pinned_"  # word-level lifting's statement-level pins
PIN_LABEL = "rtlopt_params_"  # this module's whole-body pins
ORIG_LABEL = "rtlopt_original_"
_CLONE = re.compile(r"([A-Za-z_][\w$]*?)_rtlopt_i[A-Za-z_][\w$]*")
_MODULE = re.compile(r"(?<![\w$])(?:module|macromodule)\s+([A-Za-z_][\w$]*)")
_UNPINNABLE = re.compile(r"(?<![\w$`])(input|output|inout|parameter|generate|endgenerate|specify|defparam)(?![\w$])")


def _header_end(masked_mod: str) -> int | None:
    """Offset just past the ``;`` that ends ``module name #(...) (...);`` in the (masked) module text."""
    depth = 0
    for i, ch in enumerate(masked_mod):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == ";" and depth == 0:
            return i + 1
    return None


def has_parameters(module_text: str) -> bool:
    """Whether the module declares an overridable parameter (a ``#(...)`` header list or ``parameter``)."""
    m = _mask(module_text)
    end = _header_end(m)
    if end is None:
        return True  # unreadable header: treat as parameterized (refused unless pinned)
    return bool(re.search(r"#\s*\(", m[:end]) or re.search(r"(?<![\w$])parameter(?![\w$])", m))


def design_configs(parsed, top: str) -> dict[str, set[tuple]] | None:
    """{module: {((param, literal), ...), ...}} over every elaborated instance of the design, or None
    when the design cannot be represented (compilation errors, type parameters); the top carries the
    user's -G overrides."""
    if parsed is None:
        return None
    from rtlopt.engine.modproof import _instances

    try:
        insts = _instances(parsed.trees, top, overrides=True, strict=False)
    except Exception:  # noqa: BLE001 - elaboration trouble: nothing can be pinned
        return None
    if insts is None:
        return None
    out: dict[str, set[tuple]] = {}
    for _inst, mod, cfg in insts:
        out.setdefault(mod, set()).add(None if cfg is None else tuple(cfg[0]))
    return out


def configs_for(texts: dict, top: str, base: dict[str, set[tuple]] | None) -> dict[str, set[tuple]] | None:
    """The parameter values to pin a candidate's ``texts`` for: ``base`` (the input design's
    elaboration), except when the texts hold a module copied for one instance
    (``<module>_rtlopt_i<inst>``, :mod:`rtlopt.semantic.reglockstep`): that instance no longer uses the
    module, so a later rewrite of the module is proven only at the values its remaining instances have,
    and its pinned arm must claim no more -- then recomputed from ``texts`` (None when they do not
    elaborate: nothing is pinned)."""
    if not any(_CLONE.search(t) for t in texts.values()):
        return base
    from types import SimpleNamespace

    from rtlopt.hdl.project import syntax_tree

    try:
        trees = [syntax_tree(t, p) for p, t in texts.items()]
    except Exception:  # noqa: BLE001 - a text the front end refuses: nothing can be pinned
        return None
    return design_configs(SimpleNamespace(trees=trees), top)


def _condition(cfgs: set[tuple]) -> str | None:
    if not cfgs or None in cfgs or () in cfgs:
        return None
    parts = []
    for cfg in sorted(cfgs):
        parts.append(" && ".join(f"{n} == {v}" for n, v in cfg))
    return parts[0] if len(parts) == 1 else " || ".join(f"({p})" for p in parts)


def pin_text(old: str, new: str, configs: dict[str, set[tuple]] | None, source: str = "") -> str | None:
    """``new`` with every changed parameterized module pinned (see the module docstring); ``new``
    itself when no changed module has parameters or the candidate pinned itself (word-level lifting);
    None when a changed parameterized module cannot be pinned."""
    if old == new:
        return new
    mo, mn = _mask(old), _mask(new)
    names_o, names_n = _MODULE.findall(mo), _MODULE.findall(mn)
    changed: list[str] = []
    # a module copied for one instance (rtlopt.semantic.reglockstep._uniquify): that instance alone uses
    # the copy, at the parameter values it was proven with; the other modules are pinned as usual
    added = [n for n in names_n if n not in names_o]
    if added and all(_CLONE.fullmatch(n) and _CLONE.fullmatch(n).group(1) in names_o for n in added) \
            and [n for n in names_n if n not in added] == names_o:
        names_n = names_o
    if names_o != names_n or len(set(names_o)) != len(names_o):
        # modules added/removed/renamed: only acceptable when none of them is parameterized
        for text, names in ((old, names_o), (new, names_n)):
            for n in names:
                sp = module_span(text, n)
                if sp is None or has_parameters(text[sp[0]:sp[1]]):
                    return None
        return new
    for n in names_o:
        so, sn = module_span(old, n), module_span(new, n)
        if so is None or sn is None:
            return None
        if old[so[0]:so[1]] != new[sn[0]:sn[1]]:
            changed.append(n)
    param_changed = [n for n in changed if has_parameters(old[slice(*module_span(old, n))])
                     and not _export_only(old[slice(*module_span(old, n))], new[slice(*module_span(new, n))])
                     and not _share_hook_only(old[slice(*module_span(old, n))], new[slice(*module_span(new, n))])
                     and not _share_pass_only(old[slice(*module_span(old, n))], new[slice(*module_span(new, n))])
                     and not _instlife_hook_only(old[slice(*module_span(old, n))], new[slice(*module_span(new, n))])
                     and not _memdepth_hook_only(old[slice(*module_span(old, n))], new[slice(*module_span(new, n))])
                     # proven at the values in use, and its logic reads no parameter: holds at every value
                     and not ((configs or {}).get(n) and param_independent(old[slice(*module_span(old, n))],
                                                                            new[slice(*module_span(new, n))]))]
    if not param_changed:
        return new
    out = new
    for n in param_changed:
        so, sn = module_span(old, n), module_span(out, n)
        mod_o, mod_n = old[so[0]:so[1]], out[sn[0]:sn[1]]
        # exported registers (crossinst): the new ports stay in the header, their assigns go in both arms
        exports = _EXPORT_ASSIGN.findall(mod_n) if _EXPORT_PORT.search(mod_n) else []
        # lock-step imports (rtlopt.semantic.reglockstep): new input ports the rewritten arm reads;
        # the header keeps them, the original arm leaves them unread
        imports = bool(_IMPORT_PORT.search(mod_n))
        # a sibling-sharing hook (rtlopt.semantic.instshare) on a module an earlier rewrite changed: the
        # header keeps its parameter and ports, the hook wire goes in the rewritten arm with the body
        # (its output assign is an export: 0 in the original arm, where the parameter stays 0)
        share = bool(_SHARE_WIRE.search(mod_n))
        hdr_full = None
        if exports or imports or share:
            hf = _header_end(_mask(mod_n))
            hdr_full = mod_n[:hf] if hf is not None else None
            mod_n = _EXPORT_ASSIGN.sub("", _EXPORT_PORT.sub("", mod_n))
            mod_n = _IMPORT_PORT.sub("", mod_n)
            if share:
                mod_n = _SHARE_PARAM.sub("", _SHARE_IN_PORT.sub("", mod_n), count=1)
        cond = _condition((configs or {}).get(n, set()))
        if cond is None:
            return None
        if not exports and not imports and not share:
            small = _minimal_pin(mod_o, mod_n, n, cond)
            if small is not None:  # only the module items that changed, each pinned where it is
                out = out[:sn[0]] + small + out[sn[1]:]
                continue
        mo_m, mn_m = _mask(mod_o), _mask(mod_n)
        ho, hn = _header_end(mo_m), _header_end(mn_m)
        if ho is None or hn is None or mod_o[:ho].replace("\r", "") != mod_n[:hn].replace("\r", ""):
            return None
        eo = mo_m.rfind("endmodule")
        en = mn_m.rfind("endmodule")
        # body-level `parameter` declarations (state codes, say) stay where they are, at module level
        # (they cannot move into a generate block); they must be the same on both sides
        # so do non-ANSI port declarations and the reg/wire declarations of those ports; `generate`
        # regions lose their (optional) keywords, which cannot nest inside the pinned block
        body_o, params_o, bm_o = _split_params(*_strip_generate(mod_o[ho:eo], mo_m[ho:eo]))
        body_n, params_n, bm_n = _split_params(*_strip_generate(mod_n[hn:en], mn_m[hn:en]))
        if [d.replace("\r", "") for d in params_o] != [d.replace("\r", "") for d in params_n]:
            return None  # (line endings aside: the FSM engine writes its own)
        if not re.search(r"(?<![\w$.])" + re.escape(n) + r"\s*\.", bm_o + bm_n):
            body_o, bm_o, body_n, bm_n, shared = _shared_packed(body_o, bm_o, body_n, bm_n)
            params_o = params_o + shared
            body_o, bm_o, body_n, bm_n, shared = _renamed_packed(body_o, bm_o, body_n, bm_n, new)
            params_o = params_o + shared
        body_o, bm_o, body_n, bm_n, funcs = _shared_functions(body_o, bm_o, body_n, bm_n)
        params_o = params_o + funcs
        if _UNPINNABLE.search(_no_subprograms(bm_o)) or _UNPINNABLE.search(_no_subprograms(bm_n)):
            return None
        # a hierarchical name through the module itself (`m.stage[i].q`) gains the new block level
        body_o = _requalify(body_o, bm_o, n, ORIG_LABEL + n)
        body_n = _requalify(body_n, bm_n, n, PIN_LABEL + n)
        kept = "".join(f"\n  {p}" for p in params_o)
        label = PIN_LABEL + n
        if exports or imports or share:
            if hdr_full is None:
                return None
            body_n = body_n.rstrip(" \t") + "".join(exports)
            # a register renamed by an earlier rewrite (narrowed 'c' -> 'c_q') does not exist in the
            # original arm: its export port reads 0 there (only the rewritten arm's parent connects it)
            body_o = body_o.rstrip(" \t") + "".join(
                e if re.search(rf"(?<![\w$]){re.escape(e.split('=')[1].strip(' ;'))}(?![\w$])", body_o)
                else e.split("=")[0] + "= 0;\n" for e in exports)
        pinned = (f"{hdr_full if exports or imports or share else mod_o[:ho]}{kept}\n"
                  f"  // rtlopt: rewritten for the parameter values it was proven with; any other values keep\n"
                  f"  // the original logic (the else arm, unchanged)\n"
                  f"  if ({cond}) begin : {label}{_indent(body_n)}\n"
                  f"  end else begin : {ORIG_LABEL}{n}{_indent(body_o)}\n"
                  f"  end\n{mod_o[eo:]}")
        out = out[:sn[0]] + pinned + out[sn[1]:]
    return out


_KEYWORDS = frozenset(re.findall(r"\S+", """
alias always always_comb always_ff always_latch and assert assign assume automatic before begin bind bit break buf
bufif0 bufif1 byte case casex casez cell chandle class clocking cmos config const constraint context continue cover
deassign default defparam design disable do edge else end endcase endclocking endconfig endfunction endgenerate
endinterface endmodule endpackage endprimitive endprogram endproperty endspecify endsequence endtable endtask enum
event export extends extern final first_match for force foreach forever fork forkjoin function generate genvar
highz0 highz1 if iff ifnone import incdir include initial inout input inside instance int integer interface
intersect join join_any join_none large liblist library local localparam logic longint macromodule medium
modport module nand negedge new nmos nor noshowcancelled not notif0 notif1 null or output package packed parameter
pmos posedge primitive priority program property protected pull0 pull1 pulldown pullup pulsestyle_ondetect
pulsestyle_onevent pure rand randc randcase randsequence rcmos real realtime ref reg release repeat return rnmos
rpmos rtran rtranif0 rtranif1 scalared sequence shortint shortreal showcancelled signed small solve specify
specparam static string strong0 strong1 struct super supply0 supply1 table task this throughout time timeprecision
timeunit tran tranif0 tranif1 tri tri0 tri1 triand trior trireg type typedef union unique unsigned use uwire var
vectored virtual void wait wait_order wand weak0 weak1 while wildcard wire with within wor xnor xor"""))


def param_independent(mod_o: str, mod_n: str, group: set[str] | None = None) -> bool:
    """Whether the rewrite of one module (old text ``mod_o``, new text ``mod_n``) holds at EVERY
    parameter value once it is proven at one: the logic it touches reads no parameter.

    The changed module items and every item connected to them through a name (what they read, what
    reads what they drive, the declarations and header ports of those names, transitively) form one
    part of the module; when no item of that part names a parameter, a localparam derived from one,
    a genvar or a type parameter, the part elaborates to the same logic at every value and is separate
    from the rest, which is unchanged. A rewrite proven at the values in use then holds at all of them,
    and needs no pin. Conservative: any name (not a keyword) links two items, and a module that does not
    parse alone (macros, includes) or holds ``defparam`` or hierarchical references is never independent.

    ``group``: only the changed items whose text (masked, blanks collapsed) is in it are asked about;
    the others stay pinned, so the part must not reach any of them (at other values they revert)."""
    from pyslang import syntax

    got_o, got_n = _items(mod_o), _items(mod_n)
    if got_o is None or got_n is None:
        return False
    (io, ho), (in_, hn) = got_o, got_n
    mo, mn = _mask(mod_o), _mask(mod_n)
    if " ".join(mo[:ho].split()) != " ".join(mn[:hn].split()):
        return False  # the header (ports, parameters) changed
    if re.search(r"(?<![\w$])defparam(?![\w$])", mo + mn):
        return False
    trees = []
    for t in (mod_o, mod_n):
        try:
            trees.append(syntax.SyntaxTree.fromText(t).root)
        except Exception:  # noqa: BLE001 - (parsed once already by _items)
            return False
    tainted: set[str] = set()
    local: list[tuple[str, str]] = []  # (name, initializer) of body localparams
    for root in trees:
        hdr_end = root.header.sourceRange.end.offset

        def visit(nd, hdr_end=hdr_end):
            k = getattr(nd, "kind", None)
            if k == syntax.SyntaxKind.ParameterDeclaration:
                kw = nd.keyword.valueText
                for d in nd.declarators:
                    if not hasattr(d, "name"):
                        continue
                    nm = d.name.valueText
                    if kw == "localparam" and nd.sourceRange.start.offset >= hdr_end:
                        local.append((nm, str(d.initializer.expr) if d.initializer is not None else ""))
                    else:
                        tainted.add(nm)
            elif k in (syntax.SyntaxKind.TypeParameterDeclaration, syntax.SyntaxKind.GenvarDeclaration):
                tainted.update(_IDENT_RE.findall(_mask(str(nd))))
            return True

        root.visit(visit)
    tainted -= _KEYWORDS
    # a localparam is a constant when its value names only constant localparams; one computed from a
    # parameter, a signal ($bits(d)), a function, ... counts as a parameter
    const: set[str] = set()
    grew = True
    while grew:
        grew = False
        for nm, init in local:
            if nm not in const and set(_IDENT_RE.findall(_mask(init))) - _KEYWORDS <= const:
                const.add(nm)
                grew = True
    tainted |= {nm for nm, _i in local} - const
    if not tainted:
        return True  # nothing to depend on (only literal localparams)
    # the module's units: each header port (a port without a direction inherits the one before it) and
    # each body item, with the names it mentions and the names it may drive (a superset: whatever
    # stands left of an assignment, a declaration's name when it has an initial value, everything an
    # instance, a generate construct or a function mentions)
    units: list[tuple[str, frozenset[str], frozenset[str]]] = []  # (normalized text, mentions, drives)

    def names(text: str) -> frozenset[str]:
        return frozenset(set(_IDENT_RE.findall(text)) - _KEYWORDS)

    for root, m in ((trees[0], mo), (trees[1], mn)):
        ports = root.header.ports
        prev = ""
        for p in getattr(ports, "ports", None) or ():
            if not hasattr(p, "sourceRange"):
                continue
            txt = m[p.sourceRange.start.offset:p.sourceRange.end.offset]
            if not re.match(r"\s*(input|output|inout|ref)(?![\w$])", txt):
                txt = prev + " " + txt
            prev = txt
            nm = names(txt)
            units.append((" ".join(txt.split()), nm, nm if "=" in txt else frozenset()))
    changed: set[str] = set()
    for items, m, other, other_m in ((io, mo, in_, mn), (in_, mn, io, mo)):
        others = {" ".join(other_m[s:e].split()) for _k, s, e, _nm in other}
        for kind, s, e, _nm in items:
            raw = m[s:e]
            txt = " ".join(raw.split())
            if kind == "TaskDeclaration" or re.search(r"(?<![\w$])(force|release|deassign)(?![\w$])", raw):
                return False  # (task outputs, procedural overrides: drives the text does not show)
            if kind != "HierarchyInstantiation" and re.search(
                    r"(?<![\w$.])[A-Za-z_][\w$]*\s*(\[[^\]]*\]\s*)?\.\s*[A-Za-z_]", raw):
                return False  # hierarchical references (or members): not followed
            nm = names(raw)
            if kind in ("ContinuousAssign", "AlwaysBlock", "AlwaysCombBlock", "AlwaysFFBlock", "AlwaysLatchBlock",
                        "InitialBlock", "FinalBlock"):
                dr = _lhs_names(raw) - _KEYWORDS
                if _SYSTASK_WRITES.search(raw):  # ($readmemh(FILE, mem) loads mem)
                    dr = nm
            elif kind in ("DataDeclaration", "NetDeclaration", "PortDeclaration"):
                dr = nm if "=" in raw else frozenset()
            else:
                dr = nm
            units.append((txt, nm, frozenset(dr)))
            if txt not in others:
                changed.add(txt)
    forbidden: set[str] = set()
    if group is not None:
        forbidden = changed - group
        changed &= group
    if not changed:
        return False
    # the part: the changed items, what reads what they drive (forward, transitively), then whatever
    # drives a name any of those reads (backward, transitively), and the declarations of its names
    inpart = [txt in changed for txt, _n, _d in units]
    driven = set().union(*(d for (t, _n, d), k in zip(units, inpart, strict=True) if k))
    grew = True
    while grew:
        grew = False
        for i, (_t, nm, dr) in enumerate(units):
            if not inpart[i] and nm & driven:
                inpart[i], grew = True, True
                driven |= dr
    read = set().union(*(nm for (_t, nm, _d), k in zip(units, inpart, strict=True) if k))
    grew = True
    while grew:  # (a declaration or port naming a name of the part joins it: its type may name a typedef)
        grew = False
        for i, (_t, nm, dr) in enumerate(units):
            if not inpart[i] and (dr & read or (not dr and nm & read)):
                inpart[i], grew = True, True
                read |= nm
    if any(k and t in forbidden for (t, _n, _d), k in zip(units, inpart, strict=True)):
        return False  # the part reaches a change that stays pinned
    return not (read & tainted)


_LHS = re.compile(r"(\{[^{};]*\}|(?<![\w$.'])[A-Za-z_][\w$]*(?:\s*\[[^\]]*\])*)\s*(?:<<<|>>>|<<|>>|[-+*/%&|^<])?=(?![=>])")
_INCDEC = re.compile(r"(?<![\w$])([A-Za-z_][\w$]*)\s*(?:\+\+|--)|(?:\+\+|--)\s*([A-Za-z_][\w$]*)")


_SYSTASK_WRITES = re.compile(r"\$(readmem\w*|fread|fscanf|sscanf|fgets|value\$plusargs|ungetc)\s*\(")


def _lhs_names(raw: str) -> set[str]:
    """Every name that stands left of an assignment (``=``, ``<=``, ``+=``, ..., in a concatenation too)
    or is incremented in ``raw`` (a superset: a comparison ``a <= b`` counts ``a`` as well)."""
    m = _mask(raw)
    out: set[str] = set()
    for x in _LHS.finditer(m):
        lhs = re.sub(r"\[[^\]]*\]", " ", x.group(1))
        out |= set(_IDENT_RE.findall(lhs))
    for x in _INCDEC.finditer(m):
        out.add(x.group(1) or x.group(2))
    return out


#: module items a generate ``if`` arm can hold in place (declarations only when nothing outside the
#: pinned items names them: a name declared in a generate block is not visible outside it)
_PIN_ITEMS = {"AlwaysBlock", "AlwaysCombBlock", "AlwaysFFBlock", "AlwaysLatchBlock", "ContinuousAssign",
              "InitialBlock", "HierarchyInstantiation", "LoopGenerate", "IfGenerate", "CaseGenerate",
              "GenerateBlock", "GenerateRegion", "DataDeclaration", "NetDeclaration"}
_ATTRS = re.compile(r"\(\*(?!\s*\))[^;()]*?\*\)\s*")  # (* name = value *), not @(*)
_IDENT_RE = re.compile(r"(?<![\w$.'])[A-Za-z_][\w$]*")


def _items(mod: str):
    """[(kind, start, end, declared names)] of the module items of ``mod`` (one module's text) and the
    offset of the end of its header, or None when it does not parse alone cleanly."""
    from pyslang import syntax

    if "`" in _mask(mod):
        return None  # preprocessor directives or macros: the module's text alone is not the design
    try:
        tree = syntax.SyntaxTree.fromText(mod)
    except Exception:  # noqa: BLE001 - unparsable alone: the whole body is pinned
        return None
    if any(d.isError() for d in tree.diagnostics):
        return None
    root = tree.root
    if root.kind != syntax.SyntaxKind.ModuleDeclaration:
        return None
    out = []
    for it in root.members:
        kind = str(it.kind).rpartition(".")[2]
        names: list[str] = []
        if kind in ("DataDeclaration", "NetDeclaration"):
            names = [d.name.valueText for d in it.declarators if hasattr(d, "name")]  # (commas are tokens)
        r = it.sourceRange
        out.append((kind, r.start.offset, r.end.offset, names))
    return out, root.header.sourceRange.end.offset


def _eol(text: str, pos: int) -> int:
    """``pos`` moved past a trailing ``// comment`` (and blanks) on its line, up to the line break."""
    m = re.compile(r"[ \t]*(?://[^\r\n]*)?(?=\r?\n|\Z)").match(text, pos)
    return m.end() if m else pos


_OWN_PIN = re.compile(r"\s*(?:generate\s+)?if\s*\((?P<c>[^;]*?)\)\s*begin\s*:\s*(?P<l>" + LABEL + r"[\w$]+)"
                      r"(?P<a>.*)(?<![\w$])end\s+else\s+begin\s*:\s*(?P=l)_orig(?![\w$])(?P<b>.*)(?<![\w$])end"
                      r"\s*(?:endgenerate\s*)?", re.S)


def _values(cond: str) -> dict[str, int] | None:
    """{param: value} of a conjunction ``P == 4 && Q == 32'd1``; None for anything else."""
    out = {}
    for part in cond.split("&&"):
        m = re.fullmatch(r"\s*([A-Za-z_][\w$]*)\s*==\s*(?:\d*'[sS]?([bBoOdDhH]))?\s*([0-9a-fA-F_]+)\s*", part)
        if m is None:
            return None
        base = {"b": 2, "o": 8, "d": 10, "h": 16}[(m.group(2) or "d").lower()]
        try:
            out[m.group(1)] = int(m.group(3).replace("_", ""), base)
        except ValueError:
            return None
    return out


def _own_pin(masked_new: str, masked_old: str, cond: str, new: str | None = None, old: str | None = None) -> bool:
    """Whether the (masked) new items are one statement-level pin of word-level lifting on the same
    parameter values as ``cond`` whose else arm is the old items, blanks aside (compared on the
    unmasked ``new``/``old`` texts when given: strings and comments included)."""
    m = _OWN_PIN.fullmatch(masked_new)
    if m is None or "||" in cond:
        return False
    # their condition names at least our parameters at our values (more, e.g. localparams, only
    # narrows it): wherever it holds, the values are the proven ones
    mine, theirs = _values(cond), _values(m.group("c"))
    if mine is None or theirs is None or any(theirs.get(k) != v for k, v in mine.items()):
        return False
    arm = m.group("b") if new is None else new[m.start("b"):m.end("b")]
    return re.sub(r"\s+", "", arm) == re.sub(r"\s+", "", masked_old if old is None else old)


def _minimal_pin(mod_o: str, mod_n: str, n: str, cond: str) -> str | None:
    """``mod_o`` with only the module items that differ from ``mod_n`` pinned, each group in place:
    ``if (cond) begin : rtlopt_params_n <new items> end else begin : rtlopt_original_n <old items> end``
    (a minimal edit instead of a copy of the whole body); None when that cannot be done safely (the
    header or a port/parameter/function changed, a changed declaration is named outside its group,
    ...). Groups that name each other's declarations become one group (a generate block's names are
    visible only inside it)."""
    import difflib

    nl = "\r\n" if "\r\n" in mod_o else "\n"
    a, b = _items(mod_o), _items(mod_n)
    if a is None or b is None:
        return None
    (io, ho), (in_, hn) = a, b
    if mod_o[:ho].replace("\r", "") != mod_n[:hn].replace("\r", ""):
        return None
    # items compared without their (* attributes *): an item whose attributes alone changed (the FSM
    # engine's fsm_encoding on a register) takes the new attributes in place, unpinned (attributes do
    # not change what the design computes at any parameter value)
    to = [_ATTRS.sub("", mod_o[s:e]).replace("\r", "") for _k, s, e, _n in io]
    tn = [_ATTRS.sub("", mod_n[s:e]).replace("\r", "") for _k, s, e, _n in in_]
    ops = difflib.SequenceMatcher(None, to, tn, autojunk=False).get_opcodes()
    groups = [list(op[1:]) for op in ops if op[0] != "equal"]
    retag = [(io[i1 + d][1], io[i1 + d][2], mod_n[in_[j1 + d][1]:in_[j1 + d][2]])
             for t, i1, i2, j1, _j2 in ops if t == "equal" for d in range(i2 - i1)
             if mod_o[io[i1 + d][1]:io[i1 + d][2]].replace("\r", "") != mod_n[in_[j1 + d][1]:in_[j1 + d][2]].replace("\r", "")]
    if not groups:
        return None
    mo, mn = _mask(mod_o), _mask(mod_n)

    def span(text, items, i1, i2, head):  # from the end of the item before the group: its lead-in moves too
        at = _eol(text, items[i1 - 1][2]) if i1 > 0 else head
        return at, (_eol(text, items[i2 - 1][2]) if i2 > i1 else at)

    def regions_of(gs):
        return [(span(mod_o, io, i1, i2, ho), span(mod_n, in_, j1, j2, hn), io[i1:i2], in_[j1:j2])
                for i1, i2, j1, j2 in gs]

    def idents(r) -> set[str]:
        (so, eo), (sn, en), _x, _y = r
        return set(_IDENT_RE.findall(mo[so:eo])) | set(_IDENT_RE.findall(mn[sn:en]))

    def declared(r) -> set[str]:
        return {x for it in r[2] + r[3] for x in it[3]}

    # a group that starts with word-level lifting's own pin of some of the old items: that pin is a
    # group of its own (it needs no second pin, see below), the rest another
    split = []
    for i1, i2, j1, j2 in groups:
        cut = None
        if j2 > j1 + 1 and in_[j1][0] in ("GenerateRegion", "IfGenerate"):
            for m in range(1, i2 - i1 + 1):
                if _own_pin(mn[in_[j1][1]:in_[j1][2]], mo[io[i1][1]:io[i1 + m - 1][2]], cond,
                            mod_n[in_[j1][1]:in_[j1][2]], mod_o[io[i1][1]:io[i1 + m - 1][2]]):
                    cut = m
                    break
        if cut is None:
            split.append([i1, i2, j1, j2])
        else:
            split += [[i1, i1 + cut, j1, j1 + 1], [i1 + cut, i2, j1 + 1, j2]]
    groups = split
    # new declarations of names the original does not declare at all (a shared wire a rewrite adds) at
    # the start of a group go in unpinned, in place: at other values they are unused nets; this keeps
    # the groups that read them apart (and small)
    old_names = {x for it in io for x in it[3]} | set(_IDENT_RE.findall(mo))
    fresh = []
    peeled = []
    for i1, i2, j1, j2 in groups:
        while j1 < j2 and in_[j1][0] in ("NetDeclaration", "DataDeclaration") and in_[j1][3] \
                and not set(in_[j1][3]) & old_names:
            at = _eol(mod_o, io[i1 - 1][2]) if i1 > 0 else ho
            a0 = _eol(mod_n, in_[j1 - 1][2]) if j1 > 0 else hn
            fresh.append((at, at, mod_n[a0:_eol(mod_n, in_[j1][2])], set(_IDENT_RE.findall(mn[in_[j1][1]:in_[j1][2]]))))
            j1 += 1
        if i1 < i2 or j1 < j2:
            peeled.append([i1, i2, j1, j2])
    groups = peeled
    if not groups:
        return None
    merged = True
    while merged and len(groups) > 1:
        merged = False
        regs = regions_of(groups)
        for k in range(len(regs)):
            for m in range(len(regs)):
                if k != m and declared(regs[k]) & idents(regs[m]):
                    lo, hi = min(k, m), max(k, m)
                    groups[lo:hi + 1] = [[groups[lo][0], groups[hi][1], groups[lo][2], groups[hi][3]]]
                    merged = True
                    break
            if merged:
                break
    regions = regions_of(groups)
    # everything outside the regions must be the same text (comments between items included)
    retag = [r for r in retag if not any(so <= r[0] and r[1] <= eo for (so, eo), _n, _x, _y in regions)]
    if any(f[3] & declared(r) for f in fresh for r in regions):
        return None  # an unpinned declaration would read a name declared inside a pin
    fresh_edits = [(a, b, t) for a, b, t, _ids in fresh]
    edits = sorted([(so, eo, mod_n[sn:en]) for (so, eo), (sn, en), _x, _y in regions] + retag + fresh_edits,
                   key=lambda e: (e[0], e[1] != e[0]))
    rebuilt, pos = [], 0
    for so, eo, txt in edits:
        if so < pos:
            return None
        rebuilt += [mod_o[pos:so], txt]
        pos = eo
    rebuilt.append(mod_o[pos:])
    # (blank space between items may differ: a generator's inserted line brings its own line break)
    if re.sub(r"\s+", " ", "".join(rebuilt)).strip() != re.sub(r"\s+", " ", mod_n).strip():
        return None
    outside_o = list(mo)
    outside_n = list(mn)
    for (so, eo), (sn, en), _x, _y in regions:
        outside_o[so:eo] = " " * (eo - so)
        outside_n[sn:en] = " " * (en - sn)
    used = set(_IDENT_RE.findall("".join(outside_o))) | set(_IDENT_RE.findall("".join(outside_n)))
    first = regions[0][0][0]
    named = set(_IDENT_RE.findall(cond))
    for pm in re.finditer(r"(?<![\w$])parameter(?![\w$])[^;]*;", mo[first:]):
        if set(re.findall(r"([A-Za-z_][\w$]*)\s*=(?!=)", pm.group(0))) & named:
            return None  # a parameter the condition names is declared after the pinned items
    for (so, eo), (sn, en), its_o, its_n in regions:
        for kind, _s, _e, names in its_o + its_n:
            if kind not in _PIN_ITEMS or set(names) & used:
                return None
        for t, m, x, y in ((mod_o, mo, so, eo), (mod_n, mn, sn, en)):
            # (a generate region loses its optional keywords: they cannot nest inside the pinned block)
            if _UNPINNABLE.search(_strip_generate(t[x:y], m[x:y])[1]) \
                    or re.search(r"(?<![\w$.])" + re.escape(n) + r"\s*\.", m[x:y]):
                return None
    out = []
    k = 0  # pins written so far (their labels: rtlopt_params_m, rtlopt_params_m_2, ...)
    for (so, eo), (sn, en), its_o, its_n in regions:
        at = (its_o or its_n)[0][1]
        src = mod_o if its_o else mod_n
        ind = re.match(r"[ \t]*", src[src.rfind("\n", 0, at) + 1:]).group(0)
        if param_independent(mod_o, mod_n, {" ".join(mo[s:e].split()) for _k, s, e, _nm in its_o}
                             | {" ".join(mn[s:e].split()) for _k, s, e, _nm in its_n}):
            # its logic reads no parameter and reaches no pinned change: proven, it holds at every value
            out.append((so, eo, mod_n[sn:en]))
            continue
        if _own_pin(mn[sn:en], mo[so:eo], cond, mod_n[sn:en], mod_o[so:eo]):
            # the items are replaced by word-level lifting's own pin at the same values, whose else arm
            # is exactly the original items: that pin alone already keeps every other value's logic
            out.append((so, eo, mod_n[sn:en]))
            continue
        # (labels unique in the module: an earlier pin, e.g. of another configuration, may hold some)
        while True:
            sfx = "" if k == 0 else f"_{k + 1}"
            k += 1
            if not re.search(r"(?<![\w$])(" + PIN_LABEL + "|" + ORIG_LABEL + ")" + re.escape(n + sfx) + r"(?![\w$])",
                             mo):
                break
        body_n = _strip_generate(mod_n[sn:en], mn[sn:en])[0].replace("\r\n", "\n")
        body_o = _strip_generate(mod_o[so:eo], mo[so:eo])[0].replace("\r\n", "\n")
        arm_n = "\n" + _indent(body_n.strip("\n")) if body_n.strip() else ""
        arm_o = "\n" + _indent(body_o.strip("\n")) if body_o.strip() else ""
        pinned = (f"\n{ind}// rtlopt: rewritten for the parameter values it was proven with (else: the original)"
                  f"\n{ind}if ({cond}) begin : {PIN_LABEL}{n}{sfx}{arm_n}"
                  f"\n{ind}end else begin : {ORIG_LABEL}{n}{sfx}{arm_o}\n{ind}end")
        out.append((so, eo, pinned.replace("\n", nl)))
    text, pos = [], 0
    for so, eo, txt in sorted(out + retag + fresh_edits, key=lambda e: (e[0], e[1] != e[0])):
        text += [mod_o[pos:so], txt]
        pos = eo
    text.append(mod_o[pos:])
    return "".join(text)


# what may stand between the last port and the ')' closing the list: blanks and comments (the ports are
# added before a trailing '// comment' of the last port: rtlopt.semantic.crossinst.after_last_port)
_TO_CLOSE = r"(?:\s|//[^\n]*|/\*.*?\*/)*\)"
# (several exports in a row: each followed only by exports up to the closing parenthesis)
_EXPORT_PORT = re.compile(r",\n  output wire (?:signed )?(?:\[[^\]\n]*\] )?rtlopt_[\w$]+_o(?=(?:,\n  output wire "
                          r"(?:signed )?(?:\[[^\]\n]*\] )?rtlopt_[\w$]+_o)*" + _TO_CLOSE + ")", re.S)
_EXPORT_ASSIGN = re.compile(r"  assign rtlopt_[\w$]+_o = [A-Za-z_][\w$]*;\n")
_SHARE_WIRE = re.compile(r"\bwire (?:\[[^\]\n]*\] )?rtlopt_(\w+)_v = RTLOPT_\w+_EXT \? rtlopt_\1_i : ")
_SHARE_IN_PORT = re.compile(r",\n  input  wire (?:\[[^\]\n]*\] )?rtlopt_\w+_i(?=" + _TO_CLOSE + ")", re.S)
_SHARE_PARAM = re.compile(r", parameter RTLOPT_\w+_EXT = 0(?=[\s\S]*?\))")
_IMPORT_PORT = re.compile(r",\n  input wire (?:\[[^\]\n]*\] )?rtlopt_(?:lock|split)_\d+_i(?=(?:,\n  input wire (?:\[[^\]\n]*\] )?"
                          r"rtlopt_(?:lock|split)_\d+_i)*" + _TO_CLOSE + ")", re.S)


def _share_hook_only(mod_o: str, mod_n: str) -> bool:
    """The sibling-instance register sharing hook (rtlopt.semantic.instshare): valid at every value."""
    from rtlopt.semantic.instshare import hook_only

    return hook_only(mod_o, mod_n)


def _share_pass_only(mod_o: str, mod_n: str) -> bool:
    """A parent module passing a child's sharing hook through (rtlopt.semantic.instshare, cousins): valid
    at every value."""
    from rtlopt.semantic.instshare import pass_only

    return pass_only(mod_o, mod_n)


def _instlife_hook_only(mod_o: str, mod_n: str) -> bool:
    """The cross-instance lifetime sharing value hook (rtlopt.semantic.instlife): valid at every value."""
    from rtlopt.semantic.instlife import hook_only

    return hook_only(mod_o, mod_n)


def _memdepth_hook_only(mod_o: str, mod_n: str) -> bool:
    """An array's depth parameters defaulting to the texts they replace (rtlopt.semantic.memdepth): valid
    at every value."""
    from rtlopt.semantic.memdepth import hook_only

    return hook_only(mod_o, mod_n)


def _export_only(mod_o: str, mod_n: str) -> bool:
    """Whether the new module is the old one plus output ports exporting existing variables (the
    regfunc cross-instance export, rtlopt.semantic.crossinst): valid at every parameter value."""
    stripped = _EXPORT_ASSIGN.sub("", _EXPORT_PORT.sub("", mod_n))
    return stripped != mod_n and stripped.replace("\r", "") == mod_o.replace("\r", "")


_PARAM_DECL = re.compile(r"(?<![\w$])parameter(?![\w$])[^;]*;")
_PORT_DECL = re.compile(r"(?<![\w$])(input|output|inout)(?![\w$])[^;]*;")
_VAR_DECL = re.compile(r"(?<![\w$.])(reg|wire|logic|tri|integer)(?![\w$])[^;=]*;")
_DECL_WORDS = {"input", "output", "inout", "reg", "wire", "logic", "tri", "integer", "signed", "unsigned", "var"}


def _declared(stmt: str) -> set[str]:
    body = re.sub(r"\[[^\]]*\]", " ", stmt.rstrip(";"))
    names = set()
    for piece in body.split(","):
        ids = [w for w in re.findall(r"[A-Za-z_][\w$]*", piece) if w not in _DECL_WORDS]
        if ids:
            names.add(ids[0])
    return names


def _requalify(body: str, masked: str, module: str, label: str) -> str:
    for m in reversed(list(re.finditer(r"(?<![\w$.])" + re.escape(module) + r"\s*\.", masked))):
        body = body[:m.start()] + f"{module}.{label}." + body[m.end():]
    return body


def _strip_generate(body: str, masked: str) -> tuple[str, str]:
    for m in reversed(list(re.finditer(r"(?<![\w$`])(generate|endgenerate)(?![\w$])", masked))):
        a, b = m.span()
        body, masked = body[:a] + " " * (b - a) + body[b:], masked[:a] + " " * (b - a) + masked[b:]
    return body, masked


def _split_params(body: str, masked: str) -> tuple[str, list[str], str]:
    """``body`` without the declarations that must stay at module level -- ``parameter ...;``, non-ANSI
    port declarations and the reg/wire declarations of those ports -- those declarations (verbatim),
    and the masked body without them."""
    blank = _SUBPROGRAM.sub(lambda m: " " * len(m.group(0)), masked)  # function/task inputs are not ports
    spans = [m.span() for m in _PARAM_DECL.finditer(blank)]
    ports = [m.span() for m in _PORT_DECL.finditer(blank)]
    names = set().union(*(_declared(blank[a:b]) for a, b in ports)) if ports else set()
    spans += ports
    if names:
        spans += [m.span() for m in _VAR_DECL.finditer(blank) if _declared(blank[m.start():m.end()]) & names]
    spans.sort()
    # a declaration inside one already taken (`reg` of `output reg [7:0] q;`) is not taken twice:
    # removing both cut the text after the outer one (a comment's tail was left as code)
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if kept and a < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(b, kept[-1][1]))
        else:
            kept.append((a, b))
    spans = kept
    decls = [body[a:b] for a, b in spans]
    for a, b in reversed(spans):
        body, masked = body[:a] + body[b:], masked[:a] + masked[b:]
    return body, decls, masked


def _depth0(masked: str) -> list[tuple[int, int]]:
    """Spans of the variable declarations of ``masked`` outside every begin/end, case, function, task."""
    out = []
    depth = 0
    pos = 0
    tok = re.compile(r"(?<![\w$])(begin|end|case|casez|casex|endcase|function|endfunction|task|endtask|fork|join"
                     r"|join_any|join_none)(?![\w$])")
    events = [(m.start(), m.group(1)) for m in tok.finditer(masked)]
    for m in _VAR_DECL.finditer(masked):
        while pos < len(events) and events[pos][0] < m.start():
            w = events[pos][1]
            depth += 1 if w in ("begin", "case", "casez", "casex", "function", "task", "fork") else -1
            pos += 1
        if depth == 0:
            out.append(m.span())
    return out


def _shared_packed(body_o: str, bm_o: str, body_n: str, bm_n: str):
    """Module-level declarations of multi-dimensional packed variables (``logic [N-1:0][N-1:0] w;``) that
    both bodies hold verbatim leave both arms for module level (Yosys's frontend can not size a select
    of such a variable declared inside the pinned generate block: 'Failed to detect width of signal
    access'); one declaration serves whichever arm elaboration keeps."""
    spans_o = {bm_o[a:b]: (a, b) for a, b in _depth0(bm_o)
               if re.match(r"[^\[;]*(\[[^\]]*\]\s*){2,}[A-Za-z_]", bm_o[a:b])}
    spans_n = {bm_n[a:b]: (a, b) for a, b in _depth0(bm_n)}
    shared = [t for t in spans_o if t in spans_n and body_o[slice(*spans_o[t])] == body_n[slice(*spans_n[t])]]
    decls = [body_o[slice(*spans_o[t])] for t in shared]
    for t in sorted(shared, key=lambda t: -spans_o[t][0]):
        a, b = spans_o[t]
        body_o, bm_o = body_o[:a] + body_o[b:], bm_o[:a] + bm_o[b:]
    for t in sorted(shared, key=lambda t: -spans_n[t][0]):
        a, b = spans_n[t]
        body_n, bm_n = body_n[:a] + body_n[b:], bm_n[:a] + bm_n[b:]
    return body_o, bm_o, body_n, bm_n, decls


def _renamed_packed(body_o: str, bm_o: str, body_n: str, bm_n: str, text: str):
    """Module-level declarations of multi-dimensional packed variables that both bodies declare under one
    name but differently (a rewrite narrowed the elements: ``logic [N-1:0][3:0] age;`` against the
    original ``[N-1:0][7:0]``) leave both arms for module level too (see :func:`_shared_packed`): the
    original arm keeps its text and its declaration; the pinned arm's variable gets a fresh name (every
    reference in that arm renamed), so the two declarations can sit side by side. ``text``: the whole
    source (the fresh name must be new to it)."""
    pat = re.compile(r"[^\[;]*(\[[^\]]*\]\s*){2,}([A-Za-z_][\w$]*)\s*;")
    decl_o = {}
    for a, b in _depth0(bm_o):
        m = pat.fullmatch(bm_o[a:b].strip())
        if m:
            decl_o[m.group(2)] = (a, b)
    decls = []
    for a, b in sorted(_depth0(bm_n), reverse=True):
        m = pat.fullmatch(bm_n[a:b].strip())
        if not m or m.group(2) not in decl_o or body_n[a:b] == body_o[slice(*decl_o[m.group(2)])]:
            continue
        name = m.group(2)
        new = name + "_rtlopt_p"
        k = 0
        while re.search(r"(?<![\w$])" + re.escape(new) + r"(?![\w$])", text):
            k += 1
            new = f"{name}_rtlopt_p{k}"
        oa, ob = decl_o[name]
        dn = body_n[a:b]
        body_n, bm_n = body_n[:a] + body_n[b:], bm_n[:a] + bm_n[b:]
        ref = re.compile(r"(?<![\w$.])" + re.escape(name) + r"(?![\w$])")
        for r in sorted(ref.finditer(bm_n), key=lambda r: -r.start()):
            body_n = body_n[:r.start()] + new + body_n[r.end():]
            bm_n = bm_n[:r.start()] + new + bm_n[r.end():]
        decls.append(body_o[oa:ob].strip())
        decls.append(ref.sub(new, dn.strip(), count=1))
        body_o, bm_o = body_o[:oa] + body_o[ob:], bm_o[:oa] + bm_o[ob:]
        decl_o = {n: ((x, y) if x < oa else (x - (ob - oa), y - (ob - oa))) for n, (x, y) in decl_o.items()
                  if n != name}
    return body_o, bm_o, body_n, bm_n, decls


_BODY_DECL = re.compile(r"(?<![\w$.])(reg|wire|logic|tri|integer|int|bit|byte|shortint|longint|localparam|genvar"
                        r"|real|time)(?![\w$])[^;]*;")


def _body_names(masked: str) -> set[str]:
    """Names declared in a module body outside its functions and tasks (an over-approximation)."""
    blank = _SUBPROGRAM.sub(lambda m: " " * len(m.group(0)), masked)
    names = set()
    for m in _BODY_DECL.finditer(blank):
        text = re.sub(r"\[[^\]]*\]", " ", m.group(0).rstrip(";"))
        for piece in text.split(","):
            ids = re.findall(r"[A-Za-z_][\w$]*", piece.split("=")[0])
            if ids:
                names.add(ids[-1])
    return names


def _shared_functions(body_o: str, bm_o: str, body_n: str, bm_n: str):
    """Function declarations that both bodies hold verbatim and that read no name declared in the body
    leave both arms for module level: a function declared inside a generate block can not be called in
    a constant expression (``localparam int K = weight(i);`` in a generate loop of the pinned arm)."""
    declared = _body_names(bm_o) | _body_names(bm_n)

    def funcs(masked: str) -> dict[str, tuple[int, int]]:
        return {masked[m.start():m.end()]: m.span() for m in _SUBPROGRAM.finditer(masked) if m.group(1) == "function"}

    def own(t: str) -> set[str]:  # the function's name, arguments and locals
        names = set()
        m = re.match(r"function\s+(?:(?:automatic|static)\s+)?(?:[\w$]+\s+)?(?:signed\s+)?(?:\[[^\]]*\]\s*)?"
                     r"([A-Za-z_][\w$]*)\s*[(;]", t)
        if m:
            names.add(m.group(1))
        for d in re.finditer(r"(?<![\w$])(input|output|inout|reg|wire|logic|integer|int|bit|byte|shortint|longint"
                             r"|real|time|genvar)(?![\w$])([^;,()=]*)", t):
            ids = re.findall(r"[A-Za-z_][\w$]*", re.sub(r"\[[^\]]*\]", " ", d.group(2)))
            if ids:
                names.add(ids[-1])
        return names

    fo, fn = funcs(bm_o), funcs(bm_n)
    shared = [t for t in fo if t in fn and body_o[slice(*fo[t])] == body_n[slice(*fn[t])]
              and not (set(re.findall(r"[A-Za-z_][\w$]*", t)) - own(t)) & declared]
    decls = [body_o[slice(*fo[t])] for t in shared]
    for t in sorted(shared, key=lambda t: -fo[t][0]):
        a, b = fo[t]
        body_o, bm_o = body_o[:a] + body_o[b:], bm_o[:a] + bm_o[b:]
    for t in sorted(shared, key=lambda t: -fn[t][0]):
        a, b = fn[t]
        body_n, bm_n = body_n[:a] + body_n[b:], bm_n[:a] + bm_n[b:]
    return body_o, bm_o, body_n, bm_n, decls


_SUBPROGRAM = re.compile(r"(?<![\w$])(function|task)(?![\w$]).*?(?<![\w$])end\1(?![\w$])", re.S)


def _no_subprograms(masked: str) -> str:
    """``masked`` without function/task declarations (their ``input`` arguments are not ports)."""
    return _SUBPROGRAM.sub(" ", masked)


def _indent(body: str) -> str:
    lines = body.rstrip().split("\n")
    return "\n".join(("  " + ln) if ln.strip() else "" for ln in lines)


__all__ = ["LABEL", "ORIG_LABEL", "PIN_LABEL", "design_configs", "has_parameters", "param_independent", "pin_text"]
