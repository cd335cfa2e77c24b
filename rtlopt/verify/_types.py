"""Result and option types of :mod:`rtlopt.verify` (pure data, no tools)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field

from rtlopt.errors import ExitCode

#: Accepted values of :attr:`VerifyOptions.init`.
INIT_MODES = ("reset", "zero", "any")
#: Engines in the default portfolio order (cheap structural first, then word-level SMT, then ABC).
ALL_ENGINES = ("equiv", "smt", "abc", "exhaustive", "algebra")


class Verdict(enum.StrEnum):
    """The outcome of an equivalence check. ``str(verdict)`` is the text users see."""

    EQUIVALENT = "EQUIVALENT"
    NOT_EQUIVALENT = "NOT EQUIVALENT"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return self.value

    @property
    def exit_code(self) -> int:
        return int({Verdict.EQUIVALENT: ExitCode.OK, Verdict.NOT_EQUIVALENT: ExitCode.NOT_EQUIVALENT,
                    Verdict.UNKNOWN: ExitCode.UNKNOWN}[self])


@dataclass(frozen=True)
class VerifyOptions:
    """How to check.

    Attributes:
        timeout_s: wall-clock budget for the whole check (Yosys runs plus all engines).
        reset: name of the reset input (same name in both designs); None = detect from port names
            (``rst``, ``reset``, ``rst_n``, ``resetn``, ``areset``, ``arst_n``, ...).
        reset_active_low: reset polarity; None = from the name suffix (``_n``/``n``/``_b``/``_l``) and,
            for asynchronous resets, from how the flip-flops use it.
        init: start state of sequential designs. ``"reset"`` (default): the reset (when there is
            one) is asserted in cycle 0 and outputs are compared from cycle 1 on. Registers that
            neither the reset nor a Verilog initial value sets start *undefined* in gold (Verilog
            simulation semantics: x), so gold outputs that depend on them are don't-care until the
            registers are written (e.g. while a pipeline without reset fills); in gate they start at
            arbitrary values, and gate must match gold wherever gold is defined. The report names
            these registers. ``"zero"``: every register without an initial value starts at 0 in both
            designs, no reset is forced, outputs are compared from cycle 0. ``"any"``: registers
            start at arbitrary values, chosen independently in gold and gate, no reset is forced,
            outputs are compared from cycle 0 — the designs must agree from every pair of start
            states, which sequential designs rarely do (a counterexample then shows the start
            states). (If gold also writes ``'x``, its uninitialized registers start as x here too.)
        bmc_depth: cycles of bounded model checking (and the bound for invariant mining).
        engines: engines to try, in order; None = automatic (``exhaustive``, ``algebra``, ``equiv``, ``smt``, ``abc``).
        state_map: optional hint from the FSM engine: ``{gold_value: gate_value}``, or
            ``{"gold_reg": name, "gate_reg": name, "map": {gold_value: gate_value}}``. Used only as
            candidate invariants that are themselves proven (a wrong hint costs time, never soundness).
        counterexample: when the engine that finds a difference gives no trace (ABC, Yosys sat), re-derive
            one with z3 (bounded, up to the time left plus a grace). The optimizer turns it off: a
            rejected candidate needs only its verdict, and a trace search can take minutes.
        parallel: on sequential designs, race the engines in lanes instead of running them one after
            another: bit-level ABC, z3, and the structural engines (register correspondence, exhaustive,
            algebraic) each in a lane of its own, all with the whole time limit; the lane of the first
            engine of the order runs alone for its first 2 s. The first decision ends the others (their
            children are killed, z3 interrupted). Verdicts are those of the engines alone: an engine
            stopped early only ever ends UNKNOWN, and its outcome is dropped. ``engines`` (or a
            generator's hint) chooses which engines race and which starts first. Combinational designs
            (complete engines in well under a second) keep the sequential order, except multipliers on
            more input bits than the exhaustive engine enumerates (automatic order): z3 races in a lane
            of its own beside the algebraic engine's (which may run out of its slice).
    """

    timeout_s: float = 60.0
    reset: str | None = None
    reset_active_low: bool | None = None
    init: str = "reset"
    bmc_depth: int = 20
    engines: tuple[str, ...] | None = None
    state_map: dict | None = None
    counterexample: bool = True
    parallel: bool = True


@dataclass
class Counterexample:
    """Input values (per cycle) that make the two designs' outputs differ.

    Attributes:
        cycles: one dict per cycle, in order: ``{"inputs": {name: int}, "gold": {name: int},
            "gate": {name: int}, "reset_forced": bool}``. Values of don't-care (x) bits of gold are
            shown as ``x`` in :meth:`format` and listed in ``"gold_x"``.
        widths: port widths (for formatting).
        diff_cycle: index of the first cycle where an output differs.
        diff_outputs: names of the outputs that differ in that cycle.
        initial_state: register values at cycle 0 (sequential designs), ``{"gold.r": int}``.
        sequential: whether the designs hold state.
    """

    cycles: list[dict]
    widths: dict[str, int]
    diff_cycle: int
    diff_outputs: list[str]
    initial_state: dict[str, int] = field(default_factory=dict)
    sequential: bool = False

    def inputs_at(self, cycle: int) -> dict[str, int]:
        return dict(self.cycles[cycle]["inputs"])

    def _fmt(self, name: str, value: int | None, xmask: int = 0) -> str:
        if value is None:
            return "-"
        w = self.widths.get(name, max(1, value.bit_length()))
        if xmask:
            bits = "".join("x" if (xmask >> i) & 1 else str((value >> i) & 1) for i in reversed(range(w)))
            return f"{w}'b{bits}"
        if w == 1:
            return str(value)
        return f"{w}'h{value:x} ({value})"

    def format(self) -> str:
        """A person-readable table: inputs, then (sequential) the trace from reset with both outputs."""
        lines: list[str] = []
        if not self.sequential:
            c = self.cycles[self.diff_cycle]
            lines.append("counterexample (combinational):")
            for n, v in c["inputs"].items():
                lines.append(f"  input  {n:<16} = {self._fmt(n, v)}")
            for n in c["gold"]:
                mark = "  <-- differs" if n in self.diff_outputs else ""
                xm = c.get("gold_x", {}).get(n, 0)
                lines.append(f"  output {n:<16} gold = {self._fmt(n, c['gold'][n], xm):<18} "
                             f"gate = {self._fmt(n, c['gate'].get(n))}{mark}")
            return "\n".join(lines)
        lines.append(f"counterexample (sequential): outputs differ in cycle {self.diff_cycle} "
                     f"({', '.join(self.diff_outputs)})")
        if self.initial_state:
            lines.append("  register values at cycle 0: " + ", ".join(
                f"{k}={v}" for k, v in sorted(self.initial_state.items())))
        in_names = list(self.cycles[0]["inputs"]) if self.cycles else []
        out_names = list(self.cycles[0]["gold"]) if self.cycles else []
        head = ["cycle"] + in_names + [f"gold.{n}" for n in out_names] + [f"gate.{n}" for n in out_names]
        rows = []
        for i, c in enumerate(self.cycles):
            note = " (reset forced)" if c.get("reset_forced") else ""
            row = [f"{i}{note}"]
            row += [self._fmt(n, c["inputs"].get(n)) for n in in_names]
            row += [self._fmt(n, c["gold"].get(n), c.get("gold_x", {}).get(n, 0)) for n in out_names]
            row += [self._fmt(n, c["gate"].get(n)) + (" *" if i == self.diff_cycle and n in self.diff_outputs
                                                         else "") for n in out_names]
            rows.append(row)
        widths = [max(len(h), *(len(r[j]) for r in rows)) for j, h in enumerate(head)]
        lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
        for r in rows:
            lines.append("  " + "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
        lines.append("  (* = differs; outputs are compared from the first cycle after reset)"
                     if any(c.get("reset_forced") for c in self.cycles) else "  (* = differs)")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"sequential": self.sequential, "diff_cycle": self.diff_cycle, "diff_outputs": self.diff_outputs,
                "initial_state": self.initial_state, "cycles": self.cycles, "widths": self.widths}


@dataclass
class VerifyResult:
    """What :func:`rtlopt.verify.check_equivalence` found."""

    verdict: Verdict
    engine: str | None = None
    seconds: float = 0.0
    reason: str = ""
    counterexample: Counterexample | None = None
    interface_diffs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    engines_tried: list[tuple[str, str, float]] = field(default_factory=list)
    gold: str = ""
    gate: str = ""

    @property
    def exit_code(self) -> int:
        return self.verdict.exit_code

    @property
    def equivalent(self) -> bool:
        return self.verdict is Verdict.EQUIVALENT

    def to_dict(self) -> dict:
        return {
            "verdict": str(self.verdict),
            "engine": self.engine,
            "seconds": round(self.seconds, 3),
            "reason": self.reason,
            "gold": self.gold,
            "gate": self.gate,
            "interface_diffs": list(self.interface_diffs),
            "notes": list(self.notes),
            "engines_tried": [{"engine": e, "outcome": o, "seconds": round(s, 3)} for e, o, s in self.engines_tried],
            "counterexample": self.counterexample.to_dict() if self.counterexample else None,
            "counterexample_text": self.counterexample.format() if self.counterexample else None,
            "exit_code": self.exit_code,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def format_text(self) -> str:
        """The report printed by ``rtlopt verify``."""
        lines = [f"{self.verdict}" + (f" (engine: {self.engine}, {self.seconds:.2f} s)" if self.engine
                                      else f" ({self.seconds:.2f} s)")]
        if self.gold:
            lines.append(f"  gold: {self.gold}")
            lines.append(f"  gate: {self.gate}")
        if self.reason:
            lines.append(f"  reason: {self.reason}")
        for d in self.interface_diffs:
            lines.append(f"  interface: {d}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        if self.engines_tried:
            lines.append("  engines: " + ", ".join(f"{e}={o} ({s:.2f} s)" for e, o, s in self.engines_tried))
        if self.counterexample:
            lines.extend("  " + ln for ln in self.counterexample.format().splitlines())
        return "\n".join(lines)
