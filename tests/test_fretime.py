"""Forward retiming (rtlopt.semantic.fretime): logic a register captures moves after the register,
which then holds the logic's inputs (registers already beside it reused). Designs: a byte swap in a
loop function inside an async-reset, clock-enabled always block (Verilog), a generate-loop whitening
instance with the key registered beside the pipeline register (SV always_ff, logic), a Gray encoder
function before a sample register decoded by an always_comb loop (SV), and inline
variants: an always_comb transpose block moved, an instance with implicit '.name' connections moved, a continuous assign moved, an assign whose net is also read elsewhere (copied), a
transpose instance, an instance connected by '.*' (moved; copied with its other output open). Refusals
told with their reason: an instance inside a generate scope, an inout port through '.*'. Near-misses: a combinational block writing a second variable, a function
reading the module's signals (not only its arguments), the mode register under another enable (more flip-flops than the
register), a reset value that is not f of the registers' reset values, f reading the register, an
AND of two unregistered words, a clocked child, a blocking temporary. Real Yosys + ABC proofs."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import fretime

GEN = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"


def _design(tmp_path: Path, name: str):
    src = next((GEN / name).glob("original.*"))
    f = tmp_path / ("d" + src.suffix)
    f.write_text(src.read_text())
    return f


def _inline(tmp_path: Path, text: str, suffix: str = ".v"):
    f = tmp_path / ("d" + suffix)
    f.write_text(text)
    return f


def _ppa_area(path: Path, top: str) -> float:
    from rtlopt.design import open_design
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    return measure_cached(open_design(path, top=top), liberty=resolve_liberty(None)).area_um2.value


@pytest.mark.yosys
def test_byteswap_function_in_always_moves(tmp_path):
    f = _design(tmp_path, "fretime_byteswap_func_v")
    got = fretime.candidates_for({f: f.read_text()}, "endian_pipe", timeout_s=60)
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert "register stage holds the inputs le (as le_q), wdata" in desc, desc
    assert "stage_wdata <= wdata;" in t and "wire [8*NB-1:0] stage;" in t
    assert "assign stage = le_q ? bswap(stage_wdata) : stage_wdata;" in t
    assert abc_verdict(tmp_path, f, t, "endian_pipe") == "EQUIVALENT"


@pytest.mark.yosys
def test_whitening_instance_moves_after_register(tmp_path):
    f = _design(tmp_path, "fretime_whiten_inst_sv")
    got = fretime.candidates_for({f: f.read_text()}, "whiten_top", timeout_s=60)
    assert len(got) == 1, got
    new, desc = got[0]
    t = new[f]
    assert "skey (as key_q)" in desc and "instance u_tx" in desc, desc
    # the instance reads the new register and the key register, and drives the old register's name
    assert "u_tx (.d(line_q_din), .key(key_q), .q(line_q));" in t
    assert "line_q_din <= din;" in t and "line_q <=" not in t
    assert abc_verdict(tmp_path, f, t, "whiten_top") == "EQUIVALENT"


@pytest.mark.yosys
def test_gray_encoder_function_moves_and_decode_cancels(tmp_path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    f = _design(tmp_path, "fretime_gray_loop_sv")
    got = fretime.candidates_for({f: f.read_text()}, "pos_track", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "pos_g_pos <= pos;" in t and "assign pos_g = to_gray(pos_g_pos);" in t
    assert abc_verdict(tmp_path, f, t, "pos_track") == "EQUIVALENT"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "d.sv").write_text(f.read_text())
    (tmp_path / "b" / "d.sv").write_text(t)
    assert _ppa_area(tmp_path / "b" / "d.sv", "pos_track") < 0.8 * _ppa_area(tmp_path / "a" / "d.sv", "pos_track")


TPOSE = """
module tp (input [15:0] x, input en, output [15:0] y);
  genvar i, j;
  generate for (i = 0; i < 4; i = i + 1) begin : gi
    for (j = 0; j < 4; j = j + 1) begin : gj
      assign y[i*4+j] = en ? x[j*4+i] : x[i*4+j];
    end
  end endgenerate
