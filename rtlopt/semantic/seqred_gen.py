"""Sequential redundancy inside generate loops: a register cell written by some iterations of a
generate loop that always equals (or is the inverse of) the cell another iteration writes.

The read-side substitution of :func:`rtlopt.semantic.seqred.emit` needs constant selects at every
read; a matrix arbiter reads its priority matrix in a ``for (int ...)`` loop of an ``always_comb``
(dynamic selects) and writes each cell from one ``always_ff`` inside ``for (genvar i ...) for
(genvar j ...) if (i != j)``. Here the write side is edited instead: the one piece of syntax that
all iterations share,

    always_ff ... w_q[i][j] <= ...;

becomes a generate ``if`` on the genvars that holds for exactly the iterations whose cells are
redundant (found among ``a < b``, ``a > b``, ``a == c``, ...), with the cell driven from the cell its
partner iteration writes (the genvars permuted: ``w_q[j][i]``):

    if (i > j) begin : rtlopt_seqred_0
      assign w_q[i][j] = ~w_q[j][i];
    end else begin : rtlopt_seqkeep_0
      always_ff ... w_q[i][j] <= ...;   // unchanged
    end

Every fact comes from the induction of :mod:`rtlopt.semantic.seqred`; the candidate is proven again
like every rewrite. SystemVerilog files only (a continuous assignment to a variable).
"""

from __future__ import annotations

import itertools
import operator
import re
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits


def _flat(e):
    """(variable symbol, lsb, msb) of a constant-select lvalue (descending packed ranges), or None."""
    k = type(e).__name__
    if k == "NamedValueExpression":
        return e.symbol, 0, int(e.type.bitWidth) - 1
    if k == "ElementSelectExpression":
        base = _flat(e.value)
        t = e.value.type
        if base is None or not t.hasFixedRange:
            return None
        rng = t.range
        try:
            idx = int(e.selector.constant.value) if e.selector.constant is not None else None
        except Exception:  # noqa: BLE001 - no constant value
            return None
        if idx is None or rng.left < rng.right:
            return None
        ew = int(e.type.bitWidth)
        lo = base[1] + (idx - rng.right) * ew
        return base[0], lo, lo + ew - 1
    return None


def _rel(sym, top: str) -> str | None:
    """The variable's path below the top (``w_q``, ``u_arb.prio``), the name the gate netlist uses."""
    hp = sym.hierarchicalPath
    return hp[len(top) + 1:] if hp.startswith(top + ".") else None


def _cells(texts: list[str], names: list[str], top: str):
    """Procedural blocks inside generate loops: {(file, span): [(genvars, lvalue text, (var, lo, hi))]}."""
    from pyslang import ast, syntax

    from rtlopt.hdl.project import top_compilation

    comp = top_compilation(top)  # the top alone, at its -G values
    trees = []
    for text, nm in zip(texts, names, strict=True):
        t = syntax.SyntaxTree.fromText(text, nm)
        trees.append(t)
        comp.addSyntaxTree(t)
    if any(d.isError() for t in trees for d in t.diagnostics):
        return None
    buf_file = {t.root.sourceRange.start.buffer.id: i for i, t in enumerate(trees)}
    root = comp.getRoot()
    tops = [i for i in root.topInstances if i.name == top]
    if len(tops) != 1:
        return None
    genvars: dict[str, dict[str, int]] = {}
    dead: set[str] = set()  # uninstantiated generate blocks (the false arm of a generate if)
    blocks: dict[tuple[int, int, int], list] = {}
    prefix = top + "."

    def where(node):
        r = node.sourceRange
        return buf_file.get(r.start.buffer.id), r.start.offset, r.end.offset

    def visit(n):
        k = type(n).__name__
        if k == "GenerateBlockSymbol":
            if n.isUninstantiated:
                dead.add(n.hierarchicalPath)
                return True
            gv = {}
            for m in n:
                if isinstance(m, ast.ParameterSymbol) and m.isLocalParam and m.syntax is not None \
                        and type(m.syntax).__name__ in ("GenvarDeclarationSyntax", "IdentifierNameSyntax",
                                                        "DeclaratorSyntax", "LoopGenerateSyntax"):
                    try:
                        v = m.value
                        gv[m.name] = int(v.value if hasattr(v, "value") else v)
                    except Exception:  # noqa: BLE001 - not an integer
                        pass
            genvars[n.hierarchicalPath] = gv
        elif k == "ProceduralBlockSymbol" and n.body is not None and n.body.syntax is not None:
            path = ""
            scope = n.parentScope
            try:
                sym = scope.containingInstance  # noqa: F841 - only checks it is inside an instance
            except Exception:  # noqa: BLE001
                return True
            writes = []

            def wv(x):
                if type(x).__name__ == "AssignmentExpression" and x.left.syntax is not None:
                    fl = _flat(x.left)
                    f, s, e = where(x.left.syntax)
                    writes.append((fl, f, s, e))
                return True

            n.body.visit(wv)
            syn = n.body.syntax.parent if n.body.syntax.parent is not None else n.body.syntax
            f, s, e = where(syn)
            hp = getattr(n, "hierarchicalPath", "") or ""
            path = hp
            gv = {}
            for p, vals in genvars.items():
                if path == p or path.startswith(p + "."):
                    gv.update(vals)
            if any(hp == d or hp.startswith(d + ".") for d in dead):
                return True
            if f is not None and gv and hp.startswith(prefix):
                blocks.setdefault((f, s, e), []).append((gv, writes))
        return True

    tops[0].body.visit(visit)
    return blocks, comp, trees


