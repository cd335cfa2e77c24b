// Find-first unit of a 32-bit bitmap allocator: the number of free slots above the highest used
// one (leading zeros) or below the lowest used one (trailing zeros), chosen per request.
// Each count is a priority scan (the last set bit seen wins), no thermometer.
module ff_alloc (
    input  wire        from_lsb,
    input  wire [31:0] used,
    output wire [5:0]  free_run
);
    reg [5:0] lead, trail;
    integer k;
    always @* begin
        lead = 6'd32;
        for (k = 0; k < 32; k = k + 1)
            if (used[k]) lead = 6'd31 - k[5:0];
        trail = 6'd32;
        for (k = 31; k >= 0; k = k - 1)
            if (used[k]) trail = k[5:0];
    end
    assign free_run = from_lsb ? trail : lead;
endmodule
