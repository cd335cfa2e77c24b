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
def test_fsm_opcode_guard_proven_state_guard_rejected(tmp_path):
    p = SEQ / "dropguard_cmd_fsm_sv" / "original.sv"
    src = p.read_text()
    got = _offers(src, p.name)
    opc = [n for n, _d in got if "if (cmd != '0) opc" not in n and "opc <= cmd;" in n]
    state = [n for n, _d in got if "if (cmd != '0) state" not in n]
    assert len(opc) == 1 and len(state) == 1
    assert _equivalent(tmp_path, src, opc[0], "cmd_capture", ".sv")
    # the state's guard matters (a zero command must not start the machine): the proof says so
    assert not _equivalent(tmp_path, src, state[0], "cmd_capture", ".sv")
    # a guarded body of two statements keeps its begin/end (a case item takes one statement)
    done = [n for n, d in got if "(done)" in d]
    assert done and "BUSY: begin" in done[0]


def _m(body: str, head: str = "always @(posedge clk)") -> str:
    return textwrap.dedent(f"""
    module m(input clk, input rst, input en, input g, input [3:0] d, output reg [3:0] q);
      {head}
      {body}
    endmodule
    """).lstrip()


def test_not_nested_hold_guards_not_offered():
    # the outermost statement of a clocked block (an enable) is left alone
    assert _offers(_m("if (en) q <= d;")) == []
    # an if with an else is not a hold guard
    assert _offers(_m("if (rst) q <= 0; else begin if (g) q <= d; else q <= 4'd1; end")) == []
    # else-if chain members are not guards
    assert _offers(_m("if (rst) q <= 0; else if (g) q <= d;")) == []
    # blocking assignments in the body
    assert _offers(_m("if (rst) q <= 0; else begin if (g) q = d; end")) == []
    # combinational blocks
    src = "module c(input g, input [3:0] d, output reg [3:0] q);\n  always @* begin q = 0; if (g) q = d; end\nendmodule\n"
    assert _offers(src) == []


def test_nested_guard_offered_and_pinned_original_arm_left_alone():
    assert len(_offers(_m("if (rst) q <= 0; else begin if (g) q <= d; end"))) == 1
    src = textwrap.dedent("""
    module p #(parameter N = 4) (input clk, input rst, input g, input [3:0] d, output reg [3:0] q);
      if (N == 4) begin : rtlopt_params_p
        always @(posedge clk) if (rst) q <= 0; else begin if (g) q <= d; end
      end else begin : rtlopt_original_p
        always @(posedge clk) if (rst) q <= 0; else begin if (g) q <= d; end
      end
    endmodule
    """).lstrip()
    got = _offers(src)
    assert len(got) == 1
    assert got[0][0].split("rtlopt_original_p")[1].count("if (g)") == 1
