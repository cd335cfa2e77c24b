"""ringidx: a one-hot (one-cold) rotating ring register re-encoded as a binary index decoded where it is
read. Fires on three styles (designs/generalization/fsm/ring_idx_*: active-low rotate right with a case
encoder, an SV child token shifted with wrap at 6 bits, an up/down cursor with a home load) and on
ROB-style head/tail rings with OR-encoders; near-misses (a ring that can hold two bits, a ring rotated by
two, a ring without a reset) give no candidate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "fsm"

PTRS = """
module ptrs(input clk, input rst, input a, input r, output reg [2:0] at, output reg [2:0] rt);
  reg [7:0] t, h;
  integer i;
  always @(posedge clk)
    if (rst) begin t <= 8'd1; h <= 8'd1; end
    else begin
      if (a) t <= {t[6:0], t[7]};
      if (r) h <= {h[6:0], h[7]};
    end
  always @* begin
    at = 3'd0; rt = 3'd0;
    for (i = 0; i < 8; i = i + 1) begin
      if (t[i]) at = at | i;
      if (h[i]) rt = rt | i;
    end
  end
endmodule
"""


def _cands(tmp_path: Path, text: str, top: str, suffix: str = ".v"):
    from rtlopt.semantic import ringidx

    p = tmp_path / f"{top}{suffix}"
    p.write_text(text)
    return p, ringidx.candidates_for({p: text}, top)


def _verify(a: Path, b_text: str, top: str) -> int:
    b = a.with_name(f"{a.stem}_new{a.suffix}")
    b.write_text(b_text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=400)
    return r.returncode


def test_two_rings_with_encoders(tmp_path):
    p, cands = _cands(tmp_path, PTRS, "ptrs")
    both = [n[p] for n, d in cands if "rings" in d]
    assert both, [d for _n, d in cands]
    new = both[0]
    assert "t_idx <= t_idx + 1'b1;" in new and "h_idx <= 3'd0;" in new
    assert "always @* t = 1'b1 << t_idx;" in new and "t <=" not in new
    assert _verify(p, new, "ptrs") == 0


@pytest.mark.parametrize("case,top,want", [
    ("ring_idx_onecold_rotr_v", "tdm_slots", "slot_n_idx <= slot_n_idx - 1'b1;"),
    ("ring_idx_wrap_inst_sv", "turn_top", "tok_idx <= (tok_idx == 3'd5) ? 3'd0 : tok_idx + 1'b1;"),
    ("ring_idx_updown_v", "cursor8", "led_idx <= 3'd4;"),
])
def test_generalization_designs(tmp_path, case, top, want):
    src = next((GEN / case).glob("original.*"))
    p, cands = _cands(tmp_path, src.read_text(), top, src.suffix)
    new = [n[p] for n, _d in cands if want in n[p]]
    assert new, [d for _n, d in cands]
    assert _verify(p, new[0], top) == 0


def test_ring_that_can_hold_two_bits(tmp_path):
    # a second bit ORed in: not one-hot (simulation) and not a rotation (the classifier)
    two = PTRS.replace("if (r) h <= {h[6:0], h[7]};", "if (r) h <= {h[6:0], h[7]} | (a ? 8'd1 : 8'd0);")
    _p, cands = _cands(tmp_path, two, "ptrs")
    assert not [d for _n, d in cands if "'h'" in d]
    assert [d for _n, d in cands if "'t'" in d]  # the other ring still fires


def test_ring_rotated_by_two_is_not_a_counter_by_one(tmp_path):
    skip = PTRS.replace("if (r) h <= {h[6:0], h[7]};", "if (r) h <= {h[5:0], h[7:6]};")
    _p, cands = _cands(tmp_path, skip, "ptrs")
    assert not [d for _n, d in cands if "'h'" in d]


def test_ring_without_reset(tmp_path):
    nors = PTRS.replace("if (rst) begin t <= 8'd1; h <= 8'd1; end\n    else begin", "begin")
    _p, cands = _cands(tmp_path, nors, "ptrs")
    assert not cands


def test_ring_with_declaration_initializer(tmp_path):
    # the start value sits on the declaration: the index would have none, so no candidate for it
    init = PTRS.replace("reg [7:0] t, h;", "reg [7:0] h;\n  reg [7:0] t = 8'd1;").replace(
        "if (rst) begin t <= 8'd1; h <= 8'd1; end", "if (rst) h <= 8'd1;")
    _p, cands = _cands(tmp_path, init, "ptrs")
    assert not [d for _n, d in cands if "'t'" in d]
    assert [d for _n, d in cands if "'h'" in d]


# one parameterized ring module instantiated with different parameter values (Verilog N = 5, 8; SV one-cold N = 3, 6, 6)
@pytest.mark.parametrize("case,top,wants", [
    ("ring_idx_param2_v", "two_sched", ["localparam integer slot_n = (N-1) - (0) + 1;",
                                        "reg [$clog2(slot_n)-1:0] slot_idx;",
                                        "slot_idx <= (slot_idx == slot_n - 1) ? 0 : slot_idx + 1'b1;"]),
    ("ring_idx_param2_sv", "phases", ["en_n_idx <= en_n_n - 1;",
                                      "en_n_idx <= (en_n_idx == 0) ? en_n_n - 1 : en_n_idx - 1'b1;"]),
])
def test_parameterized_ring_in_several_instances(tmp_path, case, top, wants):
    src = next((GEN / case).glob("original.*"))
    p, cands = _cands(tmp_path, src.read_text(), top, src.suffix)
    assert len(cands) == 1, [d for _n, d in cands]  # one rewrite of the module serves every instance
    new = cands[0][0][p]
    for want in wants:
        assert want in new, new
    assert _verify(p, new, top) == 0


SLOTS = """
module slot_ring #(parameter N = 4, parameter DUP = 0) (input clk, input rst, input step,
                                                         output reg [N-1:0] slot);
  always @(posedge clk)
    if (rst)       slot <= {{(N-1){1'b0}}, 1'b1};
    else if (step) slot <= {slot[N-2:0], slot[N-1]} | ((DUP != 0) ? {{(N-1){1'b0}}, 1'b1} : {N{1'b0}});
endmodule

module two_sched(input clk, input rst, input sa, input sb, output [4:0] a, output [7:0] b);
  slot_ring #(.N(5), .DUP(DUPA)) u_a (.clk(clk), .rst(rst), .step(sa), .slot(a));
  slot_ring #(.N(8)) u_b (.clk(clk), .rst(rst), .step(sb), .slot(b));
endmodule
"""


def test_parameterized_ring_one_instance_holds_two_bits(tmp_path):
    # u_a ORs bit 0 in on every step (DUP=1, two bits after one step): its copy is no ring, so the shared module text is not rewritten
    _p, cands = _cands(tmp_path, SLOTS.replace("DUPA", "1"), "two_sched")
    assert not cands, [d for _n, d in cands]
    # the same text with DUP=0 in both instances is two rings: it fires
    _p, cands = _cands(tmp_path, SLOTS.replace("DUPA", "0"), "two_sched")
    assert cands
