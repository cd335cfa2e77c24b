// Load balancer: each server's queue depth plus the shared in-flight count
// (the same for both, counted at the dispatcher) is its load; a request goes
// to the less loaded server, ties to server 0.
module loadbal (
    input  logic       clk,
    input  logic [7:0] q0,
    input  logic [7:0] q1,
    input  logic [7:0] inflight,
    output logic       to1
);
    function automatic logic [8:0] load(input logic [7:0] q, input logic [7:0] f);
        load = q + f;
    endfunction

    logic pick1;
    always_comb begin
        if (load(q1, inflight) < load(q0, inflight)) pick1 = 1'b1;
        else pick1 = 1'b0;
    end

    always_ff @(posedge clk) to1 <= pick1;
endmodule
