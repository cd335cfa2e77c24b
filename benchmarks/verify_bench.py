"""Run ``rtlopt verify`` on every variant of the RTLRewriter short benchmark against its case's original.

Usage: python benchmarks/verify_bench.py [-j 2] [--timeout 60] [--bench ../shared/bench/rtlrewriter]
       [--case NAME ...] [--json results.json]

Each pair runs as its own ``python -m rtlopt verify --json`` process (so a crash cannot hide and
each gets a hard kill), ``-j`` at a time. Prints one row per pair (case, file, role, verdict,
engine, seconds) and a count per verdict. ``ERROR(2)`` rows are clear input errors (empty files,
unknown tops); ``CRASH`` would be a bug (a traceback or an unexpected exit code).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "rtlrewriter"


def pairs(bench: Path, only: list[str] | None) -> list[dict]:
    man = json.loads((bench / "manifest.json").read_text())
    out = []
    for case in man["cases"]:
        if only and case["case"] not in only:
            continue
        d = bench / case["dir"]
        orig = [f for f in case["files"] if f["role"] == "original"]
        if not orig:
            continue
        o = orig[0]
        for f in case["files"]:
            if f is o:
                continue
            out.append({"case": case["case"], "gold": d / o["file"], "gold_top": o["top"],
                        "gate": d / f["file"], "gate_top": f["top"], "file": f["file"], "role": f["role"]})
    return out


def run_pair(p: dict, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "rtlopt", "verify", str(p["gold"]), str(p["gate"]), "--json",
           "--timeout", str(timeout)]
    if p["gold_top"]:
        cmd += ["--gold-top", p["gold_top"]]
    if p["gate_top"]:
        cmd += ["--gate-top", p["gate_top"]]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 30)
    except subprocess.TimeoutExpired:
        return {**p, "verdict": "HUNG", "engine": "-", "seconds": time.monotonic() - t0, "detail": "killed"}
    secs = time.monotonic() - t0
    if proc.returncode in (0, 1, 3) and proc.stdout.strip().startswith("{"):
        d = json.loads(proc.stdout)
        detail = d["reason"] if d["verdict"] != "EQUIVALENT" else ""
        if d["interface_diffs"]:
            detail = "; ".join(d["interface_diffs"])
        return {**p, "verdict": d["verdict"], "engine": d["engine"] or "-", "seconds": secs, "detail": detail}
    if proc.returncode == 2 and "Traceback" not in proc.stderr:
        return {**p, "verdict": "ERROR(2)", "engine": "-", "seconds": secs,
                "detail": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""}
    return {**p, "verdict": f"CRASH({proc.returncode})", "engine": "-", "seconds": secs,
            "detail": (proc.stderr.strip().splitlines() or ["?"])[-1]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--case", action="append")
    ap.add_argument("--json", type=Path, help="also write all rows as JSON")
    args = ap.parse_args()
    if not (args.bench / "manifest.json").exists():
        print(f"benchmark not found: {args.bench}", file=sys.stderr)
        return 2
    todo = pairs(args.bench, args.case)
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
        rows = list(ex.map(lambda p: run_pair(p, args.timeout), todo))
    print(f"{'case':<26} {'file':<40} {'role':<11} {'verdict':<15} {'engine':<9} {'seconds':>7}  detail")
    for r in rows:
        print(f"{r['case']:<26} {r['file']:<40} {r['role']:<11} {r['verdict']:<15} {r['engine']:<9} "
              f"{r['seconds']:7.2f}  {r['detail'][:110]}")
    counts = Counter(r["verdict"] for r in rows)
    print(f"\n{len(rows)} pairs in {time.monotonic() - t0:.0f} s (-j {args.j}, timeout {args.timeout:g} s): "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if args.json:
        args.json.write_text(json.dumps([{k: str(v) if isinstance(v, Path) else v for k, v in r.items()}
                                         for r in rows], indent=1))
    return 1 if any(r["verdict"].startswith(("CRASH", "HUNG")) for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
