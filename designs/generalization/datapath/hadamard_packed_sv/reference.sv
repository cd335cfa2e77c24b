// Butterfly over the pairs (0,2) and (1,3).
module seqhad_top (
    input  logic              clk,
    input  logic signed [3:0][5:0] u,
    output logic signed [3:0][7:0] v
);
    logic signed [6:0] p, m, q, n;
    always_comb begin
        p = $signed(u[0]) + $signed(u[2]);
        m = $signed(u[0]) - $signed(u[2]);
        q = $signed(u[1]) + $signed(u[3]);
        n = $signed(u[1]) - $signed(u[3]);
    end
    always_ff @(posedge clk) begin
        v[0] <= p + q;
        v[1] <= p - q;
        v[2] <= m + n;
        v[3] <= m - n;
    end
endmodule
