"""A (state, timer) machine whose reachable states from reset form one path kept as ONE counter.

A sequencer that walks fixed phases of fixed durations (a state register plus a timer restarted on
every transition, registered phase outputs beside them) visits its states in one order: from the
reset state, every reachable state has one successor, except the reset state itself (it may wait for
a start condition) and a return to the reset state under some input condition (a synchronous reset,
an abort) that is the same in every state. Then the whole module is one counter ``c`` of
``ceil(log2(L))`` bits over the ``L`` positions of that path::

    if (Z) c <= 0; else if (c == L-1) c <= 0; else if (c != 0 || A) c <= c + 1;

and every output (a function of the flip-flops only) is a union of ranges of ``c``.

Found by value, names and spelling never matter: each module with clocked logic is elaborated on its
own (at the parameter values all its instances share), its gate netlist explored explicitly from the
reset state over every input combination (at most :data:`MAX_IN_BITS` input bits,
:data:`MAX_STATES` states). ``Z`` and ``A`` are the truth tables of the input combinations seen.
The module body is replaced (its ports and parameter declarations stay). Nothing is trusted: the
search loop proves the whole design from reset and measures it.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

RULE = "fsm_sequence_counter"
MAX_IN_BITS = 6
MAX_STATES = 4096
BUDGET_S = 20.0
_ID = r"[A-Za-z_][\w$]*"


def _ev(t: str, v: list, full: int) -> int:
    from rtlopt.semantic.seqsim import _eval
    return _eval(t, v) & full


def _step(net, state: tuple, lanes: dict, full: int) -> dict:
    val = {0: 0, 1: full}
    val.update(lanes)
    for f, b in zip(net.flops, state, strict=True):
        val[f.q] = full if b else 0
    for t, o, ins in net.gates:
        val[o] = _ev(t, [val.get(i, 0) for i in ins], full)
    return val


def analyse(net) -> dict | None:
    """The path of ``net``'s reachable states (None when it is not one)."""
    from rtlopt.semantic.seqsim import ternary_reset_state

    if net.clock is None or not net.flops or any(f.rst is not None for f in net.flops):
        return None
    ins = [(p, i, s) for p, bits in net.inputs.items() if p != net.clock for i, s in enumerate(bits)]
    k = len(ins)
    if k > MAX_IN_BITS:
        return None
    n = 1 << k
    full = (1 << n) - 1
    lanes = {s: sum(1 << m for m in range(n) if m >> j & 1) for j, (_p, _i, s) in enumerate(ins)}
    r0 = ternary_reset_state(net)
    if any(b is None for b in r0):
        return None
    r0 = tuple(r0)

    def succ1(st, fill):
        val = _step(net, st, {**lanes, **{s: fill for s in net.free}}, full)
        nxt = [tuple((val.get(f.d, 0) >> m) & 1 for f in net.flops) for m in range(n)]
        outs = {p: [val.get(s, 0) for s in bits] for p, bits in net.outputs.items()}
        return nxt, outs

    def succ(st):
        # x (free values: a unique case's no-match arm) must not matter in a reachable state
        a = succ1(st, 0)
        return a if a == succ1(st, full) else (None, None)

    path, outs_at, zero = [r0], [], None
    adv = None
    seen = {r0}
    while True:
        cur = path[-1]
        nxt, outs = succ(cur)
        if nxt is None:
            return None
        row = {}
        for p, vs in outs.items():
            if any(v not in (0, full) for v in vs):
                return None  # an output reads an input
            row[p] = sum(1 << i for i, v in enumerate(vs) if v)
        outs_at.append(row)
        if len(path) == 1:
            others = {x for x in nxt if x != r0}
            if len(others) != 1:
                return None
            adv = {m for m in range(n) if nxt[m] != r0}
            p1 = others.pop()
            path.append(p1)
            seen.add(p1)
            continue
        back = {m for m in range(n) if nxt[m] == r0}
        fwd = {x for x in nxt if x != r0}
        if zero is None:
            zero = back if fwd else None
        if not fwd:  # the last position: every input returns to the reset state
            break
        if back != zero or len(fwd) != 1:
            return None
        p = fwd.pop()
        if p in seen or len(path) >= MAX_STATES:
            return None
        path.append(p)
        seen.add(p)
    zero = zero or set()
    if adv & zero:
        return None  # the reset state must wait under the return condition
    return {"inputs": [(p, i) for p, i, _s in ins], "n": n, "path": path, "outs": outs_at,
            "zero": zero, "adv": adv, "widths": {p: len(b) for p, b in net.outputs.items()},
            "flops": len(net.flops)}


def _cond(an: dict, ones: set, care: set) -> str:
    from rtlopt.semantic.reglockstep import _shannon

    names = [f"{p}[{i}]" if an["in_widths"][p] > 1 else p for p, i in an["inputs"]]
    e, _ = _shannon(len(names), {m: int(m in ones) for m in care}, names)
    return e


def _ranges(pos: list[int], last: int, c: str, cw: int) -> str:
    if not pos:
        return "1'b0"
    runs, a = [], pos[0]
    for x, y in zip(pos, pos[1:] + [None], strict=True):
        if y != x + 1:
            runs.append((a, x))
            a = y
    terms = []
    for lo, hi in runs:
        lo_s, hi_s = f"{cw}'d{lo}", f"{cw}'d{hi}"
        if lo == 0 and hi == last:
            return "1'b1"
        if lo == hi:
            terms.append(f"({c} == {lo_s})")
        elif lo == 0:
            terms.append(f"({c} <= {hi_s})")
        elif hi == last:
            terms.append(f"({c} >= {lo_s})")
        else:
            terms.append(f"({c} >= {lo_s} && {c} <= {hi_s})")
    return " || ".join(terms)


