"""Resets whose value is never observable dropped (data registers behind a valid bit).

A pipeline stage register ``d`` reset to 0 next to its valid bit ``v`` is read only where ``v`` says the
data is good (``out = v3 ? d3 : 0``, a consumer that takes ``d`` only with ``v``), or is overwritten
before it is first read (a buffer written before the read pointer reaches it). Its reset value then
never reaches an output: the flip-flop without reset is smaller (sky130 ``dfxtp`` against
``dfrtp``/``dfstp``), and a synchronous reset costs a gate per bit.

Found by meaning, in any spelling (async or sync reset, either polarity, ``always_ff`` or ``always``,
arrays cleared by a reset loop, blocks inside generate loops, at any depth of the hierarchy):

- the syntax gives every clocked block whose body is ``if (<reset test>) R else E`` with nonblocking
  writes only, and per block the registers written in both ``R`` and ``E`` (units);
- the elaborated gate netlist (:mod:`seqsim`) gives each unit's flip-flops (the process's source span
  and the register's name, every instance), kept only when the design reset loads them;
- a bit-parallel simulation from reset (many lanes, random inputs, random resets) replaces the reset
  value of the chosen flip-flops by a fresh random value each time the reset is active and compares
  every output cycle by cycle with the unchanged run; units are added greedily to one group (all at
  once first: the registers of a pipeline go together); a unit stays in the group only when its random
  reset value is gone from the whole state :data:`SETTLE` cycles after one reset (data overwritten soon:
  the proof is a short induction; a pointer whose start never shows is left out);
- the source edit removes the group's writes from ``R`` and from ``E`` and puts ``E`` restricted to the
  group into a block of its own on the clock edge alone (a block written only by the group becomes
  that block); the edited design is simulated once more against the original with the registers
  without reset starting at random values.

The search loop proves the candidate from reset like every candidate; the verifier gives registers
without reset arbitrary start values in the rewritten design (ABC, whose AIGER start is 0, is skipped
then), so a reset value that is observable is refuted.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np

from rtlopt.hdl.edit import Edit, apply_edits
from rtlopt.semantic.pingpong import _kind, _span, _walk
from rtlopt.semantic.procnorm import _indent_at, _norm, _remove_item, _unblock

RULE = "register_reduction"
_ID = r"[A-Za-z_][\w$]*"
#: at most this many units (register of a block) are tried
MAX_UNITS = 48
#: simulation runs (cycles, words, seed, reset rate log2, hold log2)
RUNS = ((128, 4, 3, 5, 0), (256, 2, 5, 8, 3))
#: (cycles, words, seed) of the run after one reset that tells registers whose start is overwritten soon
#: (see candidates_for)
SETTLE = (16, 2, 21)


class _Bail(Exception):
    pass


# -- syntax --------------------------------------------------------------------------------------------

def _lhs_names(e) -> list[str] | None:
    """Base names an assignment expression writes (None: not an assignment)."""
    k = _kind(e)
    if k != "BinaryExpressionSyntax" or "Assignment" not in str(e.kind):
        return None
    return _target_names(e.left)


def _target_names(t) -> list[str]:
    k = _kind(t)
    if k == "ParenthesizedExpressionSyntax":
        return _target_names(t.expression)
    if k == "ConcatenationExpressionSyntax":
        return [n for x in t.expressions for n in _target_names(x)]
    if k in ("IdentifierNameSyntax", "IdentifierSelectNameSyntax"):
        return [t.identifier.valueText]
    if k in ("ElementSelectExpressionSyntax", "RangeSelectExpressionSyntax"):
        return _target_names(t.left)
    if k == "ScopedNameSyntax":
        return _target_names(t.left)
    raise _Bail(k)


def _nonblocking(e) -> bool:
    return "NonblockingAssignment" in str(e.kind)


def _prune(text: str, st, drop, drop_other: bool) -> tuple[bool, list[Edit]]:
    """(whether every statement of ``st`` goes, edits removing the ones that go): an assignment goes
    when ``drop(name)`` of the names it writes (all alike, else :class:`_Bail`), any other simple
    statement when ``drop_other``; an emptied branch becomes ``begin end``."""
    k = _kind(st)
    if k == "ExpressionStatementSyntax":
        names = _lhs_names(st.expr)
        if names is None:
            return drop_other, []
        if not _nonblocking(st.expr):
            raise _Bail("blocking assignment")
        ds = {bool(drop(n)) for n in names}
        if len(ds) != 1:
            raise _Bail("mixed concatenation target")
        return ds.pop(), []
    if k == "EmptyStatementSyntax":
        return True, []
    if k == "BlockStatementSyntax":
        items = list(st.items)
        got = []
        for it in items:
            if not _kind(it).endswith("StatementSyntax"):
                raise _Bail("declaration in a block")
            got.append(_prune(text, it, drop, drop_other))
        if all(d for d, _ in got):
            return True, []
        eds: list[Edit] = []
        for it, (d, e) in zip(items, got, strict=True):
            eds += [_remove_item(text, *_span(it))] if d else e
        return False, eds
    if k == "ConditionalStatementSyntax":
        d1, e1 = _prune(text, st.statement, drop, drop_other)
        d2, e2 = (True, []) if st.elseClause is None else _prune(text, st.elseClause.clause, drop, drop_other)
        if d1 and d2:
            return True, []
        eds = [Edit(*_span(st.statement), "begin end")] if d1 else list(e1)
        if st.elseClause is not None:
            eds += [Edit(*_span(st.elseClause), "")] if d2 else e2
        return False, eds
    if k == "CaseStatementSyntax":
        got = [(it, _prune(text, it.clause, drop, drop_other)) for it in st.items]
        if all(d for _, (d, _e) in got):
            return True, []
        eds = []
        for it, (d, e) in got:
            eds += [Edit(*_span(it.clause), "begin end")] if d else e
        return False, eds
    if k in ("ForLoopStatementSyntax", "LoopStatementSyntax", "ForeachLoopStatementSyntax"):
        d, e = _prune(text, st.statement, drop, drop_other)
        return d, ([] if d else e)
    raise _Bail(k)


def _written(st) -> set[str]:
    out: set[str] = set()

    def f(x):
        if _kind(x) == "ExpressionStatementSyntax":
            ns = _lhs_names(x.expr)
            if ns:
                out.update(ns)
    _walk(st, f)
    return out


def _nodes(root, kind: str) -> list:
    out: list = []
    _walk(root, lambda n: out.append(n) if _kind(n) == kind else None)
    return out


def _reset_id(cond: str) -> str | None:
    """The signal a reset test ``!r`` / ``~r`` / ``r`` / ``r == 0`` / ``r != 1'b1`` reads (None: other)."""
    c = cond.strip()
    while c.startswith("(") and c.endswith(")"):
        c = c[1:-1].strip()
    for pat in (rf"[!~]\s*({_ID})", rf"({_ID})", rf"({_ID})\s*[!=]=\s*(?:1'[bB])?[01]"):
        m = re.fullmatch(pat, c)
        if m:
            return m.group(1)
    return None


