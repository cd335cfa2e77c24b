"""A mux arm that, whenever it is selected, does not depend on some of its inputs: those inputs pinned to
constants (a witness) in a copy of the arm's logic, which synthesis then folds.

``csum_out = dec ? ~f(csum, ttl, proto) : csum`` where ``f`` is an incremental checksum update over the
old and new TTL (``m' = m - 0x0100`` whenever ``dec`` holds): under ``dec`` the arm's value is the same
for every ``ttl``/``proto`` -- ``~m + m'`` is a constant. Pinning them to one witness value that selects
the arm (``ttl = 1, proto = 0``) leaves ``~(~csum +' 0xFEFF)``: constant propagation removes the
adders of the message words.

Found by value (names and spelling do not matter): the module is elaborated and simulated
(:mod:`rtlopt.semantic.netlist`); for a continuous assignment ``T = C ? X : Y`` (``C`` a named 1-bit
signal) the arm's logic is followed back through single continuous assignments to its leaves. A set of
leaves ``D`` is irrelevant under ``C`` when re-simulating with ``D`` replaced, on every vector, by the
values it had on one vector where ``C`` holds gives the same arm words on every vector where ``C`` holds.
The largest such set is pinned: the arm's intermediate wires are copied (``<name>_rtlopt_w``) with the
leaves of ``D`` read from constant wires of the witness values, and the arm reads the copies. The
original logic stays byte for byte (its other readers keep it). The search proves every candidate.
"""

from __future__ import annotations

import itertools
import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "algebraic_factoring"
MAX_LEAVES = 6
NVEC = 2048
MAX_PLANS = 16  # mux assignments examined per file
MAX_CONE = 5000  # cells of one arm's cone
BUDGET_S = 20.0  # simulation time per file

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_KW = {"assign", "wire", "reg", "logic", "signed", "unsigned", "input", "output", "begin", "end"}


def _blank(text: str) -> str:
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _names(expr: str) -> set[str]:
    e = re.sub(r"\d+'[sS]?[bBoOdDhH][0-9a-fA-F_xXzZ?]+", " ", expr)
    return {n for n in re.findall(r"(?<![\w$'])([A-Za-z_]\w*)", e) if n not in _KW}


def _drivers(mtext: str) -> dict[str, tuple[int, int, str]]:
    """name -> (rhs start, rhs end, rhs) for names driven by exactly one continuous assignment."""
    found: dict[str, list] = {}
    for m in re.finditer(r"\bassign\s+([A-Za-z_]\w*)\s*=\s*([^;]+);", mtext):
        found.setdefault(m.group(1), []).append((m.start(2), m.end(2), m.group(2)))
    for m in re.finditer(r"\bwire\b\s*(?:signed\s*)?(?:\[[^\]]*\]\s*)?([A-Za-z_]\w*)\s*=\s*([^;]+);", mtext):
        found.setdefault(m.group(1), []).append((m.start(2), m.end(2), m.group(2)))
    return {k: v[0] for k, v in found.items() if len(v) == 1}


