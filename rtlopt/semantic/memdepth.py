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
In the top module the range becomes the literal ``B``; in a child module parameters
``RTLOPT_<NAME>_LAST`` / ``RTLOPT_<NAME>_WORDS`` (defaults: the replaced texts verbatim, so other uses of
the module keep the original; engine.parampin accepts them unpinned through :func:`hook_only`) size
the array and its reset loop, and every instance in the design sets them to ``B - 1`` / ``B`` (a
parameterized parent is pinned to the proven values by the search as usual).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rtlopt.semantic.reencode import _close_paren
from rtlopt.semantic.reencode import _strip as _strip  # comments (and strings) blanked, offsets kept
from rtlopt.templates._guardarm import _balanced

RULE = "memory_depth"
BUDGET_S = 30.0
MAX_TRIES = 8  # simulations per memory (binary search over the depth)

_DECL = re.compile(r"\b(?:reg|logic|bit)\b\s*(?:signed\s*)?((?:\[[^\[\]]+\]\s*)*)([A-Za-z_]\w*)\s*"
                   r"\[\s*([^\[\]:]+?)\s*:\s*([^\[\]:]+?)\s*\]\s*;")
_MOD = re.compile(r"\bmodule\s+([A-Za-z_]\w*)")
_FOR = re.compile(r"\bfor\s*\(\s*(?:integer\s+|int\s+|genvar\s+)?([A-Za-z_]\w*)\s*=\s*0\s*;\s*\1\s*(<=?)\s*([^;]+?)\s*;")


def _norm(e: str) -> str:
    e = re.sub(r"\s+", "", e)
    while e.startswith("(") and e.endswith(")") and _balanced(e[1:-1]):
        e = e[1:-1]
    return e


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


def _with_depth(text: str, mod: str, name: str, lo: str, hi: str, last: str, words: str,
                start: int) -> tuple[str, str | None] | None:
    """The module's text with the array ``name``'s last index written ``last`` and its reset loops' bounds
    (``i < <depth>`` / ``i <= <last index>`` over writes of ``name[i]``) written ``words`` / ``last``;
    with the original text of the first ``<`` bound replaced (None when no such loop)."""
    s = _strip(text)
    m = _DECL.match(s, start)
    if m is None or m.group(2) != name:
        return None
    end = 4 if _norm(lo) == "0" else 3  # the range end that is not 0
    new = text[:m.start(end)] + last + text[m.end(end):]
    s = _strip(new)
    mods = [(a, b) for mm, a, b in _modules(s) if mm == mod]
    if not mods:
        return None
    a, b = mods[0]
    od = _norm(_depth_expr(lo, hi))
    lasts = {_norm(hi if _norm(lo) == "0" else lo)}
    edits, bound_text = [], None
    for f in _FOR.finditer(s, a, b):
        var, op, bound = f.group(1), f.group(2), f.group(3)
        body = _loop_body(s, f.end())
        if not re.search(rf"\b{re.escape(name)}\s*\[\s*{re.escape(var)}\s*\]", body):
            continue
        nb = _norm(bound)
        if op == "<" and nb == od and bound_text in (None, new[f.start(3):f.end(3)]):
            bound_text = new[f.start(3):f.end(3)]
            edits.append((f.start(3), f.end(3), words))
        elif op == "<=" and nb in lasts:
            edits.append((f.start(3), f.end(3), last))
    for i, j, rep in sorted(edits, reverse=True):
        new = new[:i] + rep + new[j:]
    return new, bound_text


def _loop_body(s: str, i: int) -> str:
    """The statement after a ``for (...)`` header at ``i``: up to the ``end`` closing a ``begin`` (nested
    ``begin``/``end`` counted), else up to the first ``;``."""
    d = 1  # inside the header's parentheses: skip the step
    while i < len(s) and d:
        d += (s[i] == "(") - (s[i] == ")")
        i += 1
    m = re.match(r"\s*begin\b", s[i:])
    if m is None:
        j = s.find(";", i)
        return s[i:j + 1] if j >= 0 else ""
    d = 0
    for t in re.finditer(r"\b(begin|end)\b", s[i:]):
        d += 1 if t.group(1) == "begin" else -1
        if d == 0:
            return s[i:i + t.end()]
    return ""


