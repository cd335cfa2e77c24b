"""GF(2)-linear cones re-synthesized as small XOR networks.

A word of the top module -- an output, a named wire, or the next value of a register (the data arm
under its reset/enable multiplexers) -- whose logic is an affine GF(2) map of the cone's input bits
(ports, register outputs) is recognised by simulation: the word's simulated values lie in the span of
its input bits' values (plus the constant), on random vectors, and the fit is re-checked on fresh
vectors (that is ``f(x ^ y) = f(x) ^ f(y) ^ f(0)`` on every sample, and the matrix is read off the fit).
Nothing depends on how the logic is written: xtime functions, GF multiplications with loops, case
tables, bit-level XOR equations, logic split across modules (the netlist is flattened) -- CRC
next-state logic, Hamming/ECC encoders, scramblers, (Inv)MixColumns.

The matrix is re-synthesized by Paar's greedy common-subexpression elimination (the pair of inputs that
occurs together in the most rows becomes a new signal, random tie-breaks, best of several runs) and,
when it is cheaper, by computing outputs from each other along a minimum spanning tree of their
differences (each output = its parent output ^ a light difference row, the differences through Paar),
so that cancellation is used (AES InvMixColumns: 166 -> 141 XORs), and by row blocks: the rows split
into blocks, within a block the inputs whose columns agree on the block's rows XORed once into a
partial parity, the block's rows then a small matrix over those (a Hamming code's check bits are the
row and column parities of its positions laid out as a grid: 143 -> 131 XORs for SECDED(72,64)).
A candidate is made only when the XOR count is clearly below the cone's present gate cost
(structurally hashed, before ABC; the search's measurement rejects what ABC already did as well).
The XOR count is not what the mapped area follows: ABC maps paths it deems critical to three-input
XOR cells (2.7x a two-input one in sky130 for twice the work), so the same count can map 30 % apart.
Several structural variants of a target (rows as chains or as depth-balanced trees, the cheapest row
partitions) are emitted and the search's measurement picks.
Emitting: named intermediate wires and one assignment replace the word's driver (an ``assign``, an
instance port, a whole ``always_comb`` block driving only the word, the right side of the register's
nonblocking assignment, or its per-bit nonblocking assignments); the rest of the file is kept byte for
byte. The search loop proves and measures every candidate.
"""

from __future__ import annotations

import heapq
import random
import re
import time

import numpy as np

RULE = "gf2_linear_resynthesis"
BUDGET_S = 10.0
WORDS = 16
MAX_TARGET_W = 128
MAX_SUPPORT = 160
MAX_CANDIDATES = 3
#: the new XOR network must be below this fraction of the cone's present cost
GAIN = 0.9
#: Paar runs per matrix (random tie-breaks)
RUNS = 24
_XOR_W = 2
#: row partitions tried as structural variants (:func:`row_partitions`), and on at most this many rows
BLOCK_VARIANTS = 3
MAX_BLOCK_ROWS = 40
#: variants kept when within this factor of the fewest XORs; at most this many per target word
VARIANT_SLACK = 1.08
MAX_VARIANTS = 3
#: variant text of the programs whose rows are emitted as depth-balanced trees
BALANCED = " (balanced)"
DEBUG = False
_GATE_W = {"$_XOR_": 2, "$_XNOR_": 2, "$_MUX_": 2, "$_NMUX_": 2, "$_NOT_": 0, "$_BUF_": 0}


# ----------------------------------------------------------------------------------------------------
# linear straight-line programs
# ----------------------------------------------------------------------------------------------------

def paar(rows: list[int], nvars: int, rnd: random.Random | None = None,
         deadline: float = float("inf")) -> tuple[list[tuple[int, int]], list[int]]:
    """Paar's greedy CSE of the GF(2) matrix ``rows`` (bit masks over ``nvars`` inputs): ``(ops, rows')``
    where ``ops[k] = (a, b)`` defines signal ``nvars + k = a ^ b`` and ``rows'`` are the rows over all
    signals (each row's remaining terms are XORed in a chain). Ties broken by ``rnd``; past ``deadline``
    the elimination stops (the program stays correct, only less shared)."""
    rows = list(rows)
    ops: list[tuple[int, int]] = []
    n = nvars
    while time.monotonic() < deadline:
        cnt: dict[tuple[int, int], int] = {}
        for r in rows:
            bits = [i for i in range(n) if r >> i & 1]
            for x in range(len(bits)):
                for y in range(x + 1, len(bits)):
                    k = (bits[x], bits[y])
                    cnt[k] = cnt.get(k, 0) + 1
        if not cnt:
            break
        best = max(cnt.values())
        if best < 2:
            break
        ties = [k for k, c in cnt.items() if c == best]
        a, b = ties[rnd.randrange(len(ties))] if rnd else ties[0]
        m = (1 << a) | (1 << b)
        rows = [(r & ~m) | (1 << n) if r & m == m else r for r in rows]
        ops.append((a, b))
        n += 1
    return ops, rows


