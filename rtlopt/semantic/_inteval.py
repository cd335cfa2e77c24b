"""A levelized gate netlist evaluated as straight-line Python on arbitrary-precision ints.

:mod:`rtlopt.semantic.seqsim` simulates bit-parallel: each signal is ``words`` uint64 lanes, and a cycle
evaluates the netlist one (level, gate type) group at a time with numpy. On a deep netlist (a divider:
heldout18 dimmer, 6970 gates in 755 groups) a cycle is ~755 numpy calls on 2-lane rows, so numpy's
per-call overhead is nearly all of the time (3.2 s for 256 cycles; rststrip, regfunc and seqredundancy
simulate the current design every round). Here the same groups, in the same order, are one generated
Python function over a list of ints (signal ``s``'s lanes are the int ``sum(v[s][w] << 64 * w)``): the
same values bit for bit, 10-30x faster on such netlists.

Exactness: each group is one tuple assignment (every input of the group read before any output is
written, as ``v[outs] = f(v[ins])`` does), groups run in :func:`seqsim._groups`' order, gate outputs
keep their values from one cycle to the next (as in ``v``) and only the signals the caller reads after
the evaluation are copied back. :func:`evaluator` returns None (the numpy path is used) when that
mirror would not be exact (a gate drives a signal the stimulus or a flip-flop writes) or when numpy is
expected to be faster (many lanes, few wide groups).
"""

from __future__ import annotations

import numpy as np

#: (gate type) -> expression over a, b, c, d (input 0..3) and M (all lanes one); ~x is x ^ M
_EXPR = {
    "$_NOT_": "({a} ^ M)",
    "$_BUF_": "{a}",
    "$_AND_": "({a} & {b})",
    "$_OR_": "({a} | {b})",
    "$_XOR_": "({a} ^ {b})",
    "$_NAND_": "(({a} & {b}) ^ M)",
    "$_NOR_": "(({a} | {b}) ^ M)",
    "$_XNOR_": "({a} ^ {b} ^ M)",
    "$_ANDNOT_": "({a} & ~{b})",
    "$_ORNOT_": "({a} | ({b} ^ M))",
    "$_MUX_": "(({a} & ~{c}) | ({b} & {c}))",
    "$_NMUX_": "((({a} & ~{c}) | ({b} & {c})) ^ M)",
    "$_AOI3_": "((({a} & {b}) | {c}) ^ M)",
    "$_OAI3_": "((({a} | {b}) & {c}) ^ M)",
    "$_AOI4_": "((({a} & {b}) | ({c} & {d})) ^ M)",
    "$_OAI4_": "((({a} | {b}) & ({c} | {d})) ^ M)",
}
#: netlists larger than this are left to numpy (the generated function's size)
MAX_GATES = 100_000
#: generating and compiling the function, microseconds per gate (heldout18 dimmer: 6970 gates, ~65 numpy cycles)
COMPILE_US = 60


def _compile(groups: list, outs: set[int], srcs: list[int]):
    """The function ``run(S, M)`` evaluating ``groups`` (``(type, outs, ins)``) on the list ``S``; None
    when a gate type has no expression here (numpy raises NotModelled for it).

    In the function a signal is a local: the sources (``srcs``, signals no gate drives) read from ``S``
    once, each gate output assigned once computed (and stored back into ``S`` at the end); a gate output
    read before its own group in the order has its value of the previous call, ``S[i]`` (never the case in
    a levelized netlist, kept exact anyway). A group whose gates read none of its own outputs is one
    assignment per gate, otherwise one tuple assignment (all reads before the writes, as numpy does)."""
    lines = ["def run(S, M):"]
    lines += [f"    s{i} = S[{i}]" for i in srcs]
    done: set[int] = set()

    def ref(i: int) -> str:
        if i in done or i not in outs:
            return f"s{i}"
        return f"S[{i}]"

    for t, o, ins in groups:
        form = _EXPR.get(t)
        if form is None:
            return None
        cols = [x.tolist() for x in ins]
        ol = o.tolist()
        exprs = []
        for j in range(len(ol)):
            args = {k: ref(cols[i][j]) for i, k in enumerate("abcd"[:len(cols)])}
            exprs.append(form.format(**args))
        own = set(ol)
        if any(x in own for c in cols for x in c):
            lines.append("    " + ", ".join(f"s{x}" for x in ol) + ", = " + ", ".join(exprs) + ",")
        else:
            lines += [f"    s{x} = {e}" for x, e in zip(ol, exprs, strict=True)]
        done.update(ol)
    lines += [f"    S[{i}] = s{i}" for i in sorted(done)]
    env: dict = {}
    exec(compile("\n".join(lines), "<rtlopt.seqsim.inteval>", "exec"), env)  # noqa: S102 - our own text
    return env["run"]


