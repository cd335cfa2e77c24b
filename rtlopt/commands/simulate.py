"""``rtlopt simulate GOLD GATE``: differential simulation of an original and a candidate (cocotb).

Exit codes: 0 simulated with no mismatch, 1 mismatch (the first one is printed), 2 bad input,
5 simulator/cocotb missing, 6 simulator failure or time limit. A pass is evidence from
simulation ("simulated, N cycles, no mismatch"), not a proof.
"""

from __future__ import annotations

import json

from rtlopt.design import open_design, open_gate_design
from rtlopt.errors import ExitCode, InputError


def register(sub) -> None:
    p = sub.add_parser("simulate", help="simulate a candidate against the original with the same stimulus",
                       description="Differential simulation under cocotb: the original (the oracle) and the "
                                   "candidate get the same reset, corner-case and random stimulus; outputs are "
                                   "compared every cycle; X/Z outputs of the original are don't-care.")
    p.add_argument("gold", help="the original design (Verilog/SystemVerilog file)")
    p.add_argument("gate", help="the candidate design")
    p.add_argument("--gold-lib", action="append", default=[], metavar="FILE",
                   help="another source file of the original (submodules); repeatable")
    p.add_argument("--gate-lib", action="append", default=[], metavar="FILE",
                   help="another source file of the candidate; repeatable")
    p.add_argument("--top", help="top module of both files")
    p.add_argument("--gold-top", help="top module of the original (when the names differ)")
    p.add_argument("--gate-top", help="top module of the candidate (when the names differ)")
    p.add_argument("--cycles", type=int, default=2000, help="clock cycles or random vectors (default 2000)")
    p.add_argument("--seed", type=int, default=1, help="stimulus seed (default 1)")
    p.add_argument("--simulator", choices=("icarus", "verilator"), default="icarus",
                   help="simulator under cocotb (default icarus)")
    p.add_argument("--timeout", type=float, default=120.0, help="time limit in seconds (default 120)")
    p.add_argument("--clock", help="clock input (default: detected by name; 'none' for combinational stimulus)")
    p.add_argument("--reset", help="reset input (default: detected by name; 'none' for no reset)")
    pol = p.add_mutually_exclusive_group()
    pol.add_argument("--reset-active-low", dest="reset_active_low", action="store_true", default=None,
                     help="the reset is active low")
    pol.add_argument("--reset-active-high", dest="reset_active_low", action="store_false",
                     help="the reset is active high")
    p.add_argument("--allow-dropped-inputs", action="store_true",
                   help="accept a candidate without some of the original's inputs (they drive only the original) "
                        "or with extra outputs (not compared)")
    p.add_argument("--activity", action="store_true",
                   help="also report switching activity of the original (VCD toggle counts, Icarus)")
    p.add_argument("--keep", metavar="DIR", help="keep the generated testbench and logs under DIR")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from rtlopt.sim import SimOptions, simulate_diff

    if args.top and (args.gold_top or args.gate_top):
        raise InputError("give either --top or --gold-top/--gate-top, not both")
    if args.cycles < 1:
        raise InputError(f"--cycles must be at least 1, not {args.cycles}")
    if args.timeout <= 0:
        raise InputError(f"--timeout must be positive, not {args.timeout:g}")
    from rtlopt.hdl.project import shared_inputs, without_modules_of

    shared = shared_inputs(args, [args.gold, args.gate])  # -f lists / -y / -v: files both designs use
    gold = open_design([args.gold, *getattr(args, "gold_lib", []), *without_modules_of(shared, args.gold)],
                       args.top or args.gold_top)
    gate = open_gate_design([args.gate, *getattr(args, "gate_lib", []), *without_modules_of(shared, args.gate)],
                            gold, args.top or args.gate_top)
    opts = SimOptions(cycles=args.cycles, seed=args.seed, simulator=args.simulator, timeout_s=args.timeout,
                      reset=args.reset, reset_active_low=args.reset_active_low, clock=args.clock,
                      activity=args.activity, work_dir=args.keep,
                      lenient_ports=getattr(args, "allow_dropped_inputs", False))
    res = simulate_diff(gold, gate, opts)
    if args.json:
        out = res.to_dict()
        out["gold"] = str(args.gold)
        out["gate"] = str(args.gate)
        print(json.dumps(out, indent=2))
    else:
        print(res.format_text())
    return int(ExitCode.OK if res.passed else ExitCode.NOT_EQUIVALENT)
