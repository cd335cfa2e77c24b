"""Front end: reading files, syntax errors with file:line, top selection."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.errors import ExitCode, InputError
from rtlopt.hdl import load_design, read_source


def write(tmp_path, name, content):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content)
    return p


def test_syntax_error_names_file_line_and_column(tmp_path):
    p = write(tmp_path, "bad.v", "// header\nmodule bad(input a output y); endmodule\n")
    with pytest.raises(InputError) as exc:
        load_design([p])
    assert exc.value.line == 2
    assert str(exc.value).startswith(f"{p}:2:19: syntax error")
    assert exc.value.exit_code == ExitCode.USAGE


@pytest.mark.parametrize("content,needle", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x7fELF\x00\x01\x02", "binary"),
])
def test_unusable_files_are_refused(tmp_path, content, needle):
    p = write(tmp_path, "x.v", content)
    with pytest.raises(InputError, match=needle):
        read_source(p)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.v")
    with pytest.raises(InputError, match="directory"):
        read_source(tmp_path)


def test_size_limit(tmp_path):
    p = write(tmp_path, "big.v", "module m; endmodule\n" + "// pad\n" * 100)
    with pytest.raises(InputError, match="over the limit"):
        read_source(p, limit=100)


def test_top_is_the_only_uninstantiated_module(tmp_path):
    p = write(tmp_path, "h.v", """
module leaf(input a, output y); assign y = ~a; endmodule
module top(input a, output y); leaf u(.a(a), .y(y)); endmodule
""")
    d = open_design(p)
    assert d.top == "top"
    assert [x.name for x in d.parsed.modules["top"].ports] == ["a", "y"]


def test_ambiguous_top_lists_candidates(tmp_path):
    p = write(tmp_path, "two.v", "module a; endmodule\nmodule b; endmodule\n")
    with pytest.raises(InputError, match="a, b.*--top"):
        open_design(p)
    assert open_design(p, "b").top == "b"
    with pytest.raises(InputError, match="'c' not found; modules here: a, b"):
        open_design(p, "c")


def test_parameters_and_clog2_widths(tmp_path):
    p = write(tmp_path, "p.v", """
module cnt #(parameter N = 10, localparam W = $clog2(N)) (input clk, output reg [W-1:0] q);
  always @(posedge clk) q <= q + 1'b1;
endmodule
""")
    d = open_design(p)
    q = d.parsed.modules["cnt"].ports[1]
    assert (q.name, q.direction, q.width) == ("q", "output", 4)


def test_open_gate_design_prefers_the_gold_top(tmp_path):
    from rtlopt.design import open_design, open_gate_design
    from rtlopt.errors import InputError
    gold = tmp_path / "gold.v"
    gate = tmp_path / "gate.v"
    gold.write_text("module fa(input a, output y); assign y = a; endmodule\n"
                    "module top(input a, output y); fa u(.a(a), .y(y)); endmodule\n")
    gate.write_text("module fa(input a, output y); assign y = a; endmodule\n"
                    "module top(input a, output y); assign y = a; endmodule\n")
    g = open_design(gold)
    assert g.top == "top"
    with pytest.raises(InputError):          # on its own the gate's top is ambiguous
        open_design(gate)
    assert open_gate_design(gate, g).top == "top"
    assert open_gate_design(gate, g, "fa").top == "fa"   # an explicit top wins
