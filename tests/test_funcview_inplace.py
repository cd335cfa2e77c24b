"""Issue 10 gaps: (1) several lifted words taken out of one combinational always block that computes
more (rtlopt.semantic.emit._inplace_edits); (2) semantic rewrites seen through Verilog functions
(rtlopt.semantic.funcview)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.emit import apply_lifts
from rtlopt.semantic.funcview import function_view, through_functions

# a count, the word shifted by it and the result, all in one always block (hp_to_sp's shape)
MULTI = """module m(input [7:0] x, output reg [11:0] f);
  reg [2:0] lz;
  reg [7:0] nm;
  integer i;
  always @* begin
    lz = 3'd0;
    for (i = 0; i < 8; i = i + 1)
      if (x[i]) lz = 7 - i;
    nm = x << lz;
    f = {1'b0, lz, nm};
  end
endmodule
"""

# the word and its shift count written by the same loop
SHARED = """module m(input [7:0] a, output reg [7:0] n, output reg [3:0] c, output reg y);
  integer k;
  always @* begin
    n = a;
    c = 4'd0;
    for (k = 0; k < 7; k = k + 1)
      if (!n[7]) begin
        n = n << 1;
        c = c + 4'd1;
      end
    y = ^n;
  end
endmodule
"""

# a helper flag of the count's loop that is read elsewhere cannot go with the count (the block reads
# the count further down, so it cannot leave the block either)
FLAG_READ = """module m(input [7:0] x, output reg [2:0] lz, output reg [3:0] f, output z);
  reg found;
  integer i;
  always @* begin
    lz = 3'd0;
    found = 1'b0;
    for (i = 7; i >= 0; i = i - 1)
      if (!found && x[i]) begin
        lz = 7 - i;
        found = 1'b1;
      end
    f = {lz, 1'b0};
  end
  assign z = ~found;
endmodule
"""


def test_two_targets_of_one_block_replaced_in_place():
    new = apply_lifts(MULTI, "m", [(("lz",), ("x",), "lz", "~x[2:0]"), (("nm",), ("x",), "nm", "{x[6:0], 1'b0}")])
    assert new is not None
    assert "lz = ~x[2:0];" in new and "nm = {x[6:0], 1'b0};" in new, new
    assert "for (" not in new and "integer i;" not in new, new
    assert "f = {1'b0, lz, nm};" in new and new.startswith("module m(input [7:0] x"), new
    # one of them alone: the single assignment of nm is replaced, the loop stays
    one = apply_lifts(MULTI, "m", [(("nm",), ("x",), "nm", "{x[6:0], 1'b0}")])
    assert one is not None and "nm = {x[6:0], 1'b0};" in one and "if (x[i]) lz = 7 - i;" in one, one
    # the same expression again is no lift
    assert apply_lifts(MULTI, "m", [(("nm",), ("x",), "nm", "x << lz")]) is None


def test_targets_written_by_one_loop_share_one_run():
    assert apply_lifts(SHARED, "m", [(("n",), ("a",), "n", "{a[6:0], 1'b0}")]) is None  # c is written there too
    new = apply_lifts(SHARED, "m", [(("n",), ("a",), "n", "{a[6:0], 1'b0}"), (("c",), ("a",), "c", "{1'b0, ~a[2:0]}")])
    assert new is not None and "n = {a[6:0], 1'b0}; c = {1'b0, ~a[2:0]};" in new and "for (" not in new, new
    assert "    y = ^n;\n  end\n" in new, new


def test_helper_flag_read_outside_the_run_is_refused():
    assert apply_lifts(FLAG_READ, "m", [(("lz",), ("x",), "lz", "~x[2:0]")]) is None
    ok = FLAG_READ.replace("  assign z = ~found;\n", "  assign z = ~|x;\n")
    new = apply_lifts(ok, "m", [(("lz",), ("x",), "lz", "~x[2:0]")])
    assert new is not None and "lz = ~x[2:0];" in new and "found" not in new, new


FN = """// pointer bump in a function
module p(input [11:0] base, input [3:0] v, output [11:0] nxt);
  function [11:0] bump;
    input [11:0] b;
    input [3:0] h;
    integer k;
    begin
      bump = b;
      for (k = 0; k < 4; k = k + 1)
        if (h[k]) bump = bump + 12'd1;
    end
  endfunction
  assign nxt = bump(base, v);
endmodule
"""

FN_SV = """module q(input logic [15:0] s, input logic [5:0] n, output logic [15:0] o);
  function automatic logic [15:0] adv(input logic [15:0] st, input logic [5:0] c);
    logic [15:0] acc;
    acc = st;
    for (int l = 0; l < 3; l++)
      acc = acc + 16'(c[2*l +: 2]);
    adv = acc;
  endfunction
  assign o = adv(s, n);
endmodule
"""


def test_function_view_maps_edits_back():
    v = function_view(FN, "t.v")
    assert v is not None and v.functions == ["rtlopt_fnview_p_bump"]
    assert "always @*" in v.text and "output reg [11:0] bump;" in v.text and "module p(" not in v.text
    # an edit of the copied body comes back as the same edit of the function
    new = v.back(v.text.replace("if (h[k]) bump = bump + 12'd1;", "if (h[k]) bump = bump + 12'd2;"))
    assert new == FN.replace("bump + 12'd1;", "bump + 12'd2;")
    # a declaration inserted in front of the generated always goes in front of the function's body
    ls = v.text.index("always @*")
    ls = v.text.rfind("\n", 0, ls) + 1
    new = v.back(v.text[:ls] + "    reg [2:0] t;\n" + v.text[ls:])
    assert new is not None and "    integer k;\n    reg [2:0] t;\n    begin\n" in new, new
    # an edit of generated text (the port list, the always) cannot be mapped
    assert v.back(v.text.replace("always @*", "always_comb")) is None
    sv = function_view(FN_SV, "t.sv")
    assert sv is not None and "input logic [15:0] st, input logic [5:0] c, output logic [15:0] adv);" in sv.text
    assert function_view(FN.replace("function", "//"), "t.v") is None
    # a body that reads a module signal instead of an argument has no module of its own
    assert function_view(FN.replace("if (h[k]) bump", "if (v[k]) bump"), "t.v") is None


@pytest.mark.yosys
def test_narrowacc_through_a_function(tmp_path: Path):
    from rtlopt.semantic.narrowacc import rewrites

    out = {}
    for name, text, inc in (("t.v", FN, "reg [2:0] bump_inc;"), ("t.sv", FN_SV, "reg [3:0] acc_inc;")):
        p = tmp_path / name
        p.write_text(text)
        assert rewrites({p: text}) == []  # the body is no always block: nothing without the view
        got = through_functions({p: text}, lambda texts, b: rewrites(texts, budget_s=b), 60.0)
        got = [g for g in got if "addend" not in g[2]]  # the updates as written (a gated form may come first)
        assert len(got) == 1 and got[0][0] == p, got
        new = got[0][1]
        assert inc in new and "[in a function]" in got[0][2], new
        out[name] = new
    assert "      bump = b + bump_inc;\n" in out["t.v"] and "  assign nxt = bump(base, v);\n" in out["t.v"]
    assert "acc = st + acc_inc;" in out["t.sv"]
    from rtlopt.design import open_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    for d, t in (("gold", FN), ("gate", out["t.v"])):
        (tmp_path / d).mkdir()
        (tmp_path / d / "t.v").write_text(t)
    assert check_equivalence(open_design(tmp_path / "gold" / "t.v"), open_design(tmp_path / "gate" / "t.v"),
                             VerifyOptions(timeout_s=120)).verdict.name == "EQUIVALENT"
