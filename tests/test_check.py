"""``rtlopt check``: findings from the template matchers as text/JSON/SARIF, exit codes, speed."""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import pytest

from rtlopt.commands import check
from rtlopt.errors import InputError

CONST_MULT = "module m(input [7:0] a, output [15:0] y);\n  assign y = a * 8'd10;\nendmodule\n"
FOLD_ONLY = "module f(input [7:0] a, output [7:0] y);\n  assign y = a + (2 + 1);\nendmodule\n"
CLEAN = "module c(input [7:0] a, input [7:0] b, output [7:0] y);\n  assign y = a & b;\nendmodule\n"


def _w(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text)
    return p


def _args(files, **kw):
    base = dict(files=[str(f) for f in files], format="text", min_severity=None, rules=None, disable=None,
                rule_severity=[], output=None)
    base.update(kw)
    return argparse.Namespace(**base)


def test_finding_has_rule_location_effect_and_fails_the_check(tmp_path, capsys):
    f = _w(tmp_path, "m.v", CONST_MULT)
    assert check.run(_args([f])) == 1
    out = capsys.readouterr().out
    assert f"{f}:2:14: warning:" in out
    assert "const_mult_to_shift_add" in out and "effect medium" in out
    assert "1 finding in 1 file" in out


def test_clean_file_passes_and_nothing_is_edited(tmp_path, capsys):
    clean = _w(tmp_path, "c.v", CLEAN)
    mult = _w(tmp_path, "m.v", CONST_MULT)
    assert check.run(_args([clean])) == 0
    assert "0 findings" in capsys.readouterr().out
    check.run(_args([clean, mult]))
    assert clean.read_text() == CLEAN and mult.read_text() == CONST_MULT


def test_threshold_decides_the_exit_code(tmp_path, monkeypatch, capsys):
    f = _w(tmp_path, "f.v", FOLD_ONLY)  # constant folding: a small effect, severity note
    assert check.run(_args([f])) == 0
    assert ": note:" in capsys.readouterr().out
    assert check.run(_args([f], min_severity="note")) == 1
    monkeypatch.setenv(check.ENV_MIN_SEVERITY, "note")
    assert check.run(_args([f])) == 1
    monkeypatch.setenv(check.ENV_MIN_SEVERITY, "error")
    m = _w(tmp_path, "m.v", CONST_MULT)
    assert check.run(_args([m])) == 0
    assert check.run(_args([m], rule_severity=["const_mult_to_shift_add=error"])) == 1
    monkeypatch.setenv(check.ENV_MIN_SEVERITY, "loud")
    with pytest.raises(InputError):
        check.run(_args([m]))


def test_rule_selection(tmp_path, capsys):
    m = _w(tmp_path, "m.v", CONST_MULT)
    assert check.run(_args([m], disable="const_mult_to_shift_add")) == 0
    assert check.run(_args([m], rules="constant_folding")) == 0
    capsys.readouterr()
    with pytest.raises(InputError, match="unknown rule"):
        check.run(_args([m], rules="no_such_rule"))


def test_json_output(tmp_path, capsys):
    m = _w(tmp_path, "m.v", CONST_MULT)
    f = _w(tmp_path, "f.v", FOLD_ONLY)
    assert check.run(_args([m, f], format="json")) == 1
    data = json.loads(capsys.readouterr().out)
    rules = {x["rule"]: x for x in data["findings"]}
    assert rules["const_mult_to_shift_add"]["line"] == 2 and rules["const_mult_to_shift_add"]["severity"] == "warning"
    assert rules["const_mult_to_shift_add"]["objectives"]  # titles/objectives from the rule library
    assert rules["constant_folding"]["severity"] == "note"
    assert data["summary"]["at_or_above_threshold"] == 1 and data["summary"]["by_severity"]["note"] == 1


