"""A wide accumulator read only through a modular reduction kept reduced, step by step.

``sum <= sum + x;`` into a wide register, read only as ``T = fold(sum)`` where the fold is the
ones'-complement (end-around-carry) reduction ``oc_m(sum)`` (0 only for 0, otherwise the value in
``1 .. m`` congruent to ``sum`` modulo ``m``; LIN / IP checksums: ``f = s[7:0] + s[15:8]; T = f[7:0] +
f[8]``) or the remainder ``sum % m``, keeps a wide register, a wide adder and the fold. Both reductions
commute with addition (``oc_m(s + x) = oc_m(oc_m(s) + x)``, ``(s + x) % m = ((s % m) + x) % m``), so
the register can hold the reduced value itself: ``sum <= F(sum, x)`` with ``F`` a short add and the
reduction of a bounded sum (``s[n-1:0] + s[n]`` for ``m = 2^n - 1``, else conditional subtractions of
``m``), and ``T = sum``. The register's upper bits become constant zeros (synthesis drops them; the
width templates narrow the declaration later).

Found by value, in any spelling of the fold: every module is elaborated (netlist.py) and every named
word ``T`` whose combinational cone reads only the bits of one register ``R`` is evaluated on ``R`` =
0 .. 2^(n+2) and random wide values: the first value where ``T(R) != R`` tells the kind (``T = 0``: a
remainder by that value; ``T = 1``: an end-around-carry fold), and every sample must follow it. The
text is then checked to use ``R`` only as allowed (its declaration, the cone of ``T``, constant loads,
holds and ``R <= R + E``) and rewritten; a whole-design simulation must agree (seqsim) and the search
loop proves the candidate (a register that could wrap, an ``E`` wider than the reduced word, or a fold
that only holds on a bounded range fail there).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

import numpy as np

RULE = "register_reencoding"
BUDGET_S = 15.0
MAX_TRIES = 4
#: ABC's PDR finds the relation reduced == fold(wide) with the wide sum's bound (heldout11 lin_csum:
#: abc 11.5 s at load 7, 22-28 s at load 13-17; smt's BMC alone ran out at 120 s)
PROOF_ENGINES = ("abc", "smt")
#: a remainder kept reduced: z3's induction with its accumulator bounds (casting out nines: smt 9 s, abc
#: UNKNOWN at 90 s)
PROOF_ENGINES_MOD = ("smt", "abc")
_ID = r"[A-Za-z_][\w$]*"
_FF = frozenset({"$dff", "$adff", "$sdff", "$dffe", "$adffe", "$sdffe", "$sdffce", "$aldff", "$aldffe"})


def oc_value(s: int, m: int) -> int:
    return 0 if s == 0 else (s - 1) % m + 1


def _registers(nl) -> dict[str, list[int]]:
    """Named words made of flip-flop outputs only."""
    q = set()
    for c in nl.cells:
        if c.type in _FF:
            q.update(b for b in c.conns.get("Q", []) if isinstance(b, int))
    return {n.name: list(n.bits) for n in nl.nets.values()
            if not n.hidden and n.port is None and n.width >= 3 and all(isinstance(b, int) and b in q for b in n.bits)
            and re.fullmatch(_ID, n.name)}


def classify(values: dict[int, int], n: int, comp: bool = False) -> tuple[str, int] | None:
    """``(kind, m)`` when ``values`` (R -> T) is ``oc_m(R)`` ("oc") or ``R % m`` ("mod"), else None."""
    top = (1 << n) - 1
    vals = {r: ((~t) & top if comp else t) for r, t in values.items()}
    r0 = next((r for r in sorted(vals) if r > 0 and vals[r] != r), None)
    if r0 is None or r0 < 2:
        return None
    if vals[r0] == 0:
        kind, m = "mod", r0
    elif vals[r0] == 1:
        kind, m = "oc", r0 - 1
    else:
        return None
    if m < 2 or (kind == "oc" and comp and m != top):
        return None
    if (kind == "mod" and comp) or any((r % m if kind == "mod" else oc_value(r, m)) != t for r, t in vals.items()):
        return None
    if (kind == "mod" and m & (m - 1) == 0):
        return None  # a power of two is a bit slice already
    return kind, m


def find(nl, deadline: float, names=None) -> list[tuple[str, str, str, int, bool]]:
    """``[(register R, word T, kind, m, complemented)]`` of one module's netlist (``R`` among ``names``
    when given)."""
    rng = np.random.default_rng(11)
    regs = {r: b for r, b in _registers(nl).items() if names is None or r in names}
    if not regs:
        return []
    out = []
    for tname, tnet in nl.nets.items():
        if time.monotonic() > deadline:
            break
        if tnet.hidden or tnet.port == "input" or not re.fullmatch(_ID, tname) or tname in regs:
            continue
        n = tnet.width
        if n < 2 or n > 32 or not all(isinstance(b, int) for b in tnet.bits):
            continue
        cells = nl.fanin_cells(tnet.bits)
        if not cells:
            continue
        _inside, leaves = nl.cone_bits(cells)
        owners = [r for r, bits in regs.items() if leaves and leaves <= set(bits)]
        if len(owners) != 1:
            continue
        rname = owners[0]
        rbits = regs[rname]
        w = len(rbits)
        if w <= n or w > 64:
            continue
        samples = list(range(min(1 << w, 1 << (n + 2))))
        samples += [int(x) for x in rng.integers(0, 1 << min(w, 62), 256)] + [(1 << w) - 1]
        inputs = {b: np.array([(s >> k) & 1 for s in samples], dtype=bool) for k, b in enumerate(rbits)}
        try:
            vals = nl.simulate_cells(cells, inputs, len(samples))
        except Exception:  # noqa: BLE001 - an unsupported cell: no verdict
            continue
        got = [int(x) for x in nl.word_int(vals, tnet.bits)]
        table = dict(zip(samples, got, strict=True))
        for comp in (False, True):
            k = classify(table, n, comp)
            if k:
                out.append((rname, tname, k[0], k[1], comp, len(cells), tnet.port is not None))
                break
    # one word per register: the one whose cone holds the most of the fold (then not a port, by name)
    best: dict[str, tuple] = {}
    for f in sorted(out, key=lambda f: (-f[5], f[6], f[1])):
        best.setdefault(f[0], f)
    return [f[:5] for f in best.values()]


def _fresh(text: str, base: str) -> str:
    name, k = base, 0
    while re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
        k += 1
        name = f"{base}{k}"
    return name


def function_text(name: str, kind: str, m: int, ind: str) -> tuple[str, int]:
    """Verilog-2001 function ``name(a, b)``: the reduced value of ``a + b`` (``a`` reduced, ``b`` below 2^nf)."""
    nf = m.bit_length() if kind == "oc" else (m - 1).bit_length()
    lines = [f"{ind}function [{nf - 1}:0] {name};", f"{ind}    input [{nf - 1}:0] a;",
             f"{ind}    input [{nf - 1}:0] b;", f"{ind}    reg [{nf}:0] s;", f"{ind}    begin",
             f"{ind}        s = a + b;"]
    if kind == "oc" and m == (1 << nf) - 1:
        lines.append(f"{ind}        {name} = s[{nf - 1}:0] + s[{nf}];")
    else:
        top = (m if kind == "oc" else m - 1) + (1 << nf) - 1
        k = top // m if kind == "mod" else (top - 1) // m
        for _ in range(k):
            cond = f"s > {nf + 1}'d{m}" if kind == "oc" else f"s >= {nf + 1}'d{m}"
            lines.append(f"{ind}        if ({cond}) s = s - {nf + 1}'d{m};")
        lines.append(f"{ind}        {name} = s[{nf - 1}:0];")
    lines += [f"{ind}    end", f"{ind}endfunction"]
    return "\n".join(lines) + "\n", nf


def _strip_parens(e: str) -> str:
    e = e.strip()
    while e.startswith("(") and e.endswith(")"):
        depth = 0
        for i, ch in enumerate(e):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(e) - 1:
                return e
        e = e[1:-1].strip()
    return e


def _top_level_plus(e: str) -> list[int]:
    """Positions of the binary ``+`` at nesting depth 0 of ``e``."""
    out, depth = [], 0
    for i, ch in enumerate(e):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "+" and depth == 0 and e[i + 1:i + 2] != "+" and e[i - 1:i] != "+" and e[:i].strip():
            out.append(i)
    return out


def _low_prec(e: str) -> bool:
    """Whether ``e`` has an operator binding looser than ``+`` at depth 0 (then it is not one sum)."""
    depth = 0
    for i, ch in enumerate(e):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and (ch in "?:&|^=<>!" or (ch == "-" and e[:i].strip())):
            return True
    return False


def _cone(body: str, module: str, tname: str, rname: str) -> frozenset[str]:
    """Names the drivers of ``tname`` read, transitively (``s1``, ``s2`` of ``assign s1 = acc[7:0] +
    acc[11:8]; assign s2 = s1[7:0] + s1[8]; assign fold = ~s2;``): the fold's intermediate words, which
    the lift drops with it when nothing else reads them (the register itself stays)."""
    from rtlopt.semantic.emit import module_source, port_directions
    from rtlopt.templates._sem import analyze

    try:
        an = analyze(body)
        ms = module_source(an, module, dict(port_directions(an)))
    except Exception:  # noqa: BLE001 - no source model: the fold's own driver only
        return frozenset()
    if ms is None:
        return frozenset()
    cone, todo = set(), [tname]
    while todo:
        n = todo.pop()
        for m in ms.members:
            if n in m.writes and not (m.writes & {rname}):
                for r in m.reads - cone - {rname}:
                    cone.add(r)
                    todo.append(r)
    return frozenset(cone)


def rewrite_module(body: str, rname: str, tname: str, kind: str, m: int, comp: bool, params: dict,
                   module: str) -> str | None:
    """The module text with ``rname`` kept reduced and ``tname`` driven by it, or None."""
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.semantic.thrcount import _mask, const_value

    fname = _fresh(body, f"rtlopt_{kind}add_{rname}")
    ftext, nf = function_text(fname, kind, m, "    ")
    expr = f"{'~' if comp else ''}{rname}[{nf - 1}:0]"
    new = apply_lift(body, module, (tname,), (rname,), tname, expr, cone_names=_cone(body, module, tname, rname))
    if new is None:
        return None
    mk = _mask(new)
    al = aliases(mk).get(rname, set())
    alias_stmts = [m.span() for m in _ALIAS.finditer(mk) if m.group(2) == rname]
    names = "|".join(re.escape(x) for x in sorted({rname} | al))
    occ = [x.start() for x in re.finditer(r"(?<![\w$.'])(?:" + names + r")(?![\w$])", mk)]
    edits = []
    covered: set[int] = set()
    lift = re.search(rf"(?<![\w$]){re.escape(tname)}\s*=\s*{re.escape(expr)}\s*;", mk)
    for s in occ:
        if s in covered:
            continue
        if lift and lift.start() <= s < lift.end():
            continue
        if any(a <= s < b for a, b in alias_stmts):
            continue  # the alias itself (then read only in the update: left for synthesis to drop)
        if not mk.startswith(rname, s) or re.match(r"[\w$]", mk[s + len(rname):s + len(rname) + 1]):
            return None  # an alias read outside the register's own update
        stmt_start = max(mk.rfind(";", 0, s), mk.rfind("\n", 0, s))
        head = mk[stmt_start + 1:s]
        if re.search(r"\b(?:reg|logic|bit|var)\b", head) and not re.search(r"<=|=", head):
            continue  # the declaration (width kept: the upper bits become constant zeros)
        after = mk[s + len(rname):]
        rest = after.lstrip()
        pos = s + len(rname) + (len(after) - len(rest))
        before = mk[:s].rstrip()
        is_stmt = before.endswith((";", ")", ":")) or re.search(r"\b(begin|else)$", before) is not None
        if not is_stmt:
            return None  # read elsewhere than in its own update
        if rest.startswith("<="):
            op_len = 2
        elif rest.startswith("=") and not rest.startswith("=="):
            op_len = 1
        else:
            return None
        e = mk.find(";", pos)
        if e < 0:
            return None
        rhs = mk[pos + op_len:e]
        core = _strip_parens(rhs)
        if re.fullmatch(f"(?:{names})", core):
            covered.add(pos + op_len + rhs.index(core))
            continue  # a hold
        refs = [x.start() for x in re.finditer(r"(?<![\w$.'])(?:" + names + r")(?![\w$])", rhs)]
        if not refs:
            v = const_value(rhs, params, 64)
            if v is None:
                # a load of a data word (the first word of a packet): its reduced value, as an addition
                # to zero (the word must fit the reduced width, as every addend: the proof checks)
                edits.append((pos + op_len, e, f" {fname}({nf}'d0, {new[pos + op_len:e].strip()})"))
                continue
            r = oc_value(v, m) if kind == "oc" else v % m
            if r != v:
                edits.append((pos + op_len, e, f" {nf}'d{r}"))
            continue
        if len(refs) != 1 or _low_prec(core):
            return None
        plus = _top_level_plus(core)
        if len(plus) < 1:
            return None
        terms = [core[a + 1:b] for a, b in zip([-1] + plus, plus + [len(core)], strict=True)]
        mine = [i for i, t in enumerate(terms) if re.fullmatch(r"\s*(?:" + names + r")\s*", t)]
        if len(mine) != 1:
            return None
        others = " + ".join(t.strip() for i, t in enumerate(terms) if i != mine[0])
        if len(terms) > 2:
            others = f"({others})"
        covered.add(pos + op_len + refs[0])
        # the original (unmasked) text of the other operands
        off = rhs.find(core)
        if off < 0:
            return None
        src_terms = [new[pos + op_len + off + (a + 1):pos + op_len + off + b] for a, b in
                     zip([-1] + plus, plus + [len(core)], strict=True)]
        src_others = " + ".join(t.strip() for i, t in enumerate(src_terms) if i != mine[0])
        if len(terms) > 2:
            src_others = f"({src_others})"
        if _mask(src_others) != others:
            return None
        edits.append((pos + op_len, e, f" {fname}({rname}, {src_others})"))
    if not any(f"{fname}(" in t for _s, _e, t in edits):
        return None
    for s, e, t in sorted(edits, reverse=True):
        new = new[:s] + t + new[e:]
    # the function right after the module's port list
    mk = _mask(new)
    hdr = re.search(r"\)\s*;", mk)
    if hdr is None:
        return None
    nl_at = new.find("\n", hdr.end())
    at = nl_at + 1 if nl_at >= 0 else hdr.end()
    return new[:at] + ftext + new[at:]


_LIT = r"(?:\d+\s*'\s*[sS]?[dDhHbBoO]\s*[0-9a-fA-F_]+|\d+|'[01])"


_ALIAS = re.compile(rf"(?:\bassign\s+|\b(?:wire|logic)\b[^;=()]*?(?<![\w$]))({_ID})\s*=\s*({_ID})\s*;")


def aliases(masked: str) -> dict[str, set[str]]:
    """``{R: {A, ...}}`` for nets declared or assigned as exactly another name (``wire [15:0] sum =
    sum_q;``: a register narrowed by an earlier rewrite, still read under its old name)."""
    out: dict[str, set[str]] = {}
    for m in _ALIAS.finditer(masked):
        out.setdefault(m.group(2), set()).add(m.group(1))
    return out


def accumulating(masked: str) -> set[str]:
    """Names written ``R <= R + E`` / ``R = E + R`` (``E`` not a literal alone; ``R`` on the right may be
    an alias of it): the only update the rewrite keeps reduced (a cheap filter before anything is
    elaborated)."""
    out = set()
    al = aliases(masked)
    for m in re.finditer(rf"(?<![\w$.])({_ID})\s*<?=(?!=)([^;]*);", masked):
        name, rhs = m.group(1), _strip_parens(m.group(2))
        for nm in {name} | al.get(name, set()):
            for a in (rf"^\s*{re.escape(nm)}\s*\+(.*)$", rf"^(.*)\+\s*{re.escape(nm)}\s*$"):
                mm = re.match(a, rhs, re.S)
                if mm and not re.fullmatch(rf"\s*\(?\s*{_LIT}\s*\)?\s*", mm.group(1)):
                    out.add(name)
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = BUDGET_S,
                   params: dict | None = None) -> list[tuple[dict[Path, str], str]]:
    deadline = time.monotonic() + timeout_s
    raw = _raw(texts, list(texts.items()), params, deadline)
    if not raw:
        # the accumulator's next value computed in a combinational block (two-process style): the same
        # update inside the clocked block (procnorm), then the same analysis
        from rtlopt.semantic.procnorm import variants
        raw = _raw(texts, variants(texts), params, deadline)
    if not raw:
        return []
    from rtlopt.semantic import seqsim
    try:
        net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    except Exception:  # noqa: BLE001 - outside the model: the proof decides
        net = None
    out = []
    for new, desc in raw[:MAX_TRIES]:
        if net is not None and time.monotonic() < deadline and \
                seqsim.outputs_agree(net, new, top, max(2.0, deadline - time.monotonic())) is False:
            continue
        out.append((new, desc))
    return out


def _raw(texts: dict[Path, str], files: list, params: dict | None, deadline: float) -> list:
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.semantic.emit import port_directions
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.semantic.thrcount import _mask, _params
    from rtlopt.templates._sem import analyze

    raw = []
    for p, t in files:
        mt = _mask(t)
        accs = accumulating(mt)
        if not accs:
            continue
        an = analyze(t, str(p))
        if an.syntax_errors:
            continue
        mods = sorted(port_directions(an))
        if not mods:
            continue
        with tempfile.TemporaryDirectory(prefix="rtlopt-modacc-") as td:
            f = Path(td) / Path(p).name
            f.write_text(t, encoding="utf-8")
            try:
                nls = elaborate_modules([f], mods, timeout=max(5.0, deadline - time.monotonic()),
                                        include_dirs=[Path(p).resolve().parent])
            except Exception:  # noqa: BLE001
                continue
        for mod in mods:
            nl = nls.get(mod)
            if nl is None or time.monotonic() > deadline:
                continue
            span = module_span(t, mod)
            if span is None:
                continue
            body = t[span[0]:span[1]]
            vals = _params(_mask(body), (params or {}).get(mod))
            for rname, tname, kind, m, comp in find(nl, deadline, accs):
                try:
                    nb = rewrite_module(body, rname, tname, kind, m, comp, vals, mod)
                except Exception:  # noqa: BLE001 - an edit we cannot make: no candidate
                    nb = None
                if nb is None or nb == body:
                    continue
                what = "ones'-complement (end-around-carry) sum" if kind == "oc" else f"remainder mod {m}"
                raw.append(({**texts, p: t[:span[0]] + nb + t[span[1]:]},
                            f"'{rname}' is read only as {'~' if comp else ''}{what} '{tname}': "
                            f"kept reduced on every addition"))
    return raw


def modacc_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import one_file_candidates
    from rtlopt.semantic import _inst_params

    if not any("<=" in t and "+" in t for t in state.texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        params = _inst_params(state.design) if getattr(state, "design", None) is not None else None
        got = candidates_for(dict(state.texts), state.design.top, timeout_s=max(2.0, min(BUDGET_S, left)),
                             params=params)
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    out = one_file_candidates(state.texts, got, RULE, "reduced accumulator", None)
    for c in out:
        c.hints["engines"] = PROOF_ENGINES_MOD if "remainder mod" in c.description else PROOF_ENGINES
    return out


__all__ = ["candidates_for", "classify", "find", "function_text", "modacc_candidates", "oc_value"]
