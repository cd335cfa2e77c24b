"""A mux arm that does not depend on some inputs whenever it is selected (an incremental checksum update
for a decrement: ``~m + m'`` is constant) gets those inputs pinned to a simple witness in a copy of its
logic; proven with the real checker. An arm that really reads every input (an unrelated new word) is not
rewritten."""

from __future__ import annotations

import pytest

SRC = """module m (input [7:0] hop, input [7:0] fl, input [15:0] hc, output [15:0] hc_out);
  wire live = hop != 8'd0;
  wire [7:0] hop_n;
  assign hop_n = hop - 8'd1;
  wire [15:0] w0 = {fl, hop};
  wire [15:0] w1 = {fl, hop_n};
  wire [16:0] a = {1'b0, ~hc} + {1'b0, ~w0};
  wire [15:0] af = a[15:0] + {15'd0, a[16]};
  wire [16:0] b = {1'b0, af} + {1'b0, w1};
  wire [15:0] bf = b[15:0] + {15'd0, b[16]};
  assign hc_out = live ? ~bf : hc;
endmodule
"""

# the new word is an input of its own (and the flags move): the update depends on every input
# (a word in the same place in m and m' would cancel: ~x + x is -0 in ones' complement)
NEG = SRC.replace("input [15:0] hc,", "input [15:0] hc, input [7:0] hop_new,").replace(
    "assign hop_n = hop - 8'd1;", "assign hop_n = hop_new;").replace("{fl, hop_n}", "{hop_n, fl}")


@pytest.mark.yosys
def test_arm_independent_of_inputs_is_pinned_and_proven(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.semantic.condwit import rewrites
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    got = rewrites(SRC)
    assert len(got) == 1, got
    new, desc = got[0]
    assert "fl, hop" in desc or "hop" in desc, desc
    assert "assign hc_out = live ? ~bf_rtlopt_w : hc;" in new
    assert "wire [7:0] hop_rtlopt_k = 8'd1;" in new  # the simplest witness that selects the arm
    f, g = tmp_path / "a.v", tmp_path / "b.v"
    f.write_text(SRC)
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
def test_arm_reading_every_input_not_rewritten():
    from rtlopt.semantic.condwit import rewrites
    assert rewrites(NEG) == []
