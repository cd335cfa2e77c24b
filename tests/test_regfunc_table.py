"""regfunc op 'tab': a register that is a lookup table of a small state register (an output word
registered from a case on the next state, a display word set and cleared in the FSM's arms) becomes
``always @* R = <table of S>`` (heldout14 vending credit / kiosk screen kind). Near misses: a reset
value that differs from the table's entry for the reset state (differs in the first cycle), a load
under an extra enable, a word that keeps its old value in one state (not a function of the state)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DESIGNS
from tests.test_nextfunc_const_reset import _verify  # rtlopt verify in a child, its exit code

pytestmark = pytest.mark.yosys

SEQ = DESIGNS / "generalization" / "seqredundancy"


def _tables(text: str, top: str, tmp_path: Path, suffix: str = ".v"):
    from rtlopt.semantic import regfunc

    p = tmp_path / ("d" + suffix)
    p.write_text(text)
    texts = {p: text}
    an = regfunc.analysis_for(texts, top, 30.0)
    assert an.error is None, an.error
    rels = {r.target.rpartition(".")[2]: r for r in an.relations if r.op == "tab"}
    return p, rels, regfunc.candidates_for(texts, top, 30.0)


@pytest.mark.parametrize("case,ext,top,target,table", [
    ("regtable_nextcase_v", "v", "wash_bay", "nozzle", (0, 9, 3, 12, 3, 0, 0, 0)),
    ("regtable_arms_word_sv", "sv", "fare_meter", "fare", (0, 25, 50, 75, 100, 0, 0, 0)),
])
def test_table_of_state_fires_and_is_proven(tmp_path, case, ext, top, target, table):
    src = SEQ / case / f"original.{ext}"
    p, rels, cands = _tables(src.read_text(), top, tmp_path, "." + ext)
    assert target in rels and rels[target].tab == table
    mine = [(new, d) for new, d in cands if f"'{target}' == [" in d]
    assert mine, [d for _, d in cands]
    new = mine[0][0][p]
    assert f"always @* {target} = " in new and f"{target} <=" not in new
    assert _verify(p, new, top, tmp_path) == 0


# the same word in another style: a Verilog one-process machine, the word loaded in if/else arms
RESTYLED = """
module lamp_seq (input clk, input rst_n, input go, input stop, output reg [4:0] lamp, output wire run);
  reg [1:0] ph;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin ph <= 2'd0; lamp <= 5'd1; end
    else if (ph == 2'd0) begin if (go) begin ph <= 2'd1; lamp <= 5'd6; end end
    else if (ph == 2'd1) begin ph <= 2'd2; lamp <= 5'd20; end
    else if (ph == 2'd2) begin if (stop) begin ph <= 2'd3; lamp <= 5'd6; end end
    else begin ph <= 2'd0; lamp <= 5'd1; end
  assign run = ph[1];
endmodule
"""


def test_restyled_if_arms_fires(tmp_path):
    p, rels, cands = _tables(RESTYLED, "lamp_seq", tmp_path)
    assert rels["lamp"].tab == (1, 6, 20, 6)
    mine = [new[p] for new, d in cands if "'lamp' == [" in d]
    assert mine and _verify(p, mine[0], "lamp_seq", tmp_path) == 0


TWO_PROC = """
module m (input clk, input rst, input a, input b, input en, output reg [3:0] code, output wire busy);
  reg [2:0] s, n;
  always @(*) begin
    n = s;
    case (s)
      3'd0: if (a) n = 3'd1;
      3'd1: if (b) n = 3'd2; else if (a) n = 3'd3;
      3'd2: n = 3'd0;
      3'd3: if (b) n = 3'd0;
      default: n = 3'd0;
    endcase
  end
  always @(posedge clk)
    if (rst) begin s <= 3'd0; code <= RESETV; end
    else begin
      s <= n;
      LOAD case (n) 3'd1: code <= 4'd5; 3'd2: code <= 4'd10; 3'd3: code <= 4'd5; default: code <= 4'd0; endcase
    end
  assign busy = |s;
endmodule
"""


def test_two_process_positive_control(tmp_path):
    text = TWO_PROC.replace("RESETV", "4'd0").replace("LOAD ", "")
    _p, rels, _c = _tables(text, "m", tmp_path)
    assert rels["code"].tab == (0, 5, 10, 5, 0, 0, 0, 0)


@pytest.mark.parametrize("reset,load", [
    ("4'd7", ""),          # differs from the decode in the first cycle after reset
    ("4'd0", "if (en) "),  # an extra enable: the word lags the state
])
def test_near_misses_give_no_table(tmp_path, reset, load):
    text = TWO_PROC.replace("RESETV", reset).replace("LOAD ", load)
    _p, rels, cands = _tables(text, "m", tmp_path)
    assert "code" not in rels
    assert not [d for _, d in cands if "'code' ==" in d]


def test_word_kept_in_one_state_is_no_table(tmp_path):
    # the fare stays at its last value while the ticket prints: not a function of the state
    src = (SEQ / "regtable_arms_word_sv" / "original.sv").read_text()
    text = src.replace("st <= F_PRINT; fare <= '0; end", "st <= F_PRINT; end")
    assert text != src
    _p, rels, cands = _tables(text, "fare_meter", tmp_path, ".sv")
    assert "fare" not in rels
    assert not [d for _, d in cands if "'fare' == [" in d]
