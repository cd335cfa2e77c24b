"""linshare (rtlopt.semantic.linshare) restyled: the same Walsh-Hadamard rows written in procedural blocks
(always @* temporaries, always_comb into an unpacked array, straight into the registers under an enable,
SV names with a concatenated register write) are fitted through probe nets
(rtlopt.semantic._procsites) and share the same pair terms as the continuous-assignment original;
near misses (a blocking temporary reused, weights that are not powers of two) give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.linshare import rewrites

ALWAYS_STAR = """module wht4 (input clk, input en, input [7:0] x0, x1, x2, x3,
             output reg [9:0] q0, q1, q2, q3);
    reg [9:0] y0, y1, y2, y3;
    always @(*) begin
        y0 = x0 + x1 + x2 + x3;
        y1 = x0 - x1 + x2 - x3;
        y2 = x0 + x1 - x2 - x3;
        y3 = x0 - x1 - x2 + x3;
    end
    always @(posedge clk)
        if (en) begin
            q0 <= y0; q1 <= y1; q2 <= y2; q3 <= y3;
        end
endmodule
"""

COMB_ARRAY = """module wht4 (input logic clk, en, input logic [7:0] x0, x1, x2, x3,
             output logic [9:0] q0, q1, q2, q3);
    logic [9:0] row [4];
    always_comb begin
        row[0] = x0 + x1 + x2 + x3;
        row[1] = x2 - x3 + x0 - x1;
        row[2] = x0 - x3 + x1 - x2;
        row[3] = x3 - x2 + x0 - x1;
    end
    always_ff @(posedge clk)
        if (en) begin
            q0 <= row[0]; q1 <= row[1]; q2 <= row[2]; q3 <= row[3];
        end
endmodule
"""

REGISTERED = """module wht4 (input clk, input en, input [7:0] x0, x1, x2, x3,
             output reg [9:0] q0, q1, q2, q3);
    always @(posedge clk)
        if (en) begin
            q0 <= x0 + x1 + x2 + x3;
            q1 <= x0 - x1 + x2 - x3;
            q2 <= x0 + x1 - x2 - x3;
            q3 <= x0 - x1 - x2 + x3;
        end
endmodule
"""

GROUPED_SV = """module wht4 (input logic clk, en, input logic [7:0] a, b, c, d,
             output logic [9:0] q0, q1, q2, q3);
    logic [9:0] s_all, s_alt, s_half, s_cross;
    always_comb begin
        s_all   = d + c + b + a;
        s_alt   = (a + c) - (b + d);
        s_half  = (a + b) - (c + d);
        s_cross = (a + d) - (b + c);
    end
    always_ff @(posedge clk)
        if (en) {q0, q1, q2, q3} <= {s_all, s_alt, s_half, s_cross};
endmodule
"""

# the temporary t is blocking-assigned twice: the second form reads its second value (x2 - x3), which no
# module-level net holds; the first form alone shares nothing
REUSED_TEMP = """module nm (input [7:0] x0, x1, x2, x3, output reg [9:0] y0, y1);
    reg [9:0] t;
    always @* begin
        t = x0 - x1;
        y0 = t + x2 - x3;
        t = x2 - x3;
        y1 = t - x0 + x1;
    end
endmodule
"""

WEIGHT3 = """module nm (input clk, input en, input [7:0] x0, x1, x2, x3, output reg [9:0] q0, q1);
    reg [9:0] y0, y1;
    always @(*) begin
        y0 = 3*x0 - 3*x1 + x2;
        y1 = 3*x0 - 3*x1 - x3;
    end
    always @(posedge clk) if (en) begin q0 <= y0; q1 <= y1; end
endmodule
"""


def _run(tmp_path: Path, text: str, suffix: str):
    f = tmp_path / f"orig{suffix}"
    f.write_text(text)
    return f, rewrites({f: text}, 60.0)


@pytest.mark.yosys
@pytest.mark.parametrize("text,suffix,names", [
    (ALWAYS_STAR, ".v", "y0, y1, y2, y3"),
    (COMB_ARRAY, ".sv", "row[0], row[1], row[2], row[3]"),
    (REGISTERED, ".v", "q0, q1, q2, q3"),
    (GROUPED_SV, ".sv", "s_all, s_alt, s_cross, s_half"),
])
def test_procedural_rows_share_pair_terms(tmp_path, text, suffix, names):
    _f, got = _run(tmp_path, text, suffix)
    assert len(got) == 2 and all(g[2].startswith(names + " share 4 pair term(s)") for g in got), \
        [g[2] for g in got]
    new = got[1][1]
    assert "rtlopt_prb" not in new  # the probes are never emitted
    # each pair term spelled identically in the two rows that read it (one adder after synthesis)
    assert sum(new.count(p) for p in ("(x0 + x1)", "(a + b)", "(x1 + x0)")) >= 2 or new.count("(x2 + x3)") == 2, new


@pytest.mark.yosys
def test_registered_rows_rewrite_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, got = _run(tmp_path, REGISTERED, ".v")
    for _p, new, _d in got:
        g = tmp_path / "gate.v"
        g.write_text(new)
        assert "q1 <=" in new and "if (en)" in new
        assert check_equivalence(DesignRef([f], "wht4"), DesignRef([g], "wht4"),
                                 VerifyOptions(engines=("smt", "abc"), timeout_s=300)).verdict == "EQUIVALENT"
    bad = got[1][1].replace("q3 <= (x0 - x1) - (x2 - x3)", "q3 <= (x0 - x1) + (x2 - x3)")
    assert bad != got[1][1]
    g = tmp_path / "bad.v"
    g.write_text(bad)
    assert check_equivalence(DesignRef([f], "wht4"), DesignRef([g], "wht4"),
                             VerifyOptions(engines=("smt", "abc"), timeout_s=300)).verdict == "NOT EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("text", [REUSED_TEMP, WEIGHT3])
def test_procedural_near_misses_give_nothing(tmp_path, text):
    _f, got = _run(tmp_path, text, ".v")
    assert got == [], [g[2] for g in got]
