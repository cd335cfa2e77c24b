"""Per-module area: one module synthesized on its own, its submodule instances kept as black boxes.

For designs too large for one flat synthesis (a CPU with its memories), the area of the whole is the
sum over modules of each module's own area times its instance count. Each module is one Yosys run
with its own time limit: read everything, ``hierarchy -top M``, turn every other module into a black
box, ``synth -flatten``, ``dfflibmap``/``abc`` to the liberty, ``stat -liberty``. Delay and power are
not measured this way (they need the flat netlist) and are reported as n/a.
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import tempfile
import time
from pathlib import Path

from rtlopt.errors import InputError, ToolError, UnsupportedConstruct
from rtlopt.ppa import _cache, _flow
from rtlopt.ppa._libinfo import lib_info, plain_path
from rtlopt.ppa._report import Metric, PpaReport
from rtlopt.tools.yosys import input_error_from_yosys, yosys_error

SOURCE = "yosys stat -liberty (module alone, submodules as black boxes)"
_STAT = "own_stat.json"


_OUTPUT = re.compile(r"\boutput\b")


def has_output_ports(texts, top: str) -> bool:
    """True unless the text of module ``top`` (first definition among ``texts``) declares no
    ``output`` (ANSI header or body declaration): such a module is read only through hierarchical
    references (a CPU's pipeline registers, ``EX_MEM_Reg.ALU_out``), and synthesized alone it is 0."""
    from rtlopt.engine.hierarchy import _mask, module_span

    for t in texts:
        sp = module_span(t, top)
        if sp is not None:
            return _OUTPUT.search(_mask(t)[sp[0]:sp[1]]) is not None
    return True


def keep_state_lines(top: str) -> list[str]:
    """Yosys lines keeping every register of ``top`` (its flip-flop and latch outputs marked ``keep``
    after ``proc``): the own area of a module without output ports is then its state and the logic
    that loads it, not 0 (what its readers through hierarchical names use)."""
    return [f"hierarchy -top {top}", "proc",
            "setattr -set keep 1 t:$*dff* t:$*dlatch* %u %co:+[Q] w:* %i"]


def _texts_of(files) -> list[str]:
    out = []
    for f in files:
        with contextlib.suppress(OSError):  # unreadable: the read step reports it
            out.append(Path(f).read_text(encoding="utf-8", errors="replace"))
    return out


def own_area_script(files, top: str, liberty: str | Path, dont_use=()) -> str:
    from rtlopt.tools.yosys import read_design_script

    lib = str(liberty)
    du = "".join(f" -dont_use {c}" for c in dont_use)
    lines = [f"log {_flow.PHASE_MARK} read"]
    read = read_design_script(files, top).strip().splitlines()
    if not any(ln.startswith("chparam ") for ln in read):
        # -defer: only the module measured and its subtree are elaborated by ``hierarchy -top``; without
        # it every module of every file is elaborated at read time (a CPU's instruction memory with
        # its initial contents cost each of its 14 modules' measurements 80 s)
        read = [("read_verilog -defer " + ln[len("read_verilog "):])
                if ln.startswith("read_verilog ") and " -defer " not in ln else ln for ln in read]
        # files that do not define the module measured are read with -lib: their modules are black
        # boxes anyway, and ``hierarchy`` then derives only their ports, not their bodies (a CNN layer's
        # measurement spent minutes elaborating its 16k-bit window selector at the layer's parameters)
        own = _defining_files(files, top)
        if own:
            read = [("read_verilog -lib " + ln[len("read_verilog "):])
                    if ln.startswith("read_verilog ") and _read_file(ln) not in own else ln for ln in read]
    lines += read
    lines += [
        f"blackbox =* ={top} %d",
        f"log {_flow.PHASE_MARK} synth",
        *([] if has_output_ports(_texts_of(files), top) else keep_state_lines(top)),
        *_flow.synth_lines(top, flatten=True),  # sorted before each ABC run, as in the flat flow
        "delete t:$scopeinfo t:$print t:$check",
        f"log {_flow.PHASE_MARK} map",
        "sort",
        f"dfflibmap -liberty {lib}{du}",
        f"abc -liberty {lib}{du}",
        "opt_clean",
        f"tee -q -o {_STAT} stat -json -liberty {lib}",
    ]
    return "\n".join(lines) + "\n"


def _defining_files(files, top: str) -> set[str]:
    """The read paths (as in the ``read_verilog`` lines) of the files that define module ``top``."""
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.hdl.policy import tool_path

    out = set()
    for f in files:
        try:
            text = Path(f).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return set()  # unreadable: every file read in full, as before
        if module_span(text, top) is not None:
            out.add(tool_path(f))
    return out


def _read_file(line: str) -> str:
    """The file a ``read_verilog ... FILE`` line reads (its last word, unquoted)."""
    last = shlex.split(line)[-1] if line.count('"') % 2 == 0 else line.split()[-1]
    return last


def cached_own(ref, liberty, texts: dict[Path, str] | None, kind: str) -> tuple[str, PpaReport | None]:
    """The content key of ``ref.top``'s own-logic measurement of ``kind`` and its cached report (or None)."""
    body = [texts[p] if texts is not None and p in texts else Path(p).read_text(encoding="utf-8", errors="replace")
            for p in ref.files]
    if not has_output_ports(body, ref.top):  # measured with its registers kept (keep_state_lines)
        kind += "+state"
    k = _cache.key(body, ref.top, liberty.sha256, kind=kind)
    hit = _cache.load(k)
    if hit is not None:
        try:
            rep = _cache.report_from_dict(hit)
            rep.provenance["cache"] = {"hit": True, "key": k}
            return k, rep
        except (KeyError, TypeError, ValueError):
            pass
    return k, None


def measure_own(ref, *, liberty, timeout: float = 300.0, texts: dict[Path, str] | None = None,
                estimate_first: bool = False) -> PpaReport:
    """Area of ``ref.top``'s own logic (instances of other modules excluded), cached by content.

    ``estimate_first``: the run writes the labelled estimate (:mod:`rtlopt.ppa._estimate`) after its
    coarse synthesis; when the full flow then exceeds ``timeout``, that estimate is returned
    (``provenance["estimate"]``) instead of the time-out."""
    from rtlopt.errors import ToolTimeout
    from rtlopt.ppa._measure import _tool
    from rtlopt.tools import Yosys

    k, rep = cached_own(ref, liberty, texts, "own")
    if rep is not None:
        return rep
    start = time.monotonic()
    yosys = _tool(Yosys)
    info = lib_info(liberty)
    script = own_area_script(ref.files, ref.top, plain_path(liberty), info.excluded())
    if estimate_first:
        from rtlopt.ppa._estimate import with_checkpoint

        script = with_checkpoint(script, plain_path(liberty), info.excluded())
    with tempfile.TemporaryDirectory(prefix="rtlopt-ppa-own-") as tmp:
        try:
            res = yosys.run_script(script, cwd=tmp, timeout=timeout, check=False)
        except ToolTimeout as exc:
            if estimate_first:
                from rtlopt.ppa._estimate import checkpoint_report

                est = checkpoint_report(ref, liberty, info, Path(tmp), script, time.monotonic() - start, texts,
                                        str(exc))
                if est is not None:
                    return est
            raise
        if res.returncode != 0:
            phase = _flow.failed_phase(res.stdout)
            if phase == "read":
                raise input_error_from_yosys(res)
            if phase == "synth":
                err = input_error_from_yosys(res)
                raise UnsupportedConstruct(f"cannot synthesize module '{ref.top}': {err.message}",
                                           file=err.file, line=err.line)
            raise ToolError(f"yosys mapping of module '{ref.top}' failed: {yosys_error(res)}",
                            log=res.stdout + res.stderr)
        try:
            stat = json.loads((Path(tmp) / _STAT).read_text())
        except (OSError, ValueError) as exc:
            raise InputError(f"no statistics for module '{ref.top}': {exc}") from None
    d = stat.get("design", {})
    by_type = {t: int(n) for t, n in d.get("num_cells_by_type", {}).items()}
    lib_cells = {t: n for t, n in by_type.items() if t in info.cells}
    area = sum(info.cells[t].area * n for t, n in lib_cells.items())
    na = "not measured per module (needs the flat netlist)"
    how = "per-module (own logic; submodule instances as black boxes)"
    if keep_state_lines(ref.top)[-1] in script:
        how += "; no output ports: its registers kept (read through hierarchical references)"
    rep = PpaReport(
        area_um2=Metric(round(area, 6), "um^2", SOURCE),
        delay_ns=Metric(None, "ns", na), power_mw=Metric(None, "mW", na),
        cells=Metric(sum(lib_cells.values()), "cells", SOURCE),
        generic_cells=Metric(None, "cells", na), generic_wires=Metric(None, "wires", na),
        cells_by_type=lib_cells,
        provenance={"top": ref.top, "files": [str(f) for f in ref.files], "liberty": liberty.provenance(),
                    "measured": how,
                    "black_boxes": sorted(t for t in by_type if t not in info.cells)},
        scripts={"yosys": script}, seconds=time.monotonic() - start)
    path = _cache.store(k, rep.to_dict())
    rep.provenance["cache"] = {"hit": False, "key": k, "stored": str(path) if path else None}
    return rep
