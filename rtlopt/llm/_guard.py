"""Refusing a model's rewrite before any tool sees it.

In-process checks on the pyslang preprocessor output and syntax tree, in this order:

0. **what each tool sees**: the text is preprocessed under every define set a tool applies
   (:data:`DEFINE_SETS`: none, Yosys's ``SYNTHESIS``, Icarus's ``__ICARUS__``, Verilator's ``VERILATOR``)
   and every check below runs on each expansion. A rewrite may not add or change compiler directives
   (```define``, ```ifdef``, ```include``, ```timescale`` ...: the multiset of the original's directives
   bounds the rewrite's) nor change the code inside any ```ifdef``/```ifndef`` block (a build with
   other defines — the user's own flow — would change unverified); ```include`` is resolved after macro
   expansion and must name a file the original includes, inside the design's directory tree (no
   absolute or ``..`` paths). A rewrite whose expansions differ between define sets is refused unless
   the original's differ too (then, with every directive and conditional block kept, its edits are
   outside the conditional code and every tool sees the same edit);
1. **unsafe code**: system tasks that touch the host (``$system``, ``$fopen``/``$fwrite``/..., ``$readmem*``
   of a path the original does not read, or of an absolute / ``..`` path), DPI imports/exports;
2. **not synthesizable / changes simulation-synthesis semantics**: delays (``#5``), ``initial`` blocks
   with timing (or any ``initial`` when the original has none), ``force``/``release``/procedural
   ``assign``, ``wait``, ``fork``, ``final``, new ``full_case``/``parallel_case`` pragmas, and any
   change to the clock/reset events of the always blocks (which edges of which signals);
3. **interface changes**: every module of the original that is still used keeps its name, its ports
   (name, direction, width, signedness) and its parameters (name, default value); the top module must
   stay. Helper modules may be added; a submodule nothing instantiates any more may be dropped.

Each refusal is one line a person (and the model) can act on. The guard is the first line; the
second is :mod:`rtlopt.tools.sandbox`: tools that run untrusted text cannot write outside their
temp directory.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyslang
from pyslang import ast, parsing, syntax

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
    edges: Counter
    dpi: list[int]


def _scan(tree) -> _Scan:
    """What a (preprocessed) syntax tree contains that the guard cares about."""
    sm = tree.sourceManager
    s = _Scan(Counter(), [], [], [], 0, [], Counter(), [])

    def line_of(node) -> int:
        try:
            return sm.getLineNumber(sm.getFullyOriginalLoc(node.sourceRange.start))
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
    return s


def _outside(path: str) -> bool:
    return path.startswith(("/", "\\", "~")) or bool(re.match(r"[A-Za-z]:", path)) or ".." in re.split(r"[\\/]", path)


# --------------------------------------------------------------------------- preprocessing
#: The define sets the tools rtlopt runs apply (the guard checks the text each of them sees).
DEFINE_SETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("none", ()), ("SYNTHESIS", ("SYNTHESIS",)), ("__ICARUS__", ("__ICARUS__",)), ("VERILATOR", ("VERILATOR",)),
)
#: Compiler directives (IEEE 1800-2017 clause 22 and the usual tool extensions).
DIRECTIVES = frozenset({
    "define", "undef", "undefineall", "ifdef", "ifndef", "elsif", "else", "endif", "include", "line", "pragma",
    "resetall", "celldefine", "endcelldefine", "timescale", "default_nettype", "unconnected_drive",
    "nounconnected_drive", "begin_keywords", "end_keywords", "default_decay_time", "default_trireg_strength",
    "delay_mode_distributed", "delay_mode_path", "delay_mode_unit", "delay_mode_zero", "protect", "endprotect",
    "protected", "endprotected", "uselib", "suppress_faults", "nosuppress_faults", "enable_portfaults",
    "disable_portfaults", "accelerate", "noaccelerate", "expand_vectornets", "noexpand_vectornets",
    "autoexpand_vectornets", "remove_gatenames", "noremove_gatenames", "remove_netnames", "noremove_netnames",
    "systemc_header",
})
_DIRECTIVE = re.compile(r"`([A-Za-z_]\w*)")
#: Characters tools may read differently (a lone CR, other C0 controls, NEL, LS, PS, BOM inside the text).
_ODD_CHARS = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]")
_WITH_ARG_LINE = {"define", "timescale", "default_nettype", "line", "pragma", "begin_keywords", "unconnected_drive",
                  "default_decay_time", "default_trireg_strength", "uselib", "protect"}


def _code_only(text: str) -> str:
    """``text`` with comments blanked (newlines kept) and backquotes inside string literals neutralized."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "`" and i + 1 < n and text[i + 1] == '"':  # `" inside a macro body is not a string
            i += 2
        elif c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
        elif c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] not in '"\n':
                if text[j] == "`":
                    out[j] = "\x01"
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return "".join(out)


