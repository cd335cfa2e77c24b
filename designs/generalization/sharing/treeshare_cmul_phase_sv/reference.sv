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
    // reference: the two products of the phase, then one adder that subtracts in phase 0
    logic signed [W-1:0] m1, m2;
    logic signed [2*W:0] p1, p2, part;
    always_comb begin
        m1 = ph ? bi : br;
        m2 = ph ? br : bi;
        p1 = ar * m1;
        p2 = ai * m2;
        part = ph ? p1 + p2 : p1 - p2;
    end
    always_ff @(posedge clk) begin
        if (rst) begin
            ph <= 1'b0;
            pr <= '0;
            pi <= '0;
        end else if (en) begin
            ph <= ~ph;
            if (!ph) pr <= part;
            else     pi <= part;
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
