"""Staged proofs (rtlopt.engine.stages): a candidate built from several rewrites is proven link by link,
base -> S -> X -> XS, every link EQUIVALENT or the candidate is not proven.

The specialize-then-follow chain: the register-constant rewrite S (a one-hot state bit never set because
the top ties the state's enable low) and the FSM engine's timer narrowing X on the same input give XS (S
found again on X's text). Here: XS is made from the real generators on an own design (kiln, Verilog, a
one-hot vector under case (1'b1)), its three links are proven by the real verifier (the width link with
z3 alone), and the stage record says so; the restyled design (SV, always_ff + separate timer block, the
enable tied through a parent parameter) gets its chain too. Near miss: X narrowed one bit too far
(the soak timer reaches 119): the second link is refuted and the candidate ends UNKNOWN, never accepted.
The chain logic itself: an UNKNOWN or simulated link before the last ends the chain as UNKNOWN."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from test_chained_proof import _measure  # the fake measurement: the area written in the text

from rtlopt.engine.candidate import Candidate
from rtlopt.engine.stages import Unproven, follow_candidates, prove_chain, verdict_name

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "stages"


# ---- the chain logic (no tools) ----------------------------------------------------------------------

def _fake(verdicts):
    calls = []

    def link(gold, gate, hints, cap):
        calls.append((gold, gate, dict(hints), cap))
        return SimpleNamespace(verdict=verdicts[len(calls) - 1], engine="e", seconds=0.1)

    return link, calls


def _chain_cand():
    f = Path("/x/a.v")
    return f, Candidate("XS", "fsm", ("r",), "xs", {
        "file": str(f), "chain": ["S", "X"], "chain_hints": [{}, {"engines": ("smt",)}, {"parts": ("p",)}]})


def test_every_link_equivalent_proves_the_candidate():
    f, c = _chain_cand()
    link, calls = _fake(["EQUIVALENT"] * 3)
    res, record = prove_chain({f: "B"}, {f: "XS"}, c, link, cap_s=10.0)
    assert verdict_name(res.verdict) == "EQUIVALENT"
    assert [r["verdict"] for r in record] == ["EQUIVALENT"] * 3
    assert [(g[f], h[f]) for g, h, _x, _c in calls] == [("B", "S"), ("S", "X"), ("X", "XS")]
    assert calls[1][2] == {"engines": ("smt",)} and calls[2][2] == {}  # per-link hints, proof keys only


@pytest.mark.parametrize("middle", ["UNKNOWN", "SIMULATED", "NOT_EQUIVALENT"])
def test_a_middle_link_not_proven_leaves_the_candidate_unknown(middle):
    f, c = _chain_cand()
    link, calls = _fake(["EQUIVALENT", middle, "EQUIVALENT"])
    res, record = prove_chain({f: "B"}, {f: "XS"}, c, link, cap_s=10.0)
    assert isinstance(res, Unproven) and verdict_name(res.verdict) == "UNKNOWN" and res.link == 2
    assert len(calls) == 2 and [r["verdict"] for r in record] == ["EQUIVALENT", middle]


def test_the_last_link_refuted_refutes_the_candidate_and_simulation_never_passes():
    f, c = _chain_cand()
    link, _calls = _fake(["EQUIVALENT", "EQUIVALENT", "NOT_EQUIVALENT"])
    res, _r = prove_chain({f: "B"}, {f: "XS"}, c, link)
    assert verdict_name(res.verdict) == "NOT_EQUIVALENT"
    link, _calls = _fake(["EQUIVALENT", "EQUIVALENT", "SIMULATED"])
    res, _r = prove_chain({f: "B"}, {f: "XS"}, c, link)
    assert verdict_name(res.verdict) == "UNKNOWN"


def test_within_bounds_the_links_together():
    f, c = _chain_cand()
    link, calls = _fake(["EQUIVALENT"] * 3)
    prove_chain({f: "B"}, {f: "XS"}, c, link, within_s=30.0)
    assert all(cap is not None and cap <= 30.0 for _g, _h, _x, cap in calls)


def test_followers_are_measured_candidates_of_sequential_generators_only():
    f = Path("/x/a.v")
    s = Candidate("S", "template", ("sequential_redundancy",), "s", {"file": str(f), "parts": ("u.st",), "seq": "all"})
    mk = lambda t: Candidate(t, "g", ("r",), t, {"file": str(f)})  # noqa: E731
    listed = [(s, "seqredundancy", 900.0), (mk("T"), "templates", 400.0), (mk("C"), "compose", 410.0),
              (mk("U"), "fsm", None), (mk("X"), "fsm", 500.0)]
    asked = []

    def rerun(texts):
        asked.append(texts[f])
        return [Candidate(texts[f] + "S", "template", ("sequential_redundancy",), "s2",
                          {"file": str(f), "parts": ("u.st",), "seq": "all"})]

    got = follow_candidates({f: "B"}, listed, rerun)
    assert asked == ["X"] and [c.text for c in got] == ["XS"]  # not the templates, compose, unmeasured
    assert got[0].hints["chain"] == ["S", "X"]


# ---- real generators and the real verifier ------------------------------------------------------------

def _state(path: Path, text: str, top: str):
    from rtlopt.design import open_design
    from rtlopt.engine.search import State

    return State(open_design([path], top=top), {path: text}, "area", None, 0, None, time.monotonic() + 120)


def _s_and_x(path: Path, text: str, top: str):
    """The register-constant candidate S and the FSM engine's declaration-only narrowing X of the input."""
    from rtlopt.engine.search import _GENERATORS, _run_generator
    from rtlopt.fsm import candidates as fsm_candidates

    st = _state(path, text, top)
    seqs = _run_generator("seqredundancy", _GENERATORS["seqredundancy"], st, None)
    s = next(c for c in seqs if c.hints.get("seq") == "all")
    xs = fsm_candidates(st.design, goal="area", liberty=None, measure_ppa=False)
    x = next(c for c in xs if c.rules == ("register_width_reduction",))
    return st, s, Candidate(x.text, x.source, x.rules, x.description, {**x.hints, "file": str(path)})