@dataclass(frozen=True)
class Directive:
    name: str
    key: str  # the directive with its arguments, whitespace-normalized (what is compared)
    start: int
    end: int
    line: int


def directives(text: str) -> list[Directive]:
    """The compiler directives of ``text`` in order (comments and string literals excluded)."""
    code = _code_only(text)
    out: list[Directive] = []
    for m in _DIRECTIVE.finditer(code):
        nm = m.group(1)
        if nm not in DIRECTIVES:
            continue
        end = m.end()
        if nm in _WITH_ARG_LINE:
            while True:  # the logical line (a define body continues after a backslash)
                eol = code.find("\n", end)
                eol = len(code) if eol < 0 else eol
                if nm == "define" and code[:eol].rstrip(" \t\r").endswith("\\"):
                    end = eol + 1
                    continue
                end = eol
                break
        elif nm in ("ifdef", "ifndef", "elsif", "undef"):
            a = re.compile(r"\s*[A-Za-z_]\w*").match(code, end)
            end = a.end() if a else end
        elif nm == "include":
            a = re.compile(r"\s*(\"[^\"\n]*\"|<[^>\n]*>|`[A-Za-z_]\w*(\s*\([^)\n]*\))?)").match(code, end)
            end = a.end() if a else end
        arg = " ".join(code[m.end():end].replace("\\\n", " ").split())
        out.append(Directive(nm, f"`{nm} {arg}".strip(), m.start(), end, code.count("\n", 0, m.start()) + 1))
    return out


def conditional_regions(text: str) -> list[str]:
    """The text of every outermost ```ifdef``/```ifndef`` ... ```endif`` block (comments removed,
    whitespace-normalized), in order."""
    code = _code_only(text)
    out, depth, start = [], 0, 0
    for d in directives(text):
        if d.name in ("ifdef", "ifndef"):
            if depth == 0:
                start = d.start
            depth += 1
        elif d.name == "endif" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append(" ".join(code[start:d.end].split()))
    if depth:
        out.append(" ".join(code[start:].split()))
    return out


def _tree(text: str, name: str, path: str, defines: tuple[str, ...], include_dirs: tuple[str, ...], depth: int):
    po = parsing.PreprocessorOptions()
    po.predefines = list(defines)
    po.maxIncludeDepth = depth
    po.additionalIncludePaths = list(include_dirs)
    return syntax.SyntaxTree.fromText(text, pyslang.SourceManager(), name, path, pyslang.Bag([po]))


def _includes(tree) -> list[tuple[str, int]]:
    """The file names of the ```include`` directives the preprocessor acted on, after macro expansion."""
    sm = tree.sourceManager
    found: list[tuple[str, int]] = []

    def visit(node) -> bool:
        if isinstance(node, parsing.Token):
            for tr in node.trivia:
                if tr.kind == parsing.TriviaKind.Directive:
                    s = tr.syntax()
                    if s is not None and s.kind == _K.IncludeDirective:
                        try:
                            line = sm.getLineNumber(sm.getFullyOriginalLoc(s.sourceRange.start))
                        except Exception:  # noqa: BLE001
                            line = 0
                        found.append((s.fileName.valueText or str(s.fileName).strip(), line))
        return True

    tree.root.visit(visit)
    return found


