"""PPA of the width / arithmetic-architecture templates on the RTLRewriter benchmark and on sweeps.

Usage: python benchmarks/width_templates_bench.py [--liberty PATH] [--bench DIR] [--no-sweep]

Part 1 applies each template (add_sub_merging, bitwidth_reduction, register_width_reduction,
multiplier_digit_split, structural_adder_to_operator) directly to the original design of every
benchmark case where it matches (every alternative, one at a time, no search), proves the rewrite
against the original (``rtlopt.verify``, 60 s) and measures original, human reference and rewrite
(``rtlopt.ppa.measure``). Part 2 sweeps operand widths for ``a * b`` vs its radix-4 digit split.
Ratios are to the original; a rewrite that is not EQUIVALENT would never be used by the optimizer.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from rtlopt.design import open_design
from rtlopt.ppa import measure
from rtlopt.templates import REGISTRY
from rtlopt.verify import VerifyOptions, check_equivalence

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "rtlrewriter"
SKY130 = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
TEMPLATES = ("add_sub_merging", "bitwidth_reduction", "register_width_reduction", "multiplier_digit_split",
             "structural_adder_to_operator")


def _ppa(path: Path, lib: str, top: str | None = None) -> tuple[float, float]:
    rep = measure(open_design(path, top), liberty=lib)
    return rep.area_um2.value, rep.power_mw.value


def bench_cases(bench: Path, lib: str, tmp: Path) -> None:
    man = json.loads((bench / "manifest.json").read_text())
    print("| case | template | verdict | proof s | area orig | area human | area rewrite | power orig | "
          "power human | power rewrite |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for case in man["cases"]:
        files = {f["role"]: f for f in case["files"]}
        if "original" not in files:
            continue
        orig = bench / case["dir"] / files["original"]["file"]
        top = files["original"].get("top")
        text = orig.read_text(errors="replace")
        for tid in TEMPLATES:
            tmpl = REGISTRY[tid]
            try:
                matches = tmpl.match(text)
            except Exception as exc:  # noqa: BLE001 - a template bug is reported, not fatal
                print(f"| {case['suite']}/{case['case']} | {tid} | error {exc} | | | | | | | |")
                continue
            groups = [matches] if len(matches) > 1 else []
            groups += [[m] for m in matches]
            seen = set()
            for group in groups:
                new = tmpl.rewrite(text, group)
                if new is None or new in seen:
                    continue
                seen.add(new)
                d = tmp / f"{case['case']}-{tid}-{len(seen)}"
                d.mkdir(parents=True)
                gate = d / orig.name
                gate.write_text(new)
                t0 = time.monotonic()
                res = check_equivalence(open_design(orig, top), open_design(gate, top), VerifyOptions(timeout_s=60))
                dt = time.monotonic() - t0
                ao, po = _ppa(orig, lib, top)
                ar, pr = _ppa(gate, lib, top)
                if "human" in files:
                    ah, ph = _ppa(bench / case["dir"] / files["human"]["file"], lib, files["human"].get("top"))
                    hum = (f"{ah / ao:.3f}", f"{ph / po:.3f}")
                else:
                    hum = ("-", "-")
                what = group[0].description.split(": ", 1)[-1][:60] if len(group) == 1 else f"{len(group)} matches"
                print(f"| {case['suite']}/{case['case']} | {tid}: {what} | {res.verdict.name} | {dt:.1f} | "
                      f"{ao:.1f} | {hum[0]} | {ar / ao:.3f} | {po:.5f} | {hum[1]} | {pr / po:.3f} |")


def sweep(lib: str, tmp: Path) -> None:
    from rtlopt.templates._mulsplit import split_product

    print("\n| a x b | area a*b | area split | ratio | power a*b | power split | ratio |")
    print("|---|---|---|---|---|---|---|")
    for wa, wb in ((4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (8, 4), (12, 6), (16, 8)):
        rows = []
        for name, expr in (("mul", "a * b"), ("split", split_product("a", "b", wb))):
            p = tmp / f"sweep-{wa}x{wb}-{name}" / "m.v"
            p.parent.mkdir(parents=True)
            p.write_text(f"module m(input [{wa - 1}:0] a, input [{wb - 1}:0] b, output [{wa + wb - 1}:0] p);\n"
                         f"  assign p = {expr};\nendmodule\n")
            rows.append(_ppa(p, lib))
        (a0, p0), (a1, p1) = rows
        print(f"| {wa}x{wb} | {a0:.1f} | {a1:.1f} | {a1 / a0:.3f} | {p0:.5f} | {p1:.5f} | {p1 / p0:.3f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--liberty", default=str(SKY130))
    ap.add_argument("--bench", type=Path, default=BENCH)
    ap.add_argument("--no-sweep", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rtlopt-widthbench-") as d:
        tmp = Path(d)
        if (args.bench / "manifest.json").exists():
            bench_cases(args.bench, args.liberty, tmp)
        if not args.no_sweep:
            sweep(args.liberty, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
