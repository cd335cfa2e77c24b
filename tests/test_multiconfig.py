"""Children with several parameter configurations, and rewrites that need no pin (issue 11).

* module by module (``--hierarchical``), a child instantiated with different parameter values is
  optimized at all of them in one search (a wrapper with one instance per configuration;
  rtlopt.engine.multiconfig), its area the instance-weighted mean, the composed design proven;
* a rewrite whose logic reads no parameter (rtlopt.engine.parampin.param_independent) is emitted
  without the generate-if pin; one that reads a parameter, or reaches a pinned change, keeps it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rtlopt.engine.parampin import ORIG_LABEL, PIN_LABEL, param_independent, pin_text

LIB = Path(__file__).resolve().parents[2] / "shared" / "lib" / "sky130hd_tt.lib.gz"

MOD = """module m #(parameter W = 8, parameter LIM = 5) (input clk, input rst, input [W-1:0] d, input v_in,
  input a, input b, output reg [W-1:0] q, output v_out, output y);
  localparam K = 3;
  localparam WW = W + 1;
  reg v1, v2;
  reg [7:0] cnt;
  always @(posedge clk) q <= d;
  always @(posedge clk) begin v1 <= v_in; v2 <= v_in; end
  assign v_out = v1 & v2;
  assign y = (a & b) | (a & ~b);
  always @(posedge clk) if (rst || cnt == LIM) cnt <= 0; else cnt <= cnt + 1;
