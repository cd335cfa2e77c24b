"""``rtlopt ppa FILES... [--top T] [--liberty L] [--clock-period NS] [--json] [--timeout S]``.

Synthesizes the design with Yosys to the liberty's cells and prints area (um^2), cell count,
critical-path delay (ns, OpenSTA), power (mW, OpenSTA) and the generic Yosys cell/wire counts, each
with its unit and source, followed by the provenance (tool versions, liberty sha256, script hashes,
top, clock and activity assumptions). ``--json`` prints all of it, scripts included, as JSON.
"""

from __future__ import annotations

import json

from rtlopt.design import open_design
from rtlopt.errors import ExitCode
from rtlopt.ppa import DEFAULT_ACTIVITY, DEFAULT_CLOCK_PERIOD_NS, measure
from rtlopt.ppa.liberty import resolve_liberty


def register(sub) -> None:
    p = sub.add_parser("ppa", help="measure area, delay and power with Yosys + OpenSTA",
                       description="Synthesize to a liberty's cells (Yosys) and report area, cell count, "
                                   "critical-path delay and power (OpenSTA) plus generic Yosys counts.")
    p.add_argument("files", nargs="+", metavar="FILE", help="Verilog/SystemVerilog source files")
    p.add_argument("--top", help="top module (default: the only uninstantiated module)")
    p.add_argument("--liberty", help="liberty name (nangate45, osu018) or a .lib/.lib.gz path "
                                     "(default: $RTLOPT_LIBERTY or nangate45)")
    p.add_argument("--clock-period", type=float, metavar="NS",
                   help=f"clock period in ns for every clock (default {DEFAULT_CLOCK_PERIOD_NS:g}); "
                        "when given it is also ABC's delay target")
    p.add_argument("--activity", type=float, default=DEFAULT_ACTIVITY,
                   help=f"global switching activity per clock period for power (default {DEFAULT_ACTIVITY:g})")
    p.add_argument("--json", action="store_true", help="print the full report (with scripts) as JSON")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S",
                   help="time limit in seconds for the whole measurement (default 300)")
    p.set_defaults(func=run)


def run(args) -> int:
    design = open_design(args.files, args.top)
    lib = resolve_liberty(args.liberty)
    report = measure(design, liberty=lib, clock_period_ns=args.clock_period, timeout=args.timeout,
                     activity=args.activity)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.format_text())
    return int(ExitCode.OK)
