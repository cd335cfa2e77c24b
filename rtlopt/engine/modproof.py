"""Modular equivalence proof: a rewrite confined to submodules is proven on each submodule alone.

The whole-design proof of a sequential rewrite inside a submodule can be out of reach when the rest of
the design is large or has registers without reset (a data path that starts undefined: ABC cannot be
used, the SMT engine's unrolling grows with all of it), although the module that changed is small.
When every text difference between gold and gate lies inside the bodies of modules ``M`` other than
the top, the design is equivalent if each such ``M`` is equivalent on its own, for every parameter
set it is instantiated with: the parent feeds both versions the same inputs (the rest of the text is
byte for byte the same), so one instance at a time can be replaced.

"On its own" must cover every way the parent can drive ``M``. The module's proof here has no reset
forced and compares outputs from cycle 0, from the start state given by the Verilog initial values,
under arbitrary inputs. That is exactly the module's behaviour in any context only when every
register of ``M`` (and of its submodules) has an initial value, in gold and in gate: this is
checked on the elaborated netlists (registers without one: no modular proof). Memories, inout
ports, hierarchical references to the instances, non-integer parameters, ``-G`` overrides: no
modular proof (the caller keeps the whole-design verdict).

Each parameter set is checked through a wrapper module (fresh name) instantiating ``M`` with the
elaborated parameter values, its ports flat vectors of the elaborated widths; gold and gate read the
same wrapper.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*\Z")
_LIT = re.compile(r"-?\d+\Z|\d*'s?[bdhoBDHO][0-9a-fA-F_]+\Z")
WRAP = "rtlopt_modproof_wrap"
#: (gold files, wrapper) -> whether every register of the gold module has an initial value
_GOLD_INIT: dict[tuple, bool] = {}


def changed_modules(old: dict[Path, str], new: dict[Path, str], top: str) -> list[str] | None:
    """Names of the modules whose text differs, or None when a difference lies outside every module
    body, the set of modules changed, or the top changed."""
    from rtlopt.engine.hierarchy import _mask, module_span

    if set(old) != set(new):
        return None
    out: list[str] = []
    for p in old:
        a, b = old[p], new[p]
        if a == b:
            continue
        names_a = re.findall(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", _mask(a))
        names_b = re.findall(r"(?<![\w$])module\s+([A-Za-z_][\w$]*)", _mask(b))
        if names_a != names_b or len(set(names_a)) != len(names_a):
            return None
        rest_a, rest_b = a, b
        for n in names_a:
            sa, sb = module_span(rest_a, n), module_span(rest_b, n)
            if sa is None or sb is None:
                return None
            if a[slice(*module_span(a, n))] != b[slice(*module_span(b, n))]:
                out.append(n)
            mark = f"\0{n}\0"
            rest_a = rest_a[:sa[0]] + mark + rest_a[sa[1]:]
            rest_b = rest_b[:sb[0]] + mark + rest_b[sb[1]:]
        if rest_a != rest_b:
            return None
    if not out or top in out:
        return None
    return out


def _instances(trees, top: str, overrides: bool = False, strict: bool = True) -> list[tuple[str, str, tuple | None]] | None:
    """(instance name, module name, (params, ports) or None when not representable) of every
    elaborated instance of the design whose syntax trees (parsed with the project's defines and
    include paths) are ``trees``; None when the compilation has errors or -G overrides apply (with
    ``overrides``: the top elaborated with them).
    Plain data: the pyslang symbols die with their compilation.

    params: ((name, literal), ...) of the non-local parameters; ports: ((name, dir, width), ...)."""
    import pyslang
    from pyslang import ast

    from rtlopt.hdl.project import active

    if active().params and not overrides:
        return None
    opts = ast.CompilationOptions()
    opts.topModules = {top}  # the design's top at its defaults (not as some other module instantiates it)
    if active().params:  # overrides=True: the top with the user's -G values, as Yosys elaborates it
        opts.paramOverrides = [f"{k}={v}" for k, v in active().params]
    comp = ast.Compilation(pyslang.Bag([opts]))
    for t in trees:
        comp.addSyntaxTree(t)
    if [r.name for r in comp.getRoot().topInstances] != [top]:
        return None
    if strict and any(d.isError() for d in comp.getAllDiagnostics()):
        return None  # (not strict: parameter values only, which a slang-only complaint does not change)
    out: list[tuple[str, str, tuple | None]] = []

    def cb(s):
        if s.kind == ast.SymbolKind.Instance:
            try:
                cfg = _config(s)
            except Exception:  # noqa: BLE001 - an unusual symbol: that module is not representable
                cfg = None
            out.append((str(s.name), str(s.definition.name), cfg))
        return True

    comp.getRoot().visit(cb)
    return out


def _full_literal(value) -> str | None:
    """A wide integer parameter value as a sized hex literal (pyslang abbreviates long decimals)."""
    try:
        from pyslang import LiteralBase

        sv = getattr(value, "value", None)
        if type(sv).__name__ != "SVInt" or sv.hasUnknown:
            return None
        return str(sv.toString(LiteralBase.Hex, True)).strip()
    except Exception:  # noqa: BLE001 - not an integer value
        return None


def _config(s) -> tuple | None:
    from pyslang import ast

    params = []
    for p in s.body.parameters:
        sym = getattr(p, "symbol", p)
        if sym.kind != ast.SymbolKind.Parameter:
            return None  # type parameters
        if sym.isLocalParam:
            continue
        v = str(sym.value).strip()
        if not _LIT.match(v):
            v = _full_literal(sym.value) or v  # wide values print abbreviated ("192'd1960...e19")
        if not _LIT.match(v):
            return None
        params.append((str(sym.name), v))
    ports = []
    for p in s.body.portList:
        if p.kind != ast.SymbolKind.Port or not _IDENT.match(p.name):
            return None
        d = str(p.direction).rpartition(".")[2]
        if d not in ("In", "Out"):
            return None
        w = p.type.bitWidth
        if not w or w < 1:
            return None
        ports.append((str(p.name), d, int(w)))
    return (tuple(params), tuple(ports))


def instance_configs(insts: list, module: str) -> list[tuple[tuple, tuple]] | None:
    """The distinct (params, ports) of the instances of ``module`` (None: one is not representable)."""
    out: list[tuple[tuple, tuple]] = []
    for _n, d, cfg in insts:
        if d != module:
            continue
        if cfg is None:
            return None
        if cfg not in out:
            out.append(cfg)
    return out or None


def wrapper_text(module: str, params: tuple, ports: tuple, name: str) -> str:
    decl = ", ".join(f"{'input' if d == 'In' else 'output'} wire [{w - 1}:0] {n}" for n, d, w in ports)
    pv = ", ".join(f".{n}({v})" for n, v in params)
    conn = ", ".join(f".{n}({n})" for n, _d, _w in ports)
    return (f"module {name}({decl});\n"
            f"  {module} {'#(' + pv + ') ' if pv else ''}u_dut ({conn});\n"
            "endmodule\n")


def _all_initialized(files: list[Path], top: str, timeout: float) -> bool:
    from rtlopt.semantic import seqsim

    try:
        net = seqsim.load(files, top, timeout=timeout)
    except Exception:  # noqa: BLE001 - outside the gate model (memories, latches, ...): not modular
        return False
    return all(f.init is not None for f in net.flops)


def _hier_refs(texts: dict[Path, str], insts: list, module: str) -> bool:
    """Whether some text names something inside an instance of ``module`` (``inst.sig``, ``a.inst.sig``,
    ``defparam inst.P``)."""
    names = {n for n, d, _c in insts if d == module}
    for n in names:
        pat = re.compile(rf"(?<![\w$]){re.escape(n)}\s*(\[[^\]]*\]\s*)?\.\s*[A-Za-z_]")
        if any(pat.search(t) for t in texts.values()):
            return True
    return False


def prove_by_modules(gold_ref, gate_ref, old: dict[Path, str], new: dict[Path, str], top: str,
                     timeout_s: float, check_equivalence, VerifyOptions):
    """A VerifyResult EQUIVALENT when every changed module is proven on its own (see the module
    docstring), else None (the caller decides as usual). Never returns another verdict: a module
    that differs on its own may still be equivalent in its context."""
    try:
        return _prove(gold_ref, gate_ref, old, new, top, timeout_s, check_equivalence, VerifyOptions)
    except Exception:  # noqa: BLE001 - a bug here must only cost the shortcut, never a verdict
        return None


def _prove(gold_ref, gate_ref, old, new, top, timeout_s, check_equivalence, VerifyOptions):
    deadline = time.monotonic() + timeout_s
    mods = changed_modules(old, new, top)
    if not mods:
        return None
    gfiles, hfiles = list(gold_ref.files), list(gate_ref.files)
    proofs = []
    with tempfile.TemporaryDirectory(prefix="rtlopt-modproof-") as tmp:
        parsed = getattr(gold_ref, "parsed", None)
        insts = _instances(parsed.trees, top) if parsed is not None else None
        if not insts:
            return None
        for m in mods:
            try:
                cfgs = instance_configs(insts, m)
                if cfgs is None or _hier_refs(new, insts, m) or _hier_refs(old, insts, m):
                    return None
            except Exception:  # noqa: BLE001 - elaboration trouble: no modular proof
                return None
            for i, (params, ports) in enumerate(cfgs):
                left = deadline - time.monotonic()
                if left < 1.0:
                    return None
                name = f"{WRAP}_{i}"
                w = Path(tmp) / f"{m}_{i}_wrap.v"
                w.write_text(wrapper_text(m, params, ports, name))
                ga, ha = [*gfiles, w], [*hfiles, w]
                gkey = (tuple((str(f), hash(f.read_bytes())) for f in gfiles), wrapper_text(m, params, ports, name))
                if gkey not in _GOLD_INIT:  # the input's answer is the same for every candidate of a run
                    if len(_GOLD_INIT) > 256:
                        _GOLD_INIT.clear()
                    _GOLD_INIT[gkey] = _all_initialized(ga, name, left / 2)
                if not (_GOLD_INIT[gkey] and _all_initialized(ha, name, left / 2)):
                    return None
                try:
                    from rtlopt.design import DesignRef

                    res = check_equivalence(DesignRef(tuple(ga), name), DesignRef(tuple(ha), name),
                                            VerifyOptions(timeout_s=max(1.0, deadline - time.monotonic()),
                                                          init="zero", counterexample=False))
                except Exception:  # noqa: BLE001
                    return None
                if not res.equivalent:
                    return None
                proofs.append((m, params, res))
    res = proofs[-1][2]
    sets = ", ".join(f"{m}" + (f" #({', '.join(f'{n}={v}' for n, v in p)})" if p else "") for m, p, _ in proofs)
    res.reason = (f"modular proof: the rewrite lies inside {', '.join(mods)}; each module proven on its own from its "
                  f"initial values (every register has one), no reset forced, every input sequence: {sets}; "
                  f"last: {res.reason}")
    res.seconds = sum(r.seconds for *_x, r in proofs)
    return res
