"""Structural cell names for the PPA flow: the ``rtlopt_canon`` Yosys pass (pyosys only).

ABC's mapping depends on the order it is handed the logic, and Yosys hands it the cells in the
module's order (and iterates its hash tables in an order that depends on the process's history).
Sorting by name (``sort``) is not a canonical order: Yosys names carry source lines and a global
counter, so the same logic written flat, behind a wrapper module, with renamed signals or with its
statements moved, sorts differently and maps a few % apart. This pass renames every cell of the
selected modules after its structure: ``$rtlopt$<level>$<hash>`` where the hash covers the cell's
type, parameters and the whole fan-in cone up to the module's inputs, constants and state elements
(whose own hashes are refined over a few rounds through their inputs), and the level is the cell's
logic depth. Cells whose cones are identical are told apart by what they drive, then by their old
names (such cells are interchangeable). ``-wires`` renames every wire that is not a port after the
drivers of its bits. The PPA flow (:func:`rtlopt.ppa._flow.canon_lines`) writes the renamed design
as RTLIL and synthesizes it in a fresh process, so nothing but the logic decides the result.

Registered when :mod:`rtlopt.tools._pyosys_main` starts; a system Yosys binary (``RTLOPT_YOSYS``)
gets the plain ``sort`` flow (:func:`rtlopt.ppa._flow.canon_available`). It lives in
:mod:`rtlopt.tools` so that every Yosys child imports it cheaply (not the whole :mod:`rtlopt.ppa`).
"""

from __future__ import annotations

# the builtin BLAKE2 module: the same digests as hashlib.blake2b, without importing hashlib (which loads
# OpenSSL's _hashlib: about 20 ms in each of the 60-140 Yosys children of an optimizer run)
from _blake2 import blake2b

PASS_NAME = "rtlopt_canon"
_ROUNDS = 3  # refinements of the state elements' hashes through their inputs


def _h(*parts: str) -> str:
    return blake2b("\x1f".join(parts).encode(), digest_size=10).hexdigest()


class _Uf:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        p = self.parent
        root = x
        while p.get(root, root) != root:
            root = p[root]
        while x != root:
            nxt = p.get(x, x)
            p[x] = root
            x = nxt
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _bit_key(b):
    w = b.wire
    if w is None:
        return ("", str(b.data))
    return (w.name.str(), b.offset)


