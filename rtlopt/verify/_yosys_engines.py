"""SAT-based engines run in Yosys/ABC child processes (time-limited, killed on time out).

* ``equiv``: Yosys ``equiv_make; equiv_simple; equiv_induct; equiv_status -assert`` on the two
  flattened designs. Cheap on structurally similar combinational designs; it can only prove (an
  unproven ``$equiv`` cell may be an internal net with the same name but another function), so a
  failure is "inconclusive", never NOT EQUIVALENT. Used for combinational designs without gold x.
* ``sat``: Yosys ``sat -verify -prove rtlopt_trigger 0`` on the combinational miter (benchmarks).
* ``abc``: the miter as AIGER (``write_aiger -zinit``; free initial values become inputs), solved by
  ABC ``iprove`` (combinational) or ``dprove`` (sequential, from the initial state).
"""

from __future__ import annotations

import time
from pathlib import Path

from rtlopt.errors import ToolError, ToolTimeout
from rtlopt.verify._prepare import (
    GATE,
    GOLD,
    MITER,
    TRIGGER,
    MiterSpec,
    abc_tool,
    build_miter,
    miter_script,
    yosys_tool,
)


def run_equiv(gold_il: Path, gate_il: Path, workdir: Path, timeout: float) -> tuple[str, str]:
    """Return ("equivalent"|"inconclusive"|"unknown", detail)."""
    script = "\n".join([
        f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
        f"equiv_make {GOLD} {GATE} rtlopt_equiv", "hierarchy -top rtlopt_equiv",
        "async2sync", "equiv_simple", "equiv_induct", "equiv_status -assert"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    if res.returncode == 0 and "Equivalence successfully proven" in res.stdout:
        return "equivalent", "Yosys equiv_simple/equiv_induct proved every matched net"
    return "inconclusive", "equiv_* could not prove all matched nets (not a counterexample)"


def run_sat(spec: MiterSpec, gold_il: Path, gate_il: Path, workdir: Path, timeout: float) -> tuple[str, str]:
    """Yosys ``sat`` on the combinational miter: ("equivalent"|"different"|"unknown", detail)."""
    mv = workdir / "miter_sat.v"
    from rtlopt.verify._prepare import miter_verilog

    mv.write_text(miter_verilog(spec))
    script = miter_script(spec, gold_il, gate_il, mv) + f"sat -verify -prove {TRIGGER} 0 {MITER}\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    if res.returncode == 0 and "SAT proof finished - no model found: SUCCESS" in res.stdout:
        return "equivalent", "Yosys sat proved the miter output is 0"
    if "SAT proof finished - model found: FAIL" in res.stdout + res.stderr:
        return "different", "Yosys sat found a model"
    return "unknown", "yosys sat failed"


def run_abc(spec: MiterSpec, gold_il: Path, gate_il: Path, workdir: Path, timeout: float) -> tuple[str, str]:
    """ABC on the AIGER miter: ("equivalent"|"different"|"unknown", detail); ``timeout`` covers both steps."""
    deadline = time.monotonic() + timeout
    try:
        _, aig = build_miter(spec, gold_il, gate_il, workdir, timeout, aiger=True)
    except ToolTimeout:
        return "unknown", "time limit while writing AIGER"
    except ToolError as exc:
        return "unknown", f"AIGER export failed: {exc.message}"
    assert aig is not None
    cmd = "dprove" if spec.sequential else "iprove"
    left = deadline - time.monotonic()
    if left <= 0.05:
        return "unknown", f"time limit ({timeout:.1f} s) while writing AIGER"
    try:
        res = abc_tool().run(["-c", f"read_aiger {aig.name}; strash; {cmd}"], cwd=workdir, timeout=left,
                        check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    out = res.stdout + res.stderr
    lines = [ln.strip() for ln in out.splitlines()]
    if any(ln.startswith(("Networks are equivalent", "UNSATISFIABLE", "Property proved")) for ln in lines):
        return "equivalent", f"ABC {cmd} proved the miter output is 0"
    if any(ln.startswith(("Networks are not equivalent", "SATISFIABLE", "Networks are NOT EQUIVALENT"))
           or "was asserted in frame" in ln for ln in lines):
        return "different", f"ABC {cmd} found inputs that set the miter output"
    last = [ln for ln in out.strip().splitlines() if ln.strip()]
    return "unknown", f"ABC {cmd} undecided ({last[-1].strip()[:80] if last else 'no output'})"
