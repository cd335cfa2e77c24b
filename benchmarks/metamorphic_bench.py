"""Metamorphic benchmark: does rtlopt find the same optimization however the design is written?

For every visible-benchmark case that rtlopt improves, the top module is restyled up to five ways with
the same behaviour (:mod:`rtlopt.bench.restyle`: renamed signals with commuted operands, ``assign``
as ``always @*``, ``always @*`` as ``assign``, the body split into a sub-module, if/else and case
statements as ``?:`` chains; a style that finds nothing to change is ``n/a``). Each variant is first proven equivalent to the
original (a restyling bug cannot count), then optimized like the original. Target: on every variant
rtlopt's area is within 2 % of its best area over the original and all variants.

    python benchmarks/metamorphic_bench.py [--bench ../shared/bench/rtlrewriter] [--cases add3,mux_type4]
        [--from-json rtlopt-bench/results.json] [--budget 60] [--liberty ../shared/lib/sky130hd_tt.lib.gz]
        [--styles rename,ternary] [--reuse earlier-rows.json|rtlopt-bench/results.json] [--verify-timeout 30]

Without ``--from-json`` every case's original is optimized first and only improved cases are restyled.
``--reuse rtlopt-bench/results.json`` takes each original's optimization from the bench run instead of
repeating it (the variants are then compared with the result the bench reports).
The benchmark files are read by path and variants are written to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtlopt.bench._cases import load_cases  # noqa: E402
from rtlopt.bench.restyle import STYLES, restyle  # noqa: E402
from rtlopt.design import open_design  # noqa: E402
from rtlopt.engine.search import optimize  # noqa: E402
from rtlopt.ppa.liberty import resolve_liberty  # noqa: E402
from rtlopt.verify import VerifyOptions, check_equivalence  # noqa: E402


def _opt(files, top, lib, budget, verify_timeout=30.0):
    t = time.monotonic()
    res = optimize(open_design(files, top), goal="area", liberty=lib, budget_s=budget,
                   verify_timeout_s=verify_timeout)
    return res.before.area_um2.value, res.after.area_um2.value, time.monotonic() - t, \
        [r for s in res.steps for r in s.rules]


def improved_cases(data) -> set[str]:
    """Names of the cases whose rtlopt row is a proven change in an ``rtlopt bench`` results.json
    (``{"meta", "summary", "cases": [...]}``; a bare list of case records or ``{"results": [...]}`` too)."""
    recs = data.get("cases", data.get("results", [])) if isinstance(data, dict) else data
    return {r["name"] for r in recs for row in r.get("rows", [])
            if row.get("role") == "rtlopt" and row.get("verdict") == "EQUIVALENT"}


def reuse_rows(data) -> dict[str, dict]:
    """Each original's optimization by case key (``suite/name``), from rows an earlier run of this script
    wrote with ``--json`` (a list of ``{"case", "original_area", "rtlopt_area", "seconds", "rules"}``) or
    from an ``rtlopt bench`` results.json (its original and rtlopt rows; a case the bench did not change
    counts as not improved, one without both areas is left out)."""
    if isinstance(data, list) and all("original_area" in r for r in data):
        return {r["case"]: r for r in data}
    recs = data.get("cases", data.get("results", [])) if isinstance(data, dict) else data
    out = {}
    for rec in recs:
        rows = {row.get("role"): row for row in rec.get("rows", [])}
        o, r = rows.get("original"), rows.get("rtlopt")
        if not o or not r or not o.get("area_um2") or not r.get("area_um2"):
            continue
        key = rec.get("case") if "/" in str(rec.get("case", "")) else f"{rec.get('suite')}/{rec.get('name')}"
        improved = r.get("verdict") == "EQUIVALENT"
        out[key] = {"case": key, "original_area": o["area_um2"],
                    "rtlopt_area": r["area_um2"] if improved else o["area_um2"],
                    "seconds": r.get("seconds") or 0.0, "rules": list(r.get("rules") or []) if improved else []}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", default=str(ROOT.parent / "shared" / "bench" / "rtlrewriter"))
    ap.add_argument("--cases", help="comma-separated case names (default: every improved case)")
    ap.add_argument("--from-json", help="rtlopt bench results.json: restyle the cases it shows improved")
    ap.add_argument("--budget", type=float, default=60.0)
    ap.add_argument("--verify-timeout", type=float, default=30.0,
                    help="seconds per proof inside each optimization, and (at least 60) for the proof "
                         "that a variant is equivalent to the original (a loaded machine needs more)")
    ap.add_argument("--liberty", default=str(ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"))
    ap.add_argument("--json", help="also write the rows here")
    ap.add_argument("--reuse", help="rows written by an earlier --json, or an rtlopt bench results.json: take "
                    "each original's optimization from there (only those cases) instead of optimizing it again")
    ap.add_argument("--styles", help=f"comma-separated subset of {','.join(STYLES)} (default: all)")
    args = ap.parse_args(argv)
    styles = tuple(x for x in (args.styles.split(",") if args.styles else STYLES) if x)
    unknown = [x for x in styles if x not in STYLES]
    if unknown:
        print(f"metamorphic_bench: unknown style(s) {', '.join(unknown)}; one of {', '.join(STYLES)}", file=sys.stderr)
        return 2
    lib = resolve_liberty(args.liberty if Path(args.liberty).exists() else None)
    cases = load_cases(args.bench)
    if args.cases:
        wanted = [x for x in args.cases.split(",") if x]
        cases = sorted((c for c in cases if c.name in wanted), key=lambda c: wanted.index(c.name))  # given order
    reuse = None
    if args.reuse:
        reuse = reuse_rows(json.loads(Path(args.reuse).read_text()))
    improved = None
    if args.from_json:
        improved = improved_cases(json.loads(Path(args.from_json).read_text()))
    rows = []
    print(f"{'case':<34} {'orig':>9} {'rtlopt':>9} " + " ".join(f"{s:>10}" for s in styles) + "  within 2% (rel)")
    for case in cases:
        if improved is not None and case.name not in improved:
            continue
        orig = case.original
        deps = list(case.deps)
        if reuse is not None:  # the original's optimization from an earlier run of this script
            if case.key not in reuse:
                continue
            r0 = reuse[case.key]
            a0, a1, t1, rules = r0["original_area"], r0["rtlopt_area"], r0["seconds"], r0["rules"]
        else:
            try:
                a0, a1, t1, rules = _opt([orig.path, *deps], orig.top, lib, args.budget, args.verify_timeout)
            except Exception as exc:  # noqa: BLE001 - one case's failure must not lose the table
                print(f"{case.name:<34} error: {str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__}")
                continue
        if a1 >= a0 * (1 - 1e-6):  # not improved: nothing to compare
            if improved is not None:  # the bench improved it, this run did not (budget, load): say so
                print(f"{case.key[:34]:<34} {a0:>9.1f} {a1 / a0:>9.3f}  original not improved this run "
                      f"({t1:.0f} s); skipped", flush=True)
            continue
        row = {"case": case.key, "original_area": a0, "rtlopt_area": a1, "rules": rules, "seconds": t1,
               "variants": {}}
        text = orig.path.read_text(encoding="utf-8", errors="replace")
        with tempfile.TemporaryDirectory(prefix="rtlopt-meta-") as td:
            for style in styles:
                v = restyle(text, style, orig.top, str(orig.path))
                if v is None:
                    row["variants"][style] = {"status": "n/a"}
                    continue
                vp = Path(td) / style / orig.path.name
                vp.parent.mkdir(parents=True, exist_ok=True)
                vp.write_text(v)
                try:
                    gold = open_design([orig.path, *deps], orig.top)
                    gate = open_design([vp, *deps], orig.top)
                    verdict = check_equivalence(gold, gate, VerifyOptions(timeout_s=max(60.0, args.verify_timeout))
                                                ).verdict.name
                    if verdict != "EQUIVALENT":
                        row["variants"][style] = {"status": f"variant {verdict}"}
                        continue
                    bv, av, tv, vr = _opt([vp, *deps], orig.top, lib, args.budget, args.verify_timeout)
                    row["variants"][style] = {"status": "ok", "area": av, "before": bv, "seconds": tv, "rules": vr}
                except Exception as exc:  # noqa: BLE001 - a tool crash on one variant is reported as such
                    msg = str(exc).splitlines()[0][:60] if str(exc) else type(exc).__name__
                    row["variants"][style] = {"status": f"error: {msg}"}
        areas = [a1] + [v["area"] for v in row["variants"].values() if v.get("status") == "ok"]
        best = min(areas)
        row["best_area"] = best
        row["within_2pct"] = all(a <= best * 1.02 for a in areas)
        # the same, with each variant's result taken relative to its own unoptimized area: synthesis
        # maps a restyled input (a split hierarchy, say) a few % differently before rtlopt does anything
        rel = [a1 / a0] + [v["area"] / v["before"] for v in row["variants"].values() if v.get("status") == "ok"]
        row["within_2pct_relative"] = all(r <= min(rel) * 1.02 for r in rel)
        rows.append(row)
        cells = []
        for s in styles:
            v = row["variants"][s]
            cells.append(f"{v['area'] / a0:>10.3f}" if v.get("status") == "ok" else f"{v['status'][:10]:>10}")
        print(f"{case.key[:34]:<34} {a0:>9.1f} {a1 / a0:>9.3f} " + " ".join(cells) +
              f"  {'yes' if row['within_2pct'] else 'NO'}"
              f" ({'yes' if row['within_2pct_relative'] else 'NO'})", flush=True)
        if args.json:  # after every case: a long run that is stopped keeps what it measured
            Path(args.json).write_text(json.dumps(rows, indent=1))
    n = len(rows)
    ok = sum(r["within_2pct"] for r in rows)
    nv = sum(1 for r in rows for v in r["variants"].values() if v.get("status") == "ok")
    okr = sum(r.get("within_2pct_relative", False) for r in rows)
    print(f"\n{ok}/{n} improved cases within 2 % of the best area on every proven variant ({nv} variants); "
          f"{okr}/{n} taking each variant relative to its own unoptimized area (in parentheses); "
          "columns: area ratio to the original")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
