"""``rtlopt check FILES...``: report optimization opportunities without editing anything (pre-commit).

Fast by design: no synthesis and no proof, only the deterministic template matchers of
:data:`rtlopt.templates.REGISTRY` run on each file's pyslang syntax tree, with titles and objectives
from the rule library. Each finding names the rule, the place (file:line:column), the estimated
effect and a severity: ``note`` for rewrites that synthesis usually finds itself (small effect),
``warning`` for those it usually does not (medium or large effect), ``error`` only when raised with
``--rule-severity``. Output as text, JSON or SARIF 2.1.0.

All files of one call are analysed together: a module defined in one file resolves when another file
instantiates it (``-y``/``-v`` library files too). A file that cannot be read or parsed gets one
``file:line:col: error: not checked: ...`` line and the others are still checked; every analysis step
of every file runs under a time limit (``--file-timeout``, default 10 s) and is reported as skipped
when it runs out; the whole run under ``--timeout`` (default 24 s from the process's start, shared
among the steps by file size, smallest first), so a hook over a tree ends in about half a minute on a
loaded machine too (what a step cut short did not analyse is said in its skipped line).

Exit codes (the worst outcome of the run decides): 0 no finding at or above the threshold
(``--min-severity``, ``$RTLOPT_CHECK_MIN_SEVERITY``, default ``warning``), 1 findings at or above it,
2 a file could not be read or parsed (missing file or include, unknown macro, syntax error; the other
files' findings are still reported) or a bad flag.
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
from rtlopt.engine.timelimit import Deadline as _Deadline
from rtlopt.engine.timelimit import is_deadline, time_limit
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
    # Yosys merges identical operators with identical inputs (opt_merge): a note, not a warning
    "common_subexpression_elimination": ("small", "a repeated operator is computed once"),
    "adder_chain_to_tree": ("medium", "adder depth drops from N-1 to ceil(log2 N)"),
    "priority_to_parallel_case": ("medium", "a priority chain on exclusive conditions becomes a parallel mux"),
    # synthesis removes unread wires and constant-condition branches too: source clean-up, a note
    "dead_code_elimination": ("small", "logic that drives no output is removed"),
    # synthesis removes registers that drive nothing (opt_clean): source clean-up, a note
    "unused_register_elimination": ("small", "registers that drive nothing are removed"),
    "mux_chain_to_case": ("small", "a nested ternary chain becomes one indexed mux"),
    "mux_redundant_arms": ("small", "identical mux arms are merged"),
    "constant_folding": ("small", "constant subexpressions become one literal"),
    "boolean_simplification": ("small", "a Boolean expression loses redundant terms"),
    "comparison_simplification": ("small", "comparisons are merged or dropped"),
    "double_negation": ("small", "double inversions are removed"),
    "identity_operations": ("small", "identity operations (x+0, x*1, ...) are removed"),
    "constant_comparison_to_bitmask": ("small", "a comparison with a power of two becomes a bit test"),
    "redundant_concatenation": ("small", "a concatenation that rebuilds a signal is simplified"),
    # mostly one-bit terms (a valid flag under an if that tested it); a wide compare is the exception
    "implied_condition_term": ("small", "a condition term its context already decides is dropped"),
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
    errors: list[dict] = field(default_factory=list)  # files that could not be read or parsed
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


#: Seconds one analysis step (FSM extraction, template matching) of one file may take (override with
#: ``--file-timeout`` or ``$RTLOPT_CHECK_FILE_TIMEOUT``).
DEFAULT_FILE_TIMEOUT = 10.0
ENV_FILE_TIMEOUT = "RTLOPT_CHECK_FILE_TIMEOUT"


#: Seconds one template matcher may take on one file (a slow matcher must not eat the file's budget).
RULE_TIMEOUT = 3.0


class _RuleDeadline(_Deadline):
    """One matcher ran out of its own time (the file's time may remain)."""


def _time_limit(seconds: float | None, exc: type = _Deadline):
    """Interrupt the block after ``seconds`` (None or 0: no limit); see :mod:`rtlopt.engine.timelimit`."""
    return time_limit(seconds or None, exc)


@dataclass
class _Parsed:
    path: Path
    text: str
    tree: object
    declared: list[str]
    instantiated: set[str]


def _read_and_parse(p: Path, report: CheckReport, macros: list[str] | None = None) -> _Parsed | None:
    """Read and parse one file; a problem becomes an entry in ``report.errors`` (the run goes on).

    ``macros``: the ```define``/```undef`` directives of the files before it (replayed first, as Yosys
    and Icarus read the files of one call as one compilation unit); on return it holds those the
    file leaves defined for the next one (unchanged when the file cannot be read)."""
    from rtlopt.hdl.project import (
        declared_modules,
        instantiated_in,
        macro_directives,
        preceding_macros,
        syntax_tree,
    )
    from rtlopt.hdl.source import _format_diag

    try:
        src = read_source(p)
        with preceding_macros({p: list(macros or ())}):
            tree = syntax_tree(src.text, p)
        if macros is not None:
            macros[:] = macro_directives(tree)  # the replayed ones first, then the file's own
        for diag in tree.diagnostics:
            if diag.isError():
                raise _format_diag(tree, diag, p)
        from rtlopt.hdl.policy import require_code, require_no_errors

        require_code(src)  # comments-only: "no module declarations found", as in every command
        require_no_errors(tree, p)  # semantic errors (x[15:8][3:0]) are bad input, as in every command
    except InputError as exc:
        report.errors.append({"file": str(exc.file or p), "line": exc.line, "column": exc.column,
                              "message": exc.message})
        return None
    return _Parsed(p, src.text, tree, declared_modules(tree), instantiated_in(tree))


def check_files(paths: list[str | Path], *, only: set[str] | None = None, disable: set[str] | None = None,
                overrides: dict[str, str] | None = None, context: list[str | Path] = (),
                file_timeout: float | None = DEFAULT_FILE_TIMEOUT, run_timeout: float | None = None,
                started: float | None = None) -> CheckReport:
    """Run every template matcher and the FSM checks on each file; never edits anything.

    Every file is analysed in the context of the others (and of ``context``, e.g. library files): a
    module it instantiates that another file defines resolves with that module's ports and
    parameters. A file that cannot be read or parsed gets its own entry in :attr:`CheckReport.errors`
    and the others are still checked. Each analysis step of each file runs under ``file_timeout``
    seconds; a step that runs out is reported as skipped.

    Args:
        paths: HDL files to report on.
        only: Run only these template ids (None: all).
        disable: Skip these template ids.
        overrides: ``{template id: severity}``.
        context: further files whose modules may be instantiated (not reported on).
        file_timeout: seconds per analysis step and file (None or 0: no limit).
        run_timeout: seconds for the whole call (None or 0: no limit); the analysis steps share what
            is left after reading and parsing (:class:`_RunBudget`), each still at most ``file_timeout``.
        started: ``time.monotonic()`` at which the run's time began (default: now; the command line
            passes its process's start, so Python's start-up under load counts too).

    Raises:
        InputError: a rule id is unknown (bad usage, nothing is checked).
    """
    from rtlopt.hdl.project import preceding_macros
    from rtlopt.templates import REGISTRY

    overrides = overrides or {}
    known = [*REGISTRY, *FSM_RULES]
    unknown = sorted(((only or set()) | (disable or set()) | set(overrides)) - set(known))
    if unknown:
        raise InputError(f"unknown rule(s): {', '.join(unknown)}; known: {', '.join(known)}")
    templates = [t for tid, t in REGISTRY.items() if (only is None or tid in only) and tid not in (disable or set())]
    fsm_rules = [r for r in FSM_RULES if (only is None or r in only) and r not in (disable or set())]
    start = time.monotonic()
    info = _rule_info()
    report = CheckReport(rules_run=[*(t.id for t in templates), *fsm_rules])
    targets = list(dict.fromkeys(Path(p) for p in paths))
    extra = [Path(c) for c in context if Path(c) not in targets]
    parsed: dict[Path, _Parsed] = {}
    macros: list[str] = []  # directives of the files read so far, in command order
    before: dict[Path, list[str]] = {}
    for p in targets:
        before[p] = list(macros)
        item = _read_and_parse(p, report, macros)
        if item is not None:
            parsed[p] = item
    ctx_report = CheckReport()
    for p in extra:
        before[p] = list(macros)
        item = _read_and_parse(p, ctx_report, macros)  # problems in library files are not this run's findings
        if item is not None:
            parsed[p] = item
    with preceding_macros(before):  # every later parse of a file (FSM, templates) sees the same macros
        _check_parsed(report, targets, parsed, templates, fsm_rules, info, overrides, file_timeout,
                      _RunBudget((start if started is None else min(started, start)) + run_timeout
                                 if run_timeout else None, run_timeout))
    unique: dict[tuple, Finding] = {}
    for f in report.findings:  # one matcher may report the same place twice (e.g. per instance)
        unique.setdefault((f.file, f.line, f.column, f.rule, _same_set(f.message)), f)
    report.findings = sorted(unique.values(), key=lambda f: (f.file, f.line, f.column, f.rule))
    report.seconds = time.monotonic() - start
    return report


_OPS_LIST = re.compile(r"^(.*?exclusive operations \()(.*)(\).*)$")


def _same_set(message: str) -> str:
    """A sharing finding names its operations in the order one search path met them
    (``(a - b, a + b)`` and ``(a + b, a - b)`` at one place are one finding): the list sorted."""
    m = _OPS_LIST.match(message)
    if m is None:
        return message
    return m.group(1) + ", ".join(sorted(norm_text(x) for x in _split_top(m.group(2)))) + m.group(3)


def _first_error(an) -> str:
    """``line L: message`` of the first error the elaboration of ``an``'s own text reported."""
    from pyslang import DiagnosticEngine

    sm = an.tree.sourceManager
    main = an.tree.root.getLastToken().location.buffer
    for d in an.comp.getAllDiagnostics():
        if d.isError() and d.location.buffer == main:
            text = DiagnosticEngine.reportAll(sm, [d]).strip().splitlines()
            msg = text[0].split(": error: ", 1)[-1] if text else str(d.code)
            return f"line {sm.getLineNumber(d.location)}: {msg}"
    return "in another file or a macro"


#: Seconds the whole ``rtlopt check`` call may take by default (``--timeout``, ``$RTLOPT_CHECK_TIMEOUT``;
#: 0: no limit): a pre-commit hook over a tree ends in about half a minute on a loaded machine too
#: (Python's start and the report's output come on top). Under load the steps get less CPU in their
#: shares, and a step cut short is reported as skipped, as with the per-file limit.
DEFAULT_RUN_TIMEOUT = 24.0
ENV_RUN_TIMEOUT = "RTLOPT_CHECK_TIMEOUT"
#: A step's share of the run's time is at least this (or an equal share of what is left, when less).
STEP_FLOOR_S = 2.0


@dataclass
class _RunBudget:
    """The run's time limit shared out among the analysis steps (one file's FSM analysis or template
    matching): each step, when it starts, gets the time left in proportion to its weight among the
    steps not started yet (at least :data:`STEP_FLOOR_S` or an equal share), capped by the per-file
    limit. Steps run smallest first, so what the small ones leave flows to the large ones; the last
    step gets everything left. With worker processes each step gets the time left (capped)."""

    deadline: float | None  # time.monotonic() at which the run's limit ends (None: no limit)
    total: float | None  # the run's limit in seconds (for the messages)
    pending: dict = field(default_factory=dict)  # step -> weight, steps not started yet
    parallel: bool = False

    def limit(self, job, file_timeout: float | None) -> tuple[float | None, str | None]:
        """(seconds for ``job``, None when that is the per-file limit, else the words naming the limit
        in a skipped step's reason). Seconds <= 0: no time is left for the step."""
        w = self.pending.pop(job, 1.0)
        if self.deadline is None:
            return file_timeout, None
        left = self.deadline - time.monotonic()
        run_words = f"the run's time limit of {self.total:g} s (--timeout)"
        if left <= 0.05:
            return 0.0, f"{run_words} was reached"
        if self.parallel:
            share = left
        else:
            rest = sum(self.pending.values())
            share = max(left * w / (w + rest), min(STEP_FLOOR_S, left / (1 + len(self.pending))))
        share = min(share, left)
        if file_timeout and file_timeout <= share:
            return file_timeout, None
        return share, f"its share ({share:.1f} s) of {run_words}"


def process_started() -> float:
    """``time.monotonic()`` at which this process started (Linux ``/proc``; elsewhere: now)."""
    now = time.monotonic()
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - start
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - age if 0 <= age < 3600 else now


def _check_parsed(report: CheckReport, targets: list[Path], parsed: dict[Path, _Parsed], templates, fsm_rules,
                  info: dict, overrides: dict[str, str], file_timeout: float | None,
                  budget: _RunBudget | None = None) -> None:
    from rtlopt.hdl.project import active, module_stubs

    budget = budget or _RunBudget(None, None)

    # stubs (ports and parameters, no behaviour) of every module of every file, first definition wins
    stubs: dict[str, str] = {}
    proj = active()
    for item in parsed.values():
        try:
            for name, text in module_stubs(item.tree, proj.language(item.path)).items():
                stubs.setdefault(name, text)
        except Exception:  # noqa: BLE001 - a module we cannot stub is simply unknown to the others
            continue
    jobs: list[tuple[Path, str]] = []
    for p in targets:
        item = parsed.get(p)
        if item is None:
            continue
        report.files.append(str(p))
        if fsm_rules:
            jobs.append((p, "fsm"))
        jobs.append((p, "templates"))

    for p, what in jobs:  # the weights the run's time is shared by: the file's size
        budget.pending[(p, what)] = max(1.0, float(len(parsed[p].text)))

    def run(job: tuple[Path, str]) -> CheckReport:
        part = CheckReport()
        p, what = job
        item = parsed[p]
        limit, why = budget.limit(job, file_timeout)
        if limit is not None and limit <= 0:
            part.skipped.append({"file": str(p), **({"rule": "fsm"} if what == "fsm" else {}),
                                 "reason": f"{'FSM analysis' if what == 'fsm' else 'template matching'} not run: "
                                           f"{why}; findings of this file may be incomplete"})
        elif what == "fsm":
            _fsm_job(part, p, item, fsm_rules, info, overrides, limit, why)
        else:
            _templates_job(part, p, item, stubs, templates, info, overrides, limit, why)
        return part

    if fsm_rules and len(jobs) > 1:
        # imported once here (1 s under load), not by each worker inside a file's time limit
        import rtlopt.fsm.encode
        import rtlopt.fsm.extract
        import rtlopt.fsm.minimize  # noqa: F401
    for part in _run_jobs(jobs, run, check_jobs(), budget):
        report.findings += part.findings
        report.skipped += part.skipped


#: Worker processes of ``rtlopt check`` (``$RTLOPT_CHECK_JOBS``; default: 2 when two cores are idle by
#: the load average, else 1). The steps of every file (FSM analysis, template matching) are shared out
#: between them, largest files first; the report is the one of a single process (parts merged in file
#: order). On a busy machine one process: the workers would share its scheduler share (one session)
#: and each step's wall-clock limit would then fire after half the CPU time.
ENV_CHECK_JOBS = "RTLOPT_CHECK_JOBS"


def check_jobs() -> int:
    raw = os.environ.get(ENV_CHECK_JOBS)
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            raise InputError(f"${ENV_CHECK_JOBS} must be a whole number, not {raw!r}") from None
    try:
        idle = (os.cpu_count() or 1) - os.getloadavg()[0]
    except OSError:
        idle = 1.0
    return max(1, min(2, int(idle + 0.5)))


_FORK_RUN = None  # the job function the forked workers call (inherited from the parent, not pickled)


def _fork_call(i_job):
    i, job = i_job
    try:
        return i, _FORK_RUN(job), None
    except BaseException as exc:  # noqa: BLE001 - the parent re-runs the job itself
        return i, None, f"{type(exc).__name__}: {exc}"


def _run_jobs(jobs: list, run, n: int, budget: _RunBudget | None = None) -> list:
    """``[run(job) for job in jobs]``, in up to ``n`` forked processes (each step keeps its own time
    limits, which are signals of its process's main thread). Jobs go out largest file first; results
    come back in job order. A job a worker could not finish is run again here. In one process the
    jobs run smallest first (``budget``'s weights): the time the small ones leave of their shares of
    the run's limit flows to the large ones after them."""
    import multiprocessing as mp

    global _FORK_RUN
    if n <= 1 or len(jobs) <= 1 or "fork" not in mp.get_all_start_methods():
        if budget is None or budget.deadline is None:
            return [run(j) for j in jobs]
        out: list = [None] * len(jobs)
        for i in sorted(range(len(jobs)), key=lambda i: (budget.pending.get(jobs[i], 1.0), i)):
            out[i] = run(jobs[i])
        return out
    if budget is not None:
        budget.parallel = True  # (inherited by the forks: each step gets the run's time left, capped)

    def size(job) -> int:
        try:
            return job[0].stat().st_size
        except OSError:
            return 0

    order = sorted(range(len(jobs)), key=lambda i: (-size(jobs[i]), jobs[i][1] != "fsm", i))
    results: list = [None] * len(jobs)
    _FORK_RUN = run
    try:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(min(n, len(jobs)), mp_context=mp.get_context("fork")) as pool:
            for i, part, _err in pool.map(_fork_call, [(i, jobs[i]) for i in order]):
                results[i] = part
    except Exception:  # noqa: BLE001 - no worker processes (resources, a worker died): the rest here
        pass
    finally:
        _FORK_RUN = None
    return [r if r is not None else run(j) for r, j in zip(results, jobs, strict=True)]


def _fsm_job(report: CheckReport, p: Path, item, fsm_rules, info: dict, overrides: dict[str, str],
             file_timeout: float | None, why: str | None = None) -> None:
    try:
        with _time_limit(file_timeout):
            _fsm_findings(report, p, item.text, load_design([p]), fsm_rules, info, overrides)
    except _Deadline:
        report.skipped.append({"file": str(p), "rule": "fsm",
                               "reason": f"FSM analysis exceeded "
                                         f"{why or f'the per-file time limit of {file_timeout:g} s'}"})
    except InputError as exc:
        report.skipped.append({"file": str(p), "rule": "fsm", "reason": f"FSM analysis: {exc}"})


def _templates_job(report: CheckReport, p: Path, item, stubs: dict[str, str], templates, info: dict,
                   overrides: dict[str, str], file_timeout: float | None, why: str | None = None) -> None:
    from rtlopt.templates import analyze

    needed = sorted(item.instantiated - set(item.declared))
    ctx_text = "".join(stubs[n] for n in needed if n in stubs)
    missing = [n for n in needed if n not in stubs]
    try:
        with _time_limit(file_timeout):
            an = analyze(item.text, str(p), context=ctx_text)
            if an.errors:
                if missing:
                    why = (f"module(s) {', '.join(missing)} defined in no file of this run; {an.errors} "
                           "elaboration error(s); no template was run (pass the files that define them, "
                           "or -y DIR)")
                else:
                    why = f"{an.errors} elaboration error(s), first: {_first_error(an)}; no template was run"
                report.skipped.append({"file": str(p), "reason": why})
                return
            an.report_only = True  # alternatives (other spellings at one place) are discarded below
            an.prefilter = _prefilter(an)
            for tmpl in templates:
                _template_findings(report, tmpl, an, p, item.text, info, overrides)
    except _Deadline:
        report.skipped.append({"file": str(p), "reason": f"template matching exceeded "
                               f"{why or f'the per-file time limit of {file_timeout:g} s'}; findings of this "
                               "file may be incomplete"})


def _template_findings(report: CheckReport, tmpl, an, p: Path, text: str, info: dict,
                       overrides: dict[str, str]) -> None:
    try:
        with _time_limit(RULE_TIMEOUT, _RuleDeadline):
            matches = tmpl.match(an)
    except _RuleDeadline:
        report.skipped.append({"file": str(p), "rule": tmpl.id,
                               "reason": f"matcher exceeded its time limit of {RULE_TIMEOUT:g} s"})
        return
    except Exception as exc:  # noqa: BLE001 - one template's bug must not hide the others' findings
        if is_deadline(exc):  # a limit that fired inside a z3/pyslang call comes back wrapped (ArgumentError)
            if "_RuleDeadline" not in f"{type(exc).__name__}: {exc}":
                raise _Deadline() from None  # the file's limit: the file's other matchers stop too
            report.skipped.append({"file": str(p), "rule": tmpl.id,
                                   "reason": f"matcher exceeded its time limit of {RULE_TIMEOUT:g} s"})
            return
        report.skipped.append({"file": str(p), "rule": tmpl.id,
                               "reason": f"matcher failed: {type(exc).__name__}: {exc}"})
        return
    rule = info.get(tmpl.id)
    objectives = list(getattr(rule, "objectives", ()) or ())
    for m in matches:
        if isinstance(m.data, dict) and m.data.get("alternative"):
            continue  # another spelling of a rewrite already reported at this place
        try:
            verdict = check_verdict(tmpl.id, m, an)
        except Exception:  # noqa: BLE001 - a filter that cannot decide keeps the finding
            verdict = None
        if verdict == "drop":
            continue
        size, what = EFFECTS.get(tmpl.id, _DEFAULT_EFFECT)
        if verdict == "note":
            size = "small"  # synthesis does it itself, or it holds for these parameter values only
        line, col = _line_col(text, m.start)
        end_line, end_col = _line_col(text, m.end)
        msg = m.description.split(": ", 1)[1] if ": " in m.description else m.description
        report.findings.append(Finding(
            file=str(p), line=line, column=col, end_line=end_line, end_column=end_col, rule=tmpl.id,
            title=getattr(rule, "title", None) or tmpl.description or tmpl.id,
            severity=("note" if verdict == "note" and tmpl.id not in overrides else severity_for(tmpl.id, overrides)),
            effect=f"{size}: {what}" + (f" ({', '.join(objectives)})" if objectives else ""),
            effect_size=size, objectives=objectives, message=msg,
            snippet=text[m.start:m.end].splitlines()[0][:120] if m.end > m.start else ""))


_IDENT = re.compile(r"(?<![\w$'`])([A-Za-z_][\w$]*)")
_MSM_OPERAND = re.compile(r"\bwire\s*\[[^\]]*\]\s*rtlopt_msm\d+_[ab]\s*=\s*([^;]*);")  # (_mulsign's operand wires)
_SHARED_WIRE = re.compile(r"\bwire\b[^=;]*=\s*([^;]*);")
_VERILOG_WORDS = {"signed", "unsigned", "wire", "reg", "logic"}


def check_verdict(rule: str, match, an) -> str | None:
    """How a template match is reported by a pre-commit check: None (as the rule says), ``"note"``
    (demoted) or ``"drop"``. A warning-level hook must pass on clean code, so:

    * one multiplier shared by products one of whose operands is made only of parameters and literals
      (``seg_reg*SEG_DATA_WIDTH`` in a part-select index) is dropped: a product by a constant is
      shifts and adds, there is no multiplier to share;
    * sharing of an expression made only of parameters and literals is dropped (it is evaluated at
      elaboration, no hardware is shared), and so is sharing across the arms of a mux whose select is
      a parameter (only one arm is ever built);
    * re-association that only finds the same spelling again, or shares bitwise operators, is a note:
      Yosys merges identical operators (opt_merge) and ABC restructures AND/OR/XOR logic itself;
    * sharing that reads an equality from the shared subtractor, and an if-chain made parallel whose
      conditions mention a parameter, are notes (a measured trade; exclusivity by parameter values);
    * duplicate registers (``redundant_register_removal``) are dropped unless every assignment of each
      register (whole or part, in any block) pairs with an assignment of the other in the same
      statement list with the same right-hand side and left-hand form once the names are identified,
      and their declared initial values agree (same next state, same reset value).
    """
    consts = _constant_names(an)
    if rule == "multiplier_sign_sharing":
        ops = [m.group(1) for ed in match.edits for m in _MSM_OPERAND.finditer(ed.replacement)]
        if any(_is_constant_text(t, consts) for t in ops):
            return "drop"
    if rule in ("common_subexpression_elimination", "commutative_reassociation", "exclusive_operator_sharing",
                "operator_sharing_across_mux"):
        texts = [match.original or an.text[match.start:match.end]]
        if rule == "commutative_reassociation":
            texts = [m.group(1) for ed in match.edits for m in _SHARED_WIRE.finditer(ed.replacement)] or texts
        if texts and all(_is_constant_text(t, consts) for t in texts):
            return "drop"
    if rule in ("exclusive_operator_sharing", "operator_sharing_across_mux"):
        conds = [m.group(1) for ed in match.edits for m in _WIRE_SELECT.finditer(ed.replacement)]
        if rule == "operator_sharing_across_mux":
            orig = match.original or an.text[match.start:match.end]
            conds.append(orig.split("?", 1)[0] if "?" in orig else "")
        sel = _enclosing_select(an, [(ed.start, ed.end) for ed in match.edits if ed.end > ed.start])
        if sel is not None:
            conds.append(sel)
        if any(c.strip() and _is_constant_text(c, consts) for c in conds):
            return "drop"
    if rule == "commutative_reassociation":
        rhs = [m.group(1) for ed in match.edits for m in _SHARED_WIRE.finditer(ed.replacement)]
        if rhs and not any(re.search(r"[-+*/%]", r) for r in rhs):
            return "note"
        spellings: dict[str, set[str]] = {}
        plain = True
        for ed in match.edits:
            if ed.end <= ed.start:
                continue
            if not re.fullmatch(r"\s*[A-Za-z_][\w$]*\s*", ed.replacement):
                plain = False  # an operand set re-associated around a shared part: synthesis would not
                break
            spellings.setdefault(ed.replacement.strip(), set()).add(norm_text(an.text[ed.start:ed.end]))
        if plain and all(len(v) == 1 for v in spellings.values()):
            return "note"  # each shared value is the same spelling again: plain CSE, which synthesis does
    if rule == "exclusive_operator_sharing":
        m = re.search(r"exclusive operations \((.*)\)\s*$", match.description)
        if m and len({norm_text(x) for x in _split_top(m.group(1))}) == 1:
            return "drop"  # the same operation spelt twice: synthesis merges identical operators itself
        if m and any(re.search(r"==|!=", x) for x in _split_top(m.group(1))):
            # an equality read from a shared subtractor's zero flag is a trade only measuring decides
            # (an XOR-tree compare is usually smaller on its own): the optimizer's business, a note here
            return "note"
    if rule == "exclusive_chain_to_parallel":
        orig = match.original or an.text[match.start:match.end]
        if set(_IDENT.findall(orig)) & consts:
            # exclusivity that may rest on parameter values (configurable IP: other values make the
            # arms overlap, and the chain is then right as written): a note, not a warning
            return "note"
    if rule == "register_width_reduction":
        m = re.search(r"(?::\s*|^)([A-Za-z_][\w$]*) \d+ -> \d+ bits", match.description)
        if m and _depends_on_parameters(an, m.group(1)):
            return "note"  # true for these parameter values only: configurable IP is not wrong
    if rule == "const_mult_to_shift_add":
        params = _configurable(an)
        if params and any(set(_IDENT.findall(an.text[ed.start:ed.end])) & params for ed in match.edits):
            return "note"  # x * GAIN: a constant at these parameter values only (configurable IP is not wrong)
    if rule == "redundant_register_removal":
        m = re.search(r"registers (.+?) duplicate '([^']+)'", match.description)
        if not m:
            return "drop"
        group = [m.group(2), *[n.strip() for n in m.group(1).split(",")]]
        return None if _same_next_state(an, group) else "drop"
    return None


def _prefilter(an):
    """``Analysis.prefilter`` of a check: False for a candidate that :func:`check_verdict` drops
    whatever its confirmation says (duplicate registers not written alike in the same places with the
    same initial value), so the matcher does not run Yosys to confirm it."""

    def keep(rule: str, subject) -> bool:
        if rule == "redundant_register_removal":
            try:
                return _same_next_state(an, list(subject))
            except Exception:  # noqa: BLE001 - undecided: confirmed and filtered as before
                return True
        return True

    return keep


def _enclosing_select(an, spans: list[tuple[int, int]]) -> str | None:
    """The select (condition or case expression) of the innermost ``?:``, ``if`` or ``case`` that holds
    every span: what makes the operations exclusive."""
    from pyslang import syntax

    if len(spans) < 2:
        return None
    SK = syntax.SyntaxKind
    lo, hi = min(s for s, _e in spans), max(e for _s, e in spans)
    best: list = [None, None]

    def visit(n):
        k = getattr(n, "kind", None)
        if k in (SK.ConditionalExpression, SK.ConditionalStatement, SK.CaseStatement):
            s, e = an.span(n)
            if s <= lo and hi <= e and (best[0] is None or e - s < best[0]):
                pred = n.expr if k == SK.CaseStatement else n.predicate
                best[0], best[1] = e - s, str(pred)
        return True

    an.tree.root.visit(visit)
    return best[1]


def _split_top(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses, brackets and braces."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x.strip() for x in out if x.strip()]


def _configurable(an) -> set[str]:
    """Names of the parameters a user can override (``parameter``, not ``localparam``), and of the
    localparams computed from them."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    params: set[str] = set()
    local: dict[str, str] = {}

    def visit(n):
        if getattr(n, "kind", None) == SK.ParameterDeclaration:
            for d in n.declarators:
                if getattr(d, "kind", None) != SK.Declarator:
                    continue
                if n.keyword.valueText == "localparam":
                    init = getattr(d, "initializer", None)
                    local[d.name.valueText] = str(init.expr) if init is not None else ""
                else:
                    params.add(d.name.valueText)
        return True

    an.tree.root.visit(visit)
    changed = True
    while changed:
        changed = False
        for name, text in local.items():
            if name not in params and set(_IDENT.findall(text)) & params:
                params.add(name)
                changed = True
    return params


def _depends_on_parameters(an, name: str, depth: int = 6) -> bool:
    """Whether the value of ``name`` depends on a configurable parameter: through the right-hand sides
    and enclosing conditions of its writes, and theirs, a few levels deep."""
    from pyslang import syntax

    SK = syntax.SyntaxKind
    params = _configurable(an)
    if not params:
        return False
    deps: dict[str, set[str]] = {}

    def conds_of(node) -> set[str]:
        out: set[str] = set()
        p = node.parent
        while p is not None and p.kind not in (SK.ModuleDeclaration, SK.AlwaysBlock, SK.AlwaysFFBlock,
                                               SK.AlwaysCombBlock):
            if p.kind == SK.ConditionalStatement:
                out |= set(_IDENT.findall(str(p.predicate)))
            elif p.kind == SK.CaseStatement:
                out |= set(_IDENT.findall(str(p.expr)))
            elif p.kind == SK.StandardCaseItem:
                out |= set(_IDENT.findall(" ".join(str(x) for x in p.expressions)))
            p = p.parent
        return out

    def visit(n):
        k = getattr(n, "kind", None)
        if k in (SK.NonblockingAssignmentExpression, SK.AssignmentExpression):
            lhs = _IDENT.findall(str(n.left))
            if lhs:
                deps.setdefault(lhs[0], set()).update(set(_IDENT.findall(str(n.right))) | conds_of(n))
        elif k == SK.Declarator and getattr(n, "initializer", None) is not None:
            deps.setdefault(n.name.valueText, set()).update(_IDENT.findall(str(n.initializer.expr)))
        return True

    an.tree.root.visit(visit)
    seen, frontier = {name}, {name}
    for _ in range(depth):
        nxt: set[str] = set()
        for x in frontier:
            for d in deps.get(x, ()):
                if d in params:
                    return True
                if d not in seen:
                    seen.add(d)
                    nxt.add(d)
        frontier = nxt
        if not frontier or len(seen) > 400:
            break
    return False


def norm_text(text: str) -> str:
    from rtlopt.templates._sem import norm

    return norm(text).strip("()")


_WIRE_SELECT = re.compile(r"\bwire\b[^=;]*=\s*([^;?]*)\?")


def _constant_names(an) -> set[str]:
    cached = getattr(an, "_rtlopt_const_names", None)
    if cached is None:
        from rtlopt.hdl.project import constant_names

        cached = constant_names(an.tree.root)
        an._rtlopt_const_names = cached
    return cached


def _is_constant_text(text: str, consts: set[str]) -> bool:
    body = re.sub(r"\$[A-Za-z_]\w*", " ", re.sub(r"\d*'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ_?]+", " ", text))
    names = set(_IDENT.findall(body)) - _VERILOG_WORDS
    return all(n in consts for n in names)


def _same_next_state(an, group: list[str]) -> bool:
    """Every register of ``group`` is written exactly like the first, in the same places."""
    from pyslang import syntax

    from rtlopt.templates._sem import norm

    SK = syntax.SyntaxKind
    pat = re.compile(r"(?<![\w$])(" + "|".join(re.escape(n) for n in group) + r")(?![\w$])")
    writes: dict[str, list] = {n: [] for n in group}
    inits: dict[str, list] = {n: [] for n in group}
    bad = []

    def rename(text: str) -> str:
        return pat.sub("$R", norm(text))

    def visit(n):
        k = getattr(n, "kind", None)
        if k in (SK.NonblockingAssignmentExpression, SK.AssignmentExpression):
            lhs = str(n.left)
            hit = [g for g in group if re.search(rf"(?<![\w$]){re.escape(g)}(?![\w$])", lhs)]
            if len(hit) > 1:
                bad.append(n)
            for g in hit:
                stmt = n.parent
                owner = stmt.parent if stmt is not None else None
                r = owner.sourceRange if owner is not None else n.sourceRange
                writes[g].append((r.start.offset, r.end.offset, k.name, rename(lhs), rename(str(n.right))))
        elif k == SK.Declarator and n.name.valueText in group:
            init = getattr(n, "initializer", None)
            inits[n.name.valueText].append(rename(str(init.expr)) if init is not None else "")
        return True

    an.tree.root.visit(visit)
    if bad:
        return False
    first = sorted(writes[group[0]])
    return bool(first) and all(sorted(writes[g]) == first and inits[g] == inits[group[0]] for g in group[1:])


def _fsm_findings(report: CheckReport, path: str | Path, text: str, parsed, rules: list[str], info: dict,
                  overrides: dict[str, str]) -> None:
    """FSMs whose reachable states minimize to fewer, or that declare states unreachable from reset."""
    from rtlopt.design import DesignRef
    from rtlopt.fsm import extract, minimize
    from rtlopt.fsm.encode import read_outside_machine
    from rtlopt.fsm.minimize import sampled_distinct

    if not parsed.modules or not re.search(r"\b(posedge|negedge)\b", text):
        return
    design = DesignRef((Path(path).resolve(),), (parsed.top_candidates or list(parsed.modules))[0], parsed)
    try:
        ex = extract(design)
    except Exception as exc:  # noqa: BLE001 - analysis problems are reported, never fatal for a check
        if is_deadline(exc):  # the time limit fired inside a solver call
            raise _Deadline() from None
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
            if read_outside_machine(fsm):
                report.skipped.append({"file": str(path), "rule": "fsm_state_minimization",
                                       "reason": f"'{reg}' is read outside the machine's blocks"})
                continue
            try:
                if sampled_distinct(fsm):
                    continue  # every two states differ on a sampled input: nothing to merge
                m = minimize(fsm, timeout_s=2.0)
            except Exception as exc:  # noqa: BLE001
                if is_deadline(exc):
                    raise _Deadline() from None
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
    for e in report.errors:
        where = ":".join(str(x) for x in (e["file"], e.get("line"), e.get("column")) if x)
        lines.append(f"{where}: error: not checked: {e['message']}")
    for s in report.skipped:
        lines.append(f"{s['file']}: skipped{' ' + s['rule'] if 'rule' in s else ''}: {s['reason']}")
    n = len(report.findings)
    at = report.count(min_severity)
    lines.append(f"rtlopt check: {n} finding{'s' if n != 1 else ''} in {len(report.files)} file"
                 f"{'s' if len(report.files) != 1 else ''} ({at} at or above {min_severity}; "
                 f"{report.seconds:.2f} s; no synthesis, no edits)"
                 + (f"; {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be read "
                    "or parsed" if report.errors else ""))
    return "\n".join(lines)


def to_json(report: CheckReport, min_severity: str) -> dict:
    return {
        "tool": "rtlopt", "version": __version__, "min_severity": min_severity,
        "files": report.files, "rules_run": report.rules_run,
        "findings": [asdict(f) for f in report.findings], "skipped": report.skipped, "errors": report.errors,
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
    notes += [{"level": "error", "message": {"text": f"{e['file']}: not checked: {e['message']}"},
               "descriptor": {"id": "input"},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e["file"])},
                                                   "region": {"startLine": e.get("line") or 1}}}]}
              for e in report.errors]
    return {
        "$schema": SARIF_SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "rtlopt", "version": __version__, "informationUri": INFO_URI,
                                "rules": rules}},
            "artifacts": [{"location": {"uri": _uri(p)}} for p in report.files],
            "results": results,
            "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notes}],
        }],
    }


# -- command line ---------------------------------------------------------------------------------

def register(sub) -> None:
    p = sub.add_parser("check", help="report optimization opportunities (fast, no edits; for pre-commit)",
                       description="Run the deterministic rewrite matchers on each file and report where "
                                   "rtlopt could optimize. No synthesis, no proof, no edits.")
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="Verilog/SystemVerilog source file(s), analysed together (or -f FILE.f)")
    p.add_argument("--format", choices=("text", "json", "sarif"), default="text", help="output format")
    p.add_argument("--min-severity", choices=SEVERITIES, default=None,
                   help=f"exit 1 when a finding is at or above this (default ${ENV_MIN_SEVERITY} or warning)")
    p.add_argument("--rules", help="comma-separated rule ids to run (default all)")
    p.add_argument("--disable", help="comma-separated rule ids not to run")
    p.add_argument("--rule-severity", action="append", default=[], metavar="RULE=LEVEL",
                   help="override one rule's severity (note|warning|error); repeatable")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--file-timeout", type=float, default=None, metavar="S",
                   help=f"time limit per analysis step and file (default ${ENV_FILE_TIMEOUT} or "
                        f"{DEFAULT_FILE_TIMEOUT:g} s); a step that runs out is reported as skipped")
    p.add_argument("--timeout", type=float, default=None, metavar="S",
                   help=f"time limit of the whole run (default ${ENV_RUN_TIMEOUT} or {DEFAULT_RUN_TIMEOUT:g} s; "
                        "0: none), shared among the files' analysis steps; steps cut short are reported as skipped")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
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
    from rtlopt.hdl.project import active, command_inputs

    timeout = getattr(args, "file_timeout", None)
    if timeout is None:
        raw = os.environ.get(ENV_FILE_TIMEOUT)
        try:
            timeout = float(raw) if raw else DEFAULT_FILE_TIMEOUT
        except ValueError:
            raise InputError(f"${ENV_FILE_TIMEOUT} must be a number of seconds, not {raw!r}") from None
    if timeout <= 0:
        raise InputError("--file-timeout must be positive")
    run_timeout = getattr(args, "timeout", None)
    if run_timeout is None:
        raw = os.environ.get(ENV_RUN_TIMEOUT)
        try:
            run_timeout = float(raw) if raw else DEFAULT_RUN_TIMEOUT
        except ValueError:
            raise InputError(f"${ENV_RUN_TIMEOUT} must be a number of seconds, not {raw!r}") from None
    if run_timeout < 0:
        raise InputError("--timeout must not be negative (0: no limit)")
    everything = command_inputs(args, getattr(args, "files", []))  # positional, -f lists, then -y/-v files
    named = set(active().files)
    targets = [f for f in everything if f in named]
    libs = [f for f in everything if f not in named]
    report = check_files(targets, only=_ids(args.rules), disable=_ids(args.disable), overrides=overrides,
                         context=libs, file_timeout=timeout, run_timeout=run_timeout or None,
                         started=process_started())
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
    if report.errors:  # the worst outcome decides: unreadable/unparsable file (2) > findings (1) > clean (0)
        return int(ExitCode.USAGE)
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