def _rerun(st):
    from dataclasses import replace

    from rtlopt.engine.search import _GENERATORS, _run_generator

    return lambda texts: _run_generator("seqredundancy", _GENERATORS["seqredundancy"],
                                        replace(st, texts=texts), None)


def _prove_link(tmp_path: Path, top: str, suffix: str, limit_s: float = 240.0):
    from rtlopt.design import open_design
    from rtlopt.engine.search import _options
    from rtlopt.verify import VerifyOptions, check_equivalence

    n = [0]

    def link(gold, gate, hints, cap):
        n[0] += 1
        g, h = tmp_path / f"gold{n[0]}{suffix}", tmp_path / f"gate{n[0]}{suffix}"
        g.write_text(next(iter(gold.values())))
        h.write_text(next(iter(gate.values())))
        return check_equivalence(open_design([g], top=top), open_design([h], top=top),
                                 _options(VerifyOptions, limit_s if n[0] > 1 else 240.0, hints))

    return link


def _chain(case: str, top: str, tmp_path: Path, narrow_to: str | None = None):
    src = ROOT / case / ("original.sv" if case.endswith("_sv") else "original.v")
    path = tmp_path / src.name
    text = src.read_text()
    path.write_text(text)
    st, s, x = _s_and_x(path, text, top)
    if narrow_to is not None:  # the near miss: one bit too few
        wide = x.text
        x = Candidate(wide.replace("[6:0]", narrow_to, 1), x.source, x.rules, x.description + " (too narrow)",
                      dict(x.hints))
        assert x.text != wide
    got = follow_candidates({path: text}, [(s, "seqredundancy", 700.0), (x, "fsm", 520.0)], _rerun(st))
    assert len(got) == 1
    return path, text, s, x, got[0]


@pytest.mark.yosys
def test_kiln_chain_is_built_from_the_generators_and_proven_in_three_links(tmp_path):
    path, text, s, x, xs = _chain("kiln_onehot_flags_v", "kiln_ctrl", tmp_path)
    assert xs.hints["chain"] == [s.text, x.text] and xs.hints["family"] == "chain"
    assert "reg [6:0] tmr" in xs.text and "reg [6:0] tmr" in x.text and "reg [6:0] tmr" not in s.text
    assert "ph[3]" in text and "ph[3]" not in xs.text  # the vent bit's reads are the constant
    assert xs.hints["chain_hints"][1]["engines"][0] == "smt"  # a width step: z3's invariants first
    res, record = prove_chain({path: text}, {path: xs.text}, xs, _prove_link(tmp_path, "kiln_ctrl", ".v"))
    assert verdict_name(res.verdict) == "EQUIVALENT", getattr(res, "reason", res)
    assert [(r["link"], r["verdict"]) for r in record] == [(1, "EQUIVALENT"), (2, "EQUIVALENT"), (3, "EQUIVALENT")]
    assert record[1]["engine"] in ("smt", "abc")


@pytest.mark.yosys
def test_restyled_hopper_gets_its_chain(tmp_path):
    _path, text, s, x, xs = _chain("hopper_onehot_ff_sv", "hopper_top", tmp_path)
    assert xs.hints["chain"] == [s.text, x.text] and xs.text not in (text, s.text, x.text)


@pytest.mark.yosys
def test_near_miss_too_narrow_timer_is_never_accepted(tmp_path):
    path, text, _s, x, xs = _chain("kiln_onehot_flags_v", "kiln_ctrl", tmp_path, narrow_to="[5:0]")
    assert "reg [5:0] tmr" in xs.text
    # (the 6-bit timer never reaches 119: a difference after ~190 cycles, past BMC's depth; UNKNOWN in 15 s)
    res, record = prove_chain({path: text}, {path: xs.text}, xs, _prove_link(tmp_path, "kiln_ctrl", ".v", 15.0))
    assert verdict_name(res.verdict) != "EQUIVALENT"
    assert record[0]["verdict"] == "EQUIVALENT" and record[1]["verdict"] != "EQUIVALENT"
    assert len(record) == 2  # the last link is not tried after a link that is not proven


