// Boxcar (moving-average) filter for a current-sense ADC.
module boxcar #(
    parameter int N = 16,     // window length (power of two)
    parameter int W = 12
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         in_valid,
    input  logic [W-1:0] x,
    output logic [W-1:0] avg,
    output logic         out_valid
);
    localparam int LN = $clog2(N);

    logic [W-1:0]    win [N];
    logic [W+LN-1:0] sum;

    always_comb begin
        sum = '0;
        for (int i = 0; i < N; i++)
            sum = sum + win[i];
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int i = 0; i < N; i++) win[i] <= '0;
            avg       <= '0;
            out_valid <= 1'b0;
        end else begin
            out_valid <= in_valid;
            avg       <= sum[W+LN-1:LN];
            if (in_valid) begin
                win[0] <= x;
                for (int i = 1; i < N; i++) win[i] <= win[i-1];
            end
        end
    end
endmodule

module isense_filt (
    input  logic       clk,
    input  logic       rst,
    input  logic       in_valid,
    input  logic [1:0] x,
    output logic [1:0] avg,
    output logic       out_valid
);
    boxcar #(.N(8), .W(2)) u_box (.*);
endmodule