endmodule
module top (input clk, input rst, input ce, input [15:0] din, input mode, output [15:0] dout);
  wire [15:0] t;
  reg [15:0] r;
  reg m;
  tp u_a (.x(din), .en(mode), .y(t));
  always @(posedge clk)
    if (rst) begin
      r <= RST_R;
      m <= RST_M;
    end else begin
      r <= t;
      MWRITE
    end
  tp u_b (.x(r), .en(m), .y(dout));
endmodule
"""


def _tpose(rst_r="16'd0", rst_m="1'b0", mwrite="m <= mode;"):
    return TPOSE.replace("RST_R", rst_r).replace("RST_M", rst_m).replace("MWRITE", mwrite)


@pytest.mark.yosys
def test_transpose_instance_moves_and_collapses(tmp_path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    f = _inline(tmp_path, _tpose())
    got = fretime.candidates_for({f: f.read_text()}, "top", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "u_a (.x(r_din), .en(m), .y(r));" in t and "wire [15:0] r;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    g = tmp_path / "b" / "d.v"
    g.write_text(t)
    f0 = tmp_path / "a" / "d.v"
    f0.write_text(f.read_text())
    # the two transposes cancel: nothing but the flip-flops of din and mode are left
    assert _ppa_area(g, "top") < 0.8 * _ppa_area(f0, "top")


@pytest.mark.yosys
def test_nonzero_reset_fixed_by_the_transpose_is_kept(tmp_path):
    # mode resets to 0: f(c, 0) = c for any c, so the new register takes r's reset constant
    f = _inline(tmp_path, _tpose(rst_r="16'h1234"))
    got = fretime.candidates_for({f: f.read_text()}, "top", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "r_din <= 16'h1234;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_reset_value_not_f_of_the_reset_values_is_refused(tmp_path):
    # mode resets to 1: the transpose of 16'h1234 is not 16'h1234
    f = _inline(tmp_path, _tpose(rst_r="16'h1234", rst_m="1'b1"))
    assert fretime.candidates_for({f: f.read_text()}, "top", timeout_s=60) == []
    # a transpose-symmetric constant is its own transpose: accepted
    f2 = _inline(tmp_path, _tpose(rst_r="16'h8421", rst_m="1'b1"), ".sv")
    got = fretime.candidates_for({f2: f2.read_text()}, "top", timeout_s=60)
    assert len(got) == 1
    assert abc_verdict(tmp_path, f2, got[0][0][f2], "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_new_register_reset_found_through_f(tmp_path):
    # r resets to FF and captures ~d: the register of d must reset to 0 (tried after r's own FF)
    text = """
module top (input clk, input rst, input [7:0] d, output [7:0] y);
  reg [7:0] r;
  always @(posedge clk)
    if (rst) r <= 8'hFF;
    else     r <= ~d;
  assign y = ~r;
endmodule
"""
    f = _inline(tmp_path, text)
    got = fretime.candidates_for({f: text}, "top", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "if (rst) r_d <= 0;" in t and "assign r = ~r_d;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_mode_register_under_another_enable_is_refused(tmp_path):
    # m is not written where r is: mode needs a register of its own, 17 flip-flops for a 16-bit r
    f = _inline(tmp_path, _tpose(mwrite="if (ce) m <= mode;"))
    assert fretime.candidates_for({f: f.read_text()}, "top", timeout_s=60) == []


@pytest.mark.yosys
def test_clocked_child_is_refused(tmp_path):
    text = _tpose().replace("assign y[i*4+j] = en ? x[j*4+i] : x[i*4+j];",
                            "reg b; always @(posedge en) b <= x[j*4+i]; assign y[i*4+j] = b;")
    f = _inline(tmp_path, text)
    got = fretime.candidates_for({f: f.read_text()}, "top", timeout_s=60)
    assert not any("instance u_a" in d for _n, d in got)


TEMP = """
module top (input clk, input rst_n, input [31:0] din, input swap, output [31:0] dout);
  reg [31:0] r, t;
  reg sw_q;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      r <= 32'd0;
      sw_q <= 1'b0;
    end else begin
      t = swap ? {din[15:0], din[31:16]} : din;
      r <= t;
      sw_q <= swap;
    end
  end
  assign dout = sw_q ? {r[15:0], r[31:16]} : r;
