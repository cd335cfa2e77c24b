"""``measure(design)``: synthesize with Yosys to a liberty, time and power it with OpenSTA.

Each call works in its own temporary directory and starts two processes (one Yosys, one OpenSTA),
so calls are independent and can run concurrently. See :mod:`rtlopt.ppa._flow` for the Yosys
script and :mod:`rtlopt.ppa._sta` for the OpenSTA script and the clock/activity assumptions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import tempfile
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rtlopt.design import DesignRef, open_design
from rtlopt.errors import InputError, ToolError, ToolTimeout, UnsupportedConstruct
from rtlopt.ppa import _flow, _sta
from rtlopt.ppa._libinfo import LibInfo, lib_info, plain_path
from rtlopt.ppa._report import Metric, PpaReport
from rtlopt.ppa._synthcheck import (
    check_synthesizable,
    design_warnings,
    reachable_module_names,
    simulation_only_tasks,
)
from rtlopt.ppa.liberty import Liberty, resolve_liberty
from rtlopt.tools import OpenSTA, Yosys
from rtlopt.tools.yosys import input_error_from_yosys, yosys_error

#: Clock period used when the caller gives none (ns): 10 ns = 100 MHz.
DEFAULT_CLOCK_PERIOD_NS = 10.0
#: Switching activity for ``set_power_activity -global`` (transitions per clock period), duty 0.5.
DEFAULT_ACTIVITY = 0.1

_SRC_AREA = "yosys stat -liberty"
_SRC_GENERIC = "yosys synth -top T; stat"
_SRC_DELAY = "opensta report_checks -path_delay max"
_SRC_POWER = "opensta report_power"

_TOOLS: dict[str, Any] = {}


def _tool(cls):
    """One located tool object per process (its version is then asked only once)."""
    if cls.__name__ not in _TOOLS:
        _TOOLS[cls.__name__] = cls().require()
    return _TOOLS[cls.__name__]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


#: groups that dfflibmap and ``stat -liberty`` never read (timing, power, waveforms, wire loads)
_HEAVY_GROUPS = {"timing", "internal_power", "leakage_power", "lu_table_template", "power_lut_template",
                 "normalized_driver_waveform", "output_current_template", "receiver_capacitance",
                 "ccsn_first_stage", "ccsn_last_stage", "wire_load", "wire_load_selection", "wire_load_table",
                 "output_current_rise", "output_current_fall", "dynamic_current", "intrinsic_parasitic",
                 "leakage_current", "gate_leakage"}
_GROUP_HEAD = re.compile(r"^\s*([A-Za-z_]\w*)\s*\(")
_LIGHT: dict[str, Path | None] = {}


#: groups ABC's ``read_lib`` never reads (power tables, noise and current-source models): ABC maps with
#: cell areas and the timing groups, which its copy keeps byte for byte
_ABC_SKIP_GROUPS = {"internal_power", "leakage_power", "power_lut_template", "ccsn_first_stage",
                    "ccsn_last_stage", "output_current_rise", "output_current_fall", "output_current_template",
                    "dynamic_current", "leakage_current", "gate_leakage", "intrinsic_parasitic"}


def _strip_liberty(text: str, groups: set[str] = _HEAVY_GROUPS) -> str:
    out: list[str] = []
    skip_at: int | None = None
    depth = 0
    for line in text.splitlines(keepends=True):
        code = re.sub(r"/\*.*?\*/", "", line)
        opens, closes = code.count("{"), code.count("}")
        if skip_at is None and opens:
            m = _GROUP_HEAD.match(code)
            if m and m.group(1) in groups:
                skip_at = depth
        if skip_at is None:
            out.append(line)
        depth += opens - closes
        if skip_at is not None and depth <= skip_at:
            skip_at = None
    return "".join(out)


def light_liberty(lib: Liberty) -> Path | None:
    """A cached copy of ``lib`` without timing/power groups for dfflibmap and ``stat -liberty`` (same
    cells, areas, pins, ff/latch groups: same mapping and area), or None when the copy cannot be made
    or does not keep every cell and flip-flop/latch group of the original (then the full file is used)."""
    from rtlopt.ppa._libinfo import _atomic_write, cache_dir

    if lib.sha256 in _LIGHT:
        return _LIGHT[lib.sha256]
    target = cache_dir() / "liberty" / f"{lib.sha256}.light-v1.lib"
    out: Path | None = target
    if not target.exists():
        try:
            full = plain_path(lib).read_text(encoding="utf-8", errors="replace")
            light = _strip_liberty(full)

            def counts(t: str) -> tuple[int, ...]:
                return tuple(len(re.findall(p, t)) for p in (r"\bcell\s*\(", r"\bff\s*\(", r"\blatch\s*\(",
                                                                 r"\barea\s*:", r"\bfunction\s*:"))

            if light.count("{") != light.count("}") or counts(light) != counts(full):
                out = None
            else:
                _atomic_write(target, light.encode("utf-8"))
        except (OSError, ValueError):
            out = None
    _LIGHT[lib.sha256] = out
    return out


_ABC_LIB: dict[str, Path | None] = {}


def abc_liberty(lib: Liberty) -> Path | None:
    """A cached copy of ``lib`` without the groups ABC does not read (:data:`_ABC_SKIP_GROUPS`): the
    same cells, areas, pins and timing tables, so the same mapping, parsed in two thirds of the time
    (sky130 hd: 12.8 -> 8.1 MB, ABC ``read_lib`` 0.16 -> 0.11 s CPU in every measurement). None when
    the copy cannot be made or loses a cell, area, function or timing group (then the full file)."""
    from rtlopt.ppa._libinfo import _atomic_write, cache_dir

    if lib.sha256 in _ABC_LIB:
        return _ABC_LIB[lib.sha256]
    target = cache_dir() / "liberty" / f"{lib.sha256}.abc-v1.lib"
    out: Path | None = target
    if not target.exists():
        try:
            full = plain_path(lib).read_text(encoding="utf-8", errors="replace")
            cut = _strip_liberty(full, _ABC_SKIP_GROUPS)

            def counts(t: str) -> tuple[int, ...]:
                return tuple(len(re.findall(p, t)) for p in (
                    r"\bcell\s*\(", r"\bff\s*\(", r"\blatch\s*\(", r"\barea\s*:", r"\bfunction\s*:", r"\btiming\s*\(",
                    r"\bcell_rise\s*\(", r"\brise_transition\s*\(", r"\bcapacitance\s*:", r"\bwire_load\s*\("))

            if cut.count("{") != cut.count("}") or counts(cut) != counts(full):
                out = None
            else:
                _atomic_write(target, cut.encode("utf-8"))
        except (OSError, ValueError):
            out = None
    _ABC_LIB[lib.sha256] = out
    return out


_CELL_HEAD = re.compile(rb"^\s*cell\s*\(\s*\"?([^\s\")]+)\"?\s*\)")
_SPLIT: dict[str, tuple[bytes, bytes, dict[str, tuple[int, int]]] | None] = {}


def _split_liberty(lib: Liberty) -> tuple[bytes, bytes, dict[str, tuple[int, int]]] | None:
    """The plain liberty as (text, index): byte spans of every top-level ``cell`` group, or None when the
    file does not split cleanly (then OpenSTA reads the whole file)."""
    if lib.sha256 in _SPLIT:
        return _SPLIT[lib.sha256]
    out = None
    try:
        data = plain_path(lib).read_bytes()
        spans: dict[str, tuple[int, int]] = {}
        depth, pos, start, name = 0, 0, None, None
        for line in data.splitlines(keepends=True):
            code = re.sub(rb"/\*.*?\*/", b"", line)
            if depth == 1 and start is None:
                m = _CELL_HEAD.match(code)
                if m and b"{" in code:
                    start, name = pos, m.group(1).decode()
            depth += code.count(b"{") - code.count(b"}")
            pos += len(line)
            if start is not None and depth == 1:
                spans[name] = (start, pos)
                start = name = None
        if depth == 0 and spans and start is None:
            out = (data, b"", spans)
    except OSError:
        out = None
    _SPLIT[lib.sha256] = out
    return out


_SPANS: dict[str, dict[str, tuple[int, int]] | None] = {}


def _cell_spans(lib: Liberty) -> dict[str, tuple[int, int]] | None:
    """The byte spans of :func:`_split_liberty`, kept on disk next to the plain liberty (finding them
    scans the whole file line by line: 0.16 s of CPU per process for sky130 hd)."""
    from rtlopt.ppa._libinfo import _atomic_write, cache_dir

    if lib.sha256 in _SPANS:
        return _SPANS[lib.sha256]
    target = cache_dir() / "liberty" / f"{lib.sha256}.cells-v1.json"
    spans = None
    try:
        raw = json.loads(target.read_text())
        spans = {k: (int(a), int(b)) for k, (a, b) in raw["spans"].items()} if raw.get("spans") else None
    except (OSError, ValueError, KeyError, TypeError):
        split = _split_liberty(lib)
        spans = split[2] if split is not None else None
        with contextlib.suppress(OSError):
            _atomic_write(target, json.dumps({"spans": spans}).encode())
    _SPANS[lib.sha256] = spans
    return spans


def sta_liberty(lib: Liberty, cells: set[str]) -> Path:
    """A liberty for OpenSTA holding only ``cells`` (the cells of one mapped netlist) and everything
    outside cell groups (units, templates, operating conditions, wire loads) byte for byte: the same
    timing and power for that netlist as the whole file, read in a fraction of the time. Cached by the
    liberty's sha256 and the cell set; the whole file when a cell is missing or the file does not split."""
    from rtlopt.ppa._libinfo import _atomic_write, cache_dir

    full = plain_path(lib)
    spans = _cell_spans(lib)
    if spans is None or not cells or not cells <= spans.keys():
        return full
    key = hashlib.sha256("\n".join(sorted(cells)).encode()).hexdigest()[:20]
    target = cache_dir() / "liberty" / "sta" / f"{lib.sha256[:20]}-{key}.lib"
    if not target.exists():
        split = _split_liberty(lib)
        if split is None or split[2] != spans:  # (a changed file under the same hash cannot happen)
            return full
        data = split[0]
        keep = sorted(spans[c] for c in cells)
        drop = sorted(spans.values())
        parts, pos = [], 0
        for a, b in drop:
            parts.append(data[pos:a])
            if (a, b) in keep:
                parts.append(data[a:b])
            pos = b
        parts.append(data[pos:])
        try:
            _atomic_write(target, b"".join(parts))
        except OSError:
            return full
    return target


