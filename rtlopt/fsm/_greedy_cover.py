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
        ok = True
        while work:
            x, y = work.pop()
            x, y = self.find(x), self.find(y)
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
