"""Area estimate of one module's own logic for modules too large to synthesize within their slice.

The full per-module flow (:mod:`rtlopt.ppa._permodule`) runs ``synth`` (fine-grained optimization)
and ABC technology mapping; on a module with hundreds of multipliers or a memory of thousands of
reset words that does not finish in the time a hierarchical run can give it. This estimate runs only
the cheap part: ``synth -run :fine`` (coarse-grained: proc, wreduce, alumacc, share, opt), then
``memory_map`` and ``techmap`` to Yosys's generic gates, ``opt -fast -full`` (constant folding and
merging only: no logic restructuring, no ABC), and
``dfflibmap`` for the flip-flops. Each generic gate is priced at the smallest library cell computing
its function (found from the liberty ``function`` strings, inputs in any order; a gate without
such a cell is priced as the cells it decomposes into). The number is an ESTIMATE: it keeps the
redundancy that ABC would remove, so it is usually above what the full flow reports (measured on the
long-suite modules: see benchmarks/realworld_bench.py), and the report says so everywhere it is used.
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
import time
from pathlib import Path

from rtlopt.errors import InputError, ToolError, UnsupportedConstruct
from rtlopt.ppa import _cache, _flow
from rtlopt.ppa._libinfo import LibInfo, lib_info, plain_path
from rtlopt.ppa._report import Metric, PpaReport
from rtlopt.tools.yosys import input_error_from_yosys, yosys_error

SOURCE = ("ESTIMATE: yosys coarse synthesis + techmap to generic gates (no logic optimization, no ABC), "
          "each gate priced at the smallest library cell of its function")
MEASURED = "estimate (module alone, submodules as black boxes; coarse synthesis + techmap, no ABC)"
_STAT = "est_stat.json"
#: cheap gate-level clean-up after techmap (constant folding, merging, dead logic; no ABC)
_POST = ("opt -fast -full", "opt_clean")

#: generic gate -> (number of inputs, function of the inputs A, B, C/S, D as a Python callable)
_GATES = {
    "$_BUF_": (1, lambda a: a),
    "$_NOT_": (1, lambda a: 1 - a),
    "$_AND_": (2, lambda a, b: a & b),
    "$_NAND_": (2, lambda a, b: 1 - (a & b)),
    "$_OR_": (2, lambda a, b: a | b),
    "$_NOR_": (2, lambda a, b: 1 - (a | b)),
    "$_XOR_": (2, lambda a, b: a ^ b),
    "$_XNOR_": (2, lambda a, b: 1 - (a ^ b)),
    "$_ANDNOT_": (2, lambda a, b: a & (1 - b)),
    "$_ORNOT_": (2, lambda a, b: a | (1 - b)),
    "$_MUX_": (3, lambda a, b, s: b if s else a),
    "$_NMUX_": (3, lambda a, b, s: 1 - (b if s else a)),
    "$_AOI3_": (3, lambda a, b, c: 1 - ((a & b) | c)),
    "$_OAI3_": (3, lambda a, b, c: 1 - ((a | b) & c)),
    "$_AOI4_": (4, lambda a, b, c, d: 1 - ((a & b) | (c & d))),
    "$_OAI4_": (4, lambda a, b, c, d: 1 - ((a | b) & (c | d))),
}
#: a gate without a library cell of its own function: the gates it is priced as
_FALLBACK = {
    "$_NAND_": ("$_AND_", "$_NOT_"), "$_NOR_": ("$_OR_", "$_NOT_"), "$_XNOR_": ("$_XOR_", "$_NOT_"),
    "$_ANDNOT_": ("$_AND_", "$_NOT_"), "$_ORNOT_": ("$_OR_", "$_NOT_"), "$_NMUX_": ("$_MUX_", "$_NOT_"),
    "$_AOI3_": ("$_AND_", "$_NOR_"), "$_OAI3_": ("$_OR_", "$_NAND_"),
    "$_AOI4_": ("$_AND_", "$_AND_", "$_NOR_"), "$_OAI4_": ("$_OR_", "$_OR_", "$_NAND_"),
    "$_AND_": ("$_NAND_", "$_NOT_"), "$_OR_": ("$_NOR_", "$_NOT_"), "$_XOR_": ("$_XNOR_", "$_NOT_"),
    "$_MUX_": ("$_AND_", "$_AND_", "$_OR_", "$_NOT_"), "$_BUF_": ("$_NOT_", "$_NOT_"),
}


# ----------------------------------------------------------------------------------------------------
# liberty functions

_TOK = re.compile(r"\s*(?:(?P<id>[A-Za-z_][\w\[\]\.]*)|(?P<const>[01])|(?P<op>[!'&*|+^()]))")


def _eval_function(expr: str, env: dict[str, int]) -> int:
    """Value of a liberty ``function`` string (``!``/``'`` not, ``&``/``*``/juxtaposition and,
    ``|``/``+`` or, ``^`` xor, parentheses) for the pin values ``env``."""
    toks: list[tuple[str, str]] = []
    pos = 0
    expr = expr.strip()
    while pos < len(expr):
        m = _TOK.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"bad function {expr!r}")
        pos = m.end()
        kind = m.lastgroup or ""
        toks.append((kind, m.group(kind)))
    i = 0

    def peek() -> tuple[str, str] | None:
        return toks[i] if i < len(toks) else None

    def take() -> tuple[str, str]:
        nonlocal i
        i += 1
        return toks[i - 1]

    def atom() -> int:
        t = take()
        if t == ("op", "!"):
            return 1 - atom()
        if t == ("op", "("):
            v = orx()
            if take() != ("op", ")"):
                raise ValueError("unbalanced")
            return post(v)
        if t[0] == "const":
            return post(int(t[1]))
        if t[0] == "id":
            return post(env[t[1]])
        raise ValueError(f"unexpected {t[1]!r}")

    def post(v: int) -> int:
        while peek() == ("op", "'"):
            take()
            v = 1 - v
        return v

    def andx() -> int:
        v = atom()
        while True:
            t = peek()
            if t in (("op", "&"), ("op", "*")):
                take()
                v &= atom()
            elif t is not None and (t[0] in ("id", "const") or t in (("op", "!"), ("op", "("))):
                v &= atom()  # juxtaposition
            else:
                return v

    def xorx() -> int:
        v = andx()
        while peek() == ("op", "^"):
            take()
            v ^= andx()
        return v

    def orx() -> int:
        v = xorx()
        while peek() in (("op", "|"), ("op", "+")):
            take()
            v |= xorx()
        return v

    v = orx()
    if i != len(toks):
        raise ValueError("trailing tokens")
    return v


def gate_prices(info: LibInfo) -> dict[str, tuple[float, str]]:
    """generic gate type -> (area, how priced): the smallest usable cell of the same function."""
    tables = {g: tuple(f(*bits) for bits in itertools.product((0, 1), repeat=n)) for g, (n, f) in _GATES.items()}
    best: dict[str, tuple[float, str]] = {}
    excluded = set(info.excluded())
    for cell in info.cells.values():
        if cell.dont_use or cell.name in excluded or cell.sequential or len(cell.outputs) != 1 or cell.area <= 0:
            continue
        func = next(iter(cell.outputs.values()))
        n = len(cell.inputs)
        if not func or n > 4:
            continue
        for perm in itertools.permutations(cell.inputs):
            try:
                tt = tuple(_eval_function(func, dict(zip(perm, bits, strict=True)))
                           for bits in itertools.product((0, 1), repeat=n))
            except (ValueError, KeyError):
                break
            for g, t in tables.items():
                if t == tt and (g not in best or cell.area < best[g][0]):
                    best[g] = (cell.area, cell.name)
    for _ in range(3):  # gates without their own cell: priced as their decomposition
        for g, parts in _FALLBACK.items():
            if g not in best and all(p in best for p in parts):
                best[g] = (sum(best[p][0] for p in parts), "+".join(best[p][1] for p in parts))
    return best


# ----------------------------------------------------------------------------------------------------
# the flow


def estimate_script(files, top: str, liberty: str | Path, dont_use=()) -> str:
    from rtlopt.ppa._permodule import own_area_script

    full = own_area_script(files, top, liberty, dont_use).splitlines()
    read = full[:full.index(f"log {_flow.PHASE_MARK} synth")]
    return "\n".join([*read,
                      f"log {_flow.PHASE_MARK} synth",
                      f"synth -top {top} -flatten -run :fine",
                      *estimate_lines(top, liberty, dont_use)]) + "\n"


_CKPT_STAT = "own_est_stat.json"


def with_checkpoint(script: str, liberty: str | Path, dont_use=()) -> str:
    """The per-module script with the estimate written first: after the coarse synthesis the design is
    saved, estimated (:func:`estimate_lines`, statistics to ``own_est_stat.json``) and restored, and the
    full flow goes on. One read and one coarse synthesis serve both numbers, so a module whose full flow
    does not fit its time slice still has its estimate from the same run."""
    lines = script.splitlines()
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("synth ") and ln.endswith(":fine")) + 1
    phase = f"log {_flow.PHASE_MARK} synth"
    lines[cut:cut] = ["design -save rtlopt_coarse", *estimate_lines("", liberty, dont_use, _CKPT_STAT),
                      "design -load rtlopt_coarse", phase]
    return "\n".join(lines) + "\n"


def checkpoint_report(ref, liberty, info: LibInfo, workdir: Path, script: str, seconds: float,
                      texts: dict[Path, str] | None, why: str) -> PpaReport | None:
    """The estimate a :func:`with_checkpoint` run wrote before ``why`` ended it (None: not reached)."""
    from rtlopt.ppa._permodule import cached_own

    try:
        stat = json.loads((Path(workdir) / _CKPT_STAT).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(stat, dict) or "design" not in stat:
        return None
    k, _ = cached_own(ref, liberty, texts, "own-estimate")
    return estimate_report(ref, liberty, info, stat, script, seconds, k,
                           note=f"the full flow did not finish ({why}); estimated from the same run's coarse synthesis")


def estimate_own(ref, *, liberty, timeout: float = 120.0, texts: dict[Path, str] | None = None) -> PpaReport:
    """Estimated area of ``ref.top``'s own logic (see the module docstring), cached by content."""
    from rtlopt.ppa._measure import _tool
    from rtlopt.ppa._permodule import cached_own
    from rtlopt.tools import Yosys

    k, rep = cached_own(ref, liberty, texts, "own-estimate")
    if rep is not None:
        return rep
    start = time.monotonic()
    info = lib_info(liberty)
    script = estimate_script(ref.files, ref.top, plain_path(liberty), info.excluded())
    with tempfile.TemporaryDirectory(prefix="rtlopt-ppa-est-") as tmp:
        res = _tool(Yosys).run_script(script, cwd=tmp, timeout=timeout, check=False)
        if res.returncode != 0:
            phase = _flow.failed_phase(res.stdout)
            if phase == "read":
                raise input_error_from_yosys(res)
            if phase == "synth":
                err = input_error_from_yosys(res)
                raise UnsupportedConstruct(f"cannot synthesize module '{ref.top}': {err.message}",
                                           file=err.file, line=err.line)
            raise ToolError(f"yosys estimate of module '{ref.top}' failed: {yosys_error(res)}",
                            log=res.stdout + res.stderr)
        try:
            stat = json.loads((Path(tmp) / _STAT).read_text())
        except (OSError, ValueError) as exc:
            raise InputError(f"no statistics for module '{ref.top}': {exc}") from None
    return estimate_report(ref, liberty, info, stat, script, time.monotonic() - start, k)


