// SPDX-License-Identifier: Apache-2.0
// alu_shared: operators duplicated across mux arms.
//   - `sum` uses one adder per arm of a ternary;
//   - `prod` multiplies in both branches of an if/else assigning the same target.
// rtlopt shares one operator behind multiplexers.
module alu_shared (
    input  wire       sel,
    input  wire       mode,
    input  wire [7:0] a, b, c, d,
    output wire [8:0] sum,
    output reg [15:0] prod
);
    assign sum = sel ? a + b : a + c;   // a is common to both arms

    always @(*) begin
        if (mode)
            prod = a * b;
        else
            prod = c * d;
    end
endmodule
