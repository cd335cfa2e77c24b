"""Products in different branches of the hierarchy, used under exclusive conditions, share one
multiplier at their lowest common ancestor (rtlopt.semantic.hiershare).

Fires: an audio codec whose playback product sits in a leaf two levels down and whose record product
is written in a clocked block under a wrapper (Verilog, decodes of a mode register); a sensor front end
with signed products in sibling subtrees (SV, a net initializer and an always_comb multiplier module
two levels under, enum FSM states); a signed and an unsigned product of different widths. Restyled
(products in always @* / a named wire) still fires. Near misses: enables decoded from two bits of one
register (both on when it is 3) are not offered (simulation) and the forced candidate is refuted; products
observed unconditionally give nothing. Real Yosys, z3/ABC through the verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import hiershare

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "sharing"


def _design(tmp_path: Path, name: str, edits=()) -> tuple[Path, str]:
    src = next((GEN / name).glob("original.*"))
    text = src.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / ("d" + src.suffix)
    f.write_text(text)
    return f, text


def _verdict(tmp_path: Path, old: Path, new_text: str, top: str, engines=None, timeout_s: float = 240) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate" + old.suffix)
    g.write_text(new_text)
    res = check_equivalence(DesignRef([old], top), DesignRef([g], top),
                            VerifyOptions(timeout_s=timeout_s, engines=engines))
    return res.verdict.name


def _mul_count(text: str) -> int:
    import re

    return len(re.findall(r"(?<![*(])\*(?![*)])", text))


@pytest.mark.yosys
def test_leaf_and_clocked_products_share_one_multiplier(tmp_path):
    f, text = _design(tmp_path, "hiershare_leafmul_v")
    got = hiershare.hiershare_edits({f: text}, "codec_top")
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert "u_play.u_stage.u_vol" in desc and "u_rec.u_stage" in desc, desc
    # one product in the top, operands selected by the playback enable; the modules on the way carry the ports
    assert "assign rtlopt_hs0_y = rtlopt_hs0_a * rtlopt_hs0_b;" in t, t
    assert "assign rtlopt_hs0_a = play_on ? rtlopt_hs0_0a : rtlopt_hs0_1a;" in t, t
    # modules without parameters instantiated once get their ports where they are (no copies)
    assert "play_path u_play (" in t and "rec_stage u_stage (" in t and "_rtlopt_i" not in t, t
    assert "acc <= acc + rtlopt_hs0_1y;" in t, t
    # the record product (7 x 5 bits, 12-bit context) widened to the shared 8 x 6 unit
    assert "output wire [7:0] rtlopt_hs0_1a" in t and "input wire [11:0] rtlopt_hs0_1y" in t, t
    assert _verdict(tmp_path, f, t, "codec_top") == "EQUIVALENT"


@pytest.mark.yosys
def test_signed_and_unsigned_products_share_exactly(tmp_path):
    text = """
module sgn_unit (input clk, input en, input signed [5:0] a, input signed [4:0] b, output reg signed [9:0] q);
    wire signed [9:0] m = a * b;
    always @(posedge clk) if (en) q <= m;
endmodule
module uns_unit (input clk, input rst, input en, input [4:0] a, input [3:0] b, output reg [11:0] q);
    always @(posedge clk) if (rst) q <= 12'd0; else if (en) q <= q + a * b;
