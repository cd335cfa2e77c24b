"""Gold and gate as bit-level gate netlists (Yosys ``techmap``), for the complete combinational engines.

:func:`gate_netlists` maps both elaborated designs (the RTLIL files :func:`rtlopt.verify._prepare.elaborate`
wrote) to Yosys's internal gate library in one child Yosys run, and returns each as a
:class:`GateNet`: input and output bits by port name and the gates in topological order. Word-level
operators (``$mul``, ``$alu``, ``$shift``, ...) become the gates Yosys's techmap library gives them, so the
engines built on this see exactly the logic the designs describe, whatever their coding style.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.errors import ToolTimeout
from rtlopt.verify._prepare import GATE, GOLD, yosys_tool

#: A ripple-carry ``$lcu`` (Yosys's default is a prefix tree): same function, friendlier to algebra.
RIPPLE_LCU = Path(__file__).resolve().parent.parent / "data" / "yosys" / "ripple_lcu.v"

#: Gate types handled (Yosys internal cell library after techmap/simplemap), with their input ports.
GATE_INPUTS = {
    "$_BUF_": ("A",), "$_NOT_": ("A",), "$_AND_": ("A", "B"), "$_OR_": ("A", "B"), "$_XOR_": ("A", "B"),
    "$_NAND_": ("A", "B"), "$_NOR_": ("A", "B"), "$_XNOR_": ("A", "B"), "$_ANDNOT_": ("A", "B"),
    "$_ORNOT_": ("A", "B"), "$_MUX_": ("A", "B", "S"), "$_NMUX_": ("A", "B", "S"),
    "$_AOI3_": ("A", "B", "C"), "$_OAI3_": ("A", "B", "C"), "$_AOI4_": ("A", "B", "C", "D"),
    "$_OAI4_": ("A", "B", "C", "D"),
}

#: A bit reference: an int (Yosys net bit) or one of the constants "0", "1" ("x"/"z" make a netlist unsupported).
Bit = int | str


class Unsupported(Exception):
    """The netlist has something the complete engines do not model (state, x/z constants, unknown cells)."""


@dataclass
class GateNet:
    """One design as gates: ``gates`` are ``(type, output bit, input bits)`` in topological order."""

    inputs: dict[str, list[Bit]]
    outputs: dict[str, list[Bit]]
    gates: list[tuple[str, int, tuple[Bit, ...]]] = field(default_factory=list)
    #: Per cut register: the flip-flop cell type of each bit (gold and gate must agree, see
    #: :func:`_cut_registers`).
    reg_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def input_bits(self) -> int:
        return sum(len(v) for v in self.inputs.values())


#: Prefixes of the pseudo ports that cut registers (register correspondence by name); REG_RST: the
#: asynchronous reset input of a register's bits that have one.
REG_IN, REG_NEXT, REG_RST = "\0q:", "\0d:", "\0r:"

#: Flip-flops cut by name: positive edge, without or with an asynchronous reset to a constant (the
#: reset's polarity and value are in the type: ``$_DFF_PN0_`` resets to 0 while R is 0).
CUT_FLOPS = ("$_DFF_P_", "$_DFF_PN0_", "$_DFF_PN1_", "$_DFF_PP0_", "$_DFF_PP1_")


def _public_names(mod: dict) -> frozenset[str]:
    return frozenset(n for n, info in mod.get("netnames", {}).items() if not info.get("hide_name"))


def _cut_registers(mod: dict, inputs: dict, outputs: dict, prefer: frozenset[str] = frozenset(),
                   kinds: dict | None = None) -> set[int]:
    """Replace every positive-edge flip-flop by a pseudo input (its Q) and a pseudo output (its D),
    keyed by the register's public name. Returns the Q bits (they are no longer driven by cells).

    A flip-flop with an asynchronous reset to a constant also gets a pseudo output for its R input
    (:data:`REG_RST`), and every bit's cell type goes into ``kinds``: when both designs agree on the
    types (reset polarity and value) and on the R functions as well as the D functions, each pair of
    equal registers is reset alike whenever either is and loads alike at every edge, so they stay equal
    from any pair of equal states (the caller checks that the kinds agree).

    A Q bit with several public names (a rewrite's alias ``assign eg_1 = x2;`` of the register) is
    keyed by a name in ``prefer`` (the other design's public names) when it has one, so the
    correspondence by name does not depend on which alias Yosys lists first (any pairing of equal
    widths is sound: equal next states and outputs from every pair of equal states)."""
    names: dict[int, tuple[str, int]] = {}
    for net, info in mod.get("netnames", {}).items():
        if info.get("hide_name"):
            continue
        for i, b in enumerate(info["bits"]):
            if isinstance(b, int) and (b not in names or (net in prefer and names[b][0] not in prefer)):
                names[b] = (net, i)
    regs: dict[str, dict[int, tuple[int, Bit, str, Bit | None]]] = {}
    cut: set[int] = set()
    for cname, c in mod.get("cells", {}).items():
        if c["type"] not in CUT_FLOPS:
            continue
        (q,) = c["connections"]["Q"]
        (d,) = c["connections"]["D"]
        r = c["connections"]["R"][0] if c["type"] != "$_DFF_P_" else None
        if not isinstance(q, int) or q not in names:
            raise Unsupported(f"register bit without a public name ({cname})")
        net, i = names[q]
        regs.setdefault(net, {})[i] = (q, d, c["type"], r)
        cut.add(q)
    for net, bits in regs.items():
        width = max(bits) + 1
        if sorted(bits) != list(range(width)):
            raise Unsupported(f"register {net} is only partly a flip-flop")
        inputs[REG_IN + net] = [bits[i][0] for i in range(width)]
        outputs[REG_NEXT + net] = [bits[i][1] for i in range(width)]
        resets = [bits[i][3] for i in range(width) if bits[i][3] is not None]
        if resets:
            outputs[REG_RST + net] = resets
        if kinds is not None:
            kinds[net] = tuple(bits[i][2] for i in range(width))
    return cut


def _from_json(mod: dict, sequential: bool = False, prefer: frozenset[str] = frozenset()) -> GateNet:
    inputs: dict[str, list[Bit]] = {}
    outputs: dict[str, list[Bit]] = {}
    for name, p in mod.get("ports", {}).items():
        bits = list(p["bits"])
        if p["direction"] == "input":
            inputs[name] = bits
        elif p["direction"] == "output":
            outputs[name] = bits
        else:
            raise Unsupported(f"inout port {name}")
    kinds: dict[str, tuple[str, ...]] = {}
    if sequential:
        _cut_registers(mod, inputs, outputs, prefer, kinds)
    driver: dict[int, tuple[str, tuple[Bit, ...]]] = {}
    for cname, c in mod.get("cells", {}).items():
        t = c["type"]
        if (sequential and t in CUT_FLOPS) or t == "$scopeinfo":  # scope info: no logic (kept without -purge)
            continue
        if t not in GATE_INPUTS:
            raise Unsupported(f"cell {t} ({cname})")
        ins = []
        for port in GATE_INPUTS[t]:
            (b,) = c["connections"][port]
            ins.append(b)
        (y,) = c["connections"]["Y"]
        if isinstance(y, str):
            continue
        driver[y] = (t, tuple(ins))
    for bits in list(inputs.values()) + list(outputs.values()):
        for b in bits:
            if b in ("x", "z"):
                raise Unsupported("x/z constant on a port")
    for _t, ins in driver.values():
        for b in ins:
            if b in ("x", "z"):
                raise Unsupported("x/z constant in the logic")
    # topological order (iterative DFS from the outputs; loops are unsupported)
    order: list[tuple[str, int, tuple[Bit, ...]]] = []
    state: dict[int, int] = {}
    for bits in outputs.values():
        for root in bits:
            if not isinstance(root, int) or root not in driver or state.get(root) == 2:
                continue
            stack = [(root, 0)]
            while stack:
                b, i = stack.pop()
                t, ins = driver[b]
                if i == 0:
                    if state.get(b) == 1:
                        raise Unsupported("combinational loop")
                    state[b] = 1
                if i < len(ins):
                    stack.append((b, i + 1))
                    nb = ins[i]
                    if isinstance(nb, int) and nb in driver:
                        s = state.get(nb)
                        if s == 1:
                            raise Unsupported("combinational loop")
                        if s is None:
                            stack.append((nb, 0))
                else:
                    state[b] = 2
                    order.append((t, b, ins))
    return GateNet(inputs, outputs, order, kinds)


def gate_netlists(gold_il: Path, gate_il: Path, workdir: Path, timeout: float,
                  sequential: bool = False) -> tuple[GateNet, GateNet]:
    """Both designs as gate netlists.

    With ``sequential``, registers are cut by name (:data:`REG_IN`/:data:`REG_NEXT` pseudo ports, after
    ``dffunmap`` turns enables and synchronous resets into logic): equal functions then prove the
    designs equivalent from every pair of equal states, a sufficient condition only — a difference
    is no counterexample, since the differing state may be unreachable. Registers must correspond
    by name and width, with the same initial values; an asynchronous reset to a constant must be of the
    same polarity and value in both, its R input a pseudo output compared like the D inputs.

    Raises:
        Unsupported: a design holds state, x/z constants, inouts or cells that do not map to gates.
        ToolTimeout: Yosys exceeded ``timeout``.
    """
    out = workdir / "gates.json"
    ripple = workdir / "rtlopt_ripple_lcu.v"
    ripple.write_text(RIPPLE_LCU.read_text())
    script = "\n".join([f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}"]
                       + (["dffunmap"] if sequential else [])
                       + [f"techmap -map +/techmap.v -map {ripple.name}",
                          # sequential: public aliases of a register stay (the other design's name is
                          # preferred for its cut, see _cut_registers)
                          "opt_clean" if sequential else "opt_clean -purge",
                          f"write_json {out.name}"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        raise
    if res.returncode != 0 or not out.exists():
        raise Unsupported("yosys techmap failed")
    mods = json.loads(out.read_text()).get("modules", {})
    if GOLD not in mods or GATE not in mods:
        raise Unsupported("modules missing after techmap")
    g = _from_json(mods[GOLD], sequential, _public_names(mods[GATE]))
    h = _from_json(mods[GATE], sequential, _public_names(mods[GOLD]))
    if sequential:
        gr = {k: len(v) for k, v in g.inputs.items() if k.startswith(REG_IN)}
        hr = {k: len(v) for k, v in h.inputs.items() if k.startswith(REG_IN)}
        if gr != hr:
            raise Unsupported("registers do not correspond by name and width")
        if g.reg_kinds != h.reg_kinds or {k for k in g.outputs if k.startswith(REG_RST)} != \
                {k for k in h.outputs if k.startswith(REG_RST)}:
            raise Unsupported("registers of equal names differ in their asynchronous reset (polarity or value)")
        if _inits(mods[GOLD]) != _inits(mods[GATE]):
            raise Unsupported("registers start from different initial values")
    return g, h


def _inits(mod: dict) -> dict[str, str]:
    return {n: str(info.get("attributes", {}).get("init")) for n, info in mod.get("netnames", {}).items()
            if not info.get("hide_name") and "init" in info.get("attributes", {})}
