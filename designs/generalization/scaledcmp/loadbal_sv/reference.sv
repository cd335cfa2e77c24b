// Reference: the 9-bit sums cannot wrap, so the common in-flight term cancels.
module loadbal (
    input  logic       clk,
    input  logic [7:0] q0,
    input  logic [7:0] q1,
    input  logic [7:0] inflight,
    output logic       to1
);
    always_ff @(posedge clk) to1 <= q1 < q0;
endmodule
