"""``rtlopt ppa FILES... [--top T] [--liberty L] [--clock-period NS] [--json] [--timeout S]``.

Synthesizes the design with Yosys to the liberty's cells and prints area (um^2), cell count,
critical-path delay (ns, OpenSTA), power (mW, OpenSTA) and the generic Yosys cell/wire counts, each
with its unit and source, followed by the provenance (tool versions, liberty sha256, script hashes,
top, clock and activity assumptions). ``--json`` prints all of it, scripts included, as JSON.
"""

from __future__ import annotations

import json

from rtlopt.design import open_design
from rtlopt.errors import BudgetExhausted, ExitCode, ToolTimeout
from rtlopt.ppa import DEFAULT_ACTIVITY, DEFAULT_CLOCK_PERIOD_NS, measure
from rtlopt.ppa.liberty import resolve_liberty


def register(sub) -> None:
    p = sub.add_parser("ppa", help="measure area, delay and power with Yosys + OpenSTA",
                       description="Synthesize to a liberty's cells (Yosys) and report area, cell count, "
                                   "critical-path delay and power (OpenSTA) plus generic Yosys counts.")
    p.add_argument("files", nargs="*", metavar="FILE", help="Verilog/SystemVerilog source files (or -f FILE.f)")
    p.add_argument("--top", help="top module (default: the only uninstantiated module)")
    p.add_argument("--liberty", help="liberty name (nangate45, osu018) or a .lib/.lib.gz path "
                                     "(default: $RTLOPT_LIBERTY or nangate45)")
    p.add_argument("--clock-period", type=float, metavar="NS",
                   help=f"clock period in ns for every clock (default {DEFAULT_CLOCK_PERIOD_NS:g}); "
                        "when given it is also ABC's delay target")
    p.add_argument("--activity", type=float, default=DEFAULT_ACTIVITY,
                   help=f"global switching activity per clock period for power (default {DEFAULT_ACTIVITY:g})")
    p.add_argument("--activity-from-sim", action="store_true",
                   help="measure the global activity by simulating the design (Icarus via cocotb, random and "
                        "corner-case stimulus) instead of assuming --activity")
    p.add_argument("--sim-cycles", type=int, default=1000, metavar="N",
                   help="cycles simulated for --activity-from-sim (default 1000)")
    p.add_argument("--json", action="store_true", help="print the full report (with scripts) as JSON")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S",
                   help="time limit in seconds for the whole measurement (default 300)")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from rtlopt.hdl.project import command_inputs

    design = open_design(command_inputs(args, args.files), args.top)
    lib = resolve_liberty(args.liberty)
    activity, source = args.activity, None
    if args.activity_from_sim:
        activity, source = simulated_activity(design, cycles=args.sim_cycles)
    try:
        report = measure(design, liberty=lib, clock_period_ns=args.clock_period, timeout=args.timeout,
                         activity=activity, activity_source=source)
    except ToolTimeout as exc:
        # a time limit is the user's (--timeout), not a tool failure: exit 8, as optimize's budget
        from rtlopt.commands.optimize import _memory_hint

        hint = _memory_hint(design)
        raise BudgetExhausted(
            f"the design could not be measured within --timeout {args.timeout:g} s ({exc}). "
            + (hint + " " if hint else "")
            + "Raise --timeout, or measure module by module (--top CHILD; rtlopt optimize --hierarchical "
            "reports per-module areas).") from None
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.format_text())
    return int(ExitCode.OK)


def simulated_activity(design, *, cycles: int = 1000, seed: int = 1) -> tuple[float, str]:
    """Average toggles per net bit per cycle from an Icarus simulation of ``design``, and its description."""
    from rtlopt.errors import ToolError
    from rtlopt.sim import SimOptions, simulate_diff

    res = simulate_diff(design, design, SimOptions(cycles=cycles, seed=seed, simulator="icarus", activity=True))
    if not res.activity:
        raise ToolError("simulation produced no switching activity: " + "; ".join(res.notes or ["no VCD"]))
    rate = float(res.activity["average_toggle_rate"])
    if rate <= 0:
        raise ToolError("simulation saw no toggling net: cannot use it as the power activity")
    return rate, (f"activity measured by simulation: average {rate:.4g} toggles per net bit per cycle over "
                  f"{res.activity.get('cycles', cycles)} cycles of random and corner-case stimulus "
                  f"(Icarus, seed {seed}); applied globally")
