"""FSM emitter: a common priority condition (a 1-bit input that, in every state, leads to one next state
with the same outputs: an abort, a flush, an emergency stop) written once as an outer ``if`` over the
``case`` (or as an override after it when a Moore output stays in the arms), offered beside the flat
regeneration; PPA decides.

Own designs: designs/generalization/fsm/abort_in_arms_sv (SV enum, one process, abort first in every arm)
and flush_in_arms_2p_v (Verilog localparams, two processes, flush in every state of the next-state
block). Near misses: abort leading elsewhere in one state; an output set differently under abort in one
state while it reads abort elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.fsm import extract, plan
from rtlopt.fsm._candidates import design_with_text
from rtlopt.fsm._shadow import moorize
from rtlopt.fsm.encode import common_priority, regenerate

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "fsm"
CUT = ROOT / "abort_in_arms_sv" / "original.sv"
FRAMER = ROOT / "flush_in_arms_2p_v" / "original.v"


def _fsm(path: Path, top: str):
    return extract(open_design([path], top=top)).fsms[0]


def _prove(path: Path, top: str, text: str, state_map: dict):
    from rtlopt.verify import VerifyOptions, check_equivalence

    d = open_design([path], top=top)
    g = design_with_text(d, str(path), text)
    return check_equivalence(d, g, VerifyOptions(timeout_s=120.0, engines=("abc", "smt"), state_map=state_map or None,
                                                 counterexample=False))


@pytest.mark.yosys
def test_abort_hoisted_over_case_and_proven():
    f = _fsm(CUT, "label_cutter")
    lit, dst, outs = common_priority(f)
    assert "abort" in str(lit) and dst == "IDLE" and outs == {"feed": "1'b0", "knife": "1'b0"}
    r = regenerate(f, "binary", hoist=True)
    body = r.text[r.text.index("always @(*)"):]
    assert body.count("abort") == 1 and "if (abort) begin" in body and "end else begin" in body
    assert _prove(CUT, "label_cutter", r.text, r.state_map).verdict.name == "EQUIVALENT"


@pytest.mark.yosys
def test_flush_override_after_case_with_moore_output_proven():
    f = _fsm(FRAMER, "framer")
    assert common_priority(f) is None  # in HUNT flush holds in_frame (not a constant there)
    m = moorize(f)
    assert m is not None
    r = regenerate(m, "gray", original=f, hoist=True)
    body = r.text[r.text.index("always @(*)"):]
    assert body.count("flush") == 1
    assert _prove(FRAMER, "framer", r.text, r.state_map).verdict.name == "EQUIVALENT"
    ps, _ = plan(open_design([FRAMER], top="framer"))
    assert any("common priority condition hoisted" in p.description for p in ps)


def _cut_variant(tmp_path: Path, arm: str, old: str, new: str) -> Path:
    """The label cutter with ``old`` replaced by ``new`` in the arm of state ``arm``."""
    head = f"                {arm}: begin\n                    "
    src = CUT.read_text().replace(head + old, head + new)
    assert src != CUT.read_text()
    f = tmp_path / f"cut_{arm.lower()}.sv"
    f.write_text(src)
    return f


def test_abort_elsewhere_in_one_state_not_hoisted(tmp_path):
    f = _cut_variant(tmp_path, "CUT", "if (abort) begin st <= IDLE;", "if (abort) begin st <= EJECT;")
    m = _fsm(f, "label_cutter")
    assert common_priority(m) is None
    with pytest.raises(Exception, match="no common priority"):
        regenerate(m, "binary", hoist=True)
    ps, _ = plan(open_design([f], top="label_cutter"))
    assert not any("hoisted" in p.description for p in ps)


def test_output_differing_under_abort_in_one_state_not_hoisted(tmp_path):
    # in FEED abort keeps the feed on (and feed reads abort there): same next state, other output
    f = _cut_variant(tmp_path, "FEED", "if (abort) begin st <= IDLE; feed <= 1'b0;",
                     "if (abort) begin st <= IDLE; feed <= 1'b1;")
    assert common_priority(_fsm(f, "label_cutter")) is None


def test_restyled_abort_as_outer_if_still_found(tmp_path):
    # the same machine written with abort once before a case on the state (the extraction flattens it)
    src = """\
module label_cutter (input logic clk, input logic rst_n, input logic abort, input logic go,
                     input logic mark, input logic done, output logic feed, output logic knife);
    localparam logic [1:0] I = 2'd0, F = 2'd1, C = 2'd2, E = 2'd3;
    logic [1:0] st;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) begin st <= I; feed <= 0; knife <= 0; end
        else if (abort) begin st <= I; {feed, knife} <= 2'b00; end
        else unique case (st)
            I: if (go) begin st <= F; feed <= 1; end
            F: if (mark) begin st <= C; {feed, knife} <= 2'b01; end
            C: if (done) begin st <= E; {feed, knife} <= 2'b10; end
            E: if (!mark) begin st <= go ? F : I; feed <= go; end
        endcase
endmodule
"""
    f = tmp_path / "cut_outer.sv"
    f.write_text(src)
    got = common_priority(_fsm(f, "label_cutter"))
    assert got is not None and "abort" in str(got[0]) and got[1] == "I"
