"""A closed partition of an incompletely specified machine by greedy merging (an upper bound).

States are merged one pair at a time; a merge also merges, per input letter, the successors of the
two classes (the closure), and is undone when any two members of a merged class are incompatible
(the incompatibility graph already includes conflicts through successors). The result is a
partition in which every class is pairwise compatible and goes, on every letter, into one class:
a closed cover, so a valid minimized machine, but not necessarily a minimum one.
"""

from __future__ import annotations

import random
import time


class _Partition:
    def __init__(self, nxt: list[list[int | None]], incmask: list[int]) -> None:
        n = len(nxt)
        self.parent = list(range(n))
        self.members = [1 << s for s in range(n)]
        self.bad = list(incmask)  # OR of the incompatibility masks of the members
        self.succ = [list(row) for row in nxt]
        self.count = n

    def find(self, s: int) -> int:
        p = self.parent
        while p[s] != s:
            p[s] = p[p[s]]
            s = p[s]
        return s

    def merge(self, a: int, b: int) -> bool:
        """Merge the classes of ``a`` and ``b`` with everything the closure implies (False: undone)."""
        log: list[tuple] = []
        work = [(a, b)]
        p, mem, bad, succ = self.parent, self.members, self.bad, self.succ

        def find(s: int) -> int:
            # no path compression while the merge may be undone (the undo resets only the roots
            # it linked: a compressed path would keep a state in the class it was merged into)
            while p[s] != s:
                s = p[s]
            return s

        ok = True
        while work:
            x, y = work.pop()
            x, y = find(x), find(y)
            if x == y:
                continue
            if mem[x] & bad[y]:
                ok = False
                break
            log.append((x, y, mem[x], bad[x], list(succ[x])))
            p[y] = x
            mem[x] |= mem[y]
            bad[x] |= bad[y]
            sx, sy = succ[x], succ[y]
            for i, t in enumerate(sy):
                if t is None:
                    continue
                if sx[i] is None:
                    sx[i] = t
                else:
                    work.append((sx[i], t))
        if ok:
            self.count -= len(log)
            return True
        for x, y, m, bd, sx in reversed(log):
            p[y] = y
            mem[x] = m
            bad[x] = bd
            succ[x] = sx
        return False


def greedy_partition(nxt: list[list[int | None]], inc: list[set[int]], order: list[int],
                     deadline: float, rounds: int = 64, seed: int = 0, target: int = 0) -> list[list[int]]:
    """The smallest closed partition found by sequential greedy merging in ``order`` (first round)
    and in randomized orders until ``deadline``, ``rounds`` or a partition of ``target`` classes."""
    n = len(nxt)
    incmask = [sum(1 << t for t in inc[s]) for s in range(n)]
    rng = random.Random(seed)
    best: list[list[int]] | None = None
    cur = list(order)
    for r in range(rounds):
        if r and (time.monotonic() > deadline or len(best or ()) <= target):
            break
        part = _Partition(nxt, incmask)
        roots: list[int] = []
        for s in cur:
            if time.monotonic() > deadline:
                break  # states not reached stay in their classes so far: still a closed partition
            if part.find(s) != s:
                continue  # already merged through a closure
            for q in roots:
                rq = part.find(q)
                if rq != part.find(s) and part.merge(rq, s):
                    break
            else:
                roots.append(s)
        classes: dict[int, list[int]] = {}
        for s in range(n):
            classes.setdefault(part.find(s), []).append(s)
        if best is None or len(classes) < len(best):
            best = list(classes.values())
        cur = list(order)
        rng.shuffle(cur)
    assert best is not None
    return best


