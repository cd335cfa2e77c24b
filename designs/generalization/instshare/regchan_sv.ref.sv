// Reference: one product x * k, added for one tap and subtracted for the other.
module tap_pair (
    input  logic              clk,
    input  logic signed [7:0] acc,
    input  logic signed [7:0] x,
    input  logic        [3:0] k,
    output logic signed [14:0] qa,
    output logic signed [14:0] qb
);
    logic signed [14:0] a_sh, p;
    assign a_sh = 15'(acc) <<< 2;
    assign p = 15'(x) * $signed({1'b0, k});
    always_ff @(posedge clk) begin
        qa <= a_sh + p;
        qb <= a_sh - p;
    end
endmodule
