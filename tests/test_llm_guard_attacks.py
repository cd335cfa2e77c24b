"""Hostile model output (issue 12, items 1-3): the guard sees what every tool sees, and tools that run
untrusted text cannot write outside their temp directory.

Unit attacks run the guard alone (pyslang only); the end-to-end attack runs the optimizer with an
OpenAI-compatible server on loopback answering with hostile code, ``--sim-check`` on, and checks that
the candidate is refused, never simulated, and that nothing outside the temp directories is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from rtlopt.llm._guard import check_safety, conditional_regions, directives
from rtlopt.tools import sandbox
from rtlopt.tools.base import Tool

ORIG = """module acc(input clk, input [7:0] a, input [7:0] b, output [8:0] y);
  assign y = a + b;
endmodule
"""


def _body(text: str, orig: str = ORIG) -> str:
    return orig.replace("  assign y = a + b;\n", text)


def _refusals(orig: str, new: str, path: Path | None = None) -> list[str]:
    return [str(r) for r in check_safety(orig, new, "acc.v", path=path)]


@pytest.fixture
def outside(tmp_path_factory) -> Path:
    """A directory outside the design's tree that no tool may write to."""
    return tmp_path_factory.mktemp("outside")


# ----------------------------------------------------------------------------- the guard alone
def test_fopen_hidden_in_ifdef_icarus_is_refused(tmp_path, outside) -> None:
    new = _body(f'  assign y = a + b;\n`ifdef __ICARUS__\n  integer fd;\n  initial begin\n'
                f'    fd = $fopen("{outside}/pwned", "w"); $fdisplay(fd, "x");\n  end\n`endif\n')
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert out and any("`ifdef __ICARUS__" in r for r in out), out


def test_ifdef_synthesis_good_else_different_is_refused(tmp_path) -> None:
    new = _body("`ifdef SYNTHESIS\n  assign y = a + b;\n`else\n  assign y = a - b;\n`endif\n")
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("`ifdef SYNTHESIS" in r for r in out) and any("`else" in r for r in out), out


def test_define_of_an_absolute_path_then_include_of_the_macro_is_refused(tmp_path, outside) -> None:
    secret = outside / "secret.vh"
    secret.write_text("wire leaked;\n")
    new = f'`define P "{secret}"\n' + _body("  assign y = a + b;\n`include `P\n")
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("outside the design directory" in r and str(secret) in r for r in out), out
    assert any("`define P" in r for r in out), out


def test_ifdef_verilator_with_system_is_refused(tmp_path) -> None:
    new = _body('  assign y = a + b;\n`ifdef VERILATOR\n  initial $system("touch /tmp/x");\n`endif\n')
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("`ifdef VERILATOR" in r for r in out), out


def test_new_define_is_refused_even_when_harmless(tmp_path) -> None:
    new = _body("`define ADD(x, y) ((x) + (y))\n  assign y = `ADD(a, b);\n")
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("adds the compiler directive '`define ADD" in r for r in out), out


@pytest.mark.parametrize("inc", ['"../../etc/hosts"', '"/etc/passwd"', '"sub/../../x.vh"'])
def test_include_escaping_the_project_is_refused(tmp_path, inc) -> None:
    new = _body(f"`include {inc}\n  assign y = a + b;\n")
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("outside the design directory" in r for r in out), out


def test_symlinked_include_leaving_the_project_is_refused(tmp_path, outside) -> None:
    (outside / "s.vh").write_text("wire leaked;\n")
    (tmp_path / "link.vh").symlink_to(outside / "s.vh")
    new = _body('`include "link.vh"\n  assign y = a + b;\n')
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("outside the design directory" in r and "link.vh ->" in r for r in out), out


ORIG_IFDEF = """module acc(input clk, input [7:0] a, input [7:0] b, output [8:0] y);
  wire [8:0] s = a + b;
`ifdef SYNTHESIS
  assign y = s;
`else
  assign y = b + a;
`endif
endmodule
"""


def test_original_with_ifdef_only_edits_outside_the_conditional_code_pass(tmp_path) -> None:
    p = tmp_path / "acc.v"
    # the else branch (what simulators see) changed: refused
    out = _refusals(ORIG_IFDEF, ORIG_IFDEF.replace("assign y = b + a;", "assign y = a - b;"), p)
    assert any("must keep every `ifdef" in r for r in out), out
    # the SYNTHESIS branch changed (proof would see it, simulation not): refused
    out = _refusals(ORIG_IFDEF, ORIG_IFDEF.replace("assign y = s;", "assign y = s ^ 1'b1;"), p)
    assert any("must keep every `ifdef" in r for r in out), out
    # the conditional removed (simulators would change behaviour): refused
    flat = ORIG_IFDEF.replace("`ifdef SYNTHESIS\n", "").split("`else")[0] + "endmodule\n"
    assert any("must keep every `ifdef" in r for r in _refusals(ORIG_IFDEF, flat, p))
    # code under a define no rtlopt tool sets (the user's own build may set it) is not touched either
    dbg = ORIG_IFDEF.replace("endmodule", "`ifdef DEBUG\n  wire [8:0] dbg = a + b;\n`endif\nendmodule")
    out = _refusals(dbg, dbg.replace("wire [8:0] dbg = a + b;", "wire [8:0] dbg = a - b;"), p)
    assert any("inside an `ifdef/`ifndef block" in r for r in out), out
    # an edit every tool sees the same way (outside the conditional code): allowed
    assert _refusals(ORIG_IFDEF, ORIG_IFDEF.replace("wire [8:0] s = a + b;", "wire [8:0] s = b + a;"), p) == []


