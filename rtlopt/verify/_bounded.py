"""A plain bounded model check from the reset state (evidence, never a proof).

``--accept-simulation`` may accept a candidate whose proof is UNKNOWN only when, besides a
coverage-directed simulation, this check finds no difference in any of the first ``depth`` cycles after
reset, for every input sequence. It builds the same miter as :func:`rtlopt.verify.check_equivalence`
(same start states, same don't-cares) and unrolls it without induction: ABC ``bmc3`` on the AIGER
miter when that export is exact (every register has a defined start value), else z3 (QF_BV).
``depth`` is what was checked; a difference comes with a counterexample (z3 re-derives the trace).
"""

from __future__ import annotations

import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import z3

from rtlopt.design import DesignRef
from rtlopt.errors import ToolError, ToolTimeout
from rtlopt.verify import _smt
from rtlopt.verify._check import _counterexample, _plan_reset, _uninit_regs, interface_diffs, x_literals
from rtlopt.verify._prepare import (
    STARTED,
    TRIGGER,
    MiterSpec,
    _safe,
    abc_tool,
    build_miter,
    elaborate,
    late_x,
)
from rtlopt.verify._types import Counterexample, VerifyOptions, VerifyResult


@dataclass
class BoundedResult:
    """``status``: ``"no_difference"`` (up to ``depth``), ``"different"`` (``counterexample`` from reset),
    or ``"unknown"`` (``reason``; ``depth`` = cycles checked before it stopped)."""

    status: str
    depth: int
    seconds: float
    reason: str = ""
    counterexample: Counterexample | None = None


def bounded_check(gold: DesignRef, gate: DesignRef, *, depth: int = 30, timeout_s: float = 60.0,
                  options: VerifyOptions | None = None) -> BoundedResult:
    """Is there an input sequence making the outputs differ within ``depth`` cycles of reset?"""
    opts = options or VerifyOptions()
    start = time.monotonic()
    budget = _smt.Budget(timeout_s)

    def res(status: str, k: int, reason: str = "", cex=None) -> BoundedResult:
        return BoundedResult(status, k, time.monotonic() - start, reason, cex)

    with tempfile.TemporaryDirectory(prefix="rtlopt-bmc-") as tmp:
        wd = Path(tmp)
        try:
            ginfo, gil, hinfo, hil = elaborate(gold, gate, wd, timeout=max(1.0, budget.left()))
        except ToolTimeout:
            return res("unknown", 0, "time limit while reading the designs")
        if interface_diffs(ginfo, hinfo):
            return res("different", 0, "the interfaces differ")
        if ginfo.inouts or ginfo.latches or hinfo.latches:
            return res("unknown", 0, "inout ports or latches: not checked")
        clocks = ginfo.clock_inputs() | hinfo.clock_inputs()
        if len(clocks) > 1 or any(n == "?" for n, _ in clocks):
            return res("unknown", 0, "more than one clock (or a generated clock): not checked")
        clock = next(iter(clocks))[0] if clocks else None
        spec = MiterSpec(dict(ginfo.inputs), dict(ginfo.outputs), clock=clock,
                         sequential=ginfo.sequential or hinfo.sequential)
        _plan_reset(spec, opts, ginfo, hinfo, VerifyResult("UNKNOWN"))
        if (ginfo.x_sources and x_literals(gold.files)) or ((ginfo.oob_reads or ginfo.zero_divs) and hinfo.x_sources):
            spec.gold_xprop = True
        abc_frame = None
        abc_diff_exact = False
        exact = not _uninit_regs(ginfo, hinfo, spec)
        if spec.sequential:
            # the AIGER export starts undefined registers at 0: then ABC's "no difference" covers one start
            # state only and is not used, but a difference it finds is a hint z3 confirms (or not) below
            status, abc_frame = _abc_bmc(spec, gil, hil, wd, depth, budget)
            # x bits left free in the AIGER: no difference holds for every value, a difference only
            # stands when z3 re-derives it below
            abc_diff_exact = exact and not late_x(wd)
            if status == "no_difference" and exact:
                return res("no_difference", depth, f"no difference within {depth} cycles from reset (ABC bmc3)")
        try:
            smt2, _ = build_miter(spec, gil, hil, wd, max(0.5, budget.left()))
        except ToolTimeout:
            return res("unknown", 0, "time limit while building the miter")
        except ToolError as exc:
            return res("unknown", 0, f"miter construction failed: {exc.message}")
        wanted = [*spec.inputs, TRIGGER, STARTED] + [f"rtlopt_{p}_{_safe(o)}" for o in spec.outputs
                                                     for p in ("g", "h", "gx")]
        try:
            sm = _smt.parse_smt2(smt2.read_text(), wanted)
        except Exception as exc:  # noqa: BLE001 - z3 parser errors are z3types.Z3Exception
            return res("unknown", 0, f"SMT2 parse failed: {exc}")
        if not sm.sequential:
            out = _smt.check_combinational(sm, budget)
            if out.status == "different":
                return res("different", 0, "z3 found inputs where the outputs differ", _counterexample(sm, out, spec))
            if out.status == "equivalent":
                return res("no_difference", depth, "combinational: every input checked")
            return res("unknown", 0, out.detail)
        if abc_frame is not None:  # ABC found a difference: z3 derives the trace at that frame
            out = _bmc(sm, spec, budget, abc_frame, res, bounds=[abc_frame])
            if out.status == "different":
                return out
            if abc_diff_exact:
                return res("different", abc_frame, f"ABC bmc3 found a difference in cycle {abc_frame}")
        return _bmc(sm, spec, budget, depth, res)


