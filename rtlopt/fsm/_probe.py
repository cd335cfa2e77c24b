"""Sample points inside the input classes of a z3-built table (:meth:`Fsm._table_z3`).

The z3 table asks, per input class, state and output bit, whether a bit is constant (``e == 0`` /
``e == 1`` valid on the class) or equal to a bit function seen before (``r == e`` valid). Most of
these queries are false, and one input of the class where the formula is false shows it: a
:class:`Probe` evaluates the formula bit-parallel (:mod:`rtlopt.fsm._truth`) on sampled inputs
that lie in the class and answers "not valid" when one of them falsifies it. Only the queries no
sample refutes go to z3, so the answers (and the table) are the same as with z3 alone.

Samples of class ``c``: inputs drawn at random (the same scheme as
:class:`~rtlopt.fsm._truth.SampledTables`) that happen to satisfy ``c``, and variations of one z3
model of ``c``: every variable the model leaves free random, and one model variable at a time
random or one of its bits flipped. A sample is used for ``c`` only when ``c`` evaluates true on it.
"""

from __future__ import annotations

import random

import z3

from rtlopt.fsm._truth import SampledTables, TruthTables, Unsupported

#: random samples shared by every class, and model-based samples per class
K_RANDOM = 256
K_CLASS = 128


class _Points(TruthTables):
    """The evaluator of :mod:`rtlopt.fsm._truth` over explicit per-variable bit masks."""

    def __init__(self, vars_: list[z3.ExprRef], env: dict[str, object], k: int) -> None:
        self.vars = sorted(vars_, key=lambda v: v.decl().name())
        self.bits = []
        self.env = env
        self.n = None
        self.full = (1 << k) - 1
        self._memo = {}
        self._alive = []


def _width(v: z3.ExprRef) -> int:
    return v.size() if z3.is_bv(v) else 1


class Probe:
    """Bit-parallel samples inside each class of ``classes`` (z3 formulas over ``vars_``);
    ``models[i]`` is a z3 model of ``classes[i]`` (or None)."""

    def __init__(self, vars_: list[z3.ExprRef], classes: list[z3.BoolRef], models: list[z3.ModelRef | None],
                 seed: int = 1) -> None:
        rng = random.Random(seed)
        vars_ = sorted({v.decl().name(): v for v in vars_}.values(), key=lambda v: v.decl().name())
        base = SampledTables(vars_, k=K_RANDOM, seed=seed)
        env: dict[str, list[int]] = {n: (list(m) if isinstance(m, list) else [m]) for n, m in base.env.items()}
        k = K_RANDOM
        allc = (1 << K_CLASS) - 1
        for m in models:
            if m is None:
                continue
            fixed: dict[str, int] = {}
            for d in m.decls():
                if d.arity() != 0 or d.name() not in env:
                    continue
                val = m[d]
                if z3.is_bv_value(val):
                    fixed[d.name()] = val.as_long()
                elif z3.is_true(val) or z3.is_false(val):
                    fixed[d.name()] = int(z3.is_true(val))
            names = sorted(fixed)
            # columns [0, 16): the model, free variables random; [16, 64): one model variable
            # random per column; [64, 128): one bit of one model variable flipped per column
            rand_var: dict[str, int] = {}
            flip: dict[tuple[str, int], int] = {}
            if names:
                for j in range(16, 64):
                    n = names[(j - 16) % len(names)]
                    rand_var[n] = rand_var.get(n, 0) | (1 << j)
                bits = [(n, b) for n in names for b in range(len(env[n]))]
                rng.shuffle(bits)
                for j in range(64, K_CLASS):
                    nb = bits[(j - 64) % len(bits)]
                    flip[nb] = flip.get(nb, 0) | (1 << j)
            for v in vars_:
                n = v.decl().name()
                for b in range(len(env[n])):
                    r = rng.getrandbits(K_CLASS)
                    if n in fixed:
                        col = allc if (fixed[n] >> b) & 1 else 0
                        rv = rand_var.get(n, 0)
                        col = (col & ~rv) | (r & rv)
                        col ^= flip.get((n, b), 0)
                    else:
                        col = r
                    env[n][b] |= col << k
            k += K_CLASS
        self.tt = _Points(vars_, {v.decl().name(): (env[v.decl().name()] if z3.is_bv(v)
                                                    else env[v.decl().name()][0]) for v in vars_}, k)
        self.masks: list[int] = []
        for c in classes:
            try:
                self.masks.append(self.tt.bool(c))
            except Unsupported:
                self.masks.append(0)
        self.refuted = 0  # queries answered here

    def refutes(self, ci: int, f: z3.BoolRef) -> bool:
        """True when a sample of class ``ci`` falsifies ``f`` (so ``f`` is not valid on the class)."""
        m = self.masks[ci]
        if not m:
            return False
        try:
            v = self.tt.bool(f)
        except Unsupported:
            return False
        if m & ~v:
            self.refuted += 1
            return True
        return False