endmodule
"""


@pytest.mark.yosys
def test_blocking_temporary_of_the_clocked_block_moves(tmp_path, monkeypatch):
    monkeypatch.setenv("RTLOPT_CACHE_DIR", str(tmp_path / "cache"))
    f = _inline(tmp_path, TEMP)
    got = fretime.candidates_for({f: TEMP}, "top", timeout_s=60)
    assert len(got) == 1 and "swap (as sw_q)" in got[0][1], got
    t = got[0][0][f]
    assert "t = swap" not in t and "assign r = sw_q ? {r_din[15:0], r_din[31:16]} : r_din;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "d.v").write_text(TEMP)
    (tmp_path / "b" / "d.v").write_text(t)
    assert _ppa_area(tmp_path / "b" / "d.v", "top") < 0.8 * _ppa_area(tmp_path / "a" / "d.v", "top")


IMPLICIT = """
module tp (input logic [15:0] x, input logic en, output logic [15:0] y);
  for (genvar i = 0; i < 4; i++) begin : gi
    for (genvar j = 0; j < 4; j++) begin : gj
      assign y[i*4+j] = en ? x[j*4+i] : x[i*4+j];
    end
  end
endmodule
module top (input logic clk, input logic rst, input logic [15:0] x, input logic en, output logic [15:0] dout);
  logic [15:0] y;
  logic [15:0] r;
  logic m;
  tp u_a (.x, .en, .y);
  always_ff @(posedge clk) begin
    if (rst) begin
      r <= '0;
      m <= 1'b0;
    end else begin
      r <= y;
      m <= en;
    end
  end
  tp u_b (.x(r), .en(m), .y(dout));
endmodule
"""


@pytest.mark.yosys
def test_instance_with_implicit_named_connections_moves(tmp_path):
    f = _inline(tmp_path, IMPLICIT, ".sv")
    got = fretime.candidates_for({f: IMPLICIT}, "top", timeout_s=60)
    assert len(got) == 1 and "instance u_a" in got[0][1], got
    t = got[0][0][f]
    # '.x, .en, .y' spelled out with the registers; the instance now stands below the clocked block
    assert "tp u_a (.x(r_x), .en(m), .y(r));" in t and t.index("tp u_a") > t.index("always_ff")
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


COMB = """
module top (input logic clk, input logic rst, input logic [15:0] din, input logic mode, output logic [15:0] dout);
  logic [15:0] t;
  logic [15:0] r;
  logic m;
  always_comb begin
    t = din;
    if (mode)
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
          t[i*4+j] = din[j*4+i];
  end
  always_ff @(posedge clk) begin
    if (rst) begin
      r <= '0;
      m <= 1'b0;
    end else begin
      r <= t;
      m <= mode;
    end
  end
  always_comb begin
    dout = r;
    if (m)
      for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
          dout[i*4+j] = r[j*4+i];
  end
