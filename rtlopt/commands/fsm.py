"""``rtlopt fsm``: find, check and minimize the state machines of a design."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rtlopt.errors import ExitCode, InputError

EPILOG = """don't-cares:
  'x values (next state or outputs) are don't-care; a missing case arm in a clocked block means hold.
  Source pragmas (comments inside the module):
    // rtlopt: assume !(a && b)          input combinations outside EXPR never occur
    // rtlopt: unreachable S3, S4        these states are never entered
  --assume EXPR adds the same kind of assumption from the command line (repeatable).
  Assumptions are used for analysis and minimization here; `rtlopt optimize` does not use them,
  because the equivalence proof would not know them."""


def register(sub) -> None:
    p = sub.add_parser("fsm", help="extract, check and minimize finite state machines",
                       description="Extract every FSM (any coding style), check its guards, find unreachable "
                                   "and equivalent states, and print the minimized machine.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="Verilog/SystemVerilog files (or -f FILE.f), or one .kiss2 file")
    p.add_argument("--top", help="top module: its machines and those of the modules below it (default: the only "
                   "uninstantiated module)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--dot", metavar="FILE", help="write the state diagram(s) as Graphviz DOT")
    g.add_argument("--svg", metavar="FILE", help="write the state diagram(s) as SVG (needs graphviz 'dot')")
    p.add_argument("--kiss2", metavar="FILE", help="export the (first) machine as KISS2")
    p.add_argument("--assume", action="append", default=[], metavar="EXPR",
                   help="Verilog expression assumed always true (repeatable), e.g. \"!(a && b)\" or "
                        "\"state != S3\"; input combinations outside it are don't-care")
    p.add_argument("--minimized", action="store_true", help="draw/export the minimized machine instead")
    p.add_argument("--exact-max-states", type=int, default=None, metavar="N",
                   help="exact (SAT) minimization up to N reachable states (default 400); larger machines get "
                        "a greedy cover with the gap to the proven lower bound stated")
    p.add_argument("--minimize-timeout", type=float, default=None, metavar="S",
                   help="time limit per machine for minimization in seconds (default 20); past it the best "
                        "cover found is reported with its lower bound")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
    p.set_defaults(func=run)


def _numbered(path: str, i: int, n: int) -> Path:
    p = Path(path)
    return p if n == 1 else p.with_name(f"{p.stem}.{i}{p.suffix}")


def run(args: argparse.Namespace) -> int:
    from rtlopt.fsm import extract, kiss2, minimize, minimized_fsm
    from rtlopt.fsm.dot import to_dot, to_svg
    from rtlopt.fsm.report import fsm_json, fsm_text

    mopts = {}
    if args.exact_max_states is not None:
        if args.exact_max_states < 0:
            raise InputError("--exact-max-states must be >= 0")
        mopts["exact_max_states"] = args.exact_max_states
    if args.minimize_timeout is not None:
        if not args.minimize_timeout > 0:
            raise InputError("--minimize-timeout must be > 0")
        mopts["timeout_s"] = args.minimize_timeout
    rejections, notes = [], []
    if len(args.files) == 1 and args.files[0].endswith((".kiss2", ".kiss", ".kis")):
        if args.assume:
            raise InputError("--assume applies to RTL input, not KISS2")
        fsms = [kiss2.read(args.files[0])]
    else:
        from rtlopt.design import open_design
        from rtlopt.hdl.project import command_inputs

        design = open_design(command_inputs(args, args.files), top=args.top)
        ex = extract(design, assume=tuple(args.assume), below_top=bool(args.top))
        fsms, rejections, notes = ex.fsms, ex.rejections, ex.notes
    results = []
    for f in fsms:
        try:
            m = minimize(f, **mopts)
            mf = minimized_fsm(f, m)
        except ValueError as exc:
            m, mf = None, None
            f.notes.append(f"not minimized: {exc}")
        results.append((f, m, mf))
    if args.json:
        doc = {"fsms": [fsm_json(f, m, mf) for f, m, mf in results],
               "not_extracted": [{"module": r.module, "file": r.file, "line": r.line, "signal": r.signal,
                                  "reason": r.reason} for r in rejections],
               "notes": notes}
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        out = []
        if not fsms:
            out.append("no state machines found")
        for f, m, mf in results:
            out.append(fsm_text(f, m, mf))
        for r in rejections:
            out.append(str(r))
        for n in notes:
            out.append(f"note: {n}")
        print("\n".join(out))
    drawn = [(mf if args.minimized and mf is not None else f) for f, m, mf in results]
    if args.dot:
        for i, f in enumerate(drawn):
            _numbered(args.dot, i, len(drawn)).write_text(to_dot(f))
    if args.svg:
        for i, f in enumerate(drawn):
            _numbered(args.svg, i, len(drawn)).write_text(to_svg(f))
    if args.kiss2:
        if not drawn:
            raise InputError("no state machine to export as KISS2")
        kiss2.write(drawn[0], args.kiss2)
    return int(ExitCode.OK)