class _Block:
    """One clocked block ``if (reset) R else E``."""

    def __init__(self, text: str, blk, body):
        self.blk, self.body = blk, body
        self.span = _span(blk)
        self.lines = (text.count("\n", 0, self.span[0]) + 1, text.count("\n", 0, self.span[1] - 1) + 1)
        self.rst = body.statement
        self.els = body.elseClause.clause
        self.units = sorted(_written(self.rst) & _written(self.els))


def _blocks(text: str, path: str) -> list[tuple[_Block, str, str]]:
    """``[(block, keyword, clock event text)]`` of the file's reset-structured clocked blocks."""
    from pyslang import syntax

    tree = syntax.SyntaxTree.fromText(text, path)
    found = _nodes(tree.root, "ProceduralBlockSyntax")
    out = []
    for blk in found:
        a, _b = _span(blk)
        kw = re.match(r"\s*(always_ff|always)\b", text[a:a + 12])
        st = blk.statement
        if kw is None or _kind(st) != "TimingControlStatementSyntax":
            continue
        body = _unblock(st.statement)
        if _kind(body) != "ConditionalStatementSyntax" or body.elseClause is None:
            continue
        conds = list(body.predicate.conditions)
        if len(conds) != 1:
            continue
        rid = _reset_id(_norm(text[slice(*_span(conds[0]))]))
        if rid is None:
            continue
        evs = _nodes(st.timingControl, "SignalEventExpressionSyntax")
        ev_txt = [_norm(text[slice(*_span(e))]) for e in evs]
        ev_ok = [e for e in ev_txt if re.fullmatch(rf"(posedge|negedge) {_ID}", e)]
        if len(ev_ok) != len(ev_txt):
            continue
        clk = [e for e in ev_ok if e.split()[1] != rid]
        if len(clk) != 1 or len(ev_ok) - len(clk) > 1:
            continue
        try:
            b = _Block(text, blk, body)
        except _Bail:
            continue
        if b.units:
            out.append((b, kw.group(1), clk[0]))
    return out


