"""The Yosys script of the PPA flow (pure text, so it can be golden-tested without Yosys).

One Yosys process (two for the canonical flow, see below) does both syntheses:

1. read + ``hierarchy -check -top T``; ``design -save rtl``;
2. generic (skipped for a single-module design, whose ``synth -flatten`` result is the same): ``synth -top T`` then ``stat -json`` → the generic cell/wire counts the RTL-Rewriter
   benchmark papers quote; ``design -load rtl``;
3. ASIC: ``synth -top T -flatten`` (memories become flops via ``memory_map``), drop the cells that
   are not hardware (``$scopeinfo``, ``$print`` from ``$display``, ``$check`` from assertions),
   ``dfflibmap -liberty`` (it runs ``dfflegalize`` to the flip-flops/latches the library has, async
   set/reset included), ``abc -liberty`` (``-D`` when a clock period is given), ``opt_clean``,
   ``setundef -zero``, ``hilomap`` with the library's tie cells, ``splitnets -ports``,
   ``rename -enumerate`` (so JSON and Verilog netlists share instance names), ``stat -json -liberty``,
   ``write_json`` and ``write_verilog -noattr -noexpr`` for OpenSTA.

Every synthesis runs as ``sort``, ``synth -run begin:fine``, ``sort``, ``synth -run fine:`` (the same
commands as one ``synth``), and ``sort`` comes again before ``dfflibmap``: Yosys iterates cells in
insertion order and ABC's result (``abc`` inside ``synth``, ``abc -liberty`` after it) depends on
the order it is handed the logic, so the same design flat, behind a wrapper module, or with its
statements in another order measured up to 13 % apart. Sorting by name is not enough (names carry
source lines and a global counter; Yosys's hash tables iterate in an order that depends on the
history of the process), so with the pyosys Yosys the flattened synthesis is canonical
(:func:`canon_lines`): a first process converts processes, flattens, drops unused wires, source
locations and hierarchical names, renames every cell and wire after its structure
(``rtlopt_canon -wires``, :mod:`rtlopt.tools._canon`) and writes RTLIL; a second, fresh process reads
it and synthesizes and maps. The same logic flat, behind a wrapper, with renamed signals or moved
statements then gives the same RTLIL text, hence the same netlist: ``benchmarks/ppa_invariance.py``
measures flat and wrapped visible-benchmark originals exactly alike on 12/12 (11/12 sorted by name,
up to 2.1 % apart). The generic statistics of a multi-module design come from the first process.

``log RTLOPT-PHASE: <name>`` lines mark the phases so a failure can be blamed on the input (read,
elaborate, synthesize) or on the flow (technology mapping).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rtlopt.tools.yosys import read_design_script

PHASE_MARK = "RTLOPT-PHASE:"
#: Cells that are not hardware: debug scopes (flatten), $display/$write ($print), assertions ($check).
_NON_LOGIC = "t:$scopeinfo t:$print t:$check"
GENERIC_STAT = "generic_stat.json"
ASIC_STAT = "asic_stat.json"
NETLIST_JSON = "netlist.json"
NETLIST_V = "netlist.v"
CANON_IL = "canon.il"
#: the line between the scripts of two Yosys processes (a comment to Yosys)
NEW_PROCESS = "# rtlopt: new process"


def _q(text: str | Path) -> str:
    s = str(text)
    return f'"{s}"' if any(c.isspace() for c in s) else s


def canon_available(yosys) -> bool:
    """Whether ``yosys`` (a :class:`rtlopt.tools.Yosys`) knows the ``rtlopt_canon`` pass: the pyosys
    child registers it (:mod:`rtlopt.tools._canon`); a system binary does not."""
    cmd = getattr(yosys, "command", None) or []
    return bool(cmd) and cmd[-1] == "rtlopt.tools._pyosys_main"


def synth_lines(top: str, *, flatten: bool) -> list[str]:
    """``synth -top T [-flatten]`` with the cells sorted by name before it and before its fine stage
    (where ``abc`` maps the logic): a canonical order, not the order of insertion."""
    fl = " -flatten" if flatten else ""
    return ["sort", f"synth -top {top}{fl} -run begin:fine", "sort", f"synth -top {top}{fl} -run fine:"]


def canon_lines(top: str) -> list[str]:
    """The first process of the canonical flow: the elaborated design, processes converted and
    flattened (what ``synth``'s coarse stage begins with), everything that is not logic dropped
    (unused wires, source locations, hierarchical names), cells and wires renamed after their
    structure (``rtlopt_canon -wires``) and written as RTLIL."""
    return [f"synth -top {top} -flatten -run begin:coarse", "proc", "flatten", f"delete {_NON_LOGIC}",
            "opt_clean -purge", "setattr -unset src -unset hdlname", "setattr -mod -unset src",
            "rtlopt_canon -wires", "sort", f"write_rtlil {CANON_IL}"]


def canon_text(rtlil: str) -> str:
    """The RTLIL the second process reads: without the ``autoidx`` line (the counter of the first
    process, which depends on how the source was written; every object has a structural name)."""
    return "".join(ln for ln in rtlil.splitlines(keepends=True) if not ln.startswith("autoidx "))


def split_processes(script: str) -> list[str]:
    """The scripts of the separate Yosys processes in ``script`` (one unless the flow is canonical)."""
    return script.split(NEW_PROCESS + "\n")


def yosys_script(files: Iterable[str | Path], top: str, *, liberty: str | Path, dont_use: Iterable[str] = (),
                 tie_hi: tuple[str, str] | None = None, tie_lo: tuple[str, str] | None = None,
                 abc_delay_ps: int | None = None, single_module: bool = False,
                 map_liberty: str | Path | None = None, canon: bool = False, generic: bool = True,
                 abc_liberty: str | Path | None = None) -> str:
    """The whole Yosys script; outputs land in the current directory under the names above.

    ``single_module``: the design under the top has no submodules, so one synthesis serves both the
    generic statistics and technology mapping. ``canon``: the Yosys knows ``rtlopt_canon``
    (:func:`canon_available`); the script is then two scripts joined by :data:`NEW_PROCESS`
    (:func:`split_processes`), the second reading what the first wrote (:func:`canon_lines`).
    ``generic=False`` (canonical flow, several modules only): the hierarchy-kept generic synthesis is
    left out; :func:`generic_script` runs it in a process of its own when its statistics are needed
    (the canonical netlist does not depend on it: the second process reads only structural RTLIL).
    """
    lib = _q(liberty)
    # dfflibmap and stat read only cells, areas, pins and flip-flop/latch groups: a copy without the
    # timing and power tables (``map_liberty``, see rtlopt.ppa._measure.light_liberty) maps and counts the
    # same, and parses ten times faster; ABC reads the timing too (see alib)
    mlib = _q(map_liberty) if map_liberty else lib
    # ABC reads cells, areas and timing, never power or noise models: ``abc_liberty`` is the library
    # without those groups (rtlopt.ppa._measure.abc_liberty), the same mapping from a shorter parse
    alib = _q(abc_liberty) if abc_liberty else lib
    du = "".join(f" -dont_use {_q(c)}" for c in dont_use)
    abc_d = f" -D {abc_delay_ps}" if abc_delay_ps else ""
    lines = [f"log {PHASE_MARK} read"]
    lines += read_design_script(files, top).strip().splitlines()
    if canon:
        # Two processes: the second reads the structurally named RTLIL of the first, so everything it
        # does (Yosys's hash tables, the counters in new names, ABC's input order) depends only on the
        # logic, not on how the source named, ordered or split it into modules.
        if not single_module and generic:
            lines += ["design -save rtl", f"log {PHASE_MARK} generic", *synth_lines(top, flatten=False),
                      f"delete {_NON_LOGIC}", f"tee -q -o {GENERIC_STAT} stat -json", "design -load rtl"]
        lines += [f"log {PHASE_MARK} synth", *canon_lines(top), NEW_PROCESS, f"log {PHASE_MARK} synth",
                  f"read_rtlil {CANON_IL}", f"synth -top {top} -flatten -run coarse:fine", "sort",
                  f"synth -top {top} -flatten -run fine:", f"delete {_NON_LOGIC}"]
        if single_module:
            lines.append(f"tee -q -o {GENERIC_STAT} stat -json")
    elif single_module:
        # One module: ``synth -top T -flatten`` is ``synth -top T`` (flatten has nothing to do), so a
        # single synthesis gives both the generic counts and the netlist to map (half the time).
        lines += [
            f"log {PHASE_MARK} synth",
            *synth_lines(top, flatten=True),
            f"delete {_NON_LOGIC}",
            f"tee -q -o {GENERIC_STAT} stat -json",
        ]
    else:
        lines += [
            "design -save rtl",
            f"log {PHASE_MARK} generic",
            *synth_lines(top, flatten=False),
            f"delete {_NON_LOGIC}",
            f"tee -q -o {GENERIC_STAT} stat -json",
            "design -load rtl",
            f"log {PHASE_MARK} synth",
            *synth_lines(top, flatten=True),
            f"delete {_NON_LOGIC}",
        ]
    lines += [
        f"log {PHASE_MARK} map",
        "sort",  # a canonical cell order for ABC's technology mapping too
        f"dfflibmap -liberty {mlib}{du}",
        f"abc -liberty {alib}{du}{abc_d}",
        "opt_clean",
        "setundef -zero",
    ]
    if tie_hi or tie_lo:
        args = ""
        if tie_hi:
            args += f" -hicell {tie_hi[0]} {tie_hi[1]}"
        if tie_lo:
            args += f" -locell {tie_lo[0]} {tie_lo[1]}"
        # one tie cell per constant value (as a real flow shares it), not one per constant bit
        lines.append(f"hilomap -singleton{args}")
    lines += [
        "splitnets -ports",
        "opt_clean -purge",
        "rename -enumerate",
        f"log {PHASE_MARK} write",
        f"tee -q -o {ASIC_STAT} stat -json -liberty {mlib}",
        f"write_json {NETLIST_JSON}",
        f"write_verilog -noattr -noexpr {NETLIST_V}",
    ]
    return "\n".join(lines) + "\n"


def generic_script(files: Iterable[str | Path], top: str) -> str:
    """The generic statistics of a multi-module design alone (``synth -top T``, hierarchy kept, then
    ``stat -json`` → :data:`GENERIC_STAT`): exactly the read and the generic phase that begin
    :func:`yosys_script` (a fresh process repeats that history, so the counts are the same)."""
    lines = [f"log {PHASE_MARK} read", *read_design_script(files, top).strip().splitlines(),
             "design -save rtl", f"log {PHASE_MARK} generic", *synth_lines(top, flatten=False),
             f"delete {_NON_LOGIC}", f"tee -q -o {GENERIC_STAT} stat -json"]
    return "\n".join(lines) + "\n"


def failed_phase(log: str) -> str:
    """The last phase a Yosys log reached ("read", "generic", "synth", "map", "write")."""
    phase = "read"
    for line in log.splitlines():
        if PHASE_MARK in line:
            phase = line.split(PHASE_MARK, 1)[1].strip() or phase
    return phase
