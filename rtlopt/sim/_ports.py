"""The port plan of a differential simulation: which input is the clock, which the reset (and its
polarity), which are data, and how the candidate's ports pair with the original's.

Pure: reads the pyslang model and source text, starts no processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyslang
from pyslang import ast

from rtlopt.design import DesignRef
from rtlopt.errors import InputError
from rtlopt.hdl.source import Port

_CLOCK_RE = re.compile(r"^(clk|clock|ck|clk\d+|clk_?i|i_?clk|clk_?in|clk_?p|sys_?clk|.*_clk|.*_clock|clk_?\d+)$",
                       re.IGNORECASE)
_RESET_RE = re.compile(r"^(rst|reset|arst|areset|srst|sreset|rstn|resetn|nrst|nreset|rst_?[nbi]|rst_?ni|"
                       r"reset_?[nb]|arst_?n|areset_?n|srst_?n|.*_rst|.*_rst_?n|.*_reset|.*_reset_?n|"
                       r"rst_.*|reset_.*)$", re.IGNORECASE)
_LOW_NAME_RE = re.compile(r"(^n|_n$|n$|_b$|_ni$|_l$)", re.IGNORECASE)


def _edges(texts: list[str]) -> dict[str, set[str]]:
    """``{signal: {"posedge", "negedge"}}`` for every edge event in the source text."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for m in re.finditer(r"\b(posedge|negedge)\s+\(?\s*([A-Za-z_][A-Za-z0-9_$]*)", text):
            found.setdefault(m.group(2), set()).add(m.group(1))
    return found


def _active_low_from_text(name: str, texts: list[str], edges: dict[str, set[str]]) -> bool | None:
    """Polarity from how the source tests the reset, or None when the text does not say."""
    kinds = edges.get(name, set())
    if kinds == {"negedge"}:
        return True
    if kinds == {"posedge"}:
        return False
    n = re.escape(name)
    low = high = 0
    for text in texts:
        low += len(re.findall(rf"\bif\s*\(\s*(!|~)\s*{n}\b\s*\)", text))
        low += len(re.findall(rf"\bif\s*\(\s*{n}\s*==\s*(1'b0|1'h0|0)\s*\)", text))
        high += len(re.findall(rf"\bif\s*\(\s*{n}\s*\)", text))
        high += len(re.findall(rf"\bif\s*\(\s*{n}\s*==\s*(1'b1|1'h1|1)\s*\)", text))
    if low > high:
        return True
    if high > low:
        return False
    return None


@dataclass(frozen=True)
class PortPair:
    """One gold port and the gate port it is compared with (or driven together with)."""

    name: str
    gate_name: str
    width: int
    direction: str


@dataclass
class PortPlan:
    """How the generated testbench drives and compares the two designs."""

    clocks: list[PortPair] = field(default_factory=list)
    active_edge: str = "posedge"
    reset: PortPair | None = None
    reset_active_low: bool = False
    data_inputs: list[PortPair] = field(default_factory=list)
    outputs: list[PortPair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def sequential(self) -> bool:
        return bool(self.clocks)

    @property
    def input_bits(self) -> int:
        return sum(p.width for p in self.data_inputs)

    @property
    def output_bits(self) -> int:
        return sum(p.width for p in self.outputs)


def top_ports(design: DesignRef) -> list[Port]:
    """The top module's ports (direction, packed width), elaborating ``design.top`` as the only top.

    Raises:
        InputError: a port the wrapper cannot connect to a flat bus (unpacked array, interface).
    """
    parsed = design.parsed
    if parsed is None:
        raise InputError(f"design {design.label} was not parsed")
    from rtlopt.hdl.project import active

    opts = ast.CompilationOptions()
    opts.topModules = {design.top}
    opts.paramOverrides = [f"{k}={v}" for k, v in active().params]  # -G/--param
    comp = ast.Compilation(pyslang.Bag([opts]))
    for tree in parsed.trees:
        comp.addSyntaxTree(tree)
    for inst in comp.getRoot().topInstances:
        if inst.name != design.top:
            continue
        out = []
        for p in inst.body.portList:
            if not hasattr(p, "direction"):
                raise InputError(f"port '{p.name}' of '{design.top}' is an interface port, which differential "
                                 "simulation does not support")
            t = p.type
            if getattr(t, "isUnpackedArray", False):
                raise InputError(f"port '{p.name}' of '{design.top}' is an unpacked array, which differential "
                                 "simulation does not support")
            d = {"In": "input", "Out": "output", "InOut": "inout"}.get(p.direction.name, p.direction.name.lower())
            out.append(Port(p.name, d, int(getattr(t, "bitWidth", 1) or 1), bool(getattr(t, "isSigned", False))))
        return out
    info = parsed.modules.get(design.top)
    return list(info.ports) if info is not None else []


def _pair(gold: list[Port], gate: list[Port], gold_label: str, gate_label: str,
          lenient: bool = False) -> tuple[list[PortPair], list[str]]:
    notes: list[str] = []
    gate_by_name = {p.name: p for p in gate}
    gold_names = [p.name for p in gold]
    if set(gold_names) == set(gate_by_name):
        pairs = []
        for p in gold:
            q = gate_by_name[p.name]
            if q.direction != p.direction:
                raise InputError(f"port '{p.name}' is an {p.direction} of {gold_label} but an {q.direction} "
                                 f"of {gate_label}")
            if q.width != p.width:
                raise InputError(f"port '{p.name}' is {p.width} bits wide in {gold_label} but {q.width} bits "
                                 f"in {gate_label}")
            pairs.append(PortPair(p.name, q.name, p.width, p.direction))
        return pairs, notes
    # Names differ: pair by position when directions and widths line up exactly.
    shape_gold = [(p.direction, p.width) for p in gold]
    shape_gate = [(p.direction, p.width) for p in gate]
    if shape_gold == shape_gate:
        pairs = [PortPair(p.name, q.name, p.width, p.direction) for p, q in zip(gold, gate, strict=True)]
        renamed = [f"{p.name}->{q.name}" for p, q in zip(gold, gate, strict=True) if p.name != q.name]
        notes.append("port names differ, ports paired by position: " + ", ".join(renamed))
        return pairs, notes
    only_gold = [n for n in gold_names if n not in gate_by_name]
    only_gate = [n for n in gate_by_name if n not in set(gold_names)]
    if lenient:
        return _pair_subset(gold, gate, gold_label, gate_label, only_gold, only_gate)
    raise InputError(f"the interfaces differ: only in {gold_label}: {', '.join(only_gold) or '-'}; only in "
                     f"{gate_label}: {', '.join(only_gate) or '-'}")


def _pair_subset(gold: list[Port], gate: list[Port], gold_label: str, gate_label: str, only_gold: list[str],
                 only_gate: list[str]) -> tuple[list[PortPair], list[str]]:
    """Pair by name when the candidate dropped inputs or added outputs (lenient mode)."""
    gold_by_name = {p.name: p for p in gold}
    gate_by_name = {p.name: p for p in gate}
    lost_outputs = [n for n in only_gold if gold_by_name[n].direction != "input"]
    new_inputs = [n for n in only_gate if gate_by_name[n].direction != "output"]
    if lost_outputs or new_inputs:
        raise InputError(f"the interfaces differ: {gate_label} lacks output(s) {', '.join(lost_outputs) or '-'} "
                         f"and adds input(s) {', '.join(new_inputs) or '-'}")
    pairs = []
    for p in gold:
        q = gate_by_name.get(p.name)
        if q is None:
            pairs.append(PortPair(p.name, "", p.width, p.direction))
            continue
        if q.direction != p.direction or q.width != p.width:
            raise InputError(f"port '{p.name}' is a {p.width}-bit {p.direction} of {gold_label} but a {q.width}-bit "
                             f"{q.direction} of {gate_label}")
        pairs.append(PortPair(p.name, q.name, p.width, p.direction))
    notes = []
    if only_gold:
        notes.append(f"the candidate has no input(s) {', '.join(only_gold)}: they drive only the original, so any "
                     "dependence of the original's outputs on them shows up as a mismatch")
    if only_gate:
        notes.append(f"the candidate's extra output(s) {', '.join(only_gate)} are not compared")
    return pairs, notes


def plan_ports(gold: DesignRef, gate: DesignRef, *, reset: str | None = None,
               reset_active_low: bool | None = None, clock: str | None = None,
               lenient: bool = False) -> PortPlan:
    """Pair the two tops' ports and decide the clock, reset and data inputs from the original.

    Args:
        gold: The original design (the oracle).
        gate: The candidate.
        reset: Name of the reset input; None detects it by name, ``"none"`` means no reset.
        reset_active_low: Reset polarity; None infers it from the name and the source text.
        clock: Name of the clock input; None detects it by name and edge events, ``"none"`` forces
            combinational stimulus.
        lenient: Accept a candidate that dropped inputs (driven into the original only) or added
            outputs (not compared), with a note; by default any interface difference is an InputError.

    Returns:
        The plan. Raises InputError when the interfaces cannot be paired.
    """
    gold_ports = top_ports(gold)
    gate_ports = top_ports(gate)
    if not gold_ports:
        raise InputError(f"top module '{gold.top}' has no ports to simulate")
    pairs, notes = _pair(gold_ports, gate_ports, f"the original ({gold.top})", f"the candidate ({gate.top})",
                         lenient)
    inouts = [p.name for p in pairs if p.direction not in ("input", "output")]
    if inouts:
        raise InputError(f"differential simulation does not support inout/ref ports: {', '.join(inouts)}")
    texts = [s.text for s in gold.parsed.sources] if gold.parsed else []
    edges = _edges(texts)
    plan = PortPlan(notes=notes)
    inputs = [p for p in pairs if p.direction == "input"]
    plan.outputs = [p for p in pairs if p.direction == "output"]
    if not plan.outputs:
        raise InputError(f"top module '{gold.top}' has no outputs to compare")
    names = {p.name: p for p in inputs}
    # clock(s)
    if clock is not None and clock.lower() != "none":
        if clock not in names:
            raise InputError(f"clock '{clock}' is not an input of '{gold.top}'")
        plan.clocks = [names[clock]]
    elif clock is None:
        plan.clocks = [p for p in inputs if p.width == 1 and (
            _CLOCK_RE.match(p.name) or (p.name in edges and not _RESET_RE.match(p.name)
                                        and "clk" in p.name.lower()))]
        if not plan.clocks:
            # An input used as an edge event that is not reset-like is a clock whatever its name.
            plan.clocks = [p for p in inputs if p.width == 1 and p.name in edges and not _RESET_RE.match(p.name)
                           and not _LOW_NAME_RE.search(p.name)]
    if len(plan.clocks) > 1:
        plan.notes.append("several clocks (" + ", ".join(p.name for p in plan.clocks) +
                          ") are driven by one testbench clock")
    if plan.clocks:
        kinds = set().union(*(edges.get(c.name, set()) for c in plan.clocks))
        plan.active_edge = "negedge" if kinds == {"negedge"} else "posedge"
    clock_names = {c.name for c in plan.clocks}
    # reset
    if plan.clocks:
        if reset is not None and reset.lower() != "none":
            if reset not in names:
                raise InputError(f"reset '{reset}' is not an input of '{gold.top}'")
            plan.reset = names[reset]
        elif reset is None:
            cands = [p for p in inputs if p.width == 1 and p.name not in clock_names and _RESET_RE.match(p.name)]
            # prefer the plainest name (rst/reset/rst_n) over e.g. a soft reset
            cands.sort(key=lambda p: (not re.match(r"^(a?rst|a?reset)_?n?$", p.name, re.IGNORECASE), len(p.name)))
            plan.reset = cands[0] if cands else None
        if plan.reset is not None:
            if reset_active_low is not None:
                plan.reset_active_low = reset_active_low
            else:
                from_text = _active_low_from_text(plan.reset.name, texts, edges)
                if from_text is not None:
                    plan.reset_active_low = from_text
                else:
                    plan.reset_active_low = bool(_LOW_NAME_RE.search(plan.reset.name))
    elif reset is not None and reset.lower() != "none":
        plan.notes.append(f"no clock: reset '{reset}' is driven like any other input")
    skip = clock_names | ({plan.reset.name} if plan.reset else set())
    plan.data_inputs = [p for p in inputs if p.name not in skip]
    return plan
