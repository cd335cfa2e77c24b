"""Differential simulation of every RTL-Rewriter-Bench variant against its original.

Usage: ``python benchmarks/sim_bench.py [--cycles 1000] [--simulator icarus] [--bench DIR] [--json OUT]``

Prints one row per variant (case, file, role, result, cycles, seconds) and a summary. Results:
``pass`` (simulated, no mismatch), ``MISMATCH`` (first mismatch cycle shown), ``bad input``
(empty file, syntax error, interfaces that cannot be paired, testbench without ports),
``timeout``, ``tool error``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rtlopt.design import open_design
from rtlopt.errors import InputError, ToolError, ToolTimeout
from rtlopt.sim import SimOptions, simulate_diff

DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "rtlrewriter"


def _gate_top(path: Path, gold_top: str, declared: str | None) -> str | None:
    """The variant's top: as declared, else the original's name when present, else let the front end choose."""
    if declared:
        return declared
    design = open_design([path])  # raises InputError when ambiguous/empty; fine: reported as bad input
    return design.top if gold_top not in (design.parsed.modules if design.parsed else {}) else gold_top


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--cycles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--simulator", default="icarus")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--case", action="append", help="only these cases (repeatable)")
    ap.add_argument("--allow-dropped-inputs", action="store_true",
                    help="simulate candidates that dropped inputs / added outputs (lenient port pairing)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    manifest = json.loads((args.bench / "manifest.json").read_text())
    rows = []
    t0 = time.monotonic()
    print(f"{'case':<32} {'file':<36} {'role':<11} {'result':<10} {'cycles':>7} {'seconds':>8}  detail")
    for case in manifest["cases"]:
        if args.case and case["case"] not in args.case:
            continue
        cdir = args.bench / case["dir"]
        orig = next(f for f in case["files"] if f["role"] == "original")
        for var in case["files"]:
            if var is orig:
                continue
            start = time.monotonic()
            row = {"case": case["case"], "file": var["file"], "role": var["role"], "result": "", "cycles": 0,
                   "seconds": 0.0, "detail": ""}
            try:
                gold = open_design([cdir / orig["file"]], orig["top"])
                gate = open_design([cdir / var["file"]], _gate_top(cdir / var["file"], gold.top, var["top"]))
                res = simulate_diff(gold, gate, SimOptions(cycles=args.cycles, seed=args.seed,
                                                           simulator=args.simulator, timeout_s=args.timeout,
                                                           lenient_ports=args.allow_dropped_inputs))
                row["cycles"] = res.cycles
                if res.passed:
                    row["result"] = "pass"
                    port_notes = [n for n in res.notes if "paired by position" in n or "the candidate" in n]
                    row["detail"] = res.mode + ("; " + port_notes[0] if port_notes else "")
                else:
                    m = res.mismatch
                    assert m is not None
                    row["result"] = "MISMATCH"
                    row["detail"] = (f"{res.mode} {'cycle' if res.mode == 'sequential' else 'vector'} {m.cycle}: "
                                     + " ".join(f"{k} gold={m.gold[k]} gate={m.gate[k]}" for k in m.outputs[:2]))
            except ToolTimeout as exc:
                row["result"], row["detail"] = "timeout", str(exc)
            except ToolError as exc:
                row["result"], row["detail"] = "tool error", str(exc)
            except InputError as exc:
                row["result"], row["detail"] = "bad input", str(exc).replace(str(cdir) + "/", "")
            row["seconds"] = round(time.monotonic() - start, 2)
            rows.append(row)
            detail = row["detail"] if len(row["detail"]) <= 110 else row["detail"][:107] + "..."
            print(f"{row['case']:<32} {row['file']:<36} {row['role']:<11} {row['result']:<10} {row['cycles']:>7} "
                  f"{row['seconds']:>8.2f}  {detail}", flush=True)
    total = time.monotonic() - t0
    counts = Counter(r["result"] for r in rows)
    print()
    print(f"summary: {len(rows)} variants in {total:.1f} s ({args.simulator}, {args.cycles} cycles, seed {args.seed}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    by_role: dict[str, Counter] = {}
    for r in rows:
        by_role.setdefault(r["role"], Counter())[r["result"]] += 1
    for role, c in sorted(by_role.items()):
        print(f"  {role:<11} " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    sim = [r["seconds"] for r in rows if r["result"] in ("pass", "MISMATCH")]
    if sim:
        print(f"  seconds per simulated variant: mean {sum(sim) / len(sim):.2f}, max {max(sim):.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