def slp_cost(ops: list, rows: list[int]) -> int:
    """2-input XORs of the program."""
    return len(ops) + sum(max(0, bin(r).count("1") - 1) for r in rows)


def best_slp(rows: list[int], nvars: int, runs: int = RUNS, deadline: float = float("inf"),
             seed: int = 1) -> tuple[int, list, list]:
    """The cheapest of ``runs`` Paar runs: ``(xors, ops, rows')``."""
    rnd = random.Random(seed)
    best = None
    for k in range(runs):
        if k and time.monotonic() > deadline:
            break
        ops, rr = paar(rows, nvars, rnd if k else None, deadline if k else deadline + 5.0)
        c = slp_cost(ops, rr)
        if best is None or c < best[0]:
            best = (c, ops, rr)
    return best


def _materialize(ops: list, rows: list[int], nvars: int) -> list[int]:
    """Each row of a program turned into one signal (its chain of XORs appended to ``ops``); the signal
    numbers (-1 for an all-zero row)."""
    out = []
    for r in rows:
        terms = [i for i in range(nvars + len(ops)) if r >> i & 1]
        if not terms:
            out.append(-1)
            continue
        acc = terms[0]
        for t in terms[1:]:
            ops.append((acc, t))
            acc = nvars + len(ops) - 1
        out.append(acc)
    return out


def tree_slp(rows: list[int], nvars: int, runs: int = RUNS, deadline: float = float("inf"),
             seed: int = 1) -> tuple[int, list, list] | None:
    """Outputs computed from each other where they differ little (cancellation): a minimum spanning tree
    over the rows (edge weight: the XORs of the difference, plus one), rooted at zero (the row's own
    XORs); the difference rows go through Paar's CSE and each output is its parent ^ its difference."""
    m = len(rows)
    if m < 2:
        return None

    def w(r: int) -> int:
        return max(0, bin(r).count("1") - 1)
    parent = [-1] * m
    cost = [w(r) for r in rows]
    done = [False] * m
    order = []
    for _ in range(m):
        i = min((k for k in range(m) if not done[k]), key=lambda k: cost[k])
        done[i] = True
        order.append(i)
        for k in range(m):
            if not done[k] and w(rows[i] ^ rows[k]) + 1 < cost[k]:
                cost[k] = w(rows[i] ^ rows[k]) + 1
                parent[k] = i
    if all(p < 0 for p in parent):
        return None
    diffs = [rows[i] ^ rows[parent[i]] if parent[i] >= 0 else rows[i] for i in range(m)]
    _x, ops, dr = best_slp(diffs, nvars, runs, deadline, seed)
    ops = list(ops)
    dsig = _materialize(ops, dr, nvars)
    osig = [-1] * m
    for i in order:
        p = parent[i]
        if p < 0 or osig[p] < 0:
            osig[i] = dsig[i]
        elif dsig[i] < 0:
            osig[i] = osig[p]
        else:
            ops.append((osig[p], dsig[i]))
            osig[i] = nvars + len(ops) - 1
    out_rows = [(1 << s) if s >= 0 else 0 for s in osig]
    return slp_cost(ops, out_rows), ops, out_rows


def best_program(rows: list[int], nvars: int, deadline: float = float("inf"),
                 runs: int = RUNS) -> tuple[int, list, list]:
    """The cheaper of Paar's CSE on the rows and on the spanning-tree differences of the rows."""
    runs_left = max(1.0, deadline - time.monotonic())
    best = best_slp(rows, nvars, runs, deadline=time.monotonic() + runs_left / 2)
    alt = tree_slp(rows, nvars, runs, deadline=deadline)
    return alt if alt is not None and alt[0] < best[0] else best


# ----------------------------------------------------------------------------------------------------
# row blocks: inputs that share their column on a block of rows share one partial parity
# ----------------------------------------------------------------------------------------------------

