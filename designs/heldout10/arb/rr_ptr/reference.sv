// Round-robin arbiter with a per-requester mask: the requester after the last
// winner has priority. Only the last grant (one-hot) is stored; its index and
// the "above last grant" priority mask are decoded from it.
module rr_arb #(
    parameter int N = 8
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic [N-1:0]         req,
    input  logic [N-1:0]         mask,
    output logic [N-1:0]         gnt,        // last winner, one-hot
    output logic [$clog2(N)-1:0] gnt_id,
    output logic                 gnt_valid
);
    logic [N-1:0] prio;                      // requesters above the last winner
    logic [N-1:0] elig, hi, pick;

    function automatic logic [N-1:0] lowest(input logic [N-1:0] v);
        lowest = '0;
        for (int i = N - 1; i >= 0; i--)
            if (v[i]) lowest = '0 | (N'(1) << i);
    endfunction

    function automatic logic [$clog2(N)-1:0] enc(input logic [N-1:0] oh);
        enc = '0;
        for (int i = 0; i < N; i++)
            if (oh[i]) enc = i[$clog2(N)-1:0];
    endfunction

    assign gnt_id = enc(gnt);
    assign prio   = ~((gnt << 1) - N'(1));

    always_comb begin
        elig = req & ~mask;
        hi   = elig & prio;
        pick = (|hi) ? lowest(hi) : lowest(elig);
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            gnt       <= '0;
            gnt_valid <= 1'b0;
        end else begin
            gnt_valid <= |elig;
            if (|elig)
                gnt <= pick;
        end
    end
endmodule

module arb_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [4:0] req,
    input  logic [4:0] mask,
    output logic [4:0] gnt,
    output logic [2:0] gnt_id,
    output logic       gnt_valid
);
    rr_arb #(.N(5)) u_arb (.*);
endmodule
