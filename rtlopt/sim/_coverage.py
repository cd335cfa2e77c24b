"""Toggle coverage of the original's nets from a VCD (pure: parses a file).

A net bit is *covered* when the simulation drove it both 0 -> 1 and 1 -> 0 (X/Z transitions do not
count). Clock nets are left out. Bits are named ``scope.net[bit]`` so the coverage of several runs of
the same design can be united.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.sim._activity import _bits_of


@dataclass
class Toggles:
    """Which bits rose and fell; ``bits`` is every (non-clock) net bit of the dump."""

    bits: set[str] = field(default_factory=set)
    rose: set[str] = field(default_factory=set)
    fell: set[str] = field(default_factory=set)

    @property
    def covered(self) -> set[str]:
        return self.rose & self.fell

    def update(self, other: Toggles) -> int:
        """Add ``other``'s bits; return how many bits became covered."""
        before = len(self.covered)
        self.bits |= other.bits
        self.rose |= other.rose
        self.fell |= other.fell
        return len(self.covered) - before

    @property
    def fraction(self) -> float:
        return len(self.covered) / len(self.bits) if self.bits else 1.0


def vcd_toggles(path: Path, clock_names: set[str]) -> Toggles:
    """The toggles of every net bit in ``path`` (clock nets named in ``clock_names`` left out)."""
    ids: dict[str, tuple[str, int]] = {}
    scope: list[str] = []
    last: dict[str, str] = {}
    t = Toggles()
    in_defs = True
    with open(path, errors="replace") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                continue
            if in_defs:
                parts = line.split()
                if parts[0] == "$scope" and len(parts) > 2:
                    scope.append(parts[2])
                elif parts[0] == "$upscope" and scope:
                    scope.pop()
                elif parts[0] == "$var" and len(parts) > 4:
                    width, code, name = int(parts[2]), parts[3], parts[4]
                    if name in clock_names or code in ids:
                        continue
                    full = ".".join([*scope, name])
                    ids[code] = (full, width)
                    t.bits.update(f"{full}[{i}]" for i in range(width))
                elif parts[0] == "$enddefinitions":
                    in_defs = False
                continue
            c = line[0]
            if c in "bB":
                try:
                    val, code = line[1:].split()
                except ValueError:
                    continue
            elif c in "01xXzZ":
                val, code = c, line[1:]
            else:
                continue
            if code not in ids:
                continue
            name, width = ids[code]
            bits = _bits_of(val, width)
            prev = last.get(code)
            if prev is not None:
                for i, (a, b) in enumerate(zip(reversed(prev), reversed(bits), strict=True)):
                    if a == "0" and b == "1":
                        t.rose.add(f"{name}[{i}]")
                    elif a == "1" and b == "0":
                        t.fell.add(f"{name}[{i}]")
            last[code] = bits
    return t
