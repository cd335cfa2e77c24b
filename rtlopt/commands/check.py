"""``rtlopt check FILES...``: report optimization opportunities without editing anything (pre-commit).

Fast by design: no synthesis and no proof, only the deterministic template matchers of
:data:`rtlopt.templates.REGISTRY` run on each file's pyslang syntax tree, with titles and objectives
from the rule library. Each finding names the rule, the place (file:line:column), the estimated
effect and a severity: ``note`` for rewrites that synthesis usually finds itself (small effect),
``warning`` for those it usually does not (medium or large effect), ``error`` only when raised with
``--rule-severity``. Output as text, JSON or SARIF 2.1.0.

Exit codes: 0 no finding at or above the threshold (``--min-severity``, ``$RTLOPT_CHECK_MIN_SEVERITY``,
default ``warning``), 1 findings at or above it, 2 bad input (missing file, syntax error, bad flag).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rtlopt import __version__
from rtlopt.errors import ExitCode, InputError
from rtlopt.hdl.source import load_design, read_source

SEVERITIES = ("note", "warning", "error")
ENV_MIN_SEVERITY = "RTLOPT_CHECK_MIN_SEVERITY"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/rtlopt/rtlopt"

#: Estimated effect per template: (size, what changes). "small" effects map to severity ``note``.
EFFECTS: dict[str, tuple[str, str]] = {
    "operator_sharing_across_mux": ("large", "one shared operator instead of one per mux arm"),
    "const_mult_to_shift_add": ("medium", "a constant multiplier becomes a few shifts and adds"),
    "common_subexpression_elimination": ("medium", "a repeated operator is computed once"),
    "adder_chain_to_tree": ("medium", "adder depth drops from N-1 to ceil(log2 N)"),
    "priority_to_parallel_case": ("medium", "a priority chain on exclusive conditions becomes a parallel mux"),
    "dead_code_elimination": ("medium", "logic that drives no output is removed"),
    "unused_register_elimination": ("medium", "registers that drive nothing are removed"),
    "mux_chain_to_case": ("small", "a nested ternary chain becomes one indexed mux"),
    "mux_redundant_arms": ("small", "identical mux arms are merged"),
    "constant_folding": ("small", "constant subexpressions become one literal"),
    "boolean_simplification": ("small", "a Boolean expression loses redundant terms"),
    "comparison_simplification": ("small", "comparisons are merged or dropped"),
    "double_negation": ("small", "double inversions are removed"),
    "identity_operations": ("small", "identity operations (x+0, x*1, ...) are removed"),
    "constant_comparison_to_bitmask": ("small", "a comparison with a power of two becomes a bit test"),
    "redundant_concatenation": ("small", "a concatenation that rebuilds a signal is simplified"),
    "fsm_state_minimization": ("large", "equivalent FSM states are merged: fewer state bits and less next-state logic"),
    "fsm_unreachable_state_removal": ("medium", "states unreachable from reset are removed"),
}
#: Findings that come from the FSM extractor (rtlopt.fsm) rather than a template matcher.
FSM_RULES = ("fsm_state_minimization", "fsm_unreachable_state_removal")
_DEFAULT_EFFECT = ("medium", "see the rule description")


@dataclass
class Finding:
    """One optimization opportunity."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    title: str
    severity: str
    effect: str
    effect_size: str
    objectives: list[str]
    message: str
    snippet: str = ""


@dataclass
class CheckReport:
    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    rules_run: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, min_severity: str) -> int:
        level = SEVERITIES.index(min_severity)
        return sum(SEVERITIES.index(f.severity) >= level for f in self.findings)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _rule_info() -> dict[str, object]:
    try:
        from rtlopt.rules import load_rules

        lib = load_rules()
    except Exception as exc:  # noqa: BLE001 - a broken rule pack must not stop a pre-commit check
        print(f"rtlopt check: rule library not loaded ({exc}); using template descriptions", file=sys.stderr)
        return {}
    info = {}
    for name in lib.names():
        rule = lib.get(name)
        info[name] = rule
        if rule.template:
            info.setdefault(rule.template, rule)
    return info


