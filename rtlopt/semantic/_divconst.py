"""A Yosys techmap of unsigned ``$div`` / ``$mod`` cells by a constant, for the gate-level models.

Yosys's generic map divides at ``2 * max(A, B, Y)`` bits in every one of its ``max(A, B, Y)`` stages,
whatever the divisor: a pointer wrapped with ``(sp + 1) % DEPTH`` (DEPTH an integer parameter, so the
expression is 32 bits wide) became 47,000 gates, 33 s of Yosys and JSON per netlist load and 36 s of
gate-level simulation in the sequential analyses (heldout10 cpu/ras_stack). Here a constant divisor
``B`` (unsigned, nonzero) is a restoring long division one dividend bit per stage with the partial
remainder only as wide as ``B``'s significant bits: ``A_WIDTH`` small compare-subtract steps.

Cells with a signed operand, a divisor that is not constant, or a zero divisor fail the map
(``_TECHMAP_FAIL_``) and are left to the generic one. Same values as Verilog's unsigned ``/`` and
``%`` (the quotient / remainder truncated or zero-extended to ``Y_WIDTH``).
"""

from __future__ import annotations

from pathlib import Path

#: the map file's name in the Yosys run's working directory
MAP_FILE = "rtlopt_divconst.v"

MAP = r"""
(* techmap_celltype = "$div $mod" *)
module _90_rtlopt_divmod_const (A, B, Y);
    parameter A_SIGNED = 0;
    parameter B_SIGNED = 0;
    parameter A_WIDTH = 1;
    parameter B_WIDTH = 1;
    parameter Y_WIDTH = 1;
    parameter _TECHMAP_CELLTYPE_ = "";
    parameter _TECHMAP_CONSTMSK_B_ = 0;
    parameter _TECHMAP_CONSTVAL_B_ = 0;
    input [A_WIDTH-1:0] A;
    input [B_WIDTH-1:0] B;
    output [Y_WIDTH-1:0] Y;

    // the divisor's significant bits (1 when it is not a constant: the map fails then)
    function integer sigbits;
        input [B_WIDTH-1:0] v;
        integer k;
        begin
            sigbits = 1;
            for (k = 0; k < B_WIDTH; k = k + 1)
                if (v[k] == 1'b1)
                    sigbits = k + 1;
        end
    endfunction

    wire _TECHMAP_FAIL_ = A_SIGNED || B_SIGNED || _TECHMAP_CONSTMSK_B_ != {B_WIDTH{1'b1}}
                          || _TECHMAP_CONSTVAL_B_ == 0;
    localparam RW = sigbits(_TECHMAP_CONSTVAL_B_);
    wire [RW-1:0] bv = B[RW-1:0];
    // r[i*RW +: RW]: the partial remainder before stage i (always below B)
    wire [RW*(A_WIDTH+1)-1:0] r;
    wire [A_WIDTH-1:0] q;
    assign r[RW-1:0] = {RW{1'b0}};
    genvar i;
    generate
        for (i = 0; i < A_WIDTH; i = i + 1) begin : stage
            wire [RW:0] sh = {r[i*RW +: RW], A[A_WIDTH-1-i]};
            wire [RW:0] d = sh - {1'b0, bv};
            wire ge = !d[RW];
            assign q[A_WIDTH-1-i] = ge;
            assign r[(i+1)*RW +: RW] = ge ? d[RW-1:0] : sh[RW-1:0];
        end
        if (_TECHMAP_CELLTYPE_ == "$mod") begin : m
            assign Y = r[A_WIDTH*RW +: RW];
        end else begin : dv
            assign Y = q;
        end
    endgenerate
endmodule
"""


def write_map(workdir: str | Path) -> str:
    """Write the map into ``workdir``; the Yosys command that applies it (before the generic techmap)."""
    (Path(workdir) / MAP_FILE).write_text(MAP)
    return f"techmap -map {MAP_FILE} t:$div t:$mod"
