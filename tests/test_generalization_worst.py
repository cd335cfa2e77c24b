"""The generalization suite's worst cases (issue 10), each fixed by a generic mechanism:

- a counter read only through a ``(v / place) % radix`` digit function: the outputs (each taken modulo
  its radix) do not bound the counter, so the proof of the digit-counter rewrite needs the invariant
  ``counter <= wrap value``; gold's x-propagation model bit-blasts the compare ``counter == 599`` so
  the constant is no literal of the miter: the range candidates now take the designs' own constants;
  with no register name in common the register-cut engines (exhaustive, algebra, equiv) are skipped;
- products read in different FSM states (``acc + p`` / ``acc + q``): the adder sharing is offered with
  its operand mux moved into one product of muxed operands (rtlopt.templates._prodmux), so a folded
  squarer of one product cannot win the greedy round first; the proof is the algebraic engine's, which
  no longer gets only the short slice meant for an exhaustive check that would refuse at once;
- a plain operand assigned beside shared sums (``default: t = pc;``) is ``pc + 0``, one more use of
  the shared adder, so every arm assigns the adder and the output mux disappears.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.verify._smt import design_literals

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization"


def test_design_literals_adds_only_missing_constants():
    rtlil = ("  connect \\B 10'1001010111\n  connect \\B 10'1001010111\n  connect \\A 4'1001\n"
             "  parameter \\WIDTH 32'00000000000000000000000000001010\n  connect \\Y 1'1\n")
    # 599 (twice) before 9; 10 is already a miter literal; 1-bit and 0/1 values are no bounds
    assert design_literals([rtlil], known=[10]) == [599, 9]
    assert design_literals([rtlil], known=[10, 599, 9]) == []


def _digit_candidate(tmp_path, case: str, top: str) -> tuple[Path, Path, str]:
    from rtlopt.semantic.digits import candidates_for
    src = GEN / "seqredundancy" / case / "original.v"
    text = src.read_text()
    got = candidates_for({src: text}, top)
    assert len(got) == 1, got
    new = got[0][0][src]
    assert "/" not in new.split("endfunction")[-1], new  # the ports read digit registers
    return src, tmp_path / "cand.v", new


@pytest.mark.slow
@pytest.mark.yosys
def test_function_read_digit_counter_is_proven_and_a_wrong_cascade_is_not(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence
    src, cand, new = _digit_candidate(tmp_path, "digits_case_wrap_mod", "meter_display")
    cand.write_text(new)
    # automatic engine order: no register name in common, so nothing is cut by name; the divider by a
    # constant is its own class (narrow long division in ABC's miter, bfc9ee4), so ABC runs first, and
    # the first engine decides (the exhaustive check mapped the divider to gates for 8 s and refused)
    res = check_equivalence(DesignRef((src,), "meter_display"), DesignRef((cand,), "meter_display"),
                            VerifyOptions(timeout_s=600))
    assert res.verdict == "EQUIVALENT", res.reason
    assert len(res.engines_tried) == 1 and res.engines_tried[0][0] in ("abc", "smt"), res.engines_tried
    opts = VerifyOptions(engines=("smt",), timeout_s=600)
    # negative: the ones digit carries at 8, not 9 (a difference within ten ticks)
    bad = tmp_path / "bad.v"
    assert "(ticks_dg0 == 4'd9)" in new
    bad.write_text(new.replace("(ticks_dg0 == 4'd9)", "(ticks_dg0 == 4'd8)"))
    res = check_equivalence(DesignRef((src,), "meter_display"), DesignRef((bad,), "meter_display"), opts)
    assert res.verdict == "NOT EQUIVALENT", res.reason


MUXPROD = """module m (input [1:0] s, input [9:0] a, input [9:0] b, input [7:0] c, input [7:0] d,
  input signed [7:0] e, output [18:0] y, output [18:0] z, output [15:0] v, output [15:0] u);
  wire [17:0] p = a * c;
  wire [17:0] q = b * d;
  wire [19:0] sa = a * a;
  wire [19:0] sb = b * b;
  wire [11:0] cut = a * c;
  wire signed [15:0] sg = e * e;
  wire [18:0] y = s[0] ? p : q;
  wire [18:0] z = s[1] ? sa : (s[0] ? sb : sa);
  wire [15:0] v = s[0] ? cut : q;
  wire [15:0] u = s[0] ? sg : q;
