"""A ones'-complement sum with an end-around carry after every addition: one wide sum, folded once.

``s = a + b; s = s[15:0] + s[16];`` per step (a chain, a loop, a tree of function calls or of
instances of an adder module) builds one carry-propagate adder *and* one incrementer per word; the
same value is the wide two's-complement sum of all the words with its carries folded back at the end
(``t = sum; t = t[15:0] + t[W-1:16]; t = t[15:0] + t[16]``), one adder tree and two short adds.

Found by value, in any spelling: every module of the file is elaborated (hierarchy flattened,
functions inlined; :mod:`rtlopt.semantic.netlist`) and simulated on vectors of our own. The input
ports are cut into ``n``-bit words (``n`` the width of the candidate word). A named ``n``-bit word
``T`` is an end-around-carry sum when, with exactly one input word set to 1 and all others 0, it reads
0 or 1 (the coefficient of that word), and on every random/extreme vector it equals
``oc(S)`` -- ``S`` the plain sum of the words with coefficient 1, ``oc(0) = 0`` and otherwise the
value in ``1 .. 2^n-1`` congruent to ``S`` modulo ``2^n-1`` -- or its complement. That is exactly
what any chain or tree of end-around-carry additions of those words computes (it is 0 only when every
word is 0: ``+0``, never ``-0``), and exactly what the double fold computes, so the two forms are
equal for all inputs. A plain two's-complement sum fails the check (its carries are dropped). The
driver of ``T`` is replaced (:func:`rtlopt.semantic.emit.apply_lift`, the feeding logic removed when
nothing else reads it) and the search loop proves the candidate.
"""

from __future__ import annotations

import contextlib
import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "word_level_lifting"
BUDGET_S = 15.0
MIN_WORDS = 3
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
NVEC = 768


def oc_value(s: int, n: int) -> int:
    """End-around-carry value of a plain sum ``s`` of ``n``-bit words (0 only for 0)."""
    m = (1 << n) - 1
    return 0 if s == 0 else (s - 1) % m + 1


def _leaves(nl, n: int) -> list[tuple[str, list, str]]:
    """``(port, bits, source text)`` of the ``n``-bit words the input ports are cut into."""
    out = []
    for net in nl.nets.values():
        if net.port != "input" or net.hidden or net.width < 1:
            continue
        w = net.width
        if w <= n:
            out.append((net.name, list(net.bits), net.name))
            continue
        if net.upto:
            continue
        for lo in range(0, w, n):
            hi = min(w, lo + n) - 1
            out.append((net.name, list(net.bits[lo:hi + 1]), f"{net.name}[{net.offset + hi}:{net.offset + lo}]"))
    return out


def _run(nl, leaves, words: list[list[int]], rng) -> dict:
    """Bit values after simulating the module with the leaf words set as given (per vector)."""
    nvec = len(words)
    inputs: dict = {}
    for j, (_p, bits, _t) in enumerate(leaves):
        col = np.array([w[j] for w in words], dtype=object)
        for k, b in enumerate(bits):
            if isinstance(b, int):
                inputs[b] = np.array([(int(v) >> k) & 1 for v in col], dtype=bool)
    for b in nl.free:
        if b not in inputs:
            inputs[b] = rng.integers(0, 2, nvec).astype(bool)
    return nl.simulate_cells(set(nl.order), inputs, nvec)


def find(nl, deadline: float) -> list[tuple[str, bool, list[str], int]]:
    """``[(word, complemented, leaf texts, n)]`` for the named words that are end-around-carry sums."""
    rng = np.random.default_rng(7)
    widths = sorted({net.width for net in nl.nets.values()
                     if not net.hidden and net.port != "input" and 4 <= net.width <= 64})
    found = []
    for n in widths:
        if time.monotonic() > deadline:
            break
        # a chain of end-around-carry adds of MIN_WORDS words has at least MIN_WORDS - 1 adders this wide
        adds = sum(1 for c in nl.cells if c.type == "$add" and len(c.conns.get("Y", [])) in (n, n + 1))
        if adds < MIN_WORDS - 1:
            continue
        leaves = _leaves(nl, n)
        if len(leaves) < MIN_WORDS or len(leaves) > 256:
            continue
        cands = [net for net in nl.nets.values() if not net.hidden and net.port != "input" and net.width == n
                 and _ID.fullmatch(net.name)
                 and all(isinstance(b, int) and b not in nl.free for b in net.bits)]
        if not cands:
            continue
        m = (1 << n) - 1
        nl_ = len(leaves)
        probe = [[1 if i == j else 0 for i in range(nl_)] for j in range(nl_)]
        rnd = []
        for r in range(NVEC):
            kind = r % 8
            row = []
            for _j, (_p, bits, _t) in enumerate(leaves):
                lm = (1 << len(bits)) - 1
                if kind == 0:
                    v = lm
                elif kind == 1:
                    v = int(rng.integers(0, 2)) * lm
                elif kind == 2:
                    v = int(rng.integers(0, 3))
                else:
                    v = int(rng.integers(0, 1 << min(len(bits), 62))) & lm
                row.append(v)
            rnd.append(row)
        rnd.append([0] * nl_)
        try:
            vals = _run(nl, leaves, probe + rnd, rng)
        except Exception:  # noqa: BLE001 - an unsupported cell: no verdict
            continue
        for net in cands:
            got = [int(x) for x in nl.word_int(vals, net.bits)]
            for comp in (False, True):
                g = [(~x) & m if comp else x for x in got]
                coef = g[:nl_]
                if any(c not in (0, 1) for c in coef) or sum(coef) < MIN_WORDS:
                    continue
                ok = all(g[nl_ + r] == oc_value(sum(v for v, c in zip(row, coef, strict=True) if c), n)
                         for r, row in enumerate(rnd))
                if ok:
                    found.append((net.name, comp, [lf[2] for lf, c in zip(leaves, coef, strict=True) if c], n))
                    break
    # the words with the most leaves (the roots of chains), plain before complemented, ports first
    found.sort(key=lambda f: (-len(f[2]), f[1], nl.nets[f[0]].port != "output", f[0]))
    return found


