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

    // 64-entry full-wave table, sin(2*pi*(i+0.5)/64) * 127
    function automatic logic signed [7:0] sine64(input logic [5:0] i);
        case (i)
            6'd0: sine64 = 8'sd6;
            6'd1: sine64 = 8'sd19;
            6'd2: sine64 = 8'sd31;
            6'd3: sine64 = 8'sd43;
            6'd4: sine64 = 8'sd54;
            6'd5: sine64 = 8'sd65;
            6'd6: sine64 = 8'sd76;
            6'd7: sine64 = 8'sd85;
            6'd8: sine64 = 8'sd94;
            6'd9: sine64 = 8'sd102;
            6'd10: sine64 = 8'sd109;
            6'd11: sine64 = 8'sd115;
            6'd12: sine64 = 8'sd120;
            6'd13: sine64 = 8'sd123;
            6'd14: sine64 = 8'sd126;
            6'd15: sine64 = 8'sd127;
            6'd16: sine64 = 8'sd127;
            6'd17: sine64 = 8'sd126;
            6'd18: sine64 = 8'sd123;
            6'd19: sine64 = 8'sd120;
            6'd20: sine64 = 8'sd115;
            6'd21: sine64 = 8'sd109;
            6'd22: sine64 = 8'sd102;
            6'd23: sine64 = 8'sd94;
            6'd24: sine64 = 8'sd85;
            6'd25: sine64 = 8'sd76;
            6'd26: sine64 = 8'sd65;
            6'd27: sine64 = 8'sd54;
            6'd28: sine64 = 8'sd43;
            6'd29: sine64 = 8'sd31;
            6'd30: sine64 = 8'sd19;
            6'd31: sine64 = 8'sd6;
            6'd32: sine64 = -8'sd6;
            6'd33: sine64 = -8'sd19;
            6'd34: sine64 = -8'sd31;
            6'd35: sine64 = -8'sd43;
            6'd36: sine64 = -8'sd54;
            6'd37: sine64 = -8'sd65;
            6'd38: sine64 = -8'sd76;
            6'd39: sine64 = -8'sd85;
            6'd40: sine64 = -8'sd94;
            6'd41: sine64 = -8'sd102;
            6'd42: sine64 = -8'sd109;
            6'd43: sine64 = -8'sd115;
            6'd44: sine64 = -8'sd120;
            6'd45: sine64 = -8'sd123;
            6'd46: sine64 = -8'sd126;
            6'd47: sine64 = -8'sd127;
            6'd48: sine64 = -8'sd127;
            6'd49: sine64 = -8'sd126;
            6'd50: sine64 = -8'sd123;
            6'd51: sine64 = -8'sd120;
            6'd52: sine64 = -8'sd115;
            6'd53: sine64 = -8'sd109;
            6'd54: sine64 = -8'sd102;
            6'd55: sine64 = -8'sd94;
            6'd56: sine64 = -8'sd85;
            6'd57: sine64 = -8'sd76;
            6'd58: sine64 = -8'sd65;
            6'd59: sine64 = -8'sd54;
            6'd60: sine64 = -8'sd43;
            6'd61: sine64 = -8'sd31;
            6'd62: sine64 = -8'sd19;
            6'd63: sine64 = -8'sd6;
            default: sine64 = 8'sd0;
        endcase
    endfunction

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            phase <= '0;
            sine  <= '0;
        end else if (en) begin
            phase <= phase + fcw;
            sine  <= sine64(phase[PW-1 -: 6]);
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
