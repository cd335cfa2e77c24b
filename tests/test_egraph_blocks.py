"""datapath_egraph reads combinational procedural blocks as a whole (rtlopt.egraph.blocks): several
variables per block, if/else, case/casez with a default or full coverage, temporaries assigned then
read, for loops with constant bounds, functions with early returns, part writes. The same logic in
four coding styles (assigns; always_comb with if and several outputs; always @* with case and
temporaries; an SV function) reaches the same area (real Yosys synthesis, within 2 %), every result
proven. Near misses: a latch-inferring variable keeps its statements; a temporary read before it is
assigned leaves the block alone."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.egraph import optimize_text
from rtlopt.egraph.front import build_module, module_bodies
from rtlopt.templates._sem import analyze

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"

ROT = {
    "assign.v": """module rotx (input [15:0] x, input [3:0] n, input d, output [15:0] y, output [3:0] lo);
  wire [15:0] l = (x << n) | (x >> (16 - n));
  wire [15:0] r = (x >> n) | (x << (16 - n));
  assign y = d ? r : l;
  assign lo = y[3:0] ^ n;
endmodule
""",
    "if.sv": """module rotx (input logic [15:0] x, input logic [3:0] n, input logic d, output logic [15:0] y,
    output logic [3:0] lo);
  always_comb begin
    if (d) begin
      y = (x >> n) | (x << (16 - n));
      lo = y[3:0] ^ n;
    end else begin
      y = (x << n) | (x >> (16 - n));
      lo = y[3:0] ^ n;
    end
  end
endmodule
""",
    "case.v": """module rotx (input [15:0] x, input [3:0] n, input d, output reg [15:0] y, output reg [3:0] lo);
  reg [15:0] t_l, t_r;
  always @* begin
    t_l = (x << n) | (x >> (16 - n));
    t_r = (x >> n) | (x << (16 - n));
    case (d)
      1'b1: y = t_r;
      default: y = t_l;
    endcase
    lo = y[3:0] ^ n;
  end
endmodule
""",
    "fn.sv": """module rotx (input logic [15:0] x, input logic [3:0] n, input logic d, output logic [15:0] y,
    output logic [3:0] lo);
  function automatic logic [15:0] rot(input logic [15:0] v, input logic [3:0] k, input logic right);
    if (right) rot = (v >> k) | (v << (16 - k));
    else rot = (v << k) | (v >> (16 - k));
  endfunction
  assign y = rot(x, n, d);
  assign lo = y[3:0] ^ n;
endmodule
""",
}

DSQ = {
    "assign.v": """module dsq (input signed [6:0] i, input signed [6:0] q, input s, output signed [14:0] y, output neg);
  wire signed [13:0] ii = i * i;
  wire signed [13:0] qq = q * q;
  assign y = ii - qq;
  assign neg = s & y[14];
endmodule
""",
    "if.sv": """module dsq (input logic signed [6:0] i, input logic signed [6:0] q, input logic s,
    output logic signed [14:0] y, output logic neg);
  always_comb begin
    if (s) begin
      y = i * i - q * q;
      neg = y[14];
    end else begin
      y = i * i - q * q;
      neg = 1'b0;
    end
  end
endmodule
""",
    "case.v": """module dsq (input signed [6:0] i, input signed [6:0] q, input s, output reg signed [14:0] y, output reg neg);
  reg signed [13:0] ii, qq;
  always @* begin
    ii = i * i;
    qq = q * q;
    y = ii - qq;
    case (s)
      1'b1: neg = y[14];
      default: neg = 1'b0;
    endcase
  end
endmodule
""",
    "fn.sv": """module dsq (input logic signed [6:0] i, input logic signed [6:0] q, input logic s,
    output logic signed [14:0] y, output logic neg);
  function automatic logic signed [14:0] dsq_f(input logic signed [6:0] a, input logic signed [6:0] b);
    logic signed [13:0] aa, bb;
    aa = a * a;
    bb = b * b;
    dsq_f = aa - bb;
  endfunction
  assign y = dsq_f(i, q);
  assign neg = s ? y[14] : 1'b0;
