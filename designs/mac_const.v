// SPDX-License-Identifier: Apache-2.0
// mac_const: a 3-tap filter with constant coefficients (9, 23, 81), registered output.
// The coefficient multiplications share the operand x; rtlopt rewrites them into a shared
// shift-and-add network (CSD recoding with a common term x*9).
module mac_const (
    input  wire        clk,
    input  wire        rst,
    input  wire [11:0] x,      // sample
    output reg  [19:0] acc     // filtered value
);
    wire [19:0] t0 = x * 9;    // tap 0
    wire [19:0] t1 = x * 23;   // tap 1
    wire [19:0] t2 = x * 81;   // tap 2

    always @(posedge clk) begin
        if (rst)
            acc <= 20'd0;
        else
            acc <= t0 + t1 + t2;  /* sum of taps */
    end
endmodule