_HOOK = re.compile(r"\bparameter\s+(RTLOPT_\w+_(?:LAST|WORDS))\s*=\s*")


def _param_edit(texts: dict, path, mod: str, name: str, lo: str, hi: str, start: int):
    """``edit(B) -> new texts or None`` for an array in a child module: parameters ``RTLOPT_<NAME>_LAST``
    (and ``_WORDS`` for a reset loop's bound) whose defaults are the original texts verbatim, so every
    other use of the module is unchanged (:func:`hook_only`), set at every instance (all in ``path``)."""
    text = texts[path]
    pl, pw = f"RTLOPT_{name}_LAST", f"RTLOPT_{name}_WORDS"
    if pl in text:
        return None
    got = _with_depth(text, mod, name, lo, hi, pl, pw, start)
    if got is None:
        return None
    body, bound_text = got
    orig_last = hi if _norm(lo) == "0" else lo
    ins = f"parameter {pl} = {orig_last}" + (f", parameter {pw} = {bound_text}" if bound_text else "")
    s = _strip(body)
    hm = re.compile(rf"\bmodule\s+{re.escape(mod)}\b\s*").search(s)
    if hm is None:
        return None
    if s.startswith("#", hm.end()):
        pc = _close_paren(s, s.find("(", hm.end())) - 1  # the ')' closing the parameter list
        if pc < 0:
            return None
        hdr = (pc, ", " + ins)
    elif re.fullmatch(r"[\d\s]+", orig_last) and (bound_text is None or re.fullmatch(r"[\d\s]+", bound_text)):
        hdr = (hm.end(), f"#({ins}) ")
    else:
        return None  # a default that reads body parameters cannot go in a new header list
    inst = re.compile(rf"\b{re.escape(mod)}\s*(#\s*\()?")
    sites = []
    for p, t in texts.items():
        st = _strip(body if p == path else t)
        for im in inst.finditer(st):
            if st[max(0, im.start() - 12):im.start()].rstrip().endswith("module"):
                continue
            if im.group(1) is None and not re.match(r"\s*[A-Za-z_]\w*\s*(\[[^\]]*\]\s*)?\(", st[im.end():]):
                continue
            if p != path:
                return None
            sites.append((im.end(), im.group(1) is not None))
    if not sites:
        return None

    def edit(b: int) -> dict | None:
        over = f".{pl}({b - 1})" + (f", .{pw}({b})" if bound_text else "")
        ops = [hdr] + [(j, f"{over}, " if has else f"#({over}) ") for j, has in sites]
        new = body
        for pos, t in sorted(ops, reverse=True):
            new = new[:pos] + t + new[pos:]
        return {**texts, path: new}

    return edit


def hook_only(mod_o: str, mod_n: str) -> bool:
    """Whether ``mod_n`` is ``mod_o`` with new depth parameters whose defaults are the texts they replace
    (valid at every parameter value: at the defaults the module is the original one)."""
    found = list(_HOOK.finditer(mod_n))
    if not found:
        return False
    subs, cut = {}, []
    for m in found:
        d, k = 0, m.end()
        while k < len(mod_n) and not (d == 0 and mod_n[k] in ",)"):
            d += (mod_n[k] in "([{") - (mod_n[k] in ")]}")
            k += 1
        subs[m.group(1)] = mod_n[m.end():k].strip()
        cut.append((m.start(), k))
    out = mod_n
    for i, j in sorted(cut, reverse=True):
        # the inserted item with its separator: ", parameter P = T" or "#(parameter P = T) "
        pre = out[:i].rstrip()
        if pre.endswith(","):
            out = pre[:-1] + out[j:]
        elif pre.endswith("#(") and out[j:].startswith(")"):
            out = pre[:-2].rstrip() + " " + out[j + 1:].lstrip()
        else:
            return False
    for n, t in subs.items():
        out = re.sub(rf"\b{n}\b", lambda _m, t=t: t, out)
    return re.sub(r"\s+", "", out) == re.sub(r"\s+", "", mod_o)


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
                got = _with_depth(texts[path], mod, name, lo, hi, f"{b}-1", str(b), start)
                return None if got is None else {**texts, path: got[0]}
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
