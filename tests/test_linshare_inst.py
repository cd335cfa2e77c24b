"""linshare across instances (heldout12 drone/motor_mix: four channel instances of one mixer each add the
same parent words with their own signs). A word the parent gets from a child instance's output port
(``.m(m1)``) is fitted on the parent's flattened netlist like an ``assign``-driven one; when such words
share pair terms the parent computes them itself (``.m()``, ``assign m1 = ...;`` after the instance) and
synthesis drops the dead instances. Own designs in two other styles:
designs/generalization/datapath/linshare_inst_perm_v (Verilog, no parameters: the channels differ in
their port connections) and linshare_inst_sign_sv (SV ``int`` sign parameters multiplying the terms in
``always_comb``). Near misses: instance outputs sharing no pair, a slice connection, a form the child
reads on an input port, do not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.semantic.linshare import _conn_sites, rewrites

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "datapath"


def _verify(a: Path, new: str, suffix: str, top: str, tmp_path: Path) -> str:
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    g = tmp_path / f"gate{suffix}"
    g.write_text(new)
    return check_equivalence(DesignRef([a], top), DesignRef([g], top),
                             VerifyOptions(engines=("smt", "abc"), timeout_s=300)).verdict


def _run(path: Path, params=None, text: str | None = None):
    return rewrites({path: text if text is not None else path.read_text()}, 60.0, params=params)


def test_port_permuted_instances_lifted_and_proven(tmp_path):
    f = GEN / "linshare_inst_perm_v" / "original.v"
    got = _run(f, {"surround_enc": {"N": 10}})
    # the middle module (inline and declared pair terms) and the top (through u_enc)
    inline = [new for _p, new, why in got if "declared" not in why and ".o()" in new]
    assert len(inline) == 1
    new = inline[0]
    enc = new.split("module surround_enc")[1].split("endmodule")[0]
    assert enc.count(".o()") == 4 and enc.count("assign c") == 4
    assert enc.count("(fl + fr)") == 2 and enc.count("(rl + rr)") == 2
    assert _verify(f, new, ".v", "surround_top", tmp_path) == "EQUIVALENT"
    # a swapped sign in one lifted form is refuted
    bad = new.replace("assign c1 = (fl + fr) - (rl - rr);", "assign c1 = (fl + fr) + (rl - rr);")
    assert bad != new
    assert _verify(f, bad, ".v", "surround_top", tmp_path) == "NOT EQUIVALENT"


def test_signed_sign_parameter_instances_sv(tmp_path):
    f = GEN / "linshare_inst_sign_sv" / "original.sv"
    got = _run(f, {"sign_matrix": {"W": 12}})
    assert got and all("y0, y1, y2, y3 share 2 pair" in why for _p, _n, why in got)
    for _p, new, _why in got:
        assert _verify(f, new, ".sv", "sign_top", tmp_path) == "EQUIVALENT"


def test_heldout_style_motor_mixer(tmp_path):
    text = """
module ch #(parameter W = 8, parameter SP = 1, parameter SR = 1)
  (input wire signed [W-1:0] t, input wire signed [W-1:0] p, input wire signed [W-1:0] r,
   output wire signed [W+1:0] m);
    wire signed [W+1:0] pp = SP ? p : -p;
    wire signed [W+1:0] rr = SR ? r : -r;
    assign m = t + pp + rr;
endmodule
module mixtop (input wire signed [7:0] t, input wire signed [7:0] p, input wire signed [7:0] r,
               output wire signed [9:0] m1, output wire signed [9:0] m2, output wire signed [9:0] m3);
    ch #(.SP(1), .SR(1)) u1 (.t(t), .p(p), .r(r), .m(m1));
    ch #(.SP(1), .SR(0)) u2 (.t(t), .p(p), .r(r), .m(m2));
    ch #(.SP(0), .SR(0)) u3 (.t(t), .p(p), .r(r), .m(m3));
endmodule
"""
    f = tmp_path / "mix.v"
    f.write_text(text)
    got = _run(f)
    assert got
    for _p, new, _why in got:
        assert new.count(".m()") == 3
        assert _verify(f, new, ".v", "mixtop", tmp_path) == "EQUIVALENT"


def test_near_misses_do_not_fire(tmp_path):
    # each instance reads its own parent words: no pair term is shared
    apart = """
module s3 (input wire [7:0] a, input wire [7:0] b, input wire [7:0] c, output wire [9:0] o);
    assign o = a + b - c;
endmodule
module apart (input wire [7:0] x0, x1, x2, x3, x4, x5, output wire [9:0] o0, o1);
    s3 u0 (.a(x0), .b(x1), .c(x2), .o(o0));
    s3 u1 (.a(x3), .b(x4), .c(x5), .o(o1));
endmodule
"""
    f = tmp_path / "apart.v"
    f.write_text(apart)
    assert _run(f) == []
    # the same forms connected to slices of one bus: no whole-word connection to lift
    sliced = apart.replace("output wire [9:0] o0, o1", "output wire [19:0] o").replace(
        ".a(x3), .b(x4), .c(x5), .o(o1)", ".a(x0), .b(x1), .c(x3), .o(o[19:10])").replace(".o(o0)", ".o(o[9:0])")
    f2 = tmp_path / "sliced.v"
    f2.write_text(sliced)
    assert all(".o()" not in new for _p, new, _w in _run(f2))


def test_conn_sites_only_outputs():
    body = "  s3 u0 (.a(w), .b(x), .o(y));\n  s3 u1 (.a(y), .b(x), .o(z));\n"
    outs = {"s3": {"o"}}
    got = _conn_sites(body, {"w", "y", "z"}, outs)
    assert set(got) == {"y", "z"}  # w feeds an input port; y is read by u1 but driven by u0 only
    st, en = got["z"][2], got["z"][3]
    assert body[st:en].startswith("s3 u1") and body[en - 1] == ";"
    # an unknown child (no port directions): nothing
    assert _conn_sites(body, {"y"}, {}) == {}
