"""memory_constant_bits_removal: arrays whose words have constant bits in every write store only the
live bits (rtlopt/templates/_membits.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import BENCH

from rtlopt.design import open_design
from rtlopt.rules import load_rules
from rtlopt.templates import REGISTRY, analyze

T = REGISTRY["memory_constant_bits_removal"]
RAW = BENCH / "short_benchmark/memory/memory_compression/memory_compression_raw.v"

HEAD = ("// header comment kept\n"
        "module t(input clk, rst, input [7:0] d, input [1:0] wa, ra, input we, output reg [7:0] q);\n"
        "  reg [7:0] m [0:3]; // the storage\n")


def body(write: str, read: str = "q <= m[ra];", head: str = HEAD, extra: str = "") -> str:
    return (f"{head}{extra}  always @(posedge clk) if (we) {write}\n"
            f"  always @(posedge clk) {read}\nendmodule\n")


def rewrite(text: str) -> str | None:
    assert analyze(text).errors == 0, "test input must be valid"
    ms = T.match(text)
    if not ms:
        return None
    new = T.rewrite(text, ms)
    assert new is not None
    assert analyze(new).errors == 0, new
    return new


def test_rule_example_is_reproduced():
    ex = load_rules().get("memory_constant_bits_removal").examples[0]
    new = rewrite(ex.before)
    assert new == ex.after


@pytest.mark.skipif(not RAW.exists(), reason="RTL-Rewriter-Bench not available")
def test_constant_low_bits_through_a_wire_and_reset_loop():
    text = RAW.read_text()
    new = rewrite(text)
    assert "reg [7:0] uncompressed_memory[MW-1:0];" in new
    assert "uncompressed_memory[i] <= 8'h0;" in new
    assert "uncompressed_memory[write_address] <= uncompressed_data[15:8];" in new
    assert "read_data <= {uncompressed_memory[read_address], 8'h0};" in new
    # everything else byte-for-byte (comments included)
    assert new.count("//") == text.count("//")
    assert "assign uncompressed_data = {write_data[BW-1:COMPRESS_BW], 8'b00000000};" in new


def test_constant_high_bits_keep_read_width():
    new = rewrite(body("m[wa] <= {4'b0000, d[3:0]};", "q <= m[ra] + 8'd1;"))
    assert "reg [3:0] m [0:3]; // the storage" in new
    assert "m[wa] <= d[3:0];" in new
    assert "q <= {4'b0000, m[ra]} + 8'd1;" in new
    assert new.startswith("// header comment kept\n")


def test_nonzero_constants_shift_and_mask():
    new = rewrite(body("m[wa] <= d << 4;"))
    assert "reg [3:0] m" in new and "m[wa] <= d[3:0];" in new and "q <= {m[ra], 4'b0000};" in new
    new = rewrite(body("m[wa] <= (d & 8'hF0) | 8'h01;"))
    assert "m[wa] <= d[7:4];" in new and "q <= {m[ra], 4'b0001};" in new


def test_reset_loop_with_constant():
    extra = "  integer i;\n  always @(posedge clk) if (rst) for (i = 0; i < 4; i = i + 1) m[i] <= 8'h80;\n"
    text = (HEAD + extra.replace("if (rst)", "if (rst)")
            + "  always @(posedge clk) if (!rst && we) m[wa] <= {2'b10, d[5:0]};\n"
            "  always @(posedge clk) q <= m[ra];\nendmodule\n")
    new = rewrite(text)
    assert "reg [5:0] m" in new and "m[i] <= 6'h0;" in new and "m[wa] <= d[5:0];" in new
    assert "q <= {2'b10, m[ra]};" in new
    # a reset value that disagrees with the writes' constant keeps the word
    assert rewrite(text.replace("8'h80", "8'h00")) is None


@pytest.mark.parametrize(("name", "text"), [
    ("low bits vary", body("m[wa] <= {d[7:4], 4'b0};\n  always @(posedge clk) if (!we) m[wa] <= d;")),
    ("part-select read", body("m[wa] <= {d[7:4], 4'b0};", "q <= m[ra][7:4];")),
    ("bit write", body("begin m[wa] <= {d[7:4], 4'b0}; m[ra][0] <= 1'b1; end")),
    ("$readmemh", body("m[wa] <= {d[7:4], 4'b0};", extra='  initial $readmemh("x.hex", m);\n')),
    ("initial write", body("m[wa] <= {d[7:4], 4'b0};", extra="  initial m[0] = 8'h00;\n")),
    ("signed array", body("m[wa] <= {d[7:4], 4'b0};", head=HEAD.replace("reg [7:0] m", "reg signed [7:0] m"))),
    ("no constant bits", body("m[wa] <= d;")),
    ("all bits constant", body("m[wa] <= 8'h5a;")),
    ("two-dimensional", body("m[wa][0] <= {d[7:4], 4'b0};", "q <= m[ra][1];",
                             head=HEAD.replace("m [0:3]", "m [0:3][0:1]"))),
])
def test_negative(name, text):
    assert analyze(text).errors == 0, name
    assert T.match(text) == [], name


@pytest.mark.yosys
@pytest.mark.skipif(not RAW.exists(), reason="RTL-Rewriter-Bench not available")
def test_benchmark_rewrite_is_proven(tmp_path: Path):
    """The memory_compression rewrite is proven with every register starting at 0 (about 1 s)."""
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence

    new = rewrite(RAW.read_text())
    (tmp_path / "gate").mkdir()
    gate = tmp_path / "gate" / RAW.name
    gate.write_text(new)
    t0 = time.monotonic()
    res = check_equivalence(open_design(RAW), open_design(gate), VerifyOptions(timeout_s=60, init="zero"))
    assert res.verdict == Verdict.EQUIVALENT, (res.verdict, res.reason)
    assert time.monotonic() - t0 < 30
    # and a wrong restoration (constant ones instead of zeros) is caught
    gate.write_text(new.replace("{uncompressed_memory[read_address], 8'h0}",
                                "{uncompressed_memory[read_address], 8'h1}"))
    res = check_equivalence(open_design(RAW), open_design(gate), VerifyOptions(timeout_s=60, init="zero"))
    assert res.verdict == Verdict.NOT_EQUIVALENT, (res.verdict, res.reason)


SHIFT_REG = ("module t(input clk, input [7:0] d, input [1:0] ra, output reg [7:0] q);\n"
             "  reg [7:0] m [0:3];\n  integer i;\n  always @(posedge clk) begin\n"
             "    m[0] <= {d[7:2], 2'b01};\n    for (i = 0; i < 3; i = i + 1) m[i + 1] <= m[i];\n  end\n"
             "  always @(posedge clk) q <= m[ra];\nendmodule\n")


def test_copies_between_words_keep_the_constant():
    new = rewrite(SHIFT_REG)
    assert "reg [5:0] m [0:3];" in new and "m[0] <= d[7:2];" in new
    assert "m[i + 1] <= m[i];" in new  # a copy of a narrowed word stays a plain copy
    assert "q <= {m[ra], 2'b01};" in new


def test_modified_copy_does_not_match():
    assert T.match(SHIFT_REG.replace("<= m[i];", "<= m[i] + 8'd1;")) == []
    assert T.match(SHIFT_REG.replace("m[0] <= {d[7:2], 2'b01};", "m[0] <= m[3];")) == []
