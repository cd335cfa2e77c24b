"""State encodings and RTL regeneration of an extracted (and possibly minimized) FSM.

The new machine is written as clean two-process Verilog-2001 (a state register with the original
clock and reset, and one ``always @(*)`` block for the next state and the outputs) and spliced into
the original file in place of the blocks that implemented the old machine, with
:func:`rtlopt.hdl.edit.apply_edits`: everything else in the file survives byte for byte.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import z3

from rtlopt.errors import UnsupportedConstruct
from rtlopt.fsm._symbolic import z3_vars
from rtlopt.fsm._verilog import NotPrintable, const_text, expr_text, guard_text
from rtlopt.fsm.model import Fsm, Transition
from rtlopt.hdl.edit import Edit, apply_edits

ENCODINGS = ("binary", "gray", "onehot", "johnson", "output")

#: Attribute on the regenerated state register so that synthesis keeps the encoding chosen by
#: measurement instead of re-encoding the machine itself (Yosys ``fsm_recode``; Vivado reads the
#: same attribute name).
KEEP_ENCODING_ATTR = '(* fsm_encoding = "none" *) '


class MergedStatesRead(UnsupportedConstruct):
    """The old state register is read outside the machine, and minimization merged states whose old
    codes differ: regenerate without merging."""


@dataclass
class Regenerated:
    """New file text plus what the verifier needs."""

    text: str
    encoding: str
    codes: dict[str, int]
    width: int
    state_reg: str
    state_map: dict


def state_order(fsm: Fsm) -> list[str]:
    """Reset first, then breadth-first order (so consecutive codes follow common transitions)."""
    order = [fsm.reset] if fsm.reset else []
    i = 0
    adj: dict[str, list[str]] = {}
    for t in fsm.transitions:
        if t.dst is not None and t.dst not in adj.setdefault(t.src, []):
            adj[t.src].append(t.dst)
    while i < len(order):
        for d in adj.get(order[i], []):
            if d not in order:
                order.append(d)
        i += 1
    order += [s for s in fsm.states if s not in order]
    return order


def candidate_orders(fsm: Fsm, original: Fsm | None = None) -> list[tuple[str, list[str]]]:
    """Distinct state numberings worth measuring for the dense (binary/gray) encodings: (name, order).

    - ``bfs``: :func:`state_order` (reset first, breadth-first);
    - ``declared``: the order the extracted machine lists its states;
    - ``code``: by the original state codes (a one-hot machine: its bit order);
    - ``adjacent``: a greedy placement that gives states joined by many transitions codes one bit
      apart is :func:`adjacent_codes` (explicit codes, not an order).
    Which one synthesizes smallest depends on the next-state and output logic, so each is measured.
    Orders equal to an earlier one are dropped.
    """
    out: list[tuple[str, list[str]]] = [("bfs", state_order(fsm))]
    out.append(("declared", list(fsm.states)))
    src = original if original is not None and original.codes else fsm
    codes = src.codes
    if codes and all(s in codes for s in fsm.states):
        out.append(("code", sorted(fsm.states, key=lambda s: (codes[s], fsm.states.index(s)))))
    seen: set[tuple[str, ...]] = set()
    uniq = []
    for name, order in out:
        if tuple(order) not in seen and sorted(order) == sorted(fsm.states):
            seen.add(tuple(order))
            uniq.append((name, order))
    return uniq


def adjacent_codes(fsm: Fsm) -> dict[str, int] | None:
    """Dense codes by a greedy placement (reset gets 0): each state (most connected to the placed ones
    first) takes the free code with the least sum of weight x Hamming distance to its placed
    neighbours; weight = number of transitions between the two states (self-loops ignored)."""
    states = list(fsm.states)
    n = len(states)
    if n < 3 or n > 256:
        return None
    w = max(1, math.ceil(math.log2(n)))
    weight: dict[tuple[str, str], int] = {}
    for t in fsm.transitions:
        if t.dst is None or t.dst == t.src or t.dst not in states or t.src not in states:
            continue
        k = (t.src, t.dst) if states.index(t.src) < states.index(t.dst) else (t.dst, t.src)
        weight[k] = weight.get(k, 0) + 1

    def wt(a: str, b: str) -> int:
        return weight.get((a, b), 0) + weight.get((b, a), 0)

    start = fsm.reset if fsm.reset in states else states[0]
    code: dict[str, int] = {start: 0}
    free = set(range(1 << w)) - {0}
    while len(code) < n:
        rest = [s for s in states if s not in code]
        s = max(rest, key=lambda x: (sum(wt(x, p) for p in code), -states.index(x)))
        best = min(free, key=lambda c: (sum(wt(s, p) * bin(c ^ code[p]).count("1") for p in code), c))
        code[s] = best
        free.discard(best)
    return code


def moore_bits(fsm: Fsm, registered: frozenset[str] | set[str] = frozenset()) -> dict[str, dict[str, int]]:
    """Outputs whose every bit is a constant of the state (don't-care bits as 0): output -> state -> value.

    Outputs in ``registered`` (their value is the next cycle's) are never Moore bits of the state.
    """
    out: dict[str, dict[str, int]] = {}
    for o, w in fsm.outputs.items():
        if o in registered:
            continue
        per: dict[str, int] = {}
        ok = True
        for s in fsm.states:
            val: int | None = None
            spec = 0
            for t in fsm.out_of(s):
                e, dc = t.outputs.get(o, (None, (1 << w) - 1))
                care = ((1 << w) - 1) & ~dc
                if e is None or care == 0:
                    continue
                c = _const_under(e, t.guard)
                if not z3.is_bv_value(c):
                    ok = False
                    break
                v = c.as_long() & care
                if val is not None and (val & care & spec) != (v & spec & care):
                    ok = False
                    break
                val = (val or 0) & ~care | v
                spec |= care
            if not ok:
                break
            per[s] = val or 0
        if ok and per and len(set(per.values())) > 1:
            out[o] = per
    return out


def output_encoding(fsm: Fsm, registered: frozenset[str] | set[str] = frozenset(),
                    ) -> tuple[dict[str, int], int, dict[str, int]] | None:
    """Codes whose low bits ARE the Moore outputs (so each such output is a slice of the state register).

    Returns (codes, width, output -> lowest state bit of that output) or None when the machine has no
    Moore output or the code would be wider than one-hot. States sharing an output vector are told
    apart by extra high bits (their index within the group, in breadth-first order).
    """
    mb = moore_bits(fsm, registered)
    if not mb:
        return None
    order = state_order(fsm)
    pos: dict[str, int] = {}
    w_out = 0
    for o in sorted(mb, key=lambda o: list(fsm.outputs).index(o)):
        pos[o] = w_out
        w_out += fsm.outputs[o]
    vec = {s: sum(mb[o][s] << pos[o] for o in mb) for s in order}
    groups: dict[int, list[str]] = {}
    for s in order:
        groups.setdefault(vec[s], []).append(s)
    extra = max(len(g) for g in groups.values())
    xb = math.ceil(math.log2(extra)) if extra > 1 else 0
    w = w_out + xb
    if w > len(order) or w == 0:
        return None
    codes = {}
    for v, g in groups.items():
        for i, s in enumerate(g):
            codes[s] = v | ((i ^ (i >> 1)) << w_out)
    return codes, w, pos


def code_slice_outputs(fsm: Fsm, codes: dict[str, int], w: int,
                       registered: frozenset[str] | set[str] = frozenset()) -> dict[str, int]:
    """Multi-bit Moore outputs that equal a slice of the state code in every state: output -> lowest bit.

    Whatever the encoding, a binary count whose codes happen to be the output (a thermometer or
    one-hot level re-encoded in order) is then written as ``o = q[hi:lo]`` instead of a constant
    per case arm, which synthesis does not see through (thermometer FIFO level: 262.8 -> 237.7 um^2).
    One-bit flags keep their per-arm constants (synthesis shares them with the next-state logic;
    as a code bit they measured worse with some state numberings). (Don't-care bits of an output are free, and are 0 in :func:`moore_bits`: an exact
    match on them is only stricter.)"""
    out: dict[str, int] = {}
    for o, per in moore_bits(fsm, registered).items():
        ow = fsm.outputs[o]
        if ow < 2 or ow > w or any(s not in codes for s in per):
            continue
        mask = (1 << ow) - 1
        for lo in range(w - ow + 1):
            if all((codes[s] >> lo) & mask == v for s, v in per.items()):
                out[o] = lo
                break
    return out


def encode(fsm: Fsm, encoding: str, order: list[str] | None = None) -> tuple[dict[str, int], int]:
    """Codes and register width for ``encoding`` (binary, gray, onehot, johnson, output).

    ``order`` (a permutation of the states) numbers the states for binary/gray/onehot/johnson
    instead of :func:`state_order`; see :func:`candidate_orders`.
    """
    if order is not None and sorted(order) != sorted(fsm.states):
        raise ValueError(f"{fsm.name}: the state order is not a permutation of the states")
    order = list(order) if order is not None else state_order(fsm)
    n = len(order)
    if encoding == "output":
        oe = output_encoding(fsm, set(fsm.source.registered_outputs) if fsm.source else set())
        if oe is None:
            raise UnsupportedConstruct(f"{fsm.name}: no Moore output to encode the state with")
        return oe[0], oe[1]
    if encoding == "binary":
        w = max(1, math.ceil(math.log2(n)))
        return {s: i for i, s in enumerate(order)}, w
    if encoding == "gray":
        w = max(1, math.ceil(math.log2(n)))
        return {s: i ^ (i >> 1) for i, s in enumerate(order)}, w
    if encoding == "onehot":
        return {s: 1 << i for i, s in enumerate(order)}, n
    if encoding == "johnson":
        w = max(1, math.ceil(n / 2))
        codes = {}
        for i, s in enumerate(order):
            # Johnson counter sequence: 000, 001, 011, 111, 110, 100
            codes[s] = ((1 << i) - 1) if i <= w else (((1 << w) - 1) << (i - w)) & ((1 << w) - 1)
        return codes, w
    raise ValueError(f"unknown encoding {encoding!r}; choose from {', '.join(ENCODINGS)}")


def _fresh(base: str, taken: set[str]) -> str:
    name, i = base, 2
    while name in taken:
        name = f"{base}_{i}"
        i += 1
    taken.add(name)
    return name


def _ident(s: str) -> str:
    out = "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in s)
    return out if out and not out[0].isdigit() else f"S_{out}"


def common_priority(fsm: Fsm, skip: set[str] = frozenset()) -> tuple[z3.BoolRef, str, dict[str, str]] | None:
    """A 1-bit input value that takes every state to one next state with the same outputs (an emergency
    stop, a soft reset, a flush): (its literal, that state, each output's text under it), else None. The
    machine's transitions are those of the states it has; an output that is a don't-care under the
    literal, a don't-care next state, or an output that depends on the state under it does not qualify."""
    bits = {v.decl().name(): v for t in fsm.transitions for v in z3_vars(t.guard) if v.size() == 1}
    for name in sorted(bits):
        if fsm.inputs.get(name) != 1:
            continue
        for val in (1, 0):
            lit = bits[name] == z3.BitVecVal(val, 1)
            got = _priority_under(fsm, lit, skip)
            if got is not None:
                return (lit, *got)
    return None


def _priority_under(fsm: Fsm, lit: z3.BoolRef, skip: set[str]) -> tuple[str, dict[str, str]] | None:
    dst: str | None = None
    outs: dict[str, str] | None = None
    for s in fsm.states:
        hit = False
        for t in fsm.transitions:
            if t.src != s:
                continue
            g = z3.And(t.guard, lit)
            sv = z3.Solver()
            sv.add(g)
            if sv.check() != z3.sat:
                continue
            hit = True
            if t.dst is None or (dst is not None and t.dst != dst):
                return None
            dst = t.dst
            here: dict[str, str] = {}
            for o in fsm.outputs:
                if o in skip:
                    continue
                e, dc = t.outputs.get(o, (None, -1))
                if e is None or dc != 0:
                    return None
                c = _const_under(e, g)
                if not z3.is_bv_value(c):
                    return None
                here[o] = _etext(c)
            if outs is not None:
                # an output that differs between states under the literal stays in the arms when it does
                # not read the literal's input (a Moore output of the state): the override comes after the case
                for o in [o for o in here if o in outs and here[o] != outs[o]]:
                    if not _reads_not(fsm, o, lit):
                        return None
                    del outs[o]
                here = {o: v for o, v in here.items() if o in outs}
            outs = here
        if not hit:
            return None  # the literal is not possible (or not decisive) in this state
    if dst is None or outs is None:
        return None
    return dst, outs


def _reads_not(fsm: Fsm, o: str, lit: z3.BoolRef) -> bool:
    """Whether output ``o`` never depends on the literal's input, in any transition."""
    var = lit.arg(0) if not z3.is_bv_value(lit.arg(0)) else lit.arg(1)
    for t in fsm.transitions:
        e = t.outputs.get(o, (None, -1))[0]
        if e is None:
            return False
        a = z3.simplify(z3.substitute(e, (var, z3.BitVecVal(0, 1))))
        b = z3.simplify(z3.substitute(e, (var, z3.BitVecVal(1, 1))))
        if not a.eq(b):
            return False
    return True


def _restricted(fsm: Fsm, lit: z3.BoolRef) -> Fsm:
    """``fsm`` where the 1-bit input of ``lit`` (``x == v``) has its other value: substituted into every
    guard and output (transitions that cannot fire any more dropped)."""
    import dataclasses

    var, val = (lit.arg(0), lit.arg(1)) if z3.is_bv_value(lit.arg(1)) else (lit.arg(1), lit.arg(0))
    sub = (var, z3.BitVecVal(1 - val.as_long(), 1))
    keep = []
    for t in fsm.transitions:
        g = z3.simplify(z3.substitute(t.guard, sub))
        if z3.is_false(g):
            continue
        outs = {o: (z3.simplify(z3.substitute(e, sub)), dc) for o, (e, dc) in t.outputs.items()}
        keep.append(dataclasses.replace(t, guard=g, outputs=outs))
    return dataclasses.replace(fsm, transitions=keep)


def _const_under(e: z3.ExprRef, guard: z3.BoolRef) -> z3.ExprRef:
    """``e`` as a constant when it is constant wherever ``guard`` holds."""
    e = z3.simplify(e)
    if z3.is_bv_value(e):
        return e
    s = z3.Solver()
    s.add(guard)
    if s.check() != z3.sat:
        return e
    v = s.model().eval(e, model_completion=True)
    s.add(e != v)
    return v if s.check() == z3.unsat else e


def regenerate(fsm: Fsm, encoding: str, *, original: Fsm | None = None,
               state_map: dict[str, str] | None = None, label: str = "",
               order: list[str] | None = None, codes: dict[str, int] | None = None,
               explicit_hold: bool = False, hoist: bool = False) -> Regenerated:
    """RTL for ``fsm`` with ``encoding``, spliced into the source of ``original`` (default ``fsm``).

    Args:
        fsm: the machine to emit (minimized or not); its ``source`` gives ports, clock and reset.
        encoding: one of :data:`ENCODINGS`.
        original: the extracted machine whose code is replaced (for the verifier's state map).
        state_map: original state -> state of ``fsm`` (identity when None).
        label: a comment describing the transformation.
        order: the states in code order (default :func:`state_order`); not used by ``output``.
        codes: explicit dense codes (state -> code) for a ``binary`` regeneration (overrides order).
        explicit_hold: write a transition back to the same state as ``d = <that state>`` (a constant)
            instead of leaving the default ``d = q``; synthesis often does better with constants.
        hoist: a common priority condition (:func:`common_priority`: an input that, in every state, leads
            to one next state with the same outputs, such as an emergency stop) is written once as an outer
            ``if`` over the ``case``, which sees the machine with that input at its other value.

    Raises:
        UnsupportedConstruct: the machine cannot be regenerated (reason in the message).
    """
    original = original or fsm
    src = fsm.source if fsm.source is not None else original.source
    if src is None:
        raise UnsupportedConstruct(f"{fsm.name}: no source to regenerate into")
    if src.regen_blockers:
        raise UnsupportedConstruct(f"{fsm.name}: cannot regenerate: {'; '.join(src.regen_blockers)}")
    if fsm.reset is None or src.reset is None:
        raise UnsupportedConstruct(f"{fsm.name}: cannot regenerate a machine without reset")
    if encoding == "output":
        oe = output_encoding(fsm, set(src.registered_outputs))
        if oe is None:
            raise UnsupportedConstruct(f"{fsm.name}: no Moore output to encode the state with")
        codes, w, out_pos = oe
    else:
        if codes is not None and encoding == "binary":
            if sorted(codes) != sorted(fsm.states) or len(set(codes.values())) != len(codes):
                raise ValueError(f"{fsm.name}: explicit codes must give every state a distinct code")
            codes = dict(codes)
            w = max(1, max(codes.values()).bit_length())
        else:
            codes, w = encode(fsm, encoding, order)
        out_pos = code_slice_outputs(fsm, codes, w, set(src.registered_outputs))
    # (outputs that are slices of the state code are not written in the arms: they need not agree)
    prio = common_priority(fsm, skip=set(out_pos)) if hoist else None
    if hoist and prio is None:
        raise UnsupportedConstruct(f"{fsm.name}: no common priority condition to hoist")
    taken = set(src.taken_names)
    reg = original.state_reg or "state"
    q = _fresh(f"{reg}_q" if not reg.endswith("_q") else f"{reg}_r", taken)
    d = _fresh(f"{reg}_d" if not reg.endswith("_d") else f"{reg}_nx", taken)
    pname = {s: _fresh(f"{reg.upper()}_{_ident(s).upper()}", taken) for s in fsm.states}
    onehot = encoding == "onehot"
    outs = fsm.outputs
    net_tmp = {o: _fresh(f"{o}_c", taken) for o in outs
               if not src.output_is_variable.get(o, True) and o not in src.registered_outputs}
    reg_nx = {o: _fresh(f"{o}_nx", taken) for o in src.registered_outputs}

    def target(o: str) -> str:
        return reg_nx.get(o) or net_tmp.get(o) or o

    stmt_spans = [sp for sp in src.blocks if sp not in src.inline_spans]
    host = stmt_spans[-1]  # the state register's own block is always a statement
    ind = _indent(src.text, host[0])
    unit = ind if ind in ("  ", "   ", "    ", "\t") else "    "
    i1, i2, i3, i4 = ind, ind + unit, ind + unit * 2, ind + unit * 3
    lines: list[str] = []
    lines.append(f"// rtlopt fsm: {label or fsm.name} ({encoding} encoding, {len(fsm.states)} states)")
    ties = (original.source.ties if original.source is not None else {}) or src.ties
    if ties:  # extracted with these inputs at the constants every instance ties them to
        lines.append(f"{i1}// rtlopt fsm: for " + ", ".join(f"{p} = {t}" for p, t in ties.items())
                     + f" (tied by every instance of {src.module} in this design)")
    rng = f"[{w - 1}:0] " if w > 1 else ""
    head = f"localparam {rng}"
    plist = (",\n" + i1 + " " * len(head)).join(f"{pname[s]} = {const_text(codes[s], w)}" for s in fsm.states)
    lines.append(f"{i1}{head}{plist};")
    lines.append(f"{i1}{KEEP_ENCODING_ATTR}reg {rng}{q};")
    lines.append(f"{i1}reg {rng}{d};")
    for o, t in {**net_tmp, **reg_nx}.items():
        ow = outs[o]
        rng_o = f"[{ow - 1}:0] " if ow > 1 else ""
        lines.append(f"{i1}reg {rng_o}{t};")
    clk_edge, clk = src.clock
    rst, hi, is_async = src.reset
    sens = f"{clk_edge} {clk}" + (f" or {'posedge' if hi else 'negedge'} {rst}" if is_async else "")
    cond = rst if hi else f"!{rst}"
    lines.append(f"{i1}always @({sens}) begin")
    lines.append(f"{i2}if ({cond}) begin")
    lines.append(f"{i3}{q} <= {pname[fsm.reset]};")
    for o, v in src.registered_outputs.items():
        if v is not None:
            lines.append(f"{i3}{o} <= {const_text(v, outs[o])};")
    lines.append(f"{i2}end else begin")
    lines.append(f"{i3}{q} <= {d};")
    for o, v in src.registered_outputs.items():
        if v is not None:
            lines.append(f"{i3}{o} <= {reg_nx[o]};")
    lines.append(f"{i2}end")
    for o, v in src.registered_outputs.items():
        if v is None:  # not reset in the original either
            lines.append(f"{i2}{o} <= {reg_nx[o]};")
    lines.append(f"{i1}end")
    lines.append(f"{i1}always @(*) begin")
    lines.append(f"{i2}{d} = {const_text(0, w) if onehot else q};")
    for o in outs:
        if o in out_pos:
            lo = out_pos[o]
            hi = lo + outs[o] - 1
            sl = q if w == 1 else (f"{q}[{lo}]" if hi == lo else f"{q}[{hi}:{lo}]")
            lines.append(f"{i2}{target(o)} = {sl};")
        else:
            lines.append(f"{i2}{target(o)} = {const_text(0, outs[o])};")
    arm_fsm = fsm
    case_at = len(lines)
    late: list[str] = []  # the override after the case (outputs that stay in the arms: see common_priority)
    if prio is not None:
        lit, dst, pouts = prio
        keep_arms = [o for o in outs if o not in out_pos and o not in pouts]
        head = [f"{i2}if ({guard_text(lit, fsm.inputs)}) begin", f"{i3}{d} = {pname[dst]};"]
        for o, txt in pouts.items():
            if o not in out_pos and (keep_arms or txt != const_text(0, outs[o])):
                head.append(f"{i3}{target(o)} = {txt};")
        arm_fsm = _restricted(fsm, lit)
        if keep_arms:
            late = head + [f"{i2}end"]
            prio = None  # (no else branch)
        else:
            lines.extend(head)
            lines.append(f"{i2}end else begin")
            case_at = len(lines)
    if onehot:
        lines.append(f"{i2}(* parallel_case *)")
        lines.append(f"{i2}case (1'b1)")
    else:
        lines.append(f"{i2}case ({q})")
    # unused codes (never reached from reset) share the arm of one state: a don't-care the
    # synthesizer can exploit, instead of holding the register there
    dflt = None
    if not onehot and len(set(codes.values())) < (1 << w):
        dflt = max(fsm.states, key=lambda s: codes[s])
    arms = [s for s in fsm.states if s != dflt] + ([dflt] if dflt else [])
    for s in arms:
        label_s = f"{q}[{codes[s].bit_length() - 1}]" if onehot else pname[s]
        body = _arm(arm_fsm, s, d, pname, target, onehot or explicit_hold, skip=set(out_pos))
        if s == dflt:
            label_s = "default"
            body = body or ["// hold"]
        if not body:
            continue
        lines.append(f"{i3}{label_s}: begin")
        for b in body:
            lead = len(b) - len(b.lstrip(" "))
            lines.append(f"{i4}{unit * (lead // 4)}{b.lstrip(' ')}")
        lines.append(f"{i3}end")
    lines.append(f"{i2}endcase")
    if prio is not None:  # the case inside the else branch
        lines[case_at:] = [unit + ln for ln in lines[case_at:]]
        lines.append(f"{i2}end")
    lines.extend(late)
    lines.append(f"{i1}end")
    for o, t in net_tmp.items():
        lines.append(f"{i1}assign {o} = {t};")
    def splice(code_lines: list[str]) -> str:
        # the new code takes the place of the LAST block: every name the machine's blocks read is
        # declared before each of them, so before the last one (Verilog declares before use); a
        # ``wire w = expr;`` the machine now drives keeps its declaration (`` = expr`` is removed),
        # and when one comes after that block the code goes after it (it may assign w)
        code = "\n".join(code_lines)
        later = max((e for e in src.inline_spans.values() if e > host[0]), default=None)
        edits = [Edit(a, b, "") for a, b in src.inline_spans]
        if later is None:
            edits.append(Edit(host[0], host[1], code))
            moved = stmt_spans[:-1]
        else:
            edits.append(Edit(later, later, "\n" + ind + code))
            moved = stmt_spans
        for a, b in moved:
            edits.append(Edit(a, b, f"// rtlopt fsm: block moved into the {reg} machine below"))
        return apply_edits(src.text, edits)

    text = splice(lines)
    decode = _old_register_decode(fsm, original, state_map, codes, reg, q, text, "\n".join(lines), i1, i2, i3)
    if decode:
        text = splice(lines + decode)
    gold_codes = original.codes
    mp = {}
    smap = state_map or {s: s for s in fsm.states}
    for s, c in gold_codes.items():
        if s in smap and smap[s] in codes:
            mp[c] = codes[smap[s]]
    return Regenerated(text, encoding, codes, w, q,
                       {"gold_reg": reg, "gate_reg": q, "map": mp})


def _old_register_decode(fsm: Fsm, original: Fsm, state_map: dict[str, str] | None, codes: dict[str, int],
                         reg: str, q: str, text: str, new_code: str, i1: str, i2: str, i3: str) -> list[str]:
    """Lines that drive the old state register ``reg`` from the new one (``always @(*) reg = ...``)
    when code outside the machine still reads it (e.g. a loop the extraction did not analyse).

    Raises :class:`MergedStatesRead` when a new state stands for several old codes (the caller
    regenerates the machine without merging states).
    """
    start = text.find(new_code)
    if start < 0:
        return []
    outside = text[:start] + text[start + len(new_code):]
    outside_before = text[:start]
    outside = _strip_comments(outside)
    outside_before = _strip_comments(outside_before)
    # the new code was spliced where the last block was; reads may be before or after it
    reads = len(re.findall(rf"(?<![\w$]){re.escape(reg)}(?![\w$])", outside))
    decls = len(re.findall(rf"(?:reg|logic|bit|_t)\b[^;]*?(?<![\w$]){re.escape(reg)}(?![\w$])", outside_before))
    if reads <= decls or not original.codes or not original.width:
        return []
    smap = state_map or {s: s for s in fsm.states}
    old_of: dict[str, int] = {}
    for s_old, c in original.codes.items():
        s_new = smap.get(s_old)
        if s_new is None or s_new not in codes:
            continue
        if s_new in old_of and old_of[s_new] != c:
            # merged states with different old codes: the outside reads tell them apart
            raise MergedStatesRead(f"{fsm.name}: {reg} is read outside the machine, merged states "
                                   "have different codes")
        old_of[s_new] = c
    if set(old_of) != set(fsm.states):
        return []
    w = original.width
    out = [f"{i1}// {reg} is read outside the machine: its old value, decoded from the new state",
           f"{i1}always @(*) begin", f"{i2}case ({q})"]
    for s in fsm.states:
        out.append(f"{i3}{const_text(codes[s], max(1, max(codes.values()).bit_length()))}: "
                   f"{reg} = {const_text(old_of[s], w)};")
    out.append(f"{i3}default: {reg} = {const_text(old_of[fsm.reset], w)};")
    out += [f"{i2}endcase", f"{i1}end"]
    return out


def read_outside_machine(fsm: Fsm) -> bool:
    """True when the module text reads the state register outside the blocks of the machine (beyond
    its declaration): such reads (e.g. a block the extraction did not analyse) may tell states
    apart that the machine's own outputs do not, so a minimization claim would not hold for them."""
    src = fsm.source
    reg = fsm.state_reg
    if src is None or not reg or not src.blocks:
        return False
    first = min(a for a, _ in src.blocks)
    parts, prev = [], 0
    for a, b in sorted(src.blocks):
        parts.append(src.text[prev:a])
        prev = b
    parts.append(src.text[prev:])
    outside = _strip_comments(" ".join(parts))
    before = _strip_comments(src.text[:first])
    pat = rf"(?<![\w$]){re.escape(reg)}(?![\w$])"
    reads = len(re.findall(pat, outside))
    decls = len(re.findall(rf"(?:reg|logic|bit|_t)\b[^;]*?{pat}", before))
    return reads > decls


def _strip_comments(text: str) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/|\"(?:\\.|[^\"\\])*\"", " ", text, flags=re.S)


def _arm(fsm: Fsm, s: str, d: str, pname: dict[str, str], target, onehot: bool,
         skip: set[str] = frozenset()) -> list[str]:
    ts = [t for t in fsm.transitions if t.src == s]
    if not ts:
        return []
    # DC next states: stay; merge DC-only groups into the largest group
    groups: dict[str | None, list[Transition]] = {}
    for t in ts:
        groups.setdefault(t.dst, []).append(t)
    out_lines: list[str] = []
    # outputs identical in every transition of this state -> assign once
    hoisted: dict[str, str] = {o: "" for o in skip}
    for o in fsm.outputs:
        if o in skip:
            continue
        texts = set()
        for t in ts:
            e, dc = t.outputs.get(o, (None, -1))
            if e is None or dc == (1 << fsm.outputs[o]) - 1:
                continue
            texts.add(_etext(e))
        if len(texts) == 1:
            hoisted[o] = texts.pop()
        elif not texts:
            hoisted[o] = ""
    for o, txt in hoisted.items():
        if txt and txt != const_text(0, fsm.outputs[o]):
            out_lines.append(f"{target(o)} = {txt};")
    # branches: group by (dst, non-hoisted outputs under the guard)
    branches: dict[tuple, list[Transition]] = {}
    for t in ts:
        key_outs = []
        for o in fsm.outputs:
            if o in hoisted:
                continue
            e, dc = t.outputs.get(o, (None, -1))
            if e is None or dc == (1 << fsm.outputs[o]) - 1:
                key_outs.append((o, None))
            else:
                key_outs.append((o, _etext(_const_under(e, t.guard))))
        branches.setdefault((t.dst, tuple(key_outs)), []).append(t)
    items = []
    for (dst, kouts), group in branches.items():
        g = z3.simplify(z3.Or(*[t.guard for t in group])) if len(group) > 1 else group[0].guard
        acts = []
        if dst is not None and (onehot or dst != s):
            acts.append(f"{d} = {pname[dst]};")
        for o, txt in kouts:
            if txt is not None and txt != const_text(0, fsm.outputs[o]):
                acts.append(f"{target(o)} = {txt};")
        items.append((g, acts, dst is None))
    # the else branch: a don't-care group if present, else the group with the biggest guard text
    if len(items) > 1:
        items.sort(key=lambda it: (it[2] or not it[1], len(guard_text(it[0], fsm.inputs))))
    if len(items) == 1:
        out_lines.extend(items[0][1])
        return out_lines or ["// hold"]
    first = True
    for k, (g, acts, _dc) in enumerate(items):
        last = k == len(items) - 1
        if last:
            head = "end else begin"
        else:
            head = f"{'if' if first else 'end else if'} ({guard_text(g, fsm.inputs)}) begin"
        if last and not acts:
            out_lines.append("end")
            break
        out_lines.append(head)
        out_lines.extend(f"    {a}" for a in acts)
        first = False
        if last:
            out_lines.append("end")
    return out_lines


def _etext(e: z3.ExprRef) -> str:
    try:
        return expr_text(e)
    except NotPrintable as exc:
        raise UnsupportedConstruct(f"cannot print output expression {e}: {exc}") from None


def _indent(text: str, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    pre = text[line_start:offset]
    return pre if pre.strip() == "" else "    "
