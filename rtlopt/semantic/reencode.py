"""Registers re-encoded through a bijection their own update already spells (a Gray counter kept in
binary).

A register ``R`` whose every non-constant write is ``R <= F(arg)`` and whose reads inside ``arg``
are all ``G(R)``, where ``F`` and ``G`` are functions of the module with ``G(F(x)) == x`` for every
``x`` (proven combinationally before anything is proposed; F is then a bijection and ``F(G(y)) ==
y`` too), keeps its state decoded: a new register ``B`` (= ``G(R)`` in every cycle) is written
``B <= arg`` with ``G(R)`` replaced by ``B`` and ``B <= G(c)`` where ``R`` loaded a constant ``c``;
``R`` becomes ``always @* R = F(B);``. The decode ``G`` disappears from the feedback loop and the
encode ``F`` is one layer on the register outputs (Gray: gray -> binary prefix XOR, +1, binary ->
Gray every cycle becomes ``bin + 1`` and one XOR layer).

Names and the bodies of F and G never matter: the identity is proven (Yosys + SAT through the
verifier) on the module's own functions; the search loop proves the whole rewrite again
(sequential equivalence from reset) and measures it.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import time
from pathlib import Path

from rtlopt.hdl.edit import Edit, apply_edits

RULE = "register_reencoding"
_ID = r"[A-Za-z_][\w$]*"
_CONST = re.compile(r"^\s*(?:\d*\s*'[sS]?[bBdDhHoO]\s*[0-9a-fA-F_]+|\d+)\s*$")


def _strip(text: str) -> str:
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", blank, text, flags=re.S)


def _close_paren(s: str, i: int) -> int:
    """Index just past the ``)`` matching the ``(`` at ``i`` (-1 when unbalanced)."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "(":
            depth += 1
        elif s[j] == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return -1


def _functions(clean: str, s: int, e: int) -> dict[str, tuple[int, int, int, str]]:
    """name -> (width, start, end, input name) of functions with one input as wide as the result."""
    out = {}
    for m in re.finditer(rf"\bfunction\s+(?:automatic\s+)?(?:(?:reg|logic)\s+)?"
                         rf"(?:\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*)?({_ID})\s*([;(])", clean[s:e]):
        fs = s + m.start()
        fe = clean.find("endfunction", s + m.end())
        if fe < 0 or fe > e or m.group(1) is None:
            continue
        w = abs(int(m.group(1)) - int(m.group(2))) + 1
        body = clean[fs:fe]
        ins = list(re.finditer(rf"\binput\s+(?:(?:wire|reg|logic)\s+)?(?:\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*)?"
                               rf"({_ID})\s*[;,)]", body))
        if len(ins) != 1 or ins[0].group(1) is None:
            continue
        iw = abs(int(ins[0].group(1)) - int(ins[0].group(2))) + 1
        if iw == w and not re.search(r"\boutput\b|\binout\b", body):
            out[m.group(3)] = (w, fs, fe + len("endfunction"), ins[0].group(3))
    return out


def _driver(clean: str, s: int, e: int, name: str, fspans) -> tuple[int, int] | None:
    """Span of the right side of the one combinational driver of ``name`` in the module body
    (``assign name = ...;``, ``wire [..] name = ...;``, ``always @* name = ...;``), or None."""
    hits = [m for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*=(?!=)", clean[s:e])
            if not any(a <= s + m.start() < b for a, b in fspans)]
    if len(hits) != 1:
        return None
    at = s + hits[0].start()
    before = clean[s:at]
    if not re.search(r"(?:\bassign|\bwire(?:\s+signed)?(?:\s*\[[^\]]*\])?|\balways\s*@\s*(?:\*|\(\s*\*\s*\)))\s*$",
                     before):
        return None
    a = s + hits[0].end()
    semi = clean.find(";", a)
    return (a, semi) if 0 <= semi <= e else None


_ID_CACHE: dict[str, bool] = {}


def _is_inverse(text: str, funcs: dict, f: str, g: str, timeout_s: float = 30.0) -> bool:
    """``g(f(x)) == x`` for every x: the module's own function texts in a small clocked wrapper go
    through the gate model of :mod:`rtlopt.semantic.seqsim` (Yosys in a child process), and z3 proves
    the wrapper's flip-flop inputs ``g(f(x)) ^ x`` are all 0."""
    import z3

    from rtlopt.semantic import seqsim

    w = funcs[f][0]
    ftxt = text[funcs[f][1]:funcs[f][2]] + "\n" + text[funcs[g][1]:funcs[g][2]]
    key = hashlib.sha256(f"{f}|{g}|{ftxt}".encode()).hexdigest()
    if key in _ID_CACHE:
        return _ID_CACHE[key]
    a = (f"module rtlopt_inv_chk(input clk, input [{w - 1}:0] x, output reg [{w - 1}:0] y);\n{ftxt}\n"
         f"always @(posedge clk) y <= {g}({f}(x)) ^ x;\nendmodule\n")
    ok = False
    try:
        with tempfile.TemporaryDirectory(prefix="rtlopt-reenc-") as tmp:
            pa = Path(tmp) / "chk.v"
            pa.write_text(a)
            net = seqsim.load([pa], "rtlopt_inv_chk", timeout=timeout_s)
        if len(net.flops) == w and not net.free:
            ctx = z3.Context()
            sub = {0: z3.BoolVal(False, ctx), 1: z3.BoolVal(True, ctx)}
            ds = [fl.d for fl in net.flops]
            ex = seqsim._build_exprs(net, sub, set(ds), ctx)
            sol = z3.Solver(ctx=ctx)
            sol.set("timeout", int(max(1.0, timeout_s) * 1000))
            sol.add(z3.Or([ex[d] for d in ds]))
            ok = sol.check() == z3.unsat
    except Exception:  # noqa: BLE001 - no proof: no candidate
        ok = False
    _ID_CACHE[key] = ok
    return ok


def find(text: str, top: str) -> list[dict]:
    """Re-encoding opportunities in module ``top`` of ``text`` (identity not yet proven)."""
    clean = _strip(text)
    mm = re.search(rf"(?<![\w$])module\s+{re.escape(top)}\b", clean)
    if mm is None:
        return []
    em = re.compile(r"(?<![\w$])endmodule\b").search(clean, mm.end())
    if em is None:
        return []
    s, e = mm.end(), em.start()
    funcs = _functions(clean, s, e)
    if len(funcs) < 2:
        return []
    fspans = [(v[1], v[2]) for v in funcs.values()]

    def in_func(i):
        return any(a <= i < b for a, b in fspans)

    out = []
    for dm in re.finditer(rf"\breg\s+(?:signed\s+)?\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*({_ID})\s*[;,)=]", clean[s:e]):
        if in_func(s + dm.start()):
            continue
        hi, lo, r = int(dm.group(1)), int(dm.group(2)), dm.group(3)
        if hi < lo:
            continue
        w = hi - lo + 1
        writes, bad = [], False
        for m in re.finditer(rf"(?<![\w$.]){re.escape(r)}\b", clean[s:e]):
            i = s + m.end()
            if in_func(s + m.start()):
                continue
            rest = clean[i:i + 3].lstrip()
            nxt = clean[i:].lstrip()
            if nxt.startswith("<="):
                before = clean[s:s + m.start()].rstrip()
                if not re.search(r"(;|\bbegin|\belse|\)|:|\bend)$", before):
                    continue  # a comparison 'x <= R'... is a read; 'R <=' after an operator too
                k = i + clean[i:].index("<=") + 2
                semi = clean.find(";", k)
                writes.append((s + m.start(), semi + 1, k, semi))
            elif rest.startswith("[") or (nxt.startswith("=") and not nxt.startswith("==")):
                before = clean[s:s + m.start()].rstrip()
                if re.search(r"(;|\bbegin|\belse|\)|:|\bend|\bassign)$", before) or before.endswith("{"):
                    bad = True  # a blocking/continuous/partial write
        if bad or not writes:
            continue
        fn = gn = None
        items = []
        for ws, we, k, semi in writes:
            rhs = clean[k:semi].strip()
            if _CONST.match(rhs):
                items.append(("const", ws, we, rhs))
                continue
            if re.fullmatch(_ID, rhs) and rhs != r:  # a next-state wire: its driver is the update
                d = _driver(clean, s, e, rhs, fspans)
                if d is None:
                    break
                k, semi = d
                rhs = clean[k:semi].strip()
            cm = re.match(rf"({_ID})\s*\(", rhs)
            if cm is None or cm.group(1) not in funcs:
                break
            ks = k + clean[k:semi].index(rhs)
            op = ks + cm.end() - 1
            cl = _close_paren(clean, op)
            if cl < 0 or clean[cl:semi].strip():
                break
            if fn is not None and fn != cm.group(1):
                break
            fn = cm.group(1)
            arg = clean[op + 1:cl - 1]
            calls = list(re.finditer(rf"({_ID})\s*\(\s*{re.escape(r)}\s*\)", arg))
            names = {c.group(1) for c in calls}
            for u in set(re.findall(rf"(?<![\w$.'])({_ID})\b", arg)) - set(funcs) - {r}:
                d = _driver(clean, s, e, u, fspans)  # a decoded copy: wire u = G(R)
                um = re.fullmatch(rf"\s*({_ID})\s*\(\s*{re.escape(r)}\s*\)\s*", clean[d[0]:d[1]]) if d else None
                if um and um.group(1) in funcs:
                    names.add(um.group(1))
                    arg = re.sub(rf"(?<![\w$.]){re.escape(u)}\b", " ", arg)
            if len(names) > 1 or (names and gn is not None and names != {gn}):
                break
            if names:
                gn = names.pop()
            left = re.sub(rf"({_ID})\s*\(\s*{re.escape(r)}\s*\)", " ", arg)
            if re.search(rf"(?<![\w$.]){re.escape(r)}\b", left):
                break  # R read some other way inside the update
            items.append(("call", ws, we, (op + 1, cl - 1)))
        else:
            if fn is None or gn is None or fn == gn or gn not in funcs or funcs[fn][0] != w or funcs[gn][0] != w:
                continue
            out.append({"reg": r, "width": w, "lo": lo, "f": fn, "g": gn, "items": items, "body": (s, e),
                        "funcs": funcs})
    return out


def emit(text: str, opp: dict) -> str | None:
    clean = _strip(text)
    r, fn, gn, w, lo = opp["reg"], opp["f"], opp["g"], opp["width"], opp["lo"]
    k = 0
    while re.search(rf"\brtlopt_enc{k}\b", text):
        k += 1
    b = f"rtlopt_enc{k}"
    s, e = opp["body"]
    eds: list[Edit] = []
    for kind, ws, we, x in opp["items"]:
        if kind == "const":
            eds.append(Edit(ws, we, f"{b} <= {gn}({x.strip()});"))
        else:
            a0, a1 = x
            arg = re.sub(rf"{re.escape(gn)}\s*\(\s*{re.escape(r)}\s*\)", b, text[a0:a1])
            eds.append(Edit(ws, we, f"{b} <= {arg};"))
    spans = [(ws, we) for _k, ws, we, _x in opp["items"]]
    # other reads G(R) in the module (outside the rewritten writes and the functions) read B
    fsp = [(v[1], v[2]) for v in opp["funcs"].values()]
    for m in re.finditer(rf"(?<![\w$.]){re.escape(gn)}\s*\(\s*{re.escape(r)}\s*\)", clean[s:e]):
        i = s + m.start()
        if any(a <= i < z for a, z in spans + fsp):
            continue
        eds.append(Edit(i, s + m.end(), b))
    # the new register is declared before the first always block that writes R (or before the first
    # statement now reading it, when that comes earlier)
    first = min(ws for _k, ws, _we, _x in opp["items"])
    al = [m for m in re.finditer(r"(?<![\w$])always\b", clean[s:first])]
    if not al:
        return None
    at = s + al[-1].start()
    for ed in eds:
        if ed.replacement == b and ed.start < at:
            ls0 = text.rfind("\n", 0, ed.start) + 1
            m0 = re.match(r"[ \t]*(assign|wire|always)\b", text[ls0:])
            if m0 is None:
                return None
            at = ls0 + m0.start(1)
    ls = text.rfind("\n", 0, at) + 1
    if text[ls:at].strip():
        return None
    ind = text[ls:at]
    eds.append(Edit(ls, ls, f"{ind}reg [{lo + w - 1}:{lo}] {b};\n"))
    ls2 = text.rfind("\n", 0, e) + 1
    if text[ls2:e].strip():
        ls2 = e
    eds.append(Edit(ls2, ls2, f"{ind}always @* {r} = {fn}({b});\n"))
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None


_CACHE: dict[str, list] = {}


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> list[tuple[dict, str]]:
    key = hashlib.sha256(repr((top, sorted((str(p), t) for p, t in texts.items()))).encode()).hexdigest()
    if key in _CACHE:
        return _CACHE[key]
    out = []
    for p, t in texts.items():
        if not t.isascii() or "function" not in t:
            continue
        mods = re.findall(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", _strip(t))
        for opp in [o for m in mods for o in find(t, m)]:  # any module of the file (a submodule too)
            if not _is_inverse(t, opp["funcs"], opp["f"], opp["g"], timeout_s):
                continue
            new = emit(t, opp)
            if new is None or new == t:
                continue
            nt = dict(texts)
            nt[p] = new
            out.append((nt, f"'{opp['reg']}' kept as {opp['g']}({opp['reg']}) ({opp['g']}({opp['f']}(x)) == x "
                            f"proven); '{opp['reg']}' = {opp['f']}(state)"))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def reencode_candidates(state) -> list:
    """Search-loop generator: registers kept in the encoding their own update decodes them to."""
    from rtlopt.engine.candidate import one_file_candidates

    texts = dict(state.texts)
    if not any("function" in t and re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = candidates_for(texts, state.design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(texts, got, RULE, "register re-encoding", "reencode")
