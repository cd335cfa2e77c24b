"""``rtlopt verify GOLD GATE``: formal equivalence check of two designs."""

from __future__ import annotations

import argparse

from rtlopt.design import open_design, open_gate_design
from rtlopt.errors import InputError

HELP_EPILOG = """verdicts and exit codes:
  0  EQUIVALENT      proven (SAT/SMT proof or induction proof from the reset state)
  1  NOT EQUIVALENT  a counterexample is printed (inputs; for sequential designs the trace from reset),
                     or the interfaces differ (missing/extra ports, width changes; ports match by name)
  2  bad input       unreadable file, syntax error, missing top, bad option (one line, no traceback)
  3  UNKNOWN         no engine decided in time, or an unsupported construct; the reason is printed.
                     A bounded check (no difference within N cycles) without an induction proof is UNKNOWN.

start state (--init): reset (default) asserts the reset in cycle 0 and compares from cycle 1; gold's
  registers with no reset and no initial value start as x (don't-care until written), gate's arbitrary;
  zero starts every register without an initial value at 0; any starts registers at arbitrary values
  chosen independently in gold and gate. 'x written in gold is a don't-care for the gate."""


def register(sub) -> None:
    p = sub.add_parser("verify", help="prove two designs equivalent (or show a counterexample)",
                       description="Formal equivalence check: gold (reference) against gate (candidate).",
                       epilog=HELP_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", help="reference design (Verilog/SystemVerilog file)")
    p.add_argument("gate", help="design to check against gold")
    p.add_argument("--top", help="top module of both designs")
    p.add_argument("--gold-top", help="top module of gold (when the names differ)")
    p.add_argument("--gate-top", help="top module of gate (when the names differ)")
    p.add_argument("--json", action="store_true", help="machine-readable result")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="time limit in seconds (default 60)")
    p.add_argument("--reset", metavar="NAME", help="reset input (default: detected from the port names)")
    pol = p.add_mutually_exclusive_group()
    pol.add_argument("--reset-active-low", dest="reset_active_low", action="store_const", const=True,
                     default=None, help="the reset is active low")
    pol.add_argument("--reset-active-high", dest="reset_active_low", action="store_const", const=False,
                     help="the reset is active high")
    p.add_argument("--init", choices=("reset", "zero", "any"), default="reset",
                   help="start state of sequential designs (default: reset)")
    p.add_argument("--depth", type=int, default=20, metavar="N", help="BMC depth in cycles (default 20)")
    p.add_argument("--engines", metavar="LIST",
                   help="comma-separated engines to try in order: exhaustive, algebra, equiv, smt, abc, sat, pdr "
                        "(default: automatic); on sequential designs they race in parallel lanes (ABC, z3, the "
                        "structural engines), the first of the order 2 s ahead")
    p.add_argument("--one-at-a-time", action="store_true",
                   help="run the engines one after another in their order, each in a slice of the time limit, "
                        "instead of racing them on sequential designs")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from rtlopt.verify import VerifyOptions, check_equivalence

    if args.timeout <= 0:
        raise InputError("--timeout must be positive")
    if args.depth < 1:
        raise InputError("--depth must be at least 1")
    gold_top = args.gold_top or args.top
    gate_top = args.gate_top or args.top
    from rtlopt.hdl.project import shared_inputs, without_modules_of

    shared = shared_inputs(args, [args.gold, args.gate])  # -f lists / -y / -v: files both designs use (submodules, packages)
    gold = open_design([args.gold, *without_modules_of(shared, args.gold)], gold_top)
    gate = open_gate_design([args.gate, *without_modules_of(shared, args.gate)], gold, gate_top)
    engines = tuple(e.strip() for e in args.engines.split(",") if e.strip()) if args.engines else None
    opts = VerifyOptions(timeout_s=args.timeout, reset=args.reset, reset_active_low=args.reset_active_low,
                         init=args.init, bmc_depth=args.depth, engines=engines, parallel=not args.one_at_a_time)
    res = check_equivalence(gold, gate, opts)
    print(res.to_json() if args.json else res.format_text())
    return res.exit_code
