"""Yosys steps of an equivalence check: read both designs, inspect them, build the miter.

Step 1 (:func:`elaborate`) reads gold and gate in separate Yosys designs (so equal module names do
not clash), runs ``proc; flatten; memory``, renames the tops to ``rtlopt_gold``/``rtlopt_gate`` and
writes RTLIL plus JSON. Python then compares interfaces and finds clocks, resets and ``x`` writes.
Step 2 (:func:`build_miter`) writes the miter as Verilog text and turns it into SMT-LIB2
(``write_smt2 -wires``) and, on demand, AIGER.

The miter (module ``rtlopt_miter``) drives both designs from the same inputs and has one output
``rtlopt_trigger`` that is 1 when some output differs. Start-state semantics are built into the miter
so every engine checks the same thing:

* ``init="reset"`` with a reset: a register ``rtlopt_started`` (initial value 0) forces the reset
  active in cycle 0 and masks the comparison in that cycle.
* ``init="zero"``: ``setundef -init -zero`` gives every register without an initial value the value 0.
* otherwise registers without an initial value start free (independently in gold and gate),
  except that in ``reset`` mode gold's registers with no reset and no initial value start as x
  (see below), which is Verilog's simulation semantics.

Don't-cares: when gold writes ``x`` constants (or has registers that start undefined), gold is transformed by Yosys ``xprop -split-outputs``
(formal x-propagation in two-valued logic, Verilog's ternary semantics): each gold output ``y``
becomes ``y_d`` (value) and ``y_x`` (bit is x). The miter compares bit i only where ``y_x[i]`` is 0,
i.e. the gate may take any value where gold's simulated output is x. ``xprop`` gives
uninitialized flip-flops an x-flag that starts at 1. This is a refinement check
(gate refines gold), which is what a synthesis tool is allowed to do with gold's x. Note that
``miter -ignore_gold_x`` is not used: it relies on ``$eqx`` against x constants, which SMT export
models as 0, so it would not give don't-care semantics there.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.design import DesignRef
from rtlopt.errors import InputError, ToolTimeout
from rtlopt.tools import Abc, Yosys
from rtlopt.tools.yosys import input_error_from_yosys, read_design_script
from rtlopt.verify import _gatex
from rtlopt.verify._gatex import GATE_MAP, MAP_FILE, lower_script, mark_cells, oob_shiftx, undriven_reads
from rtlopt.verify._netlist import NetlistInfo, _src, analyze

GOLD = "rtlopt_gold"
GATE = "rtlopt_gate"
MITER = "rtlopt_miter"
TRIGGER = "rtlopt_trigger"
STARTED = "rtlopt_started"

@functools.cache
def yosys_tool() -> Yosys:
    """One located, version-checked Yosys per process (``require`` runs ``yosys -V`` once)."""
    return Yosys().require()


@functools.cache
def abc_tool() -> Abc:
    return Abc().require()


_SIMPLE_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")


def vid(name: str) -> str:
    """A Verilog identifier for ``name`` (escaped when needed)."""
    return name if _SIMPLE_ID.match(name) else f"\\{name} "


def _front_script(ref: DesignRef, new_name: str, out: Path) -> str:
    lines = [read_design_script(ref.files, ref.top).rstrip(),
             "proc", "flatten", "memory", "opt_clean",
             f"rename {vid(ref.top).strip()} {new_name}",
             f"hierarchy -top {new_name}"]
    lines += [f"write_rtlil {out.with_suffix('.il').name}", f"write_json {out.with_suffix('.json').name}"]
    return "\n".join(lines) + "\n"


def elaborate(gold: DesignRef, gate: DesignRef, workdir: Path,
              timeout: float) -> tuple[NetlistInfo, Path, NetlistInfo, Path]:
    """Read, elaborate and flatten both designs in one Yosys run (separate designs, no name clash).

    Returns:
        (gold facts, gold RTLIL path, gate facts, gate RTLIL path).

    Raises:
        InputError: Yosys cannot read or elaborate a design (syntax, unsupported construct).
        ToolTimeout: Yosys exceeded ``timeout``.
    """
    script = (_front_script(gold, GOLD, workdir / "gold") + "design -reset\n"
              + _front_script(gate, GATE, workdir / "gate"))
    res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    if res.returncode != 0:
        role = "gate" if (workdir / "gold.json").exists() else "gold"
        err = input_error_from_yosys(res)
        raise InputError(f"{role} design: {err.message}", file=err.file, line=err.line)
    out = []
    for role, ref, new in (("gold", gold, GOLD), ("gate", gate, GATE)):
        _unpin_names(workdir / f"{role}.il", workdir / f"{role}.json")
        data = json.loads((workdir / f"{role}.json").read_text())
        mods = data.get("modules", {})
        if new not in mods:
            raise InputError(f"{role} design: top module '{ref.top}' not found after elaboration")
        oob = oob_shiftx(mods[new])
        oob_src = sorted({_src(mods[new]["cells"][c].get("attributes", {})) or c for c in oob})
        zdiv = _gatex.zero_divisors(mods[new])
        zdiv_src = sorted({_src(mods[new]["cells"][c].get("attributes", {})) or c for c in zdiv})
        if (oob or zdiv) and role == "gate" and mark_cells(workdir / "gate.il", oob + zdiv, new):
            # the gate's reads past the end and divisions by zero are x: free values (every one must
            # match gold), before any engine reads the gate (see _gatex)
            (workdir / MAP_FILE).write_text(GATE_MAP)
            res = yosys_tool().run_script(lower_script(workdir / "gate.il", workdir / "gate.json"), cwd=workdir,
                                          timeout=timeout, check=False)
            if res.returncode != 0:
                from rtlopt.errors import ToolError
                from rtlopt.tools.yosys import yosys_error
                raise ToolError(f"yosys could not free the gate's out-of-range reads / divisions by zero: "
                                f"{yosys_error(res)}",
                                log=res.stdout + res.stderr)
            mods = json.loads((workdir / "gate.json").read_text()).get("modules", {})
        info = analyze(mods[new], new)
        info.oob_reads = oob_src
        info.zero_divs = zdiv_src
        if role == "gate":
            undriven = [f"undriven net {n}" for n in undriven_reads(mods[new])]
            info.x_sources = sorted({*info.x_sources, *oob_src, *zdiv_src, *undriven})
        out += [info, workdir / f"{role}.il"]
    return out[0], out[1], out[2], out[3]


#: the generate blocks of a pinned rewrite (engine.parampin, semantic.emit): ``rtlopt_params_m.cnt``
_PIN_SCOPE = re.compile(r'(?<=[\\."])rtlopt_(?:params|original|pinned)_[A-Za-z0-9_$]*\.')


def _unpin_names(*files: Path) -> None:
    """Names inside a pinned block lose the block level (``rtlopt_params_m.cnt`` -> ``cnt``), so the
    engines that match registers and wires by name (equiv_make, the algebraic and gate-level
    engines) pair them with the original's. Only one arm of the pin is elaborated and its
    declarations were module-level names of the same module; should two names still become one,
    nothing is renamed."""
    texts = {f: f.read_text() for f in files if f.exists()}
    if not any("rtlopt_" in t for t in texts.values()):
        return
    for f, t in texts.items():
        if f.suffix == ".il":
            decl = [ln.split()[-1] for ln in t.splitlines() if ln.lstrip().startswith(("wire ", "cell ", "memory "))]
            if len({_PIN_SCOPE.sub("", d) for d in decl}) != len(set(decl)):
                return
    for f, t in texts.items():
        u = _PIN_SCOPE.sub("", t)
        if u != t:
            f.write_text(u)


@dataclass
class MiterSpec:
    """Everything needed to write the miter."""

    inputs: dict[str, int]
    outputs: dict[str, int]
    reset: str | None = None
    reset_active_low: bool = False
    force_reset: bool = False
    gold_xprop: bool = False
    init_zero: bool = False
    clock: str | None = None
    sequential: bool = False
    notes: list[str] = field(default_factory=list)


def miter_verilog(spec: MiterSpec) -> str:
    """The miter module as Verilog text (see the module docstring for its meaning)."""
    ports = [f"  input {f'[{w - 1}:0] ' if w > 1 else ''}{vid(n)}" for n, w in spec.inputs.items()]
    ports.append(f"  output {TRIGGER}")
    body = [f"module {MITER} (", ",\n".join(ports), ");"]
    decl = lambda w: f"[{w - 1}:0] " if w > 1 else ""  # noqa: E731
    for n, w in spec.outputs.items():
        body.append(f"  wire {decl(w)}rtlopt_g_{_safe(n)}, rtlopt_h_{_safe(n)}, rtlopt_gx_{_safe(n)};")
    if spec.force_reset:
        assert spec.reset
        active = "1'b0" if spec.reset_active_low else "1'b1"
        body.append(f"  reg {STARTED} = 1'b0;")
        clk = vid(spec.clock or spec.reset)
        body.append(f"  always @(posedge {clk}) {STARTED} <= 1'b1;")
        body.append(f"  wire rtlopt_rst_eff = {STARTED} ? {vid(spec.reset)} : {active};")
        enable = STARTED
    else:
        enable = "1'b1"
    gconn, hconn = [], []
    for n in spec.inputs:
        src = "rtlopt_rst_eff" if spec.force_reset and n == spec.reset else vid(n)
        gconn.append(f".{vid(n)}({src})")
        hconn.append(f".{vid(n)}({src})")
    for n, w in spec.outputs.items():
        if spec.gold_xprop:
            gconn.append(f".{vid(n + '_d')}(rtlopt_g_{_safe(n)})")
            gconn.append(f".{vid(n + '_x')}(rtlopt_gx_{_safe(n)})")
        else:
            gconn.append(f".{vid(n)}(rtlopt_g_{_safe(n)})")
            body.append(f"  assign rtlopt_gx_{_safe(n)} = {w}'d0;")
        hconn.append(f".{vid(n)}(rtlopt_h_{_safe(n)})")
    body.append(f"  {GOLD} gold ({', '.join(gconn)});")
    body.append(f"  {GATE} gate ({', '.join(hconn)});")
    diffs = []
    for n in spec.outputs:
        s = _safe(n)
        body.append(f"  wire rtlopt_d_{s} = |((rtlopt_g_{s} ^ rtlopt_h_{s}) & ~rtlopt_gx_{s});")
        diffs.append(f"rtlopt_d_{s}")
    any_diff = " | ".join(diffs) or "1'b0"
    body.append(f"  assign {TRIGGER} = {enable} & ({any_diff});")
    body.append("endmodule")
    return "\n".join(body) + "\n"


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", lambda m: f"_{ord(m.group()):02x}", name)


def miter_script(spec: MiterSpec, gold_il: Path, gate_il: Path, miter_v: Path, *, smt2: Path | None = None,
                 aiger: Path | None = None) -> str:
    """Yosys commands that build the miter and write it for the engines."""
    lines = [f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}"]
    if spec.init_zero:
        lines.append(f"setundef -init -zero {GOLD} {GATE}")
    # flip-flops become plain $dff first: xprop gives uninitialized $dff an x-flag that starts at 1,
    # but not the $adff/$sdff forms (their x-flags would start free)
    lines += ["async2sync", "dffunmap"]
    # gate x constants and undriven gate nets: any value (per cycle); every choice must match gold
    lines.append(f"setundef -undriven -anyseq {GATE}")
    if spec.gold_xprop:
        # xprop -split-outputs names the parts of output o 'o_d' and 'o_x': an internal gold wire of
        # that name (a designer's 'left_d' next to output 'left') would be read as the output
        # instead; such wires get private names first (ports are never renamed by -hide)
        clash = [f"{GOLD}/w:{n}{sfx}" for n in spec.outputs for sfx in ("_d", "_x")
                 if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)]
        if clash:
            lines.append("rename -hide " + " ".join(clash))
        lines.append(f"xprop -split-outputs -assume-def-inputs {GOLD}")
    if aiger is not None and not spec.gold_xprop:
        # AIGER has no x: gold's remaining x constants are Yosys proc's (unselectable arms, loop and
        # scratch variables such as an 'integer i' read nowhere) -- one resolution, as equiv takes them
        lines.append(f"setundef -zero {GOLD}")
    lines += [f"read_verilog -sv {miter_v.name}", f"hierarchy -top {MITER}", "proc", "flatten", "opt_clean",
              "async2sync", "dffunmap"]
    if smt2 is not None:
        lines.append(f"write_smt2 -wires {smt2.name}")
    if aiger is not None:
        # techmap makes new x constants (a packed array read past its end: $shiftx; $bmux/$demux arms):
        # AIGER has none, they become free inputs (any value per cycle, in gold and gate). The proof then
        # covers every value -- sound for "equivalent"; a difference may be the x values' doing, so the
        # engines report it as unknown (:func:`late_x`)
        # a divide / modulo by a constant as a narrow long division first (rtlopt.semantic._divconst: the
        # generic map of a 32-bit '(sp + 1) % 6' ran out of a 60 s proof while writing the AIGER)
        from rtlopt.semantic._divconst import write_map

        lines += ["dffunmap", write_map(miter_v.parent), "techmap", "opt -fast -nodffe -nosdff", "dffunmap",
                  f"tee -q -o {_ANYSEQ_BEFORE} select -count t:$anyseq", "setundef -anyseq",
                  f"tee -q -o {_ANYSEQ_AFTER} select -count t:$anyseq",
                  "aigmap", "opt_clean", f"write_aiger -zinit {aiger.name}"]
    return "\n".join(lines) + "\n"


_ANYSEQ_BEFORE = "miter_anyseq_before.txt"
_ANYSEQ_AFTER = "miter_anyseq_after.txt"


def late_x(workdir: Path) -> bool:
    """Whether the AIGER miter last written in ``workdir`` had x constants left after techmap, now free
    inputs (a difference ABC finds there may come from a choice of x values, not from the designs)."""
    def count(name: str) -> int | None:
        try:
            m = re.search(r"(\d+)\s+objects", (workdir / name).read_text())
        except OSError:
            return None
        return int(m.group(1)) if m else None

    before, after = count(_ANYSEQ_BEFORE), count(_ANYSEQ_AFTER)
    return before is None or after is None or after > before


def build_miter(spec: MiterSpec, gold_il: Path, gate_il: Path, workdir: Path, timeout: float, *,
                aiger: bool = False) -> tuple[Path | None, Path | None]:
    """Write the miter and export it; return (smt2 path, aiger path)."""
    mv = workdir / "miter.v"
    mv.write_text(miter_verilog(spec))
    smt2 = workdir / "miter.smt2"
    aig = workdir / "miter.aig" if aiger else None
    script = miter_script(spec, gold_il, gate_il, mv, smt2=None if aiger else smt2, aiger=aig)
    res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    if res.returncode != 0:
        from rtlopt.errors import ToolError
        from rtlopt.tools.yosys import yosys_error
        raise ToolError(f"yosys could not build the miter: {yosys_error(res)}", log=res.stdout + res.stderr)
    return (None if aiger else smt2), aig


__all__ = ["GATE", "GOLD", "MITER", "STARTED", "TRIGGER", "MiterSpec", "ToolTimeout", "build_miter", "elaborate",
           "late_x", "miter_verilog", "vid"]
