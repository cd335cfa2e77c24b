"""Registered outputs and protected registers (rtlopt.engine.regkeep), with real Yosys.

A Gray counter whose output is the Gray register is re-encoded today (the register kept in binary, the
output one XOR layer after it): with --keep-registered-outputs the output stays a flip-flop's Q (other
logic may still change); an (* async_reg *) register is never re-encoded or removed, with or without the
option; an output that was combinational in the original may still change.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.engine import regkeep

pytestmark = pytest.mark.yosys

SKY130 = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

# Verilog: a loop decode in an always block, the Gray register is the output port itself
GRAY_V = """module gray6 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output reg  [5:0] gray
);
    reg [5:0] bin;
    integer i;
    always @* begin
        bin[5] = gray[5];
        for (i = 4; i >= 0; i = i - 1)
            bin[i] = bin[i + 1] ^ gray[i];
    end
    wire [5:0] nxt = bin + 6'd1;
    always @(posedge clk) begin
        if (rst)
            gray <= 6'd0;
        else if (en)
            gray <= nxt ^ (nxt >> 1);
    end
endmodule
"""

# the same counter re-encoded by hand: binary register, the output one XOR layer after it
GRAY_REENC_V = """module gray6 (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    output wire [5:0] gray
);
    reg [5:0] s;
    always @(posedge clk) begin
        if (rst)
            s <= 6'd0;
        else if (en)
            s <= s + 6'd1;
    end
    assign gray = s ^ (s >> 1);
endmodule
"""

# SystemVerilog: a function decode, the register behind an assign and a child buffer instance,
# marked async_reg (a Gray pointer sampled by another clock domain)
GRAY_ASYNC_SV = """module pass6 (input logic [5:0] a, output logic [5:0] y);
    assign y = a;
endmodule
module gray_async (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    output logic [5:0] wptr_gray
);
    (* ASYNC_REG = "TRUE" *) logic [5:0] g_q;
    function automatic logic [5:0] g2b(input logic [5:0] g);
        for (int i = 0; i < 6; i++) g2b[i] = ^(g >> i);
    endfunction
    logic [5:0] b_next;
    assign b_next = g2b(g_q) + 6'd1;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) g_q <= '0;
        else if (en) g_q <= b_next ^ (b_next >> 1);
    pass6 u_out (.a(g_q), .y(wptr_gray));
