"""Simulation as a filter before the formal proof, and as (explicitly accepted) evidence after UNKNOWN.

Simulation never proves anything. The optimizer uses it in two ways, both opt-in:

* ``filter``: every candidate is simulated against the original (cocotb differential testbench,
  Icarus) before the prover runs; a mismatch rejects it at once, with the first differing cycle.
* ``evidence``: when the formal verdict is UNKNOWN and the user passed ``--accept-simulation``, a
  candidate may be accepted only on evidence strong enough to matter (:func:`accept_by_simulation`):
  coverage-directed simulation — runs from several resets (a new seed and a fresh reset each), each
  longer than the last, the toggle coverage of the original's nets measured from its VCD, until a run
  adds no covered bit (at least :data:`MIN_RUNS` runs) — with no mismatch, AND a bounded model check
  (z3, :func:`rtlopt.verify._bounded.bounded_check`) that finds no difference in the first
  :data:`BMC_DEPTH` cycles after reset for any input sequence. Its verdict is ``SIMULATED`` and every
  report says how many runs and cycles, the toggle coverage reached and the BMC depth — "not proven".
  A mismatch in either is ``NOT_EQUIVALENT``; anything short of both (a run or the bounded check cannot
  finish, no sandbox for untrusted code) leaves the formal UNKNOWN standing: not accepted.
"""

from __future__ import annotations

import glob
import shutil
import tempfile
import time
from dataclasses import dataclass, field

from rtlopt.design import DesignRef
from rtlopt.errors import RtloptError

MODES = ("off", "filter", "evidence")
#: Cycles from reset the bounded model check must clear before simulation evidence counts.
BMC_DEPTH = 30
#: Simulation runs (each from its own reset and seed) at least, and at most.
MIN_RUNS, MAX_RUNS = 3, 8
#: Longest single run and total cycles over all runs.
MAX_RUN_CYCLES, MAX_TOTAL_CYCLES = 20000, 60000


@dataclass
class SimVerdict:
    """A verdict reached by simulation (shape-compatible with ``VerifyResult`` where the engine reads it)."""

    verdict: str  # "SIMULATED" (no mismatch) or "NOT_EQUIVALENT" (mismatch)
    seconds: float
    cycles: int
    detail: str
    formal: dict | None = None  # the formal result that preceded it (UNKNOWN), if any
    engine: str = "simulation"
    notes: list[str] = field(default_factory=list)
    runs: int = 1
    coverage: float | None = None  # toggle coverage of the original's net bits reached (0..1)
    coverage_bits: int | None = None
    bmc_depth: int | None = None  # cycles from reset the bounded check cleared
    counterexample: object | None = None

    @property
    def reason(self) -> str:
        return self.detail

    def to_dict(self) -> dict:
        d = {"verdict": self.verdict, "engine": self.engine, "seconds": self.seconds, "cycles": self.cycles,
             "evidence": self.detail, "proven": False, "formal": self.formal, "notes": self.notes}
        if self.coverage is not None:
            d.update({"runs": self.runs, "toggle_coverage": round(self.coverage, 4),
                      "toggle_bits": self.coverage_bits, "bmc_depth": self.bmc_depth})
        return d


def simulate_candidate(gold: DesignRef, gate: DesignRef, *, cycles: int, timeout_s: float,
                       formal: dict | None = None) -> SimVerdict | None:
    """Differential simulation of ``gate`` against ``gold``; None when it could not run (then it is no
    evidence either way and the formal verdict stands)."""
    try:
        from rtlopt.sim import SimOptions, simulate_diff
    except ImportError:
        return None
    try:
        res = simulate_diff(gold, gate, SimOptions(cycles=cycles, timeout_s=timeout_s))
    except RtloptError:
        return None
    if res.passed:
        return SimVerdict("SIMULATED", res.seconds, res.cycles,
                          f"simulated, {res.cycles} cycles, no mismatch (not proven)", formal, notes=res.notes)
    text = res.format_text().splitlines()
    return SimVerdict("NOT_EQUIVALENT", res.seconds, res.cycles, "; ".join(text[:2]) or "simulation mismatch",
                      formal, notes=res.notes)


@dataclass
class _Coverage:
    passed: bool
    runs: int
    cycles: int
    fraction: float
    bits: int
    mismatch: str = ""
    notes: list[str] = field(default_factory=list)
    exhaustive: bool = False


