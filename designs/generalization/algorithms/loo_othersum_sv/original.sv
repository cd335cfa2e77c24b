// Fair-share scheduler: each of six queues is told the total backlog of the OTHER queues (its
// competition). Nested loops add every queue's depth masked off for the own queue (six sums of
// five words), and the parity of the other queues' urgent flags.
module others_load #(
    parameter int Q = 6,
    parameter int W = 8
) (
    input  logic [Q-1:0][W-1:0] depth,
    input  logic [Q-1:0]        urgent,
    output logic [Q-1:0][W+2:0] rivals,
    output logic [Q-1:0]        upar
);
    always_comb begin
        for (int q = 0; q < Q; q++) begin
            rivals[q] = '0;
            upar[q]   = 1'b0;
            for (int r = 0; r < Q; r++) begin
                rivals[q] += (r == q) ? '0 : (W+3)'(depth[r]);
                upar[q]   ^= (r != q) & urgent[r];
            end
        end
    end
endmodule

module fair_share (
    input  logic [5:0][7:0]  qd,
    input  logic [5:0]       qu,
    output logic [5:0][10:0] comp,
    output logic [5:0]       cpar
);
    others_load #(.Q(6), .W(8)) u_ol (.depth(qd), .urgent(qu), .rivals(comp), .upar(cpar));
endmodule
