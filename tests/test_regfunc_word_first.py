"""regfunc discovery: the pairwise word relations (a one-hot copy of an index gated by a valid flag,
a counter trailing another) are tried before the 1-bit mining, so a slow mining (a loaded machine)
cannot use up the window before them; a one-hot register that differs in one rare cycle is no decode."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

# SV, generate of 1-bit synchronizer stages (many 1-bit registers), .* connections, three levels
LOCK = """
module stage2 (input logic clk, rst_n, d, output logic q);
  logic s1, s2;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin s1 <= 1'b0; s2 <= 1'b0; end
    else begin s1 <= d; s2 <= s1; end
  assign q = s2;
endmodule
module holder #(parameter int N = 4, parameter int IW = 2) (
  input logic clk, rst_n, input logic [N-1:0] req, input logic rel,
  output logic [IW-1:0] who, output logic on, output logic [N-1:0] who_oh);
  logic [IW-1:0] pick;
  logic any;
  always_comb begin
    pick = '0; any = 1'b0;
    for (int i = N - 1; i >= 0; i--)
      if (req[i]) begin pick = IW'(i); any = 1'b1; end
  end
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin who <= '0; on <= 1'b0; who_oh <= '0; end
    else if (!on && any) begin who <= pick; on <= 1'b1; who_oh <= N'(1) << pick; end
    else if (on && rel) begin on <= 1'b0; who_oh <= '0; end
endmodule
module lockq (input logic clk, rst_n, input logic [4:0] req_a, input logic rel,
              output logic [2:0] who, output logic on, output logic [4:0] who_oh);
  logic [4:0] req;
  for (genvar i = 0; i < 5; i++) begin : g
    stage2 u (.clk, .rst_n, .d(req_a[i]), .q(req[i]));
  end
  holder #(.N(5), .IW(3)) u_h (.*);
endmodule
"""


def _path(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "lockq.sv"
    p.write_text(text)
    return p


def test_word_relations_come_before_a_slow_bit_mining(tmp_path, monkeypatch):
    from rtlopt.semantic import regfunc, seqsim

    p = _path(tmp_path, LOCK)
    net = seqsim.load_texts({p: LOCK}, "lockq", timeout=60)
    regs = regfunc._registers(net)
    assert sum(len(js) == 1 for js in regs.values()) >= 10  # many 1-bit registers to mine
    bm = regfunc.samples(net)
    slow = regfunc._predicates

    def predicates(*a, **kw):
        time.sleep(0.5)
        return slow(*a, **kw)

    monkeypatch.setattr(regfunc, "_predicates", predicates)
    hyps = regfunc.discover(net, regs, bm, deadline=time.monotonic() + 3.0)
    assert any(h.op == "dec" and h.target.endswith("who_oh") and h.base.endswith("who") for h in hyps)


def test_gated_decode_in_a_generate_hierarchy_emitted_and_proven(tmp_path):
    from rtlopt.semantic import regfunc

    p = _path(tmp_path, LOCK)
    cands = regfunc.candidates_for({p: LOCK}, "lockq", timeout_s=60)
    new = [n[p] for n, d in cands if "'who_oh' ==" in d]
    assert new, [d for _n, d in cands]
    q = tmp_path / "lockq_new.sv"
    q.write_text(new[0])
    r = subprocess.run([sys.executable, "-m", "rtlopt", "verify", str(p), str(q), "--top", "lockq"],
                       capture_output=True, text=True, timeout=400)
    assert r.returncode == 0, r.stdout[-2000:]


def test_one_hot_that_differs_in_one_rare_cycle_is_no_decode(tmp_path):
    from rtlopt.semantic import regfunc

    # the one-hot is not cleared on a release while every request is up: it differs from the decode
    rare = LOCK.replace("else if (on && rel) begin on <= 1'b0; who_oh <= '0; end",
                        "else if (on && rel) begin on <= 1'b0; if (req != '1) who_oh <= '0; end")
    assert rare != LOCK
    p = _path(tmp_path, rare)
    an = regfunc.analysis_for({p: rare}, "lockq", timeout_s=60)
    assert not [r for r in an.relations if r.op == "dec" and r.target.endswith("who_oh")]
