"""Lifting library: the forms offered for rotations (one shifter over the doubled word), right shifts with
a fill bit, signed division by 2**k, and log-depth trees for zero counts / highest-set index.

Matcher tests are pure; each function is also recognised in restyled RTL (case table, loop, generate,
word-level spelling) on a real Yosys netlist, the emitted form is proven equivalent, and near misses are
not lifted."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from rtlopt.semantic.lift import Operand, _clog2, _lzc_exprs, _prio_hi_exprs, _tzc_exprs, match_target

RNG = np.random.default_rng(11)
N = 2048


def _op(name: str, w: int, values=None, signed: bool = False) -> Operand:
    v = RNG.integers(0, 1 << w, N, dtype=np.uint64) if values is None else np.asarray(values, dtype=np.uint64)
    return Operand(name, name, w, v, signed, True, (), 0)


def _match(t, w, ops) -> dict[str, list[str]]:
    return {k: e for k, _o, e in match_target(np.asarray(t, dtype=np.uint64), w, ops)}


def _sx(v: np.ndarray, w: int) -> np.ndarray:
    s = v.astype(np.int64)
    return np.where(s >= 1 << (w - 1), s - (1 << w), s)


# ---- matcher (pure) -------------------------------------------------------------------------------
def test_rotations_offer_a_single_shifter_first():
    x, s = _op("x", 16), _op("s", 4)
    xv, sv = x.value, s.value
    rl = ((xv << sv) | (xv >> (np.uint64(16) - sv))) & np.uint64(0xFFFF)
    rr = ((xv >> sv) | (xv << (np.uint64(16) - sv))) & np.uint64(0xFFFF)
    got = _match(rl, 16, [x, s])
    assert got["rotate_left"][0] == "({x, x} << s) >> 16"
    assert any("|" in e for e in got["rotate_left"][1:])  # the two-shifter form stays an alternative
    assert _match(rr, 16, [x, s])["rotate_right"][0] == "{x, x} >> s"
    bad = rl ^ np.where(sv == 5, np.uint64(1), np.uint64(0))  # one amount wrong: no rotation
    assert not {"rotate_left", "rotate_right"} & set(_match(bad, 16, [x, s]))


def test_right_shift_with_fill_bit_and_mode_bit():
    a, sh, f = _op("a", 16), _op("sh", 4), _op("f", 1)
    av, sv, fv = a.value, sh.value, f.value
    ones = np.uint64(0xFFFF) & ~(np.uint64(0xFFFF) >> sv)

    def shifted(fill):
        return (av >> sv) | np.where(fill == 1, ones, np.uint64(0))
    assert _match(shifted(fv), 16, [a, sh, f])["shift_right_fill"] == ["$signed({f, a}) >>> sh"]
    mode = fv & (av >> np.uint64(15))
    assert _match(shifted(mode), 16, [a, sh, f])["shift_right_fill"] == ["$signed({f & a[15], a}) >>> sh"]
    other = fv & av & np.uint64(1)  # filled with a bit that is neither f nor f & sign
    assert "shift_right_fill" not in _match(shifted(other), 16, [a, sh, f])


def test_signed_division_by_power_of_two_rounds_toward_zero():
    x = _op("x", 16)
    sx = _sx(x.value, 16)
    q = (np.sign(sx) * (np.abs(sx) // 8)).view(np.uint64)
    got = _match(q, 16, [x])
    assert got["signed_div_pow2"] == ["$signed(x + {{13{1'b0}}, {3{x[15]}}}) >>> 3"]
    floor = (sx >> 3).view(np.uint64)  # >>> rounds toward minus infinity: not the division
    assert "signed_div_pow2" not in _match(floor, 16, [x])


def test_zero_counts_offer_a_tree_and_reject_a_wrong_all_zero_value():
    v = RNG.integers(0, 1 << 12, N, dtype=np.uint64) >> RNG.integers(0, 12, N, dtype=np.uint64)
    a = _op("a", 12, v)
    lz = np.array([12 - int(x).bit_length() for x in v], dtype=np.uint64)
    got = _match(lz, 4, [a])
    assert "~|a[11:4]" in got["leading_zeros"][0] and len(got["leading_zeros"]) == 3
    assert "leading_zeros" not in _match(np.where(v == 0, np.uint64(0), lz), 4, [a])


@pytest.mark.iverilog
@pytest.mark.skipif(shutil.which("iverilog") is None, reason="iverilog missing")
def test_tree_forms_exhaustively_right_under_icarus(tmp_path):
    """The tree spellings for widths that are and are not powers of two, on an offset slice operand."""
    lines = []
    checks = []
    for n in (4, 5, 7, 8, 11):
        w = _clog2(n + 1)
        a = Operand(f"a{n}[{n + 1}:2]", f"a{n}", n, np.zeros(1, np.uint64), False, True, (), 2)
        lines.append(f"reg [{n + 1}:0] a{n}; wire [{w - 1}:0] lz{n} = {_lzc_exprs(a, w)[0]};"
                     f" wire [{w - 1}:0] tz{n} = {_tzc_exprs(a, w)[0]}; wire [{w - 1}:0] hi{n} = {_prio_hi_exprs(a, w)[0]};")
        for v in range(1 << n):
            lzv = n - v.bit_length()
            tzv = n if v == 0 else (v & -v).bit_length() - 1
            hiv = max(v.bit_length() - 1, 0)
            checks.append(f"a{n} = {{{n}'d{v}, 2'b10}}; #1 if (lz{n} !== {lzv} || tz{n} !== {tzv} || hi{n} !== {hiv})"
                          f" $display(\"BAD {n} {v} %0d %0d %0d\", lz{n}, tz{n}, hi{n});")
    src = "module t;\n" + "\n".join(lines) + "\ninitial begin\n" + "\n".join(checks) + "\n$display(\"DONE\");\nend\nendmodule\n"
    (tmp_path / "t.v").write_text(src)
    subprocess.run(["iverilog", "-o", str(tmp_path / "t.vvp"), str(tmp_path / "t.v")], check=True, timeout=120)
    out = subprocess.run(["vvp", "-n", str(tmp_path / "t.vvp")], capture_output=True, text=True, timeout=120).stdout
    assert "DONE" in out and "BAD" not in out, out[:500]


@pytest.mark.iverilog
@pytest.mark.skipif(shutil.which("iverilog") is None, reason="iverilog missing")
def test_every_rotation_spelling_exhaustively_right_under_icarus(tmp_path):
    x, s = _op("x", 8), _op("s", 3)
    xv, sv = x.value, s.value
    rl = ((xv << sv) | (xv >> (np.uint64(8) - sv))) & np.uint64(0xFF)
    rr = ((xv >> sv) | (xv << (np.uint64(8) - sv))) & np.uint64(0xFF)
    forms = [("L", e) for e in _match(rl, 8, [x, s])["rotate_left"]] + \
            [("R", e) for e in _match(rr, 8, [x, s])["rotate_right"]]
    assert len(forms) == 6
    decl = "".join(f"wire [7:0] y{i} = {e};\n" for i, (_d, e) in enumerate(forms))
    want = {"L": "(({x, x} << s) >> 8)", "R": "(({x, x} >> s) & 8'hFF)"}  # reference models, by hand
    checks = "".join(f'if (y{i} !== {want[d]}) $display("BAD {i} %0d %0d", x, s);\n'
                     for i, (d, _e) in enumerate(forms))
    src = (f"module t; reg [7:0] x; reg [2:0] s; integer i, j;\n{decl}initial begin\n"
           f"for (i = 0; i < 256; i = i + 1) for (j = 0; j < 8; j = j + 1) begin x = i; s = j; #1\n{checks}end\n"
           "$display(\"DONE\"); end\nendmodule\n")
    (tmp_path / "r.v").write_text(src)
    subprocess.run(["iverilog", "-o", str(tmp_path / "r.vvp"), str(tmp_path / "r.v")], check=True, timeout=120)
    out = subprocess.run(["vvp", "-n", str(tmp_path / "r.vvp")], capture_output=True, text=True, timeout=120).stdout
    assert "DONE" in out and "BAD" not in out, out[:500]


# ---- Yosys: restyled RTL is recognised, the first form is proven, near misses are not lifted ------------
STYLES = {
    # rotate left as three mux stages over a generate loop of bits
    "rotl_stages": ("""module m(input [7:0] x, input [2:0] s, output [7:0] y);
  wire [7:0] s0, s1;
  genvar g;
  generate for (g = 0; g < 8; g = g + 1) begin : st
    assign s0[g] = s[0] ? x[(g + 7) % 8] : x[g];
    assign s1[g] = s[1] ? s0[(g + 6) % 8] : s0[g];
    assign y[g]  = s[2] ? s1[(g + 4) % 8] : s1[g];
  end endgenerate
