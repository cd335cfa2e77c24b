"""Several linear forms of the same words sharing pair terms: ``u - v`` computed once for all of them.

Two (or more) words of one module that are integer-weighted sums of the same input words -- the Sobel
kernels ``Gx = (p2 + 2 p5 + p8) - (p0 + 2 p3 + p6)`` and ``Gy = (p6 + 2 p7 + p8) - (p0 + 2 p1 + p2)``
-- are written as separate adder trees. Both contain ``p8 - p0`` and ``+-(p2 - p6)``: with those pair
terms computed once, ``Gx = a + b + 2 (p5 - p3)``, ``Gy = a - b + 2 (p7 - p1)`` (four subtractions
and four adds instead of two six-term trees). Greedy pair extraction over the forms' coefficient
vectors (the pair ``u + r v`` that the most forms contain as ``m (u + r v)``, then pairs within one
form), power-of-two weights only.

Found by values, in any spelling: the module is elaborated (netlist.py) and every named word driven
by a continuous assignment or a net declaration's initializer is fitted as an affine function of its
cut bits (:func:`rtlopt.semantic.linsum._fit`), the bits grouped into words
(:func:`rtlopt.semantic.linsum._words`). Each form is re-emitted at its own width (modular arithmetic,
every operand zero-extended: the same bits as the original), the shared pair terms spelled identically
so that synthesis merges them. The search loop measures and proves every candidate.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "algebraic_factoring"
BUDGET_S = 12.0
_ID = r"[A-Za-z_][\w$]*"
#: z3 proves the Sobel forms (smt 16.5 s at load 17); the algebraic engine's polynomials blow up
PROOF_ENGINES = ("smt", "abc")


def _sites(masked: str, names: set[str]) -> dict[str, tuple[int, int]]:
    """``{name: (start, end, statement start)}`` of the right side of ``assign NAME = ...;`` or ``wire ...
    NAME = ...;`` (exactly one driver of that form)."""
    hits: dict[str, list[tuple[int, int, int]]] = {}
    pat = re.compile(rf"(?:\bassign\s+|\b(?:wire|logic)\b[^;=()]*?(?<![\w$]))({_ID})\s*=(?!=)")
    for m in pat.finditer(masked):
        name = m.group(1)
        if name not in names:
            continue
        depth, j = 0, m.end()
        while j < len(masked):
            ch = masked[j]
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
            elif depth == 0 and ch in ";,":
                break
            j += 1
        if j >= len(masked) or masked[j] != ";":
            continue
        hits.setdefault(name, []).append((m.end(), j, m.start()))
    return {n: s[0] for n, s in hits.items() if len(s) == 1}


def _conn_sites(masked: str, names: set[str], outs: dict[str, set[str]]) -> dict[str, tuple[int, int, int, int]]:
    """``{name: (start, end, statement start, statement end)}`` of ``NAME`` in a named connection
    ``.port(NAME)`` of an instance's output port (``outs``: {module: output ports}): a word a child
    instance computes, which the parent can compute itself (``.port()`` and ``assign NAME = ...;``)."""
    hits: dict[str, list[tuple[int, int, int, int]]] = {}
    for m in re.finditer(rf"\.\s*({_ID})\s*\(\s*({_ID})\s*\)", masked):
        port, name = m.group(1), m.group(2)
        if name not in names:
            continue
        st = masked.rfind(";", 0, m.start()) + 1
        mm = re.match(rf"\s*({_ID})", masked[st:])
        en = masked.find(";", m.end())
        if mm is None or en < 0 or port not in outs.get(mm.group(1), ()):
            continue
        hits.setdefault(name, []).append((m.start(2), m.end(2), st + mm.start(1), en + 1))
    return {n: s[0] for n, s in hits.items() if len(s) == 1}


def _named_words(nl, coef: dict, w: int):
    """:func:`rtlopt.semantic.linsum._words` with the bits named by the module's own wires first (``p0``
    for ``win[5:0]``: no parameter-dependent slice in the text), ports after them."""
    from rtlopt.semantic.linsum import _SIMPLE
    m = 1 << w
    where = {}
    for net in sorted(nl.nets.values(), key=lambda n: (n.port is not None, n.hidden, n.name)):
        if net.hidden or net.upto or not _SIMPLE.match(net.name):
            continue
        for k, b in enumerate(net.bits):
            if isinstance(b, int) and b in coef and b not in where:
                where[b] = (net.name, k + net.offset)
    if any(c and b not in where for b, c in coef.items()):
        return None
    msb = {n.name: n.offset + n.width - 1 for n in nl.nets.values()}
    runs = []
    for b in sorted((b for b, c in coef.items() if c), key=lambda b: where[b]):
        name, k = where[b]
        c = coef[b]
        if runs and runs[-1][0] == name and runs[-1][2] == k - 1 and not runs[-1][5]:
            if (runs[-1][4] * 2) % m == c:
                runs[-1][2] = k
                runs[-1][4] = c
                continue
            # the word's top bit weighted -2^k: a two's complement (signed) word, whatever its declaration
            if k == msb[name] and (-runs[-1][4] * 2) % m == c:
                runs[-1][2] = k
                runs[-1][5] = True
                continue
        runs.append([name, k, k, c, c, False])
    return [((name, lo, hi, "s") if sgn else (name, lo, hi), c - m if c >= m // 2 else c)
            for name, lo, hi, c, _last, sgn in runs]


def _pow2(m: int) -> int | None:
    a = abs(m)
    return a.bit_length() - 1 if a and a & (a - 1) == 0 else None


def share(forms: dict[str, dict[tuple, int]]) -> tuple[dict[str, dict], list[tuple]] | None:
    """Greedy pair extraction: ``(forms over leaves and pair ids, [(pair id, u, v, r)])``; None when no
    pair is shared by two forms."""
    forms = {k: dict(v) for k, v in forms.items()}
    pairs: list[tuple] = []
    shared_any = False
    for across in (True, False):
        while True:
            count: dict[tuple, set] = {}
            for fname, f in forms.items():
                leaves = sorted((x for x in f if f[x]), key=str)
                for i, u in enumerate(leaves):
                    for v in leaves[i + 1:]:
                        for r in (1, -1):
                            if f[v] == r * f[u]:
                                count.setdefault((u, v, r), set()).add(fname)
            need = 2 if across else 1
            best = None
            for key, fs in count.items():
                # within one form: only differences (a sum of two words saves nothing on its own)
                if len(fs) < need or (not across and (key[2] != -1 or _is_pair(key[0]) or _is_pair(key[1]))):
                    continue
                rank = (len(fs), key[2] == -1, str(key))
                if best is None or rank > best[0]:
                    best = (rank, key, fs)
            if best is None:
                break
            _rank, (u, v, r), fs = best
            # a difference oriented so that most forms add it (adders, not a subtraction of a difference)
            if r == -1 and sum(1 for fn in fs if forms[fn][u] < 0) > sum(1 for fn in fs if forms[fn][u] > 0):
                u, v = v, u
            pid = ("pair", len(pairs))
            pairs.append((pid, u, v, r))
            shared_any |= across
            for fname in sorted(fs):
                f = forms[fname]
                m = f.pop(u)
                f.pop(v)
                f[pid] = m
    if not shared_any:
        return None
    return forms, pairs


def _is_pair(key) -> bool:
    return key[0] == "pair"


def _leaf_text(leaf, full: dict, signed: bool = False) -> str:
    """A leaf word; in a form group with a signed leaf every operand is signed (``$signed(x)`` for a
    two's complement word, ``$signed({1'b0, x})`` for an unsigned one), so that each is extended by its
    own kind to the assignment's width."""
    name, lo, hi = leaf[:3]
    txt = name if full.get(name) == (lo, hi) else (f"{name}[{lo}]" if lo == hi else f"{name}[{hi}:{lo}]")
    if not signed:
        return txt
    return f"$signed({txt})" if len(leaf) == 4 else f"$signed({{1'b0, {txt}}})"


