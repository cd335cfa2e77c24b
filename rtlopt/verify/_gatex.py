"""Reads past the end of a vector (Yosys ``$shiftx``) and divisions by zero: x in Verilog, free values in the gate.

``t[sel]`` of a 5-entry packed array with a 3-bit ``sel``, or ``v[i +: 4]`` near the top of ``v``,
elaborates to ``$shiftx``, whose bits shifted in from past the end are x. The engines' own models
read them as 0 (Yosys SAT, ``write_smt2``), which would prove a gate ``q = t[sel]`` equal to a gold
``q = (sel < 5) ? t[sel] : 0`` -- but the gate's x may become any value after synthesis, so the gate
must match gold for every value of those bits (the verifier's rule: x in gold is don't-care, x in the
gate is not).

:func:`oob_shiftx` finds the ``$shiftx`` cells whose shift can reach past the end (a bound on the
shift amount from its driver: a port or register word times a constant, plus, shifted), so
in-range array reads (a 4-entry array with a 2-bit index) keep their plain form. In the gate they are
rewritten (:data:`SHIFTX_MAP`) as ``(v & m) | (f & ~m)``: ``v`` the zero-filled shift, ``m`` the
in-range mask (the same shift of all ones) and ``f`` a ``$anyseq`` (any value, each cycle), before any
engine reads the gate, so every engine sees the same free bits. In gold they are x, i.e. don't-care
(``xprop`` models ``$shiftx`` past the end as x).

A divide or modulo (``$div``, ``$mod``, ``$divfloor``, ``$modfloor``) by zero is x in Verilog too; the
engines read ``a / 0`` as all ones and ``a % 0`` as ``a``, which would prove a gate ``q = a / b`` equal to a
gold ``q = (b == 0) ? 8'hff : a / b``. :func:`zero_divisors` finds the cells whose divisor may be 0 (any
divisor but a constant with a one bit, or a word with a constant one bit); in the gate they become
``(|B) ? A / B : f`` (:data:`DIV_MAP`, ``f`` a ``$anyseq``), so a constant divisor such as ``% 6`` keeps its
plain form (and its narrow long-division map in the AIGER miter). Gold's are x (``xprop`` models a
division by zero as x), i.e. don't-care when the gate has x of its own.
"""

from __future__ import annotations

from pathlib import Path

SHIFTX_MAP = r"""
(* techmap_celltype = "$shiftx" *)
module _rtlopt_gate_shiftx (A, B, Y);
  parameter A_SIGNED = 0;
  parameter B_SIGNED = 0;
  parameter A_WIDTH = 1;
  parameter B_WIDTH = 1;
  parameter Y_WIDTH = 1;
  input [A_WIDTH-1:0] A;
  input [B_WIDTH-1:0] B;
  output [Y_WIDTH-1:0] Y;
  wire [Y_WIDTH-1:0] v, m, f;
  \$shift #(.A_SIGNED(0), .B_SIGNED(B_SIGNED), .A_WIDTH(A_WIDTH), .B_WIDTH(B_WIDTH), .Y_WIDTH(Y_WIDTH))
    _v (.A(A), .B(B), .Y(v));
  \$shift #(.A_SIGNED(0), .B_SIGNED(B_SIGNED), .A_WIDTH(A_WIDTH), .B_WIDTH(B_WIDTH), .Y_WIDTH(Y_WIDTH))
    _m (.A({A_WIDTH{1'b1}}), .B(B), .Y(m));
  \$anyseq #(.WIDTH(Y_WIDTH)) _f (.Y(f));
  assign Y = (v & m) | (f & ~m);
endmodule
"""

#: Divide / modulo cells whose divisor may be 0 (see :func:`zero_divisors`).
DIV_TYPES = ("$div", "$mod", "$divfloor", "$modfloor")

