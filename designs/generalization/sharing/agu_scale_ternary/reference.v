// Load/store address generator: one shifter whose amount is picked from the kind bits directly.
module agu_scale (
    input  wire [2:0]  kind,
    input  wire [2:0]  sh,
    input  wire [23:0] base,
    input  wire [23:0] idx,
    output wire [23:0] addr
);
    wire [2:0]  amt = kind[1] ? (kind[0] ? sh : 3'd2) : {2'b00, kind[0]};
    wire [23:0] off = kind[2] ? 24'd0 : (idx << amt);
    assign addr = base + off;
endmodule