def _block_matrix(rows: list[int], block: list[int], nvars: int) -> tuple[list[list[int]], list[int]]:
    """The inputs grouped by their column restricted to the rows ``block`` (all-zero columns dropped),
    and the block's rows over the groups (bit ``j`` of a row: group ``j``'s parity is in it)."""
    groups: dict[tuple, list[int]] = {}
    for i in range(nvars):
        pat = tuple(rows[r] >> i & 1 for r in block)
        if any(pat):
            groups.setdefault(pat, []).append(i)
    keys = list(groups)
    brows = [sum(1 << j for j, pat in enumerate(keys) if pat[k]) for k in range(len(block))]
    return [groups[k] for k in keys], brows


def _block_cost(rows: list[int], block: list[int], nvars: int) -> int:
    """XORs of a block: each group's parity, then one deterministic Paar run over the group parities."""
    groups, brows = _block_matrix(rows, block, nvars)
    ops, rr = paar(brows, len(groups))
    return sum(len(g) - 1 for g in groups) + slp_cost(ops, rr)


def row_partitions(rows: list[int], nvars: int, deadline: float = float("inf"),
                   keep: int = BLOCK_VARIANTS) -> list[tuple[int, list[list[int]]]]:
    """Partitions of the (non-zero) rows into blocks, cheapest estimate first: ``[(xors, blocks)]``.

    Within a block, inputs whose columns agree on the block's rows are XORed once into a partial parity
    (the row and column parities of a Hamming code laid out as a grid: the check bits of the low
    position bits are the parities of columns, those of the high bits of rows). Tried: every split into
    two blocks (few rows) and the states of a greedy agglomeration (each row its own block, the pair
    of blocks whose merge saves most merged while it saves). The one-block and one-row-per-block
    partitions are left out (the one is Paar's CSE over distinct columns, the other no sharing), and so
    are rows of one input (each is its own block)."""
    live = [r for r in range(len(rows)) if bin(rows[r]).count("1") > 1]
    # rows of at most one input need no XOR: each its own block, outside the search
    trivial = [[r] for r in range(len(rows)) if rows[r] and r not in live]
    m = len(live)
    if m < 3 or m > MAX_BLOCK_ROWS:
        return []
    memo: dict[tuple, int] = {}

    def cost(b: list[int]) -> int:
        k = tuple(b)
        if k not in memo:
            memo[k] = _block_cost(rows, b, nvars)
        return memo[k]
    found: dict[tuple, int] = {}

    def note(blocks: list[list[int]]) -> None:
        if 1 < len(blocks) < m:
            key = tuple(sorted(tuple(b) for b in blocks))
            found[key] = sum(cost(list(b)) for b in key)
    if m <= 10:
        for mask in range(1, 1 << (m - 1)):
            if time.monotonic() > deadline:
                break
            note([[live[k] for k in range(m) if mask >> k & 1], [live[k] for k in range(m) if not mask >> k & 1]])
    blocks = [[r] for r in live]
    while len(blocks) > 1 and time.monotonic() < deadline:
        best = None
        for a in range(len(blocks)):
            for b in range(a + 1, len(blocks)):
                nb = sorted(blocks[a] + blocks[b])
                d = cost(nb) - cost(blocks[a]) - cost(blocks[b])
                if best is None or d < best[0]:
                    best = (d, a, b, nb)
            if time.monotonic() > deadline:
                break
        if best is None or best[0] >= 0:
            break
        _d, a, b, nb = best
        blocks = [x for k, x in enumerate(blocks) if k not in (a, b)] + [nb]
        note(blocks)
    ranked = sorted(found.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))
    return [(c, [list(b) for b in key] + trivial) for key, c in ranked[:keep]]


def _parity_tree(ops: list, nvars: int, sigs: list[int]) -> int:
    """Balanced XOR tree over ``sigs`` appended to ``ops``; its signal."""
    sigs = list(sigs)
    while len(sigs) > 1:
        nxt = []
        for k in range(0, len(sigs) - 1, 2):
            ops.append((sigs[k], sigs[k + 1]))
            nxt.append(nvars + len(ops) - 1)
        sigs = nxt + sigs[len(sigs) & ~1:]
    return sigs[0]


def block_program(rows: list[int], nvars: int, blocks: list[list[int]],
                  deadline: float = float("inf")) -> tuple[int, list, list]:
    """The program of a row partition: per block, the group parities (balanced trees), then the block's
    rows over them through :func:`best_program`; ``(xors, ops, rows')`` like :func:`best_slp`."""
    ops: list[tuple[int, int]] = []
    out = [0] * len(rows)
    for bi, b in enumerate(blocks):
        groups, brows = _block_matrix(rows, b, nvars)
        smap = [_parity_tree(ops, nvars, g) for g in groups]
        left = max(0.2, (deadline - time.monotonic()) / (len(blocks) - bi)) if deadline < float("inf") else 5.0
        _x, bops, brr = best_program(brows, len(groups), deadline=time.monotonic() + left, runs=8)
        for a, c in bops:
            ops.append((smap[a], smap[c]))
            smap.append(nvars + len(ops) - 1)
        for k, r in enumerate(b):
            out[r] = sum(1 << smap[j] for j in range(len(smap)) if brr[k] >> j & 1)
    return slp_cost(ops, out), ops, out