endmodule
"""

# the async_reg register kept, same name, but holding the complement (the output inverted after it)
GRAY_ASYNC_INV_SV = GRAY_ASYNC_SV.replace("g2b(g_q)", "g2b(~g_q)").replace(
    "if (!rst_n) g_q <= '0;", "if (!rst_n) g_q <= '1;").replace(
    "g_q <= b_next ^ (b_next >> 1);", "g_q <= ~(b_next ^ (b_next >> 1));").replace(".a(g_q)", ".a(~g_q)")

# near miss: the output is combinational in the original (a flag decoded from the register)
FLAG_V = """module flagcnt (
    input  wire       clk,
    input  wire       rst,
    output wire       at7,
    output reg  [2:0] c
);
    always @(posedge clk) c <= rst ? 3'd0 : c + 3'd1;
    assign at7 = (c == 3'd7);
endmodule
"""
FLAG_REG_V = FLAG_V.replace("assign at7 = (c == 3'd7);", "assign at7 = &c;")


def _files(tmp_path: Path, name: str, text: str) -> list[Path]:
    d = tmp_path / name
    d.mkdir(exist_ok=True)
    f = d / ("d.sv" if "logic" in text else "d.v")
    f.write_text(text)
    return [f]


def _guard(tmp_path, orig: str, top: str, keep: bool) -> regkeep.Guard:
    files = _files(tmp_path, "orig", orig)
    return regkeep.Guard(files, top, {files[0]: orig}, keep)


def _check(g: regkeep.Guard, tmp_path, name: str, text: str) -> str | None:
    files = _files(tmp_path, name, text)
    try:
        g.check(files, {files[0]: text}, name)
    except regkeep.RegisteredOutputRejected as exc:
        return str(exc)
    return None


def test_facts_see_registers_through_assigns_and_instances(tmp_path):
    f = regkeep.facts(_files(tmp_path, "a", GRAY_ASYNC_SV), "gray_async")
    assert f.outputs["wptr_gray"] == [True] * 6  # through an assign and a child's port
    assert f.protected == {"g_q": [True] * 6}
    f = regkeep.facts(_files(tmp_path, "b", GRAY_REENC_V), "gray6")
    assert f.outputs["gray"][:5] == [False] * 5  # XORs of register bits
    f = regkeep.facts(_files(tmp_path, "c", FLAG_V), "flagcnt")
    assert f.outputs["at7"] == [False] and f.outputs["c"] == [True] * 3 and not f.protected
    # the attribute on the output port (Verilog), and a false value is no mark
    f = regkeep.facts(_files(tmp_path, "d", GRAY_V.replace("output reg  [5:0] gray", "(* keep *) output reg  [5:0] gray")),
                      "gray6")
    assert f.protected == {"gray": [True] * 6}
    f = regkeep.facts(_files(tmp_path, "e", GRAY_ASYNC_SV.replace('ASYNC_REG = "TRUE"', 'ASYNC_REG = "FALSE"')),
                      "gray_async")
    assert not f.protected


def test_option_rejects_a_registered_output_turned_into_logic(tmp_path):
    g = _guard(tmp_path, GRAY_V, "gray6", keep=True)
    assert g.active
    why = _check(g, tmp_path, "reenc", GRAY_REENC_V)
    assert why and "gray[0]" in why
    assert g.rejected == 1 and g.summary()["rejected"] == 1
    # off (the default): the same candidate passes, and no Yosys run is spent (no attribute in the text)
    off = _guard(tmp_path, GRAY_V, "gray6", keep=False)
    assert not off.active and _check(off, tmp_path, "reenc2", GRAY_REENC_V) is None


def test_near_miss_combinational_output_may_change(tmp_path):
    g = _guard(tmp_path, FLAG_V, "flagcnt", keep=True)
    assert _check(g, tmp_path, "flag", FLAG_REG_V) is None
    # but the registered count may not become logic
    assert _check(g, tmp_path, "cnt", FLAG_V.replace("output reg  [2:0] c", "output wire [2:0] c")
                  .replace("always @(posedge clk) c <= rst ? 3'd0 : c + 3'd1;",
                           "reg [2:0] k; always @(posedge clk) k <= rst ? 3'd7 : k - 3'd1; assign c = ~k;"))


def test_async_reg_is_honoured_without_the_option(tmp_path):
    g = _guard(tmp_path, GRAY_ASYNC_SV, "gray_async", keep=False)
    assert g.active
    reenc = GRAY_ASYNC_SV.replace('(* ASYNC_REG = "TRUE" *) logic [5:0] g_q;', "logic [5:0] s_q; logic [5:0] g_q;") \
        .replace("g2b(g_q) + 6'd1", "s_q + 6'd1").replace("if (!rst_n) g_q <= '0;", "if (!rst_n) s_q <= '0;") \
        .replace("else if (en) g_q <= b_next ^ (b_next >> 1);", "else if (en) s_q <= b_next;") \
        .replace("pass6 u_out", "assign g_q = s_q ^ (s_q >> 1);\n    pass6 u_out")
    why = _check(g, tmp_path, "reenc", reenc)
    assert why and "g_q" in why and "no longer a register" in why
    # kept as a register of the same name, with the attribute, but holding other values: caught by
    # simulation from reset
    why = _check(g, tmp_path, "inv", GRAY_ASYNC_INV_SV)
    assert why and "other values" in why
    # a candidate that leaves the register alone passes (a restyled decode)
    same = GRAY_ASYNC_SV.replace("for (int i = 0; i < 6; i++) g2b[i] = ^(g >> i);",
                                 "g2b[5] = g[5]; for (int i = 4; i >= 0; i--) g2b[i] = g2b[i + 1] ^ g[i];")
    assert _check(g, tmp_path, "same", same) is None


def _optimize(f: Path, top: str, *extra: str, tmp_path: Path):
    out = tmp_path / ("out" + f.suffix)
    lib = ["--liberty", str(SKY130)] if SKY130.is_file() else []
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(f), "--top", top, "--budget", "90",
                        "--json", "-o", str(out), *lib, *extra], capture_output=True, text=True, timeout=900,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout), out


@pytest.mark.slow
def test_optimize_gray_counter_with_and_without_the_option(tmp_path):
    f = _files(tmp_path, "g", GRAY_V)[0]
    d, out = _optimize(f, "gray6", tmp_path=tmp_path)
    rules = [r for s in d["rules_applied"] for r in s["rules"]]
    assert "register_reencoding" in rules, d["rules_applied"]
    assert d["rejected_registered_outputs"] == 0
    assert regkeep.facts([out], "gray6").outputs["gray"] != [True] * 6  # logic after the register now
    d, out = _optimize(f, "gray6", "--keep-registered-outputs", tmp_path=tmp_path)
    rules = [r for s in d["rules_applied"] for r in s["rules"]]
    assert "register_reencoding" not in rules
    assert d["rejected_registered_outputs"] >= 1 and d["registered_outputs"]["enabled"]
    final = out if out.exists() else f
    assert regkeep.facts([final], "gray6").outputs["gray"] == [True] * 6


@pytest.mark.slow
def test_optimize_config_file_and_async_reg(tmp_path):
    # keep_registered_outputs from [tool.rtlopt] (the run's working directory holds the pyproject)
    (tmp_path / "pyproject.toml").write_text("[tool.rtlopt]\nkeep_registered_outputs = true\n")
    f = _files(tmp_path, "g", GRAY_V)[0]
    d, out = _optimize(f, "gray6", tmp_path=tmp_path)
    assert d["registered_outputs"]["enabled"] and d["rejected_registered_outputs"] >= 1
    assert regkeep.facts([out if out.exists() else f], "gray6").outputs["gray"] == [True] * 6
    (tmp_path / "pyproject.toml").unlink()
    a = _files(tmp_path, "a", GRAY_ASYNC_SV)[0]
    d, out = _optimize(a, "gray_async", tmp_path=tmp_path)
    assert d["rejected_registered_outputs"] >= 1 and d["registered_outputs"]["protected_registers"] == ["g_q"]
    final = regkeep.facts([out if out.exists() else a], "gray_async")
    assert final.protected == {"g_q": [True] * 6} and final.outputs["wptr_gray"] == [True] * 6


def test_setting_from_config_env_and_flag(tmp_path):
    from rtlopt.config import load_settings
    from rtlopt.errors import InputError

    assert load_settings(cwd=tmp_path, env={}).keep_registered_outputs is False
    (tmp_path / "pyproject.toml").write_text("[tool.rtlopt]\nkeep_registered_outputs = true\n")
    s = load_settings(cwd=tmp_path, env={})
    assert s.keep_registered_outputs is True and s.origin["keep_registered_outputs"].endswith("pyproject.toml")
    assert load_settings(cwd=tmp_path, env={"RTLOPT_KEEP_REGISTERED_OUTPUTS": "0"}).keep_registered_outputs is False
    (tmp_path / "pyproject.toml").write_text("[tool.rtlopt]\nkeep_registered_outputs = 3\n")
    with pytest.raises(InputError):
        load_settings(cwd=tmp_path, env={})


CDC_V = """module cdc (
    input  wire       wclk, rclk, wrst, rrst, en,
    output wire [3:0] rptr_sync
);
    reg [3:0] wbin, wgray;
    always @(posedge wclk)
        if (wrst) begin wbin <= 0; wgray <= 0; end
        else if (en) begin wbin <= wbin + 1; wgray <= (wbin + 1) ^ ((wbin + 1) >> 1); end
    (* ASYNC_REG = "TRUE" *) reg [3:0] s1, s2;
    always @(posedge rclk)
        if (rrst) begin s1 <= 0; s2 <= 0; end
        else begin s1 <= wgray; s2 <= s1; end
    assign rptr_sync = s2;
endmodule
"""


def test_two_clock_synchronizer_stays_registers(tmp_path):
    # the synchronizer's last stage (ASYNC_REG) kept in binary, the Gray code decoded after it: rejected
    # by structure (s2 is logic now); a change elsewhere passes. (Values of registers fed from another
    # clock's domain are free in the one-clock simulator: there only the structure is checked.)
    g = _guard(tmp_path, CDC_V, "cdc", keep=False)
    assert g.summary()["protected_registers"] == ["s1", "s2"]
    renamed = CDC_V.replace("reg [3:0] s1, s2;", "reg [3:0] s1, t2; wire [3:0] s2 = t2 ^ (t2 >> 1);") \
        .replace("begin s1 <= 0; s2 <= 0; end", "begin s1 <= 0; t2 <= 0; end") \
        .replace("s2 <= s1; end", "t2 <= s1 ^ (s1 >> 1) ^ (s1 >> 2) ^ (s1 >> 3); end")
    why = _check(g, tmp_path, "renamed", renamed)
    assert why and "no longer a register" in why
    assert _check(g, tmp_path, "same", CDC_V.replace("wbin <= wbin + 1;", "wbin <= 4'd1 + wbin;")) is None
