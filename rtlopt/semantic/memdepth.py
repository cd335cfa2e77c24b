"""Memories whose write and read addresses stay below a bound from reset: declared with that depth.

A line RAM of ``2**AW`` words written at a counter that wraps at ``LINE - 1`` and read at a position that
stays below ``LINE``; a delay buffer of 16 words whose pointer wraps at 9: the words above the reachable
range are never written or read, yet synthesis keeps them (flip-flops, write decoders, read muxes).

Found by what the design does, not by its spelling: every array ``NAME [0:E]`` / ``[E:0]`` (``reg``,
``logic``, ``bit``; Verilog or SV; in the top or in a child module) is tried with a smaller depth ``B``;
the smallest ``B`` whose whole design agrees with the original on random stimulus from reset
(:func:`rtlopt.semantic.seqsim.outputs_agree`, binary search; the words are the netlist's ``NAME[k]``)
is proposed. The simulation only proposes: every candidate is proven sequentially equivalent by the
verifier (an out-of-range read of the smaller array is x there, which the proof takes as any value per
cycle, so a reachable read above ``B`` is refuted, never assumed away).

The edit is the declared range only (and a reset loop over all words: its bound becomes the new depth).
In the top module the range becomes the literal ``B``; in a child module a parameter
``RTLOPT_<NAME>_DEPTH`` (default: the original depth, so other uses of the module keep it) sizes the
array and every instance in the design sets it to ``B``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

RULE = "memory_depth"
BUDGET_S = 30.0
MAX_TRIES = 8  # simulations per memory (binary search over the depth)
PARAM = "RTLOPT_{}_DEPTH"

_DECL = re.compile(r"\b(?:reg|logic|bit)\b\s*(?:signed\s*)?((?:\[[^\[\]]+\]\s*)*)([A-Za-z_]\w*)\s*"
                   r"\[\s*([^\[\]:]+?)\s*:\s*([^\[\]:]+?)\s*\]\s*;")
_MOD = re.compile(r"\bmodule\s+([A-Za-z_]\w*)")
_FOR = re.compile(r"\bfor\s*\(\s*(?:integer\s+|int\s+|genvar\s+)?([A-Za-z_]\w*)\s*=\s*0\s*;\s*\1\s*(<=?)\s*([^;]+?)\s*;")


def _strip(t: str) -> str:
    """Comments blanked (same length: offsets stay valid)."""
    return re.sub(r"//[^\n]*|/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), t, flags=re.S)


def _norm(e: str) -> str:
    e = re.sub(r"\s+", "", e)
    while e.startswith("(") and e.endswith(")") and _balanced(e[1:-1]):
        e = e[1:-1]
    return e


def _balanced(s: str) -> bool:
    d = 0
    for ch in s:
        d += (ch == "(") - (ch == ")")
        if d < 0:
            return False
    return d == 0


def _close(text: str, i: int) -> int:
    """Index of the ``)`` matching the ``(`` at ``i`` (-1 when none)."""
    d = 0
    for k in range(i, len(text)):
        if text[k] == "(":
            d += 1
        elif text[k] == ")":
            d -= 1
            if d == 0:
                return k
    return -1


def _modules(s: str):
    """``(name, start, end)`` of every module in the comment-stripped text."""
    out = []
    for m in _MOD.finditer(s):
        e = s.find("endmodule", m.end())
        if e < 0:
            continue
        out.append((m.group(1), m.start(), e))
    return out


def memories(text: str) -> list[tuple[str, str, int, int, str, str]]:
    """``(module, array, decl start, decl end, low text, high text)`` of every one-dimensional unpacked
    array whose range starts or ends at 0."""
    s = _strip(text)
    out = []
    for mod, a, b in _modules(s):
        for d in _DECL.finditer(s, a, b):
            lo, hi = d.group(3), d.group(4)
            if _norm(lo) == "0" or _norm(hi) == "0":
                out.append((mod, d.group(2), d.start(), d.end(), lo, hi))
    return out


def _depth_expr(lo: str, hi: str) -> str:
    e = hi if _norm(lo) == "0" else lo
    n = _norm(e)
    if n.endswith("-1") and _balanced(n[:-2]):
        d = _norm(n[:-2])
        return d if re.fullmatch(r"\w+", d) else f"({d})"
    if re.fullmatch(r"\d+", n):
        return str(int(n) + 1)
    return f"({n})+1"


def _with_depth(text: str, mod: str, name: str, lo: str, hi: str, depth: str, orig_depth: str,
                start: int) -> str | None:
    """The module's text with the array ``name`` sized ``depth`` (an expression) and its reset loops'
    bounds (``i < <depth>`` / ``i <= <depth - 1>`` over writes of ``name[i]``) changed to match."""
    s = _strip(text)
    m = _DECL.match(s, start)
    if m is None or m.group(2) != name:
        return None
    rng = f"[0:{depth}-1]" if _norm(lo) == "0" else f"[{depth}-1:0]"
    seg0 = text[m.start():m.end()]
    k = seg0.rfind("[")
    new = text[:m.start()] + seg0[:k] + rng + ";" + text[m.end():]
    # reset loops over every word (bound written as the depth, or as the last index with <=)
    s = _strip(new)
    mods = [(a, b) for mm, a, b in _modules(s) if mm == mod]
    if not mods:
        return None
    a, b = mods[0]
    od = _norm(orig_depth)
    last = {_norm(hi if _norm(lo) == "0" else lo)}
    edits = []
    for f in _FOR.finditer(s, a, b):
        var, op, bound = f.group(1), f.group(2), f.group(3)
        body = s[f.end():f.end() + 400]
        if not re.search(rf"\b{re.escape(name)}\s*\[\s*{re.escape(var)}\s*\]", body):
            continue
        nb = _norm(bound)
        if (op == "<" and nb == od) or (op == "<=" and nb in last):
            rep = depth if op == "<" else f"{depth}-1"
            edits.append((f.start(3), f.end(3), rep))
    for i, j, rep in sorted(edits, reverse=True):
        new = new[:i] + rep + new[j:]
    return new


def _param_edit(texts: dict, path, mod: str, name: str, lo: str, hi: str, start: int) -> tuple | None:
    """``(edit(B) -> new texts or None)`` for an array in a child module: a depth parameter with the
    original depth as default, set to ``B`` at every instance (all in ``path``'s file)."""
    text = texts[path]
    pname = PARAM.format(name)
    if pname in text:
        return None
    od = _depth_expr(lo, hi)
    s = _strip(text)
    hm = re.compile(rf"\bmodule\s+{re.escape(mod)}\b\s*").search(s)
    if hm is None:
        return None
    literal = re.fullmatch(r"\d+", _norm(od)) is not None
    if s.startswith("#", hm.end()):
        po = s.find("(", hm.end())
        pc = _close(s, po)
        if pc < 0:
            return None
        hdr_ins = (pc, f", parameter {pname} = {od}")
    elif literal:
        hdr_ins = (hm.end(), f"#(parameter {pname} = {od}) ")
    else:
        return None
    # instances of mod in any file: all must be in this one
    inst = re.compile(rf"\b{re.escape(mod)}\s*(#\s*\()?")
    sites = []
    for p, t in texts.items():
        st = _strip(t)
        for im in inst.finditer(st):
            if st[max(0, im.start() - 12):im.start()].rstrip().endswith("module"):
                continue
            rest = st[im.end():]
            if im.group(1) is None and not re.match(r"\s*[A-Za-z_]\w*\s*(\[[^\]]*\]\s*)?\(", rest):
                continue
            if p != path:
                return None
            sites.append((im.start(), im.end(), im.group(1) is not None))
    if not sites:
        return None

    def edit(b: int) -> dict | None:
        new = text
        ops = [(hdr_ins[0], hdr_ins[1])]
        for _i, j, has in sites:
            ops.append((j, f".{pname}({b}), ") if has else (j, f"#(.{pname}({b})) "))
        # insertions after the declaration first (its offset stays valid), then the declaration, then the rest
        for pos, ins_text in sorted(ops, reverse=True):
            if pos > start:
                new = new[:pos] + ins_text + new[pos:]
        got = _with_depth(new, mod, name, lo, hi, pname, od, start)
        if got is None:
            return None
        for pos, ins_text in sorted(ops, reverse=True):
            if pos <= start:
                got = got[:pos] + ins_text + got[pos:]
        return {**texts, path: got}

    return edit


def _words(net, name: str) -> dict[str, int]:
    """``{instance prefix: depth}`` of the netlist's words ``<prefix>NAME[k]``."""
    pat = re.compile(rf"^(.*?){re.escape(name)}\[(\d+)\]$")
    out: dict[str, int] = {}
    for n in net.name_bits:
        m = pat.match(n)
        if m and (not m.group(1) or m.group(1).endswith(".")):
            out[m.group(1)] = max(out.get(m.group(1), 0), int(m.group(2)) + 1)
    return out


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S) -> list[tuple[dict, str]]:
    from rtlopt.semantic.rangedc import module_prefixes
    from rtlopt.semantic.seqsim import load_texts, outputs_agree

    deadline = time.monotonic() + budget_s
    found = [(p, *m) for p, t in texts.items() for m in memories(t)]
    if not found:
        return []
    try:
        net = load_texts(texts, top)
    except Exception:  # noqa: BLE001 - not modelled: no candidates
        return []
    prefixes = module_prefixes(texts.values(), top)
    out = []
    for path, mod, name, start, _end, lo, hi in found:
        if time.monotonic() > deadline:
            break
        pre = prefixes.get(mod)
        if not pre:
            continue
        words = _words(net, name)
        depths = [words.get(p) for p in pre]
        if any(d is None for d in depths):
            continue  # a copy not mapped to words (kept as a memory, or renamed): no depth known
        depth = max(depths)
        if depth < 2:
            continue
        if mod == top:
            def edit(b, path=path, mod=mod, name=name, lo=lo, hi=hi, start=start):
                got = _with_depth(texts[path], mod, name, lo, hi, str(b), _depth_expr(lo, hi), start)
                return None if got is None else {**texts, path: got}
        else:
            edit = _param_edit(texts, path, mod, name, lo, hi, start)
            if edit is None:
                continue
        def agrees(b, edit=edit):
            new = edit(b)
            return new is not None and outputs_agree(net, {Path(p): t for p, t in new.items()}, top,
                                                     max(5.0, deadline - time.monotonic())) is not False

        # one word fewer first: an address that reaches the top word (an input, a full walk) costs one run
        if not agrees(depth - 1):
            continue
        lo_b, hi_b, tries = 1, depth - 1, 1  # hi_b: known to agree
        while lo_b < hi_b and tries < MAX_TRIES and time.monotonic() < deadline:
            mid = (lo_b + hi_b) // 2
            tries += 1
            if agrees(mid):
                hi_b = mid
            else:
                lo_b = mid + 1
        if hi_b >= depth:
            continue
        new = edit(hi_b)
        if new is not None:
            out.append((new, f"memory {mod}.{name}: {depth} -> {hi_b} words (addresses stay below {hi_b})"))
    return out


def memdepth_candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates

    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = rewrites(dict(state.texts), state.design.top, max(3.0, min(BUDGET_S, left)))
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    return one_file_candidates(state.texts, got, RULE, "memory depth", None)


__all__ = ["memdepth_candidates", "memories", "rewrites"]
