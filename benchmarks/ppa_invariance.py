"""PPA flow invariance: does the same logic measure the same area however it is written?

Each visible-benchmark original is restyled (:mod:`rtlopt.bench.restyle`: renamed and commuted,
``assign``/``always @*`` swapped, split into a sub-module, if/case as ``?:``) and every variant is
synthesized and mapped as is (no optimization, no proof: the restylings are proven equivalent by
``benchmarks/metamorphic_bench.py``). The spread is max/min - 1 of the mapped areas. ``hierarchy``
keeps the logic identical (only a wrapper module is added), so its spread is pure flow noise (ABC's
dependence on cell order; 0 with the canonical flow of :mod:`rtlopt.ppa._flow`, where flat and
wrapped designs become the same RTLIL); ``ternary`` and ``rename`` (which also commutes operands)
change the structure Yosys builds, so some spread there is expected.

    python benchmarks/ppa_invariance.py [--cases checksum,alu_subexpression] [--liberty LIB]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtlopt.bench._cases import load_cases  # noqa: E402
from rtlopt.bench.restyle import STYLES, restyle  # noqa: E402
from rtlopt.design import open_design  # noqa: E402
from rtlopt.ppa import _measure  # noqa: E402
from rtlopt.ppa.liberty import resolve_liberty  # noqa: E402

DEFAULT = ("add3,checksum,if_else,adder_subexpression,strength_reduction,alu_resource,alu_subexpression,"
           "multiplier_subexpression,example2,example4,example5,mux_type4")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench" / "rtlrewriter"))
    ap.add_argument("--cases", default=DEFAULT)
    ap.add_argument("--liberty", default=str(ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"))
    args = ap.parse_args(argv)
    lib = resolve_liberty(args.liberty if Path(args.liberty).exists() else None)
    wanted = [x for x in args.cases.split(",") if x]
    cases = sorted((c for c in load_cases(args.bench) if c.name in wanted), key=lambda c: wanted.index(c.name))
    print(f"{'case':<28} {'orig':>8} " + " ".join(f"{s:>9}" for s in STYLES) + "  spread  spread(hier)")
    hier_zero = 0
    with tempfile.TemporaryDirectory(prefix="rtlopt-inv-") as td:
        for case in cases:
            o = case.original
            text = o.path.read_text(encoding="utf-8", errors="replace")
            areas: dict[str, float | None] = {}
            for style in ("orig", *STYLES):
                path = o.path
                if style != "orig":
                    v = restyle(text, style, o.top, str(o.path))
                    if v is None:
                        continue
                    path = Path(td) / case.name / style / o.path.name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(v)
                try:
                    syn = _measure.synthesize(open_design([path, *case.deps], o.top), liberty=lib)
                    areas[style] = syn.own_area
                    shutil.rmtree(syn.work, ignore_errors=True)
                except Exception:  # noqa: BLE001 - one variant's failure is shown, not fatal
                    areas[style] = None
            ok = [a for a in areas.values() if a]
            spread = (max(ok) / min(ok) - 1) * 100 if ok else 0.0
            hs = (abs(areas["hierarchy"] / areas["orig"] - 1) * 100
                  if areas.get("hierarchy") and areas.get("orig") else None)
            hier_zero += hs is not None and hs < 0.05
            cells = [f"{areas[s]:>9.1f}" if areas.get(s) else f"{('n/a' if s not in areas else 'error'):>9}"
                     for s in STYLES]
            orig = f"{areas['orig']:>8.1f}" if areas.get("orig") else f"{'error':>8}"
            print(f"{case.name[:28]:<28} {orig} " + " ".join(cells) + f"  {spread:5.2f}%  "
                  + (f"{hs:5.2f}%" if hs is not None else "  n/a"), flush=True)
    print(f"\n{hier_zero}/{len(cases)} cases measure the same flat and behind a wrapper module")
    return 0


if __name__ == "__main__":
    sys.exit(main())
