"""What the PPA flow needs to know about a liberty file, parsed by rtlopt itself.

Yosys ``stat -liberty`` and OpenSTA read the liberty on their own; this module reads it too, for
the things the flow must decide before running them or check after: the library's units, each
cell's area, which cells are ``dont_use`` (plus a built-in list of cells Yosys must not map to,
e.g. SKY130's ``lpflow`` power-management cells that carry no ``dont_use`` attribute), which pins
of sequential cells are clocks, and which cells are tie-high/tie-low cells for ``hilomap``.

The parse of a large liberty (SKY130 is 12.8 MB) takes seconds, so its result is cached as JSON
under the cache directory keyed by the file's sha256; gzip-compressed liberties are decompressed
once into the same cache (Yosys ``dfflibmap``/``abc -liberty`` and OpenSTA 2019 need a plain file).
"""

from __future__ import annotations

import contextlib
import fnmatch
import gzip
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rtlopt.errors import InputError
from rtlopt.ppa.liberty import Liberty

#: Bump when the parsed JSON layout changes (old cache entries are then ignored).
_CACHE_FORMAT = 4

#: Cells that must never be chosen by technology mapping even though their liberty does not say
#: ``dont_use``: SKY130 ``lpflow`` isolation/level-shifter/keep-alive cells and probe cells (the
#: OpenROAD flow's DONT_USE list for sky130hd), whose functions look like ordinary gates/latches.
BUILTIN_DONT_USE = ("*__lpflow_*", "*__probe_p_*", "*__probec_p_*", "*__diode_*", "*__fill_*",
                    "*__tapvpwrvgnd_*", "*__decap_*")

