"""Structurally different adder/multiplier pairs (Verilog text generated here), for the arithmetic
equivalence benchmark (benchmarks/arith_equiv_bench.py) and its tests.

Each generator returns the text of a module ``m`` with inputs ``a``/``b`` (``n`` bits each) and
output ``p``: behavioural operators, shift-and-add loops (either operand), array multipliers from AND
terms and ripple adders in generate loops, radix-4 Booth (behavioural, either operand recoded, and as
an encoder/selector gate netlist), Wallace-style carry-save reduction (word-level and as a flat tree of
full/half adders), a flat Dadda tree,
carry-lookahead / carry-select adders, and constant multipliers as shift-add networks.
"""

from __future__ import annotations


def mul_op(n: int, swap: bool = False) -> str:
    e = "b * a" if swap else "a * b"
    return f"module m(input [{n-1}:0] a, b, output [{2*n-1}:0] p);\n  assign p = {e};\nendmodule\n"


def mul_shift_add(n: int, swap: bool = False) -> str:
    x, y = ("b", "a") if swap else ("a", "b")
    return f"""module m(input [{n-1}:0] a, b, output reg [{2*n-1}:0] p);
  integer i;
  always @* begin
    p = 0;
    for (i = 0; i < {n}; i = i + 1)
      if ({x}[i]) p = p + ({{{{{n}{{1'b0}}}}, {y}}} << i);
  end
endmodule
"""


