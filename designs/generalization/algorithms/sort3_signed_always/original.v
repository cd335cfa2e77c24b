// Three signed 12-bit sensor readings ordered low to high (selection sort, registered outputs).
module sort3_signed (
    input  wire               clk,
    input  wire signed [11:0] x0, x1, x2,
    output reg  signed [11:0] lo, mid, hi
);
    reg signed [11:0] v0, v1, v2, t;
    always @(posedge clk) begin
        v0 = x0; v1 = x1; v2 = x2;
        // find the minimum into v0
        if (v1 < v0) begin t = v0; v0 = v1; v1 = t; end
        if (v2 < v0) begin t = v0; v0 = v2; v2 = t; end
        // order the remaining two
        if (v2 < v1) begin t = v1; v1 = v2; v2 = t; end
        lo  <= v0;
        mid <= v1;
        hi  <= v2;
    end
endmodule
