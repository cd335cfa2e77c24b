"""How long does ``rtlopt optimize`` take per design? Before/after table over the generalization suite.

Usage:
    python benchmarks/optimize_speed.py [--before-rev REV | --before-json OLD.json] [--only NAME,...]
        [--set DIR,...] [--family F,...] [--budget 120] [--liberty PATH] [--save OUT.json] [--timeout S] [--jobs N]

Each row is one ``rtlopt optimize DESIGN --top T --json -q`` process on
``designs/generalization/<family>/<case>/original.v`` (``--set designs/heldout13,...``: those case directories
instead; with several, rows and ``--only`` names are ``<set>/<family>/<case>``), run as a user runs it (default settings), with a
fresh, empty PPA cache directory per run (``RTLOPT_CACHE_DIR``), so no run profits from an earlier one.
"before" runs the code of git revision ``--before-rev`` (exported with ``git archive`` into a temporary
directory, nothing in the checkout changes) or of the directory ``--before-code``, each design right
before its "after" run (the same machine load for both), or is read from a previous ``--save`` file.
Runs start in a temporary directory with ``PYTHONPATH`` set to the code's directory, which Python
searches before an editable install of rtlopt (the Yosys child processes inherit it). Printed per
design: wall and CPU seconds (user+sys of the whole process tree) before/after, exit codes, accepted rules and area (after),
whether the budget ended each run, and the median seconds.
Target (issue 10): median <= 10 s per design on 2 cores. The machine may be shared: the load average at
start and end is printed with the table so distorted numbers can be recognised.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RTLOPT_SHARED", ROOT.parent / "shared"))
LIB = SHARED / "lib" / "sky130hd_tt.lib.gz"


def designs(families: set[str], only: set[str], sets: list[str] | None = None) -> list[tuple[str, Path, str]]:
    out = []
    origs = [o for d in (sets or ["designs/generalization"]) for o in sorted((ROOT / d).glob("*/*/original.*"))]
    for orig in origs:
        if orig.suffix not in (".v", ".sv"):
            continue
        case = orig.parent
        name = f"{case.parent.name}/{case.name}"
        if sets and len(sets) > 1:
            name = f"{case.parent.parent.name}/{name}"
        if families and case.parent.name not in families:
            continue
        if only and case.name not in only and name not in only:
            continue
        try:
            top = json.loads((case / "case.json").read_text())["top"]
        except (OSError, ValueError, KeyError):
            continue
        out.append((name, orig, top))
    return out


def _share_liberty_cache(cache: Path) -> None:
    """The parsed/decompressed liberty is shared (a user has it after the first run); PPA results are not."""
    base = os.environ.get("RTLOPT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rtlopt"
    lib = Path(base) / "liberty"
    if lib.is_dir():
        (cache / "liberty").symlink_to(lib, target_is_directory=True)


def run_one(code_root: Path, orig: Path, top: str, args, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="rtlopt-speed-cache-") as cache:
        _share_liberty_cache(Path(cache))
        env = dict(os.environ, RTLOPT_CACHE_DIR=cache, PYTHONPATH=str(code_root))
        cmd = [sys.executable, "-m", "rtlopt", "optimize", str(orig), "--top", top, "--json", "-q",
               "--budget", str(args.budget), "--liberty", str(args.liberty), *extra]
        t0 = time.monotonic()
        ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=args.timeout,
                               cwd=tempfile.gettempdir())
            rc, out = p.returncode, p.stdout
        except subprocess.TimeoutExpired:
            rc, out = "T/O", ""
        secs = time.monotonic() - t0
        ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds (user + sys) of the whole process tree: every child the optimizer waited for is counted.
    # On a shared machine this is the comparable number; wall seconds grow with the other users' load.
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    r: dict = {"rc": rc, "s": round(secs, 2), "cpu": round(cpu, 2), "rules": "", "area_before": None,
               "area_after": None}
    try:
        d = json.loads(out)
    except ValueError:
        return r
    area = (d.get("ppa") or {}).get("area") or {}
    r["area_before"] = (area.get("before") or {}).get("value")
    r["area_after"] = (area.get("after") or {}).get("value")
    r["rules"] = ",".join(x for s in d.get("rules_applied") or [] for x in s.get("rules") or [])
    r["mode"] = d.get("mode", "flat")  # "hierarchical": the flat input measurement did not fit its limit
    r["timings"] = d.get("timings")
    r["exhausted"] = bool(d.get("budget_exhausted"))  # the budget, not the search, ended the run
    return r


def _yn(flag) -> str:
    return "yes" if flag else "no"


def export_rev(rev: str, dest: Path) -> None:
    arch = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "rtlopt"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=arch.stdout, check=True)


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before-rev", help="git revision whose code gives the 'before' column")
    ap.add_argument("--before-code", help="directory holding the rtlopt package of the 'before' runs (run "
                    "interleaved with the 'after' runs, like --before-rev)")
    ap.add_argument("--before-json", help="a previous --save file whose 'after' runs are the 'before' column")
    ap.add_argument("--set", default="designs/generalization", help="comma-separated case directories "
                    "(relative to the checkout) holding <family>/<case>/original.* (e.g. designs/heldout13); "
                    "with several, rows are named <set>/<family>/<case> and --only takes those names")
    ap.add_argument("--family", default="", help="comma-separated families")
    ap.add_argument("--only", default="", help="comma-separated case names (or family/case)")
    ap.add_argument("--budget", type=float, default=120.0)
    ap.add_argument("--timeout", type=float, default=400.0, help="hard limit per process (s)")
    ap.add_argument("--liberty", default=str(LIB))
    ap.add_argument("--jobs", type=int, help="pass -j N to the 'after' runs (default: rtlopt's default)")
    ap.add_argument("--save", help="save rows as JSON")
    ap.add_argument("--code", default=str(ROOT), help="directory holding the rtlopt package of the 'after' runs")
    args = ap.parse_args()
    todo = designs({x for x in args.family.split(",") if x}, {x for x in args.only.split(",") if x},
                   [x for x in args.set.split(",") if x])
    if not todo:
        print("no designs found", file=sys.stderr)
        return 0
    before: dict[str, dict] = {}
    if args.before_json:
        before = {k: v["after"] for k, v in json.loads(Path(args.before_json).read_text()).items()
                  if v.get("after")}
    tmp_rev = None
    if args.before_rev:
        tmp_rev = tempfile.TemporaryDirectory(prefix="rtlopt-speed-rev-")
        export_rev(args.before_rev, Path(tmp_rev.name))
    extra = ["-j", str(args.jobs)] if args.jobs else []
    print(f"load average at start: {_load()} ({os.cpu_count()} cpus)\n")
    print("| design | before s | after s | before cpu s | after cpu s | exit b/a | rules (after) "
          "| area before -> after | same area | budget ran out b/a |\n|---|---|---|---|---|---|---|---|---|---|")
    rows: dict[str, dict] = {}
    for name, orig, top in todo:
        b = before.get(name)
        if tmp_rev is not None:
            b = run_one(Path(tmp_rev.name), orig, top, args, [])
        elif args.before_code:
            b = run_one(Path(args.before_code), orig, top, args, [])
        a = run_one(Path(args.code), orig, top, args, extra)
        rows[name] = {"before": b, "after": a}
        ab, aa = a.get("area_before"), a.get("area_after")
        area = f"{ab:.1f} -> {aa:.1f}" if isinstance(ab, (int, float)) and isinstance(aa, (int, float)) else ""
        bs = f"{b['s']:.1f}" if b else ""
        bc = f"{b['cpu']:.1f}" if b and b.get("cpu") is not None else ""
        same = "" if not b else ("yes" if b.get("area_after") == aa and b.get("rc") == a["rc"] else "NO")
        if b and b.get("mode", "flat") != a.get("mode", "flat"):  # a load-dependent fallback, not a result
            same += f" ({b.get('mode', 'flat')} vs {a.get('mode', 'flat')} mode)"
        print(f"| {name} | {bs} | {a['s']:.1f} | {bc} | {a['cpu']:.1f} | {b['rc'] if b else ''}/{a['rc']} "
              f"| {a['rules']} | {area} | {same} | {_yn(b.get('exhausted')) if b else ''}/{_yn(a.get('exhausted'))} |",
              flush=True)
        if args.save:  # after every row: a long run that is stopped keeps what it measured
            Path(args.save).write_text(json.dumps(rows, indent=1, default=str) + "\n")
    if tmp_rev is not None:
        tmp_rev.cleanup()
    bs = [r["before"]["s"] for r in rows.values() if r["before"]]
    as_ = [r["after"]["s"] for r in rows.values()]
    print(f"\nmedian seconds: before {statistics.median(bs):.1f} " if bs else "\nmedian seconds: before n/a ",
          end="")
    print(f"after {statistics.median(as_):.1f} over {len(as_)} designs (target <= 10 s)")
    bc = [r["before"]["cpu"] for r in rows.values() if r["before"] and r["before"].get("cpu") is not None]
    ac = [r["after"]["cpu"] for r in rows.values()]
    print(f"median CPU seconds: before {statistics.median(bc):.1f} " if bc else "median CPU seconds: before n/a ",
          end="")
    print(f"after {statistics.median(ac):.1f}; total CPU before {sum(bc):.0f} after {sum(ac):.0f}")
    print(f"load average at end: {_load()}")
    if args.save:
        Path(args.save).write_text(json.dumps(rows, indent=1, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
