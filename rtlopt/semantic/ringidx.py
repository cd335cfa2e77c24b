"""A one-hot ring register kept as a binary index.

A register ``R`` of ``W`` bits whose every write loads a one-hot constant or rotates ``R`` by one position
(``{R[W-2:0], R[W-1]}``, ``{R[0], R[W-1:1]}``, ``R[W-1] ? 1 : R << 1``, any spelling) holds one of ``W``
states: it becomes a ``ceil(log2 W)``-bit index ``I`` written ``I <= k`` for a constant ``1 << k`` and
``I <= I + 1`` (``I - 1``) for a rotation (with the wrap spelled out when ``W`` is not a power of two),
and ``R`` itself ``always @* R = 1'b1 << I;`` (``~(1'b1 << I)`` for a one-cold ring of active-low
enables). Reads stay: bit tests and encoders of ``R`` read the decode, which synthesis folds with the
encoder (an OR-encoder of a decode is the index). A reorder buffer's head/tail rings with their tag
encoders become two binary counters.

Finding: the source writes of ``R`` are classified semantically: each right-hand side is evaluated by
pyslang's constant evaluator on every one-hot (one-cold) value of ``R`` at the instance's parameter
values (so any spelling of a rotation counts, and a right-hand side reading anything else than ``R``
and parameters is refused). The gate model simulated from reset must show ``R`` one-hot (one-cold) in
every sample, its reset value included. The search loop proves the rewrite (sequential equivalence
from reset; the prover has one-hot and decode invariants as candidates) and measures it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic import regfunc, seqsim

RULE = "onehot_ring_reencoding"
_ID = re.compile(r"(?<![\w$'.])([A-Za-z_][\w$]*)(?![\w$])")
_KEYWORDS = {"signed", "unsigned"}


def _mask(text: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", lambda m: re.sub(r"[^\n]", " ", m.group(0)),
                  text, flags=re.S)


def _rings(an: regfunc.Analysis) -> dict[str, bool]:
    """Register name -> one-cold (active-low) for registers (3..64 bits) one-hot or one-cold in every
    sample from reset."""
    net, regs = an.net, an.regs
    st = seqsim.ternary_reset_state(net)
    bm = regfunc._bit_matrix(seqsim.simulate(net, cycles=256, words=2))
    out: dict[str, bool] = {}
    for n, js in regs.items():
        w = len(js)
        if not 3 <= w <= 64 or any(st[j] is None for j in js):
            continue
        rows = bm[js].astype(np.int64)
        ones = rows.sum(axis=0)
        r0 = sum(st[j] for j in js)
        if (ones == 1).all() and r0 == 1:
            out[n] = False
        elif (ones == w - 1).all() and r0 == w - 1:
            out[n] = True
    return out


def _classify(rhs_list: list[str], leaf: str, w: int, cold: bool, params: dict[str, int]) -> list | None:
    """Per right-hand side: ("k", k) (loads ``1 << k``), ("inc",) / ("dec",) (a rotation by one), or None
    for the whole list when one is neither (or reads something other than ``R`` and parameters)."""
    from pyslang import ast, syntax

    full = (1 << w) - 1
    lines = [f"  localparam integer {p} = {v};" for p, v in sorted(params.items())]
    for i, rhs in enumerate(rhs_list):
        ids = {m.group(1) for m in _ID.finditer(rhs)} - _KEYWORDS
        if ids - {leaf} - set(params):
            return None
        for j in range(w):
            v = (1 << j) ^ (full if cold else 0)
            rn = f"__r{i}_{j}"
            lines.append(f"  localparam [{w - 1}:0] {rn} = {w}'d{v};")
            body = _ID.sub(lambda m, rn=rn: rn if m.group(1) == leaf else m.group(1), rhs)
            lines.append(f"  localparam [{w - 1}:0] __y{i}_{j} = {body};")
    src = "module __ringeval;\n" + "\n".join(lines) + "\nendmodule\n"
    comp = ast.Compilation()
    comp.addSyntaxTree(syntax.SyntaxTree.fromText(src))
    if any(d.isError() for d in comp.getAllDiagnostics()):
        return None
    body = comp.getRoot().topInstances[0].body
    out = []
    for i in range(len(rhs_list)):
        ys = []
        for j in range(w):
            s = body.find(f"__y{i}_{j}")
            m = re.fullmatch(r"\d+'([dhb])([0-9a-fA-F_]+)", str(s.value).strip()) if s is not None else None
            if m is None:
                return None
            y = int(m.group(2).replace("_", ""), {"d": 10, "h": 16, "b": 2}[m.group(1)]) ^ (full if cold else 0)
            if y == 0 or y & (y - 1):
                return None
            ys.append(y.bit_length() - 1)
        if len(set(ys)) == 1:
            out.append(("k", ys[0]))
        elif all(y == (j + 1) % w for j, y in enumerate(ys)):
            out.append(("inc",))
        elif all(y == (j - 1) % w for j, y in enumerate(ys)):
            out.append(("dec",))
        else:
            return None
    return out


def emit(texts: dict[Path, str], top: str, ring: str, cold: bool, w: int,
         others: dict[str, tuple[bool, int]] | None = None) -> dict[Path, str] | None:
    """The rewrite of ``ring``. Copies of its module in other instances (``others``: their ring names ->
    (one-cold, width)) must be rings of the same kind whose writes classify alike at their own parameter
    values; copies of different widths get an index width and wrap derived from the declared range."""
    from rtlopt.semantic.onehotidx import _fresh
    from rtlopt.semantic.seqred import _source_model

    paths = list(texts)
    tlist = [texts[p] for p in paths]
    model = _source_model(tlist, [str(p) for p in paths], top)
    if model is None:
        return None
    occs, stmts, _trees = model
    leaf = ring.rpartition(".")[2]
    scope = ring.rpartition(".")[0]
    mine = [o for o in occs if o.path == ring]
    if not mine or not all(o.proc for o in mine) or {o.file for o in mine} != {mine[0].file}:
        return None
    if any(o.width != w for o in mine):
        return None
    fi = mine[0].file
    text = tlist[fi]
    if not text.isascii():
        return None
    # the same module text must serve every instance of it: all copies of the ring are rings of one width
    copies = sorted({o.path for o in occs if o.path.rpartition(".")[2] == leaf and o.file == fi
                     and o.ident[0] in {m.ident[0] for m in mine}})
    others = dict(others or {})
    if ring not in copies or any(c != ring and (c not in others or others[c][0] != cold) for c in copies):
        return None
    allparams = regfunc._instance_params(tlist, [str(p) for p in paths], top)

    def _writes(path):
        ws = sorted((o for o in occs if o.path == path and o.write), key=lambda o: o.ident[0])
        if not ws or any(o.sel is not None or o.file != fi for o in ws):
            return None
        sp, rh = [], []
        for o in ws:
            st = [x for x in stmts if x.path == path and x.file == fi and x.span[0] <= o.ident[0] < x.span[1]]
            if len(st) != 1 or st[0].block is None:
                return None
            a, e = st[0].span
            m = re.fullmatch(rf"(\s*){re.escape(leaf)}(\s*<=\s*)(.*?)(\s*;?\s*)", text[a:e], re.S)
            if m is None:
                return None
            sp.append((a, e, m))
            rh.append(m.group(3))
        return sp, rh

    got = _writes(ring)
    if got is None:
        return None
    spans, rhs = got
    kinds = _classify(rhs, leaf, w, cold, allparams.get(scope, {}))
    if kinds is None or not any(k[0] != "k" for k in kinds):
        return None
    # every other instance: the same source writes, classified alike at its own parameter values
    widths = {w}
    per = [(w, kinds)]
    for c in copies:
        if c == ring:
            continue
        g = _writes(c)
        if g is None or [(a, e) for a, e, _m in g[0]] != [(a, e) for a, e, _m in spans]:
            return None
        cw = others[c][1]
        ck = _classify(g[1], leaf, cw, cold, allparams.get(c.rpartition(".")[0], {}))
        if ck is None or [k[0] for k in ck] != [k[0] for k in kinds]:
            return None
        per.append((cw, ck))
        widths.add(cw)
    if len(per) > 1:  # a load may be one constant in every instance or the last position of each ring
        norm = []
        for i, k in enumerate(kinds):
            if k[0] != "k" or all(pk[i] == k for _pw, pk in per):
                norm.append(k)
            elif all(pk[i][1] == pw - 1 for pw, pk in per):
                norm.append(("last",))
            else:
                return None
        kinds = norm
    masked = _mask(text)
    # a declaration initializer (an FPGA-style start value) would not carry over to the index
    if re.search(rf"(?<![\w$.])(?:reg|logic|bit)\b[^;]*?(?<![\w$]){re.escape(leaf)}\s*(?:\[[^\]]*\]\s*)*=(?!=)",
                 masked):
        return None
    first = min(o.ident[0] for o in mine)
    mods = [m for m in re.finditer(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", masked) if m.start() < first]
    em = re.compile(r"(?<![\w$])endmodule\b").search(masked, first)
    if not mods or em is None:
        return None
    ms = mods[-1].start()
    idx = _fresh(text, f"{leaf}_idx")
    b = max(1, (w - 1).bit_length())
    pow2 = w == 1 << b
    wl = None  # several widths: the index width and the wrap follow the declared range of R
    if len(widths) > 1:
        if min(widths) < 2:
            return None
        dm = re.search(rf"\[([^\[\]:]+):([^\[\]:]+)\]\s*(?:[A-Za-z_][\w$]*\s*,\s*)*{re.escape(leaf)}(?![\w$])",
                       masked[ms:em.start()])
        if dm is None:
            return None
        wl = _fresh(text, f"{leaf}_n")
        wexpr = f"({dm.group(1).strip()}) - ({dm.group(2).strip()}) + 1"
    eds: list[Edit] = []
    for (a, e, m), k in zip(spans, kinds, strict=True):
        if k[0] == "last":
            val = f"{wl} - 1" if wl is not None else f"{b}'d{w - 1}"
        elif wl is not None:
            if k[0] == "k":
                val = f"{k[1]}"
            elif k[0] == "inc":
                val = f"({idx} == {wl} - 1) ? 0 : {idx} + 1'b1"
            else:
                val = f"({idx} == 0) ? {wl} - 1 : {idx} - 1'b1"
        elif k[0] == "k":
            val = f"{b}'d{k[1]}"
        elif k[0] == "inc":
            val = f"{idx} + 1'b1" if pow2 else f"({idx} == {b}'d{w - 1}) ? {b}'d0 : {idx} + 1'b1"
        else:
            val = f"{idx} - 1'b1" if pow2 else f"({idx} == {b}'d0) ? {b}'d{w - 1} : {idx} - 1'b1"
        eds.append(Edit(a, e, f"{m.group(1)}{idx}{m.group(2)}{val}{m.group(4)}"))
    # the index is declared and R decoded from it before the endmodule of R's module
    ls = text.rfind("\n", 0, em.start()) + 1
    if text[ls:em.start()].strip():
        ls = em.start()
    ind = "  "
    mm = re.search(r"^([ \t]+)(assign|always|always_ff|always_comb|reg|wire|logic)\b", text[ms:em.start()], re.M)
    if mm:
        ind = mm.group(1)
    dec = f"~(1'b1 << {idx})" if cold else f"1'b1 << {idx}"
    # the index must be declared before its first use: right after the module header's ');'
    from rtlopt.engine.parampin import _header_end

    he = _header_end(masked[ms:first])
    if he is None:
        return None
    he += ms
    eol = text.find("\n", he)
    eol = len(text) if eol < 0 else eol
    if wl is not None:
        eds.append(Edit(eol, eol, f"\n{ind}localparam integer {wl} = {wexpr};"
                                  f"\n{ind}reg [$clog2({wl})-1:0] {idx};"))
    else:
        eds.append(Edit(eol, eol, f"\n{ind}reg [{b - 1}:0] {idx};"))
    eds.append(Edit(ls, ls, f"{ind}always @* {leaf} = {dec};\n"))
    try:
        new = apply_edits(text, eds)
    except ValueError:
        return None
    out = dict(texts)
    out[paths[fi]] = new
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    t0 = time.monotonic()
    an = regfunc.analysis_for(texts, top, timeout_s)
    if an.net is None or an.regs is None:
        return []
    rings = _rings(an)
    allregs = regfunc._all_registers(an.net)
    out = []
    done: list[tuple[str, bool, int]] = []
    # every name of every ring (copies of one module in other instances are checked together)
    others = {x: (cold, len(an.regs[n])) for n, cold in rings.items()
              for x, js in allregs.items() if js == an.regs[n]}
    covered: set[str] = set()
    for n, cold in sorted(rings.items()):
        if time.monotonic() - t0 > timeout_s:
            break
        w = len(an.regs[n])
        names = sorted(x for x, js in allregs.items() if js == an.regs[n])
        if covered & set(names):
            continue
        # the name the ring is written under (a top-level port alias names the child's register)
        for name in names:
            try:
                new = emit(texts, top, name, cold, w, others)
            except Exception:  # noqa: BLE001 - a source shape this emitter does not know: no candidate
                new = None
            if new is not None:
                out.append((new, f"one-hot ring '{name}' kept as a binary index"))
                done.append((name, cold, w))
                leaf = name.rpartition(".")[2]
                covered |= {x for x in others if x.rpartition(".")[2] == leaf}
                break
    if len(done) > 1:  # every ring at once
        cur = texts
        for name, cold, w in done:
            nxt = emit(cur, top, name, cold, w, others)
            if nxt is None:
                cur = None
                break
            cur = nxt
        if cur is not None:
            out.insert(0, (cur, "one-hot rings " + ", ".join(f"'{d[0]}'" for d in done) + " kept as binary indices"))
    return out


def ringidx_candidates(state) -> list:
    """Search-loop generator: one-hot rotating rings re-encoded as binary indices."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "register re-encoding", "ringidx")