endmodule
"""


@pytest.mark.yosys
def test_always_comb_block_moves_after_the_register(tmp_path):
    f = _inline(tmp_path, COMB, ".sv")
    got = fretime.candidates_for({f: COMB}, "top", timeout_s=60)
    assert len(got) == 1 and "mode (as m)" in got[0][1], got
    t = got[0][0][f]
    # the block now reads the new register and writes r; the clocked block writes r_din
    assert "    r = r_din;" in t and " t[i*4+j]" not in t and "r_din <= din;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_comb_block_writing_two_variables_is_refused(tmp_path):
    text = COMB.replace("    t = din;\n", "    t = din;\n    par = ^din;\n").replace(
        "  logic m;\n", "  logic m;\n  logic par;\n  assign unused_par = par;\n")
    f = _inline(tmp_path, text, ".sv")
    assert fretime.candidates_for({f: text}, "top", timeout_s=60) == []


ASSIGN = """
module gray_q (input clk, input rst_n, input [7:0] b, output [7:0] y, output [7:0] gy);
  wire [7:0] g;
  reg  [7:0] r;
  assign g = b ^ (b >> 1);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) r <= 8'd0;
    else        r <= g;
  assign y = {^r[7:0], ^r[7:1], ^r[7:2], ^r[7:3], ^r[7:4], ^r[7:5], ^r[7:6], r[7]};
  EXTRA
endmodule
"""


@pytest.mark.yosys
def test_assign_moves_after_the_register(tmp_path):
    f = _inline(tmp_path, ASSIGN.replace("EXTRA", "assign gy = 8'd0;"))
    got = fretime.candidates_for({f: f.read_text()}, "gray_q", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "assign r = r_b ^ (r_b >> 1);" in t and "r_b <= b;" in t and "r_b <= 8'd0;" in t
    assert abc_verdict(tmp_path, f, t, "gray_q") == "EQUIVALENT"


@pytest.mark.yosys
def test_assign_read_elsewhere_is_copied(tmp_path):
    f = _inline(tmp_path, ASSIGN.replace("EXTRA", "assign gy = g;"))
    got = fretime.candidates_for({f: f.read_text()}, "gray_q", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "assign g = b ^ (b >> 1);" in t and "assign r = r_b ^ (r_b >> 1);" in t
    assert abc_verdict(tmp_path, f, t, "gray_q") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("body", [
    "r <= r ^ a;",  # f reads the register (state, not a pipeline)
    "r <= a & c;",  # two unregistered words: 16 flip-flops for 8
    "begin tmp = a ^ k; r <= tmp + 8'd1; end",  # an expression of a blocking temporary of the block
])
def test_near_misses_are_refused(tmp_path, body):
    text = f"""
module n (input clk, input [7:0] a, input [7:0] c, input [7:0] k, output [7:0] y);
  reg [7:0] r, tmp, kq;
  always @(posedge clk) begin
    kq <= k;
    {body}
  end
  assign y = r ^ kq;
endmodule
"""
    f = _inline(tmp_path, text)
    assert fretime.candidates_for({f: text}, "n", timeout_s=60) == []


@pytest.mark.yosys
def test_function_reading_module_signals_is_refused(tmp_path):
    # quad() reads a, b, c of the module: inputs the call's arguments do not show
    text = """
module ph (input clk, input [9:0] x, input [9:0] a, b, c, output reg [19:0] y);
  function [19:0] quad(input [9:0] v);
    quad = a * v * v + b * v + c;
  endfunction
  always @(posedge clk) y <= quad(x);
endmodule
"""
    f = _inline(tmp_path, text)
    assert fretime.candidates_for({f: text}, "ph", timeout_s=60) == []
    pure = text.replace("function [19:0] quad(input [9:0] v);", "function [19:0] quad(input [9:0] v);\n    reg [9:0] a, b, c;").replace(
        "quad = a * v", "a = 10'd3; b = 10'd5; c = 10'd7;\n    quad = a * v")
    f2 = _inline(tmp_path, pure, ".sv")
    got = fretime.candidates_for({f2: pure}, "ph", timeout_s=60)
    assert len(got) == 1 and "y_x <= x;" in got[0][0][f2], got


@pytest.mark.yosys
def test_port_sharing_the_previous_header(tmp_path):
    # 'input [7:0] k, a': a has no header of its own; the module has no parameters, so the new
    # register takes a's elaborated dimensions
    text = """