def estimate_lines(top: str, liberty: str | Path, dont_use=(), stat_file: str = _STAT) -> list[str]:
    """The estimate after a design's coarse synthesis (``synth -run :fine``): generic gates, flip-flops
    mapped, statistics to ``stat_file``."""
    du = "".join(f" -dont_use {c}" for c in dont_use)
    return ["delete t:$scopeinfo t:$print t:$check", "memory_map", "techmap", *_POST,
            f"log {_flow.PHASE_MARK} map", f"dfflibmap -liberty {liberty}{du}", "opt_clean", f"tee -q -o {stat_file} stat -json"]


def estimate_report(ref, liberty, info: LibInfo, stat: dict, script: str, seconds: float, key: str | None,
                    note: str = "") -> PpaReport:
    """The labelled estimate report of a ``stat -json`` after :func:`estimate_lines`, cached under ``key``."""
    by_type = {t: int(n) for t, n in stat.get("design", {}).get("num_cells_by_type", {}).items()}
    area, priced, unpriced = estimate_area(by_type, info)
    na = "not estimated (needs the flat netlist)"
    rep = PpaReport(
        area_um2=Metric(round(area, 6), "um^2", SOURCE),
        delay_ns=Metric(None, "ns", na), power_mw=Metric(None, "mW", na),
        cells=Metric(sum(priced.values()), "cells", SOURCE),
        generic_cells=Metric(None, "cells", na), generic_wires=Metric(None, "wires", na),
        cells_by_type=priced,
        provenance={"top": ref.top, "files": [str(f) for f in ref.files], "liberty": liberty.provenance(),
                    "measured": MEASURED + (f"; {note}" if note else ""), "estimate": True, "unpriced": unpriced,
                    "black_boxes": sorted(t for t in unpriced if not t.startswith("$"))},
        scripts={"yosys": script}, seconds=seconds)
    if key is not None:
        path = _cache.store(key, rep.to_dict())
        rep.provenance["cache"] = {"hit": False, "key": key, "stored": str(path) if path else None}
    return rep


def estimate_area(by_type: dict[str, int], info: LibInfo) -> tuple[float, dict[str, int], dict[str, int]]:
    """(area, priced cell counts, unpriced cell counts) of a stat after techmap + dfflibmap."""
    prices = gate_prices(info)
    excluded = set(info.excluded())
    ffs = [c.area for c in info.cells.values()
           if c.sequential == "ff" and not c.dont_use and c.name not in excluded and c.area > 0]
    ff_price = min(ffs) if ffs else 0.0
    area = 0.0
    priced: dict[str, int] = {}
    unpriced: dict[str, int] = {}
    for t, n in by_type.items():
        if t in info.cells:
            area += info.cells[t].area * n
        elif t in prices:
            area += prices[t][0] * n
        elif t.startswith(("$_DFF", "$_SDFF", "$_DFFE", "$_SDFFE", "$_ALDFF", "$_DFFSR")) and ff_price:
            area += ff_price * n  # a flip-flop kind dfflibmap could not map: the smallest flip-flop
        else:
            unpriced[t] = n
            continue
        priced[t] = n
    return area, priced, unpriced
