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
    out, done = [], set()
    for p, t in texts.items():
        if not t.isascii() or "function" not in t:
            continue
        mods = re.findall(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", _strip(t))
        for m, opp in [(mn, o) for mn in mods for o in find(t, mn)]:  # any module of the file (a submodule too)
            if not _is_inverse(t, opp["funcs"], opp["f"], opp["g"], timeout_s):
                continue
            new = emit(t, opp)
            if new is None or new == t:
                continue
            nt = dict(texts)
            nt[p] = new
            done.add((str(p), m, opp["reg"]))
            out.append((nt, f"'{opp['reg']}' kept as {opp['g']}({opp['reg']}) ({opp['g']}({opp['f']}(x)) == x "
                            f"proven); '{opp['reg']}' = {opp['f']}(state)"))
    try:
        for nt, d, reg in semantic_find(texts, top, timeout_s):
            if reg not in done:  # the function-pair form above already keeps it decoded
                out.append((nt, d))
    except Exception:  # noqa: BLE001 - no netlist (unsupported input, time-out): no candidate
        pass
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def reencode_candidates(state) -> list:
    """Search-loop generator: registers kept in the encoding their own update decodes them to."""
    from rtlopt.engine.candidate import one_file_candidates

    texts = dict(state.texts)
    if not any(re.search(r"\b(posedge|negedge)\b", t) for t in texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = candidates_for(texts, state.design.top, timeout_s=max(2.0, min(30.0, left)))
    except Exception:  # noqa: BLE001 - an analysis bug must not stop the optimizer
        return []
    return one_file_candidates(texts, got, RULE, "register re-encoding", "reencode")


# -- semantic re-encoding: the decode and the update recognised by what they compute -----------------
#
# The textual pass above needs the encode and the decode to be functions of the module. Here neither is
# read by its spelling: a register R (nonblocking whole-word writes only) is a candidate when a named
# word u of the same width in its module is a bijection D of R alone (evaluated on the flattened gate
# netlist: GF(2)-affine -- Gray, complement, XOR with a constant, bit permutations, any invertible XOR
# map -- or an offset x + k), and every non-constant write R <= v has a named word a of the module with
# D(v) == a (bit-parallel simulation on random states and inputs). Then S = D(R) is kept instead:
# S <= a, S <= D(c) on constant loads, u = S, R = D^-1(S) for the raw reads. The decode may be a
# loop, a generate block, a function call or a child instance; the encode anything whose decode is a.
# Soundness is the search's sequential proof of the whole rewrite (nothing here is trusted).

_LANES = 256
_MAX_PROBES = 48


def _item_spans(clean: str, s: int, e: int) -> list[tuple[int, int]]:
    """Top-level module items of ``clean[s:e]`` (a statement ending in ';' or a begin/end, generate,
    function, task block; an ``else`` after a closing ``end`` continues the item)."""
    opens = {"begin", "generate", "function", "task", "case", "casez", "casex", "fork"}
    closes = {"end", "endgenerate", "endfunction", "endtask", "endcase", "join"}
    out, depth, par, start, i = [], 0, 0, None, s
    tok = re.compile(r"[A-Za-z_][\w$]*|;|\S")
    while True:
        m = tok.search(clean, i, e)
        if m is None:
            break
        w = m.group(0)
        if start is None:
            start = m.start()
        i = m.end()
        if w in "([{":
            par += 1
        elif w in ")]}":
            par -= 1
        elif par > 0:
            continue
        elif w in opens:
            depth += 1
        elif w in closes:
            depth -= 1
            if depth <= 0:
                depth = 0
                nm = tok.search(clean, i, e)
                if nm is not None and nm.group(0) == "else":
                    continue
                out.append((start, i))
                start = None
        elif w == ";" and depth == 0:
            out.append((start, i))
            start = None
    return out


def _decl(clean: str, s: int, e: int, name: str):
    """(kind, range text, lo, has_init) of ``name``'s declaration in the module (header included)."""
    for m in re.finditer(rf"\b(reg|logic|wire|bit)\b((?:\s+(?:signed|unsigned))?)\s*(\[[^\]\[]+\])\s*"
                         rf"((?:{_ID}\s*,\s*)*){re.escape(name)}\b\s*([=;,)])", clean[s:e]):
        rng = m.group(3)
        lo = re.match(r"\[\s*(.*?)\s*:\s*(\d+)\s*\]$", rng)
        if lo and re.fullmatch(r"\d+", lo.group(1)) and int(lo.group(1)) < int(lo.group(2)):
            lo = None  # an ascending range: bit positions are not offsets from the low index
        return m.group(1), rng, (int(lo.group(2)) if lo else None), m.group(5) == "="
    return None


_STMT_START = re.compile(r"(;|\bbegin|\belse|\)|:|\bend|\bassign|\bforce|\bwire|\blogic|\breg|\])$")


def _target(clean: str, s: int, at: int, end: int) -> str | None:
    """Whether the name at ``clean[at:end]`` is written there: 'whole<=' (a nonblocking write of the
    whole word), 'other' (blocking / continuous / a part select / inside a written concatenation) or
    None (a read)."""
    j = end
    while j < len(clean) and clean[j].isspace():
        j += 1
    sel = j < len(clean) and clean[j] == "["
    if sel:
        depth = 0
        for q in range(j, len(clean)):
            depth += clean[q] == "["
            depth -= clean[q] == "]"
            if depth == 0:
                j = q + 1
                break
        while j < len(clean) and clean[j].isspace():
            j += 1
    rest = clean[j:j + 3]
    op = "<=" if rest.startswith("<=") else ("=" if rest.startswith("=") and not rest.startswith("==") else None)
    before = clean[s:at].rstrip()
    if op and _STMT_START.search(before) and not before.endswith(("wire", "logic", "reg", "]")):
        return "whole<=" if op == "<=" and not sel else "other"
    if op == "=" and re.search(r"\b(?:wire|logic|reg)\b[^;]*$", before) and not sel:
        return "other"  # a net declaration's initializer (wire [7:0] x = ...)
    # inside a concatenation on the left of an assignment: {a, R} <= ...
    depth, q = 0, at - 1
    while q >= s and clean[q] != ";":
        if clean[q] == "}":
            depth += 1
        elif clean[q] == "{":
            if depth == 0:
                break
            depth -= 1
        q -= 1
    if q >= s and clean[q] == "{" and _STMT_START.search(clean[s:q].rstrip()):
        depth = 0
        for z in range(q, len(clean)):
            depth += clean[z] == "{"
            depth -= clean[z] == "}"
            if depth == 0:
                tail = clean[z + 1:z + 4].lstrip()
                if tail.startswith("<=") or (tail.startswith("=") and not tail.startswith("==")):
                    return "other"
                break
    return None


def _port_dir(clean: str, s: int, e: int, at: int, mods: dict[str, str]) -> str | None:
    """Direction (input/output/inout) of the child port whose connection ``.p(name)`` holds ``at``,
    read from the child module's declaration in ``mods`` (module name -> stripped text); None if unknown."""
    item = next(((a, b) for a, b in _item_spans(clean, s, e) if a <= at < b), None)
    pm = re.search(r"\.\s*([A-Za-z_][\w$]*)\s*\(\s*$", clean[:at])
    if item is None or pm is None:
        return None
    im = re.match(rf"\s*({_ID})\s*(?:#\s*\(|{_ID}\s*\()", clean[item[0]:item[1]])
    if im is None or im.group(1) not in mods:
        return None
    dirs = {m.group(1) for m in re.finditer(rf"\b(input|output|inout)\b(?:(?!\b(?:input|output|inout)\b)[^;()])*?"
                                           rf"(?<![\w$]){re.escape(pm.group(1))}\b",
                                           mods[im.group(1)])}
    return dirs.pop() if len(dirs) == 1 else None


def _occurrences(clean: str, s: int, e: int, name: str, fsp):
    """(start, end, text after, text after stripped, text before stripped) of each use of ``name`` in
    the module body outside the function bodies ``fsp``."""
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\b", clean[s:e]):
        at = s + m.start()
        if not any(a <= at < b for a, b in fsp):
            after = clean[s + m.end():]
            yield at, s + m.end(), after, after.lstrip(), clean[s:at].rstrip()


def _writes(clean: str, s: int, e: int, r: str, fsp, mods: dict | None = None):
    """Nonblocking whole-word writes ``R <= rhs;`` as (start, end, rhs start, rhs end); None when R is
    written any other way (blocking, continuous, partial, an instance output)."""
    out = []
    for at, end, after, nxt, before in _occurrences(clean, s, e, r, fsp):
        tgt = _target(clean, s, at, end)
        if tgt == "whole<=":
            k = end + after.index("<=") + 2
            semi = clean.find(";", k)
            if semi < 0 or semi > e:
                return None
            out.append((at, semi + 1, k, semi))
        elif tgt is not None:
            return None
        elif re.search(r"\.\s*[A-Za-z_][\w$]*\s*\(\s*$", before) and nxt.startswith(")") \
                and _port_dir(clean, s, e, at, mods or {}) != "input":
            return None  # connected to a child's output (or a port not known to be an input)
    return out


def _drivers(clean: str, s: int, e: int, u: str, fsp, mods: dict | None = None):
    """How ``u`` is driven in the module: ('expr', (a, b)) one whole-word assignment's right side;
    ('port', (a, b)) the name inside one instance connection; ('block', (a, b), procedural) every write
    inside one module item that writes nothing else; None otherwise."""
    hits = []
    for at, end, after, nxt, before in _occurrences(clean, s, e, u, fsp):
        if re.search(r"\.\s*[A-Za-z_][\w$]*\s*\(\s*$", before) and nxt.startswith(")"):
            d = _port_dir(clean, s, e, at, mods or {})
            if d == "input":
                continue  # a read
            if d != "output":
                return None
            hits.append(("port", at, end))
            continue
        if not re.search(r"(;|\bbegin|\belse|\)|:|\bend|\bassign|\bwire|\blogic|\breg|\])$", before):
            continue
        if nxt.startswith("<="):
            return None
        if nxt.startswith("=") and not nxt.startswith("=="):
            k = end + after.index("=") + 1
            hits.append(("expr", at, k))
        elif nxt.startswith("["):
            j = end + after.index("[")
            depth = 0
            for q in range(j, e):
                if clean[q] == "[":
                    depth += 1
                elif clean[q] == "]":
                    depth -= 1
                    if depth == 0:
                        break
            rest = clean[q + 1:].lstrip()
            if rest.startswith("<="):
                return None
            if rest.startswith("=") and not rest.startswith("=="):
                hits.append(("part", at, q + 1))
    if not hits:
        return None
    if len(hits) == 1 and hits[0][0] == "expr":
        k = hits[0][2]
        semi = clean.find(";", k)
        return ("expr", (k, semi)) if 0 <= semi <= e else None
    if len(hits) == 1 and hits[0][0] == "port":
        return ("port", (hits[0][1], hits[0][2]))
    if any(h[0] == "port" for h in hits):
        return None
    items = _item_spans(clean, s, e)
    its = {next((it for it in items if it[0] <= h[1] < it[1]), None) for h in hits}
    if len(its) != 1 or None in its:
        return None
    a, b = its.pop()
    body = clean[a:b]
    if re.search(r"\bfunction\b|\btask\b|<=", body):
        return None
    # nothing else written there (loop variables aside)
    for lm in re.finditer(rf"(?:;|\bbegin|\belse|\)|\bassign|\bend)\s*({_ID})\s*(?:\[[^;=]*\])?\s*=(?!=)", body):
        name = lm.group(1)
        if name != u and not re.search(rf"\b(?:integer|genvar|int)\s+(?:{_ID}\s*,\s*)*{re.escape(name)}\b", clean[s:e]) \
                and not re.search(rf"\bfor\s*\(\s*(?:int\s+|integer\s+|genvar\s+)?{re.escape(name)}\s*=", body):
            return None
    procedural = re.match(r"\s*always", clean[a:b]) is not None
    return ("block", (a, b), procedural)


def _groups(clean: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the inner text of the parenthesized groups in ``clean[a:b]`` (outermost first), single
    expressions only (no top-level comma: not a multi-argument call or a concatenation)."""
    out, stack = [], []
    for i in range(a, b):
        if clean[i] == "(":
            stack.append(i)
        elif clean[i] == ")" and stack:
            o = stack.pop()
            inner = clean[o + 1:i]
            depth, comma = 0, False
            for ch in inner:
                depth += ch in "([{"
                depth -= ch in ")]}"
                comma |= ch == "," and depth == 0
            if not comma and inner.strip() and not re.fullmatch(r"\s*\*\s*", inner):
                out.append((len(stack), o + 1, i))
    return [(x, y) for _d, x, y in sorted(out)]


def _words(vals: list[int], bits: list[int], mask: int) -> list[int] | None:
    """Per-lane integer values of the word whose bit signals are ``bits`` (lane-sliced values)."""
    if any(b < 0 for b in bits):
        return None
    out = [0] * _LANES
    for i, b in enumerate(bits):
        v = vals[b] & mask
        while v:
            low = v & -v
            out[low.bit_length() - 1] |= 1 << i
            v ^= low
    return out


def _affine(xs: list[int], us: list[int], w: int):
    """(rows, c) with u = M x ^ c on every lane (lanes 0..w are 0 and the unit vectors), or None."""
    c = us[0]
    cols = [us[1 + j] ^ c for j in range(w)]
    rows = [sum(((cols[j] >> i) & 1) << j for j in range(w)) for i in range(w)]

    def ap(x):
        return sum((((rows[i] & x).bit_count() & 1) ^ ((c >> i) & 1)) << i for i in range(w))
    if any(ap(x) != u for x, u in zip(xs, us, strict=True)):
        return None
    return rows, c


def _gf2_inverse(rows: list[int], w: int) -> list[int] | None:
    a = [(rows[i], 1 << i) for i in range(w)]
    for col in range(w):
        piv = next((r for r in range(col, w) if (a[r][0] >> col) & 1), None)
        if piv is None:
            return None
        a[col], a[piv] = a[piv], a[col]
        for r in range(w):
            if r != col and (a[r][0] >> col) & 1:
                a[r] = (a[r][0] ^ a[col][0], a[r][1] ^ a[col][1])
    return [a[i][1] for i in range(w)]


class _Bij:
    """A bijection D on w-bit words: affine over GF(2) (rows, c) or an offset (k)."""

    def __init__(self, w: int, rows=None, c: int = 0, k: int | None = None, neg: bool = False):
        self.w, self.rows, self.c, self.k, self.neg = w, rows, c, k, neg  # neg: D(x) = k - x
        self.mask = (1 << w) - 1
        self.inv = _gf2_inverse(rows, w) if rows is not None else None

    def __call__(self, x: int) -> int:
        if self.k is not None:
            return ((self.k - x) if self.neg else (x + self.k)) & self.mask
        return sum((((self.rows[i] & x).bit_count() & 1) ^ ((self.c >> i) & 1)) << i for i in range(self.w))

    def identity(self) -> bool:
        return (self.k == 0 and not self.neg) or (self.rows is not None and self.c == 0
                               and all(self.rows[i] == 1 << i for i in range(self.w)))

    def kind(self) -> str:
        if self.k is not None and self.neg:
            return f"{self.k} - x mod 2^{self.w}"
        if self.k is not None:
            neg = (1 << self.w) - self.k
            return f"x - {neg} mod 2^{self.w}" if neg < self.k else f"x + {self.k} mod 2^{self.w}"
        if all(self.rows[i] == 1 << i for i in range(self.w)):
            return "complement" if self.c == self.mask else f"XOR with {self.w}'h{self.c:x}"
        if all(self.rows[i] == (self.mask >> i) << i for i in range(self.w)) and self.c == 0:
            return "Gray to binary"
        if all(r.bit_count() == 1 for r in self.rows):
            return "bit permutation" + (f" XOR {self.w}'h{self.c:x}" if self.c else "")
        return "GF(2)-affine map"

    def inverse_text(self, s: str, lo: int) -> str:
        """Verilog for D^-1(s) (s a w-bit word whose bit j is ``s[j + lo]``)."""
        w = self.w
        if self.k is not None and self.neg:  # its own inverse
            return f"({w}'d{self.k} - {s})"
        if self.k is not None:  # D^-1(y) = y - k = y + (2^w - k): the smaller constant
            neg = (1 << w) - self.k
            return f"({s} + {w}'d{neg})" if neg <= self.k else f"({s} - {w}'d{self.k})"
        inv = self.inv
        d = sum((((inv[i] & self.c).bit_count() & 1) << i) for i in range(w))  # D^-1(y) = inv y ^ inv c
        if all(inv[i] == 1 << i for i in range(w)):
            return f"(~{s})" if d == self.mask else f"({s} ^ {w}'h{d:x})"
        if d == 0 and all(inv[i] == (1 << i) | ((1 << (i + 1)) if i + 1 < w else 0) for i in range(w)):
            return f"({s} ^ ({s} >> 1))"  # binary to Gray
        bits = []
        for i in reversed(range(w)):
            terms = [f"{s}[{j + lo}]" for j in range(w) if (inv[i] >> j) & 1]
            t = " ^ ".join(terms) if terms else "1'b0"
            bits.append(f"~({t})" if (d >> i) & 1 else (t if len(terms) == 1 else f"({t})"))
        return "{" + ", ".join(bits) + "}"


def _detect(xs: list[int], us: list[int], w: int) -> _Bij | None:
    aff = _affine(xs, us, w)
    if aff is not None:
        b = _Bij(w, rows=aff[0], c=aff[1])
        return b if b.inv is not None and not b.identity() else None
    k = us[0]
    mask = (1 << w) - 1
    if k and all(u == (x + k) & mask for x, u in zip(xs, us, strict=True)):
        return _Bij(w, k=k)
    if all(u == (k - x) & mask for x, u in zip(xs, us, strict=True)):
        return _Bij(w, k=k, neg=True)  # a count kept as what is left: D(x) = k - x
    return None


def _lane_values(net, fixed: dict[int, int], seed: int) -> list[int]:
    """Every signal's value on _LANES lanes (bit i = lane i): flip-flop outputs, inputs and free signals
    random except ``fixed``."""
    import random

    from rtlopt.semantic.seqsim import _eval

    rng = random.Random(seed)
    full = (1 << _LANES) - 1
    vals = [None] * net.nsig
    vals[0], vals[1] = 0, full
    for i in range(2, net.nsig):
        vals[i] = fixed[i] if i in fixed else rng.getrandbits(_LANES)
    for t, o, ins in net.gates:
        if o in fixed:
            continue
        vals[o] = _eval(t, [vals[i] for i in ins]) & full
    return vals


def _cone_leaves(net, bits: list[int]) -> set[int]:
    driver = {g[1]: g for g in net.gates}
    seen, leaves, stack = set(), set(), list(bits)
    while stack:
        x = stack.pop()
        if x in seen:
            continue
        seen.add(x)
        if x in driver:
            stack.extend(driver[x][2])
        elif x > 1:
            leaves.add(x)
    return leaves


def _reaches(clean: str, s: int, e: int, expr: str, r: str, depth: int = 6) -> bool:
    """Whether ``expr`` reads ``r`` textually, directly or through the statements (assignments, instance
    connections) that mention the names it reads, up to ``depth`` steps: the prefilter that keeps
    pipeline registers and loads (next value independent of the register) out of the netlist pass."""
    body = clean[s:e]
    names, seen = set(re.findall(rf"(?<![\w$.'])({_ID})", expr)), set()
    for _ in range(depth):
        if r in names:
            return True
        new = set()
        for n in names - seen:
            seen.add(n)
            for m in re.finditer(rf"(?<![\w$.]){re.escape(n)}\b\s*(?:\[[^\]]*\]\s*)?=(?!=)", body):
                semi = body.find(";", m.end())
                new |= set(re.findall(rf"(?<![\w$.'])({_ID})", body[m.end():semi if semi >= 0 else len(body)]))
            for m in re.finditer(rf"\.\s*{_ID}\s*\(\s*{re.escape(n)}\s*\)", body):
                a = body.rfind(";", 0, m.start())
                semi = body.find(";", m.end())
                new |= set(re.findall(rf"\(\s*({_ID})\s*\)", body[a + 1:semi if semi >= 0 else len(body)]))
        if not new - seen:
            break
        names = new - seen
    return r in names


def _module_regs(clean: str, s: int, e: int, fsp, mods: dict | None = None) -> list[dict]:
    """Textual candidates in one module: registers with nonblocking whole-word writes, at least one
    of them computed from the register (see :func:`_reaches`)."""
    out = []
    names = set(re.findall(rf"(?<![\w$.])({_ID})\s*<=", clean[s:e]))
    for r in sorted(names):
        dcl = _decl(clean, s, e, r)
        if dcl is None or dcl[0] == "wire" or dcl[2] is None or dcl[3]:
            continue
        ws = _writes(clean, s, e, r, fsp, mods)
        if not ws:
            continue
        rhss = [clean[k:semi].strip() for _a, _b, k, semi in ws]
        if not any(not _CONST.match(x) and x != r and _reaches(clean, s, e, x, r) for x in rhss):
            continue  # no update computed from the register (a pipeline stage, a load)
        out.append({"reg": r, "decl": dcl, "writes": ws})
    return out


_ZERO = re.compile(r"^\s*(?:'0|0+|\d*\s*'[sS]?[bBdDhHoO]\s*0[0_]*|\{\s*[^{}]+\{\s*1'b0\s*\}\s*\})\s*$")


def _connections(clean: str, a: int, b: int) -> dict[str, tuple[int, int]]:
    """Named port connections ``.p(expr)`` of the instance item ``clean[a:b]``: port -> expr span."""
    out = {}
    for m in re.finditer(rf"\.\s*({_ID})\s*\(", clean[a:b]):
        o = a + m.end() - 1
        c = _close_paren(clean, o)
        if 0 < c <= b:
            out[m.group(1)] = (o + 1, c - 1)
    return out


def _child_regs(clean: str, s: int, e: int, mods: dict) -> list[dict]:
    """Registers held in a child instance that only loads a data input (``q <= d``, a zero reset, an
    enable): the parent's word on the output port is the register, the data connection its update."""
    out = []
    for a, b in _item_spans(clean, s, e):
        im = re.match(rf"\s*({_ID})\s*(?:#\s*\(|{_ID}\s*\()", clean[a:b])
        if im is None or im.group(1) not in mods:
            continue
        ctext = mods[im.group(1)]
        cm = re.match(rf"\s*module\s+{_ID}", ctext)
        if cm is None:
            continue
        conns = _connections(clean, a, b)
        for port, (x0, x1) in conns.items():
            x = clean[x0:x1].strip()
            if not re.fullmatch(_ID, x):
                continue
            cw = _writes(ctext, cm.end(), len(ctext), port, [], mods)
            if not cw:
                continue
            rhss = {ctext[k:q].strip() for _a, _b, k, q in cw} - {port}
            data = [r_ for r_ in rhss if not _ZERO.match(r_)]
            if len(data) != 1 or not re.fullmatch(_ID, data[0]) or data[0] not in conns:
                continue
            if not re.search(rf"\binput\b(?:(?!\b(?:output|inout)\b)[^;()])*?(?<![\w$]){re.escape(data[0])}\b",
                             ctext):
                continue
            d0, d1 = conns[data[0]]
            dcl = _decl(clean, s, e, x)
            if dcl is None or dcl[2] is None or dcl[3] or not clean[d0:d1].strip():
                continue
            if not _reaches(clean, s, e, clean[d0:d1], x):
                continue
            q0 = x0 + clean[x0:x1].index(x)
            out.append({"reg": x, "decl": dcl, "writes": [(d0, d1, d0, d1)], "inst": (q0, q0 + len(x))})
    return out


def semantic_find(texts: dict[Path, str], top: str, timeout_s: float = 30.0) -> list[tuple[dict, str, tuple]]:
    """Re-encoding candidates found on the gate netlist (see the comment above ``_LANES``): (new texts,
    description, (file, module, register))."""
    from rtlopt.errors import InputError
    from rtlopt.semantic import seqsim

    plans = []  # (path, module, body span, reg info, probes {name: (kind, payload)}, probe lines)
    n = 0
    mods: dict[str, str] = {}
    for t in texts.values():
        ct = _strip(t)
        for mm in re.finditer(rf"(?<![\w$])module\s+({_ID})", ct):
            em = re.compile(r"(?<![\w$])endmodule\b").search(ct, mm.end())
            mods.setdefault(mm.group(1), ct[mm.start():em.start() if em else len(ct)])
    for p, t in texts.items():
        if not t.isascii() or not re.search(r"<=", t):
            continue
        clean = _strip(t)
        for mm in re.finditer(rf"(?<![\w$])module\s+({_ID})", clean):
            em = re.compile(r"(?<![\w$])endmodule\b").search(clean, mm.end())
            if em is None:
                continue
            s, e = mm.end(), em.start()
            fsp = [(v[1], v[2]) for v in _functions(clean, s, e).values()]
            fsp += [(a.start() + s, clean.find("endfunction", a.start() + s))
                    for a in re.finditer(r"\bfunction\b", clean[s:e])]
            fnames = set(re.findall(rf"\bfunction\b[^;(]*?({_ID})\s*[;(]", clean[s:e]))
            for reg in _module_regs(clean, s, e, fsp, mods) + _child_regs(clean, s, e, mods):
                if n >= _MAX_PROBES:
                    break
                probes = {}
                rng = reg["decl"][1]
                lines = []

                def probe(expr, kind, payload, rng=rng, probes=probes, lines=lines):
                    nonlocal n
                    name = f"rtlopt_pr{n}"
                    n += 1
                    probes[name] = (kind, payload)
                    lines.append(f"(* keep *) wire {rng} {name} = {expr};\n")
                probe(reg["reg"], "reg", None)
                for i, (_a, _b, k, semi) in enumerate(reg["writes"]):
                    rhs = t[k:semi].strip()
                    if rhs == reg["reg"]:
                        continue
                    probe(f"({rhs})", "write", i)
                    if _CONST.match(rhs):
                        continue
                    # the decoded next value may be an unnamed part of the update: an argument of the
                    # encode call or a parenthesized group, here or in the one driver of a next-state wire
                    spans = [(k, semi)]
                    if re.fullmatch(_ID, rhs):
                        d = _drivers(clean, s, e, rhs, fsp, mods)
                        spans = [d[1]] if d is not None and d[0] == "expr" else []
                    for a0, a1 in spans:
                        for sub in _groups(clean, a0, a1)[:8]:
                            probe(f"({t[sub[0]:sub[1]].strip()})", "sub", (i, sub))
                for cm in re.finditer(rf"({_ID})\s*\(\s*{re.escape(reg['reg'])}\s*\)", clean[s:e]):
                    at = s + cm.start()
                    if any(a <= at < b for a, b in fsp) or cm.group(1) not in fnames:
                        continue
                    probe(t[at:s + cm.end()], "call", (at, s + cm.end()))
                plans.append((p, mm.group(1), (s, e), reg, probes, "".join(lines)))
    if not plans:
        return []
    try:  # the design's own netlist first (the other sequential analyses load the same one)
        net0 = seqsim.load_texts(texts, top, timeout=timeout_s)
        qs0 = set(net0.q_index)
    except Exception:  # noqa: BLE001 - no plain netlist: let the probe run decide
        net0, qs0 = None, set()
    plans = [pl for pl in plans if _worth_probing(net0, qs0, pl[3], pl[4], texts[pl[0]])]
    if not plans:
        return []
    net = None
    for _try in range(4):  # a probe the elaboration rejects (a name local to a block): drop its register
        probe_texts = dict(texts)
        at: dict = {}
        for p, _m, (_s, e), _r, _pr, lines in plans:
            at.setdefault(p, {}).setdefault(e, []).append(lines)
        for p, ins in at.items():
            probe_texts[p] = apply_edits(texts[p], [Edit(e, e, "".join(ls)) for e, ls in ins.items()])
        try:
            net = seqsim.load_texts(probe_texts, top, timeout=timeout_s)
            break
        except InputError as ex:
            bad = None
            for fm in re.finditer(r"([^\s:]+):(\d+):", str(ex)):
                f = next((q for q in probe_texts if fm.group(1).endswith("_" + Path(q).name)), None)
                lines_of = probe_texts[f].splitlines() if f is not None else []
                ln = int(fm.group(2))
                pm = re.search(r"\brtlopt_pr\d+\b", lines_of[ln - 1]) if 0 < ln <= len(lines_of) else None
                if pm:
                    bad = pm.group(0)
                    break
            if bad is None:
                raise
            plans = [pl for pl in plans if bad not in pl[4]]
            if not plans:
                return []
    if net is None:
        return []
    qs = set(net.q_index)
    out = []
    done = set()
    for p, mod, (s, e), reg, probes, _lines in plans:
        key = (str(p), mod, reg["reg"])
        if key in done:
            continue
        rname = next(iter(probes))
        inst = [nm[:-len(rname)] for nm in net.name_bits if nm == rname or nm.endswith("." + rname)]
        if len(inst) < 1:
            continue
        pre = sorted(inst)[0]  # one elaboration (the proof covers every one)
        res = _analyse(net, qs, pre, reg, probes, texts[p], s, e, mods)
        if res is None:
            continue
        new = _emit_sem(texts[p], s, e, reg, res)
        if new is None or new == texts[p]:
            continue
        done.add(key)
        nt = dict(texts)
        nt[p] = new
        out.append((nt, f"'{reg['reg']}' in {mod} kept as S = D({reg['reg']}) (D: {res['bij'].kind()}, "
                        f"read as '{res['site_desc']}'); '{reg['reg']}' = D^-1(S)", key))
    return out


def _reg_lanes(net, rbits: list[int]):
    """(xs, vals, vals2, full): the register's lane values xs (0, the unit vectors, random) and every
    signal's lanes for two draws of everything else."""
    import random

    w = len(rbits)
    rng = random.Random(w)
    xs = [0] + [1 << j for j in range(w)]
    xs += [rng.getrandbits(w) for _ in range(_LANES - len(xs))]
    fixed = {b: sum(((x >> j) & 1) << lane for lane, x in enumerate(xs)) for j, b in enumerate(rbits)}
    vals = _lane_values(net, fixed, seed=7)
    vals2 = _lane_values(net, fixed, seed=11)  # other inputs / other registers: a decode ignores them
    return xs, vals, vals2, (1 << _LANES) - 1


def _bijective_words(net, rbits: list[int], local: dict, accept, lanes) -> list[tuple[str, _Bij]]:
    """Words of ``local`` (name -> bits, the register's width) that are a bijection of the register alone."""
    xs, vals, vals2, full = lanes
    rset, w, out = set(rbits), len(rbits), []
    for nm, bits in sorted(local.items()):
        if bits == rbits or not accept(nm) or any(b < 0 for b in bits) or not _cone_leaves(net, bits) <= rset:
            continue
        us = _words(vals, bits, full)
        if us is None or us != _words(vals2, bits, full):
            continue
        d = _detect(xs, us, w)
        if d is not None:
            out.append((nm, d))
    return out


def _reg_bits(net, qs, name: str) -> list[int] | None:
    rbits = net.name_bits.get(name)
    if not rbits or any(b not in qs for b in rbits) or len(set(rbits)) != len(rbits) or not 2 <= len(rbits) <= 64:
        return None
    return rbits


def _local_words(net, pre: str, w: int) -> dict:
    return {nm[len(pre):]: bits for nm, bits in net.name_bits.items()
            if nm.startswith(pre) and "." not in nm[len(pre):] and len(bits) == w}


def _worth_probing(net, qs, reg: dict, probes: dict, text: str) -> bool:
    """Whether the register may be kept decoded, before the probe elaboration: a decode call or a
    decode written out in an update (the register read twice there), or a named word of its module
    that is a bijection of it alone (on the design's own netlist, shared with the other analyses)."""
    r = reg["reg"]
    if any(v[0] == "call" for v in probes.values()):
        return True
    if any(len(re.findall(rf"(?<![\w$.]){re.escape(r)}\b", _strip(text)[k:q])) >= 2 for _a, _b, k, q in reg["writes"]):
        return True
    if net is None:
        return True
    for nm in net.name_bits:
        if nm != r and not nm.endswith("." + r):
            continue
        rbits = _reg_bits(net, qs, nm)
        if rbits is None:
            continue
        pre = nm[:-len(r)]
        local = _local_words(net, pre, len(rbits))
        if _bijective_words(net, rbits, local, lambda n: n != r, _reg_lanes(net, rbits)):
            return True
    return False


def _analyse(net, qs, pre, reg, probes, text, s, e, mods):
    clean = _strip(text)
    r = reg["reg"]
    rbits = _reg_bits(net, qs, pre + r)
    if rbits is None:
        return None
    w = len(rbits)
    lanes = _reg_lanes(net, rbits)
    xs, vals, _vals2, full = lanes
    pnames = set(probes)
    # decode sites: named words of this instance (and call / part probes) that are a bijection of R alone
    local = _local_words(net, pre, w)
    declared = set(re.findall(rf"(?<![\w$.])({_ID})", clean[s:e]))

    def accept(nm):
        if nm == r or (nm in pnames and probes[nm][0] not in ("call", "sub")):
            return False
        return nm in pnames or nm in declared
    groups: list[tuple[_Bij, list[str]]] = []  # decode sites by the bijection they compute
    for nm, d in _bijective_words(net, rbits, local, accept, lanes):
        g = next((g for g in groups if [g[0](x) for x in xs[:w + 1]] == [d(x) for x in xs[:w + 1]]), None)
        if g is None:
            groups.append((d, [nm]))
        else:
            g[1].append(nm)
    for bij, sites in sorted(groups, key=lambda g: -len(g[1])):
        res = _with_bijection(net, pre, reg, probes, text, clean, s, e, mods, vals, full, local, declared,
                              bij, sites, w)
        if res is not None:
            return res
    return None


def _with_bijection(net, pre, reg, probes, text, clean, s, e, mods, vals, full, local, declared, bij, sites, w):
    """The rewrite plan of R kept as D(R) for one bijection D and its decode sites (None if an update's
    decoded value is no word of the module or no site can be redirected)."""
    r = reg["reg"]
    pnames = set(probes)
    if "inst" in reg and bij(0) != 0:
        return None  # the child's reset (zero) must be its own image: the child is not changed
    # writes: D(v) must be a named word of the instance
    names_by_word = {}
    for nm, bits in local.items():
        if nm in pnames or nm not in declared or any(b < 0 for b in bits):
            continue
        ws = _words(vals, bits, full)
        names_by_word.setdefault(tuple(ws), nm)
    wr = {}
    for nm, (_kind, i) in ((k, v) for k, v in probes.items() if v[0] == "write"):
        vs = _words(vals, net.name_bits[pre + nm], full)
        if vs is None:
            return None
        rhs_ids = set(re.findall(rf"(?<![\w$.'])({_ID})", clean[reg["writes"][i][2]:reg["writes"][i][3]]))
        if len(set(vs)) == 1 and not rhs_ids & set(local):  # a constant (literal or parameter)
            wr[i] = ("const", bij(vs[0]), vs[0])
            continue
        want = [bij(v) for v in vs]
        a = names_by_word.get(tuple(want))
        if a is None or a == r:
            a = next((f"({text[x[0]:x[1]].strip()})" for nm, (kd, (j, x)) in
                      ((k, v) for k, v in probes.items() if v[0] == "sub")
                      if j == i and _words(vals, net.name_bits.get(pre + nm, [-1]), full) == want), None)
        if a is None:
            return None
        wr[i] = ("name", a)
    if not any(v[0] == "name" for v in wr.values()) or ("inst" in reg and len(wr) != 1):
        return None
    # parts of the updates that compute D(R) inline (a parenthesized decode): the new register there
    d_of_r = [bij(x) for x in _words(vals, net.name_bits[pre + r], full)]
    inline = sorted({text[x[0]:x[1]].strip() for nm, (kd, (_j, x)) in
                     ((k, v) for k, v in probes.items() if v[0] == "sub")
                     if _words(vals, net.name_bits.get(pre + nm, [-1]), full) == d_of_r}, key=len, reverse=True)
    # how each decode site is driven (a named word: its driver; a call probe: the call text)
    fsp = [(v[1], v[2]) for v in _functions(clean, s, e).values()]
    drv = []
    for nm in sites:
        if nm in pnames:
            if probes[nm][0] == "call":
                drv.append(("call", probes[nm][1]))
            continue
        dr = _drivers(clean, s, e, nm, fsp, mods)
        if dr is None:
            continue
        dcl = _decl(clean, s, e, nm)
        if dr[0] == "port" and dcl is not None and dcl[0] == "reg":
            continue
        drv.append((nm, dr))
    if not drv and not any(v[0] == "name" and any(t in v[1] for t in inline) for v in wr.values()):
        return None
    sd = [d[0] for d in drv] + (["an inline decode"] if inline else [])
    calls = {re.match(_ID, text[a0:a1]).group(0) for nm, (a0, a1) in
             ((nm, probes[nm][1]) for nm in sites if nm in pnames and probes[nm][0] == "call")}
    return {"bij": bij, "writes": wr, "drivers": drv, "width": w, "calls": calls, "inline": inline,
            "site_desc": ", ".join(dict.fromkeys(x if x != "call" else "a call" for x in sd))}


def _emit_sem(text: str, s: int, e: int, reg: dict, res: dict) -> str | None:
    clean = _strip(text)
    r = reg["reg"]
    kind, rng, lo, _init = reg["decl"]
    k = 0
    while re.search(rf"\brtlopt_enc{k}\b", text):
        k += 1
    b = f"rtlopt_enc{k}"
    w = res["width"]
    eds: list[Edit] = []
    for i, (ws, we, kk, semi) in enumerate(reg["writes"]):
        rhs = text[kk:semi].strip()
        if rhs == r:
            eds.append(Edit(ws, we, f"{b} <= {b};"))
            continue
        how = res["writes"].get(i)
        if how is None:
            return None
        if how[0] == "const":
            val = rhs if how[1] == how[2] else f"{w}'h{how[1]:x}"
            eds.append(Edit(ws, we, f"{b} <= {val};"))
        else:
            a = how[1]
            for fn in res.get("calls", ()):  # a decode call inside the decoded value reads the new register
                a = re.sub(rf"(?<![\w$.]){re.escape(fn)}\s*\(\s*{re.escape(r)}\s*\)", b, a)
            for dt in res.get("inline", ()):  # and so does a decode written out there
                a = a.replace(f"({dt})", b) if a != f"({dt})" else a
            eds.append(Edit(ws, we, a if "inst" in reg else f"{b} <= {a};"))
    tail = []
    decls = [f"{'logic' if kind == 'logic' else 'reg'} {rng} {b};"]
    if "inst" in reg:  # the child's output is the new register; the parent's word its encode
        decls = [f"wire {rng} {b};"]
        eds.append(Edit(reg["inst"][0], reg["inst"][1], b))
    taken = [d[1] for nm, d in res["drivers"] if nm != "call" and d[0] in ("expr", "block")]
    taken += [(ws, we) for ws, we, _k, _q in reg["writes"]]
    for nm, dr in res["drivers"]:
        if nm == "call":
            a0, a1 = dr
            if not any(x <= a0 < y for x, y in taken):  # not inside a replaced driver
                eds.append(Edit(a0, a1, b))
        elif dr[0] == "expr":
            a0, a1 = dr[1]
            eds.append(Edit(a0, a1, f" {b}"))
        elif dr[0] == "port":
            dead = f"{b}_dec"
            decls.append(f"wire {rng} {dead};")
            eds.append(Edit(dr[1][0], dr[1][1], dead))
            tail.append(f"assign {nm} = {b};")
        else:
            a0, a1 = dr[1]
            eds.append(Edit(a0, a1, f"always @* {nm} = {b};" if dr[2] else f"assign {nm} = {b};"))
    if "inst" in reg:
        tail.append(f"assign {r} = {res['bij'].inverse_text(b, lo)};")
    else:
        tail.append(f"always @* {r} = {res['bij'].inverse_text(b, lo)};")
    # the new register after the module header; R's driver before endmodule
    from rtlopt.engine.parampin import _header_end

    he = _header_end(clean[s:e])
    if he is None:
        return None
    at = s + he
    if re.search(r"[A-Za-z_]", rng):  # a range naming a parameter: after R's own declaration in the body
        dm = re.search(rf"\b(?:reg|logic|wire|bit)\b[^;]*?(?<![\w$.]){re.escape(r)}\b[^;]*;", clean[at:e])
        if dm is not None and not re.search(r"\b(?:begin|end|always\w*|assign|function|generate)\b",
                                            clean[at + dm.start():at + dm.end()]):
            at += dm.end()
    eds.append(Edit(at, at, "\n  " + "\n  ".join(decls)))
    ls2 = text.rfind("\n", 0, e) + 1
    if text[ls2:e].strip():
        ls2 = e
    eds.append(Edit(ls2, ls2, "".join(f"  {x}\n" for x in tail)))
    try:
        return apply_edits(text, eds)
    except ValueError:
        return None
