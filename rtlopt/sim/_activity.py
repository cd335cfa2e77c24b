"""Switching activity from a VCD of the original's simulation (pure: parses a file).

Counts 0<->1 transitions of every dumped net bit (X/Z transitions are not toggles), and gives the
average number of toggles per net bit per clock cycle, the figure a power analysis that takes one
global activity (OpenSTA 2019 ``set_power_activity -global``) needs. Nets that carry the clock are
left out of the average.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Activity:
    """Toggle statistics of one simulation."""

    source: str
    cycles: int
    net_bits: int
    toggles: int
    average_toggle_rate: float
    busiest: list[tuple[str, float]] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["busiest"] = [{"net": n, "toggle_rate": r} for n, r in self.busiest]
        return d


def _bits_of(value: str, width: int) -> str:
    value = value.lower()
    if len(value) >= width:
        return value[-width:]
    pad = value[0] if value and value[0] in "xz" else "0"
    return value.rjust(width, pad)


def parse_vcd_activity(path: Path, *, cycles: int, clock_names: set[str], source: str,
                       top_k: int = 10) -> Activity:
    """Toggle counts per net bit in ``path`` (a VCD), averaged per clock cycle over non-clock nets."""
    ids: dict[str, tuple[str, int]] = {}  # id code -> (first full name, width)
    scope: list[str] = []
    clock_ids: set[str] = set()
    last: dict[str, str] = {}
    toggles: dict[str, int] = {}
    in_defs = True
    with open(path, errors="replace") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                continue
            if in_defs:
                parts = line.split()
                if parts[0] == "$scope":
                    scope.append(parts[2])
                elif parts[0] == "$upscope":
                    if scope:
                        scope.pop()
                elif parts[0] == "$var":
                    width, code, name = int(parts[2]), parts[3], parts[4]
                    full = ".".join([*scope, name])
                    ids.setdefault(code, (full, width))
                    if name in clock_names and len(scope) <= 2:
                        clock_ids.add(code)
                elif parts[0] == "$enddefinitions":
                    in_defs = False
                continue
            c = line[0]
            if c in "#$":
                continue
            if c in "bBrR":
                if c in "rR":
                    continue
                val, code = line[1:].split()
            elif c in "01xXzZ":
                val, code = c, line[1:]
            else:
                continue
            if code not in ids:
                continue
            width = ids[code][1]
            bits = _bits_of(val, width)
            prev = last.get(code)
            if prev is not None:
                n = sum(1 for a, b in zip(prev, bits, strict=True) if a != b and a in "01" and b in "01")
                if n:
                    toggles[code] = toggles.get(code, 0) + n
            last[code] = bits
    counted = [code for code in ids if code not in clock_ids]
    net_bits = sum(ids[c][1] for c in counted)
    total = sum(toggles.get(c, 0) for c in counted)
    cyc = max(cycles, 1)
    rate = total / (net_bits * cyc) if net_bits else 0.0
    busiest = sorted(((ids[c][0], toggles.get(c, 0) / (ids[c][1] * cyc)) for c in counted),
                     key=lambda t: -t[1])[:top_k]
    return Activity(source, cycles, net_bits, total, rate, busiest)