def test_sarif_output(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    m = _w(tmp_path, "m.v", CONST_MULT)
    out_file = tmp_path / "out.sarif"
    assert check.run(_args([m], format="sarif", output=str(out_file))) == 1
    sarif = json.loads(out_file.read_text())
    assert sarif["version"] == "2.1.0" and "sarif" in sarif["$schema"]
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    res = run["results"][0]
    assert res["ruleId"] == "const_mult_to_shift_add" and rule_ids[res["ruleIndex"]] == res["ruleId"]
    assert res["level"] == "warning"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "m.v" and loc["region"]["startLine"] == 2
    assert loc["region"]["startColumn"] == 14


def test_bad_input_is_exit_2_material(tmp_path, capsys):
    # an unreadable or unparsable file is one diagnostic line and exit 2; the run goes on with the rest
    assert check.run(_args([tmp_path / "missing.v"])) == 2
    assert "missing.v: error: not checked: no such file" in capsys.readouterr().out
    bad = _w(tmp_path, "bad.v", "module b(input a output y); endmodule\n")
    assert check.run(_args([bad])) == 2
    assert re.search(r"bad\.v:1:\d+: error: not checked: syntax error", capsys.readouterr().out)


def test_main_exit_codes(tmp_path, capsys):
    m = _w(tmp_path, "m.v", CONST_MULT)
    assert check.main([str(m)]) == 1
    assert check.main([str(_w(tmp_path, "c.v", CLEAN))]) == 0
    assert check.main([str(tmp_path / "missing.v")]) == 2
    assert "no such file" in capsys.readouterr().out  # one line per file that was not checked


def test_check_is_fast_on_many_files(tmp_path):
    files = [_w(tmp_path, f"m{i}.v", CONST_MULT.replace("module m", f"module m{i}")) for i in range(40)]
    start = time.monotonic()
    report = check.check_files(files)
    assert len(report.findings) == 40
    assert time.monotonic() - start < 10  # no synthesis: milliseconds per file


def test_check_via_the_cli_entry_point(tmp_path):
    from rtlopt import cli

    if "check" not in cli.COMMANDS:
        pytest.skip("check not yet listed in rtlopt.cli.COMMANDS")
    assert cli.main(["check", str(_w(tmp_path, "m.v", CONST_MULT))]) == 1
    assert cli.main(["check", str(tmp_path / "nope.v")]) == 2


FSM = """module f(input clk, input rst, input x, output reg z);
  localparam A = 2'd0, B = 2'd1, C = 2'd2, D = 2'd3;
  reg [1:0] s, n;
  always @(posedge clk or posedge rst) if (rst) s <= A; else s <= n;
  always @(*) begin
    case (s)
      A: begin n = x ? B : C; z = 1'b0; end
      B: begin n = x ? D : A; z = 1'b1; end
      C: begin n = x ? D : A; z = 1'b1; end
      default: begin n = A; z = 1'b0; end
    endcase
  end
endmodule
"""


def test_fsm_with_equivalent_states_is_reported(tmp_path, capsys):
    f = _w(tmp_path, "fsm.v", FSM)
    assert check.run(_args([f], format="json")) == 1
    data = json.loads(capsys.readouterr().out)
    fsm = [x for x in data["findings"] if x["rule"] == "fsm_state_minimization"]
    assert len(fsm) == 1 and "4 reachable states minimize to 3" in fsm[0]["message"]
    assert ("B=C" in fsm[0]["message"] or "C=B" in fsm[0]["message"]) and fsm[0]["line"] == 3 and fsm[0]["severity"] == "warning"
    assert check.run(_args([f], disable="fsm_state_minimization", format="json")) in (0, 1)
    again = json.loads(capsys.readouterr().out)
    assert not [x for x in again["findings"] if x["rule"] == "fsm_state_minimization"]


PARAM_CHAIN = """module pc #(parameter HOLD = 0, parameter ACK = 0) (input [3:0] r, input v, input [3:0] g,
    output reg [3:0] n);
  always @* begin
    n = 4'd0;
    if (HOLD && !ACK && |(g & r)) n = g;
    else if (HOLD && ACK && v) n = r;
    else if (v) n = r & ~g;
  end
endmodule
"""

PLAIN_CHAIN = """module pl(input [1:0] s, input [7:0] a, input [7:0] b, input [7:0] c, output reg [7:0] y);
  always @* begin
    y = 8'd0;
    if (s == 2'd0) y = a;
    else if (s == 2'd1) y = b;
    else if (s == 2'd2) y = c;
  end
endmodule
"""


def _chain_findings(tmp_path, name, text):
    rep = check.check_files([_w(tmp_path, name, text)], only={"exclusive_chain_to_parallel"})
    return [f for f in rep.findings if f.rule == "exclusive_chain_to_parallel"]


def test_parallel_chain_whose_conditions_read_parameters_is_a_note(tmp_path):
    # exclusive only at these parameter values (configurable IP): a warning-level hook must pass
    assert all(f.severity == "note" for f in _chain_findings(tmp_path, "pc.v", PARAM_CHAIN))
    plain = _chain_findings(tmp_path, "pl.v", PLAIN_CHAIN)
    assert plain and all(f.severity == "warning" for f in plain)