def programs(rows: list[int], nvars: int, deadline: float = float("inf")) -> list[tuple[int, list, list, str]]:
    """Structural variants of the matrix's XOR network: ``[(xors, ops, rows', how)]`` -- Paar's CSE (or
    the spanning tree of differences) with each row's remaining terms as a chain and as a tree balanced
    by depth (``how`` ends in :data:`BALANCED`), and the programs of the cheapest row partitions
    (:func:`row_partitions`), within ``VARIANT_SLACK`` of the fewest XORs, the two kinds alternately
    (the kind with the fewest XORs first), at most ``MAX_VARIANTS``. They differ
    in what ABC's mapper makes of them (three-input XOR cells, 2.7x a two-input one in sky130 for 2x
    the work, where it deems a path critical: a Hamming(72,64) encoder's 143-XOR program maps to 44 of
    them, 1543 um^2; its 131-XOR row-block program to 6, 1177 um^2), so each is measured."""
    t0 = time.monotonic()
    span = max(0.5, deadline - t0)
    plain = best_program(rows, nvars, deadline=t0 + span * 0.6)
    out = [(*plain, ""), (*plain, BALANCED)]
    seen: set = set()
    for _est, blocks in row_partitions(rows, nvars, deadline=t0 + span * 0.75, keep=2 * BLOCK_VARIANTS):
        if time.monotonic() > deadline or len(seen) >= BLOCK_VARIANTS:
            break
        # partitions with the same partial parities (a block split off whose groups are the same) once;
        # none where no partial parity is read by two rows (the rows' own trees, as the plain variant)
        mats = [_block_matrix(rows, b, nvars) for b in blocks]
        key = frozenset(frozenset(g) for gs, _br in mats for g in gs)
        if key in seen or not any(sum(br >> j & 1 for br in brs) > 1 for gs, brs in mats for j in range(len(gs))):
            continue
        seen.add(key)
        x, ops, rr = block_program(rows, nvars, blocks, deadline=min(deadline, time.monotonic() + span * 0.1))
        out.append((x, ops, rr, " in row blocks " + "|".join(",".join(map(str, b)) for b in blocks) + BALANCED))
    lo = min(p[0] for p in out)
    plains = [p for p in out[:2] if p[0] <= lo * VARIANT_SLACK]
    blocks = sorted((p for p in out[2:] if p[0] <= lo * VARIANT_SLACK), key=lambda p: p[0])
    # the two kinds alternately (each is measured: which maps smaller is not known), fewest XORs first
    first, second = (blocks, plains) if blocks and (not plains or blocks[0][0] < plains[0][0]) else (plains, blocks)
    mixed = [p for pair in zip(first, second, strict=False) for p in pair]
    k = min(len(first), len(second))
    mixed += first[k:] + second[k:]
    return mixed[:MAX_VARIANTS]


# ----------------------------------------------------------------------------------------------------
# analysis
# ----------------------------------------------------------------------------------------------------

def _sim(net, words: int, seed: int, forced: dict | None = None) -> np.ndarray:
    """Random simulation; ``forced`` internal signals held at a constant (a path condition)."""
    from rtlopt.semantic.seqsim import ONES, _eval
    rng = np.random.default_rng(seed)
    v = np.zeros((net.nsig, words), dtype=np.uint64)
    v[1] = ONES
    if net.rand:
        v[net.rand] = rng.integers(0, 2**64, size=(len(net.rand), words), dtype=np.uint64)
    forced = forced or {}
    for s, c in forced.items():
        v[s] = ONES if c else 0
    for t, o, ins in net.gates:
        v[o] = (ONES if forced[o] else np.zeros(words, dtype=np.uint64)) if o in forced \
            else _eval(t, [v[i] for i in ins])
    return v


def _vec(row: np.ndarray) -> int:
    return int.from_bytes(row.tobytes(), "little")


