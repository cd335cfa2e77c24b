"""Finding state machines in RTL (pyslang AST + z3; pure Python).

A register is a state register when it is clocked, its next value depends on itself, it is
the selector of a ``case`` (or the bits tested by a one-hot ``case (1'b1)``) or named like a
state, and its reachable values from reset are few. Everything else follows from the symbolic
semantics (:mod:`rtlopt.fsm._symbolic`): coding style (one/two/three processes, localparam,
`define, enum, one-hot, casez) does not matter because the blocks are executed, not pattern-matched.

Every register that looks like a state machine but is not extracted gets a :class:`Rejection`
naming the construct and line.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field

import z3
from pyslang import ast, syntax

from rtlopt.design import DesignRef
from rtlopt.errors import InputError
from rtlopt.fsm._symbolic import (
    LATCH_SUFFIX,
    UNK_PREFIX,
    X_PREFIX,
    ModuleSemantics,
    SymbolicError,
    _Executor,
    analyze_body,
    b2bv,
    bv_const,
    truth,
    var_names,
    z3_vars,
)
from rtlopt.fsm.model import Fsm, SourceInfo, Transition

MAX_STATES = 256
#: Default time limit (s) for one :func:`extract` call; no analysis step is unbounded.
DEFAULT_TIMEOUT_S = 30.0
#: Most guard pieces one transition is split into by don't-care output bits (2**bits otherwise);
#: past it, the remaining x bits are modelled as the value they take with x = 0 (a refinement).
MAX_PIECES = 64
#: Most variable bits of an expression whose don't-care region is computed by quantifier elimination.
MAX_DC_BITS = 40
#: Most don't-care output bits one transition is split on with solver calls (past the truth tables'
#: input width): more, and every x output bit takes its x = 0 value (a refinement, as past MAX_PIECES).
#: A CPU's memory-interface machine has 196 x bits over 128 registers written beside it: each split
#: took ~5 s of z3 and the module's analysis never finished (picorv32.v's mem_state, > 300 s).
MAX_Z3_REGIONS = 32

_LIMIT = threading.local()


class _OutOfTime(Exception):
    """The extraction's deadline passed (caught in :func:`extract`)."""


def _tick() -> None:
    dl = getattr(_LIMIT, "deadline", None)
    if dl is not None and time.monotonic() > dl:
        raise _OutOfTime


def _z3_ms() -> int:
    """Milliseconds left for one z3 call (0 = no limit)."""
    dl = getattr(_LIMIT, "deadline", None)
    if dl is None:
        return 0
    left = dl - time.monotonic()
    if left <= 0:
        raise _OutOfTime
    return max(1, int(left * 1000))
_STATE_NAME = re.compile(r"(^|_)(state|st|fsm|ps|cs|current|curr|cur)(_|$)|state", re.I)
_RESET_NAME = re.compile(r"rst|reset|clear|clr|init", re.I)
_PRAGMA = re.compile(r"//\s*rtlopt:\s*(assume|unreachable)\s+(.+?)\s*$", re.M)


@dataclass
class Rejection:
    """Something that looks like a state machine but was not extracted."""

    module: str
    file: str
    line: int
    signal: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.module}.{self.signal}: not extracted: {self.reason}"


@dataclass
class Extraction:
    """All FSMs found in a design, the rejections, and notes about blocks that were not analysed."""

    fsms: list[Fsm] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _module_texts(design: DesignRef) -> dict[str, tuple[str, str, int, int]]:
    """module name -> (file, file text, start offset, end offset)."""
    out: dict[str, tuple[str, str, int, int]] = {}
    for src, tree in zip(design.parsed.sources, design.parsed.trees, strict=True):
        root = tree.root
        decls = [root] if root.kind == syntax.SyntaxKind.ModuleDeclaration else [
            m for m in getattr(root, "members", ()) if m.kind == syntax.SyntaxKind.ModuleDeclaration]
        for d in decls:
            out[d.header.name.valueText] = (str(src.path), src.text, d.sourceRange.start.offset,
                                            d.sourceRange.end.offset)
    return out


def _bodies(design: DesignRef, below_top: bool = False) -> list:
    import pyslang

    from rtlopt.hdl.project import active

    opts = ast.CompilationOptions()
    if below_top:  # elaborate only the top and the modules below it, not every uninstantiated module
        opts.topModules = {design.top}
    params = active().params
    if params:  # the project's -G values (the top-level modules' parameters, as Yosys' chparam)
        opts.paramOverrides = [f"{k}={v}" for k, v in params]
    comp = ast.Compilation(pyslang.Bag([opts]))
    for t in design.parsed.trees:
        comp.addSyntaxTree(t)
    root = comp.getRoot()
    seen: dict[str, object] = {}
    stack = list(root.topInstances)
    while stack:
        inst = stack.pop(0)
        body = inst.body
        name = body.definition.name if hasattr(body, "definition") else inst.name
        if name in seen:
            continue
        seen[name] = body
        stack.extend(_instances(body))
    return [(n, b, comp) for n, b in seen.items()]


def _port_ties(bodies: list, top: str, limit: int = 20000) -> dict[str, dict[str, tuple[int, int]]]:
    """module -> {input port: (value, width)} for the inputs that EVERY instance of the module in the
    elaborated design (the top and below, every parameterization) connects to the same constant
    (``.aux_en(1'b0)``, a parameter of the parent). The optimized unit is the whole top and its proof
    is on the whole top, so the module's machine is analysed with those inputs at their constants:
    states entered only when such an input is 1 are unreachable there. A module whose instances tie
    a port differently (or connect it to a signal in one instance) gets no tie for that port."""
    from rtlopt.fsm._symbolic import _bits_int, _bits_of

    per: dict[str, dict[str, tuple[int, int] | None]] = {}
    stack = [b for n, b, _c in bodies if n == top][:1]
    seen = 0
    while stack:
        body = stack.pop()
        for inst in _instances(body):
            seen += 1
            if seen > limit:
                return {}  # too large a hierarchy to be sure every instance was seen: no ties
            ib = inst.body
            mod = ib.definition.name if hasattr(ib, "definition") else inst.name
            ports: dict[str, tuple[int, int] | None] = {}
            try:
                for pc in inst.portConnections:
                    if not str(pc.port.direction).endswith(".In"):
                        continue
                    e, val = pc.expression, None
                    cv = None if e is None else e.constant
                    if cv is None and e is not None:  # a parameter expression (``.en(HAS_X != 0)``)
                        try:
                            got = e.eval(ast.EvalContext(body))
                            cv = got if got is not None and str(got) != "<unset>" else None
                        except Exception:  # noqa: BLE001 - not a constant expression
                            cv = None
                    if cv is not None:
                        try:
                            bits = _bits_of(cv.value)
                        except Exception:  # noqa: BLE001 - a real, string or unpacked constant
                            bits = None
                        if bits and not any(b in "xz" for b in bits):
                            val = (_bits_int(bits), len(bits))
                    ports[pc.port.name] = val
            except Exception:  # noqa: BLE001 - an unreadable instance: none of its ports is tied
                ports = {}
            have = per.get(mod)
            # every instance must tie the port to the same constant
            per[mod] = ports if have is None else {
                p: v for p, v in have.items() if v is not None and ports.get(p) == v}
            stack.append(ib)
    return {m: {p: v for p, v in ps.items() if v is not None} for m, ps in per.items()
            if any(v is not None for v in ps.values())}


