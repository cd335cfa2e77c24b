"""Batch results as JSON, CSV, Markdown and HTML (with inline SVG charts; no plotting library)."""

from __future__ import annotations

import csv
import html
import io
import json
import math
import statistics
from collections import Counter, defaultdict
from pathlib import Path

METRICS = (("area_um2", "area µm²"), ("delay_ns", "delay ns"), ("power_mw", "power mW"), ("cells", "cells"))
ROLE_ORDER = ("original", "rtlopt", "reference", "human", "gpt4", "claude3", "rtlrewriter")
_COLUMNS = ("case", "role", "file", "area_um2", "delay_ns", "power_mw", "cells", "generic_cells", "verdict",
            "status", "error")


def geomean(xs: list[float]) -> float | None:
    xs = [x for x in xs if x is not None and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def flat_rows(results: list[dict]) -> list[dict]:
    rows = []
    for r in results:
        if not r.get("rows"):
            rows.append({"case": r["case"], "role": "original", "file": "", "status": r.get("status"),
                         "error": r.get("error", "")})
        for row in r.get("rows", []):
            rows.append({"case": r["case"], **row, "status": row.get("status", r.get("status"))})
    return rows


def summarize(results: list[dict]) -> dict:
    """Geomean ratios to the original per role and metric, verdict counts, times per stage."""
    ratios: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    verdicts: dict[str, Counter] = defaultdict(Counter)
    worse: list[str] = []
    for r in results:
        base = next((x for x in r.get("rows", []) if x["role"] == "original"), None)
        for row in r.get("rows", []):
            if row["role"] != "original":
                verdicts[row["role"]][row.get("verdict", "?")] += 1
            if base is None:
                continue
            for key, _ in METRICS:
                b, v = base.get(key), row.get(key)
                if b and v is not None and b > 0 and v > 0:
                    ratios[row["role"]][key].append(v / b)
            if row["role"] == "rtlopt" and base.get("area_um2") and row.get("area_um2") and \
                    row["area_um2"] > base["area_um2"] * (1 + 1e-9):
                worse.append(r["case"])
    geo = {role: {k: geomean(v) for k, v in m.items()} for role, m in ratios.items()}
    changed = [row for r in results for row in r.get("rows", []) if row["role"] == "rtlopt"
               and row.get("verdict") not in ("UNCHANGED", None)]
    opt_times = [r["stages"]["optimize_s"] for r in results if r.get("stages")]
    case_times = [r["seconds"] for r in results if r.get("seconds") is not None]
    return {
        "cases": len(results),
        "status": dict(Counter(r.get("status", "?") for r in results)),
        "geomean_ratio_vs_original": geo,
        "verdicts": {k: dict(v) for k, v in verdicts.items()},
        "rtlopt_changed": len(changed),
        "rtlopt_changed_equivalent": sum(1 for row in changed if row.get("verdict") == "EQUIVALENT"),
        "rtlopt_worse_than_original": worse,
        "stage_seconds": {k: round(sum(r["stages"][k] for r in results if r.get("stages")), 2)
                          for k in ("optimize_s", "ppa_s", "verify_s")},
        "optimize_seconds_median": statistics.median(opt_times) if opt_times else None,
        "optimize_seconds_max": max(opt_times) if opt_times else None,
        "case_seconds_total": round(sum(case_times), 2),
        "paired_vs_equivalent_references": paired(results),
        "by_family_style": by_group(results),
    }


def by_group(results: list[dict], role: str = "reference") -> dict[str, dict]:
    """Per suite (family) and per suite/style: rtlopt and the ``role`` reference against the original.

    Geomean area/delay/power ratios to the original, how many cases rtlopt is at least as small as
    the reference (0.1 % tolerance; only references proven EQUIVALENT count), and rtlopt's verdicts.
    Empty when no case carries a style or a ``role`` row (suites other than the generalization one).
    """
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        if r.get("style") is None and not any(x["role"] == role for x in r.get("rows", [])):
            continue
        groups[r.get("suite", "?")].append(r)
        groups[f"{r.get('suite', '?')}/{r.get('style') or '?'}"].append(r)
    if not groups:
        return {}
    groups["all"] = [r for r in results if r.get("style") is not None
                     or any(x["role"] == role for x in r.get("rows", []))]
    out: dict[str, dict] = {}
    for name, rs in sorted(groups.items()):
        mine: dict[str, list[float]] = defaultdict(list)
        ref: dict[str, list[float]] = defaultdict(list)
        at_least = compared = changed = 0
        verdicts: Counter = Counter()
        for r in rs:
            rows = r.get("rows", [])
            base = next((x for x in rows if x["role"] == "original"), None)
            opt = next((x for x in rows if x["role"] == "rtlopt"), None)
            refs = [x for x in rows if x["role"] == role and x.get("verdict") == "EQUIVALENT"]
            if opt is not None:
                verdicts[opt.get("verdict", "?")] += 1
                changed += opt.get("verdict") not in ("UNCHANGED", None)
            if not base or not (base.get("area_um2") or 0) > 0:
                continue
            for key in ("area_um2", "delay_ns", "power_mw"):
                b = base.get(key)
                if not b or b <= 0:
                    continue
                if opt is not None and (opt.get(key) or 0) > 0:
                    mine[key].append(opt[key] / b)
                vals = [x[key] for x in refs if (x.get(key) or 0) > 0]
                if vals:
                    ref[key].append(min(vals) / b)
            best = min((x["area_um2"] for x in refs if (x.get("area_um2") or 0) > 0), default=None)
            if best is not None and opt is not None and (opt.get("area_um2") or 0) > 0:
                compared += 1
                at_least += opt["area_um2"] <= best * 1.001
        out[name] = {"cases": len(rs), "changed": changed, "verdicts": dict(verdicts),
                     "rtlopt": {k: geomean(v) for k, v in mine.items()},
                     "reference": {k: geomean(v) for k, v in ref.items()},
                     "compared": compared, "rtlopt_at_least_as_small": at_least}
    return out


def paired(results: list[dict]) -> dict[str, dict]:
    """rtlopt against each reference role on the same cases, counting only references proven EQUIVALENT.

    A role may ship several files per case, and some are not equivalent to the original (they drop
    outputs or change timing); the plain geomean counts them all. Here, per case where the role has at
    least one EQUIVALENT file and rtlopt has numbers, the role's best equivalent file (per metric)
    is paired with rtlopt's result, and the geomeans and win/tie/loss counts (on area, 0.1 %
    tolerance) are over exactly those cases.
    """
    out: dict[str, dict] = {}
    roles = sorted({row["role"] for r in results for row in r.get("rows", [])} - {"original", "rtlopt"})
    for role in roles:
        mine: dict[str, list[float]] = defaultdict(list)
        theirs: dict[str, list[float]] = defaultdict(list)
        wins = ties = losses = 0
        n = 0
        for r in results:
            rows = r.get("rows", [])
            base = next((x for x in rows if x["role"] == "original"), None)
            opt = next((x for x in rows if x["role"] == "rtlopt"), None)
            refs = [x for x in rows if x["role"] == role and x.get("verdict") == "EQUIVALENT"]
            if not base or not opt or not refs or not (base.get("area_um2") or 0) > 0 \
                    or not (opt.get("area_um2") or 0) > 0:
                continue
            n += 1
            for key, _ in METRICS:
                b, v = base.get(key), opt.get(key)
                vals = [x[key] for x in refs if (x.get(key) or 0) > 0]
                if b and v and vals and b > 0 and v > 0:
                    mine[key].append(v / b)
                    theirs[key].append(min(vals) / b)
            best = min((x["area_um2"] for x in refs if (x.get("area_um2") or 0) > 0), default=None)
            if best is not None:
                if opt["area_um2"] < best * 0.999:
                    wins += 1
                elif opt["area_um2"] > best * 1.001:
                    losses += 1
                else:
                    ties += 1
        if n:
            out[role] = {"cases": n, "rtlopt": {k: geomean(v) for k, v in mine.items()},
                         "reference": {k: geomean(v) for k, v in theirs.items()},
                         "area_wins": wins, "area_ties": ties, "area_losses": losses}
    return out


def _fmt(v, digits: int = 4) -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}g}"
    return str(v)


