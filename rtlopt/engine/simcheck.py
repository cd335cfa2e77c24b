"""Simulation as a filter before the formal proof, and as (explicitly accepted) evidence after UNKNOWN.

Simulation never proves anything. The optimizer uses it in two ways, both opt-in:

* ``filter``: every candidate is simulated against the original (cocotb differential testbench,
  Icarus) before the prover runs; a mismatch rejects it at once, with the first differing cycle.
* ``evidence``: when the formal verdict is UNKNOWN and the user passed ``--accept-simulation``, a
  candidate whose simulation shows no mismatch may be accepted. Its verdict is ``SIMULATED`` and every
  report says "simulated, N cycles, no mismatch — not proven".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rtlopt.design import DesignRef
from rtlopt.errors import RtloptError

MODES = ("off", "filter", "evidence")


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

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "engine": self.engine, "seconds": self.seconds, "cycles": self.cycles,
                "evidence": self.detail, "proven": False, "formal": self.formal, "notes": self.notes}


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