def _instances(scope) -> list:
    """Instances in ``scope``, including those inside (active) generate blocks."""
    out, todo = [], [scope]
    while todo:
        sc = todo.pop()
        for m in sc:
            if m.kind == ast.SymbolKind.Instance:
                out.append(m)
            elif m.kind == ast.SymbolKind.GenerateBlock and not getattr(m, "isUninstantiated", False):
                todo.append(m)
            elif m.kind == ast.SymbolKind.GenerateBlockArray:
                todo.append(m)  # its members: the blocks (and, for `for (genvar i ...)`, the genvar)
    return out


def extract(design: DesignRef, *, assume: list[str] | tuple[str, ...] = (), top_only: bool = False,
            pragmas: bool = True, below_top: bool = False,
            timeout_s: float | None = DEFAULT_TIMEOUT_S) -> Extraction:
    """Extract every FSM in ``design`` (or only in its top module with ``top_only``).

    Args:
        design: the design (from :func:`rtlopt.design.open_design`).
        assume: Verilog expressions over the module's signals assumed always true
            (input combinations or states outside them are don't-care).
        top_only: analyse only ``design.top``.
        pragmas: honour ``// rtlopt: assume EXPR`` and ``// rtlopt: unreachable STATE`` comments.
        below_top: analyse only ``design.top`` and the modules below it.
        timeout_s: time limit for the whole call (None: no limit). When it passes, the modules
            not finished are reported in ``notes`` and the machines found so far are returned.
    """
    texts = _module_texts(design)
    result = Extraction()
    prev = getattr(_LIMIT, "deadline", None)
    _LIMIT.deadline = None if timeout_s is None else time.monotonic() + timeout_s
    try:
        bodies = _bodies(design, below_top=below_top and not top_only)
        # the optimizer's unit is the top: its constant ties hold for every instance analysed below it
        ties = _port_ties(bodies, design.top) if below_top and not top_only else {}
        for name, body, _comp in bodies:
            if top_only and name != design.top:
                continue
            if name not in texts:
                continue
            file, text, mstart, mend = texts[name]
            try:
                _tick()
                _analyze_module(design, result, name, body, file, text, mstart, mend, assume, pragmas,
                                ties.get(name, {}))
            except InputError:
                raise
            except _OutOfTime:
                result.notes.append(f"{file}: {name}: FSM analysis stopped at its time limit ({timeout_s:g} s); "
                                    "machines in this module and the modules after it were not analysed")
                break
            except (z3.Z3Exception, SymbolicError, AttributeError, TypeError, ValueError, RecursionError) as exc:
                # a construct the analysis does not expect: report it, never crash the caller
                result.notes.append(f"{file}: {name}: FSM analysis failed: {type(exc).__name__}: {exc}")
    finally:
        _LIMIT.deadline = prev
    return result


def _analyze_module(design: DesignRef, result: Extraction, name: str, body, file: str, text: str,
                    mstart: int, mend: int, assume, pragmas: bool, ties: dict | None = None) -> None:
    """Analyse one module body and add its machines, rejections and notes to ``result``; ``ties``
    (input port -> (value, width)): inputs every instance connects to that constant (:func:`_port_ties`)."""
    sem = analyze_body(body, name, file, text)
    for mname, (val, w, off) in _defines(design).items():
        sem.constants.setdefault(mname, (val, w))
        sem.constant_offsets.setdefault(mname, off)
    pragma_list = [(k, v.strip(), m_off) for k, v, m_off in
                   ((m.group(1), m.group(2), m.start()) for m in _PRAGMA.finditer(text, mstart, mend))
                   ] if pragmas else []
    exprs = [a for a in assume] + [v for k, v, _o in pragma_list if k == "assume"]
    unreach = [n.strip() for k, v, _o in pragma_list if k == "unreachable"
               for n in re.split(r"[,\s]+", v) if n.strip()]
    assumptions = _parse_assumptions(sem, text, mstart, mend, exprs) if exprs else []
    for blk in sem.blocks:
        if blk.error:
            result.notes.append(f"{file}:{sem.line(blk.error_offset or blk.start)}: {name}: "
                                f"block at line {sem.line(blk.start)} not analysed: {blk.error}")
        for what, off, names in _dedupe(blk.soft_errors):
            shown = ", ".join(names[:4]) + (" ..." if len(names) > 4 else "")
            result.notes.append(f"{file}:{sem.line(off or blk.start)}: {name}: {what} not modelled "
                                f"(treated as writing unknown values to {shown or 'nothing'})")
    tied = {p: v for p, v in (ties or {}).items()
            if p in sem.signals and sem.signals[p].direction == "input" and sem.signals[p].width == v[1]}
    _extract_module(sem, result, assumptions, unreach, [a for a in assume],
                    [v for k, v, _o in pragma_list if k == "assume"], tied)


_DEFINE = re.compile(r"^[ \t]*`define[ \t]+(\w+)[ \t]+(?:(\d+)?'[sS]?([bBdDhHoO])([0-9a-fA-F_]+)|(\d+))[ \t]*(?://.*)?$", re.M)


def _defines(design: DesignRef) -> dict[str, tuple[int, int, int]]:
    """Text macros with a plain numeric value (for naming states): name -> (value, width, offset)."""
    out: dict[str, tuple[int, int, int]] = {}
    for src in design.parsed.sources:
        for m in _DEFINE.finditer(src.text):
            name, size, base, digits, dec = m.groups()
            if dec is not None:
                out[name] = (int(dec), 32, m.start())
                continue
            radix = {"b": 2, "d": 10, "h": 16, "o": 8}[base.lower()]
            try:
                val = int(digits.replace("_", ""), radix)
            except ValueError:
                continue
            out[name] = (val, int(size) if size else 32, m.start())
    return out


def _parse_assumptions(sem: ModuleSemantics, text: str, mstart: int, mend: int, exprs: list[str]) -> list[z3.BoolRef]:
    """Compile ``exprs`` in the module's scope (a throwaway copy with extra wires) into z3 formulas."""
    mod = text[mstart:mend]
    cut = mod.rstrip().rfind("endmodule")
    if cut < 0:
        raise InputError("cannot place an assumption: module has no 'endmodule'", file=sem.file)
    extra = "".join(f"\n  wire __rtlopt_assume{i} = ({e});" for i, e in enumerate(exprs))
    probe = mod[:cut] + extra + "\n" + mod[cut:]
    tree = syntax.SyntaxTree.fromText(probe, "<assume>")
    for d in tree.diagnostics:
        if d.isError():
            raise InputError(f"cannot parse assumption(s) {exprs!r} in module {sem.name}")
    comp = ast.Compilation()
    comp.addSyntaxTree(tree)
    body = comp.getRoot().topInstances[0].body if comp.getRoot().topInstances else None
    if body is None:
        raise InputError(f"cannot elaborate module {sem.name} with the assumptions")
    for d in comp.getAllDiagnostics():
        if d.isError():
            raise InputError(f"assumption {exprs!r} does not elaborate in module {sem.name} "
                             f"(unknown name or bad expression)")
    ex = _Executor(body, sem, ast.EvalContext(body))
    from rtlopt.fsm._symbolic import Block  # local: only needed here
    ex.block = Block("assign", 0, 0)
    out = []
    pairs = [(sem.var(n), v) for n, v in sem.comb.items()]
    for i, e in enumerate(exprs):
        net = next((m for m in body if m.name == f"__rtlopt_assume{i}"), None)
        try:
            v = ex.expr(net.initializer, {})
        except SymbolicError as exc:
            raise InputError(f"assumption {e!r}: {exc}") from None
        f = truth(b2bv(v) if z3.is_bool(v) else v)
        out.append(z3.substitute(f, *pairs) if pairs else f)
    return out


