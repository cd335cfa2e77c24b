"""Calibrate the e-graph cost model (rtlopt/data/egraph_costs.json) against a liberty.

Synthesizes small operator instances (one operator per module, registered-free, word widths 4..32)
with the project's PPA flow and fits area per bit (adders, muxes, logic) and per partial-product bit
(multipliers). Run once per liberty; the result is a data table in the repo, never measured at run time:

    python3 benchmarks/egraph_calibrate.py --liberty /work/shared/lib/sky130hd_tt.lib.gz
"""

from __future__ import annotations

import argparse
import datetime
import json
import tempfile
from pathlib import Path

OPS = {
    # name: (verilog body with widths W (and V), units of the model as a function of (W, V))
    "add": ("assign y = a + b;", lambda w, v: w),
    "sub": ("assign y = a - b;", lambda w, v: w),
    "neg": ("assign y = -a;", lambda w, v: w),
    "mul": ("assign y = a * b;", lambda w, v: w * w),
    "mulc": ("assign y = a * 8'd93;", lambda w, v: w),  # constant 93 = 1011101b: 5 terms (CSD 128-32-4+1: 4)
    "mux": ("assign y = s ? a : b;", lambda w, v: w),
    "and": ("assign y = a & b;", lambda w, v: w),
    "xor": ("assign y = a ^ b;", lambda w, v: w),
    "not": ("assign y = ~a;", lambda w, v: w),
    "eq": ("assign y = {W{a == b}};", lambda w, v: w),
    "ult": ("assign y = {W{a < b}};", lambda w, v: w),
    "shlv": ("assign y = a << b[$clog2(W)-1:0];", lambda w, v: w * max(1, (w - 1).bit_length())),
    # unsigned long division (Yosys's $__div_mod_u: W subtract-and-select stages of W bits each)
    "div": ("assign y = a / b;", lambda w, v: w * w),
    "mod": ("assign y = a % b;", lambda w, v: w * w),
    # a compare with a constant multiple (a cross-multiplied quotient compare: a >= 11*b, b half as wide
    # as a, exact at W bits): per compared bit and canonical-signed-digit term of the constant (11 =
    # 16 - 4 - 1: 3)
    "mulge": ("assign y = {W{a >= b[W/2-1:0] * 4'd11}};", lambda w, v: w * 3),
}
#: Operators whose sample modules grow too large past 16 bits.
SMALL_ONLY = ("mul", "div", "mod")
WIDTHS = (4, 8, 16, 32)


def module(op: str, w: int) -> str:
    body = OPS[op][0].replace("W", str(w))
    body = body.replace(f"$clog2({w})", str((w - 1).bit_length())).replace(f"{w}/2", str(w // 2))
    return (f"module top(input [{w - 1}:0] a, input [{w - 1}:0] b, input s, output [{w - 1}:0] y);\n"
            f"  {body}\nendmodule\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--liberty", required=True)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "rtlopt/data/egraph_costs.json"))
    ap.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    ap.add_argument("--ops", default="", help="only these operators (comma list), merged into --out's table")
    args = ap.parse_args()
    ops = [o for o in args.ops.split(",") if o] or list(OPS)
    from rtlopt.ppa import measure, resolve_liberty
    lib = resolve_liberty(args.liberty)
    widths = [int(x) for x in args.widths.split(",")]
    samples: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as td:
        for op in ops:
            for w in widths:
                if op in SMALL_ONLY and w > 16:
                    continue
                f = Path(td) / f"{op}{w}.v"
                f.write_text(module(op, w))
                rep = measure(f, liberty=lib, top="top", timeout=600)
                area = rep.area_um2.value
                samples.setdefault(op, []).append([w, area, rep.delay_ns.value])
                print(f"{op:5} W={w:2}  area {area:9.2f}  delay {rep.delay_ns.value}", flush=True)
    per_unit = {}
    for op, rows in samples.items():
        num = sum(OPS[op][1](w, w) * a for w, a, _d in rows)
        den = sum(OPS[op][1](w, w) ** 2 for w, _a, _d in rows)
        per_unit[op] = round(num / den, 4)
    out = {"provenance": {"liberty": str(args.liberty), "liberty_sha256": getattr(lib, "sha256", None),
                          "yosys": _yosys_version(), "date": datetime.date.today().isoformat(),
                          "script": "benchmarks/egraph_calibrate.py",
                          "model": "area ~ per_unit[op] * units(W); add/sub/neg/mux/logic: W bits; mul: W1*W2 "
                                   "partial-product bits; mulc: W per non-trivial constant term; shlv: W*log2(W)"},
           "per_unit_um2": per_unit, "samples": samples}
    if args.ops:  # a partial run keeps the other operators' fit and samples (and the original provenance)
        try:
            old = json.loads(Path(args.out).read_text())
            old["per_unit_um2"].update(per_unit)
            old["samples"].update(samples)
            out = old
        except (OSError, ValueError, KeyError):
            pass
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(per_unit, indent=1))


def _yosys_version() -> str:
    try:
        from pyosys import libyosys as ys
        return str(ys.yosys_version_str)
    except Exception:  # noqa: BLE001
        return "pyosys 0.70"


if __name__ == "__main__":
    main()