endmodule
module mixed_top (input clk, input rst, input [1:0] nxt, input signed [5:0] sa, input signed [4:0] sb,
                  input [4:0] ua, input [3:0] ub, output signed [9:0] sq, output [11:0] uq);
    reg [1:0] st;
    always @(posedge clk) st <= rst ? 2'd0 : nxt;
    sgn_unit u_s (.clk(clk), .en(st == 2'd1), .a(sa), .b(sb), .q(sq));
    uns_unit u_u (.clk(clk), .rst(rst), .en(st == 2'd2), .a(ua), .b(ub), .q(uq));
endmodule
"""
    f = tmp_path / "mixed.v"
    f.write_text(text)
    got = hiershare.hiershare_edits({f: text}, "mixed_top")
    assert len(got) == 1, got
    t = got[0][0][f]
    # the unsigned operands get a zero bit (6 x 5 signed unit), the shared product the wider context
    assert "assign rtlopt_hs0_1a = $unsigned(a);" in t and "wire signed [5:0] rtlopt_hs0_a;" in t, t
    assert "wire signed [11:0] rtlopt_hs0_y;" in t, t
    assert _verdict(tmp_path, f, t, "mixed_top") == "EQUIVALENT"
    # the same with the unsigned operand sign-extended instead (a wrong emitter) is refuted
    bad = t.replace("assign rtlopt_hs0_1a = $unsigned(a);", "assign rtlopt_hs0_1a = $signed(a);")
    assert _verdict(tmp_path, f, bad, "mixed_top") == "NOT_EQUIVALENT"


@pytest.mark.yosys
def test_overlapping_enables_near_miss_not_offered_and_refuted(tmp_path):
    # playback on bit 0, record on bit 1 of the mode: mode 3 runs both products in one cycle
    f, text = _design(tmp_path, "hiershare_leafmul_v", [
        ("wire play_on = (mode == 2'd1);", "wire play_on = mode[0];"),
        ("wire rec_on  = (mode == 2'd2);", "wire rec_on  = mode[1];")])
    assert hiershare.hiershare_edits({f: text}, "codec_top") == []
    forced = hiershare.hiershare_edits({f: text}, "codec_top", simulate=False)
    assert len(forced) == 1
    assert _verdict(tmp_path, f, forced[0][0][f], "codec_top") == "NOT_EQUIVALENT"


@pytest.mark.yosys
def test_unconditionally_observed_products_give_nothing(tmp_path):
    text = """
module m1 (input [7:0] a, input [7:0] b, output [15:0] p);
    assign p = a * b;
endmodule
module two_top (input [7:0] a, input [7:0] b, input [7:0] c, input [7:0] d, output [15:0] p, output [15:0] q);
    m1 u_a (.a(a), .b(b), .p(p));
    m1 u_b (.a(c), .b(d), .p(q));
endmodule
"""
    f = tmp_path / "two.v"
    f.write_text(text)
    assert hiershare.hiershare_edits({f: text}, "two_top", simulate=False) == []


def test_restyled_products_still_fire(tmp_path):
    # the leaf product in an always @* block, the record product through a named wire
    f, text = _design(tmp_path, "hiershare_leafmul_v", [
        ("    output [13:0] p\n);\n    assign p = s * v;",
         "    output reg [13:0] p\n);\n    always @* p = s * v;"),
        ("    always @(posedge clk) begin\n        if (rst)\n            acc <= 12'd0;",
         "    wire [11:0] m = mic * gain;\n    always @(posedge clk) begin\n        if (rst)\n            acc <= 12'd0;"),
        ("acc <= acc + mic * gain;", "acc <= acc + m;")])
    got = hiershare.hiershare_edits({f: text}, "codec_top", simulate=False)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "always @* p = rtlopt_hs0_0y;" in t and "wire [11:0] m = rtlopt_hs0_1y;" in t, t
    assert "play_on ? rtlopt_hs0_0a" in t, t


@pytest.mark.yosys
def test_sv_sibling_subtrees_under_fsm_states_prove(tmp_path):
    f, text = _design(tmp_path, "hiershare_fsm_subtrees_sv")
    got = hiershare.hiershare_edits({f: text}, "sense_top")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "assign rtlopt_hs0_a = (st == CAL) ? rtlopt_hs0_0a : rtlopt_hs0_1a;" in t, t
    # the parameterized multiplier module is copied for its one instance, the others edited in place
    assert "smul_rtlopt_iu_filt_u_core_u_mul #(.AW(8), .BW(6)) u_mul" in t and "mac_core u_core (" in t, t
    assert _verdict(tmp_path, f, t, "sense_top", engines=hiershare.PROOF_ENGINES) == "EQUIVALENT"


@pytest.mark.yosys
def test_register_split_first_when_multipliers_differ(tmp_path):
    # the verifier's register correspondence splits per value of the mode register first when the
    # multiplier counts differ (rtlopt.verify._yosys_engines._early_register_split): the selects fold
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    f, text = _design(tmp_path, "hiershare_leafmul_v")
    g = tmp_path / "gate.v"
    g.write_text(hiershare.hiershare_edits({f: text}, "codec_top", simulate=False)[0][0][f])
    res = check_equivalence(DesignRef([f], "codec_top"), DesignRef([g], "codec_top"),
                            VerifyOptions(timeout_s=120, engines=("equiv",)))
    assert res.verdict.name == "EQUIVALENT", res.reason
    assert "state register selecting shared operands" in res.reason, res.reason
    # near miss: both products on in mode 3 -- no split proves it
    f2, text2 = _design(tmp_path, "hiershare_leafmul_v", [
        ("wire play_on = (mode == 2'd1);", "wire play_on = mode[0];"),
        ("wire rec_on  = (mode == 2'd2);", "wire rec_on  = mode[1];")])
    g.write_text(hiershare.hiershare_edits({f2: text2}, "codec_top", simulate=False)[0][0][f2])
    res = check_equivalence(DesignRef([f2], "codec_top"), DesignRef([g], "codec_top"),
                            VerifyOptions(timeout_s=60, engines=("equiv",)))
    assert res.verdict.name != "EQUIVALENT", res.reason


FN_SV = """
module play_u (input logic clk, input logic rst_n, input logic en, input logic [7:0] d, input logic [5:0] g,
               output logic [7:0] q);
    function automatic logic [13:0] scale(input logic [7:0] v, input logic [5:0] k);
        scale = v * k;
    endfunction
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)  q <= '0;
        else if (en) q <= 8'(scale(d, g) >> 6);
endmodule
module rec_u (input logic clk, input logic rst_n, input logic en, input logic [6:0] d, input logic [4:0] g,
              output logic [11:0] q);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)  q <= '0;
        else if (en) q <= q + d * g;
endmodule
module fn_top (input logic clk, input logic rst_n, input logic [1:0] m, input logic [7:0] a, input logic [5:0] b,
               input logic [6:0] c, input logic [4:0] e, output logic [7:0] qa, output logic [11:0] qb);
    logic [1:0] mode;
    always_ff @(posedge clk or negedge rst_n) if (!rst_n) mode <= '0; else mode <= m;
    play_u u_p (.clk, .rst_n, .en(mode == 2'd1), .d(a), .g(b), .q(qa));
    rec_u  u_r (.clk, .rst_n, .en(mode == 2'd2), .d(c), .g(e), .q(qb));
endmodule
"""


@pytest.mark.yosys
def test_product_in_a_function_called_once_shares(tmp_path):
    f = tmp_path / "fn.sv"
    f.write_text(FN_SV)
    got = hiershare.hiershare_edits({f: FN_SV}, "fn_top")
    assert len(got) == 1, got
    t = got[0][0][f]
    # the function body reads the shared product; its arguments copied at module level from the one call
    assert "scale = rtlopt_hs0_0y;" in t and "wire [7:0] rtlopt_hs0_0f0 = d;" in t, t
    assert "assign rtlopt_hs0_a = (mode == 2'd1) ? rtlopt_hs0_0a : rtlopt_hs0_1a;" in t, t
    assert _verdict(tmp_path, f, t, "fn_top", engines=hiershare.PROOF_ENGINES) == "EQUIVALENT"


def test_function_called_twice_is_not_a_site(tmp_path):
    # near miss: a second call of the function (two products from one body) -- no module-level copy of
    # its arguments stands for both
    text = FN_SV.replace("else if (en) q <= 8'(scale(d, g) >> 6);",
                         "else if (en) q <= 8'(scale(d, g) >> 6) ^ 8'(scale(g, d) >> 7);")
    f = tmp_path / "fn2.sv"
    f.write_text(text)
    got = hiershare.hiershare_edits({f: text}, "fn_top", simulate=False)
    assert all("play_u" not in d and "u_p:" not in d for _n, d in got), got


@pytest.mark.yosys
def test_non_ansi_modules_on_the_way_get_ports(tmp_path):
    # restyle: the leaf and the play stage with Verilog-1995 port lists (declarations in the body)
    f, text = _design(tmp_path, "hiershare_leafmul_v", [
        ("module vol_leaf (\n    input  [7:0]  s,\n    input  [5:0]  v,\n    output [13:0] p\n);",
         "module vol_leaf (s, v, p);\n    input  [7:0]  s;\n    input  [5:0]  v;\n    output [13:0] p;"),
        ("module play_stage (\n    input             clk,\n    input             rst,\n    input             go,\n"
         "    input      [7:0]  smp,\n    input      [5:0]  vol,\n    output reg [7:0]  out\n);",
         "module play_stage (clk, rst, go, smp, vol, out);\n    input clk, rst, go;\n    input [7:0] smp;\n"
         "    input [5:0] vol;\n    output reg [7:0] out;")])
    got = hiershare.hiershare_edits({f: text}, "codec_top")
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "module vol_leaf (s, v, p, rtlopt_hs0_0a, rtlopt_hs0_0b, rtlopt_hs0_0y);" in t, t
    assert "    input wire [13:0] rtlopt_hs0_0y;\n" in t, t
    assert _verdict(tmp_path, f, t, "codec_top") == "EQUIVALENT"


def test_other_files_of_the_design_stay_and_a_split_chain_is_left(tmp_path):
    import re

    src = (GEN / "hiershare_leafmul_v" / "original.v").read_text()
    a, b = tmp_path / "a.v", tmp_path / "b.v"
    other = "module unrelated (input x, output y);\n    assign y = ~x;\nendmodule\n"
    texts = {a: src, b: other}
    got = hiershare.hiershare_edits(texts, "codec_top", simulate=False)
    assert len(got) == 1 and got[0][0][b] == other and got[0][0][a] != src, got
    # the leaf module in a file of its own: the sharing would edit two files -- not offered
    leaf = re.search(r"module vol_leaf.*?endmodule\n", src, re.S).group(0)
    assert hiershare.hiershare_edits({a: src.replace(leaf, ""), b: leaf}, "codec_top", simulate=False) == []
