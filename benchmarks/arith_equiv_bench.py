"""Arithmetic equivalence: structurally different multipliers and adders, decided by rtlopt verify.

    python benchmarks/arith_equiv_bench.py [--timeout 60] [--only mul16]

Prints one row per pair (input bits, verdict, engine, wall and CPU seconds) and the totals. Targets (issue 13):
every pair up to 16x16 decided, 8x8 multipliers in <= 5 s.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from arith_pairs import pairs  # noqa: E402

from rtlopt.design import open_design  # noqa: E402
from rtlopt.verify import VerifyOptions, check_equivalence  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and its finished children (Yosys, ABC): the wall clock on a loaded
    machine says little."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--only", help="substring of the pair names to run")
    args = ap.parse_args(argv)
    rows = []
    print(f"{'pair':<52} {'bits':>4} {'expected':>9} {'verdict':>15} {'engine':>11} {'s':>7} {'cpu s':>7}")
    with tempfile.TemporaryDirectory(prefix="rtlopt-arith-") as td:
        for i, (name, bits, g, h, eq) in enumerate(pairs()):
            if args.only and args.only not in name:
                continue
            gp, hp = Path(td) / f"g{i}.v", Path(td) / f"h{i}.v"
            gp.write_text(g)
            hp.write_text(h)
            t, c = time.monotonic(), _cpu()
            res = check_equivalence(open_design([gp]), open_design([hp]), VerifyOptions(timeout_s=args.timeout))
            s, cpu = time.monotonic() - t, _cpu() - c
            v = res.verdict.name
            ok = v == ("EQUIVALENT" if eq else "NOT_EQUIVALENT") and (eq or res.counterexample is not None)
            rows.append((name, bits, eq, v, res.engine, s, ok))
            print(f"{name[:52]:<52} {bits:>4} {'equal' if eq else 'differ':>9} {v:>15} {res.engine or '-':>11} "
                  f"{s:>7.2f} {cpu:>7.2f}{'' if ok else '  <-- WRONG/UNDECIDED'}", flush=True)
    decided = sum(r[6] for r in rows)
    print(f"\ndecided correctly: {decided}/{len(rows)}; max time {max(r[5] for r in rows):.2f} s; "
          f"8x8 max {max((r[5] for r in rows if r[0].startswith(('mul8 ', 'smul8 ', 'mac8 '))), default=0):.2f} s")
    return 0 if decided == len(rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