def _range(leaf) -> tuple[int, int]:
    n = leaf[2] - leaf[1] + 1
    return (-(1 << (n - 1)), (1 << (n - 1)) - 1) if len(leaf) == 4 else (0, (1 << n) - 1)


def pair_widths(pairs: list[tuple]) -> dict:
    """``{pair id: bits}``: the two's complement width each pair term's value range needs."""
    rng: dict = {}
    out = {}
    for pid, u, v, r in pairs:
        (lu, hu), (lv, hv) = (rng[u] if u in rng else _range(u)), (rng[v] if v in rng else _range(v))
        lo, hi = (lu + lv, hu + hv) if r > 0 else (lu - hv, hu - lv)
        rng[pid] = (lo, hi)
        b = 1
        while not (-(1 << (b - 1)) <= lo and hi <= (1 << (b - 1)) - 1):
            b += 1
        out[pid] = b
    return out


def emit(form: dict, t0: int, w: int, pairs: list[tuple], full: dict, signed: bool = False,
         named: dict | None = None) -> str | None:
    """The expression of one form (terms with power-of-two weights, the constant last); ``signed``: every
    operand signed (the group has a two's complement leaf); ``named``: pair terms declared as wires."""
    ptext: dict = dict(named or {})

    def text(x) -> str:
        return ptext[x] if x in ptext else _leaf_text(x, full, signed)
    for pid, u, v, r in pairs:  # a pair may combine earlier pairs
        if pid not in ptext:
            ptext[pid] = f"({text(u)} {'+' if r > 0 else '-'} {text(v)})"
    terms = []
    for key, m in sorted(form.items(), key=lambda kv: (kv[1] < 0, str(kv[0]))):
        if not m:
            continue
        k = _pow2(m)
        if k is None:
            return None
        txt = ptext[key] if _is_pair(key) else _leaf_text(key, full, signed)
        if k:
            txt = f"({txt} << {k})"
        terms.append(("-" if m < 0 else "+", txt))
    if not terms:
        return None
    out = ("- " if terms[0][0] == "-" else "") + terms[0][1]
    for s, t in terms[1:]:
        out += f" {s} {t}"
    if t0:
        out += f" + $signed({w}'d{t0})" if signed else f" + {w}'d{t0}"
    return out