def mul_array(n: int) -> str:
    """AND partial products summed row by row with explicit ripple-carry full adders."""
    w = 2 * n
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  wire [{w-1}:0] row [0:{n}];
  wire [{w}:0] c [0:{n}];
  assign row[0] = {{{w}{{1'b0}}}};
  genvar i, j;
  generate
    for (i = 0; i < {n}; i = i + 1) begin : r
      wire [{w-1}:0] pp = ({{{{{n}{{1'b0}}}}, (a & {{{n}{{b[i]}}}})}}) << i;
      assign c[i][0] = 1'b0;
      for (j = 0; j < {w}; j = j + 1) begin : fa
        assign row[i+1][j] = row[i][j] ^ pp[j] ^ c[i][j];
        assign c[i][j+1] = (row[i][j] & pp[j]) | (row[i][j] & c[i][j]) | (pp[j] & c[i][j]);
      end
    end
  endgenerate
  assign p = row[{n}];
endmodule
"""


def mul_booth(n: int, swap: bool = False) -> str:
    """Radix-4 Booth recoding of b (of a with ``swap``; unsigned operands: zero-extended by two bits)."""
    w = 2 * n
    k = (n + 2) // 2
    x, y = ("b", "a") if swap else ("a", "b")
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  wire [{2*k}:0] bz = {{{{{2*k - n + 1}{{1'b0}}}}, {y}, 1'b0}};
  reg [{w+2}:0] acc;
  reg [{w+2}:0] pp;
  integer i;
  always @* begin
    acc = 0;
    for (i = 0; i < {k}; i = i + 1) begin
      case (bz[2*i +: 3])
        3'b001, 3'b010: pp = {{{{{w-n+3}{{1'b0}}}}, {x}}};
        3'b011:         pp = {{{{{w-n+3}{{1'b0}}}}, {x}}} << 1;
        3'b100:         pp = -({{{{{w-n+3}{{1'b0}}}}, {x}}} << 1);
        3'b101, 3'b110: pp = -{{{{{w-n+3}{{1'b0}}}}, {x}}};
        default:        pp = 0;
      endcase
      acc = acc + (pp << (2*i));
    end
  end
  assign p = acc[{w-1}:0];
endmodule
"""


def mul_booth_gates(n: int) -> str:
    """Radix-4 Booth as a designer draws it: per digit an encoder (one, two, neg), partial-product
    bits ``((one & a[j]) | (two & a[j-1])) ^ neg``, sign extension, the ``+neg`` correction, summed."""
    w, k = 2 * n, n // 2 + 1
    lines = [f"module m(input [{n-1}:0] a, b, output [{w-1}:0] p);",
             f"  wire [{2*k}:0] bz = {{{2*k - n}'b0, b, 1'b0}};",
             f"  wire [{n+1}:0] ax = {{2'b00, a}};",
             f"  wire [{n+1}:0] ap = {{1'b0, a, 1'b0}};",
             f"  wire [{k-1}:0] one, two, neg;",
             f"  wire [{w-1}:0] row [0:{k-1}];",
             "  genvar i, j;",
             f"  generate for (i = 0; i < {k}; i = i + 1) begin : d",
             "    assign one[i] = bz[2*i] ^ bz[2*i+1];",
             "    assign two[i] = (bz[2*i+2] & ~bz[2*i+1] & ~bz[2*i]) | (~bz[2*i+2] & bz[2*i+1] & bz[2*i]);",
             "    assign neg[i] = bz[2*i+2];",
             f"    wire [{n+1}:0] sel;",
             f"    for (j = 0; j < {n+2}; j = j + 1) begin : b",
             "      assign sel[j] = ((one[i] & ax[j]) | (two[i] & ap[j])) ^ neg[i];",
             "    end",
             f"    wire [{w-1}:0] ext = {{{{{w-n-2}{{sel[{n+1}]}}}}, sel}};",
             f"    assign row[i] = (ext << (2*i)) + ({{{{{w-1}{{1'b0}}}}, neg[i]}} << (2*i));",
             "  end endgenerate",
             "  assign p = " + " + ".join(f"row[{i}]" for i in range(k)) + ";",
             "endmodule", ""]
    return "\n".join(lines)


def mul_wallace(n: int) -> str:
    """Flat gate-level Wallace tree: AND partial products, columns compressed by full and half
    adders (3:2 and 2:2 counters) until two rows remain, then one final adder."""
    w = 2 * n
    cols: list[list[str]] = [[] for _ in range(w + 1)]
    body = []
    for i in range(n):
        for j in range(n):
            nm = f"pp_{i}_{j}"
            body.append(f"  wire {nm} = a[{j}] & b[{i}];")
            cols[i + j].append(nm)
    cnt = 0
    while max(len(c) for c in cols) > 2:
        new: list[list[str]] = [[] for _ in range(w + 1)]
        for c, bits in enumerate(cols):
            k = 0
            while len(bits) - k >= 3:
                x, y, z = bits[k:k + 3]
                s, co = f"s{cnt}", f"c{cnt}"
                cnt += 1
                body.append(f"  wire {s} = {x} ^ {y} ^ {z};")
                body.append(f"  wire {co} = ({x} & {y}) | ({x} & {z}) | ({y} & {z});")
                new[c].append(s)
                if c + 1 < w:
                    new[c + 1].append(co)
                k += 3
            if len(bits) - k == 2 and len(bits) > 2:
                x, y = bits[k:k + 2]
                s, co = f"s{cnt}", f"c{cnt}"
                cnt += 1
                body.append(f"  wire {s} = {x} ^ {y};")
                body.append(f"  wire {co} = {x} & {y};")
                new[c].append(s)
                if c + 1 < w:
                    new[c + 1].append(co)
                k += 2
            new[c].extend(bits[k:])
        cols = new
    r0 = ", ".join(cols[c][0] if cols[c] else "1'b0" for c in reversed(range(w)))
    r1 = ", ".join(cols[c][1] if len(cols[c]) > 1 else "1'b0" for c in reversed(range(w)))
    return (f"module m(input [{n-1}:0] a, b, output [{w-1}:0] p);\n" + "\n".join(body)
            + f"\n  wire [{w-1}:0] r0 = {{{r0}}};\n  wire [{w-1}:0] r1 = {{{r1}}};\n"
            + "  assign p = r0 + r1;\nendmodule\n")


def mul_csa(n: int) -> str:
    """Carry-save (Wallace-style) reduction of the partial products, one final adder."""
    w = 2 * n
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  reg [{w-1}:0] s, c, t, pp;
  integer i;
  always @* begin
    s = 0; c = 0;
    for (i = 0; i < {n}; i = i + 1) begin
      pp = b[i] ? ({{{{{n}{{1'b0}}}}, a}} << i) : {{{w}{{1'b0}}}};
      t = s ^ c ^ pp;
      c = ((s & c) | (s & pp) | (c & pp)) << 1;
      s = t;
    end
  end
  assign p = s + c;
endmodule
"""


def mul_dadda(n: int) -> str:
    """Flat gate-level Dadda tree: columns reduced stage by stage to the Dadda heights (..., 9, 6, 4,
    3, 2) with as few full/half adders as each stage needs, then one final adder."""
    w = 2 * n
    cols: list[list[str]] = [[] for _ in range(w)]
    body = []
    for i in range(n):
        for j in range(n):
            body.append(f"  wire q_{i}_{j} = b[{i}] & a[{j}];")
            cols[i + j].append(f"q_{i}_{j}")
    heights = [2]
    while heights[-1] < n:
        heights.append(heights[-1] * 3 // 2)
    cnt = 0
    for d in reversed(heights[:-1]):
        carry_in: list[list[str]] = [[] for _ in range(w + 1)]
        new: list[list[str]] = [[] for _ in range(w)]
        for c in range(w):
            bits = cols[c] + carry_in[c]
            while len(bits) > d:
                if len(bits) == d + 1:
                    x, y = bits.pop(0), bits.pop(0)
                    body.append(f"  wire hs{cnt} = {x} ^ {y};\n  wire hc{cnt} = {x} & {y};")
                    bits.append(f"hs{cnt}")
                    carry_in[c + 1].append(f"hc{cnt}")
                else:
                    x, y, z = bits.pop(0), bits.pop(0), bits.pop(0)
                    body.append(f"  wire fs{cnt} = {x} ^ {y} ^ {z};\n"
                                f"  wire fc{cnt} = ({x} & {y}) | ({z} & ({x} ^ {y}));")
                    bits.append(f"fs{cnt}")
                    carry_in[c + 1].append(f"fc{cnt}")
                cnt += 1
            new[c] = bits
        cols = new
    r0 = ", ".join(cols[c][0] if cols[c] else "1'b0" for c in reversed(range(w)))
    r1 = ", ".join(cols[c][1] if len(cols[c]) > 1 else "1'b0" for c in reversed(range(w)))
    return (f"module m(input [{n-1}:0] a, b, output [{w-1}:0] p);\n" + "\n".join(body)
            + f"\n  assign p = {{{r0}}} + {{{r1}}};\nendmodule\n")


def add_op(n: int, swap: bool = False) -> str:
    e = "b + a" if swap else "a + b"
    return f"module m(input [{n-1}:0] a, b, output [{n}:0] p);\n  assign p = {e};\nendmodule\n"


def add_ripple(n: int) -> str:
    return f"""module m(input [{n-1}:0] a, b, output [{n}:0] p);
  wire [{n}:0] c;
  assign c[0] = 1'b0;
  genvar i;
  generate for (i = 0; i < {n}; i = i + 1) begin : fa
    assign p[i] = a[i] ^ b[i] ^ c[i];
    assign c[i+1] = (a[i] & b[i]) | (c[i] & (a[i] ^ b[i]));
  end endgenerate
  assign p[{n}] = c[{n}];
endmodule
"""


def add_cla(n: int) -> str:
    """4-bit carry-lookahead groups rippled together."""
    return f"""module m(input [{n-1}:0] a, b, output [{n}:0] p);
  wire [{n-1}:0] g = a & b, t = a ^ b;
  reg [{n}:0] c;
  integer i;
  always @* begin
    c[0] = 1'b0;
    for (i = 0; i < {n}; i = i + 1)
      if (i % 4 == 0) c[i+1] = g[i] | (t[i] & c[i]);
      else if (i % 4 == 1) c[i+1] = g[i] | (t[i] & g[i-1]) | (t[i] & t[i-1] & c[i-1]);
      else if (i % 4 == 2) c[i+1] = g[i] | (t[i] & g[i-1]) | (t[i] & t[i-1] & g[i-2]) | (t[i] & t[i-1] & t[i-2] & c[i-2]);
      else c[i+1] = g[i] | (t[i] & g[i-1]) | (t[i] & t[i-1] & g[i-2]) | (t[i] & t[i-1] & t[i-2] & g[i-3]) | (t[i] & t[i-1] & t[i-2] & t[i-3] & c[i-3]);
  end
  assign p = {{c[{n}], t ^ c[{n-1}:0]}};
endmodule
"""


def add_carry_select(n: int) -> str:
    h = n // 2
    return f"""module m(input [{n-1}:0] a, b, output [{n}:0] p);
  wire [{h}:0] lo = a[{h-1}:0] + b[{h-1}:0];
  wire [{n-h}:0] hi0 = a[{n-1}:{h}] + b[{n-1}:{h}];
  wire [{n-h}:0] hi1 = a[{n-1}:{h}] + b[{n-1}:{h}] + 1'b1;
  assign p = {{lo[{h}] ? hi1 : hi0, lo[{h-1}:0]}};
endmodule
"""


def _cw(n: int, k: int) -> int:
    return n + k.bit_length()


def cmul_op(n: int, k: int) -> str:
    return f"module m(input [{n-1}:0] a, output [{_cw(n, k)-1}:0] p);\n  assign p = a * {k};\nendmodule\n"


def cmul_shift_add(n: int, k: int) -> str:
    z = _cw(n, k) - n
    terms = [f"({{{{{z}{{1'b0}}}}, a}} << {i})" for i in range(k.bit_length()) if (k >> i) & 1]
    return (f"module m(input [{n-1}:0] a, output [{_cw(n, k)-1}:0] p);\n  assign p = " + " + ".join(terms)
            + ";\nendmodule\n")


def cmul_csd(n: int, k: int) -> str:
    """Canonical signed digits: e.g. 231 = 256 - 32 + 8 - 1."""
    digits, x, i = [], k, 0
    while x:
        if x & 1:
            d = 2 - (x & 3)
            digits.append((d, i))
            x -= d
        x >>= 1
        i += 1
    z = _cw(n, k) - n
    expr = ""
    for d, i in digits:
        t = f"({{{{{z}{{1'b0}}}}, a}} << {i})"
        expr += (" + " if d > 0 else " - ") + t if expr else (t if d > 0 else f"-{t}")
    return f"module m(input [{n-1}:0] a, output [{_cw(n, k)-1}:0] p);\n  assign p = {expr};\nendmodule\n"


def pairs() -> list[tuple[str, int, str, str, bool]]:
    """(name, input bits, gold text, gate text, equivalent?) — 46 equivalent pairs and 7 wrong ones."""
    out = []
    for n in (8, 12, 16):
        out += [(f"mul{n} op vs swapped", 2 * n, mul_op(n), mul_op(n, True), True),
                (f"mul{n} op vs shift-add", 2 * n, mul_op(n), mul_shift_add(n), True),
                (f"mul{n} shift-add vs swapped shift-add", 2 * n, mul_shift_add(n), mul_shift_add(n, True), True),
                (f"mul{n} op vs array", 2 * n, mul_op(n), mul_array(n), True),
                (f"mul{n} array vs booth", 2 * n, mul_array(n), mul_booth(n), True),
                (f"mul{n} op vs carry-save", 2 * n, mul_op(n), mul_csa(n), True),
                (f"mul{n} booth vs swapped booth", 2 * n, mul_booth(n), mul_booth(n, True), True),
                (f"mul{n} op vs gate-level booth", 2 * n, mul_op(n), mul_booth_gates(n), True),
                (f"mul{n} booth vs wallace", 2 * n, mul_booth(n), mul_wallace(n), True),
                (f"mul{n} wallace vs gate-level booth", 2 * n, mul_wallace(n), mul_booth_gates(n), True)]
    for n in (16, 32):
        out += [(f"add{n} op vs ripple", 2 * n, add_op(n), add_ripple(n), True),
                (f"add{n} ripple vs cla", 2 * n, add_ripple(n), add_cla(n), True),
                (f"add{n} cla vs carry-select", 2 * n, add_cla(n), add_carry_select(n), True)]
    for k in (23, 231, 117):
        out.append((f"cmul16 x{k} op vs csd", 16, cmul_op(16, k), cmul_csd(16, k), True))
    out.append(("cmul16 x231 shift-add vs csd", 16, cmul_shift_add(16, 231), cmul_csd(16, 231), True))
    out += [("cmul32 x40503 op vs csd", 32, cmul_op(32, 40503), cmul_csd(32, 40503), True),
            ("cmul32 x40503 shift-add vs csd", 32, cmul_shift_add(32, 40503), cmul_csd(32, 40503), True)]
    for n in (8, 16):
        out += [(f"mul{n} array vs dadda", 2 * n, mul_array(n), mul_dadda(n), True),
                (f"mul{n} dadda vs booth", 2 * n, mul_dadda(n), mul_booth(n, True), True)]
    # wrong ones: each must come out NOT EQUIVALENT with a counterexample
    out += [("mul16 op vs booth missing a digit (wrong)", 32, mul_op(16),
             mul_booth(16).replace("3'b011:", "3'b111:"), False),
            ("mul16 op vs op+1 (wrong)", 32, mul_op(16), mul_op(16).replace("a * b", "a * b + 1"), False),
            ("add32 ripple vs cla with a broken group (wrong)", 64, add_ripple(32),
             add_cla(32).replace("if (i % 4 == 0) c[i+1] = g[i] | (t[i] & c[i]);",
                                 "if (i % 4 == 0) c[i+1] = g[i];"), False),
            ("mul12 shift-add vs shift-add off by one bit (wrong)", 24, mul_shift_add(12),
             mul_shift_add(12).replace("<< i", "<< (i == 11 ? 10 : i)"), False),
            ("mul16 array vs wallace with one wrong carry (wrong)", 32, mul_array(16),
             mul_wallace(16).replace(" | (", " & (", 1), False),
            ("mul16 array vs gate-level booth, wrong encoder (wrong)", 32, mul_array(16),
             mul_booth_gates(16).replace("assign neg[i] = bz[2*i+2];", "assign neg[i] = bz[2*i+2] & bz[2*i+1];"),
             False),
            ("mul8 booth vs wallace with one wrong carry (wrong)", 16, mul_booth(8),
             mul_wallace(8).replace(" | (", " & (", 1), False)]
    return out
