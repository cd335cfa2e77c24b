#!/usr/bin/env python3
"""FSM extraction speed on random Verilog machines (table: states, style, don't-cares, seconds).

Usage::

    python benchmarks/fsm_extract_speed.py [--sizes 10,20,40] [--styles case,reverse_case] [--dc 0,0.3]

Machines come from ``fsm_minimize_bench.random_machine`` / ``to_verilog`` (2 input bits, 2 outputs).
Target: a 20-state machine extracts in a few seconds on a loaded 2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import fsm_minimize_bench as gen  # noqa: E402

from rtlopt.design import open_design  # noqa: E402
from rtlopt.fsm import extract  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,20,40")
    ap.add_argument("--styles", default="case,reverse_case")
    ap.add_argument("--dc", default="0,0.3")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args(argv)
    print(f"{'states':>6} {'style':<13} {'dc':>4} {'found':>5} {'reach':>5} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in a.sizes.split(",")):
            for dc in (float(x) for x in a.dc.split(",")):
                tab = gen.random_machine(n, 2, 2, dc, a.seed)
                for style in a.styles.split(","):
                    p = Path(tmp) / f"m{n}_{style}_{dc}.v"
                    p.write_text(gen.to_verilog(tab, n, 2, 2, style))
                    d = open_design(p)
                    t0 = time.monotonic()
                    ex = extract(d, timeout_s=a.timeout)
                    dt = time.monotonic() - t0
                    reach = len(ex.fsms[0].reachable) if ex.fsms else 0
                    print(f"{n:>6} {style:<13} {dc:>4.1f} {len(ex.fsms):>5} {reach:>5} {dt:>8.2f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