module top (input clk, input rst, input [7:0] k, a, output [7:0] y);
  reg [7:0] r, kq;
  always @(posedge clk)
    if (rst) begin r <= 8'd0; kq <= 8'd0; end
    else begin r <= a ^ k; kq <= k; end
  assign y = r ^ kq;
endmodule
"""
    f = _inline(tmp_path, text)
    got = fretime.candidates_for({f: text}, "top", timeout_s=60)
    assert len(got) == 1 and "k (as kq)" in got[0][1], got
    t = got[0][0][f]
    assert "reg [7:0] r_a;" in t and "assign r = r_a ^ kq;" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"
    # with a parameter the elaborated numbers could be wrong for another instance: refused
    ptext = text.replace("module top (", "module top #(parameter W = 8) (")
    f2 = _inline(tmp_path, ptext, ".sv")
    assert fretime.candidates_for({f2: ptext}, "top", timeout_s=60) == []


ENUM = """
module top (input logic clk, input logic rst, input logic [1:0] sel, output logic [3:0] y);
  typedef enum logic [1:0] {A = 2'd0, B = 2'd1, C = 2'd2, D = 2'd3} st_t;
  logic [3:0] oh;
  always_ff @(posedge clk)
    if (rst) oh <= 4'b0001;
    else     oh <= (sel == A) ? 4'b0001 : (sel == B) ? 4'b0010 : (sel == C) ? 4'b0100 : 4'b1000;
  assign y = oh;
endmodule
"""


@pytest.mark.yosys
def test_enum_constants_are_not_inputs(tmp_path):
    # a one-hot register decoded from a 2-bit select (compared with enum constants) holds the select
    f = _inline(tmp_path, ENUM, ".sv")
    got = fretime.candidates_for({f: ENUM}, "top", timeout_s=60)
    assert len(got) == 1, got
    t = got[0][0][f]
    assert "logic [1:0] oh_sel;" in t and "if (rst) oh_sel <= 0;" in t and "assign oh = (oh_sel == A)" in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


ENUM_STATE = """
module top (input logic clk, input logic rst, input logic go, output logic [3:0] coil);
  typedef enum logic [1:0] {S0, S1, S2, S3} st_t;
  st_t st, nxt;
  logic [3:0] coil_q;
  always_comb nxt = go ? st_t'(st + 2'd1) : st;
  always_ff @(posedge clk)
    if (rst) begin
      st <= S0;
      coil_q <= 4'b0001;
    end else begin
      st <= nxt;
      coil_q <= (nxt == S0) ? 4'b0001 : (nxt == S1) ? 4'b0010 : (nxt == S2) ? 4'b0100 : 4'b1000;
    end
  assign coil = coil_q;
endmodule
"""


@pytest.mark.yosys
def test_enum_typed_state_register_reused(tmp_path):
    # coil_q <= decode(nxt) beside st <= nxt (both enum-typed names): coil_q becomes decode(st)
    f = _inline(tmp_path, ENUM_STATE, ".sv")
    got = fretime.candidates_for({f: ENUM_STATE}, "top", timeout_s=60)
    assert len(got) == 1 and "nxt (as st)" in got[0][1], got
    t = got[0][0][f]
    assert "assign coil_q = (st == S0)" in t and "coil_q <=" not in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_key_registered_beside_is_reused(tmp_path):
    # the control of the near-misses: a ^ k with k registered as kq where r is written
    text = """
module n (input clk, input [7:0] a, input [7:0] c, input [7:0] k, output [7:0] y);
  reg [7:0] r, tmp, kq;
  always @(posedge clk) begin
    kq <= k;
    r <= a ^ k;
  end
  assign y = r ^ kq;