endmodule
"""


def test_product_mux_hoists_only_exact_unsigned_products():
    from rtlopt.templates._prodmux import hoist_product_muxes
    new = hoist_product_muxes(MUXPROD, "y|z|v|u")
    assert new is not None
    # two operand muxes for a general product, one for squares (kept as a nested mux)
    assert "wire [9:0] y_ma = s[0] ? a : b;" in new and "wire [7:0] y_mb = s[0] ? c : d;" in new, new
    assert "wire [18:0] y = y_ma * y_mb;" in new
    assert "wire [9:0] z_ma = s[1] ? a : (s[0] ? b : a);" in new and "z = z_ma * z_ma;" in new, new
    assert "z_mb" not in new
    # a net that truncates its product below the mux's width, or a signed product: left alone
    assert "wire [15:0] v = s[0] ? cut : q;" in new and "wire [15:0] u = s[0] ? sg : q;" in new
    assert hoist_product_muxes(MUXPROD, "v|u") is None


@pytest.mark.yosys
def test_fsm_products_share_one_multiplier_and_the_proof_is_algebraic(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.templates._sem import analyze
    from rtlopt.templates._share import ExclusiveOperatorSharing
    from rtlopt.verify import VerifyOptions, check_equivalence
    src = GEN / "datapath" / "fsm_assign_products" / "original.v"
    text = src.read_text()
    t = ExclusiveOperatorSharing()
    ms = [m for m in t.find(analyze(text, str(src))) if "products behind" in m.description]
    assert ms, "no product hoist offered"
    new = t.rewrite(text, [ms[0]])
    assert new is not None and new.count("*") == text.count("*") + 1  # t0/t1 stay (dead), one new product
    assert "_ma * rtlopt_sh0_y_mb" in new, new
    cand = tmp_path / "cand.v"
    cand.write_text(new)
    res = check_equivalence(DesignRef((src,), "dot2_seq"), DesignRef((cand,), "dot2_seq"),
                            VerifyOptions(timeout_s=120, engines=("algebra",)))
    # (the algebraic engine alone: in the automatic race another lane may prove it first under load)
    assert res.verdict == "EQUIVALENT" and res.engine == "algebra", (res.reason, res.engines_tried)
    # negative: the operand muxes swapped (phase 1 would multiply x1 by c1)
    bad = tmp_path / "bad.v"
    bad.write_text(new.replace("phase[1] ? x1 : x0", "phase[1] ? x0 : x1"))
    res = check_equivalence(DesignRef((src,), "dot2_seq"), DesignRef((bad,), "dot2_seq"),
                            VerifyOptions(timeout_s=120, engines=("smt",)))
    assert res.verdict == "NOT EQUIVALENT", res.reason


@pytest.mark.yosys
def test_plain_operand_arm_joins_the_shared_adder(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.templates._sem import analyze
    from rtlopt.templates._share import ExclusiveOperatorSharing
    from rtlopt.verify import VerifyOptions, check_equivalence
    src = GEN / "sharing" / "agu_default_base" / "original.v"
    text = src.read_text()
    t = ExclusiveOperatorSharing()
    ms = [m for m in t.find(analyze(text, str(src))) if "4 exclusive operations" in m.description]
    assert ms and ", base)" in ms[0].description, [m.description for m in t.find(analyze(text, str(src)))]
    new = t.rewrite(text, [ms[0]])
    assert new is not None and "addr = base;" not in new and new.split(");", 1)[1].count(" + ") == 1, new
    cand = tmp_path / "cand.v"
    cand.write_text(new)
    res = check_equivalence(DesignRef((src,), "agu_next"), DesignRef((cand,), "agu_next"), VerifyOptions(timeout_s=120))
    assert res.verdict == "EQUIVALENT", res.reason
    # negative: a plain value no sum of that target reads (``stride`` only as a sum's operand of
    # another target) is not an adder use
    other = text.replace("addr = idx + stride;", "addr = idx + disp;").replace("addr = base;", "addr = stride;")
    got = t.find(analyze(other, "o.v"))
    assert got and not any("4 exclusive operations" in m.description for m in got), [m.description for m in got]


def test_plain_operand_arm_of_a_conditional_chain_joins_the_shared_adder():
    from rtlopt.templates._sem import analyze
    from rtlopt.templates._share import ExclusiveOperatorSharing
    text = """module agu_t (input [1:0] mode, input [15:0] base, input [15:0] idx, input [15:0] stride,
  output [15:0] addr);
  assign addr = (mode == 2'd0) ? base + stride : (mode == 2'd1) ? base + idx : (mode == 2'd2) ? idx + stride : base;
endmodule
"""
    t = ExclusiveOperatorSharing()
    ms = [m for m in t.find(analyze(text, "t.v")) if "4 exclusive operations" in m.description]
    assert ms, [m.description for m in t.find(analyze(text, "t.v"))]
    new = t.rewrite(text, [ms[0]])
    assert new is not None and ": base;" not in new and new.count(" + ") == 1, new
