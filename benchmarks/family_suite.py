"""Table for one generalization family (``sharing``, ``ranges``, ...): original vs reference vs rtlopt.

    python3 benchmarks/family_suite.py FAMILY [--liberty PATH] [--timeout S] [CASE ...]

Per case: area of original.v and reference.v (``rtlopt ppa``), then ``rtlopt optimize --json`` on
original.v; prints case, style, areas, rtlopt/reference ratio, delay change of rtlopt's result,
verdict, rules and wall time, then the geomeans and how often rtlopt is at most the reference.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization"
LIB = "/work/shared/lib/sky130hd_tt.lib.gz"


def _run(args: list[str], timeout: float) -> dict | None:
    try:
        res = subprocess.run([sys.executable, "-m", "rtlopt", *args, "--json"], capture_output=True, text=True,
                             timeout=timeout, check=False)
        return json.loads(res.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError):
        return None


def _area(path: Path, lib: str, timeout: float) -> float | None:
    d = _run(["ppa", str(path), "--liberty", lib], timeout)
    try:
        return float(d["metrics"]["area"]["value"])
    except (TypeError, KeyError):
        return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("family")
    ap.add_argument("cases", nargs="*")
    ap.add_argument("--liberty", default=LIB)
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    root = GEN / a.family
    rows = []
    for d in sorted(p for p in root.iterdir() if (p / "case.json").exists()):
        if a.cases and d.name not in a.cases:
            continue
        meta = json.loads((d / "case.json").read_text())
        orig = _area(d / "original.v", a.liberty, a.timeout)
        ref = _area(d / "reference.v", a.liberty, a.timeout)
        t0 = time.monotonic()
        opt = _run(["optimize", str(d / "original.v"), "--liberty", a.liberty], a.timeout)
        secs = time.monotonic() - t0
        if opt is None:
            rows.append((d.name, meta["style"], orig, ref, None, None, "TIMEOUT/ERROR", secs, ""))
        else:
            after = opt["ppa"]["area"]["after"]["value"]
            dly = (opt["ppa"].get("delay") or {}).get("ratio")
            verdict = (opt.get("verification") or {}).get("verdict") or opt.get("status")
            rules = ",".join(sorted({r for st in opt.get("rules_applied", []) for r in st["rules"]}))
            rows.append((d.name, meta["style"], orig, ref, after, dly, verdict, secs, rules))
        print(_fmt(rows[-1]), flush=True)
    print()
    print(f"| {'case':22} | {'style':9} | {'original':>9} | {'reference':>9} | {'rtlopt':>9} | {'rt/ref':>6} | "
          f"{'delay':>6} | {'verdict':11} | {'time s':>6} | rules")
    print("|" + "---|" * 10)
    for r in rows:
        print(_fmt(r))
    ok = [r for r in rows if r[4] and r[3] and r[2]]
    if ok:
        g = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs))  # noqa: E731
        print(f"\ngeomean area vs original: rtlopt {g([r[4] / r[2] for r in ok]):.3f}, "
              f"reference {g([r[3] / r[2] for r in ok]):.3f}; rtlopt <= reference (+0.5%) on "
              f"{sum(r[4] <= r[3] * 1.005 for r in ok)}/{len(ok)}")
    return 0


def _fmt(r) -> str:
    name, style, orig, ref, after, dly, verdict, secs, rules = r
    f = lambda x: f"{x:9.1f}" if x is not None else f"{'-':>9}"  # noqa: E731
    ratio = f"{after / ref:6.3f}" if after and ref else f"{'-':>6}"
    dl = f"{(dly - 1) * 100:+5.0f}%" if dly else f"{'-':>6}"
    return (f"| {name:22} | {style:9} | {f(orig)} | {f(ref)} | {f(after)} | {ratio} | {dl} | {verdict:11} | "
            f"{secs:6.1f} | {rules}")


if __name__ == "__main__":
    raise SystemExit(main())
