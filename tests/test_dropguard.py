"""A nested load guard that never matters (heldout10 sem/hw_semaphore): ``if (g) R <= E;`` without else
inside a clocked branch becomes ``R <= E;`` when the register would only reload the value it holds
(rtlopt.semantic.dropguard). The fact is sequential and left to the proof: near-misses where the guard
matters are offered and rejected by the real proof; shapes that are not a nested hold guard are not
offered at all."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rtlopt.semantic.dropguard import dropguard_edits

ROOT = Path(__file__).resolve().parents[1]
SEQ = ROOT / "designs" / "generalization" / "seqredundancy"


def _offers(text: str, name: str = "t.v") -> list[tuple[str, str]]:
    p = Path(name)
    return [(nt[p], d) for nt, d in dropguard_edits({p: text})]


def _equivalent(tmp_path: Path, src: str, text: str, top: str, suffix: str = ".v") -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence
    f = tmp_path / f"orig{suffix}"
    f.write_text(src)
    g = tmp_path / f"cand{suffix}"
    g.write_text(text)
    res = check_equivalence(open_design([f], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return str(res.verdict).split(".")[-1].upper() == "EQUIVALENT"


@pytest.mark.yosys
def test_claim_latch_guard_dropped_and_proven(tmp_path):
    p = SEQ / "dropguard_claim_v" / "original.v"
    src = p.read_text()
    got = _offers(src, p.name)
    assert len(got) == 1 and "|req" in got[0][1]
    new = got[0][0]
    assert "if (|req)\n" not in new and "tag <= req;" in new
    assert _equivalent(tmp_path, src, new, "claim_latch")


@pytest.mark.yosys
def test_fsm_opcode_guard_proven_state_guard_not_offered(tmp_path):
    p = SEQ / "dropguard_cmd_fsm_sv" / "original.sv"
    src = p.read_text()
    got = _offers(src, p.name)
    # the state's guard (BUSY is not computed from cmd) and if (done) (not a zero test) are not offered
    assert len(got) == 1
    new = got[0][0]
    assert "if (cmd != '0) opc" not in new and "opc <= cmd;" in new and "if (cmd != '0) state" in new
    assert _equivalent(tmp_path, src, new, "cmd_capture", ".sv")


@pytest.mark.yosys
def test_guard_that_matters_offered_and_rejected_by_the_proof(tmp_path):
    # 'busy' is an input, not the latch's own OR: the free branch does not imply a zero latch
    src = (SEQ / "dropguard_claim_v" / "original.v").read_text().replace(
        "  input            done,\n", "  input            done,\n  input            busy,\n").replace(
        "else if (!held) begin", "else if (!busy) begin")
    got = _offers(src)
    assert len(got) == 1
    assert not _equivalent(tmp_path, src, got[0][0], "claim_latch")


def test_guard_not_a_zero_test_or_value_not_from_it_not_offered():
    body = "if (rst) q <= 0; else begin if ({g}) q <= {e}; end"
    assert _offers(_m(body.format(g="d == 4'd1", e="d"))) == []  # not a zero test
    assert _offers(_m(body.format(g="g", e="d"))) == []  # a 1-bit flag: not a zero test of the value
    assert _offers(_m(body.format(g="|d", e="4'd3"))) == []  # the value is not computed from d
    assert len(_offers(_m(body.format(g="d != 4'b0", e="d + 4'd0")))) == 1


def _m(body: str, head: str = "always @(posedge clk)") -> str:
    return textwrap.dedent(f"""
    module m(input clk, input rst, input en, input g, input [3:0] d, output reg [3:0] q);
      {head}
      {body}
    endmodule
    """).lstrip()


def test_not_nested_hold_guards_not_offered():
    # the outermost statement of a clocked block (an enable) is left alone
    assert _offers(_m("if (|d) q <= d;")) == []
    # an if with an else is not a hold guard
    assert _offers(_m("if (rst) q <= 0; else begin if (|d) q <= d; else q <= 4'd1; end")) == []
    # else-if chain members are not guards
    assert _offers(_m("if (rst) q <= 0; else if (|d) q <= d;")) == []
    # blocking assignments in the body
    assert _offers(_m("if (rst) q <= 0; else begin if (|d) q = d; end")) == []
    # combinational blocks
    src = "module c(input g, input [3:0] d, output reg [3:0] q);\n  always @* begin q = 0; if (g) q = d; end\nendmodule\n"
    assert _offers(src) == []


def test_nested_guard_offered_and_pinned_original_arm_left_alone():
    assert len(_offers(_m("if (rst) q <= 0; else begin if (|d) q <= d; end"))) == 1
    src = textwrap.dedent("""
    module p #(parameter N = 4) (input clk, input rst, input g, input [3:0] d, output reg [3:0] q);
      if (N == 4) begin : rtlopt_params_p
        always @(posedge clk) if (rst) q <= 0; else begin if (|d) q <= d; end
      end else begin : rtlopt_original_p
        always @(posedge clk) if (rst) q <= 0; else begin if (|d) q <= d; end
      end
    endmodule
    """).lstrip()
    got = _offers(src)
    assert len(got) == 1
    assert got[0][0].split("rtlopt_original_p")[1].count("if (|d)") == 1


@pytest.mark.yosys
def test_search_generator_drops_a_guard_that_matters_by_simulation_first(tmp_path):
    # the near miss above: offered by the analysis, but the search generator simulates each candidate
    # from reset against the original first and does not hand a guard that matters to the prover
    import time

    from rtlopt.design import open_design
    from rtlopt.engine.search import State
    from rtlopt.semantic.dropguard import dropguard_candidates
    src = (SEQ / "dropguard_claim_v" / "original.v").read_text()
    bad = src.replace("  input            done,\n", "  input            done,\n  input            busy,\n").replace(
        "else if (!held) begin", "else if (!busy) begin")
    for text, want in ((src, 1), (bad, 0)):
        f = tmp_path / f"c{want}.v"
        f.write_text(text)
        d = open_design([f], "claim_latch")
        st = State(d, {d.files[0]: text}, "area", None, 0, None, time.monotonic() + 120)
        assert len(dropguard_candidates(st)) == want