endmodule""", "y", "rotate_left", "<<"),
    # rotate right spelled with two shifters and a subtract
    "rotr_two_shifters": ("""module m(input [7:0] x, input [2:0] s, output reg [7:0] y);
  always @* y = (x >> s) | (x << (4'd8 - s));
endmodule""", "y", "rotate_right", ">>"),
    # shift with a fill input, word-level mask spelling
    "fill_word": ("""module m(input [15:0] a, input [3:0] sh, input f, output [15:0] y);
  assign y = (a >> sh) | (f ? ~(16'hFFFF >> sh) : 16'h0000);
endmodule""", "y", "shift_right_fill", ">>>"),
    # SRL/SRA by a mode bit, generate loop with index arithmetic
    "sra_generate": ("""module m(input [15:0] a, input [3:0] sh, input arith, output [15:0] y);
  genvar g;
  generate for (g = 0; g < 16; g = g + 1) begin : b
    assign y[g] = (g + sh < 16) ? a[g + sh] : (arith & a[15]);
  end endgenerate
endmodule""", "y", "shift_right_fill", ">>>"),
    # truncating signed division spelled through negation
    "sdiv_negate": ("""module m(input [15:0] x, output [15:0] q);
  wire [15:0] n = -x;
  wire [15:0] m8 = n >> 3;
  assign q = x[15] ? -m8 : (x >> 3);
endmodule""", "q", "signed_div_pow2", ">>>"),
    "sdiv_operator": ("""module m(input signed [11:0] x, output signed [11:0] q);
  assign q = x / 12'sd16;
endmodule""", "q", "signed_div_pow2", ">>>"),
    # leading zeros as a casez table
    "lzc_casez": ("""module m(input [7:0] d, output reg [3:0] z);
  always @* casez (d)
    8'b1???????: z = 0; 8'b01??????: z = 1; 8'b001?????: z = 2; 8'b0001????: z = 3;
    8'b00001???: z = 4; 8'b000001??: z = 5; 8'b0000001?: z = 6; 8'b00000001: z = 7;
    default: z = 8;
  endcase
endmodule""", "z", "leading_zeros", "~|"),
}

NEGATIVE = {
    # the 5th arm rotates by 4 instead of 5: not a rotation
    "rot_wrong_arm": """module m(input [7:0] x, input [2:0] s, output reg [7:0] y);
  always @* case (s)
    3'd0: y = x; 3'd1: y = {x[6:0], x[7]}; 3'd2: y = {x[5:0], x[7:6]}; 3'd3: y = {x[4:0], x[7:5]};
    3'd4: y = {x[3:0], x[7:4]}; 3'd5: y = {x[3:0], x[7:4]}; 3'd6: y = {x[1:0], x[7:2]}; default: y = {x[0], x[7:1]};
  endcase
endmodule""",
    # filled with the lowest bit, not the sign
    "fill_low_bit": """module m(input [15:0] a, input [3:0] sh, input arith, output reg [15:0] y);
  integer i;
  always @* for (i = 0; i < 16; i = i + 1) y[i] = (i + sh < 16) ? a[i + sh] : (arith & a[0]);
endmodule""",
    # rounds toward minus infinity for odd negatives (a floor, not the division)
    "sdiv_floor": """module m(input [15:0] x, output [15:0] q);
  wire [15:0] n = -x;
  wire [15:0] m8 = (n + 16'd1) >> 3;
  assign q = x[15] ? -m8 : (x >> 3);
endmodule""",
}


def _lifts(tmp_path, src):
    from rtlopt.semantic.lift import lift_module
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text(src + "\n")
    return f, lift_module(elaborate_modules([f], ["m"])["m"])


@pytest.mark.yosys
@pytest.mark.parametrize("style", sorted(STYLES))
def test_restyled_function_lifted_to_the_new_form_and_proven(tmp_path, style):
    from rtlopt.design import open_design
    from rtlopt.semantic.emit import apply_lift
    from rtlopt.verify import Verdict, VerifyOptions, check_equivalence
    src, target, kind, token = STYLES[style]
    f, lifts = _lifts(tmp_path, src)
    lf = next((x for x in lifts if x.lhs == target), None)
    assert lf is not None and lf.kind == kind, [(x.lhs, x.kind) for x in lifts]
    assert token in lf.exprs[0] and " | " not in lf.exprs[0], lf.exprs
    new = apply_lift(src + "\n", "m", lf.targets, lf.operands, lf.lhs, lf.exprs[0])
    assert new is not None
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(open_design([f], "m"), open_design([g], "m"), VerifyOptions(timeout_s=120))
    assert res.verdict is Verdict.EQUIVALENT, (new, res)


@pytest.mark.yosys
@pytest.mark.parametrize("case", sorted(NEGATIVE))
def test_near_misses_are_not_lifted_to_these_forms(tmp_path, case):
    _f, lifts = _lifts(tmp_path, NEGATIVE[case])
    kinds = {x.kind for x in lifts}
    assert not kinds & {"rotate_left", "rotate_right", "shift_right_fill", "signed_div_pow2"}, kinds


@pytest.mark.yosys
def test_simulator_models_signed_division_and_remainder(tmp_path):
    from rtlopt.semantic.netlist import elaborate_modules
    f = tmp_path / "m.v"
    f.write_text("""module m(input signed [9:0] a, output signed [9:0] q, output signed [9:0] r);
  assign q = a / 10'sd7; assign r = a % 10'sd7;
endmodule
""")
    nl = elaborate_modules([f], ["m"])["m"]
    v = nl.simulate(1024)
    a = _sx(nl.word(v, nl.nets["a"].bits), 10)
    q = _sx(nl.word(v, nl.nets["q"].bits), 10)
    r = _sx(nl.word(v, nl.nets["r"].bits), 10)
    assert np.array_equal(q, np.sign(a) * (np.abs(a) // 7))
    assert np.array_equal(r, a - 7 * q)
    assert (a < 0).any() and (a > 0).any()
