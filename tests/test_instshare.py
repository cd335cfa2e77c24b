"""Sibling-instance register sharing (rtlopt.semantic.instshare): registers provably equal across
instances of one module become one register; instances whose counters differ by reset value,
enable or parameter are never merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic import instshare

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"

# one module, three instances: how each instance is configured is filled in per test
MOD = """
module cnt_unit #(parameter LIM = 100, parameter RV = 0) (
  input  wire       clk,
  input  wire       rst,
  input  wire       en,
  input  wire [6:0] thr,
  output wire       hit
);
  reg [6:0] c;
  always @(posedge clk) begin
    if (rst)     c <= RV;
    else if (en) c <= (c == LIM - 1) ? 7'd0 : c + 7'd1;
  end
  assign hit = c < thr;
endmodule

module top (
  input  wire       clk,
  input  wire       rst,
  input  wire       en,
  input  wire       en2,
  input  wire [6:0] t0, t1, t2,
  output wire [2:0] hit
);
  cnt_unit #(%s) u0 (.clk(clk), .rst(rst), .en(en), .thr(t0), .hit(hit[0]));
  cnt_unit #(%s) u1 (.clk(clk), .rst(rst), .en(%s), .thr(t1), .hit(hit[1]));
  cnt_unit #(%s) u2 (.clk(clk), .rst(rst), .en(en), .thr(t2), .hit(hit[2]));
endmodule
"""


def _cands(text: str, top: str = "top", name: str = "t.v"):
    p = Path(name)
    return [(new[p], d) for new, d in instshare.share_edits({p: text}, top)]


def _prove(tmp_path: Path, gold: str, gate: str, top: str, suffix: str = ".v") -> bool:
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "gate").mkdir(exist_ok=True)
    g, h = tmp_path / "gold" / f"t{suffix}", tmp_path / "gate" / f"t{suffix}"
    g.write_text(gold)
    h.write_text(gate)
    res = check_equivalence(open_design(g, top=top), open_design(h, top=top), VerifyOptions(timeout_s=90))
    return res.equivalent is True


def test_three_equal_instances_share_one_counter(tmp_path: Path):
    text = MOD % (".LIM(100)", ".LIM(100)", "en", ".LIM(100)")
    got = _cands(text)
    assert len(got) == 1 and "3 'cnt_unit' instances" in got[0][1]
    new = got[0][0]
    assert new.count(".RTLOPT_C_EXT(1)") == 2 and "rtlopt_c_v" in new
    assert _prove(tmp_path, text, new, "top")


@pytest.mark.parametrize("cfg", [
    (".LIM(100)", ".LIM(100), .RV(5)", "en", ".LIM(100), .RV(9)"),  # reset values differ
    (".LIM(100)", ".LIM(100)", "en2", ".LIM(99)"),  # enable differs / parameter differs
    (".LIM(100)", ".LIM(90)", "en", ".LIM(80)"),  # parameter differs
])
def test_differing_counters_are_not_merged(cfg):
    assert _cands(MOD % cfg) == []


def test_only_the_equal_pair_is_merged(tmp_path: Path):
    text = MOD % (".LIM(100)", ".LIM(100), .RV(3)", "en", ".LIM(100)")
    got = _cands(text)
    assert len(got) == 1 and "2 'cnt_unit' instances" in got[0][1]
    new = got[0][0]
    assert "u1 (" in new and new.count("RTLOPT_C_EXT(1)") == 1
    assert "u2 (" in new and "RTLOPT_C_EXT(1)) u2" in new
    assert _prove(tmp_path, text, new, "top")


def test_generate_loop_instances_and_parameter_pinning_not_needed(tmp_path: Path):
    from rtlopt.engine.hierarchy import module_span
    from rtlopt.engine.parampin import pin_text

    text = (GEN / "inst_divider_generate" / "original.v").read_text()
    got = _cands(text, "sampler_bank")
    assert len(got) == 1
    new = got[0][0]
    assert ".RTLOPT_DIV_CNT_EXT((k != 0))" in new and "rtlopt_div_cnt_all[10*k +: 10]" in new
    # the module edit is the hook only: valid at every parameter value, so it is not pinned
    so, sn = module_span(text, "rx_sampler"), module_span(new, "rx_sampler")
    assert instshare.hook_only(text[so[0]:so[1]], new[sn[0]:sn[1]])
    assert pin_text(text, new, {}) == new
    assert _prove(tmp_path, text, new, "sampler_bank")


def test_hook_only_rejects_other_changes():
    text = MOD % (".LIM(100)", ".LIM(100)", "en", ".LIM(100)")
    new = _cands(text)[0][0]
    tampered = new.replace("7'd1;", "7'd2;", 1)
    assert tampered != new
    from rtlopt.engine.hierarchy import module_span
    so, sn = module_span(text, "cnt_unit"), module_span(tampered, "cnt_unit")
    assert not instshare.hook_only(text[so[0]:so[1]], tampered[sn[0]:sn[1]])


CSR = """
module csrs (
  input  wire        clk,
  input  wire        resetn,
  input  wire [1:0]  addr,
  output reg  [7:0]  rdata
);
  reg [15:0] cyc, tim;
  always @(posedge clk) begin
    if (!resetn) begin
      cyc <= 16'd0;
      tim <= 16'd0;
    end else begin
      cyc <= cyc + 16'd1;
      tim <= tim + 16'd1;
    end
  end
  always @* begin
    case (addr)
      2'd0: rdata = cyc[7:0];
      2'd1: rdata = cyc[15:8];
      2'd2: rdata = tim[7:0];
      default: rdata = tim[15:8];
    endcase
  end