def _expanded(tree) -> str:
    """The token stream a tool compiles (macros and includes expanded, inactive branches dropped)."""
    p = syntax.SyntaxPrinter()
    p.setIncludeTrivia(True)
    p.setIncludeComments(False)
    p.setIncludeDirectives(False)
    p.setIncludeSkipped(False)
    p.setIncludeMissing(False)
    p.setExpandMacros(True)
    p.setExpandIncludes(True)
    return " ".join(p.print(tree).str().split())


@dataclass
class _View:
    """One define set's view of a text."""

    includes: list[tuple[str, int]]
    expanded: str = ""
    scan: _Scan | None = None


def _resolve_include(name: str, base: Path | None, include_dirs: tuple[str, ...]) -> Path | None:
    for d in ([base.parent] if base is not None else []) + [Path(x) for x in include_dirs]:
        q = d / name
        if q.exists():
            return q.resolve()
    return None


@functools.lru_cache(maxsize=64)
def _views(text: str, name: str, path: str, include_dirs: tuple[str, ...], expand: bool,
           user_defines: tuple[str, ...] = ()) -> tuple[_View, ...]:
    out = []
    for _label, defs in DEFINE_SETS:
        defs = (*user_defines, *defs)
        v = _View(_includes(_tree(text, name, path, defs, include_dirs, 0)))
        if expand:
            full = _tree(text, name, path, defs, include_dirs, 16)
            v.expanded = _expanded(full)
            v.scan = _scan(full)
        out.append(v)
    return tuple(out)


def check_preprocessing(original: str, new: str, name: str = "design.v", *, path: str | Path | None = None,
                        include_dirs: tuple[str | Path, ...] = ()) -> tuple[list[Refusal], tuple, tuple]:
    """Refusals about directives, includes and tool-dependent text; plus both texts' per-define-set views
    (empty when refused before expansion)."""
    out: list[Refusal] = []
    odd = sorted(set(_ODD_CHARS.findall(new)) - set(_ODD_CHARS.findall(original)))
    if odd:  # tools disagree on where a comment or a line ends with these: what each of them sees is unclear
        line = new.count("\n", 0, new.index(odd[0])) + 1
        out.append(Refusal("unsafe", "contains control or line-separator characters ("
                           + ", ".join(f"U+{ord(c):04X}" for c in odd[:4]) + "); use plain text", line))
    od, nd = directives(original), directives(new)
    added = Counter(d.key for d in nd) - Counter(d.key for d in od)
    for d in nd:
        if added.get(d.key, 0) > 0:
            added[d.key] -= 1
            if d.name == "include":
                continue  # reported below with the file it names
            out.append(Refusal("unsafe", f"adds the compiler directive {d.key[:60]!r}; rewrites may not add or "
                                         "change preprocessor directives", d.line))
    if not out and conditional_regions(new) != conditional_regions(original):
        # code under `ifdef X is what a build with X defined (the user's own flow, a simulator) compiles:
        # rtlopt proves only its own view, so a rewrite must keep every conditional block as it is
        out.append(Refusal("unsafe", "changes code inside an `ifdef/`ifndef block (other builds of the design would "
                                     "change unverified); a rewrite must keep every `ifdef/`ifndef block exactly "
                                     "as it is"))
    base = Path(path).resolve() if path else None
    user_defs: tuple[str, ...] = ()
    try:  # the user's -I/-D (rtlopt.hdl.project): every tool gets them, so the guard does too
        from rtlopt.hdl.project import active

        proj = active()
        include_dirs = (*include_dirs, *proj.include_dirs)
        user_defs = tuple(k if v is None else f"{k}={v}" for k, v in proj.defines)
    except ImportError:
        pass
    incs = tuple(str(Path(x).resolve()) for x in include_dirs)
    roots = [base.parent] if base is not None else []
    roots += [Path(x) for x in incs]
    spath = str(base) if base is not None else ""
    ov = _views(original, name, spath, incs, False, user_defs)
    nv = _views(new, name, spath, incs, False, user_defs)
    inc_refusals: list[list[Refusal]] = []
    for o, n in zip(ov, nv, strict=True):
        orig_inc = Counter(p for p, _l in o.includes)
        found = []
        for p, line in n.includes:
            bare = p.strip('"<>')
            if orig_inc[p] > 0:
                orig_inc[p] -= 1
                continue  # the original includes this very file under this define set
            if _outside(bare):
                msg = f"`include of a path outside the design directory: {bare}"
            else:
                q = _resolve_include(bare, base, incs)
                if q is not None and not any(q.is_relative_to(r.resolve()) for r in roots):
                    msg = f"`include of a path outside the design directory: {bare} -> {q}"
                else:
                    msg = f"`include \"{bare}\" is not in the original; do not add includes"
            found.append(Refusal("unsafe", msg, line))
        inc_refusals.append(found)
    out += _merge(inc_refusals)
    if out:
        return out, (), ()
    ov = _views(original, name, spath, incs, True, user_defs)
    nv = _views(new, name, spath, incs, True, user_defs)
    o_diff = len({v.expanded for v in ov}) > 1
    n_diff = len({v.expanded for v in nv}) > 1
    if n_diff and not o_diff:
        sets = [lbl for (lbl, _), v in zip(DEFINE_SETS, nv, strict=True) if v.expanded != nv[0].expanded]
        out.append(Refusal("unsafe", "the rewrite reads differently when " + ", ".join(sets) + " is defined "
                           "(synthesis, proof and simulation would see different designs)"))
    elif (o_diff or n_diff) and (Counter(d.key for d in nd) != Counter(d.key for d in od)
                                 or conditional_regions(new) != conditional_regions(original)):
        out.append(Refusal("unsafe", "the design reads differently under SYNTHESIS/__ICARUS__/VERILATOR; a rewrite "
                                     "must keep every `ifdef/`ifndef block and every directive exactly as it is"))
    return out, ov, nv


