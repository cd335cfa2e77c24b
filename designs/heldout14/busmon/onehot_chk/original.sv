// Bus protocol monitor: checks that the slave-select and the arbiter grant
// vectors are one-hot (or idle) every cycle and keeps sticky error flags.
module onehot_check #(
    parameter int N = 8
) (
    input  logic [N-1:0] vec,
    input  logic         active,
    output logic         err_multi,
    output logic         err_none
);
    function automatic int count_ones(input logic [N-1:0] v);
        int c;
        c = 0;
        for (int i = 0; i < N; i++)
            c = c + v[i];
        count_ones = c;
    endfunction

    always_comb begin
        int cnt;
        cnt       = count_ones(vec);
        err_multi = (cnt > 1);
        err_none  = active && (cnt == 0);
    end
endmodule

module bus_monitor #(
    parameter int NS = 8,
    parameter int NM = 4
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          clr,
    input  logic          trans,
    input  logic [NS-1:0] hsel,
    input  logic          arb_req,
    input  logic [NM-1:0] grant,
    output logic [3:0]    err_flags
);
    logic sel_multi, sel_none, gnt_multi, gnt_none;

    onehot_check #(.N(NS)) u_sel (.vec(hsel),  .active(trans),   .err_multi(sel_multi), .err_none(sel_none));
    onehot_check #(.N(NM)) u_gnt (.vec(grant), .active(arb_req), .err_multi(gnt_multi), .err_none(gnt_none));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)   err_flags <= '0;
        else if (clr) err_flags <= '0;
        else          err_flags <= err_flags | {gnt_none, gnt_multi, sel_none, sel_multi};
    end
endmodule

module soc_busmon (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        clr,
    input  logic        trans,
    input  logic [15:0] hsel,
    input  logic        arb_req,
    input  logic [5:0]  grant,
    output logic [3:0]  err_flags
);
    bus_monitor #(.NS(16), .NM(6)) u_mon (.*);
endmodule