def canon_names(module, design, wires: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """Old cell name -> new structural name for every cell of ``module``, and with ``wires`` the
    same for every wire that is not a port."""
    uf = _Uf()
    for lhs, rhs in module.connections():
        for a, b in zip(lhs.bits(), rhs.bits(), strict=True):
            uf.union(_bit_key(a), _bit_key(b))
    fixed: dict = {}  # class -> label (constants, module inputs)
    outs: dict = {}  # class -> module output names (for the tie break)
    for w in module.wires_.values():
        if not w.port_id:
            continue
        name = w.name.str()
        for i in range(w.width):
            r = uf.find((name, i))
            if w.port_input:
                fixed.setdefault(r, f"i:{name}:{i}")
            if w.port_output:
                outs.setdefault(r, []).append(f"o:{name}:{i}")
    cells = sorted(module.cells_.values(), key=lambda c: c.name.str())
    info = []  # per cell: (name, base label, is_state, [(port, [class])] inputs)
    driver: dict = {}  # class -> (cell index, port, bit)
    readers: dict = {}  # class -> [(cell index, port, bit)]
    for ci, c in enumerate(cells):
        ctype = c.type.str()
        params = sorted(f"{k.str()}={v.as_string()}" for k, v in c.parameters.items())
        sub = design.module(c.type) if not c.known() else None
        ins, seq = [], bool(c.is_builtin_ff() or c.is_mem_cell() or not c.known())
        for port, sig in sorted(c.connections().items(), key=lambda kv: kv[0].str()):
            pname = port.str()
            if c.known():
                is_out, is_in = c.output(port), c.input(port)
            else:
                pw = sub.wire(port) if sub is not None else None
                is_out = bool(pw is not None and pw.port_output)
                is_in = not is_out or bool(pw is not None and pw.port_input)
            classes = [uf.find(_bit_key(b)) for b in sig.bits()]
            if is_out:
                for i, r in enumerate(classes):
                    if r[0] != "" and r not in fixed:
                        driver.setdefault(r, (ci, pname, i))
            if is_in:
                ins.append((pname, classes))
                for i, r in enumerate(classes):
                    readers.setdefault(r, []).append((ci, pname, i))
        info.append((c.name.str(), _h(ctype, *params), seq, ins))
    n = len(cells)
    state = [info[i][1] for i in range(n)]  # hashes of state elements (and opaque cells)
    label: list[str | None] = [None] * n
    level = [0] * n

    def bit_label(r) -> tuple[str, int | None]:
        if r[0] == "":
            return "c" + str(r[1]), None
        if r in fixed:
            return fixed[r], None
        d = driver.get(r)
        if d is None:
            return "u", None
        return "", d[0]

    def run_round() -> None:
        for i in range(n):
            label[i] = None
        busy = [False] * n
        for root in range(n):
            if label[root] is not None:
                continue
            stack = [root]
            while stack:
                ci = stack[-1]
                if label[ci] is not None:
                    stack.pop()
                    continue
                if info[ci][2]:  # a state element: its hash of the previous round
                    label[ci], level[ci] = state[ci], 0
                    stack.pop()
                    continue
                if not busy[ci]:
                    busy[ci] = True
                    todo = [d for _p, cls in info[ci][3] for r in cls
                            for lab, d in [bit_label(r)] if d is not None and label[d] is None and not busy[d]]
                    if todo:
                        stack.extend(todo)
                        continue
                parts, lv = [], 0
                for p, cls in info[ci][3]:
                    bits = []
                    for r in cls:
                        lab, d = bit_label(r)
                        if d is not None:
                            dl = label[d]
                            if dl is None:  # a combinational loop
                                lab = "loop"
                            else:
                                lab = f"{dl}.{driver[r][1]}.{driver[r][2]}"
                                lv = max(lv, level[d] + (0 if info[d][2] else 1))
                        bits.append(lab)
                    parts.append(p + "=" + ",".join(bits))
                label[ci], level[ci] = _h(info[ci][1], *parts), lv
                busy[ci] = False
                stack.pop()

    for _ in range(_ROUNDS):
        run_round()
        new_state = list(state)
        for ci in range(n):
            if info[ci][2]:
                parts = []
                for p, cls in info[ci][3]:
                    bits = []
                    for r in cls:
                        lab, d = bit_label(r)
                        bits.append(f"{label[d]}.{driver[r][1]}.{driver[r][2]}" if d is not None else lab)
                    parts.append(p + "=" + ",".join(bits))
                new_state[ci] = _h(info[ci][1], *parts)
        state = new_state
    run_round()
    # what each cell drives tells apart cells with the same cone
    fan = [""] * n
    counts: dict[str, int] = {}
    for ci in range(n):
        counts[label[ci]] = counts.get(label[ci], 0) + 1
    for r, (ci, p, i) in driver.items():
        if counts[label[ci]] > 1:
            uses = sorted(f"{label[x]}.{q}.{j}" for x, q, j in readers.get(r, ())) + sorted(outs.get(r, ()))
            fan[ci] += f"|{p}.{i}:" + ";".join(uses)
    keys = []
    for ci in range(n):
        lab = label[ci] if not fan[ci] else _h(label[ci], "".join(sorted(fan[ci].split("|"))))
        keys.append((level[ci], lab, info[ci][0]))
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for lv, lab, old in sorted(keys):
        base = f"$rtlopt${lv:05d}${lab}"
        k = seen.get(base, 0)
        seen[base] = k + 1
        out[old] = base if k == 0 else f"{base}${k}"
    if not wires:
        return out, {}
    # wires (ports keep their names): named after what drives each of their bits
    def final_bit(r) -> str:
        lab, d = bit_label(r)
        return lab if d is None else f"{out[info[d][0]]}.{driver[r][1]}.{driver[r][2]}"

    wkeys = []
    for w in module.wires_.values():
        if w.port_id:
            continue
        name = w.name.str()
        wkeys.append((_h(*(final_bit(uf.find((name, i))) for i in range(w.width))), w.width, name))
    wout: dict[str, str] = {}
    seen = {}
    for lab, width, old in sorted(wkeys):
        base = f"$rtlopt$w{width}${lab}"
        k = seen.get(base, 0)
        seen[base] = k + 1
        wout[old] = base if k == 0 else f"{base}${k}"
    return out, wout


def rename_cells(module, design, wires: bool = False) -> int:
    """Rename the cells (and with ``wires`` the wires that are not ports) of ``module`` to their
    structural names; the number of cells."""
    from pyosys import libyosys as ys

    names, wnames = canon_names(module, design, wires=wires)
    cells = {c.name.str(): c for c in module.cells_.values()}
    for i, old in enumerate(sorted(names)):  # two steps: a new name may be another cell's old one
        module.rename(cells[old], ys.IdString(f"$rtlopt_tmp${i}"))
    for old, new in names.items():
        module.rename(cells[old], ys.IdString(new))
    ws = {w.name.str(): w for w in module.wires_.values()}
    for i, old in enumerate(sorted(wnames)):
        module.rename(ws[old], ys.IdString(f"$rtlopt_wtmp${i}"))
    for old, new in wnames.items():
        module.rename(ws[old], ys.IdString(new))
    return len(names)


def register() -> None:
    """Register the ``rtlopt_canon`` pass with the pyosys Yosys of this process."""
    from pyosys import libyosys as ys

    class CanonPass(ys.Pass):
        def __init__(self) -> None:
            super().__init__(PASS_NAME, "rename cells after their structure (rtlopt PPA flow)")

        def execute(self, args, design) -> None:
            for m in design.selected_modules():
                n = rename_cells(m, design, wires="-wires" in args)
                ys.log(f"{PASS_NAME}: {n} cells of {m.name.str()} renamed\n")

    global _PASS
    _PASS = CanonPass()


_PASS = None