def to_csv(results: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=_COLUMNS, extrasaction="ignore")
    w.writeheader()
    for row in flat_rows(results):
        w.writerow({k: row.get(k, "") for k in _COLUMNS})
    return buf.getvalue()


def _roles(summary: dict) -> list[str]:
    present = set(summary["geomean_ratio_vs_original"]) | set(summary["verdicts"])
    return [r for r in ROLE_ORDER if r in present] + sorted(present - set(ROLE_ORDER))


def to_markdown(results: list[dict], summary: dict, meta: dict) -> str:
    out = ["# rtlopt benchmark report", ""]
    out += [f"- {k}: {v}" for k, v in meta.items()]
    out += ["", "## Geomean ratio to the original (lower is better)", "",
            "| role | area | delay | power | cells | verdicts |", "|---|---|---|---|---|---|"]
    for role in _roles(summary):
        g = summary["geomean_ratio_vs_original"].get(role, {})
        v = ", ".join(f"{k} {n}" for k, n in sorted(summary["verdicts"].get(role, {}).items())) or "–"
        out.append(f"| {role} | " + " | ".join(_fmt(g.get(k)) for k, _ in METRICS) + f" | {v} |")
    out += ["", f"rtlopt changed {summary['rtlopt_changed']} designs, "
            f"{summary['rtlopt_changed_equivalent']} of them proven EQUIVALENT; "
            f"worse than the original: {', '.join(summary['rtlopt_worse_than_original']) or 'none'}.",
            f"Optimizer time per case: median {_fmt(summary['optimize_seconds_median'])} s, "
            f"max {_fmt(summary['optimize_seconds_max'])} s. Stage totals: "
            + ", ".join(f"{k} {v} s" for k, v in summary["stage_seconds"].items()) + ".", ""]
    pairs = summary.get("paired_vs_equivalent_references") or {}
    if pairs:
        out += ["## rtlopt against equivalent references, case by case", "",
                "Only cases where the reference role has a file proven EQUIVALENT to the original; its best such "
                "file per metric. Geomean ratio to the original over exactly those cases.", "",
                "| role | cases | area rtlopt / ref | delay rtlopt / ref | power rtlopt / ref | area win/tie/loss |",
                "|---|---|---|---|---|---|"]
        for role, p in pairs.items():
            cols = " | ".join(f"{_fmt(p['rtlopt'].get(k))} / {_fmt(p['reference'].get(k))}"
                              for k in ("area_um2", "delay_ns", "power_mw"))
            out.append(f"| {role} | {p['cases']} | {cols} | {p['area_wins']}/{p['area_ties']}/{p['area_losses']} |")
        out.append("")
    groups = summary.get("by_family_style") or {}
    if groups:
        out += ["## Per family and coding style (geomean ratio to the original)", "",
                "References count only when proven EQUIVALENT. 'rtlopt <= ref': cases where rtlopt's area is at "
                "most the reference's (+0.1 %).", "",
                "| group | cases | changed | area rtlopt / ref | delay rtlopt / ref | power rtlopt / ref "
                "| rtlopt <= ref | rtlopt verdicts |", "|---|---|---|---|---|---|---|---|"]
        for name, g in groups.items():
            cols = " | ".join(f"{_fmt(g['rtlopt'].get(k))} / {_fmt(g['reference'].get(k))}"
                              for k in ("area_um2", "delay_ns", "power_mw"))
            v = ", ".join(f"{k} {n}" for k, n in sorted(g["verdicts"].items())) or "–"
            out.append(f"| {name} | {g['cases']} | {g['changed']} | {cols} | "
                       f"{g['rtlopt_at_least_as_small']}/{g['compared']} | {v} |")
        out.append("")
    out += ["## Per case", "", "| case | role | file | area µm² | delay ns | power mW | cells | verdict |",
            "|---|---|---|---|---|---|---|---|"]
    for row in flat_rows(results):
        verdict = row.get("verdict") or row.get("status") or ""
        if row.get("error"):
            verdict = f"{verdict} ({row['error']})" if verdict and verdict != row.get("status") else row["error"]
        out.append(f"| {row['case']} | {row['role']} | {row.get('file', '')} | " +
                   " | ".join(_fmt(row.get(k)) for k, _ in METRICS) + f" | {verdict.replace('|', '/')} |")
    return "\n".join(out) + "\n"