def _remaining(deadline: float, what: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise ToolTimeout(f"PPA measurement ran out of its time limit before {what}")
    return left


def _as_design(design: DesignRef | str | Path | list | tuple, top: str | None) -> DesignRef:
    if isinstance(design, DesignRef):
        return design
    return open_design(design, top)


def _clocks(netlist: dict, info: LibInfo, top: str) -> list[_sta.ClockSpec]:
    """Clock sources of the mapped netlist, most-used first.

    Port clocks come first (the first one is the reference for input/output delays). Each net feeding a flip-flop/latch clock pin (per the liberty) is traced back through
    single-input cells (buffers, inverters): a top input port found that way becomes a port clock;
    otherwise the clock goes on the output pin of the cell that generates it (a divider flop, a
    clock gate), so OpenSTA still propagates it through the clock tree.
    """
    mods = netlist.get("modules", {})
    mod = mods.get(top) or (next(iter(mods.values())) if len(mods) == 1 else None)
    if mod is None:
        return []
    port_of_bit: dict[int, str] = {}
    for pname, port in mod.get("ports", {}).items():
        if port.get("direction") == "input":
            bits = port.get("bits", [])
            for i, b in enumerate(bits):
                if isinstance(b, int):
                    port_of_bit[b] = pname if len(bits) == 1 else f"{pname}[{i}]"
    driver: dict[int, tuple[str, str, list[int]]] = {}  # bit → (cell, pin, input bits of that cell)
    uses: Counter[int] = Counter()
    for cname, cell in mod.get("cells", {}).items():
        lc = info.cells.get(cell.get("type", ""))
        if lc is None:
            continue
        conns = cell.get("connections", {})
        ins = [b for p in lc.inputs for b in conns.get(p, []) if isinstance(b, int)]
        for pin in lc.outputs:
            for b in conns.get(pin, []):
                if isinstance(b, int):
                    driver.setdefault(b, (cname, pin, [] if lc.sequential else ins))
        if lc.sequential:
            for pin in lc.clock_pins:
                for b in conns.get(pin, []):
                    if isinstance(b, int):
                        uses[b] += 1
    sources: Counter[tuple[str, str]] = Counter()
    for bit, count in uses.items():
        seen: set[int] = set()
        while bit not in port_of_bit and bit in driver and bit not in seen:
            seen.add(bit)
            _cname, _pin, ins = driver[bit]
            if len(ins) != 1:
                break
            bit = ins[0]
        if bit in port_of_bit:
            sources[("port", port_of_bit[bit])] += count
        elif bit in driver:
            cname, pin, _ins = driver[bit]
            sources[("pin", f"{cname}/{pin}")] += count
    clocks: list[_sta.ClockSpec] = []
    for n, ((kind, name), _count) in enumerate(sorted(sources.items(), key=lambda kv: (kv[0][0] != "port", -kv[1], kv[0][1]))):
        if kind == "port":
            clocks.append(_sta.ClockSpec(name, port=name))
        else:
            clocks.append(_sta.ClockSpec(f"rtlopt_gclk{n}", pin=name))
    return clocks


def _yosys_warnings(log: str, limit: int = 10) -> list[str]:
    """Distinct Yosys ``Warning:`` messages, per-bit ones merged (``x [3]`` → ``x [*]``), at most ``limit``."""
    seen: list[str] = []
    for line in log.splitlines():
        if line.startswith("Warning:"):
            msg = "yosys: " + re.sub(r"\[\d+\]", "[*]", line.split(":", 1)[1].strip())
            if msg not in seen:
                seen.append(msg)
    if len(seen) > limit:
        seen = seen[:limit] + [f"yosys: {len(seen) - limit} more distinct warnings"]
    return seen


def _unmapped(cells_by_type: dict[str, int], info: LibInfo) -> list[str]:
    return sorted(t for t in cells_by_type if t not in info.cells)


@dataclass
class Synthesis:
    """Stage 1 of :func:`measure`: the Yosys run done, its netlist kept in ``work`` for stage 2 (OpenSTA).

    ``area_um2`` and ``cells`` are final here (they come from Yosys alone); delay and power need
    :func:`finish`. Call :meth:`close` (or :func:`finish`, which closes) to remove the directory.
    ``generic`` is None while the generic statistics of a multi-module design are deferred
    (``generic_script`` set: :func:`finish` runs it, an area-only report does without).
    """

    ref: DesignRef
    lib: Liberty
    info: LibInfo
    clock_period_ns: float | None
    period_ns: float
    abc_d: int | None
    script: str
    single_module: bool
    warnings: list[str]
    work: Path
    generic: dict | None
    asic_raw: dict
    cells_by_type: dict[str, int]
    own_area: float
    start: float
    seconds: float = 0.0
    generic_script: str | None = None

    @property
    def area_um2(self) -> float:
        area = float(self.asic_raw["design"].get("area", 0.0))
        return area if abs(area - self.own_area) <= 1e-6 * max(1.0, abs(self.own_area)) else self.own_area

    @property
    def cells(self) -> int:
        return int(self.asic_raw["design"].get("num_cells", 0))

    def close(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)

    def area_report(self) -> PpaReport:
        """Area and cells only (delay/power not measured): what stage 1 alone can say."""
        na = "not measured (area-only pre-filter: not better on area than the current design)"
        return PpaReport(
            area_um2=Metric(self.area_um2, "um^2", _SRC_AREA), delay_ns=Metric(None, "ns", na),
            power_mw=Metric(None, "mW", na), cells=Metric(self.cells, "cells", _SRC_AREA),
            generic_cells=_generic_metric(self.generic, "num_cells", "cells"),
            generic_wires=_generic_metric(self.generic, "num_wires", "wires"),
            cells_by_type=dict(self.cells_by_type),
            provenance={"top": self.ref.top, "files": [str(f) for f in self.ref.files], "measured": "area only",
                        "liberty": self.lib.provenance()},
            warnings=list(self.warnings), scripts={"yosys": self.script}, seconds=self.seconds)


def _generic_metric(generic: dict | None, key: str, unit: str, pending: bool = False) -> Metric:
    if generic is None:
        if pending:
            return Metric(None, unit, f"{GENERIC_PENDING} (complete_generic runs it)")
        return Metric(None, unit, "not measured (area-only pre-filter: the generic synthesis runs for full reports)")
    return Metric(int(generic.get(key, 0)), unit, _SRC_GENERIC)


#: How a full report whose generic statistics are deferred says so (``provenance["generic_synthesis"]``
#: and the generic metrics' source begin with it); :func:`complete_generic` fills them in.
GENERIC_PENDING = "deferred: separate synth -top T (hierarchy kept) not run yet"


def _generic_note(single_module: bool, own_process: bool, pending: bool = False) -> str:
    if pending:
        return GENERIC_PENDING
    if single_module:
        return "shared with the ASIC run (single module: synth -top T -flatten == synth -top T)"
    return "separate synth -top T (hierarchy kept)" + (" in its own Yosys process (scripts: yosys_generic)"
                                                       if own_process else "")


def generic_pending(rep: PpaReport) -> bool:
    """Whether ``rep`` is a full report whose generic statistics were deferred (``finish(generic=False)``)."""
    return str(rep.provenance.get("generic_synthesis", "")).startswith(GENERIC_PENDING)


def complete_generic(rep: PpaReport, design: DesignRef, *, timeout: float = 300.0) -> PpaReport:
    """``rep`` (of ``design``) with the generic statistics ``finish(generic=False)`` deferred: the
    generic synthesis (:func:`rtlopt.ppa._flow.generic_script`, a fresh Yosys process reading only the
    design's files, as ``finish`` runs it) in a directory of its own. The same report ``finish`` gives
    with ``generic=True``; ``rep`` itself when nothing is pending. Raises like :func:`finish`."""
    if not generic_pending(rep):
        return rep
    import dataclasses

    deadline = time.monotonic() + timeout
    gscript = _flow.generic_script(design.files, design.top)
    work = Path(tempfile.mkdtemp(prefix="rtlopt-ppa-generic-"))
    try:
        gen = _generic_stats(gscript, work, design.top, deadline)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    prov = dict(rep.provenance)
    prov["generic_synthesis"] = _generic_note(False, True)
    return dataclasses.replace(rep, generic_cells=_generic_metric(gen, "num_cells", "cells"),
                               generic_wires=_generic_metric(gen, "num_wires", "wires"), provenance=prov,
                               scripts={**rep.scripts, "yosys_generic": gscript})


def measure(design: DesignRef | str | Path | list | tuple, *, liberty: Liberty | str | Path | None = None,
            clock_period_ns: float | None = None, timeout: float = 300.0, top: str | None = None,
            activity: float = DEFAULT_ACTIVITY, activity_source: str | None = None) -> PpaReport:
    """Synthesize ``design`` to ``liberty``'s cells and measure area, delay and power.

    Args:
        design: a :class:`~rtlopt.design.DesignRef` (or file path(s), opened with ``top``).
        liberty: a resolved :class:`Liberty`, a liberty name or path; None → ``resolve_liberty(None)``.
        clock_period_ns: period of every clock (and of the virtual clock of a combinational design),
            which sets the switching rate for power; when given it is also ABC's delay target
            (``abc -D``). None → 10 ns, and ABC maps for area.
        timeout: seconds for the whole measurement (Yosys + OpenSTA).
        top: top module when ``design`` is given as paths.
        activity: global switching activity (transitions per clock period) for power.
        activity_source: where ``activity`` came from (e.g. a simulation); None means it is an assumption.

    Raises:
        InputError / UnsupportedConstruct: the design cannot be read or synthesized (exit 2).
        ToolNotFound: Yosys or OpenSTA missing. ToolError / ToolTimeout: a tool failed or timed out.
    """
    deadline = time.monotonic() + timeout
    syn = synthesize(design, liberty=liberty, clock_period_ns=clock_period_ns, timeout=timeout, top=top)
    return finish(syn, timeout=max(0.0, deadline - time.monotonic()), activity=activity,
                  activity_source=activity_source)


def synthesize(design: DesignRef | str | Path | list | tuple, *, liberty: Liberty | str | Path | None = None,
               clock_period_ns: float | None = None, timeout: float = 300.0,
               top: str | None = None, generic: bool = True) -> Synthesis:
    """Stage 1 of :func:`measure` (the Yosys run); see :class:`Synthesis`. Same arguments and errors.

    ``generic=False``: the hierarchy-kept generic synthesis of a multi-module design (statistics only,
    about a third of the Yosys time) is deferred to :func:`finish`, so a candidate that is measured
    only for its area never pays for it; the full report is the same. (Only with the canonical flow,
    whose mapped netlist does not depend on what the process did before.)"""
    start = time.monotonic()
    deadline = start + timeout
    ref = _as_design(design, top)
    lib = liberty if isinstance(liberty, Liberty) else resolve_liberty(liberty)
    if clock_period_ns is not None and not clock_period_ns > 0:
        raise InputError(f"clock period must be a positive number of ns, not {clock_period_ns}")
    period_ns = clock_period_ns if clock_period_ns is not None else DEFAULT_CLOCK_PERIOD_NS
    single_module = False
    warnings: list[str] = []
    if ref.parsed is not None:
        check_synthesizable(ref.parsed, ref.top)
        single_module = len(reachable_module_names(ref.parsed, ref.top)) == 1
        warnings += design_warnings(ref.parsed, ref.top)
    yosys = _tool(Yosys)
    _tool(OpenSTA)  # stage 2 needs it: a missing tool is reported before any synthesis
    info = lib_info(lib)
    lib_file = plain_path(lib)
    tie_hi, tie_lo = info.tie_cells()
    excluded = info.excluded()
    abc_d = round(period_ns * 1000) if clock_period_ns is not None else None
    canon = _flow.canon_available(yosys)
    defer = not generic and canon and not single_module
    script = _flow.yosys_script(ref.files, ref.top, liberty=lib_file, dont_use=excluded, tie_hi=tie_hi,
                                tie_lo=tie_lo, abc_delay_ps=abc_d, single_module=single_module,
                                map_liberty=light_liberty(lib), canon=canon, generic=not defer,
                                abc_liberty=abc_liberty(lib))
    gscript = _flow.generic_script(ref.files, ref.top) if defer else None
    work = Path(tempfile.mkdtemp(prefix="rtlopt-ppa-"))
    try:
        logs = []  # both processes' logs (the first one's holds the warnings about the source)
        for n, part in enumerate(_flow.split_processes(script)):
            key = None
            if n:  # the second process of the canonical flow reads the first one's RTLIL
                il = work / _flow.CANON_IL
                canon_il = _flow.canon_text(il.read_text())
                il.write_text(canon_il)
                key = _mapped_key(part, canon_il)
                hit = _mapped_get(key, work)
                if hit is not None:  # the same logic was mapped before in this process: its outputs
                    logs.append(hit.stdout + "\n" + hit.stderr)
                    res = hit
                    continue
                before = {f.name for f in work.iterdir()}
            res = _run_yosys(yosys, part, work, _remaining(deadline, "Yosys"))
            logs.append(res.stdout + "\n" + res.stderr)
            if res.returncode != 0:
                break
            if key is not None:
                _mapped_put(key, work, before, res)
        if res.returncode != 0:
            phase = _flow.failed_phase(res.stdout)
            if phase == "read":
                raise input_error_from_yosys(res)
            if phase in ("generic", "synth"):
                err = input_error_from_yosys(res)
                raise UnsupportedConstruct(f"cannot synthesize top '{ref.top}': {err.message}",
                                           file=err.file, line=err.line)
            raise ToolError(f"yosys technology mapping to {lib.name} failed: {yosys_error(res)}",
                            log=res.stdout + res.stderr)
        gen = None if defer else json.loads((work / _flow.GENERIC_STAT).read_text()).get("design")
        asic_raw = json.loads((work / _flow.ASIC_STAT).read_text())
        asic = asic_raw.get("design")
        if (gen is None and not defer) or asic is None:  # Yosys writes no totals for a module without any logic
            raise InputError(f"top '{ref.top}' has no logic to measure (no ports, cells or wires)")
        cells_by_type = {k: int(v) for k, v in asic.get("num_cells_by_type", {}).items()}
        unmapped = _unmapped(cells_by_type, info)
        if unmapped:
            raise UnsupportedConstruct(f"liberty {lib.name} has no cells for {', '.join(unmapped)} "
                                       f"(needed by top '{ref.top}')")
        if not cells_by_type and ref.parsed is not None:
            tasks = simulation_only_tasks(ref.parsed, ref.top)
            if tasks:
                raise UnsupportedConstruct(f"top '{ref.top}' has no synthesizable logic: it only uses "
                                           f"simulation constructs ({', '.join(tasks)})")
        warnings += _yosys_warnings("\n".join(logs))
        own_area = sum(info.cells[t].area * n for t, n in cells_by_type.items())
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Synthesis(ref, lib, info, clock_period_ns, period_ns, abc_d, script, single_module, warnings, work,
                     gen, asic_raw, cells_by_type, own_area, start, time.monotonic() - start, gscript)


def _run_yosys(yosys, script: str, work: Path, timeout: float):
    """``yosys.run_script(script, cwd=work, timeout=timeout, check=False)``, in a child of the Yosys fork
    server when it can be used (:mod:`rtlopt.tools._forkserver`: no Python/libyosys start-up per run)."""
    return yosys.run_script(script, cwd=work, timeout=timeout, check=False)  # (tries the fork server first)


#: Outputs of the canonical flow's second Yosys process by (its script, the canonical RTLIL it reads).
#: That process is fresh and reads nothing but that RTLIL and the liberty files named in its script,
#: so the same key gives the same files (the flow's own invariant: the same logic, however the source
#: spelled it, gives the same RTLIL text, hence the same netlist; see :mod:`rtlopt.ppa._flow`). Candidates
#: that differ in their source but not in their logic (a rewrite Yosys already does, a pinned copy of
#: a parameter, renamed wires) then skip the synthesis and mapping (3/4 of a measurement's CPU) within
#: one process. Bounded by bytes held (least recently used dropped); successful runs only.
MAPPED_CACHE_BYTES = 64 << 20
_MAPPED: OrderedDict[str, tuple[dict[str, bytes], Any]] = OrderedDict()
_MAPPED_SIZE = [0]
_MAPPED_STATS = {"hits": 0, "misses": 0}
_MAPPED_LOCK = threading.Lock()


def _mapped_key(script: str, canon_il: str) -> str:
    return hashlib.sha256(script.encode() + b"\0" + canon_il.encode()).hexdigest()


def _mapped_get(key: str, work: Path):
    with _MAPPED_LOCK:
        got = _MAPPED.get(key)
        if got is None:
            _MAPPED_STATS["misses"] += 1
            return None
        _MAPPED.move_to_end(key)
        _MAPPED_STATS["hits"] += 1
    files, res = got
    for name, data in files.items():
        (work / name).write_bytes(data)
    return res


def _mapped_put(key: str, work: Path, before: set[str], res) -> None:
    files = {f.name: f.read_bytes() for f in work.iterdir()
             if f.is_file() and f.name not in before and f.suffix != ".ys"}
    size = sum(len(v) for v in files.values()) + len(res.stdout) + len(res.stderr)
    if size > MAPPED_CACHE_BYTES // 4:
        return
    with _MAPPED_LOCK:
        if key in _MAPPED:
            return
        _MAPPED[key] = (files, res)
        _MAPPED_SIZE[0] += size
        while _MAPPED_SIZE[0] > MAPPED_CACHE_BYTES and _MAPPED:
            _, (f, r) = _MAPPED.popitem(last=False)
            _MAPPED_SIZE[0] -= sum(len(v) for v in f.values()) + len(r.stdout) + len(r.stderr)


def mapped_cache_stats() -> dict[str, int]:
    """Hits and misses of the mapping cache in this process (see :data:`MAPPED_CACHE_BYTES`)."""
    with _MAPPED_LOCK:
        return dict(_MAPPED_STATS)


def _run_generic(syn: Synthesis, deadline: float) -> dict:
    """The deferred generic synthesis of ``syn`` (:func:`rtlopt.ppa._flow.generic_script`): its statistics."""
    return _generic_stats(syn.generic_script, syn.work, syn.ref.top, deadline)


def _generic_stats(script: str, work: Path, top: str, deadline: float) -> dict:
    """Run a :func:`rtlopt.ppa._flow.generic_script` in ``work``: the ``stat -json`` totals it writes."""
    res = _run_yosys(_tool(Yosys), script, work, _remaining(deadline, "Yosys (generic)"))
    if res.returncode != 0:
        err = input_error_from_yosys(res)
        if _flow.failed_phase(res.stdout) == "read":
            raise err
        raise UnsupportedConstruct(f"cannot synthesize top '{top}': {err.message}", file=err.file,
                                   line=err.line)
    generic = json.loads((work / _flow.GENERIC_STAT).read_text()).get("design")
    if generic is None:
        raise InputError(f"top '{top}' has no logic to measure (no ports, cells or wires)")
    return generic


def finish(syn: Synthesis, *, timeout: float = 300.0, activity: float = DEFAULT_ACTIVITY,
           activity_source: str | None = None, generic: bool = True) -> PpaReport:
    """Stage 2 of :func:`measure`: OpenSTA on the kept netlist, the full report; removes ``syn.work``.

    ``generic=False``: generic statistics deferred by ``synthesize(generic=False)`` stay deferred (the
    report's generic metrics are None, ``provenance["generic_synthesis"]`` starts with
    :data:`GENERIC_PENDING`); :func:`complete_generic` adds them later, the same numbers. The search
    ranks and accepts candidates by area, delay and power only, so only the report it returns needs them."""
    t2 = time.monotonic()
    deadline = t2 + timeout
    ref, lib, info, work = syn.ref, syn.lib, syn.info, syn.work
    period_ns, clock_period_ns, abc_d, script = syn.period_ns, syn.clock_period_ns, syn.abc_d, syn.script
    single_module, warnings, asic_raw = syn.single_module, syn.warnings, syn.asic_raw
    asic, cells_by_type, own_area = asic_raw["design"], syn.cells_by_type, syn.own_area
    gen_stat = syn.generic
    pending = gen_stat is None and syn.generic_script is not None and not generic
    try:
        yosys, sta = _tool(Yosys), _tool(OpenSTA)
        if gen_stat is None and syn.generic_script is not None and generic:  # deferred by synthesize(generic=False)
            gen_stat = syn.generic = _run_generic(syn, deadline)
        lib_file = plain_path(lib)
        tie_hi, tie_lo = info.tie_cells()
        excluded = info.excluded()
        netlist = json.loads((work / _flow.NETLIST_JSON).read_text())
        clocks = _clocks(netlist, info, ref.top)
        period_lib = period_ns / info.time_unit_ns
        used = {c.get("type", "") for m in netlist.get("modules", {}).values()
                for c in m.get("cells", {}).values()} & info.cells.keys()
        sta_lib = sta_liberty(lib, used)
        tcl = _sta.sta_script(liberty=str(sta_lib), netlist=_flow.NETLIST_V, top=ref.top,
                              clocks=clocks, period=period_lib, activity=activity)
        tcl_path = work / "ppa.tcl"
        tcl_path.write_text(tcl)
        sres = sta.run(["-no_init", "-no_splash", "-exit", str(tcl_path)], cwd=work,
                       timeout=_remaining(deadline, "OpenSTA"), check=False)
    finally:
        syn.close()
    out = sres.stdout + "\n" + sres.stderr
    if "RTLOPT-DONE" not in sres.stdout:
        errs = _sta.sta_errors(out)
        raise ToolError(f"opensta failed on the mapped netlist of '{ref.top}': "
                        f"{errs[0] if errs else (out.strip().splitlines() or ['no output'])[-1]}", log=out)
    checks = sres.stdout.split("RTLOPT-BEGIN-CHECKS", 1)[1].split("RTLOPT-END-CHECKS", 1)[0]
    paths = [p for p in _sta.parse_checks(checks) if p.delay is not None]
    power = _sta.parse_power(sres.stdout.split("RTLOPT-END-CHECKS", 1)[1])
    if power is None:
        raise ToolError(f"opensta report_power printed no totals for '{ref.top}'", log=out)
    worst = max(paths, key=lambda p: p.delay or 0.0) if paths else None
    delay_ns = worst.delay * info.time_unit_ns if worst and worst.delay is not None else None
    if delay_ns is not None:
        delay_ns = round(max(delay_ns, 0.0), 6)

    clock_names = [c.port or c.pin or c.name for c in clocks]
    if clocks:
        clock_text = (f"clock{'s' if len(clocks) > 1 else ''} {', '.join(clock_names)} with period "
                      f"{period_ns:g} ns (ideal, no uncertainty); other inputs and all outputs have "
                      f"0 ns external delay against {clock_names[0]}")
    else:
        clock_text = (f"no clock: virtual clock {_sta.VIRTUAL_CLOCK} with period {period_ns:g} ns; "
                      "inputs and outputs have 0 ns external delay, so delay is the input-to-output delay")
    lib_prov = lib.provenance()
    if lib.is_gzip:
        lib_prov["decompressed_to"] = str(lib_file)
    if sta_lib != lib_file:  # the same file cut down to the netlist's cells (identical timing/power)
        lib_prov["sta_reads"] = f"{sta_lib} (only the {len(used)} cell types of the mapped netlist)"
    provenance: dict[str, Any] = {
        "top": ref.top,
        "files": [str(f) for f in ref.files],
        "design_sha256": ref.sha256(),
        "liberty": lib_prov,
        "yosys_version": asic_raw.get("creator") or yosys.version_text,
        "sta_version": f"OpenSTA {sta.version_text}",
        "yosys_script_sha256": _sha(script),
        "sta_script_sha256": _sha(tcl),
        "clock": {"period_ns": period_ns, "period_given": clock_period_ns is not None,
                  "clocks": clock_names, "virtual": not clocks, "assumption": clock_text,
                  "abc_delay_target_ps": abc_d},
        "activity": {"global_activity": activity, "duty": 0.5,
                     "assumption": f"set_power_activity -global -activity {activity:g} -duty 0.5 "
                                   f"(every net toggles {activity:g} times per {period_ns:g} ns clock "
                                   "period; clocks toggle twice); "
                                   + (activity_source or "no simulation activity")},
        "generic_synthesis": _generic_note(single_module, syn.generic_script is not None, pending),
        "excluded_cells": excluded,
        "tie_cells": {"hi": list(tie_hi) if tie_hi else None, "lo": list(tie_lo) if tie_lo else None},
        "units": {"area": "um^2 (liberty area unit)", "delay": "ns", "power": "mW",
                  "liberty_time_unit_ns": info.time_unit_ns},
    }
    power = {k: round(v * 1e3, 12) for k, v in power.items()}  # W → mW, float noise trimmed
    breakdown = {k: Metric(power[k], "mW", f"{_SRC_POWER} ({k})")
                 for k in ("internal", "switching", "leakage")}
    critical: dict[str, Any] = {}
    if worst is not None:
        critical = {"startpoint": worst.startpoint, "endpoint": worst.endpoint, "group": worst.group,
                    "delay_ns": delay_ns, "slack_ns": (round(worst.slack * info.time_unit_ns, 6)
                                                       if worst.slack is not None else None),
                    "report": "\n".join(worst.lines).strip()}
    area, area_src = float(asic.get("area", 0.0)), _SRC_AREA
    agrees = abs(area - own_area) <= 1e-6 * max(1.0, abs(own_area))
    if not agrees:  # stat could not read an area the liberty has: trust our own parse of the liberty
        area, area_src = own_area, "rtlopt liberty parse (sum of cell areas)"
    provenance["area_check"] = {"yosys_stat_um2": float(asic.get("area", 0.0)),
                                "liberty_sum_um2": round(own_area, 6), "agree": agrees}
    zero_area = sorted(t for t in cells_by_type if info.cells[t].area == 0)
    if zero_area:
        provenance["area_check"]["zero_area_cells"] = zero_area
    return PpaReport(
        area_um2=Metric(area, "um^2", area_src),
        delay_ns=Metric(delay_ns, "ns", _SRC_DELAY),
        power_mw=Metric(power["total"], "mW", _SRC_POWER),
        cells=Metric(int(asic.get("num_cells", 0)), "cells", _SRC_AREA),
        generic_cells=_generic_metric(gen_stat, "num_cells", "cells", pending),
        generic_wires=_generic_metric(gen_stat, "num_wires", "wires", pending),
        power_breakdown=breakdown,
        critical_path=critical,
        cells_by_type=cells_by_type,
        provenance=provenance,
        warnings=warnings,
        scripts={"yosys": script, "sta": tcl,
                 **({"yosys_generic": syn.generic_script} if syn.generic_script else {})},
        seconds=syn.seconds + time.monotonic() - t2,
    )