def _close_paren(s: str, i: int) -> int:
    depth = 0
    for j in range(i, len(s)):
        depth += s[j] == "("
        depth -= s[j] == ")"
        if s[j] == ")" and depth == 0:
            return j + 1
    return -1


def emit(text: str, module: str, an: dict, clock: str) -> str | None:
    """``text`` with ``module``'s body replaced by the counter and the range decodes (None when the
    module is not an ANSI-header module this can rewrite)."""
    from rtlopt.semantic.reencode import _strip

    clean = _strip(text)
    m = re.search(rf"\bmodule\s+{re.escape(module)}\b", clean)
    if m is None:
        return None
    end = clean.find("endmodule", m.end())
    i = m.end()
    while clean[i].isspace():
        i += 1
    if clean[i] == "#":
        j = clean.index("(", i)
        i = _close_paren(clean, j)
        while clean[i].isspace():
            i += 1
    if clean[i] != "(":
        return None
    i = _close_paren(clean, i)
    semi = clean.find(";", i)
    if i < 0 or semi < 0 or clean[i:semi].strip() or end < 0:
        return None
    body = clean[semi + 1:end]
    if re.search(r"\b(input|output|inout)\b", body):
        return None  # non-ANSI ports
    keep = [text[semi + 1 + x.start():semi + 1 + x.end()]
            for x in re.finditer(r"^[ \t]*parameter\b[^;]*;", body, flags=re.M)]
    path = an["path"]
    last = len(path) - 1
    cw = max(1, last.bit_length())
    c = "seqc__"
    while re.search(rf"\b{c}\b", clean):
        c += "_"
    n = an["n"]
    allm = set(range(n))
    regs, kind = {}, False
    for seg in clean[m.end():semi].split(","):
        d = re.search(r"\b(input|output|inout)\b(.*)", seg, flags=re.S)
        if d:
            kind = d.group(1) == "output" and re.search(r"\breg\b", d.group(2)) is not None
        nm = re.findall(_ID, re.sub(r"\[[^\]]*\]", " ", seg))
        if nm:
            regs[nm[-1]] = kind
    lines = [f"    // one counter along the {len(path)} states reachable from reset (rtlopt: {RULE})",
             f"    reg [{cw - 1}:0] {c};"]
    upd = []
    if an["zero"]:
        upd.append(f"if ({_cond(an, an['zero'], allm)}) {c} <= {cw}'d0;")
    upd.append(f"if ({c} == {cw}'d{last}) {c} <= {cw}'d0;")
    adv = _cond(an, an["adv"], allm - an["zero"])
    upd.append(f"{c} <= {c} + {cw}'d1;" if adv == "1'b1"
                else f"if ({c} != {cw}'d0 || {adv}) {c} <= {c} + {cw}'d1;")
    lines.append(f"    always @(posedge {clock})")
    lines.append("        " + "\n        else ".join(upd))
    for p, w in an["widths"].items():
        bits = []
        for b in range(w):
            pos = [k for k, row in enumerate(an["outs"]) if row[p] >> b & 1]
            bits.append(_ranges(pos, last, c, cw))
        rhs = bits[0] if w == 1 else "{" + ", ".join(f"({e})" for e in reversed(bits)) + "}"
        is_reg = regs.get(p, False)
        lines.append(f"    always @* {p} = {rhs};" if is_reg else f"    assign {p} = {rhs};")
    new_body = "\n" + "".join(k + "\n" for k in keep) + "\n".join(lines) + "\n"
    return text[:semi + 1] + new_body + text[end:]


def _pinned(text: str, module: str, vals: dict) -> str:
    """``text`` with ``module``'s parameter defaults set to ``vals``."""
    for k, v in vals.items():
        text = re.sub(rf"(\bparameter\b[^;]*?\b{re.escape(k)}\s*=\s*)[^,;)]+", rf"\g<1>{v} ", text, count=1)
    return text


def rewrites(texts: dict, budget_s: float = BUDGET_S, params: dict | None = None) -> list[tuple[Path, str, str]]:
    from rtlopt.semantic import seqsim

    deadline = time.monotonic() + budget_s
    out = []
    for path, text in texts.items():
        if not re.search(r"\b(posedge|negedge)\b", text):
            continue
        for mm in re.finditer(rf"\bmodule\s+({_ID})", text):
            if time.monotonic() > deadline:
                return out
            mod = mm.group(1)
            body = text[mm.end():text.find("endmodule", mm.end())]
            if not re.search(r"\b(posedge|negedge)\b", body):
                continue
            vals = (params or {}).get(mod) or {}
            if any(v is None for v in vals.values()):
                continue
            src = {p: (_pinned(t, mod, vals) if p == path else t) for p, t in texts.items()}
            try:
                net = seqsim.load_texts(src, mod, timeout=max(2.0, deadline - time.monotonic()))
                an = analyse(net)
            except Exception:  # noqa: BLE001 - not modelled: no candidate
                continue
            if an is None:
                continue
            cw = max(1, (len(an["path"]) - 1).bit_length())
            if cw >= an["flops"]:
                continue
            an["in_widths"] = {p: len(b) for p, b in net.inputs.items()}
            new = emit(text, mod, an, net.clock)
            if new is not None:
                out.append((path, new, f"'{mod}': {an['flops']} flip-flops walk one path of {len(an['path'])} "
                                       f"states from reset: one {cw}-bit counter, outputs decoded as ranges"))
    return out


def seqcounter_candidates(state) -> list:
    """Search-loop generator."""
    from rtlopt.engine.candidate import budgeted_candidates

    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "sequence counter", "seqcounter",
                               instance_params=True)