def test_a_macro_of_the_original_that_only_icarus_expands_to_file_io_is_caught(tmp_path) -> None:
    orig = ('`ifdef __ICARUS__\n`define TRACE(x) $fdisplay(32\'h8000_0002, x)\n`else\n`define TRACE(x)\n`endif\n'
            + ORIG.replace("  assign y = a + b;\n", "  reg [8:0] r;\n  always @(posedge clk) r <= a + b;\n"
                                                    "  assign y = r;\n"))
    new = orig.replace("r <= a + b;", "begin r <= a + b; `TRACE(\"r\"); end")
    out = _refusals(orig, new, tmp_path / "acc.v")
    assert any("$fdisplay" in r and "__ICARUS__" in r for r in out), out
    assert any("reads differently when __ICARUS__" in r for r in out), out


def test_project_include_through_a_macro_is_kept_and_directives_in_comments_do_not_count(tmp_path) -> None:
    (tmp_path / "inc").mkdir()
    (tmp_path / "inc" / "w.vh").write_text("localparam W = 8;\n")
    orig = '`define HDR "inc/w.vh"\n' + ORIG.replace("  assign y", "`include `HDR\n  assign y")
    new = orig.replace("a + b;", "b + a; // `define X 1 and \"`include \\\"/etc/passwd\\\"\"")
    assert _refusals(orig, new, tmp_path / "acc.v") == []
    assert [d.key for d in directives(orig)] == ['`define HDR "inc/w.vh"', "`include `HDR"]
    assert conditional_regions(ORIG_IFDEF) == ["`ifdef SYNTHESIS assign y = s; `else assign y = b + a; `endif"]


@pytest.mark.parametrize("sep", ["\r", "\u2028", "\x0c", "\x85"])
def test_line_ends_that_tools_read_differently_are_refused(tmp_path, sep) -> None:
    # a comment that ends for one tool and not for another could hide code from the guard
    new = _body(f'  assign y = a + b; // note{sep}initial $fopen("/tmp/x");\n')
    out = _refusals(ORIG, new, tmp_path / "acc.v")
    assert any("control or line-separator characters" in r for r in out), out
    assert _refusals(ORIG, _body("  assign y = b + a; // é → ok\n"), tmp_path / "acc.v") == []


def test_the_users_defines_are_part_of_every_view(tmp_path) -> None:
    from rtlopt.hdl.project import Project, using

    orig = ORIG.replace("  assign y", "`ifdef TRACE\n`define T(x) $fdisplay(32'h8000_0002, x)\n`else\n"
                                      "`define T(x)\n`endif\n  assign y")
    new = orig.replace("endmodule", "  always @(posedge clk) `T(\"y\");\nendmodule")
    with using(Project(defines=(("TRACE", None),))):  # rtlopt ... -D TRACE
        out = _refusals(orig, new, tmp_path / "acc.v")
    assert any("$fdisplay" in r for r in out), out


# ----------------------------------------------------------------------------- the sandbox
def _py_tool() -> Tool:
    return Tool(name="python", executable=sys.executable)


def test_sandbox_confines_writes_to_the_working_directory_or_is_reported(tmp_path, outside) -> None:
    mech, detail = sandbox.status()
    work = tmp_path / "work"
    work.mkdir()
    code = ("import sys\nopen('inside.txt', 'w').write('ok')\n"
            "try:\n    open(sys.argv[1], 'w').write('pwned')\nexcept OSError as e:\n    print('blocked', e.errno)\n")
    with sandbox.untrusted():
        res = _py_tool().run(["-c", code, str(outside / "pwned")], cwd=work, timeout=60)
    if mech is None:  # no sandbox on this machine: the reason is known and simulation is refused (below)
        assert detail
        pytest.skip(f"no sandbox here: {detail}")
    assert (work / "inside.txt").read_text() == "ok"
    assert not (outside / "pwned").exists() and "blocked" in res.stdout
    # outside untrusted mode nothing is confined
    _py_tool().run(["-c", code, str(outside / "trusted")], cwd=work, timeout=60)
    assert (outside / "trusted").exists()