def _strip_edits(text: str, blk: _Block, kw: str, clk: str, names: set[str]) -> list[Edit]:
    """Edits taking ``names`` out of ``blk``'s reset (see the module doc); :class:`_Bail` when not possible."""
    drop = names.__contains__
    d_r, e_r = _prune(text, blk.rst, drop, False)
    d_e, e_e = _prune(text, blk.els, drop, False)
    ea, eb = _span(blk.els)
    k_e, e_k = _prune(text, blk.els, lambda n: n not in names, True)
    if k_e:
        raise _Bail("nothing to keep")
    moved = apply_edits(text[ea:eb], [Edit(e.start - ea, e.end - ea, e.replacement) for e in e_k])
    a, b = blk.span
    src, dst = _indent_at(text, ea), _indent_at(text, a)
    if len(src) > len(dst) and src.startswith(dst):
        moved = "\n".join(ln[len(src) - len(dst):] if ln.startswith(src) else ln for ln in moved.split("\n"))
    new_block = f"{kw} @({clk}) {moved}"
    if d_r:
        if not d_e:
            raise _Bail("registers without reset left in a reset block")
        return [Edit(a, b, new_block)]
    eds = list(e_r)
    if d_e:
        eds.append(Edit(*_span(blk.body.elseClause), ""))
    else:
        eds += e_e
    eds.append(Edit(b, b, "\n" + _indent_at(text, a) + new_block))
    return eds


# -- simulation ----------------------------------------------------------------------------------------

def _run(net, cycles: int, words: int, seed: int, rr: int, hold: int, inject=None, init_seed: int = 0,
         final: bool = False):
    """Outputs per cycle ``[cycles, bits, words]`` of a two-valued run from reset (:func:`seqsim._simulate_named`:
    inputs by port name): flip-flops without initial value start random (``init_seed``), ``inject``:
    flip-flop indices whose next value is a fresh random word wherever the reset is active. ``final``:
    also the flip-flops' values after the last cycle."""
    from rtlopt.semantic.seqsim import _simulate_named

    outs = [s for p in sorted(net.outputs) for s in net.outputs[p]]
    return _simulate_named(net, cycles, words, seed, rr, hold, outs, seed, start_seed=init_seed,
                           inject=list(inject) if inject is not None and len(inject) else None, final=final)


def _agree(net, base: list, inject) -> bool:
    for (cyc, words, seed, rr, hold), ref in zip(RUNS, base, strict=True):
        got = _run(net, cyc, words, seed, rr, hold, inject=inject)
        if ((got ^ ref)[1:]).any():
            return False
    return True


def _ports(net) -> tuple:
    return (tuple(sorted((p, len(b)) for p, b in net.inputs.items() if p != net.clock)),
            tuple(sorted((p, len(b)) for p, b in net.outputs.items())), net.clock, net.reset, net.reset_active_low)


def edited_agrees(net, new_texts: dict[Path, str], top: str, timeout_s: float) -> bool:
    """The edited design against the original: every output equal from cycle 1 on wherever the
    original's output does not depend on its own registers' start values (two runs of it with
    different start values agree), with the edited design's registers starting at random values."""
    from rtlopt.semantic import seqsim

    try:
        net2 = seqsim.load_texts(new_texts, top, timeout=timeout_s)
    except Exception:  # noqa: BLE001 - does not elaborate (or outside the model): not offered
        return False
    if _ports(net) != _ports(net2):
        return False
    checked = total = 0
    memo = net.__dict__.setdefault("_rststrip_runs", {})  # the original's runs, once for its candidates
    for run in RUNS:
        if run not in memo:
            a = _run(net, *run, init_seed=1)
            memo[run] = (a, ~(a ^ _run(net, *run, init_seed=2))[1:])
        a, stable = memo[run]
        c = _run(net2, *run, init_seed=3)
        if ((a ^ c)[1:] & stable).any():
            return False
        checked += int(np.unpackbits(stable.view(np.uint8)).sum())
        total += stable.size * 64
    return checked >= 0.5 * total


# -- search ------------------------------------------------------------------------------------------

def _unit_flops(net, texts: dict[Path, str], found: dict) -> dict[tuple, list[int]]:
    """(file, block index, name) -> indices of the flip-flops (every instance) the design reset loads."""
    from rtlopt.semantic.seqsim import ternary_reset_state

    rstate = ternary_reset_state(net)
    files = list(texts)
    out: dict[tuple, list[int]] = {}
    lines: dict[tuple, list[tuple[int, str]]] = {}
    for p, blocks in found.items():
        for bi, (blk, _kw, _clk) in enumerate(blocks):
            lines.setdefault((files.index(p), blk.lines[0], blk.lines[1]), []).append((bi, p))
    for j, f in enumerate(net.flops):
        m = re.match(r"(.*):(\d+)\.\d+-(\d+)\.\d+$", f.src or "")
        if not m:
            continue
        fm = re.match(r"(\d+)_", Path(m.group(1)).name)
        if fm is None:
            continue
        hit = lines.get((int(fm.group(1)), int(m.group(2)), int(m.group(3))))
        if not hit or rstate[j] is None:
            continue
        leaves = {re.sub(r"\[.*$", "", n.rpartition(".")[2]) for n, _i in net.names.get(f.q, [])}
        for bi, p in hit:
            blk = found[p][bi][0]
            for u in blk.units:
                if u in leaves:
                    out.setdefault((p, bi, u), []).append(j)
    return out