def _bar_chart(title: str, items: list[tuple[str, float]], width: int = 640) -> str:
    """Horizontal bars of ratios with a line at 1.0 (the original)."""
    if not items:
        return ""
    bar_h, gap, left = 18, 6, 170
    top = 28
    vmax = max(1.0, *(v for _, v in items)) * 1.05
    scale = (width - left - 60) / vmax
    h = top + len(items) * (bar_h + gap) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" role="img">',
             f'<text x="4" y="18" font-size="14" font-weight="bold">{html.escape(title)}</text>']
    for i, (label, v) in enumerate(items):
        y = top + i * (bar_h + gap)
        colour = "#2a9d8f" if v <= 1.0 else "#e76f51"
        parts.append(f'<text x="{left - 6}" y="{y + 13}" font-size="12" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{max(1, v * scale):.1f}" height="{bar_h}" fill="{colour}"/>')
        parts.append(f'<text x="{left + v * scale + 4:.1f}" y="{y + 13}" font-size="12">{v:.3f}</text>')
    x1 = left + scale
    parts.append(f'<line x1="{x1:.1f}" y1="{top - 4}" x2="{x1:.1f}" y2="{h - 6}" stroke="#333" stroke-dasharray="4 3"/>')
    parts.append("</svg>")
    return "".join(parts)


