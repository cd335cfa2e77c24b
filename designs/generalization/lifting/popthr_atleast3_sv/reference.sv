// Redundant pressure sensor voter (hand-optimized): the lowest set bit is cleared twice (v & (v - 1));
// a bit left after one clear means two or more, after two clears three or more.
module trip_vote #(
    parameter int N = 8
) (
    input  logic [N-1:0] over,
    output logic         trip,
    output logic         warn
);
    logic [N-1:0] c1, c2;
    assign c1   = over & (over - 1'b1);
    assign c2   = c1 & (c1 - 1'b1);
    assign trip = |c2;
    assign warn = |c1 & ~|c2;
endmodule

module psu_guard (
    input  logic        clk,
    input  logic [11:0] over,
    output logic [1:0]  flags_q
);
    logic trip, warn;
    trip_vote #(.N(12)) u_vote (.over(over), .trip(trip), .warn(warn));
    always_ff @(posedge clk) flags_q <= {trip, warn};
endmodule
