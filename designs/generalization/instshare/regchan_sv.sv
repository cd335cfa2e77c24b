// Two equalizer taps in always_comb instances (the scaling in a function), each result registered
// straight from the instance output; the second tap is fed the negated sample.
module tap_unit #(
    parameter int W = 7,
    parameter int K = 4
) (
    input  logic signed [W:0]     acc,
    input  logic signed [W+1:0]   s,
    input  logic        [K-1:0]   k,
    output logic signed [W+K+3:0] o
);
    function automatic logic signed [W+K+3:0] scale(input logic signed [W+1:0] v, input logic [K-1:0] c);
        scale = v * $signed({1'b0, c});
    endfunction
    logic signed [W+K+3:0] a_ext;
    always_comb begin
        a_ext = acc;
        o = (a_ext <<< 2) + scale(s, k);
    end
endmodule

module tap_pair (
    input  logic              clk,
    input  logic signed [7:0] acc,
    input  logic signed [7:0] x,
    input  logic        [3:0] k,
    output logic signed [14:0] qa,
    output logic signed [14:0] qb
);
    logic signed [14:0] oa, ob;
    logic signed [9:0]  xs;
    assign xs = x;
    tap_unit #(.W(7), .K(4)) ua (.acc, .s(xs), .k, .o(oa));
    tap_unit #(.W(7), .K(4)) ub (.acc, .s(-xs), .k, .o(ob));
    always_ff @(posedge clk) begin
        qa <= oa;
        qb <= ob;
    end
endmodule
