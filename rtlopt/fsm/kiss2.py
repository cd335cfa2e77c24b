"""KISS2 import/export (the format of the MCNC/LGSynth FSM benchmarks, SIS, ABC, nova).

Format::

    .i 2          number of input bits
    .o 1          number of output bits
    .p 8          number of transition lines (optional)
    .s 4          number of states (optional)
    .r S0         reset state (optional; default: the first present state)
    01 S0 S1 1    input cube (0/1/-), present state, next state (* = don't care), outputs (0/1/-)
    .e

Input combinations a state does not list are don't-care (for next state and outputs).
Machines read here have 1-bit inputs ``i0..i{n-1}`` (i0 is the leftmost cube character) and
1-bit outputs ``o0..o{m-1}``. :func:`write` exports any machine whose outputs are constants on
each exported cube (RTL machines with data-valued Mealy outputs cannot be written).
"""

from __future__ import annotations

from pathlib import Path

import z3

from rtlopt.errors import InputError
from rtlopt.fsm._verilog import cube_cover
from rtlopt.fsm.encode import _const_under
from rtlopt.fsm.model import Fsm, Transition


def parse(text: str, *, name: str = "kiss2", file: str | None = None) -> Fsm:
    """Parse KISS2 text into an :class:`Fsm` (raises InputError with the line on bad input)."""
    ni = no = None
    reset = None
    rows: list[tuple[str, str, str, str, int]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if parts[0].startswith("."):
            key = parts[0]
            try:
                if key == ".i":
                    ni = int(parts[1])
                elif key == ".o":
                    no = int(parts[1])
                elif key == ".r":
                    reset = parts[1]
                elif key == ".e" or key == ".end":
                    break
            except (IndexError, ValueError):
                raise InputError(f"bad KISS2 directive {line!r}", file=file, line=lineno) from None
            continue
        if ni is None or no is None:
            raise InputError("KISS2 transition before .i/.o", file=file, line=lineno)
        if len(parts) != (4 if no else 3) and not (no == 0 and len(parts) == 3):
            raise InputError(f"expected 'inputs state next outputs', got {line!r}", file=file, line=lineno)
        cube, src, dst = parts[0], parts[1], parts[2]
        outs = parts[3] if no else ""
        if ni == 0 and cube not in ("-", ""):
            cube = ""
        if len(cube) != ni or any(c not in "01-" for c in cube):
            raise InputError(f"input cube {cube!r} must be {ni} characters of 0/1/-", file=file, line=lineno)
        if len(outs) != no or any(c not in "01-~" for c in outs):
            raise InputError(f"output part {outs!r} must be {no} characters of 0/1/-", file=file, line=lineno)
        rows.append((cube, src, dst, outs, lineno))
    if ni is None or no is None:
        raise InputError("not a KISS2 file (missing .i/.o)", file=file)
    if not rows:
        raise InputError("KISS2 file has no transitions", file=file)
    ins = [z3.BitVec(f"i{k}", 1) for k in range(ni)]
    states: list[str] = []
    for _cube, src, dst, _o, _l in rows:
        for s in (src, dst):
            if s not in ("*", "ANY", "-") and s not in states:
                states.append(s)
    if reset is None:
        reset = rows[0][1]
    if reset not in states:
        raise InputError(f"reset state {reset!r} has no transitions", file=file)
    transitions = []
    for cube, src, dst, outs, _l in rows:
        conds = [ins[k] == (1 if c == "1" else 0) for k, c in enumerate(cube) if c != "-"]
        g = z3.And(*conds) if conds else z3.BoolVal(True)
        o = {}
        for k, c in enumerate(outs):
            o[f"o{k}"] = (z3.BitVecVal(1 if c == "1" else 0, 1), 0 if c in "01" else 1)
        transitions.append(Transition(src, None if dst in ("*", "ANY", "-") else dst, g, o))
    fsm = Fsm(name=name, states=states, reset=reset, inputs={f"i{k}": 1 for k in range(ni)},
              outputs={f"o{k}": 1 for k in range(no)}, transitions=transitions)
    reach = set(fsm.reachable)
    fsm.unreachable = [s for s in fsm.states if s not in reach]
    return fsm


def read(path: str | Path) -> Fsm:
    """Read a KISS2 file."""
    p = Path(path)
    try:
        text = p.read_text()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=p) from None
    return parse(text, name=p.stem, file=str(p))


def dumps(fsm: Fsm) -> str:
    """KISS2 text for ``fsm`` (raises InputError when an output is not constant on a cube)."""
    bits = [(n, b) for n, w in fsm.inputs.items() for b in reversed(range(w))]
    obits = [(n, b) for n, w in fsm.outputs.items() for b in reversed(range(w))]
    lines: list[str] = []
    for t in fsm.transitions:
        pieces = [t.guard]
        for o, b in obits:
            e, dc = t.outputs.get(o, (z3.BitVecVal(0, fsm.outputs[o]), (1 << fsm.outputs[o]) - 1))
            if (dc >> b) & 1:
                continue
            bit = z3.Extract(b, b, e)
            new = []
            for pc in pieces:
                v = _const_under(bit, pc)
                if z3.is_bv_value(v):
                    new.append(pc)
                else:
                    new += [z3.And(pc, bit == 1), z3.And(pc, bit == 0)]
            pieces = new
        for pc in pieces:
            cover = cube_cover(pc)
            if cover is None:
                raise InputError(f"{fsm.name}: too many input bits for KISS2 export")
            for cube in cover:
                ctext = "".join(str(cube[(n, b)]) if (n, b) in cube else "-" for n, b in bits)
                otext = ""
                for o, b in obits:
                    e, dc = t.outputs.get(o, (z3.BitVecVal(0, fsm.outputs[o]), (1 << fsm.outputs[o]) - 1))
                    if (dc >> b) & 1:
                        otext += "-"
                        continue
                    v = _const_under(z3.Extract(b, b, e), pc)
                    if not z3.is_bv_value(v):
                        raise InputError(f"{fsm.name}: output {o} is not constant on an input cube")
                    otext += str(v.as_long())
                lines.append(f"{ctext} {t.src} {t.dst if t.dst is not None else '*'} {otext}".rstrip())
    head = [f".i {len(bits)}", f".o {len(obits)}", f".p {len(lines)}", f".s {len(fsm.states)}"]
    if fsm.reset:
        head.append(f".r {fsm.reset}")
    names = "  ".join(f"{n}[{b}]" if fsm.inputs[n] > 1 else n for n, b in bits)
    onames = "  ".join(f"{n}[{b}]" if fsm.outputs[n] > 1 else n for n, b in obits)
    return "\n".join([f"# {fsm.name}", f"# inputs: {names}", f"# outputs: {onames}", *head, *lines, ".e"]) + "\n"


def write(fsm: Fsm, path: str | Path) -> None:
    """Write ``fsm`` as KISS2 to ``path``."""
    Path(path).write_text(dumps(fsm))