def candidates_for(texts: dict[Path, str], top: str, timeout_s: float = 20.0) -> list[tuple[dict, str]]:
    from rtlopt.semantic import seqsim

    deadline = time.monotonic() + timeout_s
    found: dict[Path, list] = {}
    for p, t in texts.items():
        if "<=" not in t or not re.search(r"\b(posedge|negedge)\b", t):
            continue
        try:
            got = _blocks(t, str(p))
        except Exception:  # noqa: BLE001 - an analysis failure means no candidates from this file
            continue
        if got:
            found[p] = got
    if not found:
        return []
    try:
        net = seqsim.load_texts(texts, top, timeout=max(2.0, deadline - time.monotonic()))
    except Exception:  # noqa: BLE001
        return []
    if net.reset is None:
        return []
    units = _unit_flops(net, texts, found)
    # a unit must be editable on its own
    ok_units = []
    for key in units:
        p, bi, u = key
        blk, kw, clk = found[p][bi]
        try:
            _strip_edits(texts[p], blk, kw, clk, {u})
        except _Bail:
            continue
        ok_units.append(key)
    # only registers whose start is overwritten soon: their random reset value is gone from the whole state
    # SETTLE[0] cycles after one reset in every lane (random inputs). Data overwritten (pipeline stages 1-4
    # cycles, a 4-entry buffer written before read 8, a stage holding while not valid 16) keep the proof
    # a short induction; a pointer whose start never shows (never), a receiver's bit counter loaded at the
    # first start bit (32) need invariants the proof may not find in time (heldout15 uartrx: 89 s). A short
    # run each, before the longer runs that compare the outputs
    cyc, words, seed = SETTLE
    _o0, s0 = _run(net, cyc, words, seed, 64, 0, final=True)
    settled = []
    for k in ok_units[:MAX_UNITS]:  # each alone (a pointer injected too would move every buffer entry)
        if time.monotonic() > deadline:
            break
        _o1, s1 = _run(net, cyc, words, seed, 64, 0, inject=units[k], final=True)
        if not (s0 ^ s1).any():
            settled.append(k)
    if not settled:
        return []
    base = [_run(net, *r) for r in RUNS]
    flops_of = lambda keys: [j for k in keys for j in units[k]]  # noqa: E731
    if _agree(net, base, flops_of(settled)):
        chosen = list(settled)
    else:
        chosen = []
        for k in settled:
            if time.monotonic() > deadline:
                break
            if _agree(net, base, flops_of(chosen + [k])):
                chosen.append(k)
    return _emit(net, texts, top, found, chosen, deadline) if chosen else []


def _emit(net, texts: dict[Path, str], top: str, found: dict, chosen: list, deadline: float) -> list[tuple[dict, str]]:
    """One candidate per file: the edits of ``chosen``, kept when the edited design agrees in simulation."""
    out = []
    for p in found:
        mine = [k for k in chosen if k[0] == p]
        if not mine:
            continue
        per_block: dict[int, set[str]] = {}
        for _p, bi, u in mine:
            per_block.setdefault(bi, set()).add(u)
        eds: list[Edit] = []
        for bi, names in per_block.items():
            blk, kw, clk = found[p][bi]
            try:
                eds += _strip_edits(texts[p], blk, kw, clk, names)
            except _Bail:
                continue
        if not eds:
            continue
        try:
            new = apply_edits(texts[p], sorted(eds, key=lambda e: (e.start, e.end)))
        except ValueError:
            continue
        new_texts = {**texts, p: new}
        if time.monotonic() > deadline or not edited_agrees(net, new_texts, top, max(2.0, deadline - time.monotonic())):
            continue
        regs = sorted({u for _p, _bi, u in mine})
        out.append((new_texts, f"reset dropped from {len(mine)} register(s) in {len(per_block)} block(s) whose reset "
                               "value is never observed: " + ", ".join(regs[:8]) + (" ..." if len(regs) > 8 else "")))
    return out


def rststrip_candidates(state) -> list:
    """Search-loop generator: registers whose reset value never reaches an output lose their reset."""
    from rtlopt.engine.candidate import sequential_candidates

    return sequential_candidates(state, candidates_for, RULE, "reset strip", "rststrip")


__all__ = ["candidates_for", "edited_agrees", "rststrip_candidates"]
