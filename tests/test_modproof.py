"""Modular proof (rtlopt.engine.modproof): a rewrite inside a submodule proven on the submodule alone."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.yosys

# a one-hot slot holder: 'busy' is kept as its own flip-flop although it is always |owner
SLOT = """
module slot_owner #(parameter N = 4) (
  input clk, input rst, input [N-1:0] req, input done,
  output [N-1:0] owner_o, output busy_o);
  reg [N-1:0] owner = {N{1'b0}};
  reg busy = 1'b0;
  always @(posedge clk) begin
    if (rst) begin
      owner <= {N{1'b0}};
      busy <= 1'b0;
    end else if (busy && done) begin
      owner <= {N{1'b0}};
      busy <= 1'b0;
    end else if (!busy && req != {N{1'b0}}) begin
      owner <= req & (~req + 1'b1);
      busy <= 1'b1;
    end
  end
  assign owner_o = owner;
  assign busy_o = busy;
endmodule
"""

# the parent: a data stage without reset (undefined until written), the holder with N overridden
PARENT = """
module port_hold #(parameter W = 16) (
  input clk, input rst, input [2:0] req, input done, input [W-1:0] din,
  output reg [W-1:0] dout, output [2:0] who, output active);
  reg [W-1:0] stage;
  slot_owner #(.N(3)) u_slot (.clk(clk), .rst(rst), .req(req), .done(done), .owner_o(who), .busy_o(active));
  always @(posedge clk) begin
    stage <= din;
    if (active) dout <= stage;
  end
endmodule
"""

# restyled: lowest set bit by a loop, the flag in its own block with an asynchronous reset and a case,
# two instances with different widths
SLOT_LOOP = """
module holder_loop #(parameter N = 4) (input clk, input arst_n, input [N-1:0] want, input release_i,
                                       output reg [N-1:0] taken = 0, output reg any_taken = 1'b0);
  reg [N-1:0] first;
  integer i;
  always @* begin
    first = {N{1'b0}};
    for (i = N - 1; i >= 0; i = i - 1)
      if (want[i]) first = {N{1'b0}} | (1 << i);
  end
  always @(posedge clk or negedge arst_n)
    if (!arst_n) taken <= {N{1'b0}};
    else if (any_taken) begin if (release_i) taken <= {N{1'b0}}; end
    else taken <= first;
  always @(posedge clk or negedge arst_n)
    if (!arst_n) any_taken <= 1'b0;
    else case ({any_taken, release_i})
      2'b11: any_taken <= 1'b0;
      2'b00, 2'b01: any_taken <= |want;
      default: any_taken <= any_taken;
    endcase
endmodule
"""

PARENT_LOOP = """
module two_holders (input clk, input arst_n, input [6:0] want, input [1:0] rel, input [7:0] d,
                    output [1:0] ta, output [4:0] tb, output [1:0] flags, output reg [7:0] q);
  holder_loop #(.N(2)) ha (.clk(clk), .arst_n(arst_n), .want(want[1:0]), .release_i(rel[0]), .taken(ta),
                           .any_taken(flags[0]));
  holder_loop #(5) hb (.clk(clk), .arst_n(arst_n), .want(want[6:2]), .release_i(rel[1]), .taken(tb),
                       .any_taken(flags[1]));
  always @(posedge clk) if (flags[1]) q <= d;
endmodule
"""


def _busy_as_or(text: str) -> str:
    out = text.replace("  reg busy = 1'b0;\n", "  wire busy = |owner;\n").replace("  reg busy;\n", "  wire busy = |owner;\n")
    out = out.replace("      busy <= 1'b0;\n", "").replace("      busy <= 1'b1;\n", "")
    assert out != text and "busy <=" not in out
    return out


def _prove(tmp_path: Path, gold: dict[str, str], gate: dict[str, str], top: str):
    from rtlopt.design import open_design
    from rtlopt.engine.modproof import prove_by_modules
    from rtlopt.verify import VerifyOptions, check_equivalence

    (tmp_path / "g").mkdir()
    (tmp_path / "h").mkdir()
    gp = [tmp_path / "g" / n for n in gold]
    hp = [tmp_path / "h" / n for n in gate]
    for p, t in zip(gp, gold.values(), strict=True):
        p.write_text(t)
    for p, t in zip(hp, gate.values(), strict=True):
        p.write_text(t)
    old = {p: p.read_text() for p in gp}
    new = {p: q.read_text() for p, q in zip(gp, hp, strict=True)}
    return prove_by_modules(open_design(gp, top), open_design(hp, top), old, new, top, 120.0,
                            check_equivalence, VerifyOptions)


def test_flag_rewrite_in_child_proven_on_the_child(tmp_path):
    res = _prove(tmp_path, {"top.v": PARENT, "slot.v": SLOT}, {"top.v": PARENT, "slot.v": _busy_as_or(SLOT)},
                 "port_hold")
    assert res is not None and res.equivalent
    assert "slot_owner #(N=3)" in res.reason


def test_restyled_child_two_parameter_sets(tmp_path):
    gate = SLOT_LOOP.replace(", output reg any_taken = 1'b0);", ", output any_taken);").replace(
        SLOT_LOOP[SLOT_LOOP.index("  always @(posedge clk or negedge arst_n)\n    if (!arst_n) any_taken"):
                  SLOT_LOOP.index("endmodule")], "  assign any_taken = taken != {N{1'b0}};\n")
    assert "any_taken <=" not in gate
    both = PARENT_LOOP + SLOT_LOOP
    res = _prove(tmp_path, {"d.v": both}, {"d.v": PARENT_LOOP + gate}, "two_holders")
    assert res is not None and res.equivalent
    assert "holder_loop #(N=2)" in res.reason and "holder_loop #(N=5)" in res.reason


def test_not_applied_without_initial_values_or_when_wrong(tmp_path):
    # (a) registers without an initial value: the module alone starts anywhere, the context from
    # reset; no modular proof (even though the rewrite is right after a reset)
    noinit = SLOT.replace("reg [N-1:0] owner = {N{1'b0}};", "reg [N-1:0] owner;").replace(
        "reg busy = 1'b0;", "reg busy;")
    (tmp_path / "a").mkdir()
    assert _prove(tmp_path / "a", {"top.v": PARENT, "slot.v": noinit},
                  {"top.v": PARENT, "slot.v": _busy_as_or(noinit)}, "port_hold") is None
    # (b) right only at the default width: the instance uses N=3 (req=3'b100 sets owner[2])
    narrow = _busy_as_or(SLOT).replace("wire busy = |owner;", "wire busy = owner[0] | owner[1];")
    (tmp_path / "b").mkdir()
    assert _prove(tmp_path / "b", {"top.v": PARENT, "slot.v": SLOT}, {"top.v": PARENT, "slot.v": narrow},
                  "port_hold") is None
    # (c) a change in the top module: not modular
    (tmp_path / "c").mkdir()
    top2 = PARENT.replace("if (active) dout <= stage;", "if (active == 1'b1) dout <= stage;")
    assert _prove(tmp_path / "c", {"top.v": PARENT, "slot.v": SLOT}, {"top.v": top2, "slot.v": SLOT},
                  "port_hold") is None


def test_not_applied_when_the_parent_reads_inside_the_instance(tmp_path):
    # the parent reads the child's flip-flop by a hierarchical name: the child's ports say nothing of it
    peek = PARENT.replace("output [2:0] who, output active);", "output [2:0] who, output active, output seen);\n"
                          "  assign seen = u_slot.busy;")
    assert _prove(tmp_path, {"top.v": peek, "slot.v": SLOT}, {"top.v": peek, "slot.v": _busy_as_or(SLOT)},
                  "port_hold") is None


def test_child_parameters_are_those_under_the_chosen_top(tmp_path):
    # another module in the files instantiates the top with K=2; the top is proven at its own K=3, where
    # a flag of owner[1:0] only is wrong (the K=2 elaboration would have proven it)
    ptop = PARENT.replace("#(parameter W = 16)", "#(parameter W = 16, parameter K = 3)").replace(
        "[2:0] req", "[K-1:0] req").replace("[2:0] who", "[K-1:0] who").replace(".N(3)", ".N(K)")
    outer = """
module outer_bench(input clk, input rst, input [1:0] req, input done, input [15:0] din,
                   output [15:0] dout, output [1:0] who, output active);
  port_hold #(.K(2)) u (.clk(clk), .rst(rst), .req(req), .done(done), .din(din), .dout(dout), .who(who),
                        .active(active));
endmodule
"""
    narrow = _busy_as_or(SLOT).replace("wire busy = |owner;", "wire busy = owner[0] | owner[1];")
    assert _prove(tmp_path, {"top.v": ptop + outer, "slot.v": SLOT}, {"top.v": ptop + outer, "slot.v": narrow},
                  "port_hold") is None
    (tmp_path / "k2").mkdir()
    res = _prove(tmp_path / "k2", {"top.v": ptop + outer, "slot.v": SLOT}, {"top.v": ptop + outer, "slot.v": narrow},
                 "outer_bench")
    assert res is not None and res.equivalent and "slot_owner #(N=2)" in res.reason