def rewrites(texts: dict, budget_s: float = BUDGET_S, params: dict | None = None) -> list[tuple[Path, str, str]]:
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.semantic._procsites import probe_sites
    from rtlopt.semantic.emit import port_directions
    from rtlopt.semantic.linsum import _fit
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.semantic.thrcount import _mask
    from rtlopt.templates._sem import analyze, parses_cleanly

    deadline = time.monotonic() + budget_s
    out = []
    rng = np.random.default_rng(7)
    # {module: output ports} of every file (a child's outputs, for the words its instances compute)
    outs: dict[str, set[str]] = {}
    for path, text in texts.items():
        if "output" not in text:
            continue
        try:
            dirs = port_directions(analyze(text, str(path)))
        except Exception:  # noqa: BLE001 - an unparsable file: no outputs known
            continue
        for m, ps in dirs.items():
            outs[m] = {p for p, d in ps if d == "output"}
    for path, text in texts.items():
        mk = _mask(text)
        if mk.count("-") + mk.count("+") < 4:
            continue
        an = analyze(text, str(path))
        if an.syntax_errors:
            continue
        mods = sorted(port_directions(an))
        if not mods:
            continue
        # right-hand sides of procedural assignments (always @*, always_comb, registers) as probe nets
        mspans = {m: sp for m in mods if (sp := module_span(text, m)) is not None}
        ptext, probes = probe_sites(text, an, mspans)
        with tempfile.TemporaryDirectory(prefix="rtlopt-linshare-") as td:
            f = Path(td) / Path(path).name
            nls = None
            for etext in ([ptext, text] if probes else [text]):
                f.write_text(etext, encoding="utf-8")
                try:
                    nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                            include_dirs=[Path(path).resolve().parent], params=params)
                    break
                except Exception:  # noqa: BLE001
                    probes = {}
            if nls is None:
                continue
        for mod in mods:
            nl = nls.get(mod)
            span = module_span(text, mod)
            if nl is None or span is None or time.monotonic() > deadline:
                continue
            body_m = mk[span[0]:span[1]]
            names = {n.name for n in nl.nets.values() if not n.hidden and n.port != "input" and 4 <= n.width <= 64}
            sites = _sites(body_m, names)
            psites = {n: v for n, v in probes.get(mod, {}).items() if n in names and nl.nets[n].width >= 4}
            sites.update({n: v[:3] for n, v in psites.items()})
            # words driven by a child instance's output port: computed in the parent instead
            conns = _conn_sites(body_m, names, outs)
            for n in set(sites) & set(conns):
                del sites[n], conns[n]
            sites.update({n: (c[0], c[1], c[2]) for n, c in conns.items()})
            fits = {}
            for name in sorted(sites):
                if time.monotonic() > deadline:
                    break
                net = nl.nets[name]
                try:
                    fit = _fit(nl, net.bits, rng)
                except Exception:  # noqa: BLE001 - an unsupported cell: no form
                    fit = None
                if fit is None:
                    continue
                words = _named_words(nl, fit[1], net.width)
                if not words or len(words) < 3:
                    continue
                if name in psites and {k[0] for k, _c in words} & psites[name][4]:
                    continue  # a leaf blocking-assigned in the probed block: not its value there
                fits[name] = (fit[0], net.width, dict(words))
            # a word that only copies another form (``assign w0 = s0;``) is left as written: the form
            # that computes it (the most operators in its driver) is the one rewritten
            same: dict = {}
            for name, (t0, w, f) in fits.items():
                same.setdefault((t0, w, frozenset(f.items())), []).append(name)
            for names_ in same.values():
                keep = max(names_, key=lambda n: (sum(body_m[sites[n][0]:sites[n][1]].count(ch) for ch in "+-"), n))
                for n in names_:
                    if n != keep:
                        del fits[n]
            # forms over the same leaves, of one width (the shared terms must be the same cells)
            by_w: dict[int, list[str]] = {}
            for name, (_t0, w, _f) in fits.items():
                by_w.setdefault(w, []).append(name)
            full = {x.name: (x.offset, x.offset + x.width - 1) for x in nl.nets.values()}
            for w, group in by_w.items():
                if len(group) < 2:
                    continue
                if all(n in conns for n in group) and len({conns[n][2] for n in group}) == 1:
                    continue  # every form is one instance's outputs: the child's own rewrite shares them
                got = share({n: fits[n][2] for n in group})
                if got is None:
                    continue
                forms, pairs = got
                # a leaf sliced out of a packed multi-dimensional word cannot be named by a bit range
                leaves = {k[0] for n in group for k in fits[n][2]}
                if any(re.search(rf"\]\s*\[[^\]]*\]\s*(?:{re.escape(x)})(?![\w$])", body_m) for x in leaves):
                    continue
                signed = any(len(k) == 4 for n in group for k in fits[n][2])
                nshared = len(pairs)
                # first the pair terms as wires of the width their values need (in the forms' context an
                # inline u - v is as wide as the assignment, and a difference's top bits do not shrink):
                # ntp offset/delay 1901.8 -> 1859.3 um^2, and the proof is easy; then the inline spelling
                widths = pair_widths(pairs)
                narrow = {pid for pid, b in widths.items() if b < w}
                variants = []
                if narrow:
                    named, decls, k = {}, [], 0
                    for pid, *_ in pairs:
                        if pid not in narrow:
                            continue
                        while re.search(rf"(?<![\w$])rtlopt_ls{k}(?![\w$])", text):
                            k += 1
                        ex = emit({pid: 1}, 0, widths[pid], pairs, full, True, named)
                        named[pid] = f"rtlopt_ls{k}"
                        decls.append(f"wire signed [{widths[pid] - 1}:0] rtlopt_ls{k} = {ex};")
                        k += 1
                    variants.append((True, named, decls, " (declared at their value width)"))
                variants.append((signed, None, [], ""))
                for sgn, named, decls, note in variants:
                    edits = []
                    for n in group:
                        ex = emit(forms[n], fits[n][0], w, pairs, full, sgn, named)
                        if ex is None:
                            edits = []
                            break
                        s, e, _st = sites[n]
                        if n in conns:  # .port(NAME) -> .port(), assign NAME = ...; after the instance
                            se = span[0] + conns[n][3]
                            ls = text.rfind("\n", 0, span[0] + _st) + 1
                            ind = text[ls:span[0] + _st] if not text[ls:span[0] + _st].strip() else ""
                            edits.append((span[0] + s, span[0] + e, ""))
                            edits.append((se, se, f"\n{ind}assign {n} = {ex};"))
                            continue
                        edits.append((span[0] + s, span[0] + e, " " + ex))
                    if not edits:
                        continue
                    if decls:
                        st = min(sites[n][2] for n in group) + span[0]
                        ls = text.rfind("\n", 0, st) + 1
                        ind = text[ls:st] if not text[ls:st].strip() else ""
                        edits.append((ls, ls, "".join(f"{ind}{d}\n" for d in decls)))
                    new = text
                    for s, e, t in sorted(edits, reverse=True):
                        new = new[:s] + t + new[e:]
                    if new != text and parses_cleanly(new, an.errors):
                        out.append((path, new, f"{', '.join(sorted(psites[n][3] if n in psites else n for n in group))} share {nshared} pair term(s) "
                                               f"(u +- v computed once){note}"))
    return out


def linshare_candidates(state) -> list:
    from rtlopt.engine.candidate import budgeted_candidates

    out = budgeted_candidates(state, rewrites, BUDGET_S, RULE, "shared pair terms of linear forms", "linshare",
                              instance_params=True)
    for c in out:
        c.hints["engines"] = PROOF_ENGINES
    return out


__all__ = ["emit", "linshare_candidates", "rewrites", "share"]