def severity_for(rule: str, overrides: dict[str, str]) -> str:
    if rule in overrides:
        return overrides[rule]
    size = EFFECTS.get(rule, _DEFAULT_EFFECT)[0]
    return "note" if size == "small" else "warning"


def check_files(paths: list[str | Path], *, only: set[str] | None = None, disable: set[str] | None = None,
                overrides: dict[str, str] | None = None) -> CheckReport:
    """Run every template matcher on each file; never edits anything.

    Args:
        paths: HDL files.
        only: Run only these template ids (None: all).
        disable: Skip these template ids.
        overrides: ``{template id: severity}``.

    Raises:
        InputError: a file is missing, unreadable, not HDL, has a syntax error, or a rule id is unknown.
    """
    from rtlopt.templates import REGISTRY, analyze

    overrides = overrides or {}
    known = [*REGISTRY, *FSM_RULES]
    unknown = sorted(((only or set()) | (disable or set()) | set(overrides)) - set(known))
    if unknown:
        raise InputError(f"unknown rule(s): {', '.join(unknown)}; known: {', '.join(known)}")
    templates = [t for tid, t in REGISTRY.items() if (only is None or tid in only) and tid not in (disable or set())]
    fsm_rules = [r for r in FSM_RULES if (only is None or r in only) and r not in (disable or set())]
    info = _rule_info()
    start = time.monotonic()
    report = CheckReport(rules_run=[*(t.id for t in templates), *fsm_rules])
    for p in paths:
        src = read_source(p)
        parsed = load_design([p])  # syntax errors are bad input (exit 2) with file:line
        report.files.append(str(p))
        if fsm_rules:
            _fsm_findings(report, p, src.text, parsed, fsm_rules, info, overrides)
        an = analyze(src.text, str(p))
        if an.errors:
            report.skipped.append({"file": str(p), "reason": f"{an.errors} elaboration error(s) when analysed "
                                   "alone (e.g. a module defined in another file); no template was run"})
            continue
        for tmpl in templates:
            try:
                matches = tmpl.match(an)
            except Exception as exc:  # noqa: BLE001 - one template's bug must not hide the others' findings
                report.skipped.append({"file": str(p), "rule": tmpl.id,
                                       "reason": f"matcher failed: {type(exc).__name__}: {exc}"})
                continue
            rule = info.get(tmpl.id)
            size, what = EFFECTS.get(tmpl.id, _DEFAULT_EFFECT)
            objectives = list(getattr(rule, "objectives", ()) or ())
            for m in matches:
                line, col = _line_col(src.text, m.start)
                end_line, end_col = _line_col(src.text, m.end)
                msg = m.description.split(": ", 1)[1] if ": " in m.description else m.description
                report.findings.append(Finding(
                    file=str(p), line=line, column=col, end_line=end_line, end_column=end_col, rule=tmpl.id,
                    title=getattr(rule, "title", None) or tmpl.description or tmpl.id,
                    severity=severity_for(tmpl.id, overrides),
                    effect=f"{size}: {what}" + (f" ({', '.join(objectives)})" if objectives else ""),
                    effect_size=size, objectives=objectives, message=msg,
                    snippet=src.text[m.start:m.end].splitlines()[0][:120] if m.end > m.start else ""))
    report.findings.sort(key=lambda f: (f.file, f.line, f.column, f.rule))
    report.seconds = time.monotonic() - start
    return report


