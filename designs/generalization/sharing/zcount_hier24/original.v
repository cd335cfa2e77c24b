// Exponent adjust of a 24-bit fixed-point value: the shift to normalize it is the leading-zero
// count, or the trailing-zero count when the value is to be right-aligned; two counter
// instances, the mode picks one.
module lzc24 (input wire [23:0] x, output reg [4:0] n);
    integer k;
    reg done;
    always @* begin
        n = 5'd24;
        done = 1'b0;
        for (k = 23; k >= 0; k = k - 1)
            if (!done && x[k]) begin
                n = 23 - k;
                done = 1'b1;
            end
    end
endmodule

module tzc24 (input wire [23:0] x, output reg [4:0] n);
    integer k;
    reg done;
    always @* begin
        n = 5'd24;
        done = 1'b0;
        for (k = 0; k < 24; k = k + 1)
            if (!done && x[k]) begin
                n = k;
                done = 1'b1;
            end
    end
endmodule

module align24 (
    input  wire        right,
    input  wire [23:0] val,
    output wire [4:0]  shift
);
    wire [4:0] lead, trail;
    lzc24 u_lead  (.x(val), .n(lead));
    tzc24 u_trail (.x(val), .n(trail));
    assign shift = right ? trail : lead;
endmodule