def _state_candidates(sem: ModuleSemantics) -> dict[str, str]:
    """Registers that look like state registers -> why (for messages)."""
    regs = sem.registers
    cands: dict[str, str] = {}
    for blk in sem.blocks:
        for sel, _off, items in blk.case_selectors:
            s = z3.simplify(sel)
            if z3.is_const(s) and s.decl().kind() == z3.Z3_OP_UNINTERPRETED and s.decl().name() in regs:
                cands.setdefault(s.decl().name(), "case selector")
            elif z3.is_bv_value(s):
                for it in items:
                    names = var_names(it) & set(regs)
                    for n in names:  # a one-hot state vector has several bits (1-bit flags are not one)
                        if sem.signals[n].width >= 2:
                            cands.setdefault(n, "one-hot case (1'b1) item")
    for r, bi in regs.items():
        if r in cands:
            continue
        nxt = sem.blocks[bi].values.get(r)
        if nxt is not None and sem.signals[r].width >= 2 and _constant_leaves(nxt, r):
            cands[r] = "next value is always a constant or itself"
        elif nxt is not None and sem.signals[r].width >= 2 and _constant_leaves(nxt, r, shifts=True):
            # a shift register loaded with constants (thermometer, ring, Johnson): its reachable
            # values from reset are few; the extraction enumerates them (at most MAX_STATES)
            cands[r] = "next value is a constant, itself or a shift of itself"
        elif nxt is not None and 2 <= sem.signals[r].width <= 64 and _bitwise_moves(nxt, r, sem.signals[r].width):
            # the same written bit by bit (a loop over the bits, one assignment per bit): each bit of
            # the next value is a constant or a bit of the register
            cands[r] = "each bit of its next value is a constant or a bit of itself (a bit-level shift)"
    for r in regs:
        if _STATE_NAME.search(r):
            cands.setdefault(r, "named like a state register")
    return cands


def _shift_of(e: z3.ExprRef, reg: str) -> bool:
    """``e`` is a concatenation of slices of ``reg`` and constants with at least one slice (a shift or
    rotation of the register by a constant amount)."""
    parts = list(e.children()) if z3.is_app_of(e, z3.Z3_OP_CONCAT) else [e]
    sliced = False
    for p in parts:
        if z3.is_bv_value(p):
            continue
        if z3.is_app_of(p, z3.Z3_OP_EXTRACT) and z3.is_const(p.arg(0)) and p.arg(0).decl().name() == reg:
            sliced = True
            continue
        return False
    return sliced and len(parts) >= 2


def _constant_leaves(nxt: z3.ExprRef, reg: str, limit: int = 4096, shifts: bool = False) -> bool:
    """True when every value ``nxt`` can take (the leaves of its if-then-else tree) is a constant or
    the register itself, with at least two different constants: the semantic shape of a state register
    (whatever it is called or however its codes are written)."""
    consts: set[int] = set()
    stack = [z3.simplify(nxt)]
    seen = 0
    n_shift = 0
    while stack:
        e = stack.pop()
        seen += 1
        if seen > limit:
            return False
        if z3.is_app_of(e, z3.Z3_OP_ITE):
            stack.extend((e.arg(1), e.arg(2)))
        elif z3.is_bv_value(e):
            consts.add(e.as_long())
        elif z3.is_const(e) and e.decl().name() == reg:
            continue
        elif shifts and _shift_of(e, reg):
            n_shift += 1
        else:
            return False
    return len(consts) >= 2 or (shifts and n_shift > 0 and len(consts) >= 1)


def _bitwise_moves(nxt: z3.ExprRef, reg: str, width: int, limit: int = 4096) -> bool:
    """True when every bit of ``nxt`` is, on every path, a constant or one bit of ``reg``, with at least
    one constant and one bit moved from another position: a shift or rotation register loaded with
    constants written bit by bit (``for (i ...) nx[i + 1] = r[i]``), whose values from reset are few."""
    seen = 0
    n_const = n_move = 0
    for j in range(width):
        stack = [z3.simplify(z3.Extract(j, j, nxt))]
        while stack:
            e = stack.pop()
            seen += 1
            if seen > limit:
                return False
            if z3.is_app_of(e, z3.Z3_OP_ITE):
                stack.extend((e.arg(1), e.arg(2)))
            elif z3.is_bv_value(e):
                n_const += 1
            elif (z3.is_app_of(e, z3.Z3_OP_EXTRACT) and z3.is_const(e.arg(0))
                  and e.arg(0).decl().name() == reg and e.params()[0] == e.params()[1]):
                n_move += e.params()[0] != j
            else:
                return False
    return n_const > 0 and n_move > 0


def _clock_reset(sem: ModuleSemantics, blk, reg: str) -> tuple[tuple[str, str], tuple[str, bool, bool] | None, str | None]:
    """((edge, clock), (reset, active_high, async) | None, error)."""
    nxt = blk.values[reg]
    used = var_names(nxt)
    events = blk.events
    if not events:
        return ("posedge", "?"), None, "no clock event"
    if len(events) == 1:
        clock = events[0]
        asyncs: list[tuple[str, str]] = []
    else:
        # the clock is the event signal the block body does not read
        unread = [e for e in events if e[1] not in blk.reads]
        if len(unread) != 1:
            named = [e for e in events if re.search(r"clk|clock", e[1], re.I)]
            if len(named) != 1:
                return events[0], None, "cannot tell the clock from the reset in the event list"
            unread = named
        clock = unread[0]
        asyncs = [e for e in events if e != clock]
        if len(asyncs) > 1:
            return clock, None, "more than one asynchronous reset/set"
    if asyncs:
        edge, r = asyncs[0]
        return clock, (r, edge == "posedge", True), None
    # synchronous reset: a 1-bit signal that forces a constant next state
    one_bit = [n for n in used if n in sem.signals and sem.signals[n].width == 1 and n != reg
               and n not in sem.registers]
    one_bit.sort(key=lambda n: (not _RESET_NAME.search(n), n))
    for r in one_bit:
        v = sem.var(r)
        for active_high in (True, False):
            val = z3.simplify(z3.substitute(nxt, (v, bv_const(1 if active_high else 0, 1))))
            if z3.is_bv_value(val) and (_RESET_NAME.search(r) or len(one_bit) == 1):
                return clock, (r, active_high, False), None
    return clock, None, None


