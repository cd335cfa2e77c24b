"""Real-code usage bugs found running rtlopt on open-source RTL the way a user does (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.cli import main

pytestmark = [pytest.mark.yosys, pytest.mark.sta]


def test_output_with_library_dir_is_one_input(tmp_path: Path, capsys):
    """`optimize top.v -y rtl/ -o out.v` (verilog-axis arbiter.v needs priority_encoder.v from rtl/):
    the -y library file is read, never written, so -o names exactly one input; it used to exit 2
    ("-o needs exactly one input file")."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "inc8.v").write_text("module inc8(input [7:0] a, output [7:0] y);\n  assign y = a + 8'd1;\nendmodule\n")
    top = tmp_path / "top.v"
    src = ("// top: a constant product and a library child\n"
           "module top(input [7:0] x, output [11:0] p, output [7:0] q);\n"
           "  assign p = x * 9;\n"
           "  inc8 u_inc (.a(x), .y(q));\n"
           "endmodule\n")
    top.write_text(src)
    out = tmp_path / "out.v"
    rc = main(["optimize", str(top), "-y", str(lib), "-o", str(out), "-q", "--budget", "40"])
    err = capsys.readouterr().err
    assert rc == 0, err
    assert "needs exactly one input" not in err
    new = out.read_text()
    assert new.startswith("// top: a constant product") and "x * 9" not in new and "inc8 u_inc" in new
    assert "module inc8" not in new  # the library module is not copied into the output
    assert top.read_text() == src and "a + 8'd1" in (lib / "inc8.v").read_text()
    # two named files with -o stay an error
    other = tmp_path / "other.v"
    other.write_text("module other(input a, output y); assign y = a; endmodule\n")
    assert main(["optimize", str(top), str(other), "--top", "top", "-o", str(out), "-q"]) == 2
    assert "needs exactly one input" in capsys.readouterr().err


def test_check_real_idioms_no_matcher_failure(tmp_path: Path, capsys):
    """serv's idiom `if (W > 1) assign t[B:1] = {B{1'b0}};` with W = 1 (B = 0): slang's assignment is an
    InvalidExpression; three matchers failed on it ('InvalidExpression' object has no attribute
    'left') and were skipped for the whole file (serv_alu.v, serv_bufreg.v, serv_ctrl.v)."""
    f = tmp_path / "lane.v"
    f.write_text("""module lane #(parameter W = 1, parameter B = W - 1) (
    input  wire [B:0] a,
    input  wire [B:0] b,
    input  wire       s,
    input  wire       first,
    output wire [B:0] y
);
    wire [B:0] t;
    assign t[0] = a[0] & first;
    generate
        if (W > 1) begin : g_wide
            assign t[B:1] = {B{1'b0}};
        end
    endgenerate
    wire [B:0] sum = a + b;
    wire [B:0] dif = a - b;
    assign y = s ? sum ^ t : dif;
endmodule
""")
    # serv_rf_ram_if.v: a register declared [CMSB:0] with localparam CMSB = 4 - $clog2(W): the width
    # rule called CallExpression.getSubroutineName(), which pyslang 12.1 does not have
    g = tmp_path / "beat.v"
    g.write_text("""module beat #(parameter W = 2) (input wire clk, input wire rst, input wire go, output wire last);
    localparam CMSB = 4 - $clog2(W);
    reg [CMSB:0] cnt;
    assign last = cnt == 3'd5;
    always @(posedge clk)
        if (rst) cnt <= 0;
        else if (go && cnt != 3'd5) cnt <= cnt + 1'b1;
endmodule
""")
    # picosoc spiflash_tb.v / icebreaker_tb.v: 'module testbench;' has no port list (the mux-instance
    # rule read header.ports.kind of None)
    tb = tmp_path / "tb.v"
    tb.write_text("module tb;\n  reg s, a, b;\n  wire y;\n  initial begin s = 0; a = 1; b = 0; end\nendmodule\n")
    main(["check", str(f), str(g), str(tb)])
    out = capsys.readouterr()
    assert "matcher failed" not in out.out + out.err
    assert "Traceback" not in out.out + out.err
    assert "beat.v:3:5: warning: cnt 4 -> 3 bits" in out.out


def test_design_parameter_check_names_the_designers_message(tmp_path: Path, capsys):
    """verilog-axis axis_fifo.v with -G FRAME_FIFO=1 -G LAST_ENABLE=0: its own `initial` check fires;
    Verilog-mode Yosys said only "Can't resolve task name `$error'"."""
    f = tmp_path / "cfg.v"
    f.write_text("""module cfg #(parameter A = 0, parameter B = 1) (input wire [3:0] x, output wire [3:0] y);
initial begin
    if (A && !B) begin
        $error("Error: A set requires B set (instance %m)");
        $finish;
    end
end
assign y = x + 1;
endmodule
""")
    rc = main(["ppa", str(f), "-G", "A=1", "-G", "B=0"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "cfg.v:" in err and "the design's own parameter check fails" in err
    assert '"Error: A set requires B set (instance %m)"' in err and "Traceback" not in err
