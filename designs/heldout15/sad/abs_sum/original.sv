// Sum of absolute differences for block motion search (one row of a block).
module sad_unit #(
    parameter int N = 8,
    parameter int W = 8
) (
    input  logic [N-1:0][W-1:0]      cur,
    input  logic [N-1:0][W-1:0]      refp,
    output logic [W+$clog2(N)-1:0]   sad
);
    function automatic logic [W-1:0] absdiff(input logic [W-1:0] p, input logic [W-1:0] q);
        if (p > q) absdiff = p - q;
        else       absdiff = q - p;
    endfunction

    always_comb begin
        sad = '0;
        for (int i = 0; i < N; i++)
            sad = sad + absdiff(cur[i], refp[i]);
    end
endmodule

module sad_top (
    input  logic [3:0][6:0] cur_px,
    input  logic [3:0][6:0] ref_px,
    output logic [8:0]      sad
);
    sad_unit #(.N(4), .W(7)) u_sad (.cur(cur_px), .refp(ref_px), .sad(sad));
endmodule
