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

The port shape is only a hypothesis: the equivalence proof against the original decides, so a
netlist that computes something else (a subtractor, a saturating adder) is never accepted. Cell
modules that are no longer instantiated are left in place (other files may use them; synthesis of
the top drops them).
"""

from __future__ import annotations

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
