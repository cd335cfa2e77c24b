// SPDX-License-Identifier: Apache-2.0
// prio_decode: an if/else-if chain on one selector with distinct constants, a redundant mux
// and a double negation; rtlopt turns the chain into a parallel case and removes the rest.
module prio_decode (
    input  wire [2:0] op,
    input  wire [7:0] a, b,
    input  wire       en,
    output reg  [7:0] y,
    output wire [7:0] z
);
    always @(*) begin
        if (op == 3'd0)
            y = a + b;
        else if (op == 3'd1)
            y = a - b;
        else if (op == 3'd2)
            y = a & b;
        else if (op == 3'd3)
            y = a | b;
        else
            y = ~(~a);
    end

    assign z = en ? b : b;   // both arms equal
endmodule