def to_html(results: list[dict], summary: dict, meta: dict) -> str:
    roles = _roles(summary)
    charts = []
    for key, label in METRICS[:3]:
        items = [(r, summary["geomean_ratio_vs_original"][r][key]) for r in roles
                 if summary["geomean_ratio_vs_original"].get(r, {}).get(key)]
        charts.append(_bar_chart(f"Geomean {label} ratio to original", items))
    per_case = []
    for r in results:
        base = next((x for x in r.get("rows", []) if x["role"] == "original"), None)
        opt = next((x for x in r.get("rows", []) if x["role"] == "rtlopt"), None)
        if base and opt and base.get("area_um2") and opt.get("area_um2"):
            per_case.append((r["case"].split("/")[-1][:24], opt["area_um2"] / base["area_um2"]))
    charts.append(_bar_chart("rtlopt area ratio to original, per case", per_case))
    md_rows = []
    for row in flat_rows(results):
        cls = "bad" if row.get("verdict") in ("NOT_EQUIVALENT", "ERROR") or row.get("status") in (
            "error", "timeout", "crash") else ""
        cells = "".join(f"<td>{html.escape(_fmt(row.get(k)))}</td>" for k, _ in METRICS)
        verdict = html.escape(str(row.get("verdict") or row.get("status") or ""))
        err = f" <small>{html.escape(row['error'])}</small>" if row.get("error") else ""
        md_rows.append(f'<tr class="{cls}"><td>{html.escape(row["case"])}</td><td>{row["role"]}</td>'
                       f"<td>{html.escape(row.get('file', ''))}</td>{cells}<td>{verdict}{err}</td></tr>")
    meta_html = "".join(f"<li><b>{html.escape(k)}</b>: {html.escape(str(v))}</li>" for k, v in meta.items())
    summary_html = html.escape(json.dumps({k: v for k, v in summary.items() if k != "geomean_ratio_vs_original"},
                                          indent=1))
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>rtlopt benchmark report</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}table{{border-collapse:collapse;font-size:13px}}
td,th{{border:1px solid #ccc;padding:2px 6px}}tr.bad{{background:#fde2dc}}svg{{display:block;margin:1em 0}}</style>
</head><body><h1>rtlopt benchmark report</h1><ul>{meta_html}</ul>
{''.join(charts)}<h2>Summary</h2><pre>{summary_html}</pre>
<h2>Per case</h2><table><tr><th>case</th><th>role</th><th>file</th>{''.join(f'<th>{html.escape(lbl)}</th>' for _, lbl in METRICS)}<th>verdict</th></tr>
{''.join(md_rows)}</table></body></html>
"""


def write_reports(out_dir: Path, results: list[dict], meta: dict) -> dict[str, Path]:
    """Write results.json, results.csv, report.md and report.html into ``out_dir``."""
    summary = summarize(results)
    paths = {"json": out_dir / "results.json", "csv": out_dir / "results.csv", "markdown": out_dir / "report.md",
             "html": out_dir / "report.html"}
    paths["json"].write_text(json.dumps({"meta": meta, "summary": summary, "cases": results}, indent=1, default=str))
    paths["csv"].write_text(to_csv(results))
    paths["markdown"].write_text(to_markdown(results, summary, meta))
    paths["html"].write_text(to_html(results, summary, meta))
    return paths
