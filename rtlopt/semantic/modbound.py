"""A remainder or quotient by a constant whose operand is bounded: compare-and-subtract steps.

``(s + x) % 31`` where ``s`` is itself a remainder by 31 (a register loaded only with such values)
and ``x`` is five bits is below ``2 * 31``: the remainder is ``a >= 31 ? a - 31 : a`` and the
quotient ``a >= 31``. Written with ``%`` Yosys builds a divider as wide as the expression (32 bits
when the constant is a 32-bit localparam), which costs area and a long synthesis.

Found on the design's elaborated netlist (top flattened at its parameter values, netlist.py), not on the
spelling: an interval analysis runs over the combinational cells (unsigned add/sub/mul, mux, remainder
and quotient by constants, masks, constant shifts, slices and zero extension) and through every
register from its reset value to a fixpoint (a register still growing after a few rounds is widened to
its whole width). Every unsigned ``$mod`` / ``$div`` cell with a constant divisor ``C`` (not a power of
two) whose dividend stays below ``(K + 1) * C`` for ``K <= MAX_STEPS`` has its source span (the
cell's ``src``) replaced by a call of a function doing ``K`` conditional subtractions at the dividend's
width (the argument is evaluated at least that wide, as in the original context). The search loop
pins the edit to the parameter values it holds for, measures it and proves it (a bound the analysis
got wrong fails the proof).
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

RULE = "bounded_constant_division"
BUDGET_S = 12.0
MAX_STEPS = 3
_FF = frozenset({"$dff", "$adff", "$sdff", "$dffe", "$adffe", "$sdffe", "$sdffce", "$aldff", "$aldffe"})
_BOOL = frozenset({"$eq", "$ne", "$lt", "$le", "$gt", "$ge", "$logic_and", "$logic_or", "$logic_not",
                   "$reduce_and", "$reduce_or", "$reduce_xor", "$reduce_xnor", "$reduce_bool", "$eqx", "$nex"})
WIDEN_AFTER = 6
#: heldout11 fletcher: abc 4.5 s (Yosys equiv inconclusive after 11 s first) at load 14
PROOF_ENGINES = ("abc", "smt")


class _Ranges:
    """Interval per driven word of a netlist (cell output ports and flip-flop outputs)."""

    def __init__(self, nl):
        self.nl = nl
        self.where: dict[int, tuple[tuple, int]] = {}  # bit -> (word key, index)
        self.width: dict[tuple, int] = {}
        self.iv: dict[tuple, tuple[int, int] | None] = {}
        for i, c in enumerate(nl.cells):
            ports = ["Q"] if c.type in _FF else [p for p, d in c.dirs.items() if d == "output"]
            for p in ports:
                bits = c.conns.get(p, [])
                key = (i, p)
                self.width[key] = len(bits)
                self.iv[key] = None if c.type in _FF else (0, (1 << len(bits)) - 1)
                for k, b in enumerate(bits):
                    if isinstance(b, int):
                        self.where[b] = (key, k)

    def of_bits(self, bits) -> tuple[int, int] | None:
        """Interval of a word made of ``bits`` (LSB first); None while an input is still unknown (bottom)."""
        n = len(bits)
        if n == 0:
            return (0, 0)
        # a word's low bits, zero-extended
        top = n
        while top > 0 and bits[top - 1] == "0":
            top -= 1
        if top == 0:
            return (0, 0)
        b0 = bits[0]
        if isinstance(b0, int) and b0 in self.where:
            key, k = self.where[b0]
            if k == 0 and all(isinstance(b, int) and self.where.get(b) == (key, j) for j, b in enumerate(bits[:top])):
                iv = self.iv[key]
                if iv is None:
                    return None
                if top >= self.width[key] or iv[1] < (1 << top):
                    return iv
                return (0, (1 << top) - 1)
        lo = hi = 0
        for k, b in enumerate(bits):
            if b == "1":
                lo += 1 << k
                hi += 1 << k
            elif b != "0":
                if isinstance(b, int) and b in self.where and self.iv[self.where[b][0]] is None:
                    return None
                hi += 1 << k
        return (lo, hi)

    def port(self, c, p):
        return self.of_bits(c.conns.get(p, []))


def _p(c, k, d=0) -> int:
    v = c.params.get(k, d)
    try:
        return int(v)
    except (TypeError, ValueError):
        return d


def _const_bits(bits) -> int | None:
    if any(b not in ("0", "1") for b in bits):
        return None
    return sum(1 << k for k, b in enumerate(bits) if b == "1")


def _cell_iv(r: _Ranges, c) -> tuple[int, int] | None:
    yw = len(c.conns.get("Y", []))
    full = (0, (1 << yw) - 1)
    t = c.type
    if t in _BOOL:
        return (0, 1) if yw >= 1 else (0, 0)
    signed = _p(c, "A_SIGNED") or _p(c, "B_SIGNED")
    if t in ("$mux", "$pmux", "$bmux"):
        ivs = [r.port(c, "A")]
        if t == "$pmux":
            bw = len(c.conns.get("A", []))
            bb = c.conns.get("B", [])
            ivs += [r.of_bits(bb[i:i + bw]) for i in range(0, len(bb), max(1, bw))]
        elif t == "$mux":
            ivs.append(r.port(c, "B"))
        else:
            return full
        known = [iv for iv in ivs if iv is not None]
        if not known:
            return None
        return (min(iv[0] for iv in known), max(iv[1] for iv in known))
    if signed:
        return full
    a = r.port(c, "A")
    b = r.port(c, "B") if "B" in c.conns else None
    if a is None or ("B" in c.conns and b is None):
        return None
    if t == "$pos":
        out = a
    elif t == "$add":
        out = (a[0] + b[0], a[1] + b[1])
    elif t == "$sub":
        out = (a[0] - b[1], a[1] - b[0]) if a[0] >= b[1] else full
    elif t == "$mul":
        out = (a[0] * b[0], a[1] * b[1])
    elif t in ("$mod", "$div"):
        cb = _const_bits(c.conns.get("B", []))
        if cb is None or cb == 0:
            return full
        out = (a if a[1] < cb else (0, cb - 1)) if t == "$mod" else (a[0] // cb, a[1] // cb)
    elif t == "$and":
        out = (0, min(a[1], b[1]))
    elif t in ("$or", "$xor", "$xnor"):
        out = (0, (1 << max(a[1], b[1]).bit_length()) - 1) if t != "$xnor" else full
    elif t in ("$shr", "$shl", "$sshr", "$sshl"):
        s = _const_bits(c.conns.get("B", []))
        if s is None:
            return full if t in ("$shl", "$sshl") else (0, a[1])
        out = (a[0] >> s, a[1] >> s) if t in ("$shr", "$sshr") else (a[0] << s, a[1] << s)
    else:
        return full
    if out[0] < 0 or out[1] > full[1]:
        return full
    return out


def ranges(nl, deadline: float | None = None) -> _Ranges:
    """The interval fixpoint of ``nl`` (flip-flops from their reset values)."""
    r = _Ranges(nl)
    ffs = [(i, c) for i, c in enumerate(nl.cells) if c.type in _FF]
    for i, c in ffs:
        w = r.width[(i, "Q")]
        for k in ("ARST_VALUE", "SRST_VALUE"):
            if k in c.params:
                v = _p(c, k)
                r.iv[(i, "Q")] = (v, v)
        if c.type in ("$dff", "$dffe", "$aldff", "$aldffe") and (i, "Q") in r.iv and r.iv[(i, "Q")] is None:
            r.iv[(i, "Q")] = None  # from the first D value (the reset is a mux in front of it)
        del w
    rounds = 0
    while True:
        rounds += 1
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError("range analysis")
        for i in nl.order:
            c = nl.cells[i]
            if c.type in _FF:
                continue
            for p, d in c.dirs.items():
                if d == "output":
                    r.iv[(i, p)] = _cell_iv(r, c) if p == "Y" else (0, (1 << r.width[(i, p)]) - 1)
        changed = False
        for i, c in ffs:
            key = (i, "Q")
            d = r.port(c, "D")
            cur = r.iv[key]
            if d is None:
                continue
            new = d if cur is None else (min(cur[0], d[0]), max(cur[1], d[1]))
            if rounds > WIDEN_AFTER and new != cur:
                new = (0, (1 << r.width[key]) - 1)
            if new != cur:
                r.iv[key] = new
                changed = True
        if not changed:
            # registers never given a value (no reset, D unknown): anything, and the cells read them again
            for i, _c in ffs:
                if r.iv[(i, "Q")] is None:
                    r.iv[(i, "Q")] = (0, (1 << r.width[(i, "Q")]) - 1)
                    changed = True
        if not changed or rounds > 2 * WIDEN_AFTER + 3:
            break
    for key, iv in r.iv.items():
        if iv is None:
            r.iv[key] = (0, (1 << r.width[key]) - 1)
    return r


def bounded_divisions(nl, deadline: float | None = None) -> list[tuple[str, str, int, int, int, int]]:
    """``[(src, kind "%" or "/", divisor, dividend width, result width, steps)]`` of the bounded cells."""
    r = ranges(nl, deadline)
    out = []
    for c in nl.cells:
        if c.type not in ("$mod", "$div") or _p(c, "A_SIGNED") or _p(c, "B_SIGNED"):
            continue
        cb = _const_bits(c.conns.get("B", []))
        if cb is None or cb < 3 or cb & (cb - 1) == 0:
            continue
        a = r.port(c, "A")
        if a is None:
            continue
        k = a[1] // cb
        if k > MAX_STEPS:
            continue
        out.append((c.src, "%" if c.type == "$mod" else "/", cb, len(c.conns.get("A", [])),
                    len(c.conns.get("Y", [])), k))
    return out


def _span(text: str, src: str, path: Path) -> tuple[int, int] | None:
    """Character span of a Yosys ``file:l1.c1-l2.c2`` source location in ``text``."""
    m = re.fullmatch(r"(.*):(\d+)\.(\d+)-(\d+)\.(\d+)", src.split("|")[0])
    if m is None or Path(m.group(1)).name != path.name:
        return None
    lines = text.split("\n")
    l1, c1, l2, c2 = (int(m.group(k)) for k in (2, 3, 4, 5))
    if l1 < 1 or l2 > len(lines):
        return None
    start = sum(len(x) + 1 for x in lines[:l1 - 1]) + c1 - 1
    end = sum(len(x) + 1 for x in lines[:l2 - 1]) + c2 - 1
    return (start, end) if 0 <= start < end <= len(text) else None


def _split_op(masked: str, op: str) -> int | None:
    """Position of the one depth-0 ``op`` of ``masked`` (the operator of the cell's expression)."""
    depth, hits = 0, []
    for i, ch in enumerate(masked):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == op and depth == 0 and not (op == "/" and (masked[i + 1:i + 2] in "/*" or masked[i - 1:i] == "*")):
            hits.append(i)
    return hits[-1] if hits else None


def function_text(name: str, kind: str, c: int, aw: int, yw: int, k: int, ind: str) -> str:
    # the result is below C (a remainder) or at most K (a quotient): only those bits (zero-extended where
    # it is read, as the remainder's value is; synthesis then sees the upper bits are 0)
    yw = min(yw, max(1, (c - 1).bit_length() if kind == "%" else k.bit_length()))
    lines = [f"{ind}function [{yw - 1}:0] {name};", f"{ind}    input [{aw - 1}:0] a;"]
    if kind == "%":
        lines += [f"{ind}    reg [{aw - 1}:0] t;", f"{ind}    begin", f"{ind}        t = a;"]
        for _ in range(k):
            lines.append(f"{ind}        if (t >= {aw}'d{c}) t = t - {aw}'d{c};")
        lines += [f"{ind}        {name} = t[{yw - 1}:0];"]
    else:
        terms = " + ".join(f"(a >= {aw}'d{c * j})" for j in range(1, k + 1)) if k else "1'b0"
        lines += [f"{ind}    begin", f"{ind}        {name} = {terms};"]
    lines += [f"{ind}    end", f"{ind}endfunction"]
    return "\n".join(lines) + "\n"


def rewrite(text: str, path: Path, found) -> str | None:
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.semantic.modacc import _strip_parens
    from rtlopt.semantic.thrcount import _mask

    mk = _mask(text)
    edits = []
    funcs: dict[int, dict[str, str]] = {}  # module start -> {name: function text}
    mods = [(m.group(1), module_span(text, m.group(1))) for m in re.finditer(r"\bmodule\s+([A-Za-z_][\w$]*)", mk)]
    seen = set()
    for src, kind, c, aw, yw, k in found:
        sp = _span(text, src, path)
        if sp is None or sp in seen:
            continue
        seen.add(sp)
        s, e = sp
        at = _split_op(mk[s:e], kind)
        if at is None:
            continue
        left = text[s:s + at].strip()
        if _mask(left).startswith("(") and _strip_parens(_mask(left)) == _mask(left)[1:-1].strip():
            left = left[1:-1].strip()  # the call's own parentheses enclose it
        if not left:
            continue
        mod = next(((n, ms) for n, ms in mods if ms and ms[0] <= s < ms[1]), None)
        if mod is None:
            continue
        name = f"rtlopt_{'mod' if kind == '%' else 'div'}{c}_w{aw}_s{k}"
        while re.search(rf"(?<![\w$]){name}(?![\w$])", mk):
            name += "_"
        funcs.setdefault(mod[1][0], {})[name] = function_text(name, kind, c, aw, yw, k, "    ")
        edits.append((s, e, f"{name}({left})"))
    if not edits:
        return None
    new = text
    inserts = []
    for ms, fs in funcs.items():
        hdr = re.search(r"\)\s*;", mk[ms:])
        if hdr is None:
            return None
        nl_at = text.find("\n", ms + hdr.end())
        inserts.append((nl_at + 1, nl_at + 1, "".join(fs.values())))
    for s, e, t in sorted(edits + inserts, key=lambda x: (x[0], x[1]), reverse=True):
        new = new[:s] + t + new[e:]
    return new


def elaborate_top(texts: dict, top: str, deadline: float):
    """The flattened netlist of ``top`` from the texts (written to a temporary directory), or None."""
    from rtlopt.semantic.netlist import elaborate_modules

    with tempfile.TemporaryDirectory(prefix="rtlopt-elab-") as td:
        files = []
        for p, t in texts.items():
            f = Path(td) / Path(p).name
            f.write_text(t, encoding="utf-8")
            files.append(f)
        nls = elaborate_modules(files, [top], timeout=max(5.0, deadline - time.monotonic()), top=top,
                                include_dirs=sorted({Path(p).resolve().parent for p in texts}))
    return nls.get(top)


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S, params: dict | None = None) -> list:
    from rtlopt.semantic.thrcount import _mask

    deadline = time.monotonic() + budget_s
    if not any(re.search(r"[%/]", re.sub(r"//[^\n]*|/\*.*?\*/", "", _mask(t), flags=re.S)) for t in texts.values()):
        return []
    nl = elaborate_top(texts, top, deadline)
    if nl is None:
        return []
    found = bounded_divisions(nl, deadline)
    if not found:
        return []
    out = []
    for p, t in texts.items():
        mine = [f for f in found if Path(f[0].split(":")[0]).name == Path(p).name]
        if not mine:
            continue
        new = rewrite(t, Path(p), mine)
        if new and new != t:
            ks = sorted({(kind, c, k) for _s, kind, c, _a, _y, k in mine})
            out.append((p, new, "; ".join(f"'{kind} {c}' of an operand below {k + 1} * {c}: {k} compare-subtract"
                                          + ("" if k == 1 else "s") for kind, c, k in ks)))
    return out


def modbound_candidates(state) -> list:
    from rtlopt.engine.candidate import one_file_candidates

    if not any("%" in t or "/" in t for t in state.texts.values()):
        return []
    left = (getattr(state, "deadline", None) or float("inf")) - time.monotonic()
    try:
        got = [({**state.texts, p: new}, desc)
               for p, new, desc in rewrites(dict(state.texts), state.design.top, max(2.0, min(BUDGET_S, left)))]
    except Exception:  # noqa: BLE001 - an analysis failure means no candidates
        return []
    out = one_file_candidates(state.texts, got, RULE, "bounded division", None)
    for c in out:
        c.hints["engines"] = PROOF_ENGINES
    return out


__all__ = ["bounded_divisions", "elaborate_top", "function_text", "modbound_candidates", "ranges", "rewrite", "rewrites"]
