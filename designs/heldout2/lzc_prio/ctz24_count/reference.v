// Tree trailing-zero count: 8-bit groups, then a 3-way group select.
module ctz24 (
    input  wire [23:0] m,
    output wire [4:0]  tz
);
    function [3:0] ctz8;           // {all_zero, count[2:0]}
        input [7:0] b;
        reg [3:0] lo, hi;
        begin
            lo = b[0] ? 4'd0 : b[1] ? 4'd1 : b[2] ? 4'd2 : b[3] ? 4'd3 : 4'd4;
            hi = b[4] ? 4'd0 : b[5] ? 4'd1 : b[6] ? 4'd2 : b[7] ? 4'd3 : 4'd4;
            ctz8 = lo[2] ? {hi[2], 1'b1, hi[1:0]} : {1'b0, 1'b0, lo[1:0]};
        end
    endfunction
    wire [3:0] g0 = ctz8(m[7:0]);
    wire [3:0] g1 = ctz8(m[15:8]);
    wire [3:0] g2 = ctz8(m[23:16]);
    // count = 8*k + c_k for the first non-zero group k; 24 if all zero
    assign tz = !g0[3] ? {2'b00, g0[2:0]} :
                !g1[3] ? {2'b01, g1[2:0]} :
                !g2[3] ? {2'b10, g2[2:0]} : 5'd24;
endmodule