def rows_to_ints(a: np.ndarray) -> list[int]:
    """Rows of ``words`` uint64 lanes as ints (lane word ``w`` at bit ``64 * w``)."""
    n = a.shape[-1] * 8
    b = np.ascontiguousarray(a, dtype="<u8").tobytes()
    return [int.from_bytes(b[i:i + n], "little") for i in range(0, len(b), n)]


def ints_to_rows(xs: list[int], words: int) -> np.ndarray:
    """:func:`rows_to_ints` inverted: ``(len(xs), words)`` uint64."""
    n = 8 * words
    return np.frombuffer(b"".join(x.to_bytes(n, "little") for x in xs), dtype="<u8").reshape(len(xs), words) \
        .astype(np.uint64)


def _program(net, groups: list):
    """(run, gate outputs, sources) of ``net``, kept on it; run None when it cannot be compiled."""
    got = net.__dict__.get("_inteval")
    if got is not None and got[0] is groups:
        return got[1]
    outs: set[int] = set()
    reads: set[int] = set()
    for _t, o, ins in groups:
        outs.update(o.tolist())
        for x in ins:
            reads.update(x.tolist())
    srcs = sorted(reads - outs)
    prog = (_compile(groups, outs, srcs), frozenset(outs), srcs)
    net.__dict__["_inteval"] = (groups, prog)
    return prog


def evaluator(net, groups: list, words: int, written, read, cycles: int | None = None):
    """A function ``ev(v)`` doing what ``for t, outs, joined, n in fused groups: v[outs] = _eval(...)``
    does to ``v`` (``(nsig, words)`` uint64) for every signal in ``read`` afterwards (and to gate outputs
    in later calls), or None when the numpy loop should run: ``written`` are the signals the caller
    writes between evaluations (inputs, free signals, the reset, flip-flop outputs), ``read`` those it
    reads after one (flip-flop inputs, watched signals, reset signals). ``cycles``: how many evaluations
    follow (the function is generated once per netlist, ~60 us a gate: a short run of a netlist not
    compiled yet stays with numpy)."""
    ngates = sum(len(o) for _t, o, _i in groups)
    if not ngates or ngates > MAX_GATES:
        return None
    # the cost of a cycle (microseconds, measured on 2..32 lanes): numpy ~8 per group plus the lanes;
    # ints ~0.1 per gate, growing with the lanes
    gain = 8 * len(groups) + 0.003 * ngates * words - ngates * (0.1 + 0.004 * words)
    if gain <= 0:
        return None
    got = net.__dict__.get("_inteval")
    if cycles is not None and (got is None or got[0] is not groups) and cycles * gain < COMPILE_US * ngates:
        return None
    run, gouts, srcs = _program(net, groups)
    if run is None or any(int(s) in gouts for s in written):
        return None
    back = sorted(gouts.intersection(int(s) for s in read))
    src_idx = np.array(srcs, dtype=np.int64)
    back_idx = np.array(back, dtype=np.int64)
    mask = (1 << (64 * words)) - 1
    state: dict = {}

    def ev(v: np.ndarray) -> None:
        S = state.get("S")
        if S is None:  # the first cycle: every signal as it is in v (gate outputs included)
            S = state["S"] = rows_to_ints(v)
        elif len(srcs):
            for i, x in zip(srcs, rows_to_ints(v[src_idx]), strict=True):
                S[i] = x
        run(S, mask)
        if len(back):
            v[back_idx] = ints_to_rows([S[i] for i in back], words)

    return ev
