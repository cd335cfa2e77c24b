"""PPA of every file of the RTL-Rewriter short benchmark (all roles) on one liberty.

Usage::

    python benchmarks/ppa_bench.py [-j 2] [--liberty ../shared/lib/sky130hd_tt.lib.gz]
                                   [--manifest ../shared/bench/rtlrewriter/manifest.json]
                                   [--timeout 120] [--json out.json] [--suite NAME]

Prints one row per file: suite, case, file, role, cells, area um^2, delay ns, power mW, generic
cells, time s. A file that cannot be measured (empty variant, renamed or ambiguous top,
unsynthesizable code, tool failure) gets a FAIL row with the one-line reason; the script never
crashes on a bad file. Files are measured in ``-j`` worker processes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MANIFEST = ROOT.parent / "shared" / "bench" / "rtlrewriter" / "manifest.json"
DEFAULT_LIBERTY = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _job(job: dict) -> dict:
    """Measure one file (runs in a worker process); never raises."""
    from rtlopt.errors import RtloptError
    from rtlopt.ppa import measure

    start = time.monotonic()
    row = dict(job)
    try:
        from rtlopt.design import open_design

        design = open_design([job["path"]], job["top"])
        rep = measure(design, liberty=job["liberty"], timeout=job["timeout"])
        row.update(ok=True, top=design.top, cells=rep.cells.value, area=rep.area_um2.value,
                   delay=rep.delay_ns.value, power=rep.power_mw.value, generic_cells=rep.generic_cells.value,
                   generic_wires=rep.generic_wires.value)
    except RtloptError as exc:
        row.update(ok=False, reason=f"{type(exc).__name__}: {exc}".splitlines()[0])
    except Exception as exc:  # a bug in the flow: report it as such, keep going
        row.update(ok=False, reason=f"BUG {type(exc).__name__}: {exc}".splitlines()[0])
    row["seconds"] = time.monotonic() - start
    return row


def jobs_from_manifest(manifest: Path, liberty: str, timeout: float, suite: str | None) -> list[dict]:
    data = json.loads(manifest.read_text())
    base = manifest.parent
    jobs = []
    for case in data["cases"]:
        if suite and case["suite"] != suite:
            continue
        for f in case["files"]:
            jobs.append({"suite": case["suite"], "case": case["case"], "file": f["file"], "role": f["role"],
                         "top": f.get("top"), "path": str(base / case["dir"] / f["file"]),
                         "liberty": liberty, "timeout": timeout})
    return jobs


def _fmt(v, spec: str) -> str:
    return "-" if v is None else format(v, spec)


HEADER = (f"{'suite':<15} {'case':<26} {'file':<38} {'role':<11} {'cells':>6} {'area_um2':>10} "
          f"{'delay_ns':>9} {'power_mW':>10} {'gen_cells':>9} {'time_s':>6}")


def format_row(r: dict) -> str:
    lead = f"{r['suite']:<15} {r['case']:<26} {r['file']:<38} {r['role']:<11}"
    if r["ok"]:
        return (f"{lead} {r['cells']:>6} {_fmt(r['area'], '10.3f')} {_fmt(r['delay'], '9.4f')} "
                f"{_fmt(r['power'], '10.6f')} {r['generic_cells']:>9} {r['seconds']:>6.2f}")
    return f"{lead} FAIL  {r['reason']}  ({r['seconds']:.2f} s)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--liberty", default=str(DEFAULT_LIBERTY))
    ap.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
    ap.add_argument("--timeout", type=float, default=300.0, help="per-file time limit, seconds")
    ap.add_argument("--suite", help="only this suite (basic, datapath, algorithm, memory, fsm_small_case, mux)")
    ap.add_argument("--json", type=Path, help="also write all rows as JSON here")
    args = ap.parse_args(argv)
    if not args.manifest.exists():
        print(f"manifest not found: {args.manifest}", file=sys.stderr)
        return 2
    # Resolve the liberty (and warm the parse/decompression cache) once, before the workers start.
    from rtlopt.ppa._libinfo import lib_info, plain_path
    from rtlopt.ppa.liberty import resolve_liberty

    lib = resolve_liberty(args.liberty)
    lib_info(lib)
    plain_path(lib)
    jobs = jobs_from_manifest(args.manifest, args.liberty, args.timeout, args.suite)
    print(f"liberty {lib.name} {lib.path} sha256 {lib.sha256}")
    print(HEADER)
    print("-" * len(HEADER), flush=True)
    start = time.monotonic()
    rows = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for row in pool.map(_job, jobs):  # in manifest order, each row printed as soon as it is known
            rows.append(row)
            print(format_row(row), flush=True)
    wall = time.monotonic() - start
    ok = [r for r in rows if r["ok"]]
    fails = [r for r in rows if not r["ok"]]
    print(f"\n{len(rows)} files: {len(ok)} measured, {len(fails)} failed; wall {wall:.1f} s with -j {args.jobs}, "
          f"sum of per-file times {sum(r['seconds'] for r in rows):.1f} s")
    if ok:
        times = sorted(r["seconds"] for r in ok)
        print(f"per-file time: median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s")
    if fails:
        print("failures:")
        for r in fails:
            print(f"  {r['suite']}/{r['case']}/{r['file']} ({r['role']}): {r['reason']}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
