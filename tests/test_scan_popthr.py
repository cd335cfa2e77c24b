"""Nested-reduction scans (prefixscan) and population counts seen only where they are compared (countcmp).

prefixscan: every bit of a word that is the XOR / OR / AND of a prefix or suffix of one other word
(``b[i] = ^(g >> i)`` in a generate loop, ``p[i] = ^d[i:0]`` per bit, a function's loop, a procedural
loop) becomes one scan, ripple or log-depth; reductions over sets that are not nested, or with one bit
off, are not rewritten.

countcmp: a count with no net of its own (a block-local ``int`` an SV function fills, a Verilog function
called inside the compare) is found at the compare's source line; a count also read as a number keeps
its other reader, and a compare with an input-dependent value is no site.
"""

from __future__ import annotations

import pytest

from rtlopt.design import open_design

GRAY = """module g2b #(parameter W = 8) (input wire [W-1:0] g, output wire [W-1:0] b);
    genvar i;
    generate for (i = 0; i < W; i = i + 1) begin : gb
        assign b[i] = ^(g >> i);
    end endgenerate
endmodule
module gtop (input wire [9:0] x, input wire [11:0] y, output wire [21:0] z);
    g2b #(.W(10)) u0 (.g(x), .b(z[9:0]));
    g2b #(.W(12)) u1 (.g(y), .b(z[21:10]));
endmodule
"""

# a procedural loop in always_comb, prefix OR over a part select written with shifts
PROC = """module pre_or #(parameter int N = 8) (input logic [N-1:0] r, output logic [N-1:0] m);
    always_comb begin
        for (int i = 0; i < N; i++)
            m[i] = |(r << (N - 1 - i));
    end
endmodule
module ptop (input logic [11:0] r, output logic [11:0] m);
    pre_or #(.N(12)) u (.r(r), .m(m));
endmodule
"""

# bit-level AND suffixes
ANDS = """module sfx_and (input wire [5:0] a, output wire [5:0] q);
    assign q[5] = a[5];
    assign q[4] = a[5] & a[4];
    assign q[3] = &a[5:3];
    assign q[2] = &a[5:2];
    assign q[1] = a[1] & a[2] & a[3] & a[4] & a[5];
    assign q[0] = &a;
endmodule
"""


def _ps(tmp_path, name: str, text: str, mods: list[str], top: str | None = None):
    from rtlopt.semantic.netlist import elaborate_modules
    from rtlopt.semantic.prefixscan import rewrites
    p = tmp_path / name
    p.write_text(text)
    return p, rewrites(text, str(p), elaborate_modules([p], mods, top=top))


def _proven(tmp_path, orig, text: str, top: str) -> bool:
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / ("cand" + orig.suffix)
    g.write_text(text)
    res = check_equivalence(open_design([orig], top), open_design([g], top), VerifyOptions(timeout_s=120))
    return res.verdict.name == "EQUIVALENT"


@pytest.mark.yosys
def test_gray_shift_reductions_become_a_scan_proven_at_every_instance_width(tmp_path):
    p, got = _ps(tmp_path, "g.v", GRAY, ["g2b"], top="gtop")
    assert [d for _t, d in got] == ["g2b.b: xor reductions over the suffixes of g as a ripple scan",
                                    "g2b.b: xor reductions over the suffixes of g as a logdepth scan"]
    for new, _d in got:
        assert "^(g >> i)" not in new and "assign b = rtlopt_ps_b;" in new
        assert _proven(tmp_path, p, new, "gtop")
    # the same as a net declaration's initializer from a function with a loop
    fn = GRAY.replace("""    genvar i;
    generate for (i = 0; i < W; i = i + 1) begin : gb
        assign b[i] = ^(g >> i);
    end endgenerate""", """    function [W-1:0] dec;
        input [W-1:0] v;
        integer i;
        for (i = 0; i < W; i = i + 1) dec[i] = ^(v >> i);
    endfunction
    wire [W-1:0] bb = dec(g);
    assign b = bb;""")
    p, got = _ps(tmp_path, "f.v", fn, ["g2b"], top="gtop")
    assert len(got) == 2 and "of g as a ripple scan" in got[0][1] and "wire [W-1:0] bb;" in got[0][0]
    assert _proven(tmp_path, p, got[0][0], "gtop")