def _fresh(text: str, base: str) -> str:
    name, k = base, 0
    while re.search(rf"\b{re.escape(name)}\b", text):
        k += 1
        name = f"{base}{k}"
    return name


def rewrite(text: str, module: str, word: str, comp: bool, terms: list[str], n: int, dirs=None) -> str | None:
    """``text`` with ``word`` driven by the folded wide sum of ``terms`` (complemented when ``comp``)."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.templates._sem import analyze

    w = n + max(1, (len(terms) - 1).bit_length())
    s_name = _fresh(text, f"{word}_ocs")
    f_name = _fresh(text.replace(s_name, ""), f"{word}_ocf")
    expr = f"{f_name}[{n - 1}:0] + {f_name}[{n}]"
    if comp:
        expr = f"~({expr})"
    ports = sorted({t.split("[")[0] for t in terms})
    wide = " + ".join(terms)  # placeholder the driver is first replaced by (reads only the operands)
    new = apply_lift(text, module, (word,), ports, word, wide, dirs=dirs)
    if new is None:
        # a net driven by its declaration (``wire [15:0] T = ...;``), read by several outputs: the
        # shared word itself takes the new driver, so every reader reads the folded sum
        return _rewrite_decl(text, module, word, terms, n, w, s_name, f_name, expr)
    # the driver is now one module item: ``assign T = ...;`` (a net) or ``always @* T = ...;`` (a variable)
    m = re.search(rf"(?m)^([ \t]*)(assign\s+|always\s*@\s*(?:\*|\(\s*\*\s*\))\s*|always_comb\s+)"
                  rf"{re.escape(word)}\s*=\s*{re.escape(wide)}\s*;", new)
    if m is None:
        return None
    ind = m.group(1)
    stmt = (f"{ind}wire [{w - 1}:0] {s_name} = {wide};\n"
            f"{ind}wire [{n}:0] {f_name} = {s_name}[{n - 1}:0] + {s_name}[{w - 1}:{n}];\n"
            f"{ind}{m.group(2)}{word} = {expr};")
    new = apply_edits(new, [Edit(m.start(), m.end(), stmt)])
    an2 = analyze(new)
    if an2.syntax_errors:
        return None
    return new


def _rewrite_decl(text: str, module: str, word: str, terms: list[str], n: int, w: int,
                  s_name: str, f_name: str, expr: str) -> str | None:
    """``text`` with the initializer of the net declaration of ``word`` replaced, or None."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.emit import remove_leftovers
    from rtlopt.templates._sem import analyze

    pat = re.compile(rf"(?m)^([ \t]*)(?:wire|logic|tri)\b[^;=,()]*?(?<![\w$]){re.escape(word)}\s*=([^;]*);")
    hits = [m for m in pat.finditer(text)]
    if len(hits) != 1:
        return None
    m = hits[0]
    # the declaration lies in the module being rewritten, and no other statement drives the net
    heads = [h for h in re.finditer(r"(?m)^\s*module\s+([A-Za-z_][\w$]*)", text) if h.start() < m.start()]
    if not heads or heads[-1].group(1) != module:
        return None
    if re.search(rf"(?m)\bassign\s+{re.escape(word)}\b", text):
        return None
    ind = m.group(1)
    pre = (f"{ind}wire [{w - 1}:0] {s_name} = {' + '.join(terms)};\n"
           f"{ind}wire [{n}:0] {f_name} = {s_name}[{n - 1}:0] + {s_name}[{w - 1}:{n}];\n")
    new = apply_edits(text, [Edit(m.start(2), m.end(2), f" {expr}"), Edit(m.start(), m.start(), pre)])
    with contextlib.suppress(Exception):  # leftovers stay (synthesis drops them)
        new = remove_leftovers(new, module, text)
    if analyze(new).syntax_errors:
        return None
    return new


def rewrites(texts: dict, budget_s: float = BUDGET_S) -> list[tuple[Path, str, str]]:
    from rtlopt.semantic.emit import port_directions
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.templates._sem import analyze

    deadline = time.monotonic() + budget_s
    out = []
    for path, text in texts.items():
        if "+" not in text:
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        dirs = port_directions(an)
        mods = sorted(dirs)
        if not mods:
            continue
        with tempfile.TemporaryDirectory(prefix="rtlopt-ocsum-") as td:
            f = Path(td) / Path(path).name
            f.write_text(text, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(path).resolve().parent])
            except Exception:  # noqa: BLE001
                continue
        for mod in mods:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline:
                continue
            done = 0
            for word, comp, terms, n in find(nl, deadline):
                if done >= 2:
                    break
                new = rewrite(text, mod, word, comp, terms, n, dirs)
                if new is None or new == text:
                    continue
                done += 1
                out.append((path, new, f"{word} = {'~' if comp else ''}end-around-carry sum of {len(terms)} "
                                       f"words as one wide sum folded once"))
    return out


def ocsum_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "one wide ones'-complement sum", "ocsum")


__all__ = ["find", "ocsum_candidates", "oc_value", "rewrite", "rewrites"]
