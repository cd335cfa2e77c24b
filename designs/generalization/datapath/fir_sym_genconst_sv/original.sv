// Half-band style 6-tap FIR with fixed signed coefficients from a function: products built by a
// generate loop over a delay line, summed by a for loop in always_comb, the output registered.
module hb_fir6 #(
    parameter int N = 6,
    parameter int W = 8
) (
    input  logic                clk,
    input  logic signed [W-1:0] x,
    output logic signed [W+8:0] y
);
    function automatic logic signed [6:0] tap_coef(input int t);
        case (t)
            0, 5:    tap_coef = 7'sd13;
            1, 4:    tap_coef = -7'sd27;
            default: tap_coef = 7'sd45;
        endcase
    endfunction

    logic signed [W-1:0] z    [N];
    logic signed [W+6:0] prod [N];
    logic signed [W+8:0] acc;

    always_ff @(posedge clk) begin
        z[0] <= x;
        for (int k = 1; k < N; k++) z[k] <= z[k-1];
    end

    for (genvar i = 0; i < N; i++) begin : g_tap
        assign prod[i] = z[i] * tap_coef(i);
    end

    always_comb begin
        acc = '0;
        for (int k = 0; k < N; k++)
            acc = acc + prod[k];
    end

    always_ff @(posedge clk) y <= acc;
endmodule