def _loc(sem: ModuleSemantics, name: str) -> int:
    s = sem.signals.get(name)
    return sem.line(s.offset) if s else 0


ENUM_TRUTH_BITS = 10  # successor values enumerated on truth tables up to this many input bits


def _enumerate(f: z3.ExprRef, region: z3.BoolRef, limit: int) -> list[int] | None:
    """The values ``f`` takes on ``region`` (sorted), None past ``limit`` values."""
    fast = _enumerate_truth(f, region, limit)
    if fast is not _NA:
        return fast
    s = _solver()
    s.add(region)
    vals: list[int] = []
    while _check(s) == z3.sat:
        v = s.model().eval(f, model_completion=True).as_long()
        vals.append(v)
        if len(vals) > limit:
            return None
        s.add(f != bv_const(v, f.size()))
    return sorted(vals)  # deterministic state order, whatever models z3 returns


_XNAMES: dict[int, tuple[z3.ExprRef, str]] = {}


def _xname(x: z3.ExprRef) -> str:
    """Name of a don't-care variable (z3's ``decl().name()`` is slow and was called per piece).
    Keyed by z3's AST id; the term is kept with its name so that its id cannot be reused."""
    i = x.get_id()
    hit = _XNAMES.get(i)
    if hit is None:
        if len(_XNAMES) > 100_000:
            _XNAMES.clear()
        hit = _XNAMES[i] = (x, x.decl().name())
    return hit[1]


_XSETS: dict[int, tuple[list, frozenset[str]]] = {}


def _xname_set(xvars: list[z3.ExprRef]) -> frozenset[str]:
    """Names of the x variables of ``xvars`` (one list per machine is passed to many calls;
    cached by the list's identity, the list kept alive with its answer)."""
    hit = _XSETS.get(id(xvars))
    if hit is None or hit[0] is not xvars or len(hit[0]) != len(xvars):
        if len(_XSETS) > 256:
            _XSETS.clear()
        hit = _XSETS[id(xvars)] = (xvars, frozenset(_xname(x) for x in xvars))
    return hit[1]


def _x_to_zero(e: z3.ExprRef, xzero: dict[int, tuple[z3.ExprRef, z3.ExprRef]]) -> z3.ExprRef:
    """``e`` with its x variables set to 0 (only those it reads are substituted)."""
    from rtlopt.fsm._symbolic import _var_ids

    subs = [xzero[i] for i in _var_ids(e) if i in xzero]
    return z3.simplify(z3.substitute(e, *subs)) if subs else z3.simplify(e)


_NA = object()  # "not applicable" (vs None: past the limit)


def _enumerate_truth(f: z3.ExprRef, region: z3.BoolRef, limit: int):
    """:func:`_enumerate` by evaluating every input minterm (few input bits; one SAT call per value
    was most of the extraction time of large machines); ``_NA`` when not applicable."""
    from rtlopt.fsm._symbolic import z3_vars
    from rtlopt.fsm._truth import Unsupported, shared

    vs: dict[int, z3.ExprRef] = {}
    for g in (f, region):
        for v in z3_vars(g):
            vs[v.get_id()] = v
    if sum(v.size() if z3.is_bv(v) else 1 for v in vs.values()) > ENUM_TRUTH_BITS:
        return _NA
    try:
        tt = shared(list(vs.values()))
        masks = tt.bv(f)
        rm = tt.bool(region)
    except Unsupported:
        return _NA
    vals: set[int] = set()
    m = 0
    while rm >> m:
        if (rm >> m) & 1:
            vals.add(sum(((mk >> m) & 1) << b for b, mk in enumerate(masks)))
            if len(vals) > limit:
                return None
        m += 1
    return sorted(vals)


def _dc_region(e: z3.ExprRef, xvars: list[z3.ExprRef]) -> z3.BoolRef:
    """Input region where ``e`` depends on don't-care variables."""
    xset = _xname_set(xvars)
    xs = [v for v in z3_vars(e) if _xname(v) in xset]
    if not xs:
        return z3.BoolVal(False)
    fast = _dc_region_mask(e, {_xname(x) for x in xs})
    if fast is not None:
        return fast
    fast = _dc_region_struct(e, {x.get_id() for x in xs})
    if fast is not None:
        return fast
    fast = _dc_region_truth(e, xs)
    if fast is not None:
        return fast
    if sum(v.size() if z3.is_bv(v) else 1 for v in z3_vars(e)) > MAX_DC_BITS:
        # too wide for quantifier elimination in reasonable time: no don't-care region, i.e. the
        # x bits keep their x = 0 value (a refinement of the original, as past MAX_PIECES)
        return z3.BoolVal(False)
    primed = [z3.BitVec(x.decl().name() + "_p", x.size()) for x in xs]
    e2 = z3.substitute(e, *zip(xs, primed, strict=True))
    q = z3.Exists(xs + primed, e != e2)
    try:  # eliminate the quantifier so later SAT checks stay quantifier-free (and fast)
        goal = z3.Goal()
        goal.add(q)
        ms = _z3_ms()
        tac = z3.Then("simplify", "qe", "simplify")
        res = (z3.TryFor(tac, ms) if ms else tac)(goal)
        if len(res) == 1:
            f = res[0].as_expr()
            if not _has_quantifier(f):
                return f
    except z3.Z3Exception:
        _tick()  # a tactic stopped by the deadline: the extraction is out of time
    return q


def _dc_region_mask(e: z3.ExprRef, xnames: set[str]) -> z3.BoolRef | None:
    """:func:`_dc_region_struct` on the shared node table of :mod:`rtlopt.fsm._truth`, regions as
    minterm masks over the x-free variables (when they have few bits): the same rules, without
    building a z3 term per subterm (the per-node z3 calls were most of the extraction time of
    large machines). None when a rule does not apply or the x-free inputs are too wide."""
    from rtlopt.fsm import _truth as T
    from rtlopt.fsm._symbolic import z3_vars

    others = [v for v in z3_vars(e) if _xname(v) not in xnames]
    if sum(v.size() if z3.is_bv(v) else 1 for v in others) > T.MAX_BITS:
        return None
    try:
        tt = T.shared(others)
        T._flatten(e)
    except T.Unsupported:
        return None
    tt._alive.append(e)
    nodes = T._NODES
    ite, concat, extract = z3.Z3_OP_ITE, z3.Z3_OP_CONCAT, z3.Z3_OP_EXTRACT
    full = tt.full
    hasx: dict[int, bool] = {}
    reg: dict[int, int | None] = {}  # node -> region mask (0: x-free), None: unknown shape
    root = e.get_id()
    stack = [root]
    try:
        while stack:
            i = stack[-1]
            if i in reg:
                stack.pop()
                continue
            k, p, kids = nodes[i]
            todo = [c for c in kids if c not in reg]
            if todo:
                stack += todo
                continue
            stack.pop()
            if k == T._VAR:
                hasx[i] = p in xnames
                reg[i] = full if hasx[i] else 0
                continue
            hasx[i] = any(hasx[c] for c in kids)
            if not hasx[i]:
                reg[i] = 0
            elif k == ite:
                c, a, b = kids
                ra, rb = reg[a], reg[b]
                if hasx[c] or ra is None or rb is None:
                    reg[i] = None
                else:
                    cm = tt.eval_node(c)
                    cm = cm[0] if isinstance(cm, list) else cm
                    reg[i] = (cm & ra) | (full & ~cm & rb)
            elif k == extract and nodes[kids[0]][0] == T._VAR:
                reg[i] = full  # an x word (x-free variables were handled above)
            elif k == concat and all(reg[c] is not None for c in kids):
                r = 0
                for c in kids:
                    r |= reg[c]
                reg[i] = r
            else:
                reg[i] = None
    except (T.Unsupported, KeyError):
        return None
    r = reg[root]
    return None if r is None else tt.cover(r)


