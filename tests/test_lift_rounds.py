"""Word-level lifting over several search rounds in a parameterized module.

A lift of logic that depends on parameters pins itself (a generate ``if`` on the elaborated values with
the original items in the else arm). A later round must still lift the other words of the same block:
before, the second lift was refused (its target is written in both arms) and the search stopped after
the first (a minifloat comparator kept a 35-bit comparator: 1630 instead of 220 um^2). Also the
two-word zero test (``a == 0 && b == 0`` of transformed words) as a lift of its own.
"""

from __future__ import annotations

import re
import time

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.emit import repin_own, unpin_own

# a log-coded level (exponent, mantissa) expanded by a child, compared in one always_comb block
LEVELS = """module lvl_expand #(
    parameter EB = 3,
    parameter MB = 2,
    parameter LW = MB + 1 + (1 << EB)
) (
    input  wire [EB+MB-1:0] code,
    output reg  [LW-1:0]    lin
);
    always @* begin
        if (code[EB+MB-1:MB] == 0)
            lin = {{(LW-MB){1'b0}}, code[MB-1:0]};
        else
            lin = {{(LW-MB-1){1'b0}}, 1'b1, code[MB-1:0]} << (code[EB+MB-1:MB] - 1);
    end
endmodule

module lvl_cmp #(
    parameter EB = 3,
    parameter MB = 2
) (
    input  wire [EB+MB:0]   a,  // sign, exponent, mantissa
    input  wire [EB+MB:0]   b,
    output reg              a_lt,
    output reg              a_eq,
    output reg              silent
);
    localparam LW = MB + 1 + (1 << EB);
    wire [LW-1:0] la, lb;
    reg  lt, eq, quiet;

    lvl_expand #(.EB(EB), .MB(MB)) u_a (.code(a[EB+MB-1:0]), .lin(la));
    lvl_expand #(.EB(EB), .MB(MB)) u_b (.code(b[EB+MB-1:0]), .lin(lb));

    always @* begin
        lt    = la < lb;
        eq    = la == lb;
        quiet = (la == 0) && (lb == 0);
        if (quiet) begin
            a_lt = 1'b0; a_eq = 1'b1;
        end else if (a[EB+MB] != b[EB+MB]) begin
            a_lt = a[EB+MB]; a_eq = 1'b0;
        end else begin
            a_lt = a[EB+MB] ? !lt && !eq : lt; a_eq = eq;
        end
        silent = quiet;
    end
endmodule

module lvl_top (
    input  wire [7:0] a,
    input  wire [7:0] b,
    output wire       a_lt,
    output wire       a_eq,
    output wire       silent
);
    lvl_cmp #(.EB(4), .MB(3)) u_cmp (.a(a), .b(b), .a_lt(a_lt), .a_eq(a_eq), .silent(silent));
endmodule
"""

ALWAYS = re.compile(r"always @\* begin\s*lt\s*=.*?silent = quiet;\s*end", re.S)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _lifts(path, text: str, rnd: int):
    from rtlopt.engine.search import State, lifting_candidates
    d = open_design([path], "lvl_top")
    return lifting_candidates(State(d, {d.files[0]: text}, "area", None, rnd, None, time.monotonic() + 120))


def _one(cands, target: str):
    got = [c for c in cands if re.search(rf"\b{target} = ", c.description) and ";" not in c.description]
    assert got, [c.description for c in cands]
    return got[0]


@pytest.mark.yosys
def test_second_round_lifts_inside_the_first_rounds_pin(tmp_path):
    f = tmp_path / "lvl.v"
    f.write_text(LEVELS)
    first = _lifts(f, LEVELS, 0)
    descs = [c.description for c in first]
    # the codes compare directly (the expansion is strictly increasing), and the two zero tests at once
    assert any("lt = a[6:0] < b[6:0]" in d for d in descs), descs
    assert any("eq = a[6:0] == b[6:0]" in d for d in descs), descs
    assert any("quiet = ~|{a[6:0], b[6:0]}" in d for d in descs), descs
    c1 = _one(first, "eq")
    assert c1.text.count("generate if (") == 1
    flat, saved = unpin_own(c1.text)
    assert "rtlopt_pinned" not in flat and "eq = a[6:0] == b[6:0];" in flat and len(saved) == 1
    assert unpin_own(LEVELS) == (LEVELS, []) and repin_own(LEVELS, saved) == LEVELS
    # round 2 on the pinned text: the comparison is still offered, in one pin whose else arm is the
    # original block again (not the first round's text)
    c2 = _one(_lifts(f, c1.text, 1), "lt")
    assert c2.text.count("generate if (") == 1
    arms = re.search(r"begin : (rtlopt_pinned_\w+)\n(?P<new>.*?)\n\s*end else begin : \1_orig\n(?P<old>.*?)"
                     r"\n\s*end endgenerate", c2.text, re.S)
    assert arms is not None
    assert "lt = a[6:0] < b[6:0]" in arms["new"] and "eq = a[6:0] == b[6:0]" in arms["new"]
    assert _norm(arms["old"]) == _norm(ALWAYS.search(LEVELS).group(0))
    # and it is right: proven against the original
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / "lvl2.v"
    g.write_text(c2.text)
    res = check_equivalence(open_design([f], "lvl_top"), open_design([g], "lvl_top"), VerifyOptions(timeout_s=120))
    assert res.verdict.name == "EQUIVALENT", res