def _abc_bmc(spec, gil: Path, hil: Path, wd: Path, depth: int, budget: _smt.Budget) -> tuple[str, int | None]:
    """``("no_difference", None)``, ``("different", frame)`` or ``("unknown", None)``."""
    try:
        _, aig = build_miter(spec, gil, hil, wd, max(0.5, budget.left()), aiger=True)
        if aig is None or budget.left() < 0.5:
            return "unknown", None
        run = abc_tool().run(["-c", f"read_aiger {aig.name}; strash; fold; bmc3 -F {depth}"], cwd=wd,
                             timeout=max(0.5, budget.left() / 2), check=False)
    except (ToolError, OSError):
        return "unknown", None
    text = run.stdout + run.stderr
    m = re.search(r"was asserted in frame (\d+)", text)
    if m:
        return "different", int(m.group(1))
    m = re.search(r"No output asserted in (\d+) frames", text)
    if m and int(m.group(1)) >= depth:
        return "no_difference", None
    return "unknown", None


def _bmc(sm, spec, budget: _smt.Budget, depth: int, res, bounds: list[int] | None = None) -> BoundedResult:
    """Unroll ``depth`` cycles from the initial states; ask z3 (QF_BV, one query per bound) whether the
    trigger can be set in any of them. Bounds grow (8, 16, 24, ... ``depth``) so that a time limit still
    leaves the deepest bound cleared. (One query per bound is far faster than incremental per-cycle
    checks on x-propagating miters.)"""
    states = [sm.state("k")]
    cons = [sm.at(sm.init, states[0]), sm.at(sm.is_init, states[0]), sm.at(sm.assume, states[0])]
    cleared = -1
    exact = bounds is not None  # only the given frame(s): re-deriving a trace where ABC found it
    bounds = bounds or sorted({*range(8, depth, 8), depth})
    for bound in bounds:
        while len(states) <= bound:
            nxt = sm.state("k")
            cons += [sm.step(states[-1], nxt), z3.Not(sm.at(sm.is_init, nxt)), sm.at(sm.assume, nxt)]
            states.append(nxt)
        if budget.expired():
            break
        s = z3.SolverFor("QF_BV", ctx=sm.ctx)
        s.add(*cons)
        s.add(z3.Or([sm.at(sm.trigger, st) for st in (states[bound:bound + 1] if exact else
                                                       states[cleared + 1:bound + 1])]))
        s.set("timeout", budget.ms())
        r = s.check()
        if r == z3.sat:
            m = s.model()
            k = next((i for i in range(cleared + 1, bound + 1)
                      if z3.is_true(m.eval(sm.at(sm.trigger, states[i]), model_completion=True))), bound)
            out = _smt.SmtOutcome("different", f"BMC found a difference in cycle {k}", m, list(states[:k + 1]), k)
            return res("different", k, out.detail, _counterexample(sm, out, spec))
        if r != z3.unsat:
            why = "time limit" if budget.expired() else f"z3: {s.reason_unknown()}"
            return res("unknown", max(0, cleared), f"{why} during BMC to depth {bound}")
        cleared = bound
    if cleared < depth:
        return res("unknown", max(0, cleared), f"time limit during BMC after depth {max(0, cleared)}")
    return res("no_difference", depth, f"no difference within {depth} cycles from reset (BMC, z3)")
