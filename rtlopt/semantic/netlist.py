"""A module's logic as Yosys sees it (after ``proc; flatten``) with a vectorised simulator.

:func:`elaborate_modules` runs Yosys in a child process (as every Yosys run in rtlopt) and returns one
:class:`Netlist` per module of the design. :meth:`Netlist.simulate` evaluates every combinational
cell on ``V`` input vectors at once (numpy; a bit is a ``bool`` array of length ``V``, a word of up
to 64 bits a ``uint64`` array). Cut points -- module inputs, register outputs, memories, unsupported
cells, combinational loops -- are "free": they get structured random values per named word (uniform,
shared-base/near-equal, small, sparse and extreme values), so that equalities, comparisons and shift
amounts are exercised, not only the uniform case.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rtlopt.errors import RtloptError

#: Cells whose outputs are cut points (state, memories, anything we do not evaluate).
_WORD_MAX = 64
_FF_TYPES = frozenset({"$dff", "$adff", "$sdff", "$dffe", "$adffe", "$sdffe", "$sdffce", "$aldff", "$aldffe",
                       "$dffsr", "$dffsre"})
M64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def mask(w: int) -> np.uint64:
    return np.uint64((1 << w) - 1) if w < 64 else M64


@dataclass
class Net:
    name: str
    bits: list  # int ids or "0"/"1"/"x"/"z"
    signed: bool = False
    hidden: bool = False
    port: str | None = None  # "input" | "output" | "inout"
    offset: int = 0  # declared index of bit 0
    upto: bool = False  # declared [lo:hi]

    @property
    def width(self) -> int:
        return len(self.bits)


@dataclass
class Cell:
    name: str
    type: str
    params: dict
    conns: dict
    dirs: dict
    src: str = ""


@dataclass
class Netlist:
    module: str
    nets: dict[str, Net]
    cells: list[Cell]
    driver: dict[int, int] = field(default_factory=dict)  # bit -> index of the driving comb cell
    free: set = field(default_factory=set)  # bits that are cut points
    order: list[int] = field(default_factory=list)  # comb cells in topological order
    #: the module's parameter values in this elaboration (Yosys ``parameter_default_values``: binary
    #: strings; strings/reals as Yosys writes them)
    params: dict[str, str] = field(default_factory=dict)

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def from_json(cls, name: str, mod: dict) -> Netlist:
        nets = {}
        ports = mod.get("ports", {})
        for n, v in mod.get("netnames", {}).items():
            nets[n] = Net(n, list(v["bits"]), bool(v.get("signed", 0)), bool(v.get("hide_name", 0)),
                          ports.get(n, {}).get("direction"), int(v.get("offset", 0)), bool(v.get("upto", 0)))
        cells = []
        for cn, c in mod.get("cells", {}).items():
            cells.append(Cell(cn, c["type"], {k: _pint(v) for k, v in c.get("parameters", {}).items()},
                              c.get("connections", {}), c.get("port_directions", {}),
                              str(c.get("attributes", {}).get("src", ""))))
        nl = cls(name, nets, cells)
        nl.params = {k: str(v) for k, v in (mod.get("parameter_default_values") or {}).items()}
        nl._build()
        return nl

    def _build(self) -> None:
        drivers: dict[int, int] = {}
        for i, c in enumerate(self.cells):
            if c.type not in _EVAL:
                for p, d in c.dirs.items():
                    if d == "output":
                        self.free.update(b for b in c.conns.get(p, []) if isinstance(b, int))
                continue
            for p, d in c.dirs.items():
                if d == "output":
                    for b in c.conns.get(p, []):
                        if isinstance(b, int):
                            drivers[b] = i
        # topological order (Kahn); cells in loops are cut
        deps: dict[int, set[int]] = {}
        users: dict[int, list[int]] = {}
        for i in set(drivers.values()):
            c = self.cells[i]
            ds = set()
            for p, d in c.dirs.items():
                if d == "input":
                    for b in c.conns.get(p, []):
                        if isinstance(b, int) and b in drivers and drivers[b] != i:
                            ds.add(drivers[b])
                        elif isinstance(b, int) and b in drivers:
                            ds.add(i)
            deps[i] = ds
            for j in ds:
                users.setdefault(j, []).append(i)
        indeg = {i: len(ds) for i, ds in deps.items()}
        ready = [i for i, k in indeg.items() if k == 0]
        order = []
        while ready:
            i = ready.pop()
            order.append(i)
            for u in users.get(i, ()):
                indeg[u] -= 1
                if indeg[u] == 0:
                    ready.append(u)
        done = set(order)
        for b, i in list(drivers.items()):
            if i not in done:
                del drivers[b]
                self.free.add(b)
        self.driver = drivers
        self.order = order
        all_bits = {b for n in self.nets.values() for b in n.bits if isinstance(b, int)}
        for c in self.cells:
            for p, d in c.dirs.items():
                if d == "input":
                    all_bits.update(b for b in c.conns.get(p, []) if isinstance(b, int))
        self.free.update(b for b in all_bits if b not in drivers)

    # -- structure ---------------------------------------------------------------------------
    def fanin_cells(self, bits, stop=frozenset()) -> set[int]:
        """Indices of the comb cells in the transitive fan-in of ``bits`` (not through the bits ``stop``)."""
        seen: set[int] = set()
        stack = [b for b in bits if isinstance(b, int) and b not in stop]
        seen_bits = set(stack) | set(stop)
        while stack:
            b = stack.pop()
            i = self.driver.get(b)
            if i is None or i in seen:
                continue
            seen.add(i)
            c = self.cells[i]
            for p, d in c.dirs.items():
                if d == "input":
                    for x in c.conns.get(p, []):
                        if isinstance(x, int) and x not in seen_bits:
                            seen_bits.add(x)
                            stack.append(x)
        return seen

    def cone_bits(self, cells: set[int]) -> tuple[set, set]:
        """(bits driven inside the cone, free/boundary bits read by it)."""
        inside, reads = set(), set()
        for i in cells:
            c = self.cells[i]
            for p, d in c.dirs.items():
                for b in c.conns.get(p, []):
                    if isinstance(b, int):
                        (inside if d == "output" else reads).add(b)
        return inside, reads - inside

    def register_leaves(self, nba_lines: dict[str, set[int]] | None = None
                        ) -> list[tuple[str, list, list[list], list[tuple[list, tuple[int, int]]]]]:
        """Per register (a named net that is the whole Q of a flip-flop): ``(name, q_bits, leaves, switches)``.

        The leaves are the data words of the register's next-state multiplexer tree (the ``if``/``case``
        arms that load a new value), in source-like order (then-arm before else-arm); hold arms (the
        register itself) and constant arms (resets) are not leaves. The switches are the words of whole
        ``if``/``case`` statements that never hold the register (every arm loads a value), with the
        statement's source lines: a case table of constants computes a function as a whole.
        """
        by_bits = {tuple(n.bits): n for n in self.nets.values() if not n.hidden}
        mux_of: dict[tuple, int] = {}
        for i, c in enumerate(self.cells):
            if c.type in ("$mux", "$pmux"):
                mux_of[tuple(c.conns.get("Y", ()))] = i
        out = []
        for c in self.cells:
            if c.type not in _FF_TYPES or "Q" not in c.conns or "D" not in c.conns:
                continue
            q, d = list(c.conns["Q"]), list(c.conns["D"])
            net = by_bits.get(tuple(q))
            if net is None or net.port == "input" or len(q) != len(d):
                continue
            qs = {b for b in q if isinstance(b, int)}
            self._nba = None if nba_lines is None else nba_lines.get(net.name, set())
            # control arms only (enables, resets, load/else chains): a multiplexer computed by
            # blocking temporaries is a data word; with every statement multiplexer as a second reading
            ctrl: list[list] = []
            switches: list = []
            self._walk_mux(d, qs, mux_of, ctrl, switches, 0, False)
            full: list[list] = []
            self._walk_mux(d, qs, mux_of, full, [], 0, True)
            sets = [ctrl] + ([full] if [x for x, _c in full] != [x for x, _c in ctrl] and len(full) <= 16 else [])
            if any(sets) or switches:
                out.append((net.name, q, [s for s in sets if s], switches))
        return out

    def _walk_mux(self, bits: list, q: set, mux_of: dict, leaves: list, switches: list, depth: int,
                  full: bool, conds: tuple = ()) -> bool:
        """Collect ``(bits, path conditions)`` of the leaves under ``bits``; True when the subtree reads
        the register (a hold arm). A path condition is ``(select bit, required value)``."""
        if all(not isinstance(b, int) for b in bits):
            return False
        i = mux_of.get(tuple(bits))
        w = len(bits)
        if i is not None and not full:
            c = self.cells[i]
            arms = [c.conns["A"]] + ([c.conns["B"]] if c.type == "$mux" else
                                     [c.conns["B"][k * w:(k + 1) * w] for k in range(len(c.conns["B"]) // max(1, w))])
            if not any({b for b in arm if isinstance(b, int)} == q or all(not isinstance(b, int) for b in arm)
                       for arm in arms):
                i = None
        if i is not None and not self.cells[i].name.startswith("$procmux"):
            i = None  # a ?: of an expression is data, not an if/case arm
        if i is not None and getattr(self, "_nba", None) is not None:
            # an if/case of the register's own assignments, not of a blocking temporary
            m = re.search(r":(\d+)\.\d+-(\d+)\.\d+$", self.cells[i].src.split("|")[-1])
            if m is None or not any(int(m[1]) <= ln <= int(m[2]) for ln in self._nba):
                i = None
        if i is None or depth > 64:
            if {b for b in bits if isinstance(b, int)} == q:
                return True  # hold
            leaves.append((bits, conds))
            return any(b in q for b in bits)
        c = self.cells[i]
        if c.type == "$mux":
            sb = c.conns["S"][0]
            arms = [(list(c.conns["B"]), ((sb, True),)), (list(c.conns["A"]), ((sb, False),))]
        else:
            b = list(c.conns["B"])
            sel = list(c.conns["S"])
            arms = [(b[k * w:(k + 1) * w], ((sel[k], True),) + tuple((x, False) for x in sel[:k]))
                    for k in range(len(b) // w)]
            arms.append((list(c.conns["A"]), tuple((x, False) for x in sel)))
        holds = False
        for arm, cc in arms:
            holds |= self._walk_mux(arm, q, mux_of, leaves, switches, depth + 1, full, conds + cc)
        if not holds:
            m = re.search(r":(\d+)\.\d+-(\d+)\.\d+$", c.src.split("|")[-1])
            if m:
                switches.append((bits, (int(m[1]), int(m[2])), conds))
        return holds

    def path_mask(self, vals: dict, conds) -> np.ndarray | None:
        """Vectors on which every ``(bit, value)`` condition holds (None: no condition)."""
        mask = None
        for b, want in conds:
            v = self.bits_value(vals, [b])[0]
            v = v if want else ~v
            mask = v if mask is None else (mask & v)
        return mask

    def src_lines(self, bits) -> set[int]:
        """Source lines (from Yosys ``src`` attributes) of the cells driving ``bits`` directly."""
        out: set[int] = set()
        for b in bits:
            i = self.driver.get(b) if isinstance(b, int) else None
            if i is None:
                continue
            for part in self.cells[i].src.split("|"):
                m = re.search(r":(\d+)\.\d+-(\d+)\.\d+$", part)
                if m:
                    out.update(range(int(m[1]), int(m[2]) + 1))
        return out

    # -- simulation ----------------------------------------------------------------------------
    def simulate(self, nvec: int = 2048, seed: int = 1, deadline: float | None = None) -> dict:
        """Value (bool array) of every bit, from structured random values on the free words."""
        rng = np.random.default_rng(seed)
        vals: dict = {}
        owner = self._free_words()
        by_width: dict[int, list[str]] = {}
        for n in owner:
            by_width.setdefault(self.nets[n].width, []).append(n)
        words = _stimulus(rng, nvec, {n: min(self.nets[n].width, 64) for n in owner}, by_width)
        # words wider than 64 bits: every further 64-bit lane gets the same structure (shared bases
        # between words of one width), so that wide equalities and carries are exercised too
        lanes: dict[str, list] = {n: [words[n]] for n in owner}
        widest = max((self.nets[n].width for n in owner), default=0)
        for lane in range(1, (widest + 63) // 64):
            wide = {n: min(self.nets[n].width - 64 * lane, 64) for n in owner if self.nets[n].width > 64 * lane}
            bw = {}
            for n in wide:
                bw.setdefault(self.nets[n].width, []).append(n)
            more = _stimulus(rng, nvec, wide, bw)
            for n in wide:
                lanes[n].append(more[n])
        for n in owner:
            net = self.nets[n]
            for k, b in enumerate(net.bits):
                if isinstance(b, int) and b in self.free and b not in vals:
                    w = lanes[n][k // 64] if k // 64 < len(lanes[n]) else None
                    vals[b] = ((w >> np.uint64(k % 64)) & np.uint64(1)).astype(bool) if w is not None else \
                        rng.integers(0, 2, nvec).astype(bool)
        for b in self.free:
            if b not in vals:
                vals[b] = rng.integers(0, 2, nvec).astype(bool)
        zero = np.zeros(nvec, dtype=bool)
        one = np.ones(nvec, dtype=bool)
        self._const = {"0": zero, "1": one, "x": zero, "z": zero}
        import time
        for k, i in enumerate(self.order):
            if deadline is not None and k % 256 == 0 and time.monotonic() > deadline:
                raise TimeoutError("simulation deadline")
            c = self.cells[i]
            try:
                out = _EVAL[c.type](self, c, vals, nvec)
            except _Unsupported:
                out = {p: [rng.integers(0, 2, nvec).astype(bool) for _ in c.conns[p]]
                       for p, d in c.dirs.items() if d == "output"}
            for p, bits in out.items():
                for b, v in zip(c.conns[p], bits, strict=False):
                    if isinstance(b, int):
                        vals[b] = v
        return vals

    def simulate_cells(self, cells: set[int], inputs: dict, nvec: int) -> dict:
        """Values of the bits driven by ``cells`` (a cone) from given values of its boundary ``inputs``."""
        zero = np.zeros(nvec, dtype=bool)
        self._const = {"0": zero, "1": np.ones(nvec, dtype=bool), "x": zero, "z": zero}
        vals = dict(inputs)
        for i in self.order:
            if i not in cells:
                continue
            c = self.cells[i]
            for p, d in c.dirs.items():
                if d == "input":
                    for b in c.conns.get(p, []):
                        if isinstance(b, int) and b not in vals:
                            vals[b] = zero
            out = _EVAL[c.type](self, c, vals, nvec)
            for p, bits in out.items():
                for b, v in zip(c.conns[p], bits, strict=False):
                    if isinstance(b, int):
                        vals[b] = v
        return vals

    def _free_words(self) -> list[str]:
        """Named nets that own free bits (inputs first, then registers/other named words)."""
        owned: set = set()
        out = []
        ranked = sorted(self.nets.values(), key=lambda n: (n.port != "input", n.hidden, -n.width, n.name))
        for net in ranked:
            fb = [b for b in net.bits if isinstance(b, int) and b in self.free and b not in owned]
            if fb:
                owned.update(fb)
                out.append(net.name)
        return out

    def bits_value(self, vals: dict, bits) -> list:
        return [self._const[b] if not isinstance(b, int) else vals[b] for b in bits]

    def word_int(self, vals: dict, bits) -> np.ndarray:
        """The value of any number of ``bits`` as Python ints (an object array)."""
        out = np.zeros(len(next(iter(vals.values()))) if vals else 0, dtype=object)
        for lane in range(0, len(bits), 64):
            part = pack(self.bits_value(vals, bits[lane:lane + 64]))
            out = out + np.array([int(x) << lane for x in part], dtype=object)
        return out

    def word(self, vals: dict, bits) -> np.ndarray:
        """The uint64 value of up to 64 ``bits`` (LSB first)."""
        return pack(self.bits_value(vals, bits[:64]))


def pack(bitvals: list) -> np.ndarray:
    out = np.zeros(len(bitvals[0]) if bitvals else 0, dtype=np.uint64)
    for k, v in enumerate(bitvals):
        out |= v.astype(np.uint64) << np.uint64(k)
    return out


def unpack(word: np.ndarray, w: int) -> list:
    return [((word >> np.uint64(k)) & np.uint64(1)).astype(bool) if k < 64 else np.zeros(len(word), bool)
            for k in range(w)]


def _stimulus(rng, nvec: int, widths: dict[str, int], by_width: dict[int, list[str]]) -> dict:
    out = {n: np.zeros(nvec, dtype=np.uint64) for n in widths}
    seg = np.arange(nvec) % 16
    for w, names in by_width.items():
        w = min(w, 64)
        m = mask(w)
        base = _rand(rng, nvec, w)
        for n in names:
            r = _rand(rng, nvec, w)
            if w == 1:
                out[n] = r
                continue
            flip = np.uint64(1) << rng.integers(0, w, nvec).astype(np.uint64)
            near = np.where(rng.integers(0, 2, nvec) == 1, base ^ flip, base)
            delta = (base + rng.integers(-2, 3, nvec).astype(np.int64).astype(np.uint64)) & m
            small = rng.integers(0, min(1 << w, 4 * w + 4), nvec).astype(np.uint64)
            k = rng.integers(0, w, nvec).astype(np.uint64)
            onehot = np.uint64(1) << k
            sparse = np.where(rng.integers(0, 4, nvec) == 0, np.uint64(0),
                              onehot | np.where(rng.integers(0, 2, nvec) == 1,
                                                np.uint64(1) << rng.integers(0, w, nvec).astype(np.uint64),
                                                np.uint64(0)))
            extremes = np.array([0, int(m), 1 << (w - 1), int(m) >> 1, 1, int(m) - 1], dtype=np.uint64)
            ext = extremes[rng.integers(0, len(extremes), nvec)]
            v = np.select([seg < 6, seg < 9, seg < 11, seg < 13, seg < 15],
                          [r, near, delta, small, sparse], ext)
            out[n] = v & m
    return out


def _rand(rng, nvec: int, w: int) -> np.ndarray:
    v = rng.integers(0, 1 << 32, nvec, dtype=np.uint64) << np.uint64(32)
    v |= rng.integers(0, 1 << 32, nvec, dtype=np.uint64)
    return v & mask(min(w, 64))


def _pint(v) -> int:
    if isinstance(v, int):
        return v
    s = str(v)
    if re.fullmatch(r"[01xz]+", s):
        return int(s.replace("x", "0").replace("z", "0"), 2)
    try:
        return int(s)
    except ValueError:
        return 0


# ---- cell evaluation ---------------------------------------------------------------------------
class _Unsupported(Exception):
    pass


def _ext(nl, c, vals, port, width, signed):
    bits = nl.bits_value(vals, c.conns[port])
    if not bits:
        return [nl._const["0"]] * width
    if len(bits) >= width:
        return bits[:width]
    fill = bits[-1] if signed else nl._const["0"]
    return bits + [fill] * (width - len(bits))


def _p(c, k, d=0):
    return c.params.get(k, d)


def _bitwise(fn):
    def ev(nl, c, vals, n):
        w = _p(c, "Y_WIDTH")
        s = bool(_p(c, "A_SIGNED")) and bool(_p(c, "B_SIGNED", _p(c, "A_SIGNED")))
        a = _ext(nl, c, vals, "A", w, bool(_p(c, "A_SIGNED")))
        if "B" in c.conns:
            b = _ext(nl, c, vals, "B", w, bool(_p(c, "B_SIGNED")) and s)
            return {"Y": [fn(x, y) for x, y in zip(a, b, strict=False)]}
        return {"Y": [fn(x, None) for x in a]}
    return ev


def _reduce(fn):
    def ev(nl, c, vals, n):
        a = nl.bits_value(vals, c.conns["A"])
        r = a[0].copy() if a else np.zeros(n, bool)
        for x in a[1:]:
            r = fn(r, x)
        return {"Y": _bool_out(c, r, n)}
    return ev


def _bool_out(c, r, n):
    w = _p(c, "Y_WIDTH", 1)
    return [r] + [np.zeros(n, bool)] * (w - 1)


def _logic(fn):
    def ev(nl, c, vals, n):
        a = np.logical_or.reduce(nl.bits_value(vals, c.conns["A"])) if c.conns["A"] else np.zeros(n, bool)
        if "B" in c.conns:
            b = np.logical_or.reduce(nl.bits_value(vals, c.conns["B"])) if c.conns["B"] else np.zeros(n, bool)
            return {"Y": _bool_out(c, fn(a, b), n)}
        return {"Y": _bool_out(c, fn(a, None), n)}
    return ev


def _signed_word(word: np.ndarray, w: int) -> np.ndarray:
    if w >= 64:
        return word.view(np.int64)
    sh = np.uint64(64 - w)
    return ((word << sh).view(np.int64)) >> np.int64(64 - w)


def _arith(fn, compare=False):
    def ev(nl, c, vals, n):
        wa, wb, wy = _p(c, "A_WIDTH"), _p(c, "B_WIDTH", 0), _p(c, "Y_WIDTH")
        s = bool(_p(c, "A_SIGNED")) and ("B" not in c.conns or bool(_p(c, "B_SIGNED")))
        w = max(wa, wb) if compare else max(wa, wb, wy)
        if w > 64:
            raise _Unsupported
        a = pack(_ext(nl, c, vals, "A", w, s))
        b = pack(_ext(nl, c, vals, "B", w, s)) if "B" in c.conns else None
        if compare:
            if s:
                a, b = _signed_word(a, w), _signed_word(b, w)
            return {"Y": _bool_out(c, fn(a, b), n)}
        r = fn(a, b) & mask(w)
        return {"Y": unpack(r, wy)}
    return ev


def _shift(kind):
    def ev(nl, c, vals, n):
        wa, wy = _p(c, "A_WIDTH"), _p(c, "Y_WIDTH")
        sa = bool(_p(c, "A_SIGNED"))
        a = nl.bits_value(vals, c.conns["A"])
        bbits = nl.bits_value(vals, c.conns["B"])
        bsigned = kind in ("shift", "shiftx") and bool(_p(c, "B_SIGNED"))
        if bsigned and len(bbits) > 20:
            # a signed amount (a negative one shifts left): out of range only when the bits above
            # the low 20 are not all copies of the sign
            top = bbits[19:]
            hi = ~(np.logical_and.reduce(top) | ~np.logical_or.reduce(top))
        else:
            hi = np.logical_or.reduce(bbits[20:]) if len(bbits) > 20 else np.zeros(n, bool)
        bbits = bbits[:20]
        sh = pack(bbits).astype(np.int64)
        zero = np.zeros(n, bool)
        if kind in ("shift", "shiftx"):
            if bsigned:
                sh = _signed_word(pack(bbits), len(bbits))
            ext = list(a)
            fill = zero
            right = True
        else:
            w = max(wa, wy)
            ext = list(a) + ([a[-1]] if (sa and a) else [zero]) * max(0, w - wa)
            right = kind in ("shr", "sshr")
            fill = ext[-1] if (kind == "sshr" and sa and ext) else zero
        if not ext:
            return {"Y": [zero] * wy}
        stack = np.stack(ext)
        L = len(ext)
        cols = np.arange(n)
        out = []
        for k in range(wy):
            idx = k + sh if right else k - sh
            ok = (idx >= 0) & (idx < L) & ~hi
            v = np.where(ok, stack[np.clip(idx, 0, L - 1), cols], False)
            if right:
                v = np.where(~ok & ((idx >= L) | hi), fill, v)
            out.append(v)
        return {"Y": out}
    return ev


def _mux(nl, c, vals, n):
    a = nl.bits_value(vals, c.conns["A"])
    b = nl.bits_value(vals, c.conns["B"])
    s = nl.bits_value(vals, c.conns["S"])[0]
    return {"Y": [np.where(s, y, x) for x, y in zip(a, b, strict=False)]}


def _pmux(nl, c, vals, n):
    w = _p(c, "WIDTH")
    a = nl.bits_value(vals, c.conns["A"])
    b = nl.bits_value(vals, c.conns["B"])
    s = nl.bits_value(vals, c.conns["S"])
    out = list(a)
    for k in reversed(range(len(s))):  # lowest index wins
        out = [np.where(s[k], b[k * w + j], out[j]) for j in range(w)]
    return {"Y": out}


def _bmux(nl, c, vals, n):
    w = _p(c, "WIDTH")
    a = nl.bits_value(vals, c.conns["A"])
    s = pack(nl.bits_value(vals, c.conns["S"])).astype(np.int64)
    stack = np.stack(a)
    cols = np.arange(n)
    return {"Y": [stack[s * w + j, cols] for j in range(w)]}


def _bwmux(nl, c, vals, n):
    a = nl.bits_value(vals, c.conns["A"])
    b = nl.bits_value(vals, c.conns["B"])
    s = nl.bits_value(vals, c.conns["S"])
    return {"Y": [np.where(z, y, x) for x, y, z in zip(a, b, s, strict=False)]}


def _div(a, b, mod=False):
    safe = np.where(b == 0, np.uint64(1), b)
    return np.where(b == 0, M64 if not mod else a, (a % safe) if mod else (a // safe))


_EVAL = {
    "$not": _bitwise(lambda x, _y: ~x),
    "$pos": _bitwise(lambda x, _y: x),
    "$and": _bitwise(lambda x, y: x & y),
    "$or": _bitwise(lambda x, y: x | y),
    "$xor": _bitwise(lambda x, y: x ^ y),
    "$xnor": _bitwise(lambda x, y: ~(x ^ y)),
    "$reduce_and": _reduce(lambda x, y: x & y),
    "$reduce_or": _reduce(lambda x, y: x | y),
    "$reduce_bool": _reduce(lambda x, y: x | y),
    "$reduce_xor": _reduce(lambda x, y: x ^ y),
    "$reduce_xnor": lambda nl, c, v, n: {"Y": _bool_out(c, ~_reduce(lambda x, y: x ^ y)(nl, c, v, n)["Y"][0], n)},
    "$logic_not": _logic(lambda x, _y: ~x),
    "$logic_and": _logic(lambda x, y: x & y),
    "$logic_or": _logic(lambda x, y: x | y),
    "$neg": _arith(lambda a, _b: (~a) + np.uint64(1)),
    "$add": _arith(lambda a, b: a + b),
    "$sub": _arith(lambda a, b: a - b),
    "$mul": _arith(lambda a, b: a * b),
    "$div": _arith(lambda a, b: _div(a, b)),
    "$mod": _arith(lambda a, b: _div(a, b, True)),
    "$eq": _arith(lambda a, b: a == b, True),
    "$ne": _arith(lambda a, b: a != b, True),
    "$eqx": _arith(lambda a, b: a == b, True),
    "$nex": _arith(lambda a, b: a != b, True),
    "$lt": _arith(lambda a, b: a < b, True),
    "$le": _arith(lambda a, b: a <= b, True),
    "$gt": _arith(lambda a, b: a > b, True),
    "$ge": _arith(lambda a, b: a >= b, True),
    "$shl": _shift("shl"),
    "$sshl": _shift("sshl"),
    "$shr": _shift("shr"),
    "$sshr": _shift("sshr"),
    "$shift": _shift("shift"),
    "$shiftx": _shift("shiftx"),
    "$mux": _mux,
    "$pmux": _pmux,
    "$bmux": _bmux,
    "$bwmux": _bwmux,
}


def _sdiv(a, b, w, mod=False):
    """Signed ``a / b`` (toward zero) or ``a % b`` (sign of ``a``) of ``w``-bit words (Verilog semantics)."""
    sa, sb = _signed_word(a, w), _signed_word(b, w)
    if w >= 63 or bool(np.any(sb == 0)):
        raise _Unsupported  # division by zero is x in Verilog: not simulated
    q = np.abs(sa) // np.abs(sb)
    q = np.where((sa < 0) != (sb < 0), -q, q)
    r = sa - q * sb
    return (r if mod else q).view(np.uint64)


# $div/$mod: unsigned as above; signed (both operands signed) truncates toward zero; a mix is cut
for _k in ("$div", "$mod"):
    _orig = _EVAL[_k]

    def _guard(nl, c, vals, n, _f=_orig, _mod=_k == "$mod"):
        sa_, sb_ = bool(_p(c, "A_SIGNED")), bool(_p(c, "B_SIGNED"))
        if sa_ != sb_:
            raise _Unsupported
        if sa_:
            return _signed_div(nl, c, vals, _mod)
        return _f(nl, c, vals, n)
    _EVAL[_k] = _guard


def _signed_div(nl, c, vals, mod):
    wa, wb, wy = _p(c, "A_WIDTH"), _p(c, "B_WIDTH", 0), _p(c, "Y_WIDTH")
    w = max(wa, wb, wy)
    if w > 62:
        raise _Unsupported
    a = pack(_ext(nl, c, vals, "A", w, True))
    b = pack(_ext(nl, c, vals, "B", w, True))
    return {"Y": unpack(_sdiv(a, b, w, mod) & mask(w), wy)}


# ---- Yosys ---------------------------------------------------------------------------------------
def yosys_script(files, modules: list[str], out_dir: Path, *, top: str | None = None, include_dirs=(),
                 params: dict | None = None) -> str:
    """Read ``files`` as the rest of rtlopt does (language by file, the project's defines and include
    directories, ``include_dirs`` after them; ``chparam`` for the project's parameter overrides of ``top``)
    and write one JSON per module, each elaborated as its own top."""
    from rtlopt.hdl.project import yosys_read_lines
    from rtlopt.tools.yosys import _q
    lines = yosys_read_lines(files, top, extra_include_dirs=include_dirs)
    lines.append("design -save rtlopt_src")
    for m in modules:
        lines.append("design -load rtlopt_src")
        # a module every instance of which gets the same parameter values: elaborated at those
        lines += [f"chparam -set {k} {v} {m}" for k, v in ((params or {}).get(m) or {}).items()]
        lines += [f"hierarchy -top {m}", "proc -norom", "flatten", "opt_clean",
                  f"write_json {_q(out_dir / (m + '.json'))}"]
    return "\n".join(lines) + "\n"


def elaborate_modules(files, modules: list[str], timeout: float = 60.0, *, top: str | None = None,
                      include_dirs=(), params: dict | None = None) -> dict[str, Netlist]:
    """One :class:`Netlist` per module name (each elaborated as its own top, default parameters; ``top``
    with the project's parameter overrides, ``-G``).

    Modules Yosys cannot elaborate on their own are left out; a failing read raises RtloptError.
    """
    from rtlopt.verify._prepare import yosys_tool
    out: dict[str, Netlist] = {}
    with tempfile.TemporaryDirectory(prefix="rtlopt-lift-") as td:
        tdp = Path(td)
        res = yosys_tool().run_script(yosys_script(files, modules, tdp, top=top, include_dirs=include_dirs,
                                                                   params=params),
                                      cwd=tdp, timeout=timeout, check=False)
        for m in modules:
            p = tdp / f"{m}.json"
            if not p.exists():
                continue
            data = json.loads(p.read_text())
            mod = data.get("modules", {}).get(m)
            if mod is not None:
                out[m] = Netlist.from_json(m, mod)
        if not out and res.returncode != 0:
            raise RtloptError("yosys could not elaborate the design for lifting")
    return out