_OPS = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge, "==": operator.eq,
        "!=": operator.ne}


def _predicates(names: list[str], consts: set[int]):
    """(Verilog text, test on genvar values) of the simple conditions tried, simplest first."""
    for a, b in itertools.permutations(names, 2):
        for op in ("<", ">", "<=", ">="):
            yield f"{a} {op} {b}", (lambda v, a=a, b=b, op=op: _OPS[op](v[a], v[b]))
    for a in names:
        for c in sorted(consts):
            for op in ("==", "!=", "<", ">"):
                yield f"{a} {op} {c}", (lambda v, a=a, c=c, op=op: _OPS[op](v[a], c))


def emit_generate(texts: dict[Path, str], top: str, facts: list, net) -> dict[Path, str] | None:
    """New texts with the redundant generate-loop cells of ``facts`` driven from their partners."""
    paths = list(texts)
    tlist = [texts[p] for p in paths]
    if not all(t.isascii() for t in tlist):
        return None
    got = _cells(tlist, [str(p) for p in paths], top)
    if got is None:
        return None
    blocks, _comp, _trees = got
    fact = {(f.name, f.bit): f for f in facts if f.const is None and f.keep_name}
    if not fact:
        return None
    out_edits: dict[int, list[Edit]] = {}
    n_done = 0
    for (fi, s, e), copies in sorted(blocks.items()):
        if paths[fi].suffix.lower() not in (".sv", ".svh"):
            continue
        # every copy writes one cell through the same lvalue text
        cells = []
        ok = True
        for gv, writes in copies:
            if not writes or any(w[0] is None for w in writes):
                ok = False
                break
            lv = {(_rel(w[0][0], top), w[0][1], w[0][2]) for w in writes}
            txt = {tlist[w[1]][w[2]:w[3]] for w in writes}
            if len(lv) != 1 or len(txt) != 1 or next(iter(lv))[0] is None:
                ok = False
                break
            cells.append((gv, next(iter(lv)), next(iter(txt))))
        if not ok or len({c[2] for c in cells}) != 1 or len({tuple(sorted(c[0])) for c in cells}) != 1:
            continue
        lvtext = cells[0][2]
        names = sorted(cells[0][0])
        key_of = {c[1]: tuple(sorted(c[0].items())) for c in cells}
        cell_at = {tuple(sorted(c[0].items())): c for c in cells}
        # partners: another cell of the same syntax whose bits it always equals / inverts (either
        # direction of a fact: which one the induction kept is arbitrary)
        partners: dict[tuple, set[tuple[tuple, bool]]] = {}
        for _gv, (var, lo, hi), _t in cells:
            f = fact.get((var, lo))
            if f is None or f.keep_name != var:
                continue
            mate = (var, f.keep_bit, f.keep_bit + hi - lo)
            if mate not in key_of:
                continue
            if all(fact.get((var, lo + i)) is not None and fact[(var, lo + i)].keep_bit == f.keep_bit + i
                   and fact[(var, lo + i)].inverse == f.inverse for i in range(hi - lo + 1)):
                a, b = key_of[(var, lo, hi)], key_of[mate]
                partners.setdefault(a, set()).add((b, f.inverse))
                partners.setdefault(b, set()).add((a, f.inverse))
        if not partners:
            continue
        consts = {v for gv, _c, _t in cells for v in gv.values()}
        best = None
        for text, fn in _predicates(names, consts if len(consts) <= 8 else set()):
            drop = [k for k in cell_at if fn(dict(k))]
            if not drop or len(drop) == len(cell_at) or (best is not None and len(drop) <= len(best[1])):
                continue
            dset = set(drop)
            for pm in itertools.permutations(names):
                perm = dict(zip(names, pm, strict=True))
                invs = set()
                for k in drop:
                    d = dict(k)
                    mate = tuple(sorted((g, d[perm[g]]) for g in names))
                    hit = [inv for m, inv in partners.get(k, ()) if m == mate]
                    if mate in dset or not hit:
                        invs = None
                        break
                    invs.add(hit[0])
                if invs is not None and len(invs) == 1:
                    best = (text, drop, perm, invs.pop())
                    break
        if best is None:
            continue
        cond, _drop, perm, inv = best
        keep = re.sub(r"(?<![\w$.])(" + "|".join(map(re.escape, names)) + r")(?![\w$])",
                      lambda m, perm=perm: perm[m.group(1)], lvtext)
        t = tlist[fi]
        ls = t.rfind("\n", 0, s) + 1
        indent = re.match(r"[ \t]*", t[ls:s]).group(0)
        body = t[s:e]
        rhs = f"~{keep}" if inv else keep
        new = (f"if ({cond}) begin : rtlopt_seqred_{n_done}\n{indent}  always_comb {lvtext} = {rhs};  "
               f"// rtlopt: always the {'inverse of' if inv else 'same as'} the register of that cell\n"
               f"{indent}end else begin : rtlopt_seqkeep_{n_done}\n{indent}  "
               + body.replace("\n", "\n  ") + f"\n{indent}end")
        out_edits.setdefault(fi, []).append(Edit(s, e, new))
        n_done += 1
    if not out_edits:
        return None
    new_texts = dict(texts)
    for fi, eds in out_edits.items():
        try:
            new_texts[paths[fi]] = apply_edits(tlist[fi], eds)
        except ValueError:
            return None
    return new_texts if new_texts != texts else None