endmodule
"""


def test_seqred_replaces_part_select_reads(tmp_path: Path):
    """A duplicate counter read only as 'x[7:0]' (one name syntax, the base has none of its own): the
    reads are replaced along with the removed register (they were left dangling: NOT_EQUIVALENT)."""
    from rtlopt.semantic import seqred

    p = Path("c.v")
    got = seqred.candidates_for({p: CSR}, "csrs", timeout_s=30)
    assert got
    new = got[0][0][p]
    assert "tim" not in new.replace("time", "") and new.count("cyc[15:8]") == 2
    assert _prove(tmp_path, CSR, new, "csrs")


NESTED = """
module cnt_unit #(parameter LIM = 100) (input wire clk, input wire rst, input wire [6:0] thr, output wire hit);
  reg [6:0] c;
  always @(posedge clk) begin
    if (rst) c <= 7'd0;
    else     c <= (c == LIM - 1) ? 7'd0 : c + 7'd1;
  end
  assign hit = c < thr;
endmodule
module bank (input wire clk, input wire rst, input wire [13:0] thr, output wire [1:0] hit);
  cnt_unit #(.LIM(100)) ua (.clk(clk), .rst(rst), .thr(thr[6:0]), .hit(hit[0]));
  cnt_unit #(.LIM(100)) ub (.clk(clk), .rst(rst), .thr(thr[13:7]), .hit(hit[1]));
endmodule
module top (input wire clk, input wire rst, input wire [13:0] thr, output wire [1:0] hit, output wire h2);
  bank u_bank (.clk(clk), .rst(rst), .thr(thr), .hit(hit));
  cnt_unit #(.LIM(50)) uc (.clk(clk), .rst(rst), .thr(thr[6:0]), .hit(h2));
endmodule
"""


def test_siblings_below_a_single_instance_parent(tmp_path: Path):
    """Two equal counters inside the one 'bank' instance share; the third use of the module (other
    parameter, in the top) keeps its own register at the hook's default."""
    got = _cands(NESTED)
    assert len(got) == 1 and "2 'cnt_unit' instances" in got[0][1]
    new = got[0][0]
    assert new.count(".RTLOPT_C_EXT(1)") == 1 and "uc (" in new and "#(.LIM(50)) uc" in new
    assert _prove(tmp_path, NESTED, new, "top")


def test_positional_connections_are_refused():
    text = (MOD % (".LIM(100)", ".LIM(100)", "en", ".LIM(100)")).replace(
        "u1 (.clk(clk), .rst(rst), .en(en), .thr(t1), .hit(hit[1]))", "u1 (clk, rst, en, t1, hit[1])")
    assert "u1 (clk, rst" in text
    assert all("u1 (clk, rst, en, t1, hit[1])" in new and "\x00" not in new for new, _d in _cands(text))
