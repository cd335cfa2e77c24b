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

from rtlopt.errors import InputError, ToolError, ToolTimeout, UnsupportedConstruct
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
    from rtlopt.ppa._permodule import keep_state_lines, own_area_script

    full = own_area_script(files, top, liberty, dont_use).splitlines()
    read = full[:full.index(f"log {_flow.PHASE_MARK} synth")]
    keep = [ln for ln in keep_state_lines(top) if ln in full]  # a module without outputs: its registers kept
    return "\n".join([*read,
                      f"log {_flow.PHASE_MARK} synth",
                      *keep,
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


# ----------------------------------------------------------------------------------------------------
# the slang frontend: the same estimate, elaborated by read_slang (yosys-slang in the pyosys wheel)
#
# Yosys's own Verilog frontend turns every part-select whose index is a variable of the procedure
# (``r[k*W +: W] = ...`` with ``k = k + 1`` in a loop) into a case over every position; on a module with
# hundreds of them, reading alone takes minutes. slang evaluates such procedures with the variables'
# values at elaboration (constant slices), in seconds. A net assigned in an always block (which Yosys
# reads as a variable, with a warning) is an error for slang: the estimate then reads a copy of that
# file in which those nets are declared ``reg``, as Yosys reads them, and says so.

_NET_ERR = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+): ERROR: cannot assign to a net within a procedural context")
_MODULE = re.compile(r"^\s*(?:module|macromodule)\s+(\w+)", re.M)


def _module_names(texts: list[str]) -> list[str]:
    from rtlopt.engine.hierarchy import _mask

    out: list[str] = []
    for t in texts:
        out += [m for m in _MODULE.findall(_mask(t)) if m not in out]
    return out


def slang_script(files, top: str, others, liberty: str | Path, dont_use=(), std: str = "1364-2005",
                 src_dirs=()) -> str:
    """read_slang (``top`` elaborated, every other module a black box), coarse synthesis, the estimate."""
    from rtlopt.hdl.project import active
    from rtlopt.ppa._permodule import _texts_of as _texts
    from rtlopt.ppa._permodule import has_output_ports, keep_state_lines
    from rtlopt.tools.yosys import _q

    proj = active()
    flags = [f"--std {std}"]
    for k, v in dict(proj.defines).items():
        flags.append(_q(f"-D{k}" if v is None or v == "" else f"-D{k}={v}"))
    dirs: list[str] = []
    for f in files:
        for d in [*proj.include_dirs_for(f), *src_dirs]:
            if str(d) not in dirs:
                dirs.append(str(d))
    flags += [_q(f"-I{d}") for d in dirs]
    bb = "".join(f" --blackboxed-module {m}" for m in others if m != top)
    return "\n".join([f"log {_flow.PHASE_MARK} read",
                      f"read_slang {' '.join(flags)} {' '.join(_q(f) for f in files)} --top {top}{bb}",
                      f"hierarchy -top {top}",
                      f"log {_flow.PHASE_MARK} synth",
                      *([] if has_output_ports(_texts(files), top) else keep_state_lines(top)),
                      f"synth -top {top} -flatten -run :fine",
                      *estimate_lines(top, liberty, dont_use)]) + "\n"


def _procedural_nets(log: str) -> dict[str, set[int]]:
    """file (as slang printed it) -> lines where it reports a net assigned in a procedural context."""
    out: dict[str, set[int]] = {}
    for line in log.splitlines():
        m = _NET_ERR.match(line.strip())
        if m:
            out.setdefault(m["file"], set()).add(int(m["line"]))
    return out


_LHS = re.compile(r"([A-Za-z_]\w*)\s*(?:\[[^=;]*\])?\s*<?=(?!=)")


def _assigned_names(text: str, lines: set[int]) -> set[str]:
    """The variable assigned on each of ``lines`` (1-based): the first ``name[...] =`` / ``<=`` there."""
    src = text.splitlines()
    out = set()
    for ln in lines:
        if 0 < ln <= len(src):
            m = _LHS.search(src[ln - 1])
            if m:
                out.add(m.group(1))
    return out


def _nets_as_variables(text: str, names) -> tuple[str, list[str]]:
    """``text`` with the declarations of the nets ``names`` changed from ``wire`` to ``reg``."""
    out, done = text, []
    for n in sorted(names):
        # a declaration without an initializer: [input|output|inout] wire [range] a, b, n, c;
        # or an ANSI port / single name: wire [signed] [range] n
        first = re.compile(r"\b(?P<kw>wire)\b\s*(?:signed\b\s*)?(?:\[[^\]]*\]\s*)?" + re.escape(n) + r"\b(?!\s*=)")
        decl = re.compile(r"\b(?P<kw>wire)\b(?P<rest>[^;=()]*\b" + re.escape(n) + r"\b[^;=()]*;)")
        m = first.search(out) or decl.search(out)
        if m:
            out = out[:m.start("kw")] + "reg" + out[m.end("kw"):]
            done.append(n)
    return out, done


def estimate_own_slang(ref, *, liberty, timeout: float, texts: dict[Path, str] | None = None) -> PpaReport:
    """The estimate with read_slang as the frontend (see above); raises on any read/elaboration error."""
    from rtlopt.ppa._measure import _tool
    from rtlopt.ppa._permodule import cached_own
    from rtlopt.tools import Yosys

    k, _ = cached_own(ref, liberty, texts, "own-estimate")
    start = time.monotonic()
    info = lib_info(liberty)
    body = {Path(f): (texts or {}).get(Path(f)) or Path(f).read_text(encoding="utf-8", errors="replace")
            for f in ref.files}
    std = "1800-2017" if any(Path(f).suffix in (".sv", ".svh") for f in ref.files) else "1364-2005"
    others = _module_names(list(body.values()))
    yosys = _tool(Yosys)
    with tempfile.TemporaryDirectory(prefix="rtlopt-ppa-slang-") as tmp:
        files = [str(f) for f in ref.files]
        for i, f in enumerate(ref.files):  # a candidate's text (not on disk): read from a copy
            if texts and Path(f) in texts and texts[Path(f)] != Path(f).read_text(encoding="utf-8", errors="replace"):
                files[i] = str(Path(tmp) / f"t{i}_{Path(f).name}")
                Path(files[i]).write_text(texts[Path(f)], encoding="utf-8")
        note = "read by slang"
        for attempt in (1, 2):
            script = slang_script(files, ref.top, others, plain_path(liberty), info.excluded(), std,
                                  src_dirs=[str(Path(f).resolve().parent) for f in ref.files])
            left = timeout - (time.monotonic() - start)
            if left < 1:
                raise ToolTimeout(f"yosys exceeded its time limit of {timeout:g} s")
            res = yosys.run_script(script, cwd=tmp, timeout=left, check=False)
            if res.returncode == 0:
                break
            bad = {(Path(tmp) / b).resolve(): ns for b, ns in _procedural_nets(res.stdout + res.stderr).items()}
            if attempt == 2 or not bad or _flow.failed_phase(res.stdout) != "read":
                raise ToolError(f"slang estimate of module '{ref.top}' failed: {yosys_error(res)}",
                                log=res.stdout + res.stderr)
            changed = []
            for i, f in enumerate(ref.files):
                hit = bad.get(Path(f).resolve())
                if not hit:
                    continue
                wanted = _assigned_names(body[Path(f)], hit)
                new, names = _nets_as_variables(body[Path(f)], wanted)
                if names:
                    copy = Path(tmp) / f"n{i}_{Path(f).name}"
                    copy.write_text(new, encoding="utf-8")
                    files[i] = str(copy)
                    changed += sorted(wanted)
            if not changed:
                raise ToolError(f"slang estimate of module '{ref.top}' failed: {yosys_error(res)}",
                                log=res.stdout + res.stderr)
            note = f"read by slang; nets assigned in always blocks read as variables, as Yosys reads them: {', '.join(changed)}"
        try:
            stat = json.loads((Path(tmp) / _STAT).read_text())
        except (OSError, ValueError) as exc:
            raise InputError(f"no statistics for module '{ref.top}': {exc}") from None
    return estimate_report(ref, liberty, info, stat, script, time.monotonic() - start, k, note=note)


def estimate_own(ref, *, liberty, timeout: float = 120.0, texts: dict[Path, str] | None = None) -> PpaReport:
    """Estimated area of ``ref.top``'s own logic (see the module docstring), cached by content: read
    by slang first (seconds where Yosys's frontend takes minutes), else by Yosys's Verilog frontend."""
    from rtlopt.ppa._measure import _tool
    from rtlopt.ppa._permodule import cached_own
    from rtlopt.tools import Yosys

    k, rep = cached_own(ref, liberty, texts, "own-estimate")
    if rep is not None:
        return rep
    start = time.monotonic()
    try:
        return estimate_own_slang(ref, liberty=liberty, timeout=timeout, texts=texts)
    except ToolTimeout:
        raise
    except (ToolError, InputError, OSError):
        pass  # slang could not read it: Yosys's frontend (what the full flow reads)
    timeout = max(1.0, timeout - (time.monotonic() - start))
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
