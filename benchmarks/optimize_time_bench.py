#!/usr/bin/env python3
"""Where `rtlopt optimize`'s wall time goes, per case and per stage.

Runs ``rtlopt optimize <original> --top <top> --budget B --report R.json`` for each case (one after the
other; each with an empty PPA cache of its own unless --warm), timestamps every progress line as it
arrives and prints one row per case:

    case | total s | input s | gen s (top 3 generators) | ppa wait s | prove s | last accept s | area before -> after | status

``input s``: when the input's measurement finished (the first round's candidates start measuring then;
read from the first ``round`` / ``candidate`` progress line when the run has none of its own),
``gen s``: wall time in generators (sum of the report's ``gen_*_s``), ``ppa wait s``: time the prove stage
waited for measurements, ``prove s``: time in proofs (early ones included), ``last accept s``: when the
last rewrite that the result keeps was accepted (the rest of the run found nothing better). A last row
gives the median of each column. ``--top-gens N`` prints the N generators that took longest over all cases.

Usage::

    python3 benchmarks/optimize_time_bench.py designs/heldout17 --cases stepper/coil_state absenc/binary_state \
        --liberty ../shared/lib/sky130hd_tt.lib.gz --budget 90 -o /tmp/me/times

A case is ``<set>/<cat>/<case>`` or, with a set directory first, ``<cat>/<case>``. Results (report JSON,
timestamped progress log, output RTL) are kept under ``-o``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _case_dir(sets: list[Path], name: str) -> Path:
    p = Path(name)
    if (p / "case.json").exists():
        return p
    for s in sets:
        if (s / name / "case.json").exists():
            return s / name
    raise SystemExit(f"no case {name} (looked in {', '.join(map(str, sets)) or 'the current directory'})")


def _original(d: Path) -> Path:
    for suf in (".sv", ".v"):
        if (d / f"original{suf}").exists():
            return d / f"original{suf}"
    raise SystemExit(f"{d}: no original.v/.sv")


def run_case(d: Path, out: Path, liberty: str, budget: float, warm: bool, extra: list[str],
             src: Path | None = None) -> dict:
    top = json.loads((d / "case.json").read_text())["top"]
    tag = f"{d.parent.name}_{d.name}"
    out.mkdir(parents=True, exist_ok=True)
    rep = out / f"{tag}.json"
    log = out / f"{tag}.log"
    orig = _original(d).resolve()
    lib = Path(liberty).resolve() if Path(liberty).exists() else liberty  # (a name, or a path from here)
    out = out.resolve()
    rep = rep.resolve()
    cmd = [sys.executable, "-m", "rtlopt", "optimize", str(orig), "--top", top, "--liberty", str(lib),
           "--budget", str(budget), "-o", str(out / f"{tag}{orig.suffix}"), "--report", str(rep), *extra]
    env = dict(os.environ)
    if src is not None:  # another source tree of rtlopt (a before/after comparison): first on the path
        env["PYTHONPATH"] = os.pathsep.join([str(src.resolve()), *filter(None, [env.get("PYTHONPATH")])])
    tmp = None
    if not warm:
        tmp = tempfile.TemporaryDirectory(prefix="rtlopt-timecache-")
        env["RTLOPT_CACHE_DIR"] = tmp.name
        # (the decompressed liberty lives in the cache too: link the shared one in, it is not a measurement)
        home = Path(os.environ.get("RTLOPT_CACHE_DIR") or Path.home() / ".cache" / "rtlopt") / "liberty"
        if home.is_dir():
            os.symlink(home, Path(tmp.name) / "liberty")
    rep.unlink(missing_ok=True)
    load0 = os.getloadavg()[0]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    lines: list[tuple[float, str]] = []
    # run from the output directory: ``python -m`` puts the working directory first on the path, so from a
    # checkout it would import that checkout's rtlopt whatever --src says
    with subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                          cwd=out) as p:
        assert p.stderr is not None
        for line in p.stderr:
            lines.append((time.monotonic() - t0, line.rstrip("\n")))
        rc = p.wait()
    wall = time.monotonic() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # (the run and every child it waited for)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    load1 = os.getloadavg()[0]
    if tmp is not None:
        tmp.cleanup()
    log.write_text("".join(f"{t:7.2f} {m}\n" for t, m in lines))
    row: dict = {"case": f"{d.parent.name}/{d.name}", "rc": rc, "wall_s": wall, "cpu_s": cpu,
                 "load": (load0 + load1) / 2}
    if not rep.exists():
        row["status"] = f"exit {rc}"
        return row
    r = json.loads(rep.read_text())
    if r.get("mode") == "hierarchical":  # the flat input did not fit its PPA limit: module by module
        tot = r.get("total") or {}
        row.update({"status": "hierarchical" + (" changed" if r.get("changed") else ""), "total_s": r.get("seconds"),
                    "area_before": tot.get("area_before_um2"), "area_after": tot.get("area_after_um2"),
                    "verdict": (r.get("composed_proof") or {}).get("verdict")})
        return row
    tm = r.get("timings") or {}
    gens = {k[4:-2]: v for k, v in tm.items() if k.startswith("gen_") and k.endswith("_s") and not k.endswith("_cpu_s")}
    row.update({
        "status": r.get("status"),
        "total_s": tm.get("total_s", r.get("seconds")),
        "gen_s": sum(gens.values()),
        "gens": gens,
        "gen_n": {k[4:-2]: v for k, v in tm.items() if k.startswith("gen_") and k.endswith("_n")},
        "ppa_cpu_s": tm.get("ppa_cpu_s", 0.0),
        "wait_ppa_s": tm.get("wait_ppa_s", 0.0),
        "prove_s": tm.get("prove_s", 0.0),
        "input_s": tm.get("input_s"),
        "area_before": (r.get("score") or {}).get("before"),
        "area_after": (r.get("score") or {}).get("after"),
        "verdict": (r.get("verification") or {}).get("verdict"),
        "rules": [s["rules"][0] for s in r.get("rules_applied") or [] if s.get("rules")],
        "candidates": r.get("candidates_evaluated"),
    })
    acc = [t for t, m in lines if "accepted (" in m]
    row["last_accept_s"] = acc[-1] if acc else None
    if row["input_s"] is None:
        first = [t for t, m in lines if m.startswith("rtlopt: round ") or "proving early" in m]
        row["input_s"] = None if not first else first[0]
    return row


def _f(v, fmt="{:.1f}") -> str:
    return "-" if v is None else fmt.format(v)


def print_table(rows: list[dict], top_gens: int) -> None:
    print("| case | total s | CPU s | input s | gen s | top generators (s) | ppa wait s | prove s | last accept s |"
          " area before -> after | status | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        g = sorted((r.get("gens") or {}).items(), key=lambda kv: -kv[1])[:3]
        print(f"| {r['case']} | {_f(r.get('total_s') or r['wall_s'])} | {_f(r.get('cpu_s'))} | {_f(r.get('input_s'))} | {_f(r.get('gen_s'))} | "
              + ", ".join(f"{k} {v:.1f}" for k, v in g) + f" | {_f(r.get('wait_ppa_s'))} | {_f(r.get('prove_s'))} | "
              f"{_f(r.get('last_accept_s'))} | {_f(r.get('area_before'))} -> {_f(r.get('area_after'))} | "
              f"{r.get('status')} {r.get('verdict') or ''} | {r['load']:.1f} |")

    def med(k):
        vs = [r[k] for r in rows if r.get(k) is not None]
        return statistics.median(vs) if vs else None

    tot = [r.get("total_s") or r["wall_s"] for r in rows]
    print(f"| **median** | {_f(statistics.median(tot) if tot else None)} | {_f(med('cpu_s'))} | {_f(med('input_s'))} | {_f(med('gen_s'))} |  | "
          f"{_f(med('wait_ppa_s'))} | {_f(med('prove_s'))} | {_f(med('last_accept_s'))} |  |  | {_f(med('load'))} |")
    if top_gens:
        allg: dict[str, float] = {}
        alln: dict[str, int] = {}
        for r in rows:
            for k, v in (r.get("gens") or {}).items():
                allg[k] = allg.get(k, 0.0) + v
            for k, v in (r.get("gen_n") or {}).items():
                alln[k] = alln.get(k, 0) + v
        print()
        print("generators, seconds summed over the cases (candidates proposed, where the run counts them): "
              + ", ".join(f"{k} {v:.1f}" + (f" ({alln.get(k, 0)})" if alln or k in alln else "")
                          for k, v in sorted(allg.items(), key=lambda kv: -kv[1])[:top_gens]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="held-out set directories the case names are relative to")
    ap.add_argument("--cases", nargs="+", required=True)
    ap.add_argument("--liberty", default="../shared/lib/sky130hd_tt.lib.gz")
    ap.add_argument("--budget", type=float, default=90.0)
    ap.add_argument("-o", "--out", type=Path, required=True)
    ap.add_argument("--warm", action="store_true", help="keep the user's PPA cache (default: an empty one per case)")
    ap.add_argument("--top-gens", type=int, default=8)
    ap.add_argument("--json", type=Path, help="also write the rows here")
    ap.add_argument("--src", type=Path, action="append", default=[],
                    help="run rtlopt from this source tree (repeatable: each case is run with every tree in "
                    "turn, so the trees see the same load; one table per tree)")
    a, extra = ap.parse_known_args(argv)  # options it does not know go to every optimize run
    srcs = a.src or [None]
    rows: dict[int, list[dict]] = {i: [] for i in range(len(srcs))}
    for name in a.cases:
        d = _case_dir(a.sets, name)
        for i, src in enumerate(srcs):
            out = a.out if len(srcs) == 1 else a.out / f"src{i}"
            r = run_case(d, out, a.liberty, a.budget, a.warm, extra, src)
            rows[i].append(r)
            print(f"# {r['case']} [{src or 'installed'}]: {r.get('total_s') or r['wall_s']:.1f} s {r.get('status')} "
                  f"{r.get('area_after')}", file=sys.stderr, flush=True)
    if a.json:
        a.json.write_text(json.dumps({str(src or "installed"): rows[i] for i, src in enumerate(srcs)}, indent=1))
    for i, src in enumerate(srcs):
        if len(srcs) > 1:
            print(f"\n### {src}\n")
        print_table(rows[i], a.top_gens)
    return 0


if __name__ == "__main__":
    sys.exit(main())
