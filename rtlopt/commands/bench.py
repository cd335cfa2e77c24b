"""``rtlopt bench PATH|MANIFEST``: run the optimizer over a benchmark and write reports."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rtlopt import __version__
from rtlopt.errors import ExitCode, InputError


def register(sub) -> None:
    p = sub.add_parser("bench", help="optimize every case of a benchmark and report PPA vs references",
                       description="Optimize every 'original' design of a benchmark (an RTL-Rewriter-Bench "
                       "manifest.json, a directory holding one, or a directory of .v/.sv files), measure it "
                       "and every reference variant, verify the variants against the original, and write "
                       "results.json, results.csv, report.md and report.html. Finished cases are not redone.")
    p.add_argument("path", help="manifest.json, a directory with manifest.json, or a directory of designs")
    p.add_argument("-o", "--out", default="rtlopt-bench", help="output directory (default: %(default)s)")
    p.add_argument("-j", "--jobs", type=int, default=2, help="cases run at once (default: %(default)s)")
    p.add_argument("--goal", choices=("area", "delay", "power", "balanced"), default="area")
    p.add_argument("--liberty", help="liberty name or .lib/.lib.gz path (default: nangate45)")
    p.add_argument("--budget", type=float, default=60.0, help="optimizer budget per case, s")
    p.add_argument("--case-timeout", type=float, default=600.0, help="wall-clock limit per case, s (killed after)")
    p.add_argument("--verify-timeout", type=float, default=30.0, help="limit per equivalence check, s")
    p.add_argument("--no-variants", action="store_true", help="skip measuring/verifying reference variants")
    p.add_argument("--cases", nargs="*", metavar="SUBSTR", help="only cases whose suite/case contains one")
    p.add_argument("--redo", action="store_true", help="rerun cases that already have results")
    p.add_argument("--executor", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", help="dask scheduler address (default: start a local cluster)")
    p.set_defaults(func=run)


class _Progress:
    def __init__(self, total: int) -> None:
        self.total, self.done, self.t0 = total, 0, time.monotonic()
        self.tty = sys.stderr.isatty()

    def __call__(self, res: dict, resumed: bool) -> None:
        self.done += 1
        width = 24
        filled = int(width * self.done / max(1, self.total))
        bar = "#" * filled + "." * (width - filled)
        how = "resumed" if resumed else f"{res.get('status', '?')} {res.get('seconds', 0) or 0:.1f}s"
        line = f"[{bar}] {self.done}/{self.total} {res['case']} ({how}) {time.monotonic() - self.t0:.0f}s"
        if self.tty:
            end = "\n" if self.done == self.total else ""
            print(f"\r\033[K{line}", end=end, file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)


def run(args) -> int:
    from rtlopt.bench import BenchSettings, load_cases, run_cases, summarize, write_reports
    from rtlopt.ppa.liberty import resolve_liberty

    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    cases = load_cases(args.path)
    if args.cases:
        cases = [c for c in cases if any(s in c.key for s in args.cases)]
        if not cases:
            raise InputError(f"no case matches {' '.join(args.cases)}")
    lib = resolve_liberty(args.liberty)
    settings = BenchSettings(goal=args.goal, liberty=str(lib.path), budget_s=args.budget,
                             verify_timeout_s=args.verify_timeout, case_timeout_s=args.case_timeout,
                             variants=not args.no_variants, liberty_sha256=lib.sha256)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    results = run_cases(cases, settings, out, jobs=args.jobs, executor=args.executor, scheduler=args.scheduler,
                        redo=args.redo, on_done=_Progress(len(cases)))
    meta = {"rtlopt": __version__, "benchmark": str(Path(args.path).resolve()), "cases": len(cases),
            "goal": args.goal, "liberty": f"{lib.name} ({lib.path}, sha256 {lib.sha256[:12]})",
            "budget_s": args.budget, "jobs": args.jobs, "executor": args.executor,
            "wall_s": round(time.monotonic() - t0, 1)}
    paths = write_reports(out, results, meta)
    s = summarize(results)
    print(f"{len(results)} cases in {meta['wall_s']} s ({', '.join(f'{k} {v}' for k, v in s['status'].items())})")
    for role, g in s["geomean_ratio_vs_original"].items():
        if role != "original":
            print(f"  {role:<12} geomean vs original: " +
                  ", ".join(f"{k.split('_')[0]} {v:.3f}" for k, v in g.items() if v is not None))
    print(f"rtlopt changed {s['rtlopt_changed']} designs, {s['rtlopt_changed_equivalent']} proven EQUIVALENT")
    print("reports: " + ", ".join(str(p) for p in paths.values()))
    bad = [r for r in results if r.get("status") == "crash"]
    return int(ExitCode.TOOL_FAILED if bad else ExitCode.OK)
