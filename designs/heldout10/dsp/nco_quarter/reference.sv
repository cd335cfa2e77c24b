// Numerically controlled oscillator: phase accumulator with a frequency
// control word and a sine look-up table addressed by the top 6 phase bits.
module nco #(
    parameter int PW = 24
) (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              en,
    input  logic [PW-1:0]     fcw,
    output logic signed [7:0] sine
);
    logic [PW-1:0] phase;

    // quarter-wave table: the half-sample offset makes the other three
    // quadrants mirror images (k -> 15-k) and/or negations of the first
    function automatic logic [6:0] quarter(input logic [3:0] k);
        case (k)
            4'd0: quarter = 7'd6;
            4'd1: quarter = 7'd19;
            4'd2: quarter = 7'd31;
            4'd3: quarter = 7'd43;
            4'd4: quarter = 7'd54;
            4'd5: quarter = 7'd65;
            4'd6: quarter = 7'd76;
            4'd7: quarter = 7'd85;
            4'd8: quarter = 7'd94;
            4'd9: quarter = 7'd102;
            4'd10: quarter = 7'd109;
            4'd11: quarter = 7'd115;
            4'd12: quarter = 7'd120;
            4'd13: quarter = 7'd123;
            4'd14: quarter = 7'd126;
            4'd15: quarter = 7'd127;
            default: quarter = 7'd0;
        endcase
    endfunction

    function automatic logic signed [7:0] sine_q(input logic [5:0] i);
        logic [6:0] m;
        m = quarter(i[4] ? ~i[3:0] : i[3:0]);
        sine_q = i[5] ? -$signed({1'b0, m}) : $signed({1'b0, m});
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            phase <= '0;
            sine  <= '0;
        end else if (en) begin
            phase <= phase + fcw;
            sine  <= sine_q(phase[PW-1 -: 6]);
        end
    end
endmodule

module lo_gen (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              en,
    input  logic [13:0]       fcw,
    output logic signed [7:0] sine
);
    nco #(.PW(14)) u_nco (.*);
endmodule
