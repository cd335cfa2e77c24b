"""Running one benchmark case: optimize the original, measure and verify every reference variant.

:func:`run_case` does the work in the calling process and returns a JSON-ready dict; the
executors run it in a child process (``python -m rtlopt.bench._worker``) so that a case that
exceeds its time limit can be killed without taking the batch down.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from rtlopt import __version__
from rtlopt.bench._cases import REFERENCE_ROLES, BenchCase
from rtlopt.errors import RtloptError


@functools.lru_cache(maxsize=1)
def code_sha() -> str:
    """Hash of rtlopt's own source and data files: a result stored by other code is not resumed
    (``-o DIR`` reused after a change would otherwise report the old code's result as current)."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class BenchSettings:
    """What every case of a batch shares (a change invalidates resumed results)."""

    goal: str = "area"
    liberty: str | None = None
    budget_s: float = 60.0
    verify_timeout_s: float = 30.0
    ppa_timeout_s: float = 120.0
    case_timeout_s: float = 600.0
    variants: bool = True
    liberty_sha256: str = ""

    def fingerprint(self) -> str:
        data = asdict(self)
        data.pop("case_timeout_s")
        data["rtlopt"] = __version__
        data["code"] = code_sha()
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _ppa_row(report) -> dict:
    return {"area_um2": report.area_um2.value, "delay_ns": report.delay_ns.value,
            "power_mw": report.power_mw.value, "cells": report.cells.value,
            "generic_cells": report.generic_cells.value}


def _err(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def run_case(case: BenchCase, settings: BenchSettings) -> dict:
    """Optimize ``case.original`` and measure/verify every variant; never raises for bad designs."""
    from rtlopt.design import open_design
    from rtlopt.engine.search import optimize
    from rtlopt.ppa import measure
    from rtlopt.ppa.liberty import resolve_liberty
    from rtlopt.verify import VerifyOptions, check_equivalence

    t_case = time.monotonic()
    out: dict = {"case": case.key, "suite": case.suite, "name": case.name, "style": case.style,
                 "settings": settings.fingerprint(),
                 "rows": [], "stages": {"optimize_s": 0.0, "ppa_s": 0.0, "verify_s": 0.0}, "status": "ok"}
    rows = out["rows"]
    lib = resolve_liberty(settings.liberty)
    orig = case.original
    try:
        gold = open_design([orig.path, *case.deps], orig.top)
    except RtloptError as exc:
        out.update(status="error", error=f"original: {_err(exc)}", seconds=time.monotonic() - t_case)
        return out
    t0 = time.monotonic()
    try:
        res = optimize(gold, goal=settings.goal, liberty=lib, budget_s=settings.budget_s,
                       verify_timeout_s=settings.verify_timeout_s, ppa_timeout_s=settings.ppa_timeout_s)
    except RtloptError as exc:
        out["stages"]["optimize_s"] = time.monotonic() - t0
        out.update(status="error", error=f"optimize: {_err(exc)}", seconds=time.monotonic() - t_case)
        return out
    out["stages"]["optimize_s"] = time.monotonic() - t0
    rows.append({"role": "original", "file": orig.path.name, **_ppa_row(res.before), "verdict": "-"})
    if res.changed:
        verdict = (res.final_verdict or {}).get("verdict") or (res.steps[-1].verdict if res.steps else "?")
    else:
        verdict = "UNCHANGED"
    rows.append({"role": "rtlopt", "file": orig.path.name, **_ppa_row(res.after),
                 "verdict": str(verdict).upper().replace(" ", "_"), "status": res.status,
                 "rules": [r for s in res.steps for r in s.rules], "seconds": res.seconds})
    out["rtlopt_text"] = {str(p): t for p, t in res.final.items()} if res.changed else None
    if settings.variants:
        for f in case.files:
            if f.role not in REFERENCE_ROLES:
                continue
            row: dict = {"role": f.role, "file": f.path.name}
            try:
                ref = open_design([f.path, *case.deps], f.top)
                t1 = time.monotonic()
                row.update(_ppa_row(measure(ref, liberty=lib, timeout=settings.ppa_timeout_s)))
                out["stages"]["ppa_s"] += time.monotonic() - t1
                t2 = time.monotonic()
                vres = check_equivalence(gold, ref, VerifyOptions(timeout_s=settings.verify_timeout_s))
                out["stages"]["verify_s"] += time.monotonic() - t2
                row["verdict"] = vres.verdict.name
            except RtloptError as exc:
                row.update(verdict="ERROR", error=_err(exc))
            rows.append(row)
    out["seconds"] = time.monotonic() - t_case
    return out


def run_case_safely(case: BenchCase, settings: BenchSettings) -> dict:
    """:func:`run_case`, with an unexpected exception recorded as the case's error (a bug to report)."""
    try:
        return run_case(case, settings)
    except Exception as exc:  # noqa: BLE001 - one broken case must not end a batch
        return {"case": case.key, "suite": case.suite, "name": case.name, "settings": settings.fingerprint(),
                "rows": [], "status": "crash", "error": f"{type(exc).__name__}: {_err(exc)}",
                "traceback": traceback.format_exc(limit=8)}


def write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str))
    tmp.replace(path)