endmodule
"""
CFG = {"m": {(("W", "8"), ("LIM", "5")), (("W", "4"), ("LIM", "5"))}}


def test_parameter_independence_follows_what_the_rewrite_touches():
    y = MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = a;")
    assert param_independent(MOD, y)
    # a register pair that reads the clock as the W-wide register does: the clock links nothing
    v = MOD.replace("begin v1 <= v_in; v2 <= v_in; end\n  assign v_out = v1 & v2;",
                    "begin v1 <= v_in; end\n  assign v_out = v1;")
    assert param_independent(MOD, v)
    # a literal localparam is a constant; one computed from a parameter is a parameter
    assert param_independent(MOD, MOD.replace("| (a & ~b);", "| (a & ~b) | (K == 4);"))
    assert not param_independent(MOD, MOD.replace("| (a & ~b);", "| (a & ~b) | (WW == 4);"))
    # W-wide data; a value (cnt) whose driver compares with LIM; a header change
    assert not param_independent(MOD, MOD.replace("q <= d;", "q <= d | 0;"))
    assert not param_independent(MOD, MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = a | cnt[7];"))
    assert not param_independent(MOD, MOD.replace("output y);", "output y, output z);"))
    # what reads the changed value: a reader whose logic depends on W makes the rewrite depend on it
    rd = MOD.replace("output y);", "output y, output [W-1:0] r);") + ""
    rd = rd.replace("endmodule", "  assign r = {W{y}};\nendmodule")
    assert not param_independent(rd, rd.replace("assign y = (a & b) | (a & ~b);", "assign y = a;"))
    # a memory loaded from a file the parameter names: what reads it depends on the parameter
    rom = ('module r #(parameter F = "x.hex") (input clk, input [3:0] a, output reg [7:0] y, output reg [7:0] z);\n'
           "  reg [7:0] mem [0:15];\n  initial $readmemh(F, mem);\n  always @(posedge clk) y <= mem[a] & 8'hff;\n"
           "  always @(posedge clk) z <= {4'd0, a} ^ 8'd0;\nendmodule\n")
    assert not param_independent(rom, rom.replace("mem[a] & 8'hff", "mem[a]"))
    assert param_independent(rom, rom.replace(" ^ 8'd0", ""))
    # a localparam sized from a signal, a typedef sized by a parameter: parameters
    bits = ("module r #(parameter W = 8) (input clk, input [W-1:0] d, input a, output y);\n"
            "  localparam B = $bits(d);\n  assign y = a & (B > 4) & 1'b1;\nendmodule\n")
    assert not param_independent(bits, bits.replace(" & 1'b1", ""))
    td = ("module t #(parameter W = 8) (input clk, input a, output y);\n  typedef logic [W-1:0] word_t;\n"
          "  word_t x;\n  always_ff @(posedge clk) x <= {W{a}};\n  assign y = x[0] & 1'b1;\nendmodule\n")
    assert not param_independent(td, td.replace(" & 1'b1", ""))
    # macros, hierarchical references: never
    hier = MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = (a & b) | (a & ~b) | u.x;")
    assert not param_independent(hier, hier.replace("(a & b) | (a & ~b)", "a"))


def test_only_the_groups_that_read_parameters_are_pinned():
    both = MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = a;").replace("q <= d;", "q <= d | 0;")
    out = pin_text(MOD, both, CFG)
    assert out.count(f"begin : {PIN_LABEL}m") == 1 and "rtlopt_params_m_2" not in out
    assert "if ((W == 4 && LIM == 5) || (W == 8 && LIM == 5))" in out
    new, old = out.split(f"end else begin : {ORIG_LABEL}m")
    assert "q <= d | 0;" in new.split(f"begin : {PIN_LABEL}m")[1] and "q <= d;" in old.split("end")[0]
    # the independent group goes in as it is, once, outside every pin
    assert out.count("assign y = a;") == 1 and "(a & ~b)" not in out
    # alone: no pin at all; a module never elaborated in the proof: refused, as before
    y = MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = a;")
    assert pin_text(MOD, y, CFG) == y
    assert pin_text(MOD, y, {}) is None


TWO = """module lane #(parameter W = 8) (
    input  wire         clk,
    input  wire         rst,
    input  wire [W-1:0] din,
    input  wire         vin,
    output reg  [W-1:0] dout = {W{1'b0}},
    output wire         vout,
    output wire         busy
);
    reg [2:0] beat = 3'd0;
    reg       first_q = 1'b1;
    reg       v_busy_q = 1'b0;
    always @(posedge clk) begin
        if (rst) begin
            beat     <= 3'd0;
            first_q  <= 1'b1;
            v_busy_q <= 1'b0;
        end else begin
            v_busy_q <= vin;
            if (vin) begin
                beat    <= beat + 3'd1;
                first_q <= (beat == 3'd7);
            end
        end
    end
    always @(posedge clk)
        if (vin) dout <= din;
    assign vout = first_q;
    assign busy = v_busy_q;
endmodule

module two_lanes (
    input  wire        clk,
    input  wire        rst,
    input  wire [3:0]  a,
    input  wire        va,
    input  wire [15:0] b,
    input  wire        vb,
    output wire [3:0]  qa,
    output wire [15:0] qb,
    output wire        oa,
    output wire        ob,
    output wire        any_busy
);
    wire ba, bb;
    lane #(.W(4))  u_a (.clk(clk), .rst(rst), .din(a), .vin(va), .dout(qa), .vout(oa), .busy(ba));
    lane #(.W(16)) u_b (.clk(clk), .rst(rst), .din(b), .vin(vb), .dout(qb), .vout(ob), .busy(bb));
    lane #(.W(4))  u_c (.clk(clk), .rst(rst), .din(a), .vin(vb), .dout(), .vout(), .busy());
    assign any_busy = ba | bb;
endmodule
"""


def test_pins_of_two_configurations_get_their_own_labels():
    two = MOD.replace("assign y = (a & b) | (a & ~b);", "assign y = a | (K == 7);")
    a = pin_text(MOD, MOD.replace("q <= d;", "q <= d | 0;"), {"m": {(("W", "4"), ("LIM", "5"))}})
    b = pin_text(a, a.replace("always @(posedge clk) if (rst || cnt == LIM)", "always @(posedge clk) if (cnt == LIM || rst)"),
                 {"m": {(("W", "8"), ("LIM", "5"))}})
    assert b.count(f"begin : {PIN_LABEL}m\n") == 1 and b.count(f"begin : {PIN_LABEL}m_2\n") == 1
    assert b.count(f"begin : {ORIG_LABEL}m_2\n") == 1 and "if (W == 8 && LIM == 5)" in b
    assert pin_text(MOD, two, CFG) == two  # (K is a literal localparam: no pin)


def test_configurations_and_their_wrapper(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.hierarchy import _instance_params
    from rtlopt.engine.multiconfig import configurations, wrapper_text

    src = tmp_path / "lanes.v"
    src.write_text(TWO)
    d = open_design([src], "two_lanes")
    assert _instance_params(d, {"lane"}) == {}  # no single configuration
    cfgs = configurations(d, {"lane"})["lane"]
    assert sorted((p, k) for p, _q, k in cfgs) == [((("W", "16"),), 1), ((("W", "4"),), 2)]
    w = wrapper_text("lane", cfgs)
    # inputs of one name and width shared, the rest per instance; every output per instance
    assert "input wire [0:0] clk" in w and "c0_din" in w and "c1_din" in w and w.count("output wire") == 6
    assert "lane #(.W(4)) c0" in w and "lane #(.W(16)) c1" in w
    # one configuration only: not a multi-configuration child
    one = open_design([_write(tmp_path / "one.v", TWO.replace(".W(16)", ".W(4)").replace("[15:0]", "[3:0]"))],
                      "two_lanes")
    assert configurations(one, {"lane"}) == {}


def _write(p: Path, text: str) -> Path:
    p.write_text(text)
    return p


@pytest.mark.yosys
@pytest.mark.skipif(not LIB.exists(), reason="shared liberty not available")
def test_hierarchical_optimizes_a_child_at_every_configuration(tmp_path):
    src = _write(tmp_path / "lanes.v", TWO)
    out = tmp_path / "out.v"
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(src), "--top", "two_lanes", "--liberty",
                        str(LIB), "--budget", "150", "--hierarchical", "--json", "-o", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    data = json.loads(r.stdout)
    row = {m["module"]: m for m in data["modules"]}["lane"]
    assert "2 configurations" in row["note"] and "mean over its configurations" in row["measured"]
    assert row["status"] == "improved" and row["area_after"] < row["area_before"]
    assert data["composed_proof"]["verdict"] == "EQUIVALENT"
    text = out.read_text()
    # first_q is (beat == 0) at every W: the rewrite reads no parameter and is not pinned
    assert "first_q <= (beat == 3'd7);" not in text and "always @* first_q = (beat == 3'd0);" in text
    assert text.count("module two_lanes") == 1 and text[text.index("module two_lanes"):] == \
        TWO[TWO.index("module two_lanes"):]


RAM = """module ram_fifo #(parameter DEPTH = 8192, parameter W = 8) (
    input  wire                     clk,
    input  wire                     we,
    input  wire [$clog2(DEPTH)-1:0] wa,
    input  wire [$clog2(DEPTH)-1:0] ra,
    input  wire [W-1:0]             wd,
    output reg  [W-1:0]             rd
);
    localparam AW = $clog2(DEPTH);
    reg [W-1:0] store [0:(1 << AW) - 1];
    always @(posedge clk) begin
        if (we) store[wa] <= wd;
        rd <= store[ra];
    end
endmodule
"""


def test_large_array_is_named_when_the_input_does_not_fit(tmp_path):
    from rtlopt.commands.optimize import _memory_hint
    from rtlopt.design import open_design
    from rtlopt.hdl.project import Project, using

    src = _write(tmp_path / "ram.v", RAM)
    hint = _memory_hint(open_design([src], "ram_fifo"))
    assert "'ram_fifo.store' (ram.v:10) of 65536 bits (8192 words of 8 bits)" in hint
    assert "sized by parameter(s) DEPTH, W" in hint and "-G NAME=VALUE" in hint
    with using(Project(params=(("DEPTH", "16"),))):  # at the user's -G values: small, nothing to say
        assert _memory_hint(open_design([src], "ram_fifo")) == ""


@pytest.mark.yosys
@pytest.mark.skipif(not LIB.exists(), reason="shared liberty not available")
def test_budget_too_small_for_a_large_memory_says_why(tmp_path):
    src = _write(tmp_path / "ram.v", RAM)
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(src), "--liberty", str(LIB), "--budget", "3",
                        "--json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 8, r.stderr[-2000:]
    err = json.loads(r.stdout)["error"]
    assert "input unchanged" in err and "65536 bits" in err and "--hierarchical" not in err
    assert src.read_text() == RAM


@pytest.mark.yosys
@pytest.mark.slow
@pytest.mark.skipif(not LIB.exists(), reason="shared liberty not available")
def test_each_configuration_gets_its_own_rewrite(tmp_path):
    """sched2 with its pickers at N=4/LSB_FIRST=1 and N=8/LSB_FIRST=0: after the joint search, each
    configuration's own search takes the register relation at its values (pinned to them)."""
    case = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy" / "param_child_grant_hier"
    t = (case / "original.v").read_text()
    t = t.replace("req_pick #(.N(4), .LSB_FIRST(1)) u_b", "req_pick #(.N(8), .LSB_FIRST(0)) u_b")
    t = t.replace("input  wire [3:0] req_b", "input  wire [7:0] req_b").replace(
        "output wire [3:0] gnt_b", "output wire [7:0] gnt_b").replace("output wire [1:0] idx_b", "output wire [2:0] idx_b")
    src, out = _write(tmp_path / "two.v", t), tmp_path / "out.v"
    r = subprocess.run([sys.executable, "-m", "rtlopt", "optimize", str(src), "--top", "sched2", "--liberty", str(LIB),
                        "--budget", "150", "--hierarchical", "--json", "-o", str(out)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    data = json.loads(r.stdout)
    row = {m["module"]: m for m in data["modules"]}["req_pick"]
    assert row["status"] == "improved" and row["area_after"] < row["area_before"]
    # since forward retiming (fretime) the joint search already takes a rewrite proven at both configurations;
    # before it, the register relation came from each configuration's own search
    assert "then on its own at" in row["note"] or "register_retiming" in row["rules"], row
    assert data["composed_proof"]["verdict"] == "EQUIVALENT"
    text = out.read_text()
    labels = [ln.split("begin : ")[1].strip() for ln in text.splitlines() if "begin : rtlopt_params_req_pick" in ln]
    assert labels and all(lab.startswith(PIN_LABEL) for lab in labels)
