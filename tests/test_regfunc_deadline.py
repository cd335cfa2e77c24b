"""The regfunc generator under its round's deadline, and its second look with unread flops kept
(rtlopt.semantic.regfunc)."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.engine.timelimit import Deadline, time_limit

TEXT = """
module m(input clk, input rst, input go, output reg [3:0] a, output reg [3:0] b);
  always @(posedge clk)
    if (rst) begin a <= 0; b <= 0; end
    else if (go) begin a <= a + 1; b <= b + 1; end
endmodule
"""


def _state(tmp_path: Path, deadline: float | None):
    p = tmp_path / "m.v"
    p.write_text(TEXT)
    return p, SimpleNamespace(texts={p: TEXT}, design=SimpleNamespace(top="m"), deadline=deadline)


def _stub_steps(monkeypatch, p: Path, slow: str):
    """candidates_for finds one rewrite at once; every follow-up step finds nothing, and the one
    named ``slow`` blocks (as a long analysis would)."""
    from rtlopt.semantic import memconst, nextfunc, regfunc, regfunc_seq, regfunc_vec, reglockstep, regzero

    monkeypatch.setattr(regfunc, "candidates_for",
                        lambda texts, top, timeout_s=30.0: [({p: TEXT.replace("b <= b + 1;", "")}, "'b' == a")])
    called = []

    def step(name):
        def run(*_a, **_k):
            called.append(name)
            if name == slow:
                end = time.monotonic() + 120
                while time.monotonic() < end:  # interrupted by the step's limit
                    time.sleep(0.05)
            return []
        return run

    for mod, fn in [(regfunc_vec, "candidates_for"), (regfunc_seq, "with_seqred"), (regfunc_seq, "with_regpred"),
                    (regfunc_seq, "with_narrowing"), (nextfunc, "candidates_for"), (memconst, "candidates_for"),
                    (reglockstep, "candidates_for"), (regzero, "candidates_for")]:
        monkeypatch.setattr(mod, fn, step(f"{mod.__name__.rpartition('.')[2]}.{fn}"))
    return called


def test_follow_up_step_past_the_deadline_keeps_the_first_candidates(tmp_path, monkeypatch):
    from rtlopt.semantic import regfunc

    p, st = _state(tmp_path, time.monotonic() + 1.0)
    called = _stub_steps(monkeypatch, p, slow="regfunc_seq.with_regpred")
    got = regfunc.regfunc_candidates(st)
    # the register function found first is returned, not lost with the interrupted step
    assert [c.description for c in got] == ["register function: 'b' == a"]
    # the steps after the deadline did not run
    assert called == ["regfunc_vec.candidates_for", "regfunc_seq.with_seqred", "regfunc_seq.with_regpred"]


def test_steps_run_in_full_without_a_deadline(tmp_path, monkeypatch):
    from rtlopt.semantic import regfunc

    p, st = _state(tmp_path, None)
    called = _stub_steps(monkeypatch, p, slow="")
    got = regfunc.regfunc_candidates(st)
    assert len(got) == 1 and len(called) == 8


def test_the_callers_own_limit_still_interrupts(tmp_path, monkeypatch):
    # the engine's limit (the round's window plus its grace) is not swallowed by the step limit
    from rtlopt.semantic import regfunc

    p, st = _state(tmp_path, time.monotonic() + 600.0)
    _stub_steps(monkeypatch, p, slow="regfunc_vec.candidates_for")
    with pytest.raises(Deadline) as ei, time_limit(1.0):
        regfunc.regfunc_candidates(st)
    assert type(ei.value) is Deadline


ARRAY = """
module fold(input clk, input rst, input go, input [7:0] d, output reg [7:0] q);
  reg [7:0] mem [0:7];
  integer i;
  always @(posedge clk)
    if (rst) q <= 0;
    else if (go) begin
      for (i = 0; i < 8; i = i + 1) mem[i] <= d;
      q <= mem[7];
    end
endmodule
"""


@pytest.mark.yosys
def test_array_with_a_read_element_is_not_unread(tmp_path):
    # only mem[7] is read (its flops stay in the netlist): the array is read, no second look with
    # every element kept
    from rtlopt.semantic import regfunc, seqsim

    p = tmp_path / "fold.v"
    p.write_text(ARRAY)
    net = seqsim.load_texts({p: ARRAY}, "fold")
    assert any(n.rpartition(".")[2].startswith("mem[") for n in net.name_bits)
    assert not regfunc._has_unread_regs({p: ARRAY}, net)


@pytest.mark.yosys
def test_unread_register_and_unread_array_are_looked_at_again(tmp_path):
    from rtlopt.semantic import regfunc, seqsim

    p = tmp_path / "fold.v"
    for text in (ARRAY.replace("q <= mem[7];", "q <= d;"),  # no element read: the array is unread
                 ARRAY.replace("  integer i;", "  reg [2:0] cnt;\n  integer i;")
                      .replace("q <= mem[7];", "q <= mem[7]; cnt <= cnt + 1;")):  # cnt only written
        p.write_text(text)
        net = seqsim.load_texts({p: text}, "fold")
        assert regfunc._has_unread_regs({p: text}, net), text
