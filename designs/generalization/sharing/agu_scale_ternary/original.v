// Load/store address generator: base plus the index scaled by the access size (byte, half, word)
// or by a programmable shift; kinds 4..7 use the base alone. Written as one ?: chain per case.
module agu_scale (
    input  wire [2:0]  kind,
    input  wire [2:0]  sh,
    input  wire [23:0] base,
    input  wire [23:0] idx,
    output wire [23:0] addr
);
    wire [23:0] off = (kind == 3'd1) ? (idx << 1)  :
                      (kind == 3'd2) ? (idx << 2)  :
                      (kind == 3'd3) ? (idx << sh) :
                      kind[2]        ? 24'd0       :
                                       idx;
    assign addr = base + off;
endmodule