@pytest.mark.yosys
def test_procedural_or_prefixes_and_bitlevel_and_suffixes_proven(tmp_path):
    p, got = _ps(tmp_path, "p.sv", PROC, ["pre_or"], top="ptop")
    assert len(got) == 2 and "or reductions over the prefixes of r" in got[0][1]
    assert "always_comb m = rtlopt_ps_m;" in got[0][0] and "(N - 1 - i)" not in got[0][0]
    assert all(_proven(tmp_path, p, t, "ptop") for t, _d in got)
    p, got = _ps(tmp_path, "a.v", ANDS, ["sfx_and"])
    assert len(got) == 2 and "and reductions over the suffixes of a" in got[0][1]
    assert all(_proven(tmp_path, p, t, "sfx_and") for t, _d in got)


@pytest.mark.yosys
def test_reductions_that_are_not_nested_prefixes_are_not_scans(tmp_path):
    # one bit off: q[2] skips a[3]
    _p, got = _ps(tmp_path, "a.v", ANDS.replace("&a[5:2];", "a[5] & a[4] & a[2];"), ["sfx_and"])
    assert got == []
    # windows of two bits (b[i] = g[i] ^ g[i+1], a binary-to-Gray encode): not nested
    _p, got = _ps(tmp_path, "g.v", GRAY.replace("^(g >> i)", "^((g >> i) & 2'b11)"), ["g2b"], top="gtop")
    assert got == []
    # reductions of a mix of two words
    _p, got = _ps(tmp_path, "m.v", GRAY.replace("input wire [W-1:0] g,", "input wire [W-1:0] g, input wire [W-1:0] h,")
                  .replace("^(g >> i)", "^((g ^ h) >> i)").replace(".g(x),", ".g(x), .h(x),").replace(".g(y),", ".g(y), .h(y),"),
                  ["g2b"], top="gtop")
    assert got == []


ONES = """module ohc #(parameter int N = 8) (input logic [N-1:0] v, input logic en,
        output logic multi, output logic idle);
    function automatic int cnt1(input logic [N-1:0] x);
        int c;
        c = 0;
        for (int k = 0; k < N; k++)
            c = c + x[k];
        cnt1 = c;
    endfunction
    always_comb begin
        int n;
        n = cnt1(v);
        multi = n >= 2;
        idle = en && (n == 0);
    end
endmodule
module otop (input logic [12:0] v, input logic en, output logic multi, output logic idle);
    ohc #(.N(13)) u (.*);
endmodule
"""

VCALL = """module vc (input wire [6:0] a, input wire [6:0] b, output wire z, output wire two);
    wire [6:0] d = a & ~b;
    function integer nb;
        input [6:0] v;
        integer j;
        begin
            nb = 0;
            for (j = 0; j < 7; j = j + 1)
                nb = nb + v[j];
        end
    endfunction
    assign z = nb(d) == 0;
    assign two = nb(d) <= 1;
endmodule
"""


def _cc(tmp_path, name: str, text: str, mods: list[str], top: str | None = None):
    from rtlopt.semantic.countcmp import rewrites
    from rtlopt.semantic.netlist import elaborate_modules
    p = tmp_path / name
    p.write_text(text)
    return p, rewrites(text, str(p), elaborate_modules([p], mods, top=top))


@pytest.mark.yosys
def test_block_local_count_and_function_call_count_thresholds_proven(tmp_path):
    p, got = _cc(tmp_path, "o.sv", ONES, ["ohc"], top="otop")
    assert len(got) == 3, [d for _t, d in got]
    both = got[-1][0]
    assert "multi = (|(v & (v - 1'b1)));" in both and "(~|v)" in both
    assert _proven(tmp_path, p, both, "otop")
    p, got = _cc(tmp_path, "c.v", VCALL, ["vc"])
    assert len(got) == 3, [d for _t, d in got]
    assert "assign z = (~|d);" in got[-1][0] and "assign two = (~|(d & (d - 1'b1)));" in got[-1][0]
    assert _proven(tmp_path, p, got[-1][0], "vc")


