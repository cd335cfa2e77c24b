#!/usr/bin/env python3
"""FSM engine benchmark: extraction coverage, minimization, proofs and PPA.

Usage::

    python benchmarks/fsm_bench.py [--no-verify] [--no-ppa] [--liberty PATH] [--goal area]

Tables:
  1. extraction coverage over the coding styles of ``designs/fsm`` and every FSM file of the
     shared benchmark (``../shared/bench/rtlrewriter/short_benchmark/fsm_small_case``): state
     register, reachable states, minimum, method, extraction and minimization times;
  2. per machine: every regenerated encoding with its equivalence verdict (rtlopt.verify, with the
     state-map hint) and PPA (rtlopt.ppa on the liberty, default sky130hd) against the original
     and, for the shared benchmark, the human reference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rtlopt.design import open_design  # noqa: E402
from rtlopt.errors import RtloptError  # noqa: E402
from rtlopt.fsm import extract, minimize, plan  # noqa: E402
from rtlopt.fsm._candidates import design_with_text  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "rtlrewriter"
SKY130 = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"
STYLE = {
    "fsm_one_process.v": "one-process, sync reset, registered outputs",
    "fsm_two_process.v": "two-process Moore, async active-low reset",
    "fsm_three_process.v": "three-process, registered output from next state",
    "fsm_enum.sv": "SV enum, always_ff/always_comb, unique case",
    "fsm_define.v": "`define states, sync reset, assign output",
    "fsm_onehot.v": "one-hot case (1'b1) on state bits",
    "fsm_mealy.v": "Mealy sequence detector",
    "fsm_casez.v": "casez on inputs",
    "fsm_async.v": "async reset in one block, hold when idle",
    "fsm_xdc.v": "'x don't-care output (incompletely specified)",
    "fsm_dontcare.v": "'x next/outputs + // rtlopt: assume pragma",
    "fsm_unreachable.v": "debug states unreachable from reset",
    "not_fsm.v": "negative: counter + latch next state",
}


def bench_files() -> list[tuple[str, Path, str]]:
    out = []
    for f in sorted((ROOT / "designs" / "fsm").iterdir()):
        if f.suffix in (".v", ".sv"):
            out.append((f.name, f, STYLE.get(f.name, "")))
    man = BENCH / "manifest.json"
    if man.exists():
        cases = json.loads(man.read_text())["cases"]
        for case in cases:
            if case["suite"] == "fsm":
                continue
            for fe in case["files"]:
                p = BENCH / case["dir"] / fe["file"]
                if fe["role"] == "original" and p.exists() and "state" in p.read_text(errors="replace").lower():
                    out.append((f"{case['suite']}/{case['case']}/{fe['file']}", p, "bench original (not an FSM case)"))
        for case in cases:
            if case["suite"] != "fsm":
                continue
            for fe in case["files"]:
                if fe["role"] == "other" and fe["file"].endswith("_test.v"):
                    continue  # testbenches
                out.append((f"{case['case']}/{fe['file']}", BENCH / case["dir"] / fe["file"], f"bench {fe['role']}"))
    return out


def table(rows: list[list[str]], head: list[str]) -> str:
    w = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = "  ".join(h.ljust(w[i]) for i, h in enumerate(head))
    sep = "  ".join("-" * x for x in w)
    return "\n".join([line, sep] + ["  ".join(str(c).ljust(w[i]) for i, c in enumerate(r)) for r in rows])


def yosys_fsm(design) -> str:
    """What Yosys' own FSM flow (synth up to 'fine') does with the design's state registers."""
    import re

    from rtlopt.tools import Yosys
    from rtlopt.tools.yosys import read_design_script
    y = Yosys()
    if not y.available():
        return "n/a"
    script = read_design_script(design.files, design.top) + f"synth -top {design.top} -run begin:fine\n"
    try:
        res = y.run_script(script, check=False, timeout=120)
    except RtloptError as exc:
        return f"error: {exc}"[:30]
    found = [n.lstrip("\\") for n in re.findall(r"Extracting FSM `(\S+)'", res.stdout)]
    refused = re.findall(r"Not marking \S+\.(\S+) as FSM state register:\n\s+(.*)", res.stdout)
    parts = []
    if found:
        parts.append("extracts " + ",".join(found))
    for reg, why in refused[:2]:
        parts.append(f"refuses {reg}: {why.strip()[:40]}")
    return "; ".join(parts) or "no FSM"


def coverage(with_yosys: bool = True) -> None:
    rows = []
    n_files = n_ok = 0
    for name, path, style in bench_files():
        n_files += 1
        t0 = time.monotonic()
        try:
            ex = extract(open_design(path))
        except RtloptError as exc:
            rows.append([name, style, "ERROR", str(exc)[:40], "", "", "", "", "", ""])
            continue
        te = time.monotonic() - t0
        ys = yosys_fsm(open_design(path)) if with_yosys else "-"
        if not ex.fsms:
            why = ex.rejections[0].reason[:60] if ex.rejections else "no FSM-like register"
            if not ex.rejections and ex.notes:
                why = "no FSM-like register; " + ex.notes[0].split(": ", 2)[-1][:40]
            rows.append([name, style, "no", why, "", "", "", f"{te * 1000:.0f}", "", ys])
            if name == "not_fsm.v":
                n_ok += 1  # the negative case is correct when nothing is extracted
            continue
        n_ok += 1
        for f in ex.fsms:
            m = minimize(f)
            regen = "" if not f.source.regen_blockers else " (analysis only)"
            rows.append([name, style, "yes" + regen, f.state_reg, f"{len(f.reachable)}/{len(f.states)}", m.n_after,
                         m.method + ("" if m.optimal else f" lb={m.lower_bound}"), f"{te * 1000:.0f}",
                         f"{m.seconds * 1000:.0f}", ys])
    print("Table 1: extraction coverage and minimization (last column: Yosys 'synth -run begin:fine' FSM passes)")
    print(table(rows, ["file", "style / role", "FSM", "state reg / reason", "reach/decl", "min",
                       "method", "extract ms", "min ms", "yosys fsm"]))
    print(f"\ncoverage: {n_ok}/{n_files} files handled as expected "
          "(extracted, or correctly rejected with a reason)\n")


def _ppa(ref, lib, goal):
    from rtlopt.ppa import measure
    try:
        r = measure(ref, liberty=lib)
        return r
    except RtloptError as exc:
        print(f"  (PPA failed: {exc})")
        return None


def _fmt(r) -> str:
    if r is None:
        return "-"
    return f"{r.area_um2.value:.1f} / {r.delay_ns.value:.3f} / {r.power_mw.value * 1000:.2f}"


def proofs(do_verify: bool, do_ppa: bool, lib: str, goal: str) -> None:
    targets = []
    for case in ("example1", "example2", "example3", "example4", "example5"):
        d = BENCH / "short_benchmark" / "fsm_small_case" / case
        orig = d / f"{case}_state.v"
        human = d / f"{case}_state_optimized.v"
        if orig.exists():
            targets.append((case, orig, human if human.exists() else None))
    for f in sorted((ROOT / "designs" / "fsm").iterdir()):
        if f.name.startswith("fsm_") and f.name != "fsm_dontcare.v":
            targets.append((f.stem, f, None))
    rows = []
    verdict_count: dict[str, int] = {}
    for name, path, human in targets:
        d = open_design(path)
        plans, skipped = plan(d)
        if not plans:
            rows.append([name, "-", "-", "-", "no candidate: " + (skipped[0][:50] if skipped else "?"), "", "", ""])
            continue
        base = _ppa(d, lib, goal) if do_ppa else None
        href = _ppa(open_design(human), lib, goal) if (do_ppa and human) else None
        for p in plans:
            g = design_with_text(d, p.file, p.text)
            verdict, vt = "-", 0.0
            if do_verify:
                from rtlopt.verify import VerifyOptions, check_equivalence
                t0 = time.monotonic()
                res = check_equivalence(d, g, VerifyOptions(timeout_s=120, state_map=p.state_map))
                vt = time.monotonic() - t0
                verdict = str(res.verdict)
                verdict_count[verdict] = verdict_count.get(verdict, 0) + 1
            after = _ppa(g, lib, goal) if do_ppa else None
            gain = ""
            if base is not None and after is not None:
                b, a = base.metric(goal), after.metric(goal)
                gain = f"{(b - a) / b * 100:+.1f}%"
            rows.append([name, f"{p.n_before}->{p.n_after}", p.encoding, f"{verdict} ({vt:.1f}s)" if do_verify else "-",
                         _fmt(base), _fmt(after), gain, _fmt(href)])
    print(f"Table 2: regenerated machines — verdicts and PPA ({Path(lib).name}; area um^2 / delay ns / power uW; "
          f"gain = {goal} reduction vs original)")
    print(table(rows, ["machine", "states", "encoding", "verify", "PPA original", "PPA rtlopt", f"{goal} gain",
                       "PPA human ref"]))
    if verdict_count:
        print("\nverdicts: " + ", ".join(f"{k}: {v}" for k, v in sorted(verdict_count.items())))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-verify", action="store_true")
    ap.add_argument("--no-ppa", action="store_true")
    ap.add_argument("--liberty", default=str(SKY130) if SKY130.exists() else None)
    ap.add_argument("--goal", default="area", choices=("area", "delay", "power", "balanced"))
    ap.add_argument("--coverage-only", action="store_true")
    ap.add_argument("--no-yosys", action="store_true", help="skip the Yosys FSM-extraction column")
    args = ap.parse_args()
    t0 = time.monotonic()
    coverage(not args.no_yosys)
    if not args.coverage_only:
        proofs(not args.no_verify, not args.no_ppa, args.liberty, args.goal)
    print(f"\ntotal {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
