// Redundant pressure sensor voter: a trip is declared when three or more channels exceed their limit,
// a warning when exactly two do; the channels are counted by an SV function into a block-local int.
module trip_vote #(
    parameter int N = 8
) (
    input  logic [N-1:0] over,
    output logic         trip,
    output logic         warn
);
    function automatic int tally(input logic [N-1:0] v);
        int c;
        c = 0;
        for (int k = 0; k < N; k++)
            c = c + v[k];
        tally = c;
    endfunction

    always_comb begin
        int n;
        n    = tally(over);
        trip = n >= 3;
        warn = n == 2;
    end
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
