"""Sibling-instance register sharing with proven-constant bits (rtlopt.semantic.instshare): a timer
wider than its load value (upper bits constant zero in every instance) is still one register across
the instances; near misses (a different load value, one instance's start command differing in a
reachable state, a register constant as a whole) are not shared. Candidates name their proof order."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from rtlopt.semantic import instshare

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"
DOOR = (GEN / "inst_const_timer_v" / "original.v").read_text()
HEAT = (GEN / "inst_const_timer_sv" / "original.sv").read_text()


def _cands(text: str, top: str, name: str = "t.v"):
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
    res = check_equivalence(open_design(g, top=top), open_design(h, top=top),
                            VerifyOptions(timeout_s=120, engines=instshare.PROOF_ENGINES))
    return res.equivalent is True


def test_timer_with_constant_upper_bits_is_shared_verilog(tmp_path: Path):
    got = _cands(DOOR, "door_pair")
    assert [d for _n, d in got] == ["one shared register for 'relock_t' of 2 'door_chan' instances"]
    new = got[0][0]
    assert new.count(".RTLOPT_RELOCK_T_EXT(1)") == 1 and "rtlopt_relock_t_v" in new
    assert _prove(tmp_path, DOOR, new, "door_pair")


def test_timer_and_flag_shared_in_a_generate_loop_sv(tmp_path: Path):
    got = _cands(HEAT, "heat_bank", "t.sv")
    descs = [d for _n, d in got]
    assert "one shared register for 'warm_t' of 3 'heat_stage' instances" in descs
    both = [n for n, d in got if "'lit'" in d and "'warm_t'" in d]
    assert len(both) == 1
    assert _prove(tmp_path, HEAT, both[0], "heat_bank", ".sv")


def test_different_load_value_is_not_shared():
    text = DOOR.replace("#(.RELOCK(37), .INV(1))", "#(.RELOCK(36), .INV(1))")
    assert text != DOOR
    assert _cands(text, "door_pair") == []


def test_one_instance_started_differently_is_not_shared():
    # the back door's unlock also needs ajar[1] low: its timer differs in a reachable state
    text = DOOR.replace(".unlock(unlock), .lock(lock),\n        .ajar(ajar[1])",
                        ".unlock(unlock & ~ajar[1]), .lock(lock),\n        .ajar(ajar[1])")
    assert text != DOOR
    assert all("relock_t" not in d for _n, d in _cands(text, "door_pair"))


def test_register_constant_as_a_whole_is_left_to_seqredundancy():
    # never loaded with anything but zero: every bit constant in both instances (nothing to share)
    text = DOOR.replace("#(.RELOCK(37), .INV(0))", "#(.RELOCK(0), .INV(0))") \
               .replace("#(.RELOCK(37), .INV(1))", "#(.RELOCK(0), .INV(1))")
    assert all("relock_t" not in d for _n, d in _cands(text, "door_pair"))


@pytest.mark.parametrize("text,top,name,engines", [
    (DOOR, "door_pair", "t.v", ("abc", "smt")),  # synchronous reset: z3 after ABC
    (HEAT, "heat_bank", "t.sv", ("abc",)),  # every flip-flop with a reset pin: ABC with the whole slice
])
def test_candidates_name_abc_first(text, top, name, engines):
    p = Path(name)
    state = SimpleNamespace(texts={p: text}, design=SimpleNamespace(top=top),
                            deadline=time.monotonic() + 60)
    got = instshare.instshare_candidates(state)
    assert got and all(c.hints.get("engines") == engines for c in got)


# a module rewritten by an earlier round (its position counter narrowed 8 -> 2 bits, renamed), not yet
# pinned: the search's generators see this text; the sharing hook added to it must still be pinnable
PUNCT_OLD = """
module punct #(parameter P = 4, parameter [P-1:0] KEEP = 4'b1011) (
  input  wire clk,
  input  wire rst,
  input  wire en,
  output reg  keep
);
  reg [7:0] pos;
  always @(posedge clk) begin
    if (rst) begin pos <= 8'd0; keep <= 1'b0; end
    else if (en) begin keep <= KEEP[pos]; pos <= (pos == P - 1) ? 8'd0 : pos + 8'd1; end
    else keep <= 1'b0;
  end
endmodule

module pair (input wire clk, input wire rst, input wire en, output wire [1:0] k);
  punct #(.P(3), .KEEP(3'b101)) ua (.clk(clk), .rst(rst), .en(en), .keep(k[0]));
  punct #(.P(3), .KEEP(3'b110)) ub (.clk(clk), .rst(rst), .en(en), .keep(k[1]));
endmodule
"""
PUNCT_R1 = PUNCT_OLD.replace("""  reg [7:0] pos;
  always @(posedge clk) begin
    if (rst) begin pos <= 8'd0; keep <= 1'b0; end
    else if (en) begin keep <= KEEP[pos]; pos <= (pos == P - 1) ? 8'd0 : pos + 8'd1; end""",
                             """  reg [1:0] pos_q;
  wire [7:0] pos = pos_q;
  always @(posedge clk) begin
    if (rst) begin pos_q <= 8'd0; keep <= 1'b0; end
    else if (en) begin keep <= KEEP[pos]; pos_q <= (pos == P - 1) ? 8'd0 : pos + 8'd1; end""")


def test_hook_on_an_earlier_rewrite_is_pinned_and_proven(tmp_path: Path):
    from rtlopt.engine.parampin import pin_text

    assert PUNCT_R1 != PUNCT_OLD
    got = [n for n, d in _cands(PUNCT_R1, "pair") if "'pos_q' of 2" in d]
    assert len(got) == 1
    cfg = {"punct": {(("P", 3), ("KEEP", 5)), (("P", 3), ("KEEP", 6))}}
    pinned = pin_text(PUNCT_OLD, got[0], cfg)
    assert pinned is not None  # refused before: the hook's header parameter and ports
    assert "parameter RTLOPT_POS_Q_EXT = 0" in pinned and "rtlopt_pos_q_i" in pinned
    assert "assign rtlopt_pos_q_o = 0;" in pinned  # the original arm (other values) exports nothing
    assert _prove(tmp_path, PUNCT_OLD, pinned, "pair")