def _fsm_findings(report: CheckReport, path: str | Path, text: str, parsed, rules: list[str], info: dict,
                  overrides: dict[str, str]) -> None:
    """FSMs whose reachable states minimize to fewer, or that declare states unreachable from reset."""
    from rtlopt.design import DesignRef
    from rtlopt.fsm import extract, minimize

    if not parsed.modules or not re.search(r"\b(posedge|negedge)\b", text):
        return
    design = DesignRef((Path(path).resolve(),), (parsed.top_candidates or list(parsed.modules))[0], parsed)
    try:
        ex = extract(design)
    except Exception as exc:  # noqa: BLE001 - analysis problems are reported, never fatal for a check
        report.skipped.append({"file": str(path), "rule": "fsm", "reason": f"FSM extraction failed: {exc}"})
        return

    def add(rule: str, line: int, msg: str) -> None:
        size, what = EFFECTS[rule]
        r = info.get(rule)
        objectives = list(getattr(r, "objectives", ()) or ())
        body = text.splitlines()[line - 1] if 0 < line <= text.count("\n") + 1 else ""
        col = len(body) - len(body.lstrip()) + 1
        report.findings.append(Finding(
            file=str(path), line=line, column=col, end_line=line, end_column=len(body) + 1, rule=rule,
            title=getattr(r, "title", None) or rule, severity=severity_for(rule, overrides),
            effect=f"{size}: {what}" + (f" ({', '.join(objectives)})" if objectives else ""),
            effect_size=size, objectives=objectives, message=msg, snippet=body.strip()[:120]))

    for fsm in ex.fsms:
        line = fsm.source.line if fsm.source else 1
        reg = fsm.state_reg or fsm.name
        if "fsm_unreachable_state_removal" in rules and fsm.unreachable:
            add("fsm_unreachable_state_removal", line,
                f"FSM '{reg}': state(s) {', '.join(fsm.unreachable)} unreachable from reset")
        if "fsm_state_minimization" in rules:
            try:
                m = minimize(fsm, timeout_s=2.0)
            except Exception as exc:  # noqa: BLE001
                report.skipped.append({"file": str(path), "rule": "fsm_state_minimization",
                                       "reason": f"minimization of '{reg}' failed: {exc}"})
                continue
            if m.n_after < m.n_before:
                merged = "; ".join("=".join(b) for b in m.equivalence_classes())
                add("fsm_state_minimization", line,
                    f"FSM '{reg}': {m.n_before} reachable states minimize to {m.n_after}"
                    + (f" (equivalent: {merged})" if merged else ""))


# -- output --------------------------------------------------------------------------------------

def format_text(report: CheckReport, min_severity: str) -> str:
    lines = [f"{f.file}:{f.line}:{f.column}: {f.severity}: {f.message} [{f.rule}; effect {f.effect}]"
             for f in report.findings]
    for s in report.skipped:
        lines.append(f"{s['file']}: skipped{' ' + s['rule'] if 'rule' in s else ''}: {s['reason']}")
    n = len(report.findings)
    at = report.count(min_severity)
    lines.append(f"rtlopt check: {n} finding{'s' if n != 1 else ''} in {len(report.files)} file"
                 f"{'s' if len(report.files) != 1 else ''} ({at} at or above {min_severity}; "
                 f"{report.seconds:.2f} s; no synthesis, no edits)")
    return "\n".join(lines)


def to_json(report: CheckReport, min_severity: str) -> dict:
    return {
        "tool": "rtlopt", "version": __version__, "min_severity": min_severity,
        "files": report.files, "rules_run": report.rules_run,
        "findings": [asdict(f) for f in report.findings], "skipped": report.skipped,
        "summary": {"findings": len(report.findings), "at_or_above_threshold": report.count(min_severity),
                    "by_severity": {s: sum(f.severity == s for f in report.findings) for s in SEVERITIES},
                    "seconds": round(report.seconds, 3)},
    }


def _uri(path: str) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.resolve().as_uri()