def check_safety(original: str, new: str, name: str = "design.v", *, path: str | Path | None = None,
                 include_dirs: tuple[str | Path, ...] = ()) -> list[Refusal]:
    """Unsafe and unsynthesizable constructs ``new`` adds relative to ``original`` (see module docs),
    checked in the text every tool sees: once per define set of :data:`DEFINE_SETS`."""
    out, ov, nv = check_preprocessing(original, new, name, path=path, include_dirs=include_dirs)
    if not ov:
        return out
    out += _merge([_scan_diff(o.scan, n.scan) for o, n in zip(ov, nv, strict=True)])
    o_pr, n_pr = _pragmas(original), _pragmas(new)
    for p in ("full_case", "parallel_case"):
        if n_pr[p] > o_pr[p]:
            out.append(Refusal("unsynthesizable", f"adds a '{p}' pragma: it makes synthesis differ from "
                                                  "simulation; write a complete case instead"))
    return out


def _merge(per_set: list[list[Refusal]]) -> list[Refusal]:
    """One refusal per message over the define sets, naming the sets when not all of them show it."""
    sets: dict[str, list[str]] = {}
    first: dict[str, Refusal] = {}
    for (label, _defs), found in zip(DEFINE_SETS, per_set, strict=True):
        for r in found:
            key = f"{r.kind}: {r.message}"
            if label not in sets.setdefault(key, []):
                sets[key].append(label)
            first.setdefault(key, r)
    out = []
    for key, r in first.items():
        where = sets[key]
        if "none" not in where:
            r = Refusal(r.kind, f"{r.message} (only when {' or '.join(where)} is defined)", r.line)
        out.append(r)
    return out


def _pragmas(text: str) -> Counter:
    c: Counter = Counter()
    for m in re.finditer(r"//[^\n]*|/\*.*?\*/|\(\*.*?\*\)", text, re.S):
        for p in _PRAGMA.findall(m.group(0)):
            c[p] += 1
    return c


def _scan_diff(o: _Scan, n: _Scan) -> list[Refusal]:
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
    if len(n.dpi) > len(o.dpi):
        out.append(Refusal("unsafe", "DPI imports/exports call foreign code; not allowed", n.dpi[0]))
    if len(n.delays) > len(o.delays):
        out.append(Refusal("unsynthesizable", "delays (#...) are not synthesizable; remove them",
                           n.delays[0] if n.delays else None))
    if len(n.initial_timing) > len(o.initial_timing):
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
