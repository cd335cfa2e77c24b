"""The result of a PPA measurement: metrics with units and sources, plus provenance."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

#: Goals :meth:`PpaReport.metric` understands.
GOALS = ("area", "delay", "power", "balanced")

#: Floor used by the balanced score so that a zero metric (a design with no paths or no cells) does
#: not make the geometric mean zero: 1e-6 of each unit (1e-6 um^2, 1 fs, 1 nW).
_FLOOR = 1e-6


@dataclass(frozen=True)
class Metric:
    """One number with its unit and the tool command it came from (value None: not measurable)."""

    value: float | int | None
    unit: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "source": self.source}

    def text(self, digits: int = 6) -> str:
        """The value with ``digits`` significant digits ("n/a" for None)."""
        if self.value is None:
            return "n/a"
        if isinstance(self.value, int):
            return str(self.value)
        return f"{self.value:.{digits}g}"


@dataclass
class PpaReport:
    """PPA of one design on one liberty.

    Attributes:
        area_um2: total cell area of the mapped netlist (liberty area units, conventionally um^2).
        delay_ns: critical-path delay: the worst over all path groups of (data arrival − launch edge)
            + (capture edge − data required), i.e. the clock period the path needs; for a
            combinational design the input-to-output delay.
        power_mw: total power (internal + switching + leakage) under the stated activity assumption.
        cells: number of liberty cells in the mapped netlist (tie cells included).
        generic_cells / generic_wires: Yosys ``synth -top T`` + ``stat`` numbers (technology-independent).
        power_breakdown: ``internal``/``switching``/``leakage`` Metrics that add up to ``power_mw``.
        critical_path: startpoint, endpoint, path group, and timing numbers of the worst path.
        cells_by_type: mapped cell type → count.
        provenance: tool versions, liberty name/path/sha256, script hashes, top, clock and activity
            assumptions (see :func:`rtlopt.ppa.measure`).
        warnings: things that make the numbers less trustworthy (Yosys warnings, tri-state logic).
        scripts: the exact Yosys and OpenSTA scripts that produced the numbers.
    """

    area_um2: Metric
    delay_ns: Metric
    power_mw: Metric
    cells: Metric
    generic_cells: Metric
    generic_wires: Metric
    power_breakdown: dict[str, Metric] = field(default_factory=dict)
    critical_path: dict[str, Any] = field(default_factory=dict)
    cells_by_type: dict[str, int] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    scripts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def metric(self, goal: str) -> float:
        """A single lower-is-better score for an optimization ``goal``.

        ``area`` (um^2), ``delay`` (ns) and ``power`` (mW) are the raw values (None counts as 0).
        ``balanced`` is the geometric mean ``(area_um2 * delay_ns * power_mw) ** (1/3)``, each value
        floored at 1e-6 of its unit. Normalising each factor by a fixed reference (e.g. the
        original design's value) multiplies every candidate's score by the same constant, so the
        ranking this score gives equals the ranking by the geometric mean of the ratios to any
        baseline: a candidate 10% smaller with equal delay and power scores 0.9^(1/3) of the original.
        """
        if goal not in GOALS:
            raise ValueError(f"unknown goal {goal!r}; expected one of {', '.join(GOALS)}")
        values = {"area": self.area_um2.value, "delay": self.delay_ns.value, "power": self.power_mw.value}
        if goal != "balanced":
            return float(values[goal] or 0.0)
        prod = 1.0
        for v in values.values():
            prod *= max(float(v or 0.0), _FLOOR)
        return math.exp(math.log(prod) / 3.0)

    def to_dict(self, *, include_scripts: bool = True) -> dict[str, Any]:
        """A JSON-ready dict with every metric, its unit and source, and the provenance."""
        out: dict[str, Any] = {
            "metrics": {
                "area": self.area_um2.to_dict(),
                "delay": self.delay_ns.to_dict(),
                "power": self.power_mw.to_dict(),
                "cells": self.cells.to_dict(),
                "generic_cells": self.generic_cells.to_dict(),
                "generic_wires": self.generic_wires.to_dict(),
            },
            "power_breakdown": {k: v.to_dict() for k, v in self.power_breakdown.items()},
            "critical_path": dict(self.critical_path),
            "cells_by_type": dict(self.cells_by_type),
            "scores": {goal: self.metric(goal) for goal in GOALS},
            "provenance": dict(self.provenance),
            "warnings": list(self.warnings),
            "seconds": round(self.seconds, 3),
        }
        if include_scripts:
            out["scripts"] = dict(self.scripts)
        return out

    def format_text(self) -> str:
        """A readable table of the metrics followed by the provenance."""
        rows = [
            ("area", self.area_um2, "um^2"),
            ("cells", self.cells, ""),
            ("delay", self.delay_ns, "ns"),
            ("power", self.power_mw, "mW"),
        ]
        rows += [(f"  {k}", m, m.unit) for k, m in self.power_breakdown.items()]
        rows += [("generic cells", self.generic_cells, ""), ("generic wires", self.generic_wires, "")]
        width = max(len(r[0]) for r in rows)
        vals = [r[1].text() for r in rows]
        vwidth = max(len(v) for v in vals)
        lines = [f"PPA of {self.provenance.get('top', '?')} on {self.provenance.get('liberty', {}).get('name', '?')}"]
        for (label, m, unit), val in zip(rows, vals, strict=True):
            lines.append(f"  {label:<{width}}  {val:>{vwidth}} {unit:<5} {m.source}")
        cp = self.critical_path
        if cp.get("startpoint"):
            lines.append(f"  critical path: {cp['startpoint']} -> {cp['endpoint']} (group {cp.get('group')})")
        for w in self.warnings:
            lines.append(f"  warning: {w}")
        prov = self.provenance
        lib = prov.get("liberty", {})
        lines.append("provenance:")
        lines.append(f"  liberty   {lib.get('name')} {lib.get('path')}")
        lines.append(f"            sha256 {lib.get('sha256')}")
        lines.append(f"  yosys     {prov.get('yosys_version')}")
        lines.append(f"  sta       {prov.get('sta_version')}")
        lines.append(f"  clock     {prov.get('clock', {}).get('assumption')}")
        lines.append(f"  activity  {prov.get('activity', {}).get('assumption')}")
        for key in ("yosys_script_sha256", "sta_script_sha256"):
            lines.append(f"  {key.replace('_sha256', ''):<9} sha256 {prov.get(key)}")
        if prov.get("excluded_cells"):
            lines.append(f"  dont_use  {prov['excluded_cells']}")
        lines.append(f"  time      {self.seconds:.2f} s")
        return "\n".join(lines)