def _dc_region_struct(e: z3.ExprRef, xids: set[int]) -> z3.BoolRef | None:
    """:func:`_dc_region` by structure, exact on the shapes that don't-care assignments produce
    (None: another shape, the caller decides by truth tables or quantifier elimination). With
    ``R(e)`` the region where ``e`` depends on the x variables (``xids``: their AST ids):
    ``R(x) = R(x[hi:lo]) = true`` (an x takes every value), ``R({a, b}) = R(a) | R(b)`` (a
    concatenation changes iff a part does), ``R(c ? a : b) = c & R(a) | !c & R(b)`` for an x-free
    ``c``, ``R(e) = false`` for an x-free ``e``. The one-process style (``state <= 'bx`` in many
    arms) makes next-state functions with many x words, too wide for truth tables and slow for
    quantifier elimination; this is linear in the term."""
    # per subterm: False (x-free), True (depends on x everywhere), a z3 region, or None (unknown shape)
    memo: dict[int, object] = {}
    ite, concat, extract = z3.Z3_OP_ITE, z3.Z3_OP_CONCAT, z3.Z3_OP_EXTRACT

    def reg(t: z3.ExprRef):
        i = t.get_id()
        if i in memo:
            return memo[i]
        if i in xids:
            r: object = True
        elif not z3.is_app(t) or t.num_args() == 0:
            r = False
        else:
            k = t.decl().kind()
            kids = t.children()
            if k == ite:
                c = reg(kids[0])
                a, b = reg(kids[1]), reg(kids[2])
                if c is not False or a is None or b is None:
                    r = None  # x in the condition, or an unknown shape in an arm
                elif a is False and b is False:
                    r = False
                else:
                    r = z3.Or(_as_bool(a, kids[0]), _as_bool(b, z3.Not(kids[0])))
            elif k == extract and kids[0].get_id() in xids:
                r = True
            else:
                rs = [reg(c) for c in kids]
                if any(x is None for x in rs):
                    r = None
                elif all(x is False for x in rs):
                    r = False
                elif k == concat:
                    r = True if any(x is True for x in rs) else z3.Or(*[x for x in rs if x is not False])
                else:
                    r = None
        memo[i] = r
        return r

    try:
        r = reg(e)
    except RecursionError:
        return None
    if r is None:
        return None
    if r is True or r is False:
        return z3.BoolVal(r)
    return z3.simplify(r)


def _as_bool(r, cond: z3.BoolRef) -> z3.BoolRef:
    """``cond & r`` for a region ``r`` of :func:`_dc_region_struct` (False, True or a z3 term)."""
    if r is False:
        return z3.BoolVal(False)
    if r is True:
        return cond
    return z3.And(cond, r)


def _dc_region_truth(e: z3.ExprRef, xs: list[z3.ExprRef]) -> z3.BoolRef | None:
    """:func:`_dc_region` by truth tables when ``e`` has few variable bits (None: too many / unknown op):
    the region where some bit of ``e`` takes both values as the don't-care variables vary."""
    from rtlopt.fsm._symbolic import z3_vars
    from rtlopt.fsm._truth import Unsupported, shared

    try:
        tt = shared(z3_vars(e))
        masks = tt.bv(e) if z3.is_bv(e) else [tt.bool(e)]
    except Unsupported:
        return None
    xnames = {_xname(x) for x in xs}
    xbits = [i for i, (name, _b) in enumerate(tt.bits) if name in xnames]

    def exists(f: int) -> int:
        for i in xbits:
            sh = 1 << i
            vm = _bit_mask(i, tt.n)
            g = (f & ~vm) | ((f & vm) >> sh)  # on minterms with bit i = 0
            g &= ~vm & tt.full
            f = g | (g << sh)
        return f

    region = 0
    for m in masks:
        region |= exists(m) & exists(tt.full & ~m)
    return tt.cover(region)


def _bit_mask(i: int, n: int) -> int:
    from rtlopt.fsm._truth import _var_mask
    return _var_mask(i, n)


def _has_quantifier(e: z3.ExprRef) -> bool:
    stack, seen = [e], set()
    while stack:
        x = stack.pop()
        if x.get_id() in seen:
            continue
        seen.add(x.get_id())
        if z3.is_quantifier(x):
            return True
        stack.extend(x.children())
    return False


