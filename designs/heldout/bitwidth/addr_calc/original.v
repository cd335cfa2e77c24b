module desc_addr (
    input  wire [15:0] base,
    input  wire [2:0]  idx,
    input  wire [1:0]  word,
    output wire [15:0] addr,
    output wire        cross
);
    wire [31:0] base32 = {16'd0, base};
    wire [31:0] idx32  = {29'd0, idx};
    wire [31:0] off    = idx32 * 32'd12 + {30'd0, word} * 32'd4;
    wire [31:0] full   = base32 + off;
    assign addr  = full[15:0];
    assign cross = full[31:16] != 32'd0;
endmodule
