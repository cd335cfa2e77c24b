// Interrupt pending summary: the masked pending word is counted by a function into a block-local
// int; only "none", "exactly one" and "several" are reported (the vector width comes from the top).
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

    function automatic int ones(input logic [N-1:0] v);
        int acc;
        acc = 0;
        for (int k = 0; k < N; k++)
            if (v[k]) acc = acc + 1;
        ones = acc;
    endfunction

    always_comb begin
        int n;
        n      = ones(live);
        none   = n < 1;
        single = n == 1;
        nested = n >= 2;
    end
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