def _strash_cost(net, gates: set[int]) -> int:
    """Gate cost of ``gates`` with structurally equal gates counted once."""
    canon: dict[int, int] = {}
    seen: dict = {}
    cost = 0
    for t, o, ins in net.gates:
        if o not in gates:
            continue
        ci = tuple(canon.get(i, i) for i in ins)
        if t in ("$_AND_", "$_OR_", "$_XOR_", "$_XNOR_", "$_NAND_", "$_NOR_"):
            ci = tuple(sorted(ci))
        key = (t, ci)
        if key in seen:
            canon[o] = seen[key]
            continue
        seen[key] = o
        cost += _GATE_W.get(t, 1)
    return cost


def _data_arm(net, q: int, d: int, conds: dict) -> int:
    """The data input of flip-flop ``q`` under its hold (``q``) and constant (reset) multiplexer arms; the
    selects on the way are recorded in ``conds`` (signal -> value on the data path)."""
    for _ in range(8):
        g = net.driver.get(d)
        if g is None or g[0] != "$_MUX_":
            return d
        a, b, sel = g[2]  # Y = S ? B : A
        if a in (0, 1) or a == q:
            d, val = b, 1
        elif b in (0, 1) or b == q:
            d, val = a, 0
        else:
            return d
        if conds.setdefault(sel, val) != val:
            return -1
    return d


def _cone(net, sigs, conds: dict) -> set[int]:
    """Gate outputs in the fan-in of ``sigs``; a multiplexer whose select is held in ``conds`` is followed
    into the arm it picks only."""
    out: set[int] = set()
    stack = [s for s in sigs if s in net.driver and s not in conds]
    while stack:
        s = stack.pop()
        if s in out:
            continue
        out.add(s)
        t, _o, ins = net.driver[s]
        if t in ("$_MUX_", "$_NMUX_") and ins[2] in conds:
            ins = (ins[1 if conds[ins[2]] else 0],)
        stack.extend(i for i in ins if i in net.driver and i not in out and i not in conds)
    return out


def analyze(gates_js: dict, top: str, deadline: float) -> list[tuple]:
    """Per GF(2)-affine target word and structural variant (:func:`programs`): ``(saving, name, kind,
    inputs texts, ops, rows', const bits, variant text, variant index)``."""
    from rtlopt.semantic.linresub import _Net, _ref
    net = _Net(gates_js, top)
    v = _sim(net, WORDS, 11)
    v2 = _sim(net, WORDS, 23)
    free = set(net.rand)
    sig_names: dict[int, str] = {}
    for n, info in sorted(net.names.items(), key=lambda kv: (len(kv[1][0]), kv[0])):
        for i, s in enumerate(info[0]):
            if s > 1 and s in free and s not in sig_names:
                sig_names[s] = _ref(n, i, info)
    all_d = set(net.flop_d.values())
    results = []
    done_sets: set = set()
    for tname, tinfo in sorted(net.names.items()):
        if time.monotonic() > deadline:
            break
        tbits = tinfo[0]
        if not (2 <= len(tbits) <= MAX_TARGET_W) or any(s < 0 for s in tbits):
            continue
        kind = "comb"
        conds: dict[int, int] = {}
        vt, vt2 = v, v2
        if all(s in net.flop_d for s in tbits):
            kind = "reg"
            tbits = [_data_arm(net, s, net.flop_d[s], conds) for s in tbits]
            if any(s < 0 for s in tbits):
                continue
            if conds:  # the data arm is taken under these selects: simulate with them held
                vt, vt2 = _sim(net, WORDS, 11, conds), _sim(net, WORDS, 23, conds)
        elif any(s in free for s in tbits):
            continue
        key = tuple(tbits)
        if key in done_sets:
            continue
        done_sets.add(key)
        tset = {s for s in tbits if s > 1}
        stop = frozenset(conds)
        tcone = _cone(net, tset, conds)
        if len(tcone) < 8:
            continue
        # the cone's inputs (not through the held selects)
        leaves: set[int] = set()
        for g in tcone:
            t, _o, ins = net.driver[g]
            if t in ("$_MUX_", "$_NMUX_") and ins[2] in conds:
                ins = (ins[1 if conds[ins[2]] else 0],)
            leaves |= {i for i in ins if i not in net.driver and i > 1 and i not in stop}
        leaves |= {s for s in tset if s not in net.driver and s not in stop}
        if not leaves or len(leaves) > MAX_SUPPORT or any(s not in sig_names for s in leaves):
            continue
        sup = sorted(leaves, key=lambda s: sig_names[s])
        full = (1 << (64 * WORDS)) - 1
        cols = [_vec(vt[s]) for s in sup]
        # elimination with combination tracking
        basis: dict[int, tuple[int, int]] = {}
        for ci, c in enumerate(cols + [full]):
            x, m = c, 1 << ci
            while x:
                p = x.bit_length() - 1
                if p in basis:
                    x ^= basis[p][0]
                    m ^= basis[p][1]
                else:
                    basis[p] = (x, m)
                    break
        rows: list[int] = []
        consts: list[int] = []
        ok = True
        for s in tbits:
            t = 0 if s == 0 else full if s == 1 else _vec(vt[s])
            m = 0
            while t:
                p = t.bit_length() - 1
                if p not in basis:
                    ok = False
                    break
                t ^= basis[p][0]
                m ^= basis[p][1]
            if not ok:
                break
            rows.append(m & ((1 << len(sup)) - 1))
            consts.append(m >> len(sup) & 1)
        if not ok:
            continue
        # fresh vectors
        cols2 = [_vec(vt2[s]) for s in sup]
        for s, r, c in zip(tbits, rows, consts, strict=True):
            t = 0 if s == 0 else full if s == 1 else _vec(vt2[s])
            acc = full if c else 0
            for i in range(len(sup)):
                if r >> i & 1:
                    acc ^= cols2[i]
            if acc != t:
                ok = False
                break
        if not ok:
            continue
        # present cost: the target's own logic (what the rest of the design does not need)
        others = {s for n, bits in net.outputs.items() if n != tname for s in bits if s > 1}
        others |= all_d - {net.flop_d[s] for s in tinfo[0] if s in net.flop_d}
        others -= tset
        freed = tcone - net.cone(others, tset)
        old = _strash_cost(net, freed)
        variants = programs(rows, len(sup), deadline=min(deadline, time.monotonic() + 6.0))
        for k, (xors, ops, rr, how) in enumerate(variants):
            new = _XOR_W * xors
            if DEBUG:
                print(f"gflin: {tname} old {old} new {new} ({xors} XORs{how}, {len(sup)} inputs)")
            if new >= GAIN * old:
                continue
            results.append((old - new, tname, kind, [sig_names[s] for s in sup], ops, rr, consts, how, k))
    # the first variant of each target (largest saving first), the further variants of the best target
    # only (each candidate costs the search a measurement)
    firsts = sorted((r for r in results if r[8] == 0), key=lambda r: (-r[0], r[1]))[:MAX_CANDIDATES]
    if not firsts:
        return []
    more = [r for r in results if r[8] > 0 and r[1] == firsts[0][1]]
    return firsts[:1] + more + firsts[1:]


