"""Indexed reads at an index encoded from a one-hot-or-zero vector become AND-OR selections
(rtlopt.semantic.onehotsel): fires on our own designs in several styles (casez encoder + ``+:``,
SV function + packed-array index, encoder / mux / grant split over modules, a parameterized round-robin
arbiter with a loop encoder), is proven with real Yosys/z3/ABC, and stays silent on near-misses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "designs" / "generalization" / "lifting"
SPLIT = (CASES / "onehot_sel_split_hier" / "original.v").read_text()
CASEZ = (CASES / "onehot_sel_casez_lowest" / "original.v").read_text()
TOKEN = (CASES / "onehot_sel_token_fn_sv" / "original.sv").read_text()


def _cands(tmp_path: Path, text: str, top: str, suffix: str = ".v", params=None):
    from rtlopt.semantic import onehotsel

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    return p, onehotsel.candidates_for({p: text}, top, params=params)


def _verify(tmp_path: Path, p: Path, new: str, top: str) -> subprocess.CompletedProcess:
    q = tmp_path / f"new{p.suffix}"
    q.write_text(new)
    return subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(q), "--top", top],
                          capture_output=True, text=True, timeout=600)


def test_split_hierarchy_zero_grant_reads_the_idle_port(tmp_path: Path):
    p, got = _cands(tmp_path, SPLIT, "gnt_payload")
    assert len(got) == 1
    new = got[0][0][p]
    # the encoder's idle value (port 3) is what a zero grant reads: its slot is "no other bit set"
    assert "({16{~|{g[2], g[1], g[0]}}} & d[2'd3*16 +: 16])" in new
    assert "({16{g[0]}} & d[2'd0*16 +: 16])" in new
    assert "d[idx*16 +: 16]" not in new
    r = _verify(tmp_path, p, new, "gnt_payload")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


def test_combinational_lowest_grant_casez(tmp_path: Path):
    p, got = _cands(tmp_path, CASEZ, "pick_lowest_casez")
    assert len(got) == 1
    new = got[0][0][p]
    assert "({8{grant[7]}} & data[3'd7*8 +: 8])" in new
    assert "casez (grant)" not in new  # the encoder is read nowhere else: removed with the read
    r = _verify(tmp_path, p, new, "pick_lowest_casez")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


def test_sv_function_token_is_pinned_to_parameters(tmp_path: Path):
    p, got = _cands(tmp_path, TOKEN, "tok_lane_pick", ".sv")
    assert len(got) == 1
    new = got[0][0][p]
    assert "generate if (N == 32'd8 && W == 32'd10)" in new
    assert "({10{tok[7]}} & lane[3'd7])" in new
    assert "assign q = lane[sel];" in new  # the original for every other parameterization


@pytest.mark.slow
def test_round_robin_loop_encoder_param_hierarchy(tmp_path: Path):
    text = (ROOT / "designs" / "heldout7" / "arb" / "rr_grant_datamux" / "original.v").read_text()
    p, got = _cands(tmp_path, text, "rr_mux6", params={"rr_arb": {"N": 6, "DW": 12}})
    assert len(got) == 1
    new = got[0][0][p]
    assert "generate if (N == 32'd6 && DW == 32'd12)" in new
    assert "({12{~|{grant[5], grant[4], grant[3], grant[2], grant[1]}}} & data[3'd0*DW +: DW])" in new
    r = _verify(tmp_path, p, new, "rr_mux6")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


def test_near_miss_grant_with_two_bits_gives_nothing(tmp_path: Path):
    # the grant register loads the raw requests: two bits can be set, the encoder's read is a priority pick
    text = SPLIT.replace("gnt <= req & ~(req - 1'b1);", "gnt <= req;")
    assert text != SPLIT
    _, got = _cands(tmp_path, text, "gnt_payload")
    assert got == []
    # combinational: req & ~(req << 1) keeps the top bit of every run of ones (several bits at once)
    text = CASEZ.replace("assign grant = req & (~req + 8'd1);", "assign grant = req & ~(req << 1);")
    assert text != CASEZ
    _, got = _cands(tmp_path, text, "pick_lowest_casez")
    assert got == []


def test_near_miss_index_not_a_function_of_the_grant_alone(tmp_path: Path):
    # the encoder also reads a bypass input: no vector determines the index alone
    text = SPLIT.replace("  input      [3:0] g,\n  output reg [1:0] idx", "  input byp,\n  input      [3:0] g,\n  output reg [1:0] idx")
    text = text.replace("      if (g[i]) idx = i;\n", "      if (g[i]) idx = i;\n    if (byp) idx = 2'd1;\n")
    text = text.replace("gnt_enc u_enc (.g(g),", "gnt_enc u_enc (.byp(d[0]), .g(g),")
    assert text.count("byp") == 3
    _, got = _cands(tmp_path, text, "gnt_payload")
    assert got == []


RING = (CASES / "onehot_sel_ring_case_sv" / "original.sv").read_text()


def test_case_on_index_never_zero_ring(tmp_path: Path):
    p, got = _cands(tmp_path, RING, "ring_slot_read", ".sv")
    assert len(got) == 2  # zero-safe, and (never zero in simulation) each term on its own bit
    safe, plain = got[0][0][p], got[1][0][p]
    assert "({12{~|{ring[3], ring[2], ring[1], ring[0]}}} & (s4))" in safe
    assert "rd = (({12{ring[0]}} & (s0)) | ({12{ring[1]}} & (s1)) | ({12{ring[2]}} & (s2)) | " \
           "({12{ring[3]}} & (s3)) | ({12{ring[4]}} & (s4)));" in plain
    assert "case (slot)" not in plain and "casez (ring)" not in plain
    r = _verify(tmp_path, p, plain, "ring_slot_read")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


def test_case_arms_reading_the_same_word_share_a_term(tmp_path: Path):
    text = RING.replace("3'd3:    rd = s3;", "3'd3:    rd = s1;")
    p, got = _cands(tmp_path, text, "ring_slot_read", ".sv")
    assert got
    assert "({12{(ring[1] | ring[3])}} & (s1))" in got[-1][0][p]


def test_near_miss_ring_that_can_hold_two_bits(tmp_path: Path):
    # the ring ORs the rotated token in: after two steps two bits are set
    text = RING.replace("ring <= {ring[3:0], ring[4]};", "ring <= ring | {ring[3:0], ring[4]};")
    assert text != RING
    _, got = _cands(tmp_path, text, "ring_slot_read", ".sv")
    assert got == []
    # a case with no arm for a slot value the grant can name (and no default): refused
    text = RING.replace("      default: rd = s4;\n", "").replace("  always_comb begin\n    case (slot)",
                                                                     "  always @* begin\n    case (slot)")
    assert "always @* begin\n    case (slot)" in text
    _, got = _cands(tmp_path, text, "ring_slot_read", ".sv")
    assert got == []


def test_two_fields_at_one_index_all_at_once(tmp_path: Path):
    text = (CASES / "onehot_sel_two_fields_gen" / "original.v").read_text()
    p, got = _cands(tmp_path, text, "two_field_pick")
    assert len(got) == 3  # each read alone, and both at once
    assert "assign t = tg[idx*4 +: 4];" in got[0][0][p] and "assign y = d[idx*16 +: 16];" in got[1][0][p]
    both = got[2][0][p]
    assert "idx" not in both  # the generate encoder is read nowhere else: gone with both reads
    assert "({16{gnt[7]}} & d[3'd7*16 +: 16])" in both and "({4{gnt[7]}} & tg[3'd7*4 +: 4])" in both
    r = _verify(tmp_path, p, both, "two_field_pick")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


REGIDX = (CASES / "onehot_sel_regidx_sv" / "original.sv").read_text()


def test_registered_index_beside_the_grant(tmp_path: Path):
    p, got = _cands(tmp_path, REGIDX, "resp_pick", ".sv")
    assert len(got) == 1
    new = got[0][0][p]
    assert "({14{gnt_q[5]}} & resp[3'd5])" in new and "({14{~|{gnt_q[5], gnt_q[4], gnt_q[3], gnt_q[2], gnt_q[1]}}}" \
        in new
    assert "gidx_q" not in new  # the number register is read nowhere else
    r = _verify(tmp_path, p, new, "resp_pick")
    assert r.returncode == 0 and "EQUIVALENT" in r.stdout, r.stdout + r.stderr


def test_near_miss_registered_index_not_in_step_with_the_grant(tmp_path: Path):
    # the number is loaded every cycle, the grant only on take: not a function of the grant
    text = REGIDX.replace("      gidx_q <= first_set(req);\n", "")
    text = text.replace("  assign out = resp[gidx_q];",
                        "  always_ff @(posedge clk) if (!rst) gidx_q <= first_set(req);\n  assign out = resp[gidx_q];")
    text = text.replace("      gidx_q <= '0;\n", "")
    assert text.count("gidx_q <=") == 1
    _, got = _cands(tmp_path, text, "resp_pick", ".sv")
    assert got == []
    # one cycle behind: the number of the previous grant
    text = REGIDX.replace("gidx_q <= first_set(req);", "gidx_q <= first_set(gnt_q);")
    _, got = _cands(tmp_path, text, "resp_pick", ".sv")
    assert got == []


def test_index_written_in_the_reading_block(tmp_path: Path):
    comb = """module blk_pick (input clk, input rst, input [3:0] req, input [31:0] d, output reg [7:0] y);
  reg [3:0] g;
  always @(posedge clk) if (rst) g <= 0; else g <= req & (~req + 4'd1);
  reg [1:0] idx;
  integer j;
  always @* begin
    idx = 2'd0;
    for (j = 0; j < 4; j = j + 1) if (g[j]) idx = j;
    y = d[idx*8 +: 8];
  end
endmodule
"""
    p, got = _cands(tmp_path, comb, "blk_pick")
    assert len(got) == 1 and "idx" not in got[0][0][p]  # the encoder statements go with the read
    # written after the read: the read sees the earlier value, refused
    late = comb.replace("    y = d[idx*8 +: 8];\n", "").replace("    idx = 2'd0;\n",
                                                                   "    idx = 2'd0;\n    y = d[idx*8 +: 8];\n")
    _, got = _cands(tmp_path, late, "blk_pick")
    assert got == []
    # a blocking temporary of a clocked block: the module's net is a register, not the value read
    clocked = comb.replace("always @* begin\n    idx", "always @(posedge clk) begin\n    idx").replace(
        "    y = d[idx*8 +: 8];", "    y <= d[idx*8 +: 8];")
    assert "y <= d[idx*8" in clocked
    _, got = _cands(tmp_path, clocked, "blk_pick")
    assert got == []
