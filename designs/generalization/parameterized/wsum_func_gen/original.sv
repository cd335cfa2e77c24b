// Weighted sum of N channels: each generate iteration takes its weight from a function of the
// channel index and multiplies in its own lane.
module wsum #(
    parameter int N = 3,
    parameter int W = 8
) (
    input  logic             clk,
    input  logic [N*W-1:0]   x,
    output logic [W+7:0]     y
);
    function automatic int weight(input int i);
        weight = (i == 0) ? 9 : (i == 1) ? 27 : 45;
    endfunction

    logic [W+7:0] p [N];
    for (genvar i = 0; i < N; i++) begin : g_ch
        localparam int K = weight(i);
        assign p[i] = x[i*W +: W] * K;
    end

    logic [W+7:0] s;
    always_comb begin
        s = '0;
        for (int i = 0; i < N; i++) s = s + p[i];
    end
    always_ff @(posedge clk) y <= s;
endmodule