@pytest.mark.yosys
def test_count_near_misses(tmp_path):
    # compared with an input-dependent value: no threshold of the bits
    _p, got = _cc(tmp_path, "t.v", VCALL.replace("input wire [6:0] b,", "input wire [6:0] b, input wire [2:0] t,")
                  .replace("nb(d) <= 1", "nb(d) <= t").replace("nb(d) == 0", "nb(d) == t"), ["vc"])
    assert got == []
    # a count of something else (the function adds a constant): not a population count
    _p, got = _cc(tmp_path, "k.v", VCALL.replace("nb = 0;", "nb = 1;"), ["vc"])
    assert got == []
    # the count also read as a number: the compares are rewritten, the other reader keeps the count
    text = ONES.replace("output logic idle);\n    function", "output logic idle, output logic [4:0] n_o);\n    function") \
               .replace("idle = en && (n == 0);", "idle = en && (n == 0);\n        n_o = n[4:0];") \
               .replace("output logic idle);\n    ohc", "output logic idle, output logic [4:0] n_o);\n    ohc")
    p, got = _cc(tmp_path, "n.sv", text, ["ohc"], top="otop")
    assert got and "n_o = n[4:0];" in got[-1][0] and "n = cnt1(v);" in got[-1][0]
    assert _proven(tmp_path, p, got[-1][0], "otop")


INST = """module pc #(parameter W = 4) (input wire [W-1:0] v, output wire q);
    assign q = ^v;
endmodule
module use_b (input wire [5:0] s, output wire y);
    assign y = &s;
endmodule
module gi #(parameter N = 6) (input wire [N-1:0] c, output wire [N-1:0] a, output wire y);
    genvar k;
    generate for (k = 0; k < N; k = k + 1) begin : gc
        pc #(.W(N - k)) u (.v(c[N-1:k]), .q(a[k]));
    end endgenerate
    use_b u_r (a, y);
endmodule
"""


@pytest.mark.yosys
def test_per_bit_instances_left_unconnected_and_readers_kept_proven(tmp_path):
    p, got = _ps(tmp_path, "i.v", INST, ["gi"])
    assert len(got) == 2 and "xor reductions over the suffixes of c" in got[0][1]
    new = got[0][0]
    assert "u (.v(c[N-1:k]), .q());" in new and "use_b u_r (a, y);" in new  # the reader keeps its input
    assert _proven(tmp_path, p, new, "gi")
    # the instantiated module is not in the file (its port directions unknown): the drivers are not cut
    text = INST.replace("module pc #(parameter W = 4) (input wire [W-1:0] v, output wire q);\n    assign q = ^v;\nendmodule\n", "")
    assert _instance_cut_refused(tmp_path, text)


def _instance_cut_refused(tmp_path, text: str) -> bool:
    from rtlopt.semantic.emit import _walk
    from rtlopt.semantic.prefixscan import _drivers
    from rtlopt.templates._expr import kind_name
    from rtlopt.templates._sem import analyze
    an = analyze(text, str(tmp_path / "n.v"))
    mod = next(n for n in _walk(an.tree.root) if kind_name(n) == "ModuleDeclaration" and n.header.name.valueText == "gi")
    return _drivers(an, mod, "a") is None


def test_threshold_texts_for_three_and_four():
    from rtlopt.semantic.countcmp import threshold_text
    n = 6
    assert threshold_text("x", n, [c >= 3 for c in range(n + 1)]) == \
        "(|((x & (x - 1'b1)) & ((x & (x - 1'b1)) - 1'b1)))"
    assert threshold_text("x", n, [c < 4 for c in range(n + 1)]).startswith("(~(|")
    assert threshold_text("x", n, [c == 2 for c in range(n + 1)]) is not None
    assert threshold_text("x", n, [c != 3 for c in range(n + 1)]) is not None
    assert threshold_text("x", n, [c >= 5 for c in range(n + 1)]) is None  # no cheap form
    assert threshold_text("x", n, [c in (1, 3) for c in range(n + 1)]) is None  # (parity: not a threshold)


@pytest.mark.yosys
def test_at_least_three_and_exactly_two_proven_and_five_not_rewritten(tmp_path):
    text = ONES.replace("multi = n >= 2;", "multi = n >= 3;").replace("idle = en && (n == 0);", "idle = en && (n == 2);")
    p, got = _cc(tmp_path, "k.sv", text, ["ohc"], top="otop")
    assert len(got) == 3, [d for _t, d in got]
    assert "multi = (|((v & (v - 1'b1)) & ((v & (v - 1'b1)) - 1'b1)));" in got[-1][0]
    assert _proven(tmp_path, p, got[-1][0], "otop")
    _p, got = _cc(tmp_path, "f.sv", ONES.replace("multi = n >= 2;", "multi = n >= 5;")
                  .replace("idle = en && (n == 0);", "idle = en && (n == 4);"), ["ohc"], top="otop")
    assert got == []