# ----------------------------------------------------------------------------------------------------
# emitting
# ----------------------------------------------------------------------------------------------------

def program_text(tname: str, inputs: list[str], ops: list, rows: list[int], consts: list[int],
                 balanced: bool = False) -> tuple[list, list]:
    """``(wires [(name, expr)], per-bit texts MSB first)`` of the straight-line program; each row's
    terms as a chain, or (``balanced``) combined shallowest first."""
    safe = re.sub(r"[^\w]", "_", tname)
    names = list(inputs)
    wires = []
    for k, (a, b) in enumerate(ops):
        w = f"rtlopt_gx_{safe}_{k}"
        wires.append((w, f"{names[a]} ^ {names[b]}"))
        names.append(w)
    depth = [0] * len(inputs)
    for a, b in ops:
        depth.append(max(depth[a], depth[b]) + 1)
    texts = []
    for r, c in zip(rows, consts, strict=True):
        # the row's terms combined shallowest first (a chain of late terms maps to three-input XOR
        # cells where ABC deems the path critical: larger than two-input ones)
        terms = [(depth[i], k, names[i]) for k, i in enumerate(i for i in range(len(names)) if r >> i & 1)]
        if not terms:
            texts.append("1'b1" if c else "1'b0")
            continue
        if not balanced:
            e = " ^ ".join(t[2] for t in terms)
            texts.append(f"~({e})" if c else f"({e})" if len(terms) > 1 else e)
            continue
        heapq.heapify(terms)
        k = len(terms)
        while len(terms) > 1:
            d1, _k1, e1 = heapq.heappop(terms)
            d2, _k2, e2 = heapq.heappop(terms)
            k += 1
            heapq.heappush(terms, (max(d1, d2) + 1, k, f"{e1} ^ {e2}" if len(terms) == 0 else f"({e1} ^ {e2})"))
        e = terms[0][2]
        texts.append(f"~({e})" if c else f"({e})" if " " in e else e)
    return wires, texts[::-1]


_BLOCK_HDR = re.compile(r"\balways_comb\b|\balways\s*@\s*(?:\*|\(\s*\*\s*\))")


