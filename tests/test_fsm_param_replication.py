"""FSM extraction folds replication counts computed from parameters (``{(W-2){1'b0}}``,
``{($clog2(D)+1){1'b1}}``): they used to stop the model ("replication with a non-constant count"),
so a one-hot machine whose datapath register is loaded with such a constant got no re-encoding at all.
The folded values must be exact: the load constants are checked bit for bit, a replication of an input
bit stays a function of that input, and the regenerated binary machine is proven by the verifier."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import z3

from rtlopt.design import open_design
from rtlopt.fsm import extract, plan

GEN = Path(__file__).resolve().parent.parent / "designs" / "generalization" / "fsm"
CASES = [("onehot_repl_count_v", "original.v", "cmdport"), ("onehot_repl_clog2_sv", "original.sv", "framer")]


def _design(case: str, fname: str, top: str):
    return open_design([GEN / case / fname], top=top)


def _next_value(fsm, src_code: int, reg: str, **inputs) -> int | None:
    """The value ``reg`` gets from the state coded ``src_code`` (other inputs as given, else 0)."""
    src = next(s for s, c in fsm.codes.items() if c == src_code)
    for tr in fsm.transitions:
        if tr.src != src:
            continue
        e, _dc = tr.outputs[reg]
        subs = [(z3.BitVec(n, w), z3.BitVecVal(inputs.get(n, 0), w)) for n, w in fsm.inputs.items()
                if n != reg]
        g = z3.simplify(z3.substitute(tr.guard, *subs)) if subs else tr.guard
        if z3.is_false(g):
            continue
        v = z3.simplify(z3.substitute(e, *subs, (z3.BitVec(reg, fsm.inputs.get(reg, e.size())),
                                                 z3.BitVecVal(0, fsm.inputs.get(reg, e.size())))))
        return v.as_long() if z3.is_bv_value(v) else None
    return None


@pytest.mark.parametrize("case,fname,top", CASES)
def test_param_replication_is_modelled_and_planned(case, fname, top):
    d = _design(case, fname, top)
    plans, skipped = plan(d, timeout_s=120)
    assert not any("replication" in s for s in skipped), skipped
    binary = [p for p in plans if p.encoding == "binary"]
    assert binary, (skipped, [p.description for p in plans])


def test_replication_values_exact():
    ex = extract(_design("onehot_repl_count_v", "original.v", "cmdport"), below_top=True, pragmas=False)
    fsm = next(f for f in ex.fsms if f.state_reg == "st")
    # LOAD (bit 1): {{6{1'b0}}, 2'b01}; FIN (bit 4): {4{2'b10}} at W = 8
    assert _next_value(fsm, 1 << 1, "sh") == 0x01
    assert _next_value(fsm, 1 << 4, "sh") == 0xAA
    ex = extract(_design("onehot_repl_clog2_sv", "original.sv", "framer"), below_top=True, pragmas=False)
    fsm = next(f for f in ex.fsms if f.state_reg == "ph")
    # HDR (bit 1): $clog2(16) + 1 = 5 ones under W = 16
    assert _next_value(fsm, 1 << 1, "word") == 0x001F
    # TAIL (bit 3): {(16/4){din}} over the low 12 bits: the input decides the top nibble (near miss:
    # a replication of a signal is not a constant)
    assert _next_value(fsm, 1 << 3, "word", din=0) == 0x0000
    assert _next_value(fsm, 1 << 3, "word", din=1) == 0xF000


@pytest.mark.yosys
def test_binary_plan_proven():
    from rtlopt.verify import VerifyOptions, check_equivalence

    d = _design("onehot_repl_count_v", "original.v", "cmdport")
    plans, _ = plan(d, timeout_s=120)
    p = next(p for p in plans if p.encoding == "binary")
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "gate.v"
        f.write_text(p.text)
        res = check_equivalence(d, open_design([f], top="cmdport"),
                                VerifyOptions(timeout_s=300, state_map=p.state_map, counterexample=False))
    assert res.verdict.name == "EQUIVALENT", res
    assert "reg [2:0]" in p.text or "[2:0]" in p.text, p.text[:2000]
