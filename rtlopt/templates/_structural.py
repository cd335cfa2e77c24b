"""Structural arithmetic to operators: a hand-built adder or multiplier netlist becomes ``+`` / ``*``.

A module whose body is only a netlist (cell instances, gate primitives, generate loops of them,
bit-level continuous assignments or ``always @*``/``always_comb`` blocks, declarations; nothing
clocked at module level) and whose port shape is
that of an adder or a multiplier is offered as the operator it probably implements:

* two unsigned ``n``-bit inputs, optionally a 1-bit carry-in, and an ``n+1``-bit sum or an ``n``-bit
  sum plus a 1-bit carry-out → ``assign {cout, sum} = a + b + cin;``
* two unsigned inputs of ``n`` and ``m`` bits and one ``n+m``-bit output → ``assign p = a * b;``
  and, as an alternative, the same product as radix-4 partial products (see
  :mod:`rtlopt.templates._mulsplit`), which maps to fewer cells than generic ``*``.

The port shape is only a hypothesis, so before it is offered the module is simulated (Yosys gate
netlist of the module as top, 256 input vectors: corners and random) and compared with the operator:
a module of that shape computing something else (a wrapper around a comparator whose outputs are
``{tie, low_bin}``, a subtractor, a saturating adder) is not offered -- each cost a NOT_EQUIVALENT
proof. Only a module the simulation cannot model (Yosys cannot elaborate the text alone: its cells
in another file) is offered on its shape, the proof deciding. Cell modules that are no longer
instantiated are left in place (other files may use them; synthesis of the top drops them).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pyslang import ast

from rtlopt.hdl.edit import Edit
from rtlopt.templates._base import Match, Template
from rtlopt.templates._expr import kind_name
from rtlopt.templates._mulsplit import MAX_DIGIT_OPERAND, MAX_OTHER_OPERAND, MIN_DIGIT_OPERAND, split_product
from rtlopt.templates._sem import Analysis

_NETLIST = {"PortDeclaration", "DataDeclaration", "NetDeclaration", "GenvarDeclaration", "GenerateRegion",
            "LoopGenerate", "ContinuousAssign", "HierarchyInstantiation", "PrimitiveInstantiation"}
_CELLS = {"HierarchyInstantiation", "PrimitiveInstantiation", "GenerateRegion", "LoopGenerate"}


def _comb_block(member) -> bool:
    """``always @*`` or ``always_comb``: combinational logic like a continuous assignment."""
    k = kind_name(member)
    if k == "AlwaysCombBlock":
        return True
    st = getattr(member, "statement", None)
    return k == "AlwaysBlock" and kind_name(st) == "TimingControlStatement" and \
        kind_name(st.timingControl) == "ImplicitEventControl"


def _modules(an: Analysis) -> list:
    root = an.tree.root
    if kind_name(root) == "ModuleDeclaration":
        return [root]
    return [m for m in getattr(root, "members", ()) if kind_name(m) == "ModuleDeclaration"]


def _instantiated(node, out: dict[str, int]) -> None:
    """Count module instantiations (by module name) anywhere under a syntax node."""
    if kind_name(node) == "HierarchyInstantiation":
        name = node.type.valueText
        out[name] = out.get(name, 0) + 1
    for child in node:
        if hasattr(child, "kind") and not hasattr(child, "valueText"):
            _instantiated(child, out)


def _ports(an: Analysis, name: str) -> list[tuple[str, str, int]] | None:
    """``(name, "in"|"out", width)`` of every port of module ``name``, or None if any is not plain."""
    found = _port_symbols(an, name)
    if found is None:
        return None
    out = []
    for p in found:
        if not isinstance(p, ast.PortSymbol) or p.type.isSigned:
            return None
        d = str(p.direction).split(".")[-1]
        if d not in ("In", "Out") or not p.type.bitWidth:
            return None
        out.append((p.name, d.lower(), int(p.type.bitWidth)))
    return out


def _port_symbols(an: Analysis, name: str) -> list | None:
    for s in an.symbols:
        if isinstance(s, ast.InstanceSymbol) and s.definition.name == name:
            return list(s.body.portList)
    return None


def _variable_outputs(an: Analysis, name: str) -> bool:
    """Some output port of module ``name`` is a variable (``output reg``): it cannot be ``assign``ed in
    Verilog, so the operator is written as ``always @*``."""
    return any(isinstance(p, ast.PortSymbol) and str(p.direction).endswith("Out")
               and isinstance(p.internalSymbol, ast.VariableSymbol) for p in _port_symbols(an, name) or ())


def hypotheses(ports: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """``(kind, assignment text)`` for each arithmetic function the port shape suggests."""
    ins = [p for p in ports if p[1] == "in"]
    outs = [p for p in ports if p[1] == "out"]
    wide_in = [p for p in ins if p[2] > 1]
    carry_in = [p for p in ins if p[2] == 1]
    out = []
    if len(wide_in) == 2 and len(carry_in) <= 1 and len(ins) == 2 + len(carry_in):
        (a, _, wa), (b, _, wb) = wide_in
        cin = f" + {carry_in[0][0]}" if carry_in else ""
        if wa == wb:
            n = wa
            if len(outs) == 1 and outs[0][2] == n + 1:
                out.append(("adder", f"assign {outs[0][0]} = {a} + {b}{cin};"))
            elif len(outs) == 2 and sorted(o[2] for o in outs) == [1, n]:
                s = next(o for o in outs if o[2] == n)[0]
                c = next(o for o in outs if o[2] == 1)[0]
                out.append(("adder", f"assign {{{c}, {s}}} = {a} + {b}{cin};"))
        if not carry_in and len(outs) == 1 and outs[0][2] == wa + wb:
            p = outs[0][0]
            out.append(("multiplier", f"assign {p} = {a} * {b};"))
            x, y, wy = (a, b, wb) if wb <= wa else (b, a, wa)
            if MIN_DIGIT_OPERAND <= wy <= MAX_DIGIT_OPERAND and max(wa, wb) <= MAX_OTHER_OPERAND:
                out.append(("multiplier (radix-4 partial products)", f"assign {p} = {split_product(x, y, wy)};"))
    return out


#: input vectors the hypothesis is simulated on (64 per word)
SIM_WORDS = 4
_SIM_CACHE: dict[tuple[str, str], dict | bool | None] = {}


def _function(kind: str, ports: list[tuple[str, str, int]], vals: dict[str, int]) -> dict[str, int]:
    """The output values the hypothesis ``kind`` (of :func:`hypotheses` for ``ports``) gives on ``vals``."""
    ins = [p for p in ports if p[1] == "in"]
    outs = [p for p in ports if p[1] == "out"]
    (a, _, wa), (b, _, wb) = [p for p in ins if p[2] > 1]
    if kind == "adder":
        t = vals[a] + vals[b] + sum(vals[p[0]] for p in ins if p[2] == 1)
        if len(outs) == 1:
            return {outs[0][0]: t & ((1 << (wa + 1)) - 1)}
        s_ = next(o for o in outs if o[2] == wa)[0]
        c = next(o for o in outs if o[2] == 1)[0]
        return {s_: t & ((1 << wa) - 1), c: (t >> wa) & 1}
    return {outs[0][0]: (vals[a] * vals[b]) & ((1 << (wa + wb)) - 1)}


def _simulate(text: str, name: str, ports: list[tuple[str, str, int]]) -> dict | bool | None:
    """Input and output values (``{port: [int per vector]}``) of module ``name`` of ``text`` on corner and
    random input vectors; False when it is no combinational function of its inputs (flip-flops, an
    output bit that depends on x); None when it cannot be simulated (Yosys cannot read the text alone,
    a cell the model does not know)."""
    key = (text, name)
    if key in _SIM_CACHE:
        return _SIM_CACHE[key]
    from rtlopt.semantic import seqsim

    got: dict | bool | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="rtlopt-structural-") as tmp:
            f = Path(tmp) / "structural.sv"
            f.write_text(text)
            _coarse, gjs = seqsim.yosys_json([f], name, timeout=30.0)
        got = _eval_module(seqsim._module(gjs, name), ports)
    except Exception:  # noqa: BLE001 - Yosys rejects the text alone or the model does not cover it
        got = None
    if len(_SIM_CACHE) >= 32:
        _SIM_CACHE.pop(next(iter(_SIM_CACHE)))
    _SIM_CACHE[key] = got
    return got


def _eval_module(mod: dict, ports: list[tuple[str, str, int]]) -> dict | bool | None:
    import numpy as np  # here, not at module import: rtlopt check starts 0.1-0.2 s faster

    from rtlopt.semantic import seqsim

    ones = seqsim.ONES
    w = SIM_WORDS
    rng = np.random.default_rng(1)
    val: dict = {"0": (np.zeros(w, np.uint64), np.full(w, ones)), "1": (np.full(w, ones), np.full(w, ones)),
                 "x": (np.zeros(w, np.uint64), np.zeros(w, np.uint64)),
                 "z": (np.zeros(w, np.uint64), np.zeros(w, np.uint64))}
    pm = mod.get("ports", {})
    if {p for p, _d, _w in ports} != set(pm):
        return None
    first = next((p for p, d, wd in ports if d == "in" and wd > 1), None)
    for p, d, _wd in ports:
        if d != "in":
            continue
        for i, b in enumerate(pm[p]["bits"]):
            if not isinstance(b, int):
                return None
            v = rng.integers(0, 2**64, size=w, dtype=np.uint64)
            # lanes 0..3: every input all zeros; all ones; the first wide input all ones and the others
            # 1 (a carry through every bit); alternating bits
            lane = 0b0010 | (0b0100 if p == first or i == 0 else 0) | (0b1000 if i % 2 else 0)
            v[0] = (v[0] & ~np.uint64(0xF)) | np.uint64(lane)
            val[b] = (v, np.full(w, ones))
    driver = {}
    for c in mod.get("cells", {}).values():
        t = c["type"]
        if t == "$scopeinfo":
            continue
        if t not in seqsim._GATES:
            return False if "DFF" in t or "DLATCH" in t.upper() or "dff" in t else None
        driver[c["connections"]["Y"][0]] = (t, [c["connections"][q][0] for q in seqsim._GATES[t]])

    def get(b):
        stack = [b]
        while stack:
            x = stack[-1]
            if x in val:
                stack.pop()
                continue
            if x not in driver:
                val[x] = val["x"]  # undriven
                stack.pop()
                continue
            t, ins = driver[x]
            missing = [i for i in ins if i not in val]
            if missing:
                if len(stack) > 4 * len(driver) + 8:
                    raise seqsim.NotModelled("combinational loop")
                stack.extend(missing)
                continue
            val[x] = seqsim._eval3(t, [val[i] for i in ins])
            stack.pop()
        return val[b]

    lanes = 64 * w
    out: dict[str, list[int]] = {}
    for p, _d, _wd in ports:
        vs = [get(b) for b in pm[p]["bits"]]
        if any((k != ones).any() for _v, k in vs):
            return False  # an output bit depends on x: no arithmetic function
        ints = [0] * lanes
        for i, (v, _k) in enumerate(vs):
            bits = np.unpackbits(v.view(np.uint8), bitorder="little")
            for ln in np.nonzero(bits)[0]:
                ints[int(ln)] |= 1 << i
        out[p] = ints
    return out


def _confirmed(an: Analysis, name: str, ports: list[tuple[str, str, int]], kind: str) -> bool:
    """Whether the module computes the hypothesis on the simulated vectors (True when it cannot be
    simulated: the proof decides, as before)."""
    sim = _simulate(an.text, name, ports)
    if sim is None:
        return True
    if sim is False:
        return False
    lanes = len(next(iter(sim.values())))
    ins = [p for p, d, _w in ports if d == "in"]
    for ln in range(lanes):
        exp = _function(kind, ports, {p: sim[p][ln] for p in ins})
        if any(sim[o][ln] != v for o, v in exp.items()):
            return False
    return True


class StructuralAdderToOperator(Template):
    """A netlist-only module shaped like an adder/multiplier → one ``+`` / ``*`` assignment."""

    id = "structural_adder_to_operator"
    rule = "structural_adder_to_operator"
    description = "replace a gate-level adder or multiplier netlist by an arithmetic operator"

    def find(self, an: Analysis) -> list[Match]:
        mods = _modules(an)
        out = []
        for mod in mods:
            kinds = [kind_name(m) for m in mod.members]
            # combinational always blocks are logic like assignments; anything clocked is not a netlist
            if not kinds or any(k not in _NETLIST and not _comb_block(m) for k, m in zip(kinds, mod.members,
                                                                                          strict=True)) \
                    or not any(k in _CELLS for k in kinds):
                continue
            if mod.header.parameters is not None:
                continue
            name = mod.header.name.valueText
            ports = _ports(an, name)
            if not ports:
                continue
            hyps = hypotheses(ports)
            if not hyps:
                continue
            # the shape is a guess: the module's own simulation must compute the operator
            hyps = [(k, t) for k, t in hyps if _confirmed(an, name, ports, k.split(" ")[0])]
            if not hyps:
                continue
            # cell modules it no longer instantiates stay: other files of the project may use them, and
            # synthesis of the top drops modules nothing instantiates, so they cost nothing
            edits: list[Edit] = []
            ms, me = an.span(mod)
            he = an.span(mod.header)[1]
            keep = [an.text[slice(*an.span(m))] for m in mod.members if kind_name(m) == "PortDeclaration"]
            var_out = _variable_outputs(an, name)
            for kind, text in hyps:
                if var_out and text.startswith("assign "):
                    text = "always @* " + text[len("assign "):]
                body = "".join(f"\n  {k}" for k in keep) + f"\n  {text}\nendmodule"
                out.append(self._m(an, ms, me, f"module {name} as a {kind}: {text}",
                                   [*edits, Edit(he, me, body)]))
        return out