def _block_end(body: str, i: int) -> int | None:
    """End (exclusive) of the statement starting at ``i`` (a ``begin ... end`` block or one statement)."""
    m = re.compile(r"\s*").match(body, i)
    j = m.end()
    if re.match(r"begin\b", body[j:]):
        depth = 0
        for t in re.finditer(r"\b(begin|end)\b", body[j:]):
            depth += 1 if t.group(1) == "begin" else -1
            if depth == 0:
                return j + t.end()
        return None
    semi = body.find(";", j)
    return semi + 1 if semi > 0 else None


def _strip_comments(s: str) -> str:
    s = re.sub(r"/\*.*?\*/", lambda m: " " * len(m.group(0)), s, flags=re.S)
    return re.sub(r"//[^\n]*", lambda m: " " * len(m.group(0)), s)


def rewrite_always(text: str, top: str, tname: str, wires: list, bit_texts: list) -> str | None:
    """``text`` with the drivers of ``tname`` -- part-select ``assign``s and at most one combinational
    ``always`` block (driving only ``tname`` and signals read nowhere else) -- removed and the program
    emitted before ``endmodule``."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.linresub import _top_span
    span = _top_span(text, top)
    if span is None:
        return None
    s, e = span
    body = _strip_comments(text[s:e])
    nm = re.escape(tname)
    blocks = []
    for h in _BLOCK_HDR.finditer(body):
        end = _block_end(body, h.end())
        if end is None:
            return None
        blocks.append((h.start(), end))
    drv = [b for b in blocks if re.search(rf"(?<![\w$.]){nm}\s*(?:\[[^;=]*\])?\s*=(?!=)", body[b[0]:b[1]])]
    asg = [(m.start(), body.find(";", m.end()) + 1)
           for m in re.finditer(rf"\bassign\s+{nm}\s*(?:\[[^;=]*\])?\s*=", body)]
    if len(drv) > 1 or not (drv or asg) or any(b1 <= 0 for _b0, b1 in asg):
        return None
    if re.search(rf"\bassign\s*\{{[^;=]*(?<![\w$.]){nm}\b", body):
        return None  # part of a concatenation on the left
    cuts = sorted(drv + asg)
    outside = "".join(body[a:b] for a, b in zip([0] + [c[1] for c in cuts], [c[0] for c in cuts] + [len(body)],
                                                 strict=True))
    for b0, b1 in drv:
        blk = body[b0:b1]
        lhs = set(re.findall(r"([A-Za-z_][\w$]*)\s*(?:\[[^;=]*\])?\s*(?<![<>=!])=(?!=)", blk))
        lhs |= set(re.findall(r"([A-Za-z_][\w$]*)\s*(?:\+\+|--)", blk))
        for n in lhs - {tname}:
            if re.search(rf"\b(?:int|integer|genvar|logic|reg|bit)\b[^;]*\b{re.escape(n)}\b", blk):
                continue  # declared in the block
            # used outside the block other than in its declaration
            for m in re.finditer(rf"(?<![\w$.]){re.escape(n)}\b", outside):
                ls = outside.rfind(";", 0, m.start()) + 1
                stmt = outside[ls:m.start()]
                if not re.search(r"\b(?:wire|logic|reg|integer|int|bit)\b", stmt) or "=" in stmt \
                        or re.search(r"\b(?:assign|always\w*)\b", stmt):
                    return None
    is_reg = re.search(rf"\breg\b[^;]*(?<![\w$]){nm}\b", outside) is not None
    lines = [f"  // rtlopt: {tname} is GF(2)-linear in its inputs; re-synthesized as a shared XOR network\n"]
    lines += [f"  wire {w} = {x};\n" for w, x in wires]
    rhs = f"{{{', '.join(bit_texts)}}}"
    lines.append(f"  always @* {tname} = {rhs};\n" if is_reg else f"  assign {tname} = {rhs};\n")
    edits = [Edit(s + a, s + b, f"/* {tname}: driven below (rtlopt) */") for a, b in cuts]
    edits.append(Edit(e, e, "".join(lines)))
    try:
        return apply_edits(text, edits)
    except ValueError:
        return None


def rewrite_bit_nbas(text: str, top: str, tname: str, wires: list, bit_texts: list) -> str | None:
    """``text`` with the register ``tname``'s next value written per bit -- one non-constant nonblocking
    assignment ``tname[k] <= ...;`` per bit, in one ``always`` block (a CRC's parallel equations as a
    generator prints them) -- each right side replaced by the program's bit; the shared XORs are wires
    declared before the block."""
    from rtlopt.hdl.edit import Edit, apply_edits
    from rtlopt.semantic.linresub import _top_span
    span = _top_span(text, top)
    if span is None:
        return None
    s, e = span
    body = _strip_comments(text[s:e])
    nm = re.escape(tname)
    decl = re.search(rf"\b(?:reg|logic)\b\s*(?:signed\s*)?\[\s*(\d+)\s*:\s*(\d+)\s*\]\s*(?:[\w$]+\s*,\s*)*{nm}\b", body)
    if decl is None:
        return None
    hi, lo = int(decl.group(1)), int(decl.group(2))
    if hi < lo or hi - lo + 1 != len(bit_texts):
        return None
    if re.search(rf"(?<![\w$.]){nm}\s*(?:\[[^\]]*:[^\]]*\])?\s*<=(?!\s*(?:\d*'[bdhBDH][0-9a-fA-F_xzXZ]+|\d+)\s*;)", body):
        return None  # a whole-word (or part-select) non-constant assignment as well
    sites: dict[int, tuple[int, int]] = {}
    for m in re.finditer(rf"(?<![\w$.]){nm}\s*\[\s*(\d+)\s*\]\s*<=\s*", body):
        semi = body.find(";", m.end())
        k = int(m.group(1))
        if semi < 0 or not lo <= k <= hi or k in sites:
            return None
        sites[k] = (m.end(), semi)
    if len(sites) != len(bit_texts):
        return None
    first = min(a for a, _b in sites.values())
    alw = list(re.finditer(r"\balways(?:_ff)?\b", body[:first]))
    if not alw or any(re.search(r"\balways(?:_ff|_comb|_latch)?\b|\bendmodule\b", body[first:b]) for _a, b in sites.values()):
        return None
    ls = body.rfind("\n", 0, alw[-1].start()) + 1
    lines = [f"  // rtlopt: next {tname} is GF(2)-linear; re-synthesized as a shared XOR network\n"]
    lines += [f"  wire {w} = {x};\n" for w, x in wires]
    edits = [Edit(s + ls, s + ls, "".join(lines))]
    for k, (a, b) in sites.items():
        edits.append(Edit(s + a, s + b, bit_texts[len(bit_texts) - 1 - (k - lo)]))
    try:
        return apply_edits(text, sorted(edits, key=lambda x: x.start))
    except ValueError:
        return None


def rewrite(text: str, top: str, tname: str, kind: str, wires: list, bit_texts: list) -> str | None:
    from rtlopt.semantic.linresub import rewrite as lr_rewrite
    new = lr_rewrite(text, top, tname, wires, bit_texts, kind,
                     note=("is GF(2)-linear in its inputs; re-synthesized as a shared XOR network",
                           "is GF(2)-linear; re-synthesized as a shared XOR network"))
    if new is not None:
        return new
    if kind == "comb":
        return rewrite_always(text, top, tname, wires, bit_texts)
    return rewrite_bit_nbas(text, top, tname, wires, bit_texts)


def rewrites(texts: dict, top: str, budget_s: float = BUDGET_S) -> list[tuple]:
    """``[(path, new text, description)]`` for the design ``texts`` with top ``top``."""
    from rtlopt.semantic.linresub import _top_span, gate_netlist
    from rtlopt.templates._sem import analyze as sem_analyze
    from rtlopt.templates._sem import parses_cleanly
    deadline = time.monotonic() + budget_s
    found = analyze(gate_netlist(texts, top, budget_s), top, deadline)
    out = []
    for _saved, tname, kind, inputs, ops, rows, consts, how, _k in found:
        wires, bit_texts = program_text(tname, inputs, ops, rows, consts, balanced=how.endswith(BALANCED))
        xors = slp_cost(ops, rows)
        for p, t in texts.items():
            if _top_span(t, top) is None:
                continue
            new = rewrite(t, top, tname, kind, wires, bit_texts)
            if any(new == o[1] for o in out):
                break  # a variant that prints the same (one-term rows)
            if new is not None and new != t and parses_cleanly(new, sem_analyze(t).errors):
                out.append((p, new, f"{'next ' if kind == 'reg' else ''}{tname}: GF(2)-linear map "
                            f"re-synthesized as {xors} shared XORs{how}"))
            break
    return out


def gflin_candidates(state) -> list:
    """Search-loop generator (never raises)."""
    from rtlopt.engine.candidate import budgeted_candidates
    return budgeted_candidates(state, rewrites, BUDGET_S, RULE, "GF(2)-linear XOR re-synthesis", "gflin",
                               top=state.design.top)


__all__ = ["analyze", "best_program", "best_slp", "block_program", "gflin_candidates", "paar", "programs", "rewrite",
           "rewrites", "row_partitions", "tree_slp"]