endmodule
"""
    f = _inline(tmp_path, text)
    got = fretime.candidates_for({f: text}, "n", timeout_s=60)
    assert len(got) == 1 and "k (as kq)" in got[0][1], got
    t = got[0][0][f]
    assert "assign r = r_a ^ kq;" in t
    # no reset: ABC skips registers with arbitrary start values, the portfolio's induction proves it
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / "new.v"
    g.write_text(t)
    res = check_equivalence(DesignRef([f], "n"), DesignRef([g], "n"), VerifyOptions(timeout_s=120))
    assert res.verdict.name == "EQUIVALENT"


# -- '.*' on the moved instance; refusals (generate scopes, inout ports) -------------------------------

STAR2 = """
module tp2 (input logic [15:0] x, input logic en, output logic [15:0] y, output logic p);
  assign y = en ? {x[7:0], x[15:8]} : x;
  assign p = ^x;
endmodule
module top (input logic clk, input logic rst, input logic [15:0] x, input logic en, output logic [15:0] dout,
            output logic par);
  logic [15:0] y;
  logic [15:0] r;
  logic p;
  logic m;
  tp2 u_a (.*);
  always_ff @(posedge clk) begin
    if (rst) begin
      r <= '0;
      m <= 1'b0;
    end else begin
      r <= y;
      m <= en;
    end
  end
  assign dout = m ? {r[7:0], r[15:8]} : r;
  assign par = p;
endmodule
"""


@pytest.mark.yosys
def test_instance_connected_by_wildcard_moves(tmp_path):
    text = IMPLICIT.replace("tp u_a (.x, .en, .y);", "tp u_a (.*);")
    f = _inline(tmp_path, text, ".sv")
    got = fretime.candidates_for({f: text}, "top", timeout_s=60)
    assert len(got) == 1 and "instance u_a" in got[0][1], got
    t = got[0][0][f]
    # '.*' spelled out with the registers; the instance now stands below the clocked block
    assert "tp u_a (.x(r_x), .en(m), .y(r));" in t and t.index("tp u_a") > t.index("always_ff") and ".*" not in t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
def test_wildcard_instance_with_another_output_read_is_copied(tmp_path):
    # p (through '.*') is read elsewhere: u_a stays as written, a copy after the register drives r, p open
    f = _inline(tmp_path, STAR2, ".sv")
    got = fretime.candidates_for({f: STAR2}, "top", timeout_s=60)
    assert len(got) == 1 and "instance u_a" in got[0][1], got
    t = got[0][0][f]
    assert "tp2 u_a (.*);" in t and "tp2 u_a_rt (.x(r_x), .en(m), .y(r), .p());" in t, t
    assert abc_verdict(tmp_path, f, t, "top") == "EQUIVALENT"


@pytest.mark.yosys
@pytest.mark.parametrize("inst,reason", [
    ("if (1) begin : g\n    tp u_a (.*);\n  end", "y is driven by instance top.g.u_a inside a generate scope"),
    ("for (genvar k = 0; k < 1; k++) begin : g\n    tp u_a (.x(x), .en(en), .y(y));\n  end",
     "y is driven by instance top.g[0].u_a inside a generate scope"),
])
def test_instance_in_a_generate_scope_is_refused_with_its_reason(tmp_path, inst, reason):
    text = IMPLICIT.replace("tp u_a (.x, .en, .y);", inst)
    f = _inline(tmp_path, text, ".sv")
    why: list = []
    assert fretime.candidates_for({f: text}, "top", timeout_s=60, refusals=why) == []
    assert ("top.r", reason) in why, why


@pytest.mark.yosys
def test_inout_port_through_wildcard_is_refused_with_its_reason(tmp_path):
    # an inout is no output ('InOut' ends with 'Out'): the instance is left alone
    text = IMPLICIT.replace("module tp (input logic [15:0] x, input logic en,", "module tp (input logic [15:0] x, inout wire en,") \
        .replace("input logic en, output logic [15:0] dout", "inout wire en, output logic [15:0] dout") \
        .replace("tp u_a (.x, .en, .y);", "tp u_a (.*);")
    f = _inline(tmp_path, text, ".sv")
    why: list = []
    assert fretime.candidates_for({f: text}, "top", timeout_s=60, refusals=why) == []
    assert ("top.r", "instance u_a has InOut port en through .*") in why, why
