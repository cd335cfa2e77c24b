"""``simulate_diff``: the original and a candidate simulated side by side under cocotb.

Simulation is evidence, not proof: a passing run is reported as "simulated, N cycles, no
mismatch", never as equivalent or proven.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.design import DesignRef
from rtlopt.errors import InputError, ToolError
from rtlopt.sim import _stimulus
from rtlopt.sim._activity import parse_vcd_activity
from rtlopt.sim._harness import WRAPPER, layout, wrapper_text, write_renamed_copy
from rtlopt.sim._ports import PortPlan, plan_ports
from rtlopt.tools.cocotb_runner import SIMULATORS, CocotbJob, CocotbRunner, SimBuildError
from rtlopt.tools.sim import Icarus, Verilator

TEST_MODULE = "rtlopt.sim._cocotb_tb"
PERIOD_NS = 10


@dataclass
class SimOptions:
    """Settings of one differential simulation.

    Attributes:
        cycles: Clock cycles (sequential) or vectors (combinational, when not exhaustive).
        seed: Random seed of the stimulus (same seed, same vectors).
        simulator: ``"icarus"`` (default) or ``"verilator"``.
        timeout_s: Wall-clock limit for build plus simulation; the child is killed past it.
        reset: Reset input name; None detects it, ``"none"`` disables reset handling.
        reset_active_low: Reset polarity; None infers it from name and source.
        clock: Clock input name; None detects it, ``"none"`` forces combinational stimulus.
        activity: Also dump the original's nets to a VCD and compute switching activity (Icarus).
        work_dir: Keep the generated files here (a fresh subdirectory); None uses a temporary one.
        lenient_ports: Accept a candidate that dropped inputs (they drive only the original) or added
            outputs (not compared); the result notes it. Off by default: interfaces must match.
    """

    cycles: int = 2000
    seed: int = 1
    simulator: str = "icarus"
    timeout_s: float = 120.0
    reset: str | None = None
    reset_active_low: bool | None = None
    clock: str | None = None
    activity: bool = False
    work_dir: str | Path | None = None
    lenient_ports: bool = False


@dataclass
class Mismatch:
    """The first cycle where the candidate's outputs differ from the original's (known bits only)."""

    cycle: int
    inputs: dict[str, str]
    gold: dict[str, str]
    gate: dict[str, str]
    outputs: list[str]
    stimulus: str = ""
    time_ns: int = 0

    def to_dict(self) -> dict:
        return {"cycle": self.cycle, "time_ns": self.time_ns, "stimulus": self.stimulus, "inputs": self.inputs,
                "gold_outputs": self.gold, "gate_outputs": self.gate, "differing_outputs": self.outputs}


@dataclass
class SimResult:
    """Outcome of :func:`simulate_diff`."""

    passed: bool
    cycles: int
    mismatch: Mismatch | None
    simulator: str
    seconds: float
    notes: list[str] = field(default_factory=list)
    seed: int = 1
    mode: str = "sequential"
    activity: dict | None = None
    gold_top: str = ""
    gate_top: str = ""
    tool_versions: dict[str, str] = field(default_factory=dict)

    @property
    def evidence(self) -> str:
        """One line of evidence, worded as simulation evidence (never as a proof)."""
        unit = "cycles" if self.mode == "sequential" else "vectors"
        if self.passed:
            return f"simulated, {self.cycles} {unit}, no mismatch"
        return f"simulated, mismatch at {unit[:-1]} {self.mismatch.cycle if self.mismatch else '?'}"

    def to_dict(self) -> dict:
        return {
            "passed": self.passed, "evidence": self.evidence, "cycles": self.cycles, "mode": self.mode,
            "seed": self.seed, "simulator": self.simulator, "tool_versions": self.tool_versions,
            "seconds": round(self.seconds, 3), "gold_top": self.gold_top, "gate_top": self.gate_top,
            "mismatch": self.mismatch.to_dict() if self.mismatch else None, "notes": list(self.notes),
            "activity": self.activity,
        }

    def format_text(self) -> str:
        versions = ", ".join(self.tool_versions.values())
        head = f"{self.evidence} ({self.simulator}; {versions}; seed {self.seed}; {self.seconds:.1f} s)"
        lines = [head]
        m = self.mismatch
        if m is not None:
            unit = "cycle" if self.mode == "sequential" else "vector"
            lines.append(f"first mismatch at {unit} {m.cycle} (t={m.time_ns} ns, {m.stimulus} stimulus) on "
                         f"{', '.join(m.outputs)}")
            lines.append("  inputs:    " + (" ".join(f"{k}={v}" for k, v in m.inputs.items()) or "-"))
            lines.append("  original:  " + " ".join(f"{k}={v}" for k, v in m.gold.items()))
            lines.append("  candidate: " + " ".join(f"{k}={v}" for k, v in m.gate.items()))
        for n in self.notes:
            lines.append(f"note: {n}")
        if self.activity:
            a = self.activity
            lines.append(f"activity: {a['average_toggle_rate']:.4f} toggles per net bit per cycle over "
                         f"{a['net_bits']} net bits ({a['source']})")
        return "\n".join(lines)


def _config(plan: PortPlan, opts: SimOptions) -> dict:
    return {
        "sequential": plan.sequential,
        "cycles": opts.cycles,
        "seed": opts.seed,
        "period_ns": PERIOD_NS,
        "active_edge": plan.active_edge,
        "reset": plan.reset.name if plan.reset else None,
        "reset_active_low": plan.reset_active_low,
        "inputs": layout(plan.data_inputs),
        "outputs": layout(plan.outputs),
    }


def _describe(plan: PortPlan, opts: SimOptions) -> list[str]:
    notes = list(plan.notes)
    if plan.sequential:
        clk = ", ".join(c.name for c in plan.clocks)
        if plan.reset is not None:
            pol = "active-low" if plan.reset_active_low else "active-high"
            rst = f"reset {plan.reset.name} ({pol}) held {_stimulus.RESET_CYCLES} cycles then pulsed at random"
        else:
            rst = "no reset input found: registers start unknown (X) and X outputs of the original are not compared"
        notes.append(f"clock {clk} ({plan.active_edge}), outputs sampled 1 ns before each active edge; {rst}")
    else:
        widths = [p.width for p in plan.data_inputs]
        if _stimulus.is_exhaustive(widths):
            notes.append(f"combinational: all {1 << sum(widths)} input combinations ({sum(widths)} input bits)")
        else:
            notes.append(f"combinational: {sum(widths)} input bits, corner cases then random vectors")
    return notes


def _versions(simulator: str, runner: CocotbRunner) -> dict[str, str]:
    tool = Icarus() if simulator == "icarus" else Verilator()
    text = re.sub(r"\s*\(\)\s*$", "", tool.version_text or simulator)
    return {"simulator": text, "cocotb": runner.version_text or "cocotb"}


_ERR_LINE = re.compile(r"^(?:%Error[^:]*: )?(?P<file>[^\s:][^:]*):(?P<line>\d+):(?:\d+:)?\s*(?:error:\s*)?(?P<msg>.*)$")


def _input_error_from_build(exc: SimBuildError, copies: dict[str, tuple[Path, str]], simulator: str,
                            tops: tuple[str, str]) -> InputError | None:
    """An InputError naming the user's file and line when the compiler's first error is in a design copy."""
    for line in exc.log.splitlines():
        m = _ERR_LINE.match(line.strip())
        if not m or ("error" not in line.lower()):
            continue
        hit = copies.get(str(Path(m.group("file")).resolve()))
        if hit is None:
            continue
        orig, role = hit
        msg = m.group("msg").replace("rtlopt_diff.u_gold", tops[0]).replace("rtlopt_diff.u_gate", tops[1])
        msg = re.sub(r"\b(gold|gate)_", "", msg) if "gold_" in msg or "gate_" in msg else msg
        return InputError(f"{simulator} rejects {role}: {msg.strip()}", file=orig, line=int(m.group("line")))
    return None


def simulate_diff(gold: DesignRef, gate: DesignRef, options: SimOptions | None = None) -> SimResult:
    """Simulate ``gate`` against ``gold`` (the oracle) with the same stimulus; compare every cycle.

    Args:
        gold: The original design.
        gate: The candidate.
        options: Cycles, seed, simulator, time limit, reset/clock overrides.

    Returns:
        A SimResult; ``passed`` is True only when the cocotb test ran and passed and no known output
        bit of the original differed.

    Raises:
        InputError: bad options or interfaces that cannot be paired.
        ToolNotFound: cocotb or the simulator is missing.
        ToolTimeout: the time limit passed (the simulation was killed).
        ToolError: the build failed, or the cocotb test failed without a recorded mismatch.
    """
    opts = options or SimOptions()
    if opts.simulator not in SIMULATORS:
        raise InputError(f"unknown simulator '{opts.simulator}' (choose {' or '.join(SIMULATORS)})")
    if opts.cycles < 1:
        raise InputError(f"cycles must be at least 1, not {opts.cycles}")
    runner = CocotbRunner()
    problem = runner.simulator_problem(opts.simulator)
    if problem:
        from rtlopt.errors import ToolNotFound

        raise ToolNotFound(problem)
    start = time.monotonic()
    plan = plan_ports(gold, gate, reset=opts.reset, reset_active_low=opts.reset_active_low, clock=opts.clock,
                      lenient=opts.lenient_ports)
    notes = _describe(plan, opts)
    if opts.simulator == "verilator":
        notes.append("Verilator is two-state: X/Z do not exist, undriven and uninitialized bits start at 0 in both "
                     "designs, so X don't-care handling does not apply")
    if opts.work_dir is not None:
        Path(opts.work_dir).mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="sim-", dir=opts.work_dir))
        keep = True
    else:
        work = Path(tempfile.mkdtemp(prefix="rtlopt-sim-"))
        keep = False
    try:
        src = work / "src"
        gold_files = write_renamed_copy(gold, "gold_", src)
        gate_files = write_renamed_copy(gate, "gate_", src)
        want_vcd = opts.activity and opts.simulator == "icarus"
        if opts.activity and not want_vcd:
            notes.append("activity was not computed: it needs a VCD from Icarus")
        wrapper = src / f"{WRAPPER}.v"
        wrapper.write_text(wrapper_text(plan, f"gold_{gold.top}", f"gate_{gate.top}",
                                        dump_gold="gold.vcd" if want_vcd else None))
        build = work / "build"
        build.mkdir()
        cfg_path = work / "config.json"
        cfg_path.write_text(json.dumps(_config(plan, opts), indent=1))
        record_path = build / "record.json"
        from rtlopt.hdl.project import active, original_of

        proj = active()  # include dirs (the originals' directories first, then -I) and -D macros
        includes = list(dict.fromkeys([*(str(original_of(f).parent) for f in (*gold.files, *gate.files)),
                                       *(str(d) for d in proj.include_dirs)]))
        defines = {k: ("1" if v is None else v) for k, v in proj.defines}
        job = CocotbJob(simulator=opts.simulator, sources=[str(p) for p in (*gold_files, *gate_files, wrapper)],
                        toplevel=WRAPPER, test_module=TEST_MODULE, build_dir=str(build), includes=includes,
                        defines=defines,
                        extra_env={"RTLOPT_SIM_CONFIG": str(cfg_path), "RTLOPT_SIM_RECORD": str(record_path)},
                        seed=opts.seed, sim_suffix=["-vcd"] if want_vcd else [])
        try:
            run = runner.run_job(job, timeout=opts.timeout_s)
        except SimBuildError as exc:
            copies = {str(c.resolve()): (o, "the original") for c, o in zip(gold_files, gold.files, strict=True)}
            copies.update({str(c.resolve()): (o, "the candidate") for c, o in zip(gate_files, gate.files, strict=True)})
            mapped = _input_error_from_build(exc, copies, opts.simulator, (gold.top, gate.top))
            if mapped is not None:
                raise mapped from None
            raise
        record = json.loads(record_path.read_text()) if record_path.is_file() else None
        mismatch = None
        if record and record.get("mismatch"):
            m = record["mismatch"]
            mismatch = Mismatch(m["cycle"], m["inputs"], m["gold"], m["gate"], m["outputs"], m.get("stimulus", ""),
                                m.get("time_ns", 0))
        if mismatch is None:
            if not run.passed:
                why = "; ".join(f"{c.name}: {c.message}" for c in run.cases if not c.passed) or "no test ran"
                raise ToolError(f"the cocotb differential test failed without a recorded mismatch: {why}",
                                log=run.log)
            if record is None:
                raise ToolError("the cocotb test passed but left no record of what it compared", log=run.log)
        cycles = int(record["cycles"]) if record else 0
        if record and record.get("x_samples"):
            detail = ", ".join(f"{k}: {v} bit-samples" for k, v in sorted(record.get("x_bits", {}).items()))
            notes.append(f"original's outputs were X/Z in {record['x_samples']} of {cycles} samples; those bits were "
                         f"treated as don't-care ({detail})")
            if record.get("compared_bits", 1) == 0:
                notes.append("no output bit of the original was ever known: nothing was actually compared")
        activity = None
        if want_vcd and (build / "gold.vcd").is_file() and mismatch is None:
            act = parse_vcd_activity(build / "gold.vcd", cycles=cycles,
                                     clock_names={c.name for c in plan.clocks},
                                     source="VCD of the original's Icarus simulation, toggles per net bit per "
                                            + ("clock cycle" if plan.sequential else "vector"))
            activity = act.to_dict()
        return SimResult(passed=mismatch is None, cycles=cycles, mismatch=mismatch, simulator=opts.simulator,
                         seconds=time.monotonic() - start, notes=notes, seed=opts.seed,
                         mode="sequential" if plan.sequential else "combinational", activity=activity,
                         gold_top=gold.top, gate_top=gate.top, tool_versions=_versions(opts.simulator, runner))
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
