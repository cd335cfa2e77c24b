// Mirrored samples pre-added (one bit wider, signed), three constant multiplications instead of six.
module hb_fir6 #(
    parameter int N = 6,
    parameter int W = 8
) (
    input  logic                clk,
    input  logic signed [W-1:0] x,
    output logic signed [W+8:0] y
);
    logic signed [W-1:0] z [N];
    logic signed [W:0]   s [N/2];

    always_ff @(posedge clk) begin
        z[0] <= x;
        for (int k = 1; k < N; k++) z[k] <= z[k-1];
    end

    for (genvar i = 0; i < N / 2; i++) begin : g_pair
        assign s[i] = z[i] + z[N-1-i];
    end

    always_ff @(posedge clk)
        y <= s[0] * 7'sd13 + s[1] * -7'sd27 + s[2] * 7'sd45;
endmodule