@pytest.mark.iverilog
def test_without_a_sandbox_untrusted_code_is_never_simulated(tmp_path, monkeypatch) -> None:
    from rtlopt.design import open_design
    from rtlopt.engine.simcheck import simulate_candidate
    from rtlopt.tools.cocotb_runner import CocotbJob, CocotbRunner, SandboxRefused

    monkeypatch.setattr(sandbox, "_status", (None, "test: no sandbox"))
    started = []
    monkeypatch.setattr(CocotbRunner, "_run_raw", lambda *a, **k: started.append(a))
    job = CocotbJob("icarus", [], "t", "m", str(tmp_path / "b"))
    with sandbox.untrusted(), pytest.raises(SandboxRefused, match="no sandbox is available"):
        CocotbRunner().run_job(job, timeout=10)
    f = tmp_path / "acc.v"
    f.write_text(ORIG)
    d = open_design(f)
    with sandbox.untrusted():
        assert simulate_candidate(d, d, cycles=10, timeout_s=30) is None  # no evidence either way
    assert started == []


@pytest.mark.slow
@pytest.mark.iverilog
def test_sandboxed_icarus_cannot_write_outside_even_if_the_guard_were_bypassed(tmp_path, outside) -> None:
    from rtlopt.design import open_design
    from rtlopt.sim import SimOptions, simulate_diff

    if not sandbox.available():
        pytest.skip(f"no sandbox here: {sandbox.status()[1]}")
    g = tmp_path / "g.v"
    g.write_text(ORIG)
    h = tmp_path / "h.v"
    h.write_text(_body(f'  integer fd;\n  initial begin fd = $fopen("{outside}/pwned", "w"); '
                       f'$fdisplay(fd, "x"); $fclose(fd); end\n  assign y = b + a;\n'))
    with sandbox.untrusted():
        res = simulate_diff(open_design(g), open_design(h), SimOptions(cycles=20, timeout_s=300))
    assert res.passed and not (outside / "pwned").exists()


# ----------------------------------------------------------------------------- end to end
@pytest.mark.yosys
@pytest.mark.sta
def test_hostile_endpoint_through_the_optimizer_is_refused_never_simulated(tmp_path, outside, monkeypatch) -> None:
    from test_llm_http import _Server, _settings

    import rtlopt.engine.search as search
    from rtlopt.design import open_design
    from rtlopt.llm import disable, enable
    from rtlopt.tools.cocotb_runner import CocotbRunner

    orig = ("module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, "
            "output [16:0] y);\n  assign y = s ? a + b : c + d;\nendmodule\n")
    f = tmp_path / "proj" / "sha.v"
    f.parent.mkdir()
    f.write_text(orig)
    head = orig.split("\n")[0]
    good = "  assign y = (s ? a : c) + (s ? b : d);\n"
    secret = outside / "secret.vh"
    secret.write_text("// not yours\n")
    attacks = [
        f'```verilog\n{head}\n{good}`ifdef __ICARUS__\n  integer fd;\n  initial begin fd = $fopen("{outside}/pwned",'
        f' "w"); $fdisplay(fd, "x"); end\n`endif\nendmodule\n```\n',
        f"```verilog\n{head}\n`ifdef SYNTHESIS\n{good}`else\n  assign y = 17'd0;\n`endif\nendmodule\n```\n",
        f'```verilog\n{head}\n`define P "{secret}"\n`include `P\n{good}endmodule\n```\n',
    ]
    simulated = []
    monkeypatch.setattr(search, "simulate_candidate", lambda *a, **k: simulated.append(a))
    monkeypatch.setattr(CocotbRunner, "run_job", lambda *a, **k: simulated.append(a))
    before = set(os.listdir(outside))
    with _Server(attacks) as srv:
        monkeypatch.setenv("RTLOPT_LLM_API_KEY", "k")
        s = _settings(tmp_path, model="evil", base_url=srv.base_url, llm_retries=len(attacks) - 1, llm_timeout=30)
        sess = enable(s)
        try:
            assert sandbox.active()
            res = search.optimize(open_design(f), goal="area", templates={}, budget_s=300, max_steps=2,
                                  sim_check=True)
        finally:
            disable()
    assert not sandbox.active()
    outcomes = [a.outcome for a in sess.attempts]
    assert outcomes == ["refused"] * len(attacks), [(a.outcome, a.detail) for a in sess.attempts]
    assert "`ifdef __ICARUS__" in sess.attempts[0].detail
    assert "`ifdef SYNTHESIS" in sess.attempts[1].detail
    assert "outside the design directory" in sess.attempts[2].detail
    assert res.status != "improved" and f.read_text() == orig
    assert simulated == [] and set(os.listdir(outside)) == before
    assert sorted(os.listdir(f.parent)) == ["sha.v"]