# the division itself is written as a placeholder type (techmap would map a '$div' made by the '$div'
# map again, forever) and renamed back by :func:`lower_script` ('chtype')
_DIV_ARM = """    {kw}if (_TECHMAP_CELLTYPE_ == "{t}")
      \\$__rtlopt_{n} #(.A_SIGNED(A_SIGNED), .B_SIGNED(B_SIGNED), .A_WIDTH(A_WIDTH), .B_WIDTH(B_WIDTH),
        .Y_WIDTH(Y_WIDTH)) _q (.A(A), .B(B), .Y(q));
"""
DIV_MAP = r"""
(* techmap_celltype = "$div $mod $divfloor $modfloor" *)
module _rtlopt_gate_divzero (A, B, Y);
  parameter _TECHMAP_CELLTYPE_ = "";
  parameter A_SIGNED = 0;
  parameter B_SIGNED = 0;
  parameter A_WIDTH = 1;
  parameter B_WIDTH = 1;
  parameter Y_WIDTH = 1;
  input [A_WIDTH-1:0] A;
  input [B_WIDTH-1:0] B;
  output [Y_WIDTH-1:0] Y;
  wire [Y_WIDTH-1:0] q, f;
  generate
""" + "".join(_DIV_ARM.format(kw="" if i == 0 else "else ", t=t, n=t[1:]) for i, t in enumerate(DIV_TYPES)) + r"""  endgenerate
  \$anyseq #(.WIDTH(Y_WIDTH)) _f (.Y(f));
  assign Y = (|B) ? q : f;
endmodule
"""

MAP_FILE = "rtlopt_gate_shiftx.v"
#: Every map of the gate's x (one file: the marked cells are mapped in one ``techmap`` run).
GATE_MAP = SHIFTX_MAP + DIV_MAP


def _int(v) -> int:
    s = str(v)
    return int(s, 2) if set(s) <= {"0", "1"} and len(s) > 1 else int(s)


def _bound(bits: list, drivers: dict, depth: int = 0) -> int:
    """An upper bound on the unsigned value of ``bits`` (LSB first, Yosys JSON bit ids or '0'/'1'/'x')."""
    full = sum(1 << i for i, b in enumerate(bits) if b != "0")
    if depth > 8 or not bits:
        return full
    top = len(bits)
    while top > 0 and bits[top - 1] == "0":
        top -= 1
    if top == 0:
        return 0
    body = bits[:top]
    if all(isinstance(b, str) for b in body):  # a constant
        return sum(1 << i for i, b in enumerate(body) if b == "1") if "x" not in body else full
    drv = drivers.get(body[0])
    if drv is None:
        return full
    c, y = drv
    conns = c.get("connections", {})
    ybits = conns.get("Y", [])
    if ybits[:len(body)] != body or len(ybits) < len(body):
        return full
    params = c.get("parameters", {})
    signed = any(_int(params.get(p, 0)) for p in ("A_SIGNED", "B_SIGNED"))
    t = c["type"]
    limit = (1 << len(ybits)) - 1
    if signed or t not in ("$mul", "$add", "$shl", "$sshl", "$pos"):
        return full
    a = _bound(conns.get("A", []), drivers, depth + 1)
    if t == "$pos":
        val = a
    else:
        bb = conns.get("B", [])
        b = _bound(bb, drivers, depth + 1)
        if t == "$mul":
            val = a * b
        elif t == "$add":
            val = a + b
        else:
            val = a << b if b < 64 else limit + 1
    if val > limit:  # may wrap
        return full
    return min(val, full)


def oob_shiftx(module: dict) -> list[str]:
    """Names of the ``$shiftx`` cells of a Yosys JSON module that may read past the end of A."""
    cells = module.get("cells", {})
    drivers: dict = {}
    for c in cells.values():
        dirs = c.get("port_directions", {})
        for p, bits in c.get("connections", {}).items():
            if dirs.get(p) == "output":
                for b in bits:
                    if not isinstance(b, str):
                        drivers[b] = (c, p)
    out = []
    for name, c in cells.items():
        if c["type"] != "$shiftx":
            continue
        params = c.get("parameters", {})
        aw, yw = _int(params.get("A_WIDTH", 0)), _int(params.get("Y_WIDTH", 0))
        bbits = c.get("connections", {}).get("B", [])
        if _int(params.get("B_SIGNED", 0)):
            mx = _bound(bbits, drivers)
            if bbits and mx >= (1 << (len(bbits) - 1)):
                out.append(name)  # the shift may be negative: bits below A read past the start
                continue
        else:
            mx = _bound(bbits, drivers)
        if mx + yw > aw:
            out.append(name)
    return out