_UNIT_RE = re.compile(r"^\s*([0-9.eE+-]*)\s*([a-zA-Z]+)\s*$")
_SCALE = {"f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1.0, "k": 1e3}


def cache_dir() -> Path:
    """rtlopt's cache directory (``$RTLOPT_CACHE_DIR``, else ``$XDG_CACHE_HOME/rtlopt``)."""
    if os.environ.get("RTLOPT_CACHE_DIR"):
        base = Path(os.environ["RTLOPT_CACHE_DIR"])
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rtlopt"
    return base


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so concurrent readers see either nothing or the whole file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def plain_path(lib: Liberty) -> Path:
    """A path to the uncompressed liberty text (the file itself, or a cached decompressed copy)."""
    if not lib.is_gzip:
        return lib.path
    target = cache_dir() / "liberty" / f"{lib.sha256}.lib"
    if not target.exists():
        try:
            data = gzip.decompress(lib.path.read_bytes())
        except (OSError, EOFError) as exc:
            raise InputError(f"cannot decompress liberty {lib.path}: {exc}") from None
        _atomic_write(target, data)
    return target


@dataclass
class CellInfo:
    """One liberty cell as the flow sees it."""

    name: str
    area: float = 0.0
    dont_use: bool = False
    inputs: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # output pin → function ("" when none)
    sequential: str = ""  # "ff" | "latch" | "" (combinational)
    clock_pins: list[str] = field(default_factory=list)  # pins in clocked_on / enable, or clock: true


@dataclass
class LibInfo:
    """Units and cells of a liberty file."""

    name: str
    time_unit_s: float = 1e-9
    leakage_power_unit_w: float = 1e-9
    cap_unit_f: float = 1e-12
    cells: dict[str, CellInfo] = field(default_factory=dict)

    @property
    def time_unit_ns(self) -> float:
        """One liberty time unit in nanoseconds (1.0 for "1ns", 0.001 for "1ps")."""
        return self.time_unit_s / 1e-9

    def excluded(self) -> list[str]:
        """Cells the mappers must not use: liberty ``dont_use`` plus :data:`BUILTIN_DONT_USE` matches."""
        out = []
        for name, cell in self.cells.items():
            if cell.dont_use or any(fnmatch.fnmatchcase(name, pat) for pat in BUILTIN_DONT_USE):
                out.append(name)
        return sorted(out)

    def tie_cells(self) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
        """``((hi_cell, pin), (lo_cell, pin))`` for ``hilomap``: input-less cells driving constant 1/0.

        Among several candidates the smallest area wins (then the name, for determinism); a cell may
        serve both (SKY130 ``conb_1`` has HI and LO outputs). Cells marked ``dont_use`` qualify (tie
        cells often are, to keep them out of logic mapping) but lose to ones that are not. Either entry
        is None when absent.
        """
        hi: list[tuple[bool, float, str, str]] = []
        lo: list[tuple[bool, float, str, str]] = []
        for name, cell in self.cells.items():
            if cell.inputs or cell.sequential or any(fnmatch.fnmatchcase(name, p) for p in BUILTIN_DONT_USE):
                continue
            for pin, func in cell.outputs.items():
                f = func.replace(" ", "").strip('"')
                if f in ("1", "1'b1"):
                    hi.append((cell.dont_use, cell.area, name, pin))
                elif f in ("0", "1'b0"):
                    lo.append((cell.dont_use, cell.area, name, pin))
        best_hi = min(hi) if hi else None
        best_lo = min(lo) if lo else None
        return ((best_hi[2], best_hi[3]) if best_hi else None, (best_lo[2], best_lo[3]) if best_lo else None)

    def to_json(self) -> str:
        return json.dumps({"format": _CACHE_FORMAT, **asdict(self)})

    @classmethod
    def from_json(cls, text: str) -> LibInfo:
        raw = json.loads(text)
        if raw.pop("format", None) != _CACHE_FORMAT:
            raise ValueError("stale cache format")
        cells = {k: CellInfo(**v) for k, v in raw.pop("cells").items()}
        return cls(cells=cells, **raw)


# -- parsing ------------------------------------------------------------------------------------
_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_TOKEN = re.compile(r"""
    (?P<open>[A-Za-z_][\w.]*)\s*\((?P<oargs>[^()]*)\)\s*\{
  | (?P<close>\})
  | (?P<attr>[A-Za-z_][\w.]*)\s*:\s*(?P<aval>"(?:[^"\\]|\\.)*"|[^;{}\n]*?)\s*(?:;|(?=\n)|(?=\}))
  | (?P<complex>[A-Za-z_][\w.]*)\s*\((?P<cargs>(?:"(?:[^"\\]|\\.)*"|[^()"])*)\)\s*;?
""", re.X | re.S)


def _unq(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


def _unit(text: str, base: str, default: float) -> float:
    """``"1ns"`` with base ``s`` → 1e-9; falls back to ``default`` when it cannot be read."""
    m = _UNIT_RE.match(_unq(text))
    if not m:
        return default
    num = float(m.group(1)) if m.group(1) else 1.0
    suffix = m.group(2)
    if not suffix.lower().endswith(base.lower()):
        return default
    prefix = suffix[: -len(base)]
    scale = _SCALE.get(prefix, _SCALE.get(prefix.lower()))
    return default if scale is None else num * scale


def _pins_in(expr: str) -> list[str]:
    return re.findall(r"[A-Za-z_][\w\[\]]*", _unq(expr))


def parse_liberty_text(text: str, name: str = "") -> LibInfo:
    """Parse the parts of liberty ``text`` the flow uses (see :class:`LibInfo`)."""
    text = _COMMENT.sub(" ", text).replace("\\\n", " ").replace("\\\r\n", " ")
    info = LibInfo(name=name)
    stack: list[tuple[str, str]] = []
    cell: CellInfo | None = None
    pin_names: list[str] = []
    pin_dir = ""
    pin_func = ""
    pin_clock = False
    for m in _TOKEN.finditer(text):
        if m.group("open"):
            group, args = m.group("open"), _unq(m.group("oargs"))
            stack.append((group, args))
            depth = len(stack)
            if group == "library" and depth == 1:
                info.name = info.name or args
            elif group == "cell" and depth == 2:
                cell = CellInfo(name=args)
                info.cells[args] = cell
            elif cell is not None and depth == 3 and group in ("pin", "bus", "bundle"):
                pin_names = [_unq(p) for p in args.split(",")] if group == "pin" else [args]
                pin_dir, pin_func, pin_clock = "", "", False
            elif cell is not None and depth == 3 and group in ("ff", "ff_bank", "latch", "latch_bank", "statetable"):
                cell.sequential = "latch" if group.startswith("latch") else "ff"
        elif m.group("close"):
            if not stack:
                continue
            group, _ = stack.pop()
            depth = len(stack) + 1
            if cell is not None and depth == 3 and group in ("pin", "bus", "bundle"):
                for p in pin_names:
                    if pin_dir == "input":
                        cell.inputs.append(p)
                    elif pin_dir in ("output", "inout"):
                        cell.outputs[p] = pin_func
                    if pin_clock and pin_dir == "input" and p not in cell.clock_pins:
                        cell.clock_pins.append(p)
            elif group == "cell" and depth == 2:
                cell = None
        elif m.group("attr"):
            key, val = m.group("attr"), m.group("aval")
            depth = len(stack)
            if depth == 1:
                if key == "time_unit":
                    info.time_unit_s = _unit(val, "s", 1e-9)
                elif key == "leakage_power_unit":
                    info.leakage_power_unit_w = _unit(val, "W", 1e-9)
            elif cell is not None and depth == 2:
                if key == "area":
                    try:
                        cell.area = float(_unq(val))
                    except ValueError:
                        cell.area = 0.0
                elif key == "dont_use":
                    cell.dont_use = _unq(val).lower() == "true"
            elif cell is not None and depth == 3:
                group = stack[-1][0]
                if group in ("pin", "bus", "bundle"):
                    if key == "direction":
                        pin_dir = _unq(val).lower()
                    elif key == "function":
                        pin_func = _unq(val)
                    elif key == "clock":
                        pin_clock = _unq(val).lower() == "true"
                elif group.startswith(("ff", "latch")) and key in ("clocked_on", "enable", "clocked_on_also"):
                    for p in _pins_in(val):
                        if p not in cell.clock_pins:
                            cell.clock_pins.append(p)
        elif m.group("complex"):
            key = m.group("complex")
            if len(stack) == 1 and key == "capacitive_load_unit":
                parts = [p.strip().strip('"') for p in m.group("cargs").split(",")]
                if len(parts) == 2:
                    with contextlib.suppress(ValueError):
                        info.cap_unit_f = float(parts[0]) * _SCALE.get(parts[1].lower()[:-1], 1e-12)
    if not info.cells:
        raise InputError(f"liberty {name or '(unnamed)'} defines no cells")
    return info


_MEMO: dict[str, LibInfo] = {}


def lib_info(lib: Liberty) -> LibInfo:
    """Parsed :class:`LibInfo` for ``lib``, from memory, the on-disk cache, or a fresh parse."""
    if lib.sha256 in _MEMO:
        return _MEMO[lib.sha256]
    cached = cache_dir() / "liberty" / f"{lib.sha256}.info.json"
    info: LibInfo | None = None
    if cached.exists():
        try:
            info = LibInfo.from_json(cached.read_text())
        except (ValueError, TypeError, KeyError):
            info = None
    if info is None:
        info = parse_liberty_text(plain_path(lib).read_text(errors="replace"), lib.name)
        _atomic_write(cached, info.to_json().encode())
    _MEMO[lib.sha256] = info
    return info