endmodule
""",
}


SPM = {
    "assign.v": """module spm (input [3:0] a, b, c, d, input s, output [7:0] y, output [7:0] z);
  assign y = s ? a * b : c * d;
  assign z = y + {4'd0, a};
endmodule
""",
    "if.sv": """module spm (input logic [3:0] a, b, c, d, input logic s, output logic [7:0] y, output logic [7:0] z);
  always_comb begin
    if (s) begin
      y = a * b;
      z = y + a;
    end else begin
      y = c * d;
      z = y + a;
    end
  end
endmodule
""",
    "case.v": """module spm (input [3:0] a, b, c, d, input s, output reg [7:0] y, output reg [7:0] z);
  reg [7:0] pab, pcd;
  always @* begin
    pab = a * b;
    pcd = c * d;
    case (s)
      1'b0: y = pcd;
      1'b1: y = pab;
    endcase
    z = y + {4'd0, a};
  end
endmodule
""",
    "fn.sv": """module spm (input logic [3:0] a, b, c, d, input logic s, output logic [7:0] y, output logic [7:0] z);
  function automatic logic [7:0] pick(input logic [3:0] p, q, u, v, input logic first);
    if (first) pick = p * q;
    else pick = u * v;
  endfunction
  assign y = pick(a, b, c, d, s);
  assign z = y + {4'd0, a};
endmodule
""",
}


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.design import open_design
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


def _proven(tmp_path: Path, old: Path, new_text: str, top: str) -> str:
    """The verifier's default portfolio (exhaustive simulation proves the 17-bit multiplier designs
    that ABC's SAT sweep takes minutes on)."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / ("gate_" + old.name)
    g.write_text(new_text)
    return check_equivalence(DesignRef([old], top), DesignRef([g], top), VerifyOptions(timeout_s=300)).verdict.name


def _best(tmp_path: Path, text: str, name: str, top: str) -> tuple[float, float]:
    """(original area, area of the e-graph's proven ?: candidate) for ``text``."""
    suffix = Path(name).suffix
    tag = Path(name).stem
    got = optimize_text(text, name=name)
    assert got, name
    old = tmp_path / f"{tag}_old{suffix}"
    old.write_text(text)
    new = got[0][1]  # the ?: form (the case form is offered beside it)
    assert _proven(tmp_path, old, new, top) == "EQUIVALENT", (name, new)
    return _area(tmp_path, text, suffix, top, f"{tag}_o"), _area(tmp_path, new, suffix, top, f"{tag}_n")


@pytest.mark.yosys
@pytest.mark.parametrize("family,top", [("rot", "rotx"),
                                        ("dsq", "dsq"),
                                        ("spm", "spm")])
def test_every_style_reaches_the_same_area(tmp_path, family, top):
    """Measured (sky130, load ~10): rotate 2130 -> 722, difference of squares (7-bit) 3358 (2890 for
    the if style) -> 2537, shared product (4-bit operands) 1000 -> 613 um^2 in every style. Narrow
    operands keep the proofs exhaustive and short: spm at 8 bits fell to ABC on the case style
    (150-300 s, UNKNOWN at load 12), dsq at 8 bits took 9-20 s per style (17 input bits: algebra
    first); the same rewrites fire at 8 bits (4314 -> 2412, 4299/3701 -> 3402). At 6 bits the dsq if
    style's original measures smaller than the shared form."""
    styles = {"rot": ROT, "dsq": DSQ, "spm": SPM}[family]
    areas = {}
    for name, text in styles.items():
        before, after = _best(tmp_path, text, name, top)
        assert after < before, (name, before, after)
        areas[name] = after
    lo, hi = min(areas.values()), max(areas.values())
    assert hi <= lo * 1.02, areas


def _graph(src: str):
    an = analyze(textwrap.dedent(src))
    (body,) = module_bodies(an)
    return build_module(an, body)


LATCH = """module lt (input [15:0] x, input [3:0] n, input d, input en, output reg [15:0] y, output reg [15:0] h);
  always @* begin
    if (d) y = (x >> n) | (x << (16 - n));
    else y = (x << n) | (x >> (16 - n));
    if (en) h = x ^ {12'd0, n};
  end
endmodule
"""


@pytest.mark.yosys
def test_latch_variable_keeps_its_statements(tmp_path):
    """h is not assigned when en is low (a latch): its statement stays byte for byte; y, assigned on
    every path, is rewritten (one rotator, its value before the kept statements)."""
    mg = _graph(LATCH)
    assert {r.lhs for r in mg.roots if r.group >= 0} == {"y"}
    got = optimize_text(LATCH, name="lt.v")
    assert got
    for _m, new, _i in got:
        assert "if (en) h = x ^ {12'd0, n};" in new
        assert "if (d)" not in new and "else" not in new  # y's if, now empty, goes with its statements
    old = tmp_path / "lt.v"
    old.write_text(LATCH)
    # a latch in the design: the verifier gives no verdict (UNKNOWN), so the search would not take it;
    # it must never be refuted
    assert _proven(tmp_path, old, got[0][1], "lt") in ("EQUIVALENT", "UNKNOWN")


READ_BEFORE = """module rb (input [15:0] x, input [3:0] n, input d, output reg [15:0] y, output reg [15:0] t);
  always @* begin
    if (d) y = (t >> n) | (t << (16 - n));
    else y = (x << n) | (x >> (16 - n));
    t = x + 16'd1;
  end
endmodule
"""


def test_temporary_read_before_assigned_is_left_alone():
    """t is read before the block assigns it (its previous value: a latch loop): no group root."""
    mg = _graph(READ_BEFORE)
    assert not [r for r in mg.roots if r.group >= 0]
    for _m, new, _i in optimize_text(READ_BEFORE, name="rb.v"):
        assert "if (d) y" in new


def test_case_without_default_that_misses_a_value_is_a_latch():
    """A 2-bit case with three items and no default leaves y unassigned for 3: no root for y."""
    mg = _graph("""
        module cm (input [7:0] a, b, input [1:0] s, output reg [7:0] y, output reg [7:0] z);
          always @* begin
            z = a - b;
            case (s)
              2'd0: y = a + b;
              2'd1: y = a - b;
              2'd2: y = a ^ b;
            endcase
          end
        endmodule""")
    assert "y" not in {r.lhs for r in mg.roots if r.group >= 0}


def test_loop_casez_and_part_writes_are_run():
    """A for loop with constant bounds writing bits, a casez with wildcards and a full-coverage case:
    every variable has a group root whose value matches a simulation of the block."""
    mg = _graph("""
        module lp (input [7:0] a, input [3:0] s, input [1:0] k, output reg [7:0] r, output reg [7:0] p,
                   output reg [3:0] q);
          integer i;
          always @* begin
            for (i = 0; i < 8; i = i + 1)
              r[i] = a[7 - i];
            casez (s)
              4'b1???: p = a;
              4'b01??: p = ~a;
              default: p = 8'd0;
            endcase
            case (k)
              2'd0: q = a[3:0];
              2'd1: q = a[7:4];
              2'd2: q = s;
              2'd3: q = 4'd9;
            endcase
            q[0] = 1'b1;
          end
        endmodule""")
    roots = {r.lhs: r for r in mg.roots if r.group >= 0}
    assert set(roots) == {"r", "p", "q"}
    eg = mg.eg
    for a in (0x00, 0x5A, 0xC3, 0xFF):
        for s in range(16):
            for k in range(4):
                v = eg.values({"a": a, "s": s, "k": k})
                assert v[eg.find(roots["r"].cls)] == int(f"{a:08b}"[::-1], 2)
                want_p = a if s & 8 else (~a & 0xFF if s & 4 else 0)
                assert v[eg.find(roots["p"].cls)] == want_p
                want_q = [a & 15, a >> 4, s, 9][k] | 1
                assert v[eg.find(roots["q"].cls)] == want_q


SEQ = """module sr (input clk, input rst, input en, input d, input [15:0] x, input [3:0] n, output reg [15:0] y,
           output reg v);
  always @(posedge clk)
    if (rst) begin
      y <= 16'd0;
      v <= 1'b0;
    end else if (en) begin
      if (d) begin
        y <= (x >> n) | (x << (16 - n));
        v <= 1'b1;
      end else begin
        y <= (x << n) | (x >> (16 - n));
        v <= 1'b0;
      end
    end
endmodule
"""


@pytest.mark.yosys
def test_register_next_values_of_an_if_share_one_rotator(tmp_path):
    """Inside the enable, the if on d assigns both registers on every path: it becomes one next-value
    assignment per register (one rotator on d ? -n : n); the reset and the enable stay as written.
    Measured 2668.8 -> 1420.1 um^2 (the per-assignment rewrite: 2164.6)."""
    got = optimize_text(SEQ, name="sr.v")
    assert got
    new = got[0][1]
    assert "if (rst) begin\n      y <= 16'd0;" in new and "end else if (en) begin" in new
    assert "if (d)" not in new and "v <= d;" in new
    old = tmp_path / "sr.v"
    old.write_text(SEQ)
    assert abc_verdict(tmp_path, old, new, "sr", timeout_s=300) == "EQUIVALENT"
    assert _area(tmp_path, new, ".v", "sr", "n") < 0.7 * _area(tmp_path, SEQ, ".v", "sr", "o")


def test_register_held_on_a_path_or_async_reset_is_not_a_group():
    """y keeps its value when d is low inside the if (a hold: no next-value root for that if); the
    asynchronous reset test is never run as a whole."""
    mg = _graph("""
        module sh (input clk, input rst_n, input d, input [15:0] x, input [3:0] n, output reg [15:0] y);
          always @(posedge clk or negedge rst_n)
            if (!rst_n) y <= 16'd0;
            else if (d) y <= (x >> n) | (x << (16 - n));
        endmodule""")
    assert not [r for r in mg.roots if r.group >= 0]
    mg = _graph("""
        module sa (input clk, input rst_n, input d, input [15:0] x, output reg [15:0] y);
          always @(posedge clk or negedge rst_n)
            if (!rst_n) y <= 16'd0;
            else y <= x;
        endmodule""")
    assert not [r for r in mg.roots if r.group >= 0]