def _ternary(rhs: str) -> tuple[str, int, int] | None:
    """``(cond name, arm start, arm end)`` of a top-level ``C ? X : Y`` (the 'then' arm)."""
    m = re.match(r"\s*\(?\s*([A-Za-z_]\w*)\s*\)?\s*\?", rhs)
    if m is None:
        return None
    depth, q = 0, 0
    for i in range(m.end(), len(rhs)):
        ch = rhs[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "?" and depth == 0:
            q += 1
        elif ch == ":" and depth == 0:
            if q == 0:
                return m.group(1), m.end(), i
            q -= 1
    return None


def _decl(net, name: str) -> str:
    w = net.width
    rng = "" if w == 1 else f"[{net.offset + w - 1}:{net.offset}] "
    return f"wire {'signed ' if net.signed else ''}{rng}{name}"


def rewrites(text: str, name: str = "design.v") -> list[tuple[str, str]]:
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._sem import analyze, parses_cleanly

    if "?" not in text:
        return []
    an = analyze(text, name)
    if an.syntax_errors:
        return []
    clean = _blank(text)
    mods = [(m.group(1), m.start()) for m in re.finditer(r"\bmodule\s+([A-Za-z_]\w*)", clean)]
    plans = []
    for k, (mname, ms) in enumerate(mods):
        me = clean.find("endmodule", ms)
        if me < 0:
            continue
        mtext = clean[ms:me]
        drv = _drivers(mtext)
        # functions and parameters are no leaves (no nets to pin)
        consts = set(re.findall(r"\bfunction\b[^;(]*?([A-Za-z_]\w*)\s*[;(]", mtext))
        consts |= set(re.findall(r"\b(?:localparam|parameter)\b[^=;]*?([A-Za-z_]\w*)\s*=", mtext))
        for tname, (rs, _re, rhs) in drv.items():
            t = _ternary(rhs)
            if t is None:
                continue
            cond, xs, xe = t
            arm = rhs[xs:xe]
            cone, leaves, todo = [], set(), list(_names(arm))
            seen = set()
            while todo:
                n = todo.pop()
                if n in seen or n in consts:
                    continue
                seen.add(n)
                if n in drv and n != tname:
                    cone.append(n)
                    todo += list(_names(drv[n][2]))
                else:
                    leaves.add(n)
            if not cone or len(leaves) < 2 or len(leaves) > MAX_LEAVES or tname in leaves:
                continue
            plans.append((k, mname, ms, tname, rs, cond, xs, xe, arm, cone, sorted(leaves), drv))
    if not plans:
        return []
    plans = plans[:MAX_PLANS]
    deadline = time.monotonic() + BUDGET_S
    sims: dict = {}
    with tempfile.TemporaryDirectory(prefix="rtlopt-condwit-") as td:
        f = Path(td) / (Path(name).name if name.endswith((".v", ".sv")) else "design.v")
        f.write_text(text)
        try:
            nls = elaborate_modules([f], sorted({p[1] for p in plans}))
        except Exception:  # noqa: BLE001 - no netlist, no candidates
            return []
    out = []
    for (_k, mname, ms, tname, rs, cond, xs, xe, arm, cone, leaves, drv) in plans:
        nl = nls.get(mname)
        if nl is None or cond not in nl.nets or any(n not in nl.nets for n in leaves + cone):
            continue
        if mname not in sims:
            try:
                sims[mname] = nl.simulate(NVEC, seed=7, deadline=deadline)
            except Exception:  # noqa: BLE001
                sims[mname] = None
        vals = sims[mname]
        if vals is None:
            continue
        cbits = nl.nets[cond].bits
        if len(cbits) != 1 or not isinstance(cbits[0], int) or cbits[0] not in vals:
            continue
        sel = vals[cbits[0]]
        if sel.sum() < 32:
            continue
        if any(not all(isinstance(b, int) and b in nl.free for b in nl.nets[n].bits) for n in leaves):
            continue  # every leaf must be a cut point (an input or a register) to be re-simulated
        armw = [n for n in _names(arm) if n in nl.nets]
        armbits = [b for n in armw for b in nl.nets[n].bits if isinstance(b, int)]
        if not armbits:
            continue
        wit = int(np.flatnonzero(sel)[0])
        cone_cells = nl.fanin_cells(armbits)
        if len(cone_cells) > MAX_CONE:
            continue

        def holds(pins: dict, nl=nl, vals=vals, sel=sel, armbits=armbits, cells=cone_cells) -> bool:
            """The arm words are unchanged on every selecting vector with the leaves pinned (bit -> value)."""
            if time.monotonic() > deadline:
                return False
            inputs = {b: v for b, v in vals.items() if b in nl.free}
            inputs.update({b: np.full(NVEC, v) for b, v in pins.items()})
            try:
                v2 = nl.simulate_cells(cells, inputs, NVEC)
            except Exception:  # noqa: BLE001
                return False
            return all(b in v2 and np.array_equal(v2[b][sel], vals[b][sel]) for b in armbits)

        best = None
        for size in range(len(leaves) - 1, 0, -1):
            for dset in itertools.combinations(leaves, size):
                if holds({b: bool(vals[b][wit]) for n in dset for b in nl.nets[n].bits}):
                    best = dset
                    break
            if best:
                break
        if not best:
            continue
        # the simplest witness that works (zeros, ones, all-ones per leaf): more logic folds away
        wvals = {n: sum(int(vals[b][wit]) << i for i, b in enumerate(nl.nets[n].bits)) for n in best}
        simple = sorted(itertools.product(*[(0, 1, (1 << nl.nets[n].width) - 1) for n in best]),
                        key=lambda vs: sum(bin(v).count("1") for v in vs))
        for vs in simple[:27]:
            if holds({b: bool(v >> i & 1) for n, v in zip(best, vs, strict=True)
                      for i, b in enumerate(nl.nets[n].bits)}):
                wvals = dict(zip(best, vs, strict=True))
                break
        # the copy: constant wires for the pinned leaves, renamed intermediates
        ren = {n: f"{n}_rtlopt_w" for n in cone}
        ren.update({n: f"{n}_rtlopt_k" for n in best})

        def sub(e: str, ren=ren) -> str:
            return re.sub(r"(?<![\w$'])([A-Za-z_]\w*)", lambda m: ren.get(m.group(1), m.group(1)), e)

        lines = []
        for n in best:
            net = nl.nets[n]
            lines.append(f"{_decl(net, ren[n])} = {net.width}'d{wvals[n]};")
        order = [n for n in sorted(cone, key=lambda n: drv[n][0])]
        for n in order:
            lines.append(f"{_decl(nl.nets[n], ren[n])} = {sub(drv[n][2].strip())};")
        a0 = ms + rs + xs
        a1 = ms + rs + xe
        item = clean.rfind(";", ms, ms + rs) + 1
        ls = text.find("\n", item) + 1 if text.find("\n", item) >= 0 and text.find("\n", item) < ms + rs else item
        indent = re.match(r"[ \t]*", text[ls:]).group(0)
        block = "".join(f"{indent}{ln}\n" for ln in lines)
        arm_txt = text[a0:a1]
        lead = arm_txt[:len(arm_txt) - len(arm_txt.lstrip())]
        trail = arm_txt[len(arm_txt.rstrip()):]
        edits = [Edit(ls, ls, block), Edit(a0, a1, f"{lead}{sub(arm_txt.strip())}{trail}")]
        try:
            new = apply_edits(text, edits)
        except ValueError:
            continue
        if new != text and parses_cleanly(new, an.errors):
            out.append((new, f"{tname}: the arm selected by {cond} does not depend on {', '.join(best)} "
                             f"there; pinned to a witness value"))
    return out


def condwit_candidates(state) -> list:
    from rtlopt.engine.candidate import per_file_candidates

    return per_file_candidates(state, rewrites, RULE, "arm inputs pinned to a witness", "condwit")


__all__ = ["condwit_candidates", "rewrites"]
