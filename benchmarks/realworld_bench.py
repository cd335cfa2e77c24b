"""Real repositories and large designs: does rtlopt finish, how long, how much memory, what changed.

Usage:
    python benchmarks/realworld_bench.py [--part check,picorv32,serv,axis,composite,long] [--budget 600]
        [--module-budget 120] [--sample 4] [--liberty PATH] [--timeout S] [--only NAME,...] [--json OUT]

Parts (each row is one ``rtlopt`` process, run as a hardware engineer would run it):

* ``check``    — ``rtlopt check`` over each tree (picorv32, serv/rtl, verilog-axis/rtl), all files in one call;
* ``picorv32`` — ``rtlopt optimize picorv32.v --top M`` for every module of the original multi-module file;
* ``serv``/``axis`` — ``rtlopt optimize`` on a sample of modules (each file with the tree's other files);
* ``composite`` — composite IP (axis_arb_mux, axis_switch file lists; serv_top with serv/rtl) module by
  module (``--hierarchical``: children at their instances' parameter values, composed design proven);
* ``long``     — the five RTL-Rewriter long designs, raw versions, as file lists, ``--budget`` (default 600);
  with ``--human`` also the human-optimized version of each (``rtlopt ppa``, flat, ``--human-timeout``);
* ``human``    — only those human-version measurements.

Printed per row: exit code, wall seconds, peak RSS (``RUSAGE_CHILDREN`` max RSS seen by a wrapper
process: the largest of the rtlopt process and its tools), and the change (area before -> after from
``--json``; for hierarchical runs also how the area was measured). Targets (issue 11, 2 cores): each
picorv32 module <= 120 s; each long design finishes within ``--budget 600`` with per-module and total PPA.
Uses ../shared by path; rows whose inputs are absent are skipped. Nothing is written to the inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(os.environ.get("RTLOPT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
RW = SHARED / "realworld"
LONG = SHARED / "bench" / "rtlrewriter" / "long_benchmark"
LIB = SHARED / "lib" / "sky130hd_tt.lib.gz"

#: long design -> raw top file (the rest of the file list is resolved by module name, raw files first)
LONG_TOPS = {
    "cpu": "PipelineCPURaw.v",
    "cnn": "convLayerSingle_raw.v",
    "fft": "FFTRaw.v",
    "huffman": "HuffmanDecoderRaw.v",
    "vending_machine": "VendingMachineRaw.v",
}

#: long design -> the human-optimized top file in the same folder (for the "human" column)
LONG_HUMAN = {
    "cpu": "PipelineCPU.v",
    "cnn": "convLayerSingle.v",
    "fft": "fft.v",
    "huffman": "HuffmanDecoder.v",
    "vending_machine": "vendingMachine.v",
}

_MASK = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_MOD = re.compile(r"^\s*module\s+(\w+)", re.M)


def _modules(path: Path) -> list[str]:
    return _MOD.findall(_MASK.sub(" ", path.read_text(errors="replace")))


def file_list(folder: Path, top_file: str, prefer_raw: bool = True) -> tuple[list[Path], str]:
    """The top file plus, for every module it needs, one file defining it (raw-named files first, or
    last with ``prefer_raw=False``: the human design)."""
    files = sorted(folder.glob("*.v"))
    defs = {f: _modules(f) for f in files}

    def rank(f: Path) -> tuple:
        raw = bool(re.search(r"raw|improve", f.name, re.I))
        return (0 if raw == prefer_raw else 1, len(defs[f]), f.name)

    chosen = [folder / top_file]
    defined = set(defs[chosen[0]])
    top = defs[chosen[0]][0]
    changed = True
    while changed:
        changed = False
        text = " ".join(_MASK.sub(" ", f.read_text(errors="replace")) for f in chosen)
        for f in sorted(files, key=rank):
            if f in chosen:
                continue
            need = [m for m in defs[f] if m not in defined and re.search(rf"^\s*{m}\b\s*(#|\w)", text, re.M)]
            if need and not (set(defs[f]) & defined):
                chosen.append(f)
                defined |= set(defs[f])
                changed = True
                break
    return chosen, top


_WRAP = ("import resource, subprocess, sys\n"
         "rc = subprocess.call(sys.argv[1:])\n"
         "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "print('RTLOPT-BENCH-MAXRSS', u.ru_maxrss, file=sys.stderr)\n"
         "print('RTLOPT-BENCH-CPU', u.ru_utime + u.ru_stime, file=sys.stderr)\n"
         "sys.exit(rc)\n")


def run(cmd: list[str], timeout: float) -> dict:
    """Run one rtlopt command; wall time and peak RSS (MiB) of its largest process (rtlopt or a tool)."""
    t0 = time.monotonic()
    p = subprocess.Popen([sys.executable, "-c", _WRAP, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)  # the wrapper's own group: rtlopt and its tools
        out, err = p.communicate()
        rc = "T/O"
    secs = time.monotonic() - t0
    m = re.search(r"RTLOPT-BENCH-MAXRSS (\d+)", err)
    peak = round(int(m.group(1)) / 1024, 1) if m else None
    c = re.search(r"RTLOPT-BENCH-CPU ([\d.]+)", err)
    cpu = round(float(c.group(1)), 1) if c else None
    err = re.sub(r"RTLOPT-BENCH-(MAXRSS|CPU) [\d.]+\n?", "", err)
    return {"rc": rc, "s": secs, "cpu_s": cpu, "peak_mib": peak, "out": out, "err": err}


def _change(out: str) -> tuple[str, str, str]:
    """(area before, area after, note) from an optimize --json report (flat or hierarchical)."""
    try:
        d = json.loads(out)
    except ValueError:
        return "", "", ""
    if d.get("mode") == "hierarchical":
        t = d.get("total", {})
        fmt = lambda v: "" if v is None else f"{v:.1f}"  # noqa: E731
        mods = d.get("modules", [])
        imp = sum(1 for m in mods if m.get("status") == "improved")
        return fmt(t.get("area_before_um2")), fmt(t.get("area_after_um2")), \
            f"hier {len(mods)} mod, {imp} improved; estimated: {','.join(t.get('estimated_modules') or []) or 'none'}; " \
            f"total {t.get('measured')}; proof {d.get('composed_proof', {}).get('verdict')}"
    area = (d.get("ppa") or {}).get("area") or {}
    b = (area.get("before") or {}).get("value")
    a = (area.get("after") or {}).get("value")
    steps = d.get("steps") or []
    rules = ",".join(r for s in steps for r in (s.get("rules") or []))
    return (f"{b:.1f}" if isinstance(b, (int, float)) else ""), (f"{a:.1f}" if isinstance(a, (int, float)) else ""), rules


def rtlopt(*args: str) -> list[str]:
    return [sys.executable, "-m", "rtlopt", *args]


def row(name: str, res: dict, extra: str = "") -> dict:
    last = next((ln for ln in reversed(res["err"].strip().splitlines()) if ln.startswith("rtlopt:")), "")
    r = {"name": name, "rc": res["rc"], "s": round(res["s"], 1), "peak_mib": res["peak_mib"], "note": extra}
    if res["rc"] not in (0, 1, "T/O") and last:
        r["note"] = (extra + " " + last[:120]).strip()
    print(f"| {name} | {r['rc']} | {r['s']:.1f} | {r['peak_mib']} | {r['note']} |", flush=True)
    return r


def part_check(args) -> list[dict]:
    # CPU s (rtlopt and its tools) next to wall s: on a shared machine the wall time is mostly waiting
    # for a core, and the per-step time limits (wall clock) then fire and skip steps
    print(f"\n### rtlopt check over each tree (load average {os.getloadavg()[0]:.1f})\n\n"
          "| tree | exit | s | peak MiB | summary (CPU s) |\n|---|---|---|---|---|")
    out = []
    for tree in (RW / "picorv32", RW / "serv" / "rtl", RW / "verilog-axis" / "rtl"):
        files = sorted(str(p) for p in tree.rglob("*.v")) + sorted(str(p) for p in tree.rglob("*.sv"))
        if not files:
            continue
        # files in the order the project's own build reads them: picosoc.v stops with `error when
        # picorv32.v (which defines PICORV32_V) came first, so picosoc/ goes before picorv32.v
        files.sort(key=lambda f: 0 if "/picosoc/" in f else 1)
        res = run(rtlopt("check", *files), args.timeout)
        summary = next((ln for ln in reversed(res["out"].strip().splitlines()) if "rtlopt check" in ln), "")
        r = row(str(tree.relative_to(SHARED)), res, f"{summary[-110:]} (CPU {res['cpu_s']} s)")
        r["cpu_s"] = res["cpu_s"]
        out.append(r)
    return out


def _optimize(args, name: str, files: list[str], top: str | None, budget: float, extra=()) -> dict:
    cmd = rtlopt("optimize", *files, "--json", "-q", "--budget", str(budget), "--liberty", str(args.liberty),
                 *extra)
    if top:
        cmd += ["--top", top]
    res = run(cmd, max(args.timeout, budget * 1.5 + 60))
    b, a, note = _change(res["out"])
    r = row(name, res, (f"{b} -> {a} {note}".strip() if b else note) + f" (CPU {res['cpu_s']} s)")
    r.update(area_before=b, area_after=a, cpu_s=res["cpu_s"])
    try:  # hierarchical runs: the per-module rows (how each was measured) go into --json too
        d = json.loads(res["out"])
        if isinstance(d.get("timings"), dict):  # seconds per stage / generator (where a slow run went)
            r["timings"] = d["timings"]
        if d.get("mode") == "hierarchical":
            r["modules"] = [{k: m.get(k) for k in ("module", "instances", "status", "area_before", "area_after",
                                                    "seconds", "measured", "estimated", "note", "rules", "verdict")}
                            for m in d.get("modules", [])]
            r["total"] = d.get("total")
            for m in r["modules"]:  # per-module rows: a number, or why there is none
                a, b = m.get("area_before"), m.get("area_after")
                num = "n/a" if a is None else (f"{'~' if m.get('estimated') else ''}{a:.1f} -> {b:.1f}")
                why = "; ".join(x for x in (m.get("measured"), m.get("note")) if x)
                print(f"|   {m['module']} x{m['instances']} | {m['status']} | {m.get('seconds') or 0:.1f} | | "
                      f"{num} ({why[:160]}) |", flush=True)
    except ValueError:
        pass
    return r


def part_picorv32(args) -> list[dict]:
    f = RW / "picorv32" / "picorv32.v"
    if not f.exists():
        return []
    print(f"\n### picorv32.v modules (--top M, --budget {args.module_budget:g})\n\n"
          "| module | exit | s | peak MiB | area before -> after |\n|---|---|---|---|---|")
    mods = _modules(f)
    return [_optimize(args, m, [str(f)], m, args.module_budget) for m in mods if _want(args, m)]


def _want(args, name: str) -> bool:
    return not args.only or name in args.only


def part_tree(args, label: str, tree: Path) -> list[dict]:
    files = sorted(tree.glob("*.v"))
    if not files:
        return []
    print(f"\n### {label}: sample of {args.sample} modules (each with the tree's other files)\n\n"
          "| module | exit | s | peak MiB | area before -> after |\n|---|---|---|---|---|")
    step = max(1, len(files) // max(1, args.sample))
    out = []
    for f in files[::step][: args.sample]:
        mods = _modules(f)
        if not mods or not _want(args, mods[0]):
            continue
        out.append(_optimize(args, mods[0], [str(p) for p in files], mods[0], args.module_budget))
    return out


#: composite IP (a top and its parameterized children), module by module: each child measured and
#: optimized at the parameter values its instances have (one configuration as its -G; several, e.g.
#: axis_register at REG_TYPE 0 and 2 in axis_switch, in one search over all of them), the composed design proven
COMPOSITES = (("axis_arb_mux", ("-f", "verilog-axis/rtl/axis_arb_mux.f")),
              ("axis_switch", ("-f", "verilog-axis/rtl/axis_switch.f")),
              ("serv_top", ("serv/rtl/*.v",)))


def part_composite(args) -> list[dict]:
    print(f"\n### composite IP (--hierarchical, --budget {2 * args.module_budget:g})\n\n"
          "| design | exit | s | peak MiB | total area before -> after, how |\n|---|---|---|---|---|")
    out = []
    for top, spec in COMPOSITES:
        if not _want(args, top):
            continue
        files = [str(RW / spec[1])] if spec[0] == "-f" else sorted(str(p) for p in RW.glob(spec[0]))
        if not files or not Path(files[0]).exists():
            continue
        files = ["-f", files[0]] if spec[0] == "-f" else files
        out.append(_optimize(args, top, files, top, 2 * args.module_budget, extra=("--hierarchical",)))
    return out


def part_long(args) -> list[dict]:
    print(f"\n### RTL-Rewriter long designs (raw, file lists, --budget {args.budget:g})\n\n"
          "| design | exit | s | peak MiB | total area before -> after, how |\n|---|---|---|---|---|")
    out = []
    for name, top_file in LONG_TOPS.items():
        folder = LONG / name
        if not (folder / top_file).exists() or not _want(args, name):
            continue
        files, top = file_list(folder, top_file)
        r = _optimize(args, f"{name} ({len(files)} files, top {top})", [str(p) for p in files], top, args.budget)
        r["files"] = [p.name for p in files]
        if args.human and (folder / LONG_HUMAN[name]).exists():
            r["human"] = _human(args, folder, name)
        out.append(r)
    return out


def _human(args, folder: Path, name: str) -> dict:
    """The human-optimized design's area: ``rtlopt ppa`` (flat synthesis) within ``--human-timeout``."""
    files, top = file_list(folder, LONG_HUMAN[name], prefer_raw=False)
    cmd = rtlopt("ppa", *[str(p) for p in files], "--top", top, "--json", "--liberty", str(args.liberty),
                 "--timeout", str(args.human_timeout))
    res = run(cmd, args.human_timeout + 120)
    h = {"files": [p.name for p in files], "top": top, "rc": res["rc"], "s": round(res["s"], 1), "area": None}
    try:
        h["area"] = json.loads(res["out"])["metrics"]["area"]["value"]
        h["how"] = "flat (rtlopt ppa)"
    except (ValueError, KeyError, TypeError):
        last = next((ln for ln in reversed(res["err"].strip().splitlines()) if ln.startswith("rtlopt:")), "")
        h["how"] = f"not measured (exit {res['rc']}): {last[:120]}"
    print(f"|   human {name} ({len(files)} files, top {top}) | {h['rc']} | {h['s']:.1f} | | "
          f"{h['area'] if h['area'] is not None else h['how']} |", flush=True)
    return h


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", default="check,picorv32,serv,axis,long")
    ap.add_argument("--budget", type=float, default=600.0, help="--budget of each long design run")
    ap.add_argument("--module-budget", type=float, default=120.0, help="--budget of each module run")
    ap.add_argument("--sample", type=int, default=4, help="modules sampled from serv and verilog-axis")
    ap.add_argument("--liberty", default=str(LIB))
    ap.add_argument("--timeout", type=float, default=900.0, help="hard limit per process (s)")
    ap.add_argument("--only", default="", help="comma-separated module/design names to run")
    ap.add_argument("--json", metavar="OUT", help="also save the rows as JSON")
    ap.add_argument("--human", action="store_true",
                    help="long designs: also measure the human-optimized version (rtlopt ppa, flat)")
    ap.add_argument("--human-timeout", type=float, default=300.0, help="--timeout of each human measurement")
    args = ap.parse_args()
    args.only = {x for x in args.only.split(",") if x}
    if not RW.exists() and not LONG.exists():
        print(f"shared corpus not found under {SHARED}", file=sys.stderr)
        return 0
    parts = {p.strip() for p in args.part.split(",")}
    rows: dict[str, list[dict]] = {}
    if "check" in parts:
        rows["check"] = part_check(args)
    if "picorv32" in parts:
        rows["picorv32"] = part_picorv32(args)
    if "serv" in parts:
        rows["serv"] = part_tree(args, "serv/rtl", RW / "serv" / "rtl")
    if "axis" in parts:
        rows["axis"] = part_tree(args, "verilog-axis/rtl", RW / "verilog-axis" / "rtl")
    if "composite" in parts:
        rows["composite"] = part_composite(args)
    if "long" in parts:
        rows["long"] = part_long(args)
    if "human" in parts:  # only the human-optimized long designs (their areas for the long-suite table)
        print(f"\n### RTL-Rewriter long designs, human versions (rtlopt ppa, flat, --timeout {args.human_timeout:g})"
              "\n\n| design | exit | s | | area |\n|---|---|---|---|---|")
        rows["human"] = [dict(name=n, **_human(args, LONG / n, n)) for n in LONG_HUMAN
                         if (LONG / n / LONG_HUMAN[n]).exists() and _want(args, n)]
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