def _extract_module(sem: ModuleSemantics, result: Extraction, assumptions: list[z3.BoolRef],
                    unreachable_names: list[str], cli_assume: list[str], pragma_assume: list[str],
                    ties: dict[str, tuple[int, int]] | None = None) -> None:
    regs = sem.registers
    tie_pairs = [(sem.var(p), bv_const(v, w)) for p, (v, w) in sorted((ties or {}).items())]

    def tied(e: z3.ExprRef) -> z3.ExprRef:
        """``e`` with the inputs every instance ties to a constant replaced by it."""
        return z3.substitute(e, *tie_pairs) if tie_pairs else e

    cands = _state_candidates(sem)
    for reg, why in cands.items():
        blk = sem.blocks[regs[reg]]
        line = _loc(sem, reg)

        def reject(reason: str, _reg=reg, _line=line) -> None:
            result.rejections.append(Rejection(sem.name, sem.file, _line, _reg, reason))

        if reg in sem.multi_driven:
            reject("assigned in more than one block")
            continue
        if blk.error:
            reject(f"its always block (line {sem.line(blk.start)}) uses {blk.error} at line {sem.line(blk.error_offset)}")
            continue
        nxt_raw = tied(blk.values[reg])
        if reg not in var_names(nxt_raw):
            reject(f"next value never depends on the register itself (it is a pipeline register, {why})")
            continue
        clock, reset, err = _clock_reset(sem, blk, reg)
        if err:
            reject(err)
            continue
        if any(n.endswith(LATCH_SUFFIX) for n in var_names(nxt_raw)):
            latch = sorted(n[: -len(LATCH_SUFFIX)] for n in var_names(nxt_raw) if n.endswith(LATCH_SUFFIX))
            reject(f"next state comes from a latch: {', '.join(latch)} is not assigned on every path "
                   f"of its combinational block (line {_loc(sem, latch[0])})")
            continue
        unk = sorted(n for n in var_names(nxt_raw) if n.startswith(UNK_PREFIX))
        if unk:
            soft = next(((w, o) for w, o, names in blk.soft_errors
                         if any(u.split("_", 3)[-1] in names for u in unk)), None)
            if soft is None:
                soft = next((sem.unknowns[u] for u in unk if u in sem.unknowns), None)
            if soft is None:
                soft = next(((w, o) for b in sem.blocks for w, o, names in b.soft_errors
                             if any(n for n in names if any(u.endswith("_" + n) for u in unk))), ("a construct", None))
            reject(f"next state depends on {soft[0]} at line {sem.line(soft[1])}, which is not modelled")
            continue
        width = sem.signals[reg].width
        S = sem.var(reg)

        def with_reset(e: z3.ExprRef, active: bool, _reset=reset) -> z3.ExprRef:
            if _reset is None:
                return e
            r, hi, _a = _reset
            val = (1 if hi else 0) if active else (0 if hi else 1)
            return z3.substitute(e, (sem.var(r), bv_const(val, 1)))

        reset_code = None
        if reset is not None:
            rv = z3.simplify(with_reset(nxt_raw, True))
            if not z3.is_bv_value(rv):
                reject(f"reset ({reset[0]}) does not load a constant state")
                continue
            reset_code = rv.as_long()
        T = z3.simplify(with_reset(nxt_raw, False))
        t_names = var_names(T)
        xvars = [x for x in sem.xvars if _xname(x) in t_names]
        if reset_code is None:
            reject("no reset: the initial state is unknown")
            continue

        # --- assumptions: per state value, the allowed input region
        def region_of(code: int, S=S, width=width) -> z3.BoolRef:
            if not assumptions:
                return z3.BoolVal(True)
            return z3.simplify(z3.And(*[z3.substitute(a, (S, bv_const(code, width))) for a in assumptions]))

        # --- names from constants
        names_by_val: dict[int, str] = {}
        # a value's name: one of the state register's width first, then one written as a case label (the
        # state S_WAIT = 0, not the command C_MRS = 0 declared before it), then a body constant before a
        # parameter of the #(...) list (a one-hot TAP's bit position 5 is E1D, not the IR_LEN = 5 of the header)
        labels = _case_labels(sem.text)
        for cname, (val, w) in sorted(sem.constants.items(), key=lambda kv: (
                kv[1][1] != width, kv[0] not in labels, kv[0] in sem.port_params,
                sem.constant_offsets.get(kv[0], 0))):
            names_by_val.setdefault(val, cname) if w == width or val < (1 << width) else None
        declared: list[int] = []
        onehot = False
        for b in sem.blocks:
            for sel, _o, items in b.case_selectors:
                s = z3.simplify(sel)
                if s.eq(S):
                    for it in items:
                        it = z3.simplify(it)
                        if z3.is_bv_value(it) and it.as_long() not in declared and it.as_long() < (1 << width):
                            declared.append(it.as_long())
                elif z3.is_bv_value(s):
                    for it in items:
                        it = z3.simplify(it)
                        if z3.is_app_of(it, z3.Z3_OP_EXTRACT) and it.arg(0).eq(S):
                            hi, lo = it.params()
                            if hi == lo and (1 << hi) not in declared:
                                declared.append(1 << hi)
                                onehot = True
        dc_names = set(unreachable_names)

        # --- BFS over state codes
        xzero = {x.get_id(): (x, bv_const(0, x.size())) for x in xvars}  # x = 0 substitution, built once
        order: list[int] = [reset_code]
        succ: dict[int, list[int]] = {}
        dcreg: dict[int, z3.BoolRef] = {}
        Tv: dict[int, z3.ExprRef] = {}
        too_many = False
        budget = 16 * MAX_STATES  # enumerated (state, successor) pairs
        i = 0
        while i < len(order):
            _tick()
            v = order[i]
            i += 1
            tv = z3.simplify(z3.substitute(T, (S, bv_const(v, width))))
            dc = z3.simplify(_dc_region(tv, xvars)) if xvars else z3.BoolVal(False)
            t0 = _x_to_zero(tv, xzero) if xvars else tv
            Tv[v], dcreg[v] = t0, dc
            vals = _enumerate(t0, z3.And(region_of(v), z3.Not(dc)), MAX_STATES)
            if vals is None:
                too_many = True
                break
            succ[v] = vals
            budget -= len(vals) + 1
            if budget < 0:
                too_many = True
                break
            for w in vals:
                wname = _name(w, names_by_val, onehot, width)
                if assumptions and w not in order and not _sat(region_of(w)):
                    dc_names.add(wname)  # assumed never to be in this state: entering it is don't-care
                if w not in order and wname not in dc_names:
                    order.append(w)
            if len(order) > MAX_STATES:
                too_many = True
                break
        if too_many:
            reject(f"more than {MAX_STATES} reachable values or {16 * MAX_STATES} transitions "
                   "(a counter or datapath register, not a state machine)")
            continue
        if len(order) < 2:
            reject("only one reachable state")
            continue
        reach = list(order)
        unreach_codes = [d for d in declared if d not in reach]
        for v in unreach_codes:
            tv = z3.simplify(z3.substitute(T, (S, bv_const(v, width))))
            dc = z3.simplify(_dc_region(tv, xvars)) if xvars else z3.BoolVal(False)
            t0 = _x_to_zero(tv, xzero) if xvars else tv
            Tv[v], dcreg[v] = t0, dc
            vals = _enumerate(t0, z3.And(region_of(v), z3.Not(dc)), MAX_STATES) or []
            succ[v] = vals

        # --- FSM blocks, outputs
        fsm_blocks = {regs[reg]}
        for bi, b in enumerate(sem.blocks):
            if bi in fsm_blocks or b.error:
                continue
            if b.kind in ("comb", "assign"):
                if any(reg in var_names(sem.comb.get(w, sem.var(w))) for w in b.writes if w in sem.signals):
                    fsm_blocks.add(bi)
            elif b.kind == "clocked" and any(reg in var_names(v) for v in b.values.values()):
                fsm_blocks.add(bi)
        blockers: list[str] = []
        for bi in sorted(fsm_blocks):
            b = sem.blocks[bi]
            if b.error:
                blockers.append(f"block at line {sem.line(b.start)} not analysed")
            if b.removable:
                blockers.append(f"line {sem.line(b.start)}: {b.removable}")
            for what, off, _names in _dedupe(b.soft_errors):
                blockers.append(f"line {sem.line(off)}: {what} is not modelled")
        internal: set[str] = set()
        outputs: dict[str, int] = {}
        out_vals: dict[str, z3.ExprRef] = {}
        registered: dict[str, int | None] = {}
        out_is_var: dict[str, bool] = {}
        readers_outside: dict[str, int] = {}
        for bi, b in enumerate(sem.blocks):
            if bi in fsm_blocks:
                continue
            for r in b.reads:
                readers_outside.setdefault(r, sem.line(b.start))
        for bi in sorted(fsm_blocks):
            b = sem.blocks[bi]
            for w in sorted(b.writes):
                if w == reg or w not in sem.signals:
                    continue
                sig = sem.signals[w]
                observable = sig.direction in ("output", "inout") or w in readers_outside
                if b.kind == "clocked":
                    if b.events != blk.events:
                        blockers.append(f"registered output {w} uses another clock/reset")
                    v = tied(b.values[w])
                    # a register that reads itself (a counter, a shift register, a held flag) is
                    # datapath in the arms: the machine reads it as an input and computes its next
                    # value as a (Mealy) output, which keeps state merging sound
                    rv = z3.simplify(with_reset(v, True))
                    if reset is not None and not z3.is_bv_value(rv):
                        if reset[2] or reset[0] in var_names(v):
                            blockers.append(f"registered output {w} has no constant reset value")
                        else:
                            registered[w] = None  # a datapath register the reset does not touch
                    else:
                        registered[w] = rv.as_long() if z3.is_bv_value(rv) else 0
                    outputs[w] = sig.width
                    out_vals[w] = z3.simplify(with_reset(v, False))
                    out_is_var[w] = sig.is_variable
                elif observable:
                    outputs[w] = sig.width
                    val = tied(sem.comb.get(w, sem.var(w)))
                    if reset is not None and reset[0] in var_names(val):
                        blockers.append(f"output {w} depends on the reset signal")
                    out_vals[w] = z3.simplify(with_reset(val, False))
                    out_is_var[w] = sig.is_variable
                else:
                    internal.add(w)
                if w in sem.multi_driven:
                    blockers.append(f"{w} is driven by more than one block")
        for w, line in readers_outside.items():
            if w == reg or w in internal:
                blockers.append(f"{w} is read outside the state machine (line {line})")
        if reg in readers_outside and reg in sem.signals and reg not in outputs:
            # read by other logic or a submodule instance: the code itself is observable there, so
            # states with different codes are distinguishable (no merging on outputs alone)
            outputs[reg] = sem.signals[reg].width
            out_vals[reg] = sem.var(reg)
            out_is_var[reg] = sem.signals[reg].is_variable
        if reg in sem.signals and sem.signals[reg].direction in ("output", "inout"):
            # the port shows the state code itself: merging or re-encoding states changes an output
            blockers.append(f"the state register {reg} is an output port (its encoding is observable)")
            outputs[reg] = sem.signals[reg].width  # and states with different codes are distinguishable
            out_vals[reg] = sem.var(reg)
            out_is_var[reg] = sem.signals[reg].is_variable
        for w, v in list(out_vals.items()):
            lat = [n for n in var_names(v) if n.endswith(LATCH_SUFFIX)]
            if lat:
                blockers.append(f"output {w} is a latch")
            if any(n.startswith(UNK_PREFIX) for n in var_names(v)):
                blockers.append(f"output {w} depends on logic that is not modelled")
                del out_vals[w]
                outputs.pop(w, None)
                registered.pop(w, None)
        inputs: dict[str, int] = {}
        for v in [T, *out_vals.values(), *assumptions]:
            for n in var_names(v):
                if n == reg or n.startswith((X_PREFIX, UNK_PREFIX)) or n.endswith(LATCH_SUFFIX) or n.endswith("_p"):
                    continue
                if n in sem.signals:
                    inputs[n] = sem.signals[n].width
        reg_inputs = sorted(n for n in inputs if n in regs and n not in registered)
        fsm_notes = []
        if reg_inputs:
            fsm_notes.append(f"registers {', '.join(reg_inputs)} are treated as inputs")
            for n in reg_inputs:
                if reg in var_names(sem.blocks[regs[n]].values.get(n, z3.BoolVal(True))) or regs[n] in fsm_blocks:
                    blockers.append(f"register {n} interacts with the state register")

        # --- build the model
        onehot = onehot or _onehot_by_position(reach, names_by_val)
        state_names: dict[int, str] = {}
        used_names: set[str] = set()
        for v in reach + unreach_codes:
            nm = _name(v, names_by_val, onehot, width)
            if nm in used_names:
                nm = f"{nm}_{v}"
            used_names.add(nm)
            state_names[v] = nm
        dc_states = [state_names[v] for v in reach + unreach_codes if state_names[v] in dc_names]
        transitions: list[Transition] = []
        xall = list(sem.xvars)
        xall_names = {_xname(x) for x in xall}  # once, not once per transition piece
        for v in reach + unreach_codes:
            _tick()
            src = state_names[v]
            region = region_of(v)
            if src in dc_names:
                continue
            ov = {o: z3.simplify(z3.substitute(e, (S, bv_const(v, width)))) for o, e in out_vals.items()}
            # the don't-care regions of this state's outputs do not depend on the piece: once per state
            pre = _output_regions(ov, xall, xall_names)
            pieces: list[tuple[int | None, z3.BoolRef]] = []
            for w in succ.get(v, []):
                g = z3.simplify(z3.And(region, z3.Not(dcreg[v]), Tv[v] == bv_const(w, width)))
                pieces.append((w, g))
            if not z3.is_false(dcreg[v]):
                pieces.append((None, z3.simplify(z3.And(region, dcreg[v]))))
            for w, g in pieces:
                for g2, outs in _split_outputs(g, ov, xall, pre):
                    dst = None if w is None else state_names.get(w)
                    if w is not None and dst is None:
                        dst = _name(w, names_by_val, onehot, width)
                    if dst in dc_names:
                        dst = None
                        outs = {o: (e, (1 << outputs[o]) - 1) for o, (e, _m) in outs.items()}
                    transitions.append(Transition(src, dst, g2, outs))
        codes = {state_names[v]: v for v in reach + unreach_codes}
        src_info = SourceInfo(
            file=sem.file, module=sem.name, text=sem.text, line=_loc(sem, reg),
            blocks=sorted((sem.blocks[bi].start, sem.blocks[bi].end) for bi in fsm_blocks),
            clock=clock, reset=reset, output_is_variable=out_is_var, registered_outputs=registered,
            regen_blockers=sorted(set(blockers)),
            inline_spans={(sem.blocks[bi].start, sem.blocks[bi].end): sem.blocks[bi].decl_end
                          for bi in fsm_blocks if sem.blocks[bi].decl_end is not None},
            taken_names=set(sem.signals) | set(sem.constants), state_is_variable=sem.signals[reg].is_variable)
        fsm = Fsm(name=f"{sem.name}.{reg}", states=[state_names[v] for v in reach + unreach_codes],
                  reset=state_names[reset_code], inputs=dict(sorted(inputs.items())), outputs=outputs,
                  transitions=transitions, codes=codes, state_reg=reg, width=width,
                  dont_care_states=dc_states, source=src_info, notes=fsm_notes)
        if assumptions:
            fsm.notes.append("assumptions: " + "; ".join(cli_assume + pragma_assume))
        used_ties = {p: v for p, v in (ties or {}).items() if p in var_names(blk.values[reg])
                     or any(p in var_names(b.values.get(w, z3.BoolVal(True))) for b in
                            (sem.blocks[bi] for bi in fsm_blocks) for w in b.writes if w in b.values)
                     or any(p in var_names(sem.comb.get(w, z3.BoolVal(True))) for w in outputs)}
        if used_ties:
            src_info.ties = {p: f"{w}'d{v}" for p, (v, w) in sorted(used_ties.items())}
            fsm.notes.append("inputs tied to a constant by every instance: "
                             + ", ".join(f"{p} = {t}" for p, t in src_info.ties.items()))
        reached = set(fsm.reachable)  # a graph search: once, not once per state
        fsm.unreachable = [s for s in fsm.states if s not in reached]
        result.fsms.append(fsm)


