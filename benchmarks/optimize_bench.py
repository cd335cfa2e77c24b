#!/usr/bin/env python3
"""Benchmark ``rtlopt optimize`` on the RTLRewriter short benchmark.

For every case of ``../shared/bench/rtlrewriter/manifest.json``: optimize the ``original`` (goal
area, liberty sky130hd_tt), then measure the original, rtlopt's output and every shipped reference
variant (human, gpt4, claude3, rtlrewriter) with :func:`rtlopt.ppa.measure`, and prove each variant
against the original with :func:`rtlopt.verify.check_equivalence`. Prints one table row per design
and role (area um^2, delay ns, power mW, cells, verdict), then the geometric mean of the ratios to
the original per role, rtlopt vs human on the cases that have a human reference, and the
median/max optimizer time per case.

Usage::

    python benchmarks/optimize_bench.py [-j 2] [--cases SUBSTR ...] [--budget 30] [--no-variants] [--json OUT]
    python benchmarks/optimize_bench.py --from-json OUT.json            # this script's --json output
    python benchmarks/optimize_bench.py --from-json rtlopt-bench/results.json   # or `rtlopt bench`'s
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "rtlrewriter"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
ROLES = ("original", "rtlopt", "human", "gpt4", "claude3", "rtlrewriter")


def run_case(case: dict, budget: float, verify_timeout: float, variants: bool, ppa_timeout: float) -> dict:
    """Optimize one case and measure everything (runs in a worker process), via :func:`rtlopt.bench.run_case`."""
    from rtlopt.bench import BenchCase, BenchFile, BenchSettings
    from rtlopt.bench import run_case as bench_case

    d = BENCH / case["dir"]
    bc = BenchCase(case["suite"], case["case"],
                   tuple(BenchFile(d / f["file"], f["role"], f["top"]) for f in case["files"] if f["role"] != "other"))
    res = bench_case(bc, BenchSettings(goal="area", liberty=str(LIB), budget_s=budget, verify_timeout_s=verify_timeout,
                                       ppa_timeout_s=ppa_timeout, variants=variants))
    return from_bench_result(res)


def from_bench_result(res: dict) -> dict:
    """This script's row format from one case of :func:`rtlopt.bench.run_case` (or ``rtlopt bench``'s results.json)."""
    out = {"case": res["case"], "rows": []}
    if res.get("status") != "ok":
        out["error"] = res.get("error", res.get("status"))
    if res.get("stages"):
        out["seconds"] = res["stages"]["optimize_s"]
    for r in res["rows"]:
        verdict = r.get("verdict", "?")
        if verdict == "ERROR":
            verdict = f"ERROR: {str(r.get('error', ''))[:60]}"
        elif verdict == "UNCHANGED":
            verdict = "unchanged"
        row = {"role": r["role"], "file": r["file"], "area": r.get("area_um2"), "delay": r.get("delay_ns"),
               "power": r.get("power_mw"), "cells": r.get("cells"), "verdict": verdict}
        if r["role"] == "rtlopt":
            row["file"] = "+".join(sorted(set(r.get("rules") or ()))) or "-"
            row["status"] = r.get("status")
        out["rows"].append(row)
    return out


def geomean(xs: list[float]) -> float | None:
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def _f(v, w=10, p=2) -> str:
    if v is None:
        return f"{'n/a':>{w}}"
    if isinstance(v, int):
        return f"{v:>{w}d}"
    return f"{v:>{w}.{p}f}" if v >= 1 else f"{v:>{w}.4f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--cases", nargs="*", help="only cases whose suite/case contains one of these")
    ap.add_argument("--budget", type=float, default=30.0, help="optimizer budget per case (s)")
    ap.add_argument("--verify-timeout", type=float, default=20.0)
    ap.add_argument("--ppa-timeout", type=float, default=120.0, help="limit per PPA measurement (s)")
    ap.add_argument("--no-variants", action="store_true", help="skip measuring/verifying reference variants")
    ap.add_argument("--json", help="write all rows as JSON here")
    ap.add_argument("--from-json", help="print the tables of an earlier --json run instead of running")
    args = ap.parse_args()
    manifest = json.loads((BENCH / "manifest.json").read_text())
    cases = manifest["cases"]
    if args.cases:
        cases = [c for c in cases if any(s in f"{c['suite']}/{c['case']}" for s in args.cases)]
    results = []
    if args.from_json:
        results = json.loads(Path(args.from_json).read_text())
        if isinstance(results, dict) and "cases" in results:  # results.json written by `rtlopt bench`
            results = [from_bench_result(r) for r in results["cases"]]
        cases = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futs = {pool.submit(run_case, c, args.budget, args.verify_timeout, not args.no_variants,
                            args.ppa_timeout): c for c in cases}
        for fut in as_completed(futs):
            c = futs[fut]
            try:
                r = fut.result()
            except Exception as exc:  # noqa: BLE001 - report and go on
                r = {"case": f"{c['suite']}/{c['case']}", "rows": [], "error": f"{type(exc).__name__}: {exc}"}
            results.append(r)
            print(f"done {r['case']} ({r.get('seconds', 0):.1f} s){' ' + r['error'] if r.get('error') else ''}",
                  file=sys.stderr, flush=True)
    results.sort(key=lambda r: r["case"])
    print(f"{'case':<34} {'role':<12} {'area um2':>10} {'delay ns':>10} {'power mW':>10} {'cells':>6}  verdict")
    for r in results:
        if r.get("error"):
            print(f"{r['case']:<34} {'ERROR':<12} {r['error']}")
        for row in r["rows"]:
            print(f"{r['case']:<34} {row['role']:<12} {_f(row['area'])} {_f(row['delay'], p=3)} "
                  f"{_f(row['power'], p=4)} {_f(row['cells'], 6)}  {row['verdict']}"
                  + (f"  [{row['file']}]" if row["role"] == "rtlopt" and row["file"] != "-" else ""))
    print()
    print("geomean ratio vs original (per role; for human/gpt4/...: the best-area file per case, proven or not;")
    print("human-eq: the best human file proven EQUIVALENT, or the original when none is)")
    print(f"{'role':<12} {'n':>3} {'area':>8} {'delay':>8} {'power':>8} {'cells':>8}  equivalent/total")
    best: dict[str, dict[str, dict]] = {}
    for r in results:
        orig = next((x for x in r["rows"] if x["role"] == "original"), None)
        if orig is None:
            continue
        for row in r["rows"]:
            if row["area"] is None:
                continue
            cur = best.setdefault(row["role"], {}).get(r["case"])
            if cur is None or row["area"] < cur["area"]:
                best[row["role"]][r["case"]] = {**row, "orig": orig}
            if row["role"] == "human":  # the best human file that is proven equivalent (else the original)
                ok = row["verdict"] == "EQUIVALENT"
                cur = best.setdefault("human-eq", {}).get(r["case"])
                cand = {**row, "role": "human-eq", "orig": orig} if ok else {**orig, "role": "human-eq",
                                                                            "verdict": "-", "orig": orig}
                if cur is None or cand["area"] < cur["area"]:
                    best["human-eq"][r["case"]] = cand
    for role in (*ROLES, "human-eq"):
        per = best.get(role, {})
        if not per:
            continue
        ratios = {k: [] for k in ("area", "delay", "power", "cells")}
        for row in per.values():
            for k in ratios:
                if row[k] and row["orig"][k]:
                    ratios[k].append(row[k] / row["orig"][k])
        eq = sum(1 for row in per.values() if row["verdict"] in ("EQUIVALENT", "unchanged", "-"))
        g = {k: geomean(v) for k, v in ratios.items()}
        print(f"{role:<12} {len(per):>3} " + " ".join(f"{(g[k] or float('nan')):>8.4f}" for k in ratios)
              + f"  {eq}/{len(per)}")
    for href in ("human", "human-eq"):
        if not best.get(href):
            continue
        common = [c for c in best[href] if c in best.get("rtlopt", {})]
        for k in ("area", "power"):
            ro = geomean([best["rtlopt"][c][k] / best["rtlopt"][c]["orig"][k] for c in common
                          if best["rtlopt"][c][k] and best["rtlopt"][c]["orig"][k]])
            hu = geomean([best[href][c][k] / best[href][c]["orig"][k] for c in common
                          if best[href][c][k] and best[href][c]["orig"][k]])
            print(f"on the {len(common)} cases with a human reference: geomean {k} ratio rtlopt {ro:.4f} "
                  f"vs {href} {hu:.4f}")
    worse = [r["case"] for r in results for row in r["rows"] if row["role"] == "rtlopt"
             for o in r["rows"] if o["role"] == "original" and row["area"] and o["area"] and row["area"] > o["area"]]
    changed = [row for r in results for row in r["rows"] if row["role"] == "rtlopt" and row["verdict"] != "unchanged"]
    print(f"rtlopt changed {len(changed)} case(s); {sum(1 for x in changed if x['verdict'] == 'EQUIVALENT')} "
          f"EQUIVALENT; cases worse than original: {len(worse)} {worse}")
    times = [r["seconds"] for r in results if "seconds" in r]
    if times:
        print(f"optimizer time per case: median {statistics.median(times):.1f} s, max {max(times):.1f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