def zero_divisors(module: dict) -> list[str]:
    """Names of the divide / modulo cells of a Yosys JSON module whose divisor may be 0 (x in Verilog).
    A divisor with a constant one bit (``% 6``, ``{b, 1'b1}``) never is."""
    return [name for name, c in module.get("cells", {}).items()
            if c["type"] in DIV_TYPES and "1" not in c.get("connections", {}).get("B", [])]


def undriven_reads(module: dict) -> list[str]:
    """Names of the nets of a Yosys JSON module read (by a cell or an output port) but driven by nothing:
    x in Verilog. Every engine frees them in the gate (``setundef -undriven -anyseq``); the caller counts
    them as x sources so the combinational ``equiv`` (no such step) is not used on the gate."""
    driven: set = set()
    read: set = set()
    for c in module.get("cells", {}).values():
        dirs = c.get("port_directions", {})
        for p, bits in c.get("connections", {}).items():
            (driven if dirs.get(p, "input") == "output" else read).update(b for b in bits if not isinstance(b, str))
    for v in module.get("ports", {}).values():
        bits = [b for b in v.get("bits", []) if not isinstance(b, str)]
        (read if v.get("direction") == "output" else driven).update(bits)
    missing = read - driven
    if not missing:
        return []
    names = sorted({n for n, v in module.get("netnames", {}).items()
                    if missing & set(b for b in v.get("bits", []) if not isinstance(b, str))},
                   key=lambda n: (n.startswith("$"), n))
    return names[:1] or ["?"]


def mark_cells(il: Path, cells: list[str], module: str) -> int:
    """Give ``cells`` (JSON names) of ``module`` in the RTLIL file ``il`` the attribute ``rtlopt_oob``
    (cell names hold '/' and ':', which selection patterns cannot spell): the reads past the end
    (``$shiftx``) and the divisions by a divisor that may be 0. Returns how many were marked."""
    want = {n if n.startswith("$") else "\\" + n for n in cells}
    mod_line = f"module {module if module.startswith('$') else chr(92) + module}"
    out, inside, marked = [], False, 0
    for ln in il.read_text().splitlines(keepends=True):
        s = ln.strip()
        if s.startswith("module "):
            inside = s == mod_line
        if inside and s.startswith("cell ") and s.split(" ")[1] in _MARKED and s.split(" ", 2)[2] in want:
            out.append(ln[:len(ln) - len(ln.lstrip())] + "attribute \\rtlopt_oob 1\n")
            marked += 1
        out.append(ln)
    il.write_text("".join(out))
    return marked


_MARKED = ("$shiftx", *DIV_TYPES)


def lower_script(il: Path, json_out: Path) -> str:
    """Yosys commands that rewrite the marked cells in ``il`` (see the module docstring); the map file
    (:data:`GATE_MAP`) is :data:`MAP_FILE` beside ``il``."""
    back = " ".join(f"-map $__rtlopt_{t[1:]} {t}" for t in DIV_TYPES)
    return "\n".join([f"read_rtlil {il.name}", f"techmap -map {MAP_FILE} a:rtlopt_oob", f"chtype {back}",
                      "opt_clean", f"write_rtlil {il.name}", f"write_json {json_out.name}"]) + "\n"


__all__ = ["DIV_MAP", "DIV_TYPES", "GATE_MAP", "MAP_FILE", "SHIFTX_MAP", "lower_script", "mark_cells", "oob_shiftx",
           "undriven_reads", "zero_divisors"]