def _output_regions(ov: dict[str, z3.ExprRef], xvars: list[z3.ExprRef], xnames: set[str]):
    """Per output of one state: its value with every x bit 0 (``clean``), and the don't-care region
    of each output bit that reads an x bit, as ``[(output, bit, region)]`` (regions never false)."""
    clean: dict[str, z3.ExprRef] = {}
    regions: list[tuple[str, int, z3.BoolRef]] = []
    for o, e in ov.items():
        e_names = var_names(e)
        if not (e_names & xnames):
            clean[o] = e
            continue
        xs = [v for v in z3_vars(e) if _xname(v) in xnames]
        clean[o] = z3.simplify(z3.substitute(e, *[(x, bv_const(0, x.size())) for x in xs]))
        for b in range(e.size()):
            bit = z3.simplify(z3.Extract(b, b, e))
            if not (var_names(bit) & xnames):
                continue
            _tick()
            d = z3.simplify(_dc_region(bit, xs))
            if not z3.is_false(d):
                regions.append((o, b, d))
    return clean, regions


def _split_outputs(g: z3.BoolRef, ov: dict[str, z3.ExprRef], xvars: list[z3.ExprRef], pre=None):
    """Split guard ``g`` so every output bit is either specified or don't-care on each piece
    (``pre``: :func:`_output_regions` of ``ov``, computed once per state by the caller)."""
    if z3.is_false(g):
        return []
    if pre is None:
        pre = _output_regions(ov, xvars, {_xname(x) for x in xvars})
    clean, regions = pre
    fast = _split_outputs_truth(g, ov, clean, regions)
    if fast is not None:
        return fast
    if len(regions) > MAX_Z3_REGIONS:
        return [(g, {o: (clean[o], 0) for o in ov})]
    pieces: list[tuple[z3.BoolRef, dict[str, int]]] = [(g, {o: 0 for o in ov})]
    capped: set[str] = set()
    for o, b, d in regions:
        if o in capped:
            continue
        if 2 * len(pieces) > MAX_PIECES:
            capped.add(o)  # remaining x bits of this output keep their x = 0 value (see MAX_PIECES)
            continue
        new = []
        for pg, masks in pieces:
            _tick()
            a = z3.simplify(z3.And(pg, d))
            c = z3.simplify(z3.And(pg, z3.Not(d)))
            if _sat(a):
                m2 = dict(masks)
                m2[o] |= 1 << b
                new.append((a, m2))
            if _sat(c):
                new.append((c, masks))
        pieces = new
    return [(pg, {o: (clean[o], masks[o]) for o in ov}) for pg, masks in pieces]


