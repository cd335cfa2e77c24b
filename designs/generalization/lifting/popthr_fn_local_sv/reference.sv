// Interrupt pending summary (hand-optimized): "any earlier bit" prefix OR finds a second set bit.
module irq_summary #(
    parameter int N = 8
) (
    input  logic [N-1:0] pend,
    input  logic [N-1:0] enable,
    output logic         none,
    output logic         single,
    output logic         nested
);
    logic [N-1:0] live;
    assign live = pend & enable;
    logic [N-1:0] seen;
    logic [N-1:0] dup;
    assign seen[0] = live[0];
    assign dup[0]  = 1'b0;
    for (genvar k = 1; k < N; k++) begin : g_pre
        assign seen[k] = seen[k-1] | live[k];
        assign dup[k]  = dup[k-1] | (seen[k-1] & live[k]);
    end
    assign none   = ~seen[N-1];
    assign nested = dup[N-1];
    assign single = seen[N-1] & ~dup[N-1];
endmodule

module irq_ctrl_top (
    input  logic        clk,
    input  logic [11:0] pend,
    input  logic [11:0] enable,
    output logic [2:0]  status
);
    logic none, single, nested;
    irq_summary #(.N(12)) u_sum (.pend(pend), .enable(enable), .none(none), .single(single), .nested(nested));
    always_ff @(posedge clk) status <= {nested, single, none};
endmodule
