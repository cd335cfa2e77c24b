"""Refusing a model's rewrite before any tool sees it.

Three in-process checks on the pyslang syntax tree and module model, in this order:

1. **unsafe code**: system tasks that touch the host (``$system``, ``$fopen``/``$fwrite``/..., ``$readmem*``
   of a path the original does not read, or of an absolute / ``..`` path), DPI imports/exports,
   ```include`` of a file the original does not include (or of an absolute / ``..`` path);
2. **not synthesizable / changes simulation-synthesis semantics**: delays (``#5``), ``initial`` blocks
   with timing (or any ``initial`` when the original has none), ``force``/``release``/procedural
   ``assign``, ``wait``, ``fork``, ``final``, new ``full_case``/``parallel_case`` pragmas, and any
   change to the clock/reset events of the always blocks (which edges of which signals);
3. **interface changes**: every module of the original that is still used keeps its name, its ports
   (name, direction, width, signedness) and its parameters (name, default value); the top module must
   stay. Helper modules may be added; a submodule nothing instantiates any more may be dropped.

Each refusal is one line a person (and the model) can act on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pyslang import ast, syntax

_K = syntax.SyntaxKind

#: System functions that are synthesizable and harmless.
SAFE_SYSTEM = frozenset({
    "$signed", "$unsigned", "$clog2", "$bits", "$size", "$high", "$low", "$left", "$right", "$increment",
    "$dimensions", "$unpacked_dimensions", "$countones", "$onehot", "$onehot0", "$countbits", "$isunknown",
})
#: System tasks that reach the host: never added.
HOST_SYSTEM = frozenset({
    "$system", "$fopen", "$fclose", "$fwrite", "$fdisplay", "$fstrobe", "$fmonitor", "$fread", "$fscanf",
    "$fgets", "$fgetc", "$ungetc", "$fflush", "$feof", "$ferror", "$fseek", "$ftell", "$rewind", "$sformat",
    "$readmemh", "$readmemb", "$writememh", "$writememb", "$dumpfile", "$dumpvars", "$dumpon", "$dumpoff",
    "$dumpall", "$dumplimit", "$dumpflush", "$dumpports", "$value$plusargs", "$test$plusargs",
    "$getenv", "$sdf_annotate",
})
_UNSYNTH_KINDS = {
    "ProceduralForceStatement": "'force' is not synthesizable",
    "ProceduralReleaseStatement": "'release' is not synthesizable",
    "ProceduralAssignStatement": "procedural 'assign' is not synthesizable",
    "ProceduralDeassignStatement": "'deassign' is not synthesizable",
    "WaitStatement": "'wait' is not synthesizable",
    "WaitForkStatement": "'wait fork' is not synthesizable",
    "WaitOrderStatement": "'wait_order' is not synthesizable",
    "ParallelBlockStatement": "'fork ... join' is not synthesizable",
    "FinalBlock": "'final' blocks are not synthesizable",
    "EventTriggerStatement": "event triggers are not synthesizable",
    "ClassDeclaration": "classes are not synthesizable",
}
_INCLUDE = re.compile(r"`include\s+([\"<])([^\">]+)[\">]")
_PRAGMA = re.compile(r"\b(full_case|parallel_case)\b")
_EDGE = re.compile(r"\b(posedge|negedge)\s+([A-Za-z_][\w$]*)")


@dataclass(frozen=True)
class Refusal:
    """Why a rewrite is refused (``kind``: ``unsafe``, ``unsynthesizable``, ``interface``)."""

    kind: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{self.kind}: {where}{self.message}"


@dataclass
class _Scan:
    kinds: Counter
    system: list[tuple[str, str, int]]  # (name, call text, line)
    delays: list[int]
    initial_timing: list[int]
    initials: int
    unsynth: list[tuple[str, int]]
    includes: list[tuple[str, int]]
    pragmas: Counter
    edges: Counter
    dpi: list[int]


def _scan(text: str, name: str) -> _Scan:
    tree = syntax.SyntaxTree.fromText(text, name)
    sm = tree.sourceManager
    s = _Scan(Counter(), [], [], [], 0, [], [], Counter(), Counter(), [])

    def line_of(node) -> int:
        try:
            return sm.getLineNumber(node.sourceRange.start)
        except Exception:  # noqa: BLE001 - a line number is a nicety
            return 0

    def visit(node) -> bool:
        if not isinstance(node, syntax.SyntaxNode):
            return True
        k = str(node.kind).rsplit(".", 1)[-1]
        s.kinds[k] += 1
        if k == "InvocationExpression" and str(node.left).strip().startswith("$"):
            s.system.append((str(node.left).strip(), " ".join(str(node).split()), line_of(node)))
        elif k == "ExpressionStatement" and str(node).strip().startswith("$"):
            nm = re.match(r"\s*(\$[\w$]+)", str(node))
            if nm and "(" not in str(node):
                s.system.append((nm.group(1), " ".join(str(node).split()), line_of(node)))
        elif k in ("DelayControl", "Delay3", "CycleDelay"):
            s.delays.append(line_of(node))
        elif k == "InitialBlock":
            s.initials += 1
            body = str(node)
            if re.search(r"#\s*[\d(]|@\s*[(\w*]|\bwait\b", body):
                s.initial_timing.append(line_of(node))
        elif k in ("DPIImport", "DPIExport"):
            s.dpi.append(line_of(node))
        elif k in _UNSYNTH_KINDS:
            s.unsynth.append((k, line_of(node)))
        elif k == "AlwaysBlock" or k in ("AlwaysFFBlock", "AlwaysLatchBlock"):
            for e, sig in _EDGE.findall(str(node.statement) if hasattr(node, "statement") else str(node))[:8]:
                head = str(node).split(")", 1)[0]
                if sig in head:
                    s.edges[(e, sig)] += 1
        return True

    tree.root.visit(visit)
    for m in _INCLUDE.finditer(text):
        s.includes.append((m.group(2), text.count("\n", 0, m.start()) + 1))
    for m in re.finditer(r"//[^\n]*|/\*.*?\*/|\(\*.*?\*\)", text, re.S):
        for p in _PRAGMA.findall(m.group(0)):
            s.pragmas[p] += 1
    return s


def _outside(path: str) -> bool:
    return path.startswith(("/", "\\", "~")) or bool(re.match(r"[A-Za-z]:", path)) or ".." in re.split(r"[\\/]", path)


def check_safety(original: str, new: str, name: str = "design.v") -> list[Refusal]:
    """Unsafe and unsynthesizable constructs ``new`` adds relative to ``original`` (see module docs)."""
    o, n = _scan(original, name), _scan(new, name)
    out: list[Refusal] = []
    orig_calls = {" ".join(c.split()) for _nm, c, _l in o.system}
    orig_names = {nm for nm, _c, _l in o.system}
    for nm, call, line in n.system:
        if nm in SAFE_SYSTEM:
            continue
        if nm in HOST_SYSTEM:
            if nm.startswith("$readmem"):
                paths = re.findall(r"\"([^\"]*)\"", call)
                if any(_outside(p) for p in paths):
                    out.append(Refusal("unsafe", f"{nm} reads a file outside the design directory: {call[:80]}", line))
                    continue
                if call in orig_calls:
                    continue
            out.append(Refusal("unsafe", f"{nm} touches the host file system/environment; rewrites may not "
                                         "add file or system I/O", line))
        elif nm not in orig_names:
            out.append(Refusal("unsynthesizable", f"{nm} is a simulation-only system task; do not add it", line))
    if n.dpi:
        out.append(Refusal("unsafe", "DPI imports/exports call foreign code; not allowed", n.dpi[0]))
    orig_inc = {p for p, _l in o.includes}
    for p, line in n.includes:
        if _outside(p):
            out.append(Refusal("unsafe", f"`include of a path outside the design directory: {p}", line))
        elif p not in orig_inc:
            out.append(Refusal("unsafe", f"`include \"{p}\" is not in the original; do not add includes", line))
    if len(n.delays) > len(o.delays):
        out.append(Refusal("unsynthesizable", "delays (#...) are not synthesizable; remove them",
                           n.delays[0] if n.delays else None))
    if n.initial_timing:
        out.append(Refusal("unsynthesizable", "an initial block with timing controls is not synthesizable",
                           n.initial_timing[0]))
    elif n.initials > o.initials:
        out.append(Refusal("unsynthesizable", "adds an initial block: power-up values change reset behaviour "
                                              "and are not synthesizable on ASICs"))
    seen = set()
    for k, line in n.unsynth:
        if k not in seen and n.kinds[k] > o.kinds[k]:
            seen.add(k)
            out.append(Refusal("unsynthesizable", _UNSYNTH_KINDS[k], line))
    for p in ("full_case", "parallel_case"):
        if n.pragmas[p] > o.pragmas[p]:
            out.append(Refusal("unsynthesizable", f"adds a '{p}' pragma: it makes synthesis differ from "
                                                  "simulation; write a complete case instead"))
    if set(n.edges) != set(o.edges):
        gone = sorted(set(o.edges) - set(n.edges))
        new_e = sorted(set(n.edges) - set(o.edges))
        what = []
        if gone:
            what.append("removes " + ", ".join(f"@({e} {s})" for e, s in gone))
        if new_e:
            what.append("adds " + ", ".join(f"@({e} {s})" for e, s in new_e))
        out.append(Refusal("interface", "changes clock/reset events: " + "; ".join(what) +
                           " (clocking, reset behaviour and cycle timing must not change)"))
    return out


# --------------------------------------------------------------------------- interface
@dataclass(frozen=True)
class ModuleInterface:
    name: str
    ports: tuple[tuple[str, str, int, bool], ...]  # (name, direction, width, signed), declaration order
    params: tuple[tuple[str, str], ...]  # non-local parameters (name, value)


def module_interfaces(texts: list[tuple[str, str]]) -> tuple[dict[str, ModuleInterface], set[str], set[str]]:
    """Elaborated interfaces of every module reachable from the tops of ``texts`` ((name, text) pairs).

    Returns ``(interfaces, declared module names, instantiated module names)``.
    """
    comp = ast.Compilation()
    declared: set[str] = set()
    for nm, text in texts:
        tree = syntax.SyntaxTree.fromText(text, nm)
        comp.addSyntaxTree(tree)
        root = tree.root
        decls = [root] if root.kind == _K.ModuleDeclaration else [
            m for m in getattr(root, "members", ()) if m.kind == _K.ModuleDeclaration]
        declared.update(d.header.name.valueText for d in decls)
    root = comp.getRoot()
    out: dict[str, ModuleInterface] = {}
    instantiated: set[str] = set()
    stack = list(root.topInstances)
    while stack:
        inst = stack.pop(0)
        body = inst.body
        name = body.definition.name if hasattr(body, "definition") else inst.name
        if name in out:
            continue
        ports = []
        for p in body.portList:
            if not hasattr(p, "direction"):
                continue
            t = p.type
            d = str(p.direction.name)
            ports.append((p.name, {"In": "input", "Out": "output", "InOut": "inout"}.get(d, d.lower()),
                          int(getattr(t, "bitWidth", 1) or 1), bool(getattr(t, "isSigned", False))))
        params = []
        for prm in body.parameters:
            if getattr(prm, "isLocalParam", False) or not getattr(prm, "isPortParam", True):
                continue
            params.append((prm.name, str(getattr(prm, "value", ""))))
        out[name] = ModuleInterface(name, tuple(ports), tuple(params))
        for m in body:
            if m.kind == ast.SymbolKind.Instance:
                instantiated.add(m.body.definition.name)
                stack.append(m)
            elif m.kind in (ast.SymbolKind.GenerateBlock, ast.SymbolKind.GenerateBlockArray):
                stack.extend(_gen_instances(m, instantiated))
    return out, declared, instantiated


def _gen_instances(node, instantiated: set[str]) -> list:
    found = []
    for m in node:
        if m.kind == ast.SymbolKind.Instance:
            instantiated.add(m.body.definition.name)
            found.append(m)
        elif m.kind in (ast.SymbolKind.GenerateBlock, ast.SymbolKind.GenerateBlockArray):
            found.extend(_gen_instances(m, instantiated))
    return found


def check_interface(original: list[tuple[str, str]], new: list[tuple[str, str]], top: str) -> list[Refusal]:
    """Interface changes from ``original`` to ``new`` (lists of (file name, text) of the whole design)."""
    oi, _od, _oinst = module_interfaces(original)
    ni, nd, ninst = module_interfaces(new)
    out: list[Refusal] = []
    if top not in nd:
        return [Refusal("interface", f"the top module '{top}' is missing or renamed; keep the module name")]
    for name, o in oi.items():
        if name not in ni:
            if name == top or name in ninst or name in nd:
                out.append(Refusal("interface", f"module '{name}' could not be elaborated in the rewrite"))
            continue  # a submodule nothing uses any more
        n = ni[name]
        op = {p[0]: p for p in o.ports}
        np_ = {p[0]: p for p in n.ports}
        for pn, (_, d, w, sg) in op.items():
            if pn not in np_:
                out.append(Refusal("interface", f"module '{name}': port '{pn}' ({d}, {w} bit) is missing"))
                continue
            _, d2, w2, sg2 = np_[pn]
            if d2 != d:
                out.append(Refusal("interface", f"module '{name}': port '{pn}' changed direction {d} -> {d2}"))
            if w2 != w:
                out.append(Refusal("interface", f"module '{name}': port '{pn}' changed width {w} -> {w2} bits"))
            if sg2 != sg:
                out.append(Refusal("interface", f"module '{name}': port '{pn}' changed signedness"))
        for pn in np_:
            if pn not in op:
                out.append(Refusal("interface", f"module '{name}': new port '{pn}' (ports must not change)"))
        if [p[0] for p in o.ports] != [p[0] for p in n.ports] and set(op) == set(np_):
            out.append(Refusal("interface", f"module '{name}': port order changed (positional instances would break)"))
        opar, npar = dict(o.params), dict(n.params)
        for pn, v in opar.items():
            if pn not in npar:
                out.append(Refusal("interface", f"module '{name}': parameter '{pn}' is missing"))
            elif npar[pn] != v:
                out.append(Refusal("interface", f"module '{name}': parameter '{pn}' default changed {v} -> {npar[pn]}"))
        for pn in npar:
            if pn not in opar:
                out.append(Refusal("interface", f"module '{name}': new parameter '{pn}' (use localparam)"))
    return out