def _coverage_directed(gold: DesignRef, gate: DesignRef, *, cycles: int, deadline: float,
                       min_runs: int) -> _Coverage | None:
    """Runs with growing length from fresh resets until toggle coverage stops growing (None: cannot run)."""
    from rtlopt.sim import SimOptions, simulate_diff
    from rtlopt.sim._coverage import Toggles, vcd_toggles

    total = Toggles()
    n, runs, done, notes = max(100, cycles), 0, 0, []
    while True:
        left = deadline - time.monotonic()
        if left < 5:
            return None  # out of time before the evidence was complete
        work = tempfile.mkdtemp(prefix="rtlopt-cov-")
        try:
            res = simulate_diff(gold, gate, SimOptions(cycles=n, seed=runs + 1, timeout_s=left, activity=True,
                                                       work_dir=work))
            vcds = glob.glob(f"{work}/*/build/gold.vcd")
            clocks = {c.split(" ")[1] for c in res.notes if c.startswith("clock ")}
            t = vcd_toggles(vcds[0], clocks) if vcds else None
        except RtloptError:
            return None
        finally:
            shutil.rmtree(work, ignore_errors=True)
        runs += 1
        done += res.cycles
        notes = res.notes
        if not res.passed:
            text = res.format_text().splitlines()
            return _Coverage(False, runs, done, total.fraction, len(total.bits),
                             "; ".join(text[:2]) or "simulation mismatch", notes)
        exhaustive = res.mode == "combinational" and any("all " in x and "input combinations" in x for x in notes)
        if exhaustive:
            return _Coverage(True, runs, done, 1.0, len(t.bits) if t else 0, notes=notes, exhaustive=True)
        if t is None:
            return None  # no VCD: coverage unknown, so no evidence
        grew = total.update(t)
        if (runs >= min_runs and grew == 0) or runs >= MAX_RUNS or done >= MAX_TOTAL_CYCLES:
            return _Coverage(True, runs, done, total.fraction, len(total.bits), notes=notes)
        n = min(n * 2, MAX_RUN_CYCLES, MAX_TOTAL_CYCLES - done)


def accept_by_simulation(gold: DesignRef, gate: DesignRef, *, cycles: int, timeout_s: float,
                         formal: dict | None = None, bmc_depth: int = BMC_DEPTH,
                         min_runs: int = MIN_RUNS) -> SimVerdict:
    """The evidence ``--accept-simulation`` needs (see the module docs).

    Returns a SimVerdict: ``SIMULATED`` (coverage-directed simulation and the bounded check both clean),
    ``NOT_EQUIVALENT`` (either found a difference), or ``UNKNOWN`` (the evidence is incomplete; the
    detail says why) — only ``SIMULATED`` may be accepted.
    """
    t0 = time.monotonic()
    deadline = t0 + timeout_s
    cov = _coverage_directed(gold, gate, cycles=cycles, deadline=deadline - min(0.4 * timeout_s, 120.0),
                             min_runs=min_runs)
    if cov is None:
        return SimVerdict("UNKNOWN", time.monotonic() - t0, 0, "simulation evidence incomplete (could not run, "
                          "time limit, or no sandbox for untrusted code): not accepted", formal)
    if not cov.passed:
        return SimVerdict("NOT_EQUIVALENT", time.monotonic() - t0, cov.cycles, cov.mismatch, formal, notes=cov.notes,
                          runs=cov.runs, coverage=cov.fraction, coverage_bits=cov.bits)
    from rtlopt.verify._bounded import bounded_check

    try:
        b = bounded_check(gold, gate, depth=bmc_depth, timeout_s=max(5.0, deadline - time.monotonic()))
    except RtloptError as exc:
        return SimVerdict("UNKNOWN", time.monotonic() - t0, cov.cycles, f"bounded check failed: {exc}; not accepted",
                          formal, notes=cov.notes, runs=cov.runs, coverage=cov.fraction, coverage_bits=cov.bits)
    secs = time.monotonic() - t0
    if b.status == "different":
        first = b.counterexample.format().splitlines()[0] if b.counterexample is not None else b.reason
        return SimVerdict("NOT_EQUIVALENT", secs, cov.cycles, f"bounded check (z3) from reset: {b.reason}; {first}",
                          formal, engine="bmc", notes=cov.notes, runs=cov.runs, coverage=cov.fraction,
                          coverage_bits=cov.bits, bmc_depth=b.depth, counterexample=b.counterexample)
    if b.status != "no_difference":
        return SimVerdict("UNKNOWN", secs, cov.cycles, f"bounded check incomplete ({b.reason}, {b.depth} of "
                          f"{bmc_depth} cycles): not accepted", formal, notes=cov.notes, runs=cov.runs,
                          coverage=cov.fraction, coverage_bits=cov.bits, bmc_depth=b.depth)
    how = ("all input combinations" if cov.exhaustive else
           f"{cov.runs} runs from reset, {cov.cycles} cycles, toggle coverage {100 * cov.fraction:.0f}% of "
           f"{cov.bits} net bits of the original (stopped growing)")
    return SimVerdict("SIMULATED", secs, cov.cycles, f"simulated: {how}, no mismatch; bounded check: no difference "
                      f"within {b.depth} cycles of reset (not proven)", formal, engine="simulation+bmc",
                      notes=cov.notes, runs=cov.runs, coverage=cov.fraction, coverage_bits=cov.bits, bmc_depth=b.depth)
