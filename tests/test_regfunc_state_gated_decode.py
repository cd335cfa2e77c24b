"""regfunc: a one-hot register that is the decode of an index register gated by a decode of another
register's value (``R == (state == RUN) ? 1 << idx : 0``), the gate an AND of flip-flop literals
found on the samples (a valid flag is the one-literal case). Near misses: a register that keeps
one pump on in one more reachable state, and an index-only decode gated by nothing the samples show.
When a flag is the zero test of the one-hot register and the register the flag's gated decode, the
combined candidate removes the wider register."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

# one-process case machine, 3-bit state with 5 codes, the one-hot written in the arms
VALVES = """
module valves #(parameter N = 5) (input clk, input rst, input go, input stop, input wet,
                                  output reg [N-1:0] v, output reg [2:0] k, output [2:0] ph);
  reg [2:0] s;
  reg [2:0] c;
  assign ph = s;
  always @(posedge clk)
    if (rst) begin s <= 3'd0; k <= 3'd0; v <= {N{1'b0}}; c <= 3'd0; end
    else case (s)
      3'd0: if (go) begin s <= 3'd3; k <= 3'd0; v <= 1; c <= 3'd0; end
      3'd3: if (stop) begin s <= 3'd0; v <= 0; end
            else if (wet) begin s <= 3'd6; v <= 0; end
            else if (c == 3'd4) begin
              c <= 3'd0; v <= 0;
              if (k == N - 1) s <= 3'd0; else s <= 3'd5;
            end else c <= c + 3'd1;
      3'd5: begin s <= 3'd3; k <= k + 3'd1; v <= {{N-1{1'b0}}, 1'b1} << (k + 3'd1); end
      3'd6: if (!wet) begin s <= 3'd3; v <= {{N-1{1'b0}}, 1'b1} << k; end
      default: s <= 3'd0;
    endcase
endmodule
"""

# a flag beside the one-hot and its index: claim sets all three, complete clears flag and one-hot
CLAIM = """
module claim (input clk, input rst_n, input [5:0] req, input done,
              output reg [5:0] svc, output reg [2:0] id, output reg act);
  reg [2:0] pick;
  integer i;
  always @* begin
    pick = 3'd0;
    for (i = 5; i >= 0; i = i - 1) if (req[i]) pick = i;
  end
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin svc <= 6'd0; id <= 3'd0; act <= 1'b0; end
    else if (!act && req != 6'd0) begin svc <= 6'd1 << pick; id <= pick; act <= 1'b1; end
    else if (act && done) begin svc <= 6'd0; act <= 1'b0; end
endmodule
"""


def _write(tmp_path: Path, text: str, top: str) -> Path:
    p = tmp_path / f"{top}.v"
    p.write_text(text)
    return p


def _verify(tmp_path: Path, a: Path, text: str, top: str) -> int:
    b = tmp_path / f"{top}_new.v"
    b.write_text(text)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(a), str(b), "--top", top],
                       capture_output=True, text=True, timeout=600)
    return r.returncode


def _decodes(p: Path, text: str, top: str, target: str):
    from rtlopt.semantic import regfunc

    an = regfunc.analyze_texts({p: text}, top, timeout_s=60)
    return [r for r in an.relations if r.op == "dec" and r.target.rpartition(".")[2] == target]


def test_state_gated_decode_found_emitted_and_proven(tmp_path):
    from rtlopt.semantic import regfunc

    p = _write(tmp_path, VALVES, "valves")
    rels = _decodes(p, VALVES, "valves", "v")
    assert rels and rels[0].base.rpartition(".")[2] == "k"
    # the gate is the state decode s == 3 (two literals suffice on the reachable codes 0/3/5/6)
    assert {n.rpartition(".")[2] for n, _i in rels[0].bits} == {"s"} and len(rels[0].bits) >= 2
    cands = regfunc.candidates_for({p: VALVES}, "valves", timeout_s=60)
    new = [n[p] for n, d in cands if d.startswith("'v' ==")]
    assert new
    assert "v <=" not in new[0] and "always @* v = " in new[0]
    assert _verify(tmp_path, p, new[0], "valves") == 0


def test_one_hot_kept_on_in_one_more_reachable_state_is_no_decode(tmp_path):
    # while wet (state 6) the valve of zone 2 stays open: v differs from (s == 3) ? 1 << k : 0 there
    near = VALVES.replace("else if (wet) begin s <= 3'd6; v <= 0; end",
                          "else if (wet) begin s <= 3'd6; if (k != 3'd2) v <= 0; end")
    assert near != VALVES
    p = _write(tmp_path, near, "valves")
    assert not _decodes(p, near, "valves", "v")


def test_one_hot_off_by_an_input_is_no_decode(tmp_path):
    # a stop input cuts the step to the next zone short (k stays, the valve already moved on) and clears
    # the running zone's valve: no decode of k gated by the state matches
    near = VALVES.replace("3'd5: begin s <= 3'd3;", "3'd5: begin s <= 3'd3; if (stop) v <= 0; else")
    near = near.replace("else if (c == 3'd4) begin", "else if (c == 3'd4 || stop) begin")
    assert near != VALVES
    p = _write(tmp_path, near, "valves")
    assert not [r for r in _decodes(p, near, "valves", "v") if r.base.rpartition(".")[2] == "k"]


def test_flag_and_one_hot_exclusive_relations_remove_the_wider(tmp_path):
    from rtlopt.semantic import regfunc

    p = _write(tmp_path, CLAIM, "claim")
    an = regfunc.analyze_texts({p: CLAIM}, "claim", timeout_s=60)
    tg = {r.target for r in an.relations}
    assert {"svc", "act"} <= tg  # act == (svc != 0), svc == act ? 1 << id : 0
    chosen = regfunc._select(an.relations)
    assert [r.target for r in chosen] == ["svc"]
    cands = regfunc.candidates_for({p: CLAIM}, "claim", timeout_s=60)
    assert cands and cands[0][1].startswith("'svc' ==")
    assert _verify(tmp_path, p, cands[0][0][p], "claim") == 0


def test_exclusive_relations_chosen_by_flops_removed():
    from rtlopt.semantic.regfunc import Relation, _select, _select_most

    # oh (4 bits) == flag ? 1 << idx : 0, flag == (oh != 0), and two 4-bit words that are functions of oh:
    # removing oh (widest first) keeps flag and both words (4 flops); keeping oh removes 9
    rels = [Relation("oh", 4, 0, "idx", bits=(("flag", 0),), op="dec"),
            Relation("flag", 1, 0, "oh", op="ne"),
            Relation("w1", 4, 3, "oh", 1),
            Relation("w2", 4, 5, "oh", -1)]
    assert [r.target for r in _select(rels)] == ["oh"]
    assert sorted(r.target for r in _select_most(rels)) == ["flag", "w1", "w2"]
    # the near miss: with the two words gone the wide register is still the better choice
    assert [r.target for r in _select_most(rels[:2])] == ["oh"]