def _rebuild(nxt: list[list[int | None]], incmask: list[int], keep: list[list[int]], free: list[int],
             rng: random.Random, deg: list[int]) -> list[list[int]]:
    """A closed partition holding the classes ``keep`` (members of one class of a closed partition:
    their merges and the closure merges they imply never conflict) with the states ``free`` merged
    greedily, most incompatible first (``deg``, with random noise), each into the first class that
    takes it (kept classes in their order, then the classes opened by free states)."""
    part = _Partition(nxt, incmask)
    p, mem, bad, succ = part.parent, part.members, part.bad, part.succ
    roots: list[int] = []
    pending: list[tuple[int, int]] = []
    for c in keep:
        # the class set up directly (a union of states that was one class), its successors per
        # letter merged below
        r = c[0]
        sr = succ[r]
        for s in c[1:]:
            p[s] = r
            mem[r] |= mem[s]
            bad[r] |= bad[s]
            for a, t in enumerate(succ[s]):
                if t is not None:
                    if sr[a] is None:
                        sr[a] = t
                    elif t != sr[a]:
                        pending.append((sr[a], t))
        roots.append(r)
    for a, b in pending:
        # never fails (these merges and the closure merges they imply stay inside the classes of
        # the closed partition the kept classes come from); a failed one would only keep b apart
        ra, rb = part.find(a), part.find(b)
        if ra != rb:
            part.merge(ra, rb)
    # measured (70 % don't-cares, 2 s of CPU, 150 states): 61/60 classes against 63/61 with the
    # free states and the classes in random order
    free = sorted(free, key=lambda s: -(deg[s] + 20 * rng.random()))
    rootmask = sum(1 << q for q in roots)
    for s in free:
        rs = part.find(s)
        if mem[rs] & rootmask:
            continue  # pulled into a class by a closure merge
        for q in list(roots):
            rq = part.find(q)
            if mem[rq] & bad[rs]:
                continue  # a direct conflict (the merge would find it first, at more cost)
            if part.merge(rq, s):
                break
        else:
            roots.append(s)
            rootmask |= 1 << s
    classes: dict[int, list[int]] = {}
    for s in range(len(nxt)):
        classes.setdefault(part.find(s), []).append(s)
    return list(classes.values())


def improve_partition(nxt: list[list[int | None]], inc: list[set[int]], part: list[list[int]],
                      deadline: float, target: int = 0, seed: int = 0) -> list[list[int]]:
    """Iterated greedy (large neighbourhood search) on a closed partition: dissolve the smallest
    class and 2-4 random others, merge their states back greedily (:func:`_rebuild`), keep the result
    when it has no more classes (plateau moves allowed), until ``deadline`` or ``target`` classes.
    Measured (70 % don't-cares, 2 s of CPU): 150 states 67/68 -> 61/60, 80 states 36/35 -> 33/32
    classes, where random-order restarts of :func:`greedy_partition` stay at the first numbers."""
    n = len(nxt)
    incmask = [sum(1 << t for t in inc[s]) for s in range(n)]
    rng = random.Random(seed)
    deg = [len(a) for a in inc]
    best = [list(c) for c in part]
    while len(best) > max(1, target) and time.monotonic() < deadline:
        cs = sorted(best, key=len)
        drop = [cs[0]] + rng.sample(cs[1:], min(len(cs) - 1, rng.randint(2, 4)))
        dropped = {id(c) for c in drop}
        new = _rebuild(nxt, incmask, [c for c in best if id(c) not in dropped], [s for c in drop for s in c], rng, deg)
        if len(new) <= len(best):
            best = new
    return best


def is_closed_partition(nxt: list[list[int | None]], inc: list[set[int]], part: list[list[int]]) -> bool:
    """Every state in exactly one class, no class holding two incompatible states, and on every
    letter the specified successors of each class inside one class (a closed cover)."""
    n = len(nxt)
    cls = [-1] * n
    for j, c in enumerate(part):
        for s in c:
            if cls[s] != -1:
                return False
            cls[s] = j
    if -1 in cls:
        return False
    for c in part:
        members = set(c)
        if any(inc[s] & members for s in c):
            return False
        for a in range(len(nxt[0]) if nxt else 0):
            if len({cls[t] for s in c if (t := nxt[s][a]) is not None}) > 1:
                return False
    return True