def _split_outputs_truth(g: z3.BoolRef, ov: dict[str, z3.ExprRef], clean: dict[str, z3.ExprRef],
                         regions: list[tuple[str, int, z3.BoolRef]]):
    """:func:`_split_outputs` on truth tables (pieces are minterm masks) when the guard and the
    don't-care regions have few input bits; None otherwise (the caller uses z3)."""
    from rtlopt.fsm._symbolic import z3_vars
    from rtlopt.fsm._truth import MAX_BITS, Unsupported, shared

    vs: dict[int, z3.ExprRef] = {}
    for f in [g] + [d for _o, _b, d in regions]:
        for v in z3_vars(f):
            vs[v.get_id()] = v
    if sum(v.size() if z3.is_bv(v) else 1 for v in vs.values()) > MAX_BITS:
        return None
    try:
        tt = shared(list(vs.values()))
        gm = tt.bool(g)
        dms = [(o, b, tt.bool(d)) for o, b, d in regions]
    except Unsupported:
        return None
    if gm == 0:
        return []
    pieces: list[tuple[int, dict[str, int]]] = [(gm, {o: 0 for o in ov})]
    for o, b, dm in dms:
        if 2 * len(pieces) > MAX_PIECES:
            break  # remaining x bits keep their x = 0 value (see MAX_PIECES)
        new = []
        for pm, masks in pieces:
            a, c = pm & dm, pm & ~dm & tt.full
            if a:
                m2 = dict(masks)
                m2[o] |= 1 << b
                new.append((a, m2))
            if c:
                new.append((c, masks))
        pieces = new
    if len(pieces) == 1:
        return [(g, {o: (clean[o], pieces[0][1][o]) for o in ov})]
    return [(tt.cover(pm), {o: (clean[o], masks[o]) for o in ov}) for pm, masks in pieces]


def _dedupe(items: list[tuple[str, int | None, list[str]]]) -> list[tuple[str, int | None, list[str]]]:
    seen: set[tuple[str, int | None]] = set()
    out = []
    for what, off, names in items:
        if (what, off) not in seen:
            seen.add((what, off))
            out.append((what, off, names))
    return out


def _solver() -> z3.Solver:
    s = z3.Solver()
    ms = _z3_ms()
    if ms:
        s.set("timeout", ms)
    return s


def _check(s: z3.Solver):
    r = s.check()
    if r == z3.unknown:
        _tick()  # stopped by the deadline: out of time (never read as unsat)
    return r


def _sat(f: z3.BoolRef) -> bool:
    f = z3.simplify(f)
    if z3.is_false(f):
        return False
    if z3.is_true(f):
        return True
    from rtlopt.fsm._symbolic import z3_vars
    from rtlopt.fsm._truth import MAX_BITS, Unsupported, shared

    vs = z3_vars(f)
    if sum(v.size() if z3.is_bv(v) else 1 for v in vs) <= MAX_BITS:
        try:  # exact and ~100x faster than a solver call on the few input bits of a state machine
            return shared(vs).bool(f) != 0
        except Unsupported:
            pass
    s = _solver()
    s.add(f)
    return _check(s) != z3.unsat  # unknown counts as satisfiable (keeps the piece: conservative)


_LABEL = re.compile(r"(?m)^[ \t]*([A-Za-z_][\w$]*(?:\s*,\s*[A-Za-z_][\w$]*)*)[ \t]*:(?!:)")


def _case_labels(text: str) -> set[str]:
    """Names written as case item labels (``S_WAIT:``, ``A, B:`` from the start of a line)."""
    return {n.strip() for m in _LABEL.finditer(text) for n in m.group(1).split(",")}


def _onehot_by_position(codes: list[int], names: dict[int, str]) -> bool:
    """States written as bit positions (``state[IDLE]`` with ``IDLE = 0``): every code is one-hot,
    some code has no name of its own, and every bit position used has a name."""
    return (bool(codes) and all(v and v & (v - 1) == 0 for v in codes)
            and any(v not in names for v in codes)
            and all((v.bit_length() - 1) in names for v in codes))


def _name(v: int, names: dict[int, str], onehot: bool, width: int) -> str:
    if v in names and not onehot:
        return names[v]
    if onehot and v and v & (v - 1) == 0 and (v.bit_length() - 1) in names:
        return names[v.bit_length() - 1]
    if v in names:
        return names[v]
    return f"S_{v:0{width}b}"


__all__ = ["Extraction", "Rejection", "extract"]