# ---- the whole search with fake generators, measurements and prover ----------------------------------

_SRC = """module top(input clk, input [7:0] a, output reg [7:0] y);
  always @(posedge clk) y <= a + 8'd1; // AREA=1000 ORIGINAL
endmodule
"""


def _tagged(area: int, tag: str) -> str:
    return _SRC.replace("AREA=1000 ORIGINAL", f"AREA={area} {tag}")


def _search(tmp_path: Path, monkeypatch, s_to_x: str, x_direct: str = "UNKNOWN"):
    import re

    import rtlopt.engine.modproof as modproof
    import rtlopt.verify as verify
    from rtlopt.design import open_design
    from rtlopt.engine import search

    src = tmp_path / "top.v"
    src.write_text(_SRC)
    tag = lambda text: re.search(r"AREA=\d+ (\w+)", text).group(1)  # noqa: E731

    def fsm(state):  # the narrowing X, on the input only
        if tag(state.texts[src]) != "ORIGINAL":
            return []
        return [Candidate(_tagged(520, "X"), "fsm", ("register_width_reduction",), "narrow", {"file": str(src)})]

    def seqred(state):  # the constant register S, found on the input and again on X's text
        t = tag(state.texts[src])
        got = {"ORIGINAL": (900, "SEQ"), "X": (450, "XS")}.get(t)
        if got is None:
            return []
        return [Candidate(_tagged(*got), "template", ("sequential_redundancy",), f"const on {t}",
                          {"file": str(src), "parts": ("u.st",), "seq": "all"})]

    proofs = []
    provable = {("ORIGINAL", "SEQ"): "EQUIVALENT", ("SEQ", "X"): s_to_x, ("X", "XS"): "EQUIVALENT",
                ("ORIGINAL", "X"): x_direct}

    def check(gold, gate, opts):
        pair = (tag(Path(gold.files[0]).read_text()), tag(Path(gate.files[0]).read_text()))
        proofs.append((*pair, opts.engines))
        v = provable.get(pair, "UNKNOWN")
        return SimpleNamespace(verdict=v, engine="fake", seconds=0.0, to_dict=lambda: {"verdict": v})

    monkeypatch.setattr(search, "_GENERATORS", {"fsm": fsm, "seqredundancy": seqred})
    monkeypatch.setattr(search, "_MEMO_KEYS", {})
    monkeypatch.setattr(verify, "check_equivalence", check)
    monkeypatch.setattr(modproof, "prove_by_modules", lambda *a, **k: None)
    res = search.optimize(open_design([str(src)], "top"), budget_s=300, verify_timeout_s=60,
                          measure_fn=_measure, max_steps=1)
    return res, proofs


def test_search_accepts_the_chain_proven_link_by_link(tmp_path, monkeypatch):
    res, proofs = _search(tmp_path, monkeypatch, "EQUIVALENT")
    assert ("ORIGINAL", "XS", None) not in proofs  # the best candidate: through its chain only
    # built after the narrowing's own proof ended UNKNOWN
    assert proofs.index(("ORIGINAL", "X", None)) < proofs.index(("SEQ", "X", ("smt",)))
    assert [s.metric_after for s in res.steps] == [450.0]
    step = res.steps[0]
    assert step.verdict == "EQUIVALENT" and "then const on X" in step.description
    assert [(r["link"], r["verdict"]) for r in step.stages] == [(1, "EQUIVALENT"), (2, "EQUIVALENT"),
                                                                 (3, "EQUIVALENT")]
    assert [r["rewrite"] for r in step.stages] == ["const on ORIGINAL", "narrow", "const on X"]
    assert res.final_verdict["stages"] == step.stages
    assert any("proven in 3 links" in n for n in res.final_verdict["notes"])
    assert ("SEQ", "X", ("smt",)) in proofs  # the width link with z3 alone


def test_search_never_accepts_a_chain_whose_middle_link_is_refuted(tmp_path, monkeypatch):
    res, proofs = _search(tmp_path, monkeypatch, "NOT_EQUIVALENT")
    assert ("SEQ", "X", ("smt",)) in proofs
    assert not any(p[:2] == ("X", "XS") for p in proofs)  # the last link is not tried
    assert [s.metric_after for s in res.steps] == [900.0]  # the constant register alone
    chain = [a for a in res.attempts if "then const on X" in a.candidate.description]
    assert chain and chain[0].verdict == "UNKNOWN" and not chain[0].accepted


def test_search_builds_no_chain_when_the_follower_is_proven_directly(tmp_path, monkeypatch):
    res, proofs = _search(tmp_path, monkeypatch, "EQUIVALENT", x_direct="EQUIVALENT")
    assert [s.metric_after for s in res.steps] == [520.0] and res.steps[0].stages is None
    assert not any("then const on X" in a.candidate.description for a in res.attempts)
    assert [p[:2] for p in proofs] == [("ORIGINAL", "X")]
