"""Children instantiated with several parameter sets, optimized in one search over all of them.

In the module-by-module run (:func:`rtlopt.engine.hierarchy.optimize_hierarchical`) a child whose
instances all have the same parameter values is optimized with those values as its ``-G``. A child
with several configurations (``axis_register`` x8 inside ``axis_switch``: four at the input width,
four at the output width) is optimized here: a generated wrapper module instantiates the child once
per distinct configuration, and the ordinary search runs with the wrapper as the top and the child
as the only module it may edit. So, with nothing new in the search:

* every candidate is proven at every configuration at once (the wrapper's outputs are every
  instance's outputs; inputs of the same name and width are shared, which still lets each instance
  see every input sequence, as its outputs are its own),
* every rewrite is pinned to exactly the configurations in use (``rtlopt.engine.parampin``: the
  condition is the disjunction of the configurations), unless it is parameter-independent,
* a candidate is measured at every configuration: its area is the instance-weighted mean of the
  child's own area at each configuration (``measure_fn``), or the wrapper flat (one instance per
  configuration) without one.

The wrapper lives in a temporary file that is never written next to the user's files and is dropped
from the result.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path

WRAP = "rtlopt_configs"
#: more configurations than this: the child is left to its parents (each candidate is measured once per
#: configuration; a generate loop giving every instance its own index would multiply the search's cost)
MAX_CONFIGS = 8
_SAFE = re.compile(r"[^A-Za-z0-9_]")


def configurations(design, modules) -> dict[str, list[tuple[tuple, tuple, int]]]:
    """{module: [(params, ports, instance count), ...]} for each of ``modules`` (not the top) with
    two to ``MAX_CONFIGS`` distinct representable configurations in the elaborated design under its
    top; a module with an instance that cannot be represented (type or string parameters, interface
    or unpacked ports) is left out."""
    from rtlopt.engine.modproof import _instances

    if not modules or design.parsed is None:
        return {}
    try:
        insts = _instances(design.parsed.trees, design.top, overrides=True, strict=False)
    except Exception:  # noqa: BLE001 - elaboration trouble: no configurations
        return {}
    if not insts:
        return {}
    out: dict[str, list[tuple[tuple, tuple, int]]] = {}
    bad: set[str] = set()
    for _inst, mod, cfg in insts:
        if mod not in modules or mod == design.top:
            continue
        if cfg is None:
            bad.add(mod)
            continue
        rows = out.setdefault(mod, [])
        for i, (p, q, k) in enumerate(rows):
            if (p, q) == cfg:
                rows[i] = (p, q, k + 1)
                break
        else:
            rows.append((cfg[0], cfg[1], 1))
    return {m: rows for m, rows in out.items()
            if m not in bad and 2 <= len(rows) <= MAX_CONFIGS and all(r[0] for r in rows)}


def wrapper_name(module: str) -> str:
    return f"{WRAP}_{_SAFE.sub('_', module)}"


def wrapper_text(module: str, cfgs: list[tuple[tuple, tuple, int]]) -> str:
    """A module instantiating ``module`` once per configuration: inputs of the same name and width
    in every configuration shared, the others and every output per instance (``c<i>_<port>``)."""
    widths: dict[str, set[int]] = {}
    for _p, ports, _k in cfgs:
        for n, d, w in ports:
            if d == "In":
                widths.setdefault(n, set()).add(w)
    shared = {n for n, ws in widths.items() if len(ws) == 1 and all(
        any(pn == n for pn, _d, _w in ports) for _p, ports, _k in cfgs)}
    decls: list[str] = []
    for n in sorted(shared):
        decls.append(f"input wire [{next(iter(widths[n])) - 1}:0] {n}")
    body: list[str] = []
    for i, (params, ports, _k) in enumerate(cfgs):
        conn = []
        for n, d, w in ports:
            if d == "In" and n in shared:
                conn.append(f".{n}({n})")
                continue
            local = f"c{i}_{n}"
            decls.append(f"{'input' if d == 'In' else 'output'} wire [{w - 1}:0] {local}")
            conn.append(f".{n}({local})")
        pv = ", ".join(f".{n}({v})" for n, v in params)
        body.append(f"  {module} #({pv}) c{i} ({', '.join(conn)});")
    head = f"module {wrapper_name(module)}(" + ",\n    ".join(decls) + ");"
    return "\n".join([head, *body, "endmodule", ""])


class Wrapped:
    """The design with the wrapper file added (``files``, ``top``, ``path``); use as a context
    manager (the wrapper's directory is removed on exit)."""

    def __init__(self, design, module: str, cfgs):
        from rtlopt.design import open_design

        self.module, self.cfgs = module, cfgs
        self._dir = tempfile.TemporaryDirectory(prefix="rtlopt-configs-")
        self.path = (Path(self._dir.name) / f"{wrapper_name(module)}.v").resolve()
        self.text = wrapper_text(module, cfgs)
        self.path.write_text(self.text, encoding="utf-8")
        self.top = wrapper_name(module)
        self.design = open_design([*design.files, self.path], self.top)

    def __enter__(self) -> Wrapped:
        return self

    def __exit__(self, *exc) -> None:
        self._dir.cleanup()


def condition_text(cfgs) -> str:
    return " | ".join(", ".join(f"{n}={v}" for n, v in p) + f" (x{k})" for p, _q, k in cfgs)


def project_at(params: tuple):
    """The active project with ``params`` as the top's -G values."""
    from rtlopt.hdl.project import active

    return replace(active(), params=tuple(params))


def measure_configs(measure_fn, files, module: str, cfgs, texts=None, timeout: float = 300.0):
    """``module``'s own area at every configuration (``measure_fn`` with the module as the top and
    each configuration as its -G, in this thread), as the instance-weighted mean: a report whose
    area times the module's instance count is its total area in the design."""
    import time

    from rtlopt.design import DesignRef
    from rtlopt.errors import ToolTimeout
    from rtlopt.hdl.project import using_here
    from rtlopt.ppa._report import Metric

    end = time.monotonic() + timeout
    files = tuple(f for f in files if not Path(f).name.startswith(WRAP))
    total = n = 0
    first = None
    how = []
    for params, _ports, k in cfgs:
        left = end - time.monotonic()
        if left < 1:
            raise ToolTimeout(f"{module}: no time left to measure every configuration")
        with using_here(project_at(params)):
            rep = measure_fn(DesignRef(files, module), texts=texts, timeout=left)
        a = rep.area_um2.value
        if a is None:
            return rep
        first = first or rep
        total += a * k
        n += k
        how.append(f"{a:.1f}")
        if rep.provenance.get("estimate"):
            first.provenance["estimate"] = True
    mean = total / n
    src = f"{first.area_um2.source}; instance-weighted mean over {len(cfgs)} configurations ({', '.join(how)})"
    out = replace(first, area_um2=Metric(round(mean, 6), "um^2", src))
    out.provenance = dict(first.provenance)
    return out


__all__ = ["Wrapped", "condition_text", "configurations", "measure_configs", "wrapper_name", "wrapper_text"]
