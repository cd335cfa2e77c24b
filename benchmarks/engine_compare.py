"""Compare the verify engines (z3 SMT, Yosys SAT, ABC, Yosys equiv_*) on arithmetic identities.

Usage: python benchmarks/engine_compare.py [--limit 10] [--widths 4,8,16,32] [--engines smt,sat,abc,equiv]

Each identity is written as a gold/gate pair at each width and checked by one engine at a time
(``VerifyOptions(engines=(name,))``) with a per-engine time limit. Prints verdict and the engine's
own time (without the shared Yosys elaboration) per cell; ``T/O`` = UNKNOWN at the time limit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rtlopt.design import open_design
from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

#: name -> (gold expression, gate expression); W is the width, inputs a, b, c (W bits), s (1 bit)
IDENTITIES = {
    "a*b == b*a": ("a * b", "b * a"),
    "a*(b+c) == a*b+a*c": ("a * (b + c)", "a * b + a * c"),
    "(a<<3)+(a<<1) == a*10": ("(a << 3) + (a << 1)", "a * 10"),
    "mux == and/or": ("s ? a : b", "(a & {W{s}}) | (b & {W{~s}})"),
    "a^b == (a|b)&~(a&b)": ("a ^ b", "(a | b) & ~(a & b)"),
    "a-b == a+~b+1": ("a - b", "a + ~b + 1"),
}


def module(expr: str, w: int) -> str:
    return (f"module ident(input [{w - 1}:0] a, b, c, input s, output [{w - 1}:0] y);\n"
            f"  assign y = {expr.replace('{W{', '{' + str(w) + '{')};\nendmodule\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=float, default=10.0, help="time limit per engine run (s)")
    ap.add_argument("--widths", default="4,8,16,32")
    ap.add_argument("--engines", default="smt,sat,abc,equiv")
    args = ap.parse_args()
    widths = [int(x) for x in args.widths.split(",")]
    engines = [e.strip() for e in args.engines.split(",")]
    print(f"per-engine limit {args.limit:g} s; cell = verdict / engine seconds (EQ = EQUIVALENT, "
          "T/O = UNKNOWN at the limit, ? = undecided)")
    head = f"{'identity':<24} {'W':>3} " + " ".join(f"{e:>12}" for e in engines)
    print(head)
    print("-" * len(head))
    totals = {e: [0, 0.0] for e in engines}
    with tempfile.TemporaryDirectory(prefix="rtlopt-engines-") as tmp:
        for name, (g, h) in IDENTITIES.items():
            for w in widths:
                gp, hp = Path(tmp) / f"g{w}.v", Path(tmp) / f"h{w}.v"
                gp.write_text(module(g, w))
                hp.write_text(module(h, w))
                gold, gate = open_design(gp), open_design(hp)
                cells = []
                for e in engines:
                    t0 = time.monotonic()
                    res = check_equivalence(gold, gate, VerifyOptions(timeout_s=args.limit, engines=(e,)))
                    secs = res.engines_tried[-1][2] if res.engines_tried else time.monotonic() - t0
                    if res.verdict is Verdict.EQUIVALENT:
                        tag = "EQ"
                        totals[e][0] += 1
                    elif res.verdict is Verdict.NOT_EQUIVALENT:
                        tag = "NEQ!"
                    else:
                        tag = "T/O" if "time limit" in res.reason else "?"
                    totals[e][1] += secs
                    cells.append(f"{tag} {secs:6.2f}")
                print(f"{name:<24} {w:>3} " + " ".join(f"{c:>12}" for c in cells), flush=True)
    n = len(IDENTITIES) * len(widths)
    print("-" * len(head))
    print(f"{'proved / total time':<28} " + " ".join(f"{f'{p}/{n} {t:.0f}s':>12}" for p, t in totals.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
