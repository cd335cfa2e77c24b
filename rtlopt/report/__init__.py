"""Reports of an optimization run: JSON-ready dict, plain text and Markdown, with a unified diff.

Every PPA number carries its unit and the tool command it came from; the report names the rules
applied in order, the verification verdict and engine of the accepted result, and the diff.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

_METRICS = (("area", "area_um2", "um^2"), ("delay", "delay_ns", "ns"), ("power", "power_mw", "mW"),
            ("cells", "cells", ""))


def unified_diff(result) -> str:
    """Unified diff of every changed file (original → optimized)."""
    out = []
    for path, old in result.original.items():
        new = result.final[path]
        if new == old:
            continue
        out.extend(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        fromfile=f"a/{Path(path).name}", tofile=f"b/{Path(path).name}"))
    text = "".join(out)
    return text if not text or text.endswith("\n") else text + "\n"


def _metric(rep, attr: str) -> dict[str, Any]:
    m = getattr(rep, attr)
    return m.to_dict()


def _ratio(a, b) -> float | None:
    if a is None or b is None or not a:
        return None
    return b / a


def to_dict(result, *, output: str | None = None) -> dict[str, Any]:
    """Everything about a run, JSON-ready."""
    before, after = result.before, result.after
    ppa = {}
    for name, attr, _unit in _METRICS:
        b, a = _metric(before, attr), _metric(after, attr)
        ppa[name] = {"before": b, "after": a, "ratio": _ratio(b["value"], a["value"])}
    return {
        "design": [str(p) for p in result.design.files],
        "top": result.design.top,
        "goal": result.goal,
        "status": result.status,
        "changed": result.changed,
        "output": output,
        "ppa": ppa,
        "score": {"before": before.metric(result.goal), "after": after.metric(result.goal)},
        "provenance": {"before": before.provenance, "after": after.provenance},
        "rules_applied": [
            {"rules": list(s.rules), "description": s.description, "source": s.source, "file": s.file,
             "metric_before": s.metric_before, "metric_after": s.metric_after, "verdict": s.verdict,
             "engine": s.engine, "verify_seconds": s.verify_seconds,
             "delay_ns_before": s.delay_before, "delay_ns_after": s.delay_after,
             "evidence": getattr(s, "evidence", None), "stages": getattr(s, "stages", None)}
            for s in result.steps
        ],
        "verification": result.final_verdict,
        "candidates_evaluated": len(result.attempts),
        "candidates": [
            {"rules": list(a.candidate.rules), "source": a.candidate.source,
             "description": a.candidate.description, "metric": a.metric, "ppa": a.ppa,
             "verdict": a.verdict, "engine": a.engine, "accepted": a.accepted, "error": a.error}
            for a in result.attempts
        ],
        "budget_exhausted": result.budget_exhausted,
        # candidates rejected because they turn a registered output into logic (--keep-registered-outputs)
        # or re-encode/remove a keep/async_reg register (engine.regkeep)
        "rejected_registered_outputs": (getattr(result, "registered_outputs", None) or {}).get("rejected", 0),
        "registered_outputs": getattr(result, "registered_outputs", None),
        "seconds": round(result.seconds, 3),
        "timings": getattr(result, "timings", None),
        "diff": unified_diff(result),
    }


def _fmt(m: dict) -> str:
    v = m["value"]
    if v is None:
        return "n/a"
    return str(v) if isinstance(v, int) else f"{v:.6g}"


def _status_line(result, output: str | None) -> str:
    if result.status == "improved":
        where = f"written to {output}" if output else "not written (use -o FILE or --in-place to write it)"
        simulated = sum(1 for st in result.steps if st.verdict == "SIMULATED")
        if simulated:
            return (f"optimized: {len(result.steps)} rewrite(s), {simulated} of them NOT PROVEN (proof UNKNOWN; "
                    f"accepted on simulation evidence because of --accept-simulation); {where}")
        return f"optimized: {len(result.steps)} rewrite(s) proven equivalent; {where}"
    if result.status == "no_proof":
        return "no candidate could be proven equivalent: input left unchanged"
    return "no improvement found: input left unchanged"


def _delay_change(s) -> str:
    if s.delay_before is None or s.delay_after is None or not s.delay_before:
        return ""
    pct = 100.0 * (s.delay_after - s.delay_before) / s.delay_before
    return f" (delay {s.delay_before:.4g} -> {s.delay_after:.4g} ns, {pct:+.1f}%)"


def format_text(result, *, output: str | None = None) -> str:
    """A plain-text report."""
    d = to_dict(result, output=output)
    lines = [f"rtlopt optimize {', '.join(d['design'])} (top {d['top']}, goal {d['goal']})",
             _status_line(result, output), ""]
    lib = result.before.provenance.get("liberty", {})
    lines.append(f"PPA ({lib.get('name', '?')}):        before        after   ratio  source")
    for name, _attr, unit in _METRICS:
        p = d["ppa"][name]
        r = f"{p['ratio']:.3f}" if p["ratio"] is not None else "  n/a"
        lines.append(f"  {name:<6} {unit:<5} {_fmt(p['before']):>12} {_fmt(p['after']):>12}   {r}  "
                     f"{p['before']['source']}")
    if result.steps:
        lines += ["", "rules applied (in order):"]
        for i, s in enumerate(result.steps, 1):
            lines.append(f"  {i}. {', '.join(s.rules)} [{s.source}]: {s.description}")
            lines.append(f"     {d['goal']} {s.metric_before:.6g} -> {s.metric_after:.6g}{_delay_change(s)}; "
                         f"{s.verdict} ({s.engine}, {s.verify_seconds or 0:.2f} s)")
            if getattr(s, "evidence", None):
                lines.append(f"     evidence (NOT a proof): {s.evidence}")
            if getattr(s, "stages", None):
                lines.append("     proven in links: " + "; ".join(
                    f"{r['verdict']} ({r['engine']}, {r['seconds']:.1f} s)" for r in s.stages))
    rejected = [a for a in result.attempts if a.verdict and a.verdict != "EQUIVALENT" and not a.accepted]
    if rejected:
        lines += ["", "rejected by the verifier:"]
        seen: set[str] = set()
        for a in rejected:
            line = (f"  {', '.join(a.candidate.rules)}: {a.verdict}" + (f" ({a.engine})" if a.engine else "")
                    + f" {a.candidate.description}")
            if line not in seen:  # the same rewrite offered with different encodings/partners: once
                seen.add(line)
                lines.append(line)
    lines += ["", f"candidates evaluated: {len(result.attempts)}; time {result.seconds:.1f} s"
              + (" (budget exhausted)" if result.budget_exhausted else "")]
    ro = getattr(result, "registered_outputs", None) or {}
    if ro.get("enabled") or ro.get("rejected") or ro.get("protected_registers"):
        what = "registered outputs kept (--keep-registered-outputs)" if ro.get("enabled") else \
            "protected registers kept (keep/async_reg)"
        lines.append(f"{what}: {ro.get('rejected', 0)} candidate(s) rejected"
                     + (f"; first: {ro['reasons'][0]}" if ro.get("reasons") else ""))
    diff = d["diff"]
    if diff:
        lines += ["", diff.rstrip("\n")]
    return "\n".join(lines) + "\n"


def format_markdown(result, *, output: str | None = None) -> str:
    """A Markdown report."""
    d = to_dict(result, output=output)
    lib = result.before.provenance.get("liberty", {})
    md = [f"# rtlopt optimize: `{d['top']}`", "",
          f"- design: {', '.join(f'`{p}`' for p in d['design'])}", f"- goal: **{d['goal']}**",
          f"- liberty: `{lib.get('name', '?')}` ({lib.get('path', '?')})",
          f"- result: {_status_line(result, output)}", "",
          "## PPA", "", "| metric | unit | before | after | ratio | source |", "|---|---|---:|---:|---:|---|"]
    for name, _attr, unit in _METRICS:
        p = d["ppa"][name]
        r = f"{p['ratio']:.3f}" if p["ratio"] is not None else "n/a"
        md.append(f"| {name} | {unit} | {_fmt(p['before'])} | {_fmt(p['after'])} | {r} | {p['before']['source']} |")
    md += ["", "## Rules applied", ""]
    if result.steps:
        md += ["| # | rules | what | goal metric | verdict | engine |", "|---:|---|---|---|---|---|"]
        for i, s in enumerate(result.steps, 1):
            md.append(f"| {i} | {', '.join(s.rules)} | {s.description} | {s.metric_before:.6g} → "
                      f"{s.metric_after:.6g}{_delay_change(s)} | {s.verdict} | {s.engine} |")
    else:
        md.append("none")
    md += ["", "## Verification", "", "```json", json.dumps(d["verification"], indent=2, default=str), "```"]
    if d["diff"]:
        md += ["", "## Diff", "", "```diff", d["diff"].rstrip("\n"), "```"]
    return "\n".join(md) + "\n"