def to_sarif(report: CheckReport, overrides: dict[str, str] | None = None) -> dict:
    """SARIF 2.1.0: one run, the templates that ran as rules, one result per finding."""
    from rtlopt.templates import REGISTRY

    info = _rule_info()
    rule_ids = report.rules_run
    rules = []
    for rid in rule_ids:
        tmpl = REGISTRY.get(rid)
        rule = info.get(rid)
        size, what = EFFECTS.get(rid, _DEFAULT_EFFECT)
        rules.append({
            "id": rid,
            "name": "".join(w.capitalize() for w in rid.split("_")),
            "shortDescription": {"text": getattr(rule, "title", None) or getattr(tmpl, "description", rid)},
            "fullDescription": {"text": (getattr(rule, "detects", None) or getattr(tmpl, "description", rid)).strip()},
            "defaultConfiguration": {"level": severity_for(rid, overrides or {})},
            "properties": {"objectives": list(getattr(rule, "objectives", ()) or ()), "effect": f"{size}: {what}",
                           "tags": ["optimization", *(getattr(rule, "objectives", ()) or ())]},
        })
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results = []
    for f in report.findings:
        results.append({
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": f.severity,
            "message": {"text": f"{f.message} (estimated effect {f.effect})"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.file)},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                           "endColumn": f.end_column}}}],
        })
    notes = [{"level": "warning", "message": {"text": f"{s['file']}: skipped: {s['reason']}"}, "descriptor":
              {"id": s.get("rule", "analysis")}} for s in report.skipped]
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "rtlopt", "version": __version__, "informationUri": INFO_URI,
                                "rules": rules}},
            "artifacts": [{"location": {"uri": _uri(p)}} for p in report.files],
            "results": results,
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
        }],
    }


# -- command line ---------------------------------------------------------------------------------

def register(sub) -> None:
    p = sub.add_parser("check", help="report optimization opportunities (fast, no edits; for pre-commit)",
                       description="Run the deterministic rewrite matchers on each file and report where "
                                   "rtlopt could optimize. No synthesis, no proof, no edits.")
    p.add_argument("files", nargs="+", metavar="FILE", help="Verilog/SystemVerilog source file(s)")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text", help="output format")
    p.add_argument("--min-severity", choices=SEVERITIES, default=None,
                   help=f"exit 1 when a finding is at or above this (default ${ENV_MIN_SEVERITY} or warning)")
    p.add_argument("--rules", help="comma-separated rule ids to run (default all)")
    p.add_argument("--disable", help="comma-separated rule ids not to run")
    p.add_argument("--rule-severity", action="append", default=[], metavar="RULE=LEVEL",
                   help="override one rule's severity (note|warning|error); repeatable")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    p.set_defaults(func=run)


def _ids(text: str | None) -> set[str] | None:
    if not text:
        return None
    return {t.strip() for t in text.split(",") if t.strip()}


def run(args) -> int:
    min_sev = args.min_severity or os.environ.get(ENV_MIN_SEVERITY) or "warning"
    if min_sev not in SEVERITIES:
        raise InputError(f"${ENV_MIN_SEVERITY} must be one of {', '.join(SEVERITIES)}, not {min_sev!r}")
    overrides = {}
    for item in args.rule_severity:
        rule, _, level = item.partition("=")
        if level not in SEVERITIES:
            raise InputError(f"--rule-severity {item!r}: use RULE=note|warning|error")
        overrides[rule.strip()] = level
    report = check_files(args.files, only=_ids(args.rules), disable=_ids(args.disable), overrides=overrides)
    if args.format == "json":
        out = json.dumps(to_json(report, min_sev), indent=2)
    elif args.format == "sarif":
        out = json.dumps(to_sarif(report, overrides), indent=2)
    else:
        out = format_text(report, min_sev)
    if args.output:
        Path(args.output).write_text(out + "\n")
    else:
        print(out)
    return int(ExitCode.NOT_EQUIVALENT if report.count(min_sev) else ExitCode.OK)


def main(argv: list[str] | None = None) -> int:
    """``python -m rtlopt.commands.check FILES...``: the same command without the ``rtlopt`` front end."""
    import argparse

    from rtlopt.errors import RtloptError

    parser = argparse.ArgumentParser(prog="rtlopt")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["check", *(sys.argv[1:] if argv is None else argv)])
    try:
        return run(args)
    except RtloptError as exc:
        print(f"rtlopt: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
