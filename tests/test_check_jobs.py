"""``rtlopt check`` with two worker processes gives the report of one process (findings, skipped steps
and files in the same order); the job count comes from $RTLOPT_CHECK_JOBS or the idle cores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rtlopt.commands import check as C

# a Verilog machine with two equivalent states (FSM finding) and an SV module with an operator pair
# that exclusive sharing reports, in two files, plus a file that does not parse (its own error)
FSM_V = """module blink(input clk, input rst, input go, output reg led);
  localparam A = 2'd0, B = 2'd1, C = 2'd2;
  reg [1:0] st;
  always @(posedge clk) begin
    if (rst) st <= A;
    else case (st)
      A: st <= go ? B : A;
      B: st <= go ? C : A;
      C: st <= go ? B : A;
      default: st <= A;
    endcase
  end
  always @* led = (st != A);
endmodule
"""

SHARE_SV = """module alu(input logic s, input logic [15:0] a, b, c, output logic [15:0] y);
  always_comb begin
    if (s) y = a + b;
    else   y = a + c;
  end
endmodule
"""


def _files(tmp_path: Path) -> list[Path]:
    (tmp_path / "blink.v").write_text(FSM_V)
    (tmp_path / "alu.sv").write_text(SHARE_SV)
    (tmp_path / "bad.v").write_text("module broken(input a; endmodule\n")
    return [tmp_path / "blink.v", tmp_path / "alu.sv", tmp_path / "bad.v"]


def test_two_workers_same_report(tmp_path: Path, monkeypatch):
    files = _files(tmp_path)
    monkeypatch.setenv(C.ENV_CHECK_JOBS, "1")
    one = C.check_files(files, file_timeout=600)
    monkeypatch.setenv(C.ENV_CHECK_JOBS, "2")
    two = C.check_files(files, file_timeout=600)
    assert one.findings, "the designs have findings"
    assert {f.rule for f in one.findings} >= {"fsm_state_minimization"}
    assert one.findings == two.findings
    assert one.skipped == two.skipped and one.files == two.files and one.errors == two.errors
    assert len(one.errors) == 1 and one.errors[0]["file"].endswith("bad.v")


def test_job_count(monkeypatch):
    monkeypatch.setenv(C.ENV_CHECK_JOBS, "3")
    assert C.check_jobs() == 3
    monkeypatch.delenv(C.ENV_CHECK_JOBS)
    monkeypatch.setattr(C.os, "getloadavg", lambda: (30.0, 30.0, 30.0))
    assert C.check_jobs() == 1  # a busy machine: one process
    monkeypatch.setattr(C.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(C.os, "cpu_count", lambda: 8)
    assert C.check_jobs() == 2
    monkeypatch.setenv(C.ENV_CHECK_JOBS, "x")
    with pytest.raises(Exception, match="whole number"):
        C.check_jobs()


def test_a_worker_failure_reruns_the_job_here():
    parent = os.getpid()

    def run(job):
        if job[1] == "boom" and os.getpid() != parent:
            raise RuntimeError("worker lost")
        return (job[1], os.getpid() == parent)

    jobs = [(Path("/nonexistent/a.v"), "boom"), (Path("/nonexistent/b.v"), "ok")]
    # the failed job ran again in this process; the other came back from a worker
    assert C._run_jobs(jobs, run, 2) == [("boom", True), ("ok", False)]
