"""Structurally different adder/multiplier pairs (Verilog text generated here), for the arithmetic
equivalence benchmark (benchmarks/arith_equiv_bench.py) and its tests.

Each generator returns the text of a module ``m`` with inputs ``a``/``b`` (``n`` bits each) and
output ``p``: behavioural operators, shift-and-add loops (either operand), array multipliers from AND
terms and ripple adders in generate loops, radix-4 Booth (behavioural, either operand recoded, and as
an encoder/selector gate netlist), Wallace-style carry-save reduction (word-level and as a flat tree of
full/half adders), a flat Dadda tree,
carry-lookahead / carry-select adders, and constant multipliers as shift-add networks. Signed
(two's-complement) multipliers: ``$signed`` operators, shift-and-add with the sign row subtracted,
Baugh-Wooley arrays, behavioural Booth. Gate-level radix-4 Booth with a flat Wallace tree in the ways
datapath generators emit it (three partial-product select styles, sign extension by one constant,
signed or unsigned, optionally a Kogge-Stone final adder); radix-8 Booth with a precomputed 3a;
multiply-accumulate ``a*b+c`` as an array seeded with the addend and as one fused Wallace tree;
Kogge-Stone adders.
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


def mul_array(n: int, addend: bool = False) -> str:
    """AND partial products summed row by row with explicit ripple-carry full adders (``addend``: a
    multiply-accumulate whose first row is the input ``c``)."""
    w = 2 * n
    cin = f", input [{w-1}:0] c" if addend else ""
    row0 = "c" if addend else f"{{{w}{{1'b0}}}}"
    cy = "cy" if addend else "c"
    return f"""module m(input [{n-1}:0] a, b{cin}, output [{w-1}:0] p);
  wire [{w-1}:0] row [0:{n}];
  wire [{w}:0] {cy} [0:{n}];
  assign row[0] = {row0};
  genvar i, j;
  generate
    for (i = 0; i < {n}; i = i + 1) begin : r
      wire [{w-1}:0] pp = ({{{{{n}{{1'b0}}}}, (a & {{{n}{{b[i]}}}})}}) << i;
      assign {cy}[i][0] = 1'b0;
      for (j = 0; j < {w}; j = j + 1) begin : fa
        assign row[i+1][j] = row[i][j] ^ pp[j] ^ {cy}[i][j];
        assign {cy}[i][j+1] = (row[i][j] & pp[j]) | (row[i][j] & {cy}[i][j]) | (pp[j] & {cy}[i][j]);
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


def _wallace(cols: list[list[str]], w: int, body: list[str], tag: str = "") -> tuple[str, str]:
    """Wallace reduction of bit columns (wire names, ``~name``, ``1'b1``) by full and half adders
    (3:2 and 2:2 counters) until two rows remain; their concatenations, most significant bit first."""
    cnt = 0
    while max(len(c) for c in cols) > 2:
        new: list[list[str]] = [[] for _ in range(len(cols))]
        for c, bits in enumerate(cols):
            k = 0
            while len(bits) - k >= 3:
                x, y, z = bits[k:k + 3]
                s, co = f"{tag}s{cnt}", f"{tag}c{cnt}"
                cnt += 1
                body.append(f"  wire {s} = {x} ^ {y} ^ {z};")
                body.append(f"  wire {co} = ({x} & {y}) | ({x} & {z}) | ({y} & {z});")
                new[c].append(s)
                if c + 1 < w:
                    new[c + 1].append(co)
                k += 3
            if len(bits) - k == 2 and len(bits) > 2:
                x, y = bits[k:k + 2]
                s, co = f"{tag}s{cnt}", f"{tag}c{cnt}"
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
    return "{" + r0 + "}", "{" + r1 + "}"


def _kogge_stone(w: int, x: str, y: str, body: list[str], tag: str = "k") -> str:
    """A ``w``-bit Kogge-Stone parallel-prefix adder of the wires ``x`` and ``y`` (sum mod ``2^w``) as
    generate/propagate gates; returns the name of the sum wire."""
    body.append(f"  wire [{w-1}:0] {tag}g0 = {x} & {y};")
    body.append(f"  wire [{w-1}:0] {tag}p0 = {x} ^ {y};")
    d, lvl = 1, 0
    while d < w:
        body.append(f"  wire [{w-1}:0] {tag}g{lvl+1}, {tag}p{lvl+1};")
        for i in range(w):
            g, q = f"{tag}g{lvl}", f"{tag}p{lvl}"
            if i >= d:
                body.append(f"  assign {tag}g{lvl+1}[{i}] = {g}[{i}] | ({q}[{i}] & {g}[{i-d}]);")
                body.append(f"  assign {tag}p{lvl+1}[{i}] = {q}[{i}] & {q}[{i-d}];")
            else:
                body.append(f"  assign {tag}g{lvl+1}[{i}] = {g}[{i}];")
                body.append(f"  assign {tag}p{lvl+1}[{i}] = {q}[{i}];")
        d, lvl = d * 2, lvl + 1
    body.append(f"  wire [{w-1}:0] {tag}s = {tag}p0 ^ {{{tag}g{lvl}[{w-2}:0], 1'b0}};")
    return f"{tag}s"


def mul_wallace(n: int, final: str = "op") -> str:
    """Flat gate-level Wallace tree: AND partial products, columns compressed by full and half
    adders (3:2 and 2:2 counters) until two rows remain, then one final adder (``+``, or a gate-level
    Kogge-Stone prefix adder with ``final="ks"``)."""
    w = 2 * n
    cols: list[list[str]] = [[] for _ in range(w + 1)]
    body = []
    for i in range(n):
        for j in range(n):
            nm = f"pp_{i}_{j}"
            body.append(f"  wire {nm} = a[{j}] & b[{i}];")
            cols[i + j].append(nm)
    r0, r1 = _wallace(cols, w, body)
    out = (f"module m(input [{n-1}:0] a, b, output [{w-1}:0] p);\n" + "\n".join(body)
           + f"\n  wire [{w-1}:0] r0 = {r0};\n  wire [{w-1}:0] r1 = {r1};\n")
    return out + _final_adder(w, "r0", "r1", final) + "endmodule\n"


def _final_adder(w: int, x: str, y: str, final: str) -> str:
    """``assign p = x + y;`` as an operator (``final="op"``) or a gate-level Kogge-Stone adder (``"ks"``)."""
    if final == "op":
        return f"  assign p = {x} + {y};\n"
    fin: list[str] = []
    sname = _kogge_stone(w, x, y, fin)
    return "\n".join(fin) + f"\n  assign p = {sname};\n"


def mul_booth_tree(n: int, signed: bool = False, select: str = "xor-and", final: str = "op",
                   flip: tuple[int, int] | None = None) -> str:
    """Radix-4 Booth as a datapath generator emits it: per digit an encoder, partial-product bits
    selected in one of three styles (``xor-and``: ``((a[j] ^ neg) & one) | ((a[j-1] ^ neg) & two)``;
    ``mux``: ``(two ? a[j-1] : one ? a[j] : 0) ^ neg``; ``one-hot``: four select lines +1/+2/-1/-2),
    sign extension replaced by the inverted sign bit and one constant, the ``+neg`` correction bits,
    all reduced by a flat Wallace tree of full/half adders, one final adder (see :func:`_final_adder`).
    ``signed``: two's-complement operands. ``flip=(digit, bit)`` swaps the one/two selects of a single
    partial-product bit (a wrong design)."""
    w = 2 * n
    m = n + 1 if signed else n + 2  # partial-product width: the multiple of a (up to 2a) with its sign
    k = n // 2 if signed else n // 2 + 1
    bz = "{b, 1'b0}" if signed else f"{{{2 * k - n}'b0, b, 1'b0}}"
    ax = f"{{a[{n-1}], a}}" if signed else "{2'b00, a}"
    body = [f"module m(input [{n-1}:0] a, b, output [{w-1}:0] p);", f"  wire [{2*k}:0] bz = {bz};",
            f"  wire [{m-1}:0] ax = {ax};"]
    cols: list[list[str]] = [[] for _ in range(w)]
    const = 0
    for i in range(k):
        b0, b1, b2 = f"bz[{2*i}]", f"bz[{2*i+1}]", f"bz[{2*i+2}]"
        body += [f"  wire one_{i} = {b0} ^ {b1};", f"  wire two_{i} = ({b2} ^ {b1}) & ~({b1} ^ {b0});",
                 f"  wire neg_{i} = {b2};",
                 f"  wire cor_{i} = {b2} & ~({b1} & {b0});"]  # +1 of the negation (none for digit -0)
        if select == "one-hot":
            body += [f"  wire p1_{i} = one_{i} & ~neg_{i}, p2_{i} = two_{i} & ~neg_{i};",
                     f"  wire m1_{i} = one_{i} & neg_{i}, m2_{i} = two_{i} & neg_{i};"]
        for j in range(m):
            lo = f"ax[{j-1}]" if j else "1'b0"
            one, two = (f"two_{i}", f"one_{i}") if flip == (i, j) else (f"one_{i}", f"two_{i}")
            if select == "xor-and":
                e = f"((ax[{j}] ^ neg_{i}) & {one}) | (({lo} ^ neg_{i}) & {two})"
            elif select == "mux":
                e = f"({two} ? {lo} : {one} ? ax[{j}] : 1'b0) ^ cor_{i}"
            else:
                pa, pb, ma, mb = ((f"p2_{i}", f"p1_{i}", f"m2_{i}", f"m1_{i}") if flip == (i, j)
                                  else (f"p1_{i}", f"p2_{i}", f"m1_{i}", f"m2_{i}"))
                e = f"({pa} & ax[{j}]) | ({pb} & {lo}) | ({ma} & ~ax[{j}]) | ({mb} & ~{lo})"
            body.append(f"  wire q_{i}_{j} = {e};")
            if 2 * i + j < w:
                cols[2 * i + j].append(f"q_{i}_{j}" if j < m - 1 else f"~q_{i}_{j}")
        cols[2 * i].append(f"cor_{i}")
        const -= 1 << (2 * i + m - 1)  # the sign bit's weight -2^(m-1) = ~sign * 2^(m-1) - 2^(m-1)
    for c in range(w):
        if (const >> c) & 1:
            cols[c].append("1'b1")
    r0, r1 = _wallace(cols, w, body, "t")
    body.append(f"  wire [{w-1}:0] r0 = {r0};\n  wire [{w-1}:0] r1 = {r1};")
    return "\n".join(body) + "\n" + _final_adder(w, "r0", "r1", final) + "endmodule\n"


def mul_booth8(n: int) -> str:
    """Unsigned radix-8 Booth: digits -4..4 from overlapping 4-bit windows of b, the odd multiple 3a
    precomputed by an adder, each partial product negated as ones' complement plus one."""
    w, k, m = 2 * n, n // 3 + 1, n + 3
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  wire [{3*k}:0] bz = {{{3*k - n}'b0, b, 1'b0}};
  wire [{m-1}:0] x1 = a, x2 = {{a, 1'b0}}, x4 = {{a, 2'b0}};
  wire [{m-1}:0] x3 = x1 + x2;
  reg [{w-1}:0] acc;
  reg [{m-1}:0] s;
  reg ng;
  integer i;
  always @* begin
    acc = 0;
    for (i = 0; i < {k}; i = i + 1) begin
      ng = bz[3*i+3];
      case (bz[3*i +: 4])
        4'b0001, 4'b0010, 4'b1101, 4'b1110: s = x1;
        4'b0011, 4'b0100, 4'b1011, 4'b1100: s = x2;
        4'b0101, 4'b0110, 4'b1001, 4'b1010: s = x3;
        4'b0111, 4'b1000: s = x4;
        default: s = {m}'b0;
      endcase
      acc = acc + (({{{{{w-m}{{ng}}}}, s ^ {{{m}{{ng}}}}}} + ng) << (3*i));
    end
  end
  assign p = acc;
endmodule
"""


def smul_op(n: int, swap: bool = False) -> str:
    e = "$signed(b) * $signed(a)" if swap else "$signed(a) * $signed(b)"
    return f"module m(input [{n-1}:0] a, b, output [{2*n-1}:0] p);\n  assign p = {e};\nendmodule\n"


def smul_shift_add(n: int) -> str:
    """Signed shift-and-add: the sign-extended multiplicand added for each bit of b, subtracted for its sign bit."""
    return f"""module m(input signed [{n-1}:0] a, b, output reg signed [{2*n-1}:0] p);
  integer i;
  always @* begin
    p = 0;
    for (i = 0; i < {n-1}; i = i + 1)
      if (b[i]) p = p + (a <<< i);
    if (b[{n-1}]) p = p - (a <<< {n-1});
  end
endmodule
"""


def smul_array(n: int) -> str:
    """Baugh-Wooley signed array: AND terms, the terms with exactly one sign bit inverted, constant ones
    at bits n and 2n-1, rows summed by ripple-carry full adders."""
    w = 2 * n
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  wire [{w-1}:0] row [0:{n}];
  wire [{w}:0] c [0:{n}];
  assign row[0] = {{1'b1, {{{n-2}{{1'b0}}}}, 1'b1, {{{n}{{1'b0}}}}}};
  genvar i, j;
  generate
    for (i = 0; i < {n}; i = i + 1) begin : r
      wire [{n-1}:0] t;
      for (j = 0; j < {n}; j = j + 1) begin : q
        assign t[j] = ((i == {n-1}) != (j == {n-1})) ? ~(a[j] & b[i]) : (a[j] & b[i]);
      end
      wire [{w-1}:0] pp = {{{{{n}{{1'b0}}}}, t}} << i;
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


def smul_booth(n: int) -> str:
    """Behavioural signed radix-4 Booth (a case statement per digit of b, signed arithmetic)."""
    w, k = 2 * n, n // 2
    return f"""module m(input [{n-1}:0] a, b, output [{w-1}:0] p);
  wire [{2*k}:0] bz = {{b, 1'b0}};
  wire signed [{w+2}:0] ax = $signed(a);
  reg signed [{w+2}:0] acc, pp;
  integer i;
  always @* begin
    acc = 0;
    for (i = 0; i < {k}; i = i + 1) begin
      case (bz[2*i +: 3])
        3'b001, 3'b010: pp = ax;
        3'b011:         pp = ax <<< 1;
        3'b100:         pp = -(ax <<< 1);
        3'b101, 3'b110: pp = -ax;
        default:        pp = 0;
      endcase
      acc = acc + (pp <<< (2*i));
    end
  end
  assign p = acc[{w-1}:0];
endmodule
"""


def mac_op(n: int) -> str:
    w = 2 * n
    return f"module m(input [{n-1}:0] a, b, input [{w-1}:0] c, output [{w-1}:0] p);\n  assign p = a * b + c;\nendmodule\n"


def mac_array(n: int) -> str:
    """Multiply-accumulate as an array multiplier whose first row is the addend."""
    return mul_array(n, addend=True)


def mac_wallace(n: int, drop: int | None = None) -> str:
    """Multiply-accumulate fused into one Wallace tree: the addend's bits are one more row of the
    partial-product columns. ``drop``: leave that addend bit out (a wrong design)."""
    w = 2 * n
    body = [f"module m(input [{n-1}:0] a, b, input [{w-1}:0] c, output [{w-1}:0] p);"]
    cols: list[list[str]] = [[] for _ in range(w)]
    for i in range(n):
        for j in range(n):
            body.append(f"  wire pp_{i}_{j} = a[{j}] & b[{i}];")
            cols[i + j].append(f"pp_{i}_{j}")
    for j in range(w):
        if j != drop:
            cols[j].append(f"c[{j}]")
    r0, r1 = _wallace(cols, w, body)
    return "\n".join(body) + f"\n  assign p = {r0} + {r1};\nendmodule\n"


def add_kogge_stone(n: int) -> str:
    body = [f"module m(input [{n-1}:0] a, b, output [{n}:0] p);", f"  wire [{n}:0] x = a, y = b;"]
    sname = _kogge_stone(n + 1, "x", "y", body)
    return "\n".join(body) + f"\n  assign p = {sname};\nendmodule\n"


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
    """(name, input bits, gold text, gate text, equivalent?) — 85 equivalent pairs and 12 wrong ones."""
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
    for n in (8, 12, 16):  # radix-4 Booth, signed and unsigned, against array / Wallace / shift-add / a*b
        out += [(f"smul{n} op vs booth", 2 * n, smul_op(n), smul_booth(n), True),
                (f"smul{n} array vs booth", 2 * n, smul_array(n), smul_booth(n), True),
                (f"smul{n} array vs booth-wallace", 2 * n, smul_array(n), mul_booth_tree(n, True), True),
                (f"smul{n} shift-add vs booth-wallace", 2 * n, smul_shift_add(n), mul_booth_tree(n, True), True),
                (f"mul{n} op vs booth", 2 * n, mul_op(n), mul_booth(n), True),
                (f"mul{n} array vs booth-wallace", 2 * n, mul_array(n), mul_booth_tree(n), True),
                (f"mul{n} wallace vs array", 2 * n, mul_wallace(n), mul_array(n), True)]
    for n in (8, 16):
        out += [(f"smul{n} op vs swapped", 2 * n, smul_op(n), smul_op(n, True), True),
                (f"smul{n} op vs booth-wallace mux-select kogge-stone", 2 * n, smul_op(n),
                 mul_booth_tree(n, True, "mux", "ks"), True),
                (f"mul{n} shift-add vs booth-wallace one-hot kogge-stone", 2 * n, mul_shift_add(n),
                 mul_booth_tree(n, False, "one-hot", "ks"), True),
                (f"mul{n} array vs wallace kogge-stone", 2 * n, mul_array(n), mul_wallace(n, "ks"), True),
                (f"mac{n} op vs array", 4 * n, mac_op(n), mac_array(n), True),
                (f"mac{n} array vs fused wallace", 4 * n, mac_array(n), mac_wallace(n), True)]
    for n in (8, 16):
        out.append((f"mul{n} wallace vs booth radix-8", 2 * n, mul_wallace(n), mul_booth8(n), True))
    for k in (23, 117):
        out.append((f"cmul16 x{k} shift-add vs csd", 16, cmul_shift_add(16, k), cmul_csd(16, k), True))
    out += [("add32 ripple vs kogge-stone", 64, add_ripple(32), add_kogge_stone(32), True),
            ("add64 op vs kogge-stone", 128, add_op(64), add_kogge_stone(64), True)]
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
             mul_wallace(8).replace(" | (", " & (", 1), False),
            ("smul16 op vs booth-wallace, one select bit flipped (wrong)", 32, smul_op(16),
             mul_booth_tree(16, True, flip=(3, 5)), False),
            ("mul12 array vs booth-wallace, one select bit flipped (wrong)", 24, mul_array(12),
             mul_booth_tree(12, flip=(2, 7)), False),
            ("smul16 op vs unsigned op (wrong)", 32, smul_op(16), mul_op(16), False),
            ("mac16 op vs fused wallace missing an addend bit (wrong)", 64, mac_op(16), mac_wallace(16, drop=9),
             False),
            ("mul16 array vs wallace kogge-stone, one prefix node wrong (wrong)", 32, mul_array(16),
             mul_wallace(16, "ks").replace("assign kg3[20] = kg2[20] | (kp2[20] & kg2[16]);",
                                           "assign kg3[20] = kg2[20] | (kp2[20] & kg2[17]);"), False)]
    return out
