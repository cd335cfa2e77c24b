"""Soundness edges of verify: tri-state / 'z', illegal selects, meaning-changing warnings, traces."""

from __future__ import annotations

import pytest

from rtlopt.cli import main
from rtlopt.design import open_design
from rtlopt.errors import InputError
from rtlopt.verify import VerifyOptions, check_equivalence
from rtlopt.verify._types import Verdict

pytestmark = pytest.mark.yosys

TRI = """module t(input oe, input [3:0] d, output [3:0] y);
assign y = oe ? d : {fill};
endmodule
"""


def _w(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize("fill", ["4'bz", "4'bzzzz", "'z"])
def test_tristate_is_never_equivalent(tmp_path, fill):
    a = _w(tmp_path, "a.v", TRI.format(fill="4'b0"))
    b = _w(tmp_path, "b.v", TRI.format(fill=fill))
    for g, h in ((a, b), (b, a)):
        res = check_equivalence(open_design(g), open_design(h), VerifyOptions(timeout_s=60))
        assert res.verdict == Verdict.UNKNOWN, res.format_text()
        assert "'z'" in res.reason and "tri-state" in res.reason


def test_inout_in_gate_is_unknown(tmp_path):
    text = """module t(input oe, input [3:0] d, inout [3:0] p, output [3:0] y);
assign p = oe ? d : 4'bz;
assign y = p;
endmodule
"""
    a = _w(tmp_path, "a.v", text)
    res = check_equivalence(open_design(a), open_design(a), VerifyOptions(timeout_s=60))
    assert res.verdict == Verdict.UNKNOWN and "inout" in res.reason


def test_casez_wildcards_are_not_tristate(tmp_path):
    text = """module t(input [3:0] d, output reg [1:0] y);
always @* casez (d) 4'b1zz?: y = 2'd3; 4'b01??: y = 2'd2; default: y = 2'd0; endcase
endmodule
"""
    a = _w(tmp_path, "a.v", text)
    res = check_equivalence(open_design(a), open_design(a), VerifyOptions(timeout_s=60))
    assert res.verdict == Verdict.EQUIVALENT, res.format_text()


def test_chained_select_is_bad_input(tmp_path, capsys):
    bad = _w(tmp_path, "c.v", "module t(input [15:0] x, output [3:0] y);\nassign y = x[15:8][3:0];\nendmodule\n")
    good = _w(tmp_path, "d.v", "module t(input [15:0] x, output [3:0] y);\nassign y = x[3:0];\nendmodule\n")
    with pytest.raises(InputError) as ei:
        open_design(bad)
    assert ei.value.line == 2 and ei.value.column and "cannot chain select" in ei.value.message
    assert main(["verify", str(bad), str(good)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{bad}:2:" in err[0] and "Traceback" not in err[0]


def test_reversed_part_select_warns(tmp_path, capsys):
    f = _w(tmp_path, "e.v", "module t(input [15:0] x, output [1:0] y, output [3:0] z);\n"
                            "assign y = x[3:4];\nassign z = 8'hff;\nendmodule\n")
    assert main(["verify", str(f), str(f)]) == 0
    err = capsys.readouterr().err
    assert f"{f}:2:" in err and "reversed" in err
    assert f"{f}:3:" in err and "changes value" in err


def test_not_equivalent_from_abc_carries_a_trace(tmp_path):
    gold = _w(tmp_path, "s1.v", """module s(input clk, input rst, input [3:0] d, output reg [7:0] q);
always @(posedge clk) if (rst) q <= 0; else q <= q + d;
endmodule
""")
    gate = _w(tmp_path, "s2.v", """module s(input clk, input rst, input [3:0] d, output reg [7:0] q);
always @(posedge clk) if (rst) q <= 0; else q <= q + d + (q == 8'd200);
endmodule
""")
    res = check_equivalence(open_design(gold), open_design(gate),
                            VerifyOptions(timeout_s=120, engines=("abc",)))
    assert res.verdict == Verdict.NOT_EQUIVALENT
    assert res.engine == "abc"
    assert res.counterexample is not None, res.format_text()
    last = res.counterexample.cycles[res.counterexample.diff_cycle]
    assert last["gold"]["q"] != last["gate"]["q"]
