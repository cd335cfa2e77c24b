// Find-first unit of a 32-bit bitmap allocator: the number of free slots above the highest used
// one (leading zeros) or below the lowest used one (trailing zeros), chosen per request. Each
// count is built from a thermometer: a generate chain ORs the bits seen so far, and the count is
// the number of positions not yet reached.
module ff_alloc (
    input  wire        from_lsb,
    input  wire [31:0] used,
    output wire [5:0]  free_run
);
    wire [32:0] seen_hi;  // seen_hi[g] = |used[31:g]
    wire [32:0] seen_lo;  // seen_lo[g+1] = |used[g:0]
    assign seen_hi[32] = 1'b0;
    assign seen_lo[0]  = 1'b0;
    genvar g;
    generate
        for (g = 31; g >= 0; g = g - 1) begin : g_hi
            assign seen_hi[g] = seen_hi[g+1] | used[g];
        end
        for (g = 0; g < 32; g = g + 1) begin : g_lo
            assign seen_lo[g+1] = seen_lo[g] | used[g];
        end
    endgenerate

    function [5:0] zeros32;
        input [31:0] v;
        integer k;
        begin
            zeros32 = 6'd0;
            for (k = 0; k < 32; k = k + 1)
                zeros32 = zeros32 + {5'd0, ~v[k]};
        end
    endfunction

    wire [5:0] lead  = zeros32(seen_hi[31:0]);
    wire [5:0] trail = zeros32(seen_lo[32:1]);
    assign free_run = from_lsb ? trail : lead;
endmodule
