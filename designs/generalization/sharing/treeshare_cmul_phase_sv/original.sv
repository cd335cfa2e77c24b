// Two-cycle complex multiplier of a small FFT engine: the real part in phase 0, the imaginary
// part in phase 1 (a toggling phase flop); both parts are products of signed Q-format words.
module cmul2 #(parameter int W = 8) (
    input  logic                  clk,
    input  logic                  rst,
    input  logic                  en,
    input  logic signed [W-1:0]   ar, ai, br, bi,
    output logic signed [2*W:0]   pr, pi
);
    logic ph;
    always_ff @(posedge clk) begin
        if (rst) begin
            ph <= 1'b0;
            pr <= '0;
            pi <= '0;
        end else if (en) begin
            ph <= ~ph;
            if (!ph) pr <= ar * br - ai * bi;
            else     pi <= ai * br + ar * bi;
        end
    end
endmodule

module fft_cmul (
    input  logic               clk,
    input  logic               rst,
    input  logic               en,
    input  logic signed [5:0]  ar, ai, br, bi,
    output logic signed [12:0] pr, pi
);
    cmul2 #(.W(6)) u_cm (.*);
endmodule
