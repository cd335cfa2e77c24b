// Direct digital synthesis tone generator for a test-signal source:
// phase accumulator and a 64-entry signed sine table, amplitude scaled by
// an arithmetic right shift.
module sine_rom #(
    parameter SHIFT = 0
) (
    input  wire [5:0]        phase,
    output wire signed [7:0] y
);
    function signed [7:0] sine_at;
        input [5:0] p;
        begin
            case (p)
            6'd0: sine_at = 8'sd0;
            6'd1: sine_at = 8'sd12;
            6'd2: sine_at = 8'sd25;
            6'd3: sine_at = 8'sd37;
            6'd4: sine_at = 8'sd49;
            6'd5: sine_at = 8'sd60;
            6'd6: sine_at = 8'sd71;
            6'd7: sine_at = 8'sd81;
            6'd8: sine_at = 8'sd90;
            6'd9: sine_at = 8'sd98;
            6'd10: sine_at = 8'sd106;
            6'd11: sine_at = 8'sd112;
            6'd12: sine_at = 8'sd117;
            6'd13: sine_at = 8'sd122;
            6'd14: sine_at = 8'sd125;
            6'd15: sine_at = 8'sd126;
            6'd16: sine_at = 8'sd127;
            6'd17: sine_at = 8'sd126;
            6'd18: sine_at = 8'sd125;
            6'd19: sine_at = 8'sd122;
            6'd20: sine_at = 8'sd117;
            6'd21: sine_at = 8'sd112;
            6'd22: sine_at = 8'sd106;
            6'd23: sine_at = 8'sd98;
            6'd24: sine_at = 8'sd90;
            6'd25: sine_at = 8'sd81;
            6'd26: sine_at = 8'sd71;
            6'd27: sine_at = 8'sd60;
            6'd28: sine_at = 8'sd49;
            6'd29: sine_at = 8'sd37;
            6'd30: sine_at = 8'sd25;
            6'd31: sine_at = 8'sd12;
            6'd32: sine_at = 8'sd0;
            6'd33: sine_at = -8'sd12;
            6'd34: sine_at = -8'sd25;
            6'd35: sine_at = -8'sd37;
            6'd36: sine_at = -8'sd49;
            6'd37: sine_at = -8'sd60;
            6'd38: sine_at = -8'sd71;
            6'd39: sine_at = -8'sd81;
            6'd40: sine_at = -8'sd90;
            6'd41: sine_at = -8'sd98;
            6'd42: sine_at = -8'sd106;
            6'd43: sine_at = -8'sd112;
            6'd44: sine_at = -8'sd117;
            6'd45: sine_at = -8'sd122;
            6'd46: sine_at = -8'sd125;
            6'd47: sine_at = -8'sd126;
            6'd48: sine_at = -8'sd127;
            6'd49: sine_at = -8'sd126;
            6'd50: sine_at = -8'sd125;
            6'd51: sine_at = -8'sd122;
            6'd52: sine_at = -8'sd117;
            6'd53: sine_at = -8'sd112;
            6'd54: sine_at = -8'sd106;
            6'd55: sine_at = -8'sd98;
            6'd56: sine_at = -8'sd90;
            6'd57: sine_at = -8'sd81;
            6'd58: sine_at = -8'sd71;
            6'd59: sine_at = -8'sd60;
            6'd60: sine_at = -8'sd49;
            6'd61: sine_at = -8'sd37;
            6'd62: sine_at = -8'sd25;
            6'd63: sine_at = -8'sd12;
            default: sine_at = 8'sd0;
            endcase
        end
    endfunction

    assign y = sine_at(phase) >>> SHIFT;
endmodule

module dds_tone #(
    parameter PW    = 16,
    parameter SHIFT = 0
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [PW-1:0]     fcw,
    output reg  signed [7:0] sample
);
    reg  [PW-1:0]     acc;
    wire signed [7:0] y;

    sine_rom #(.SHIFT(SHIFT)) u_rom (.phase(acc[PW-1:PW-6]), .y(y));

    always @(posedge clk) begin
        if (rst) begin
            acc    <= {PW{1'b0}};
            sample <= 8'sd0;
        end else begin
            acc    <= acc + fcw;
            sample <= y;
        end
    end
endmodule

module tone_src (
    input  wire              clk,
    input  wire              rst,
    input  wire [11:0]       fcw,
    output wire signed [7:0] sample
);
    dds_tone #(.PW(12), .SHIFT(1)) u_dds (.clk(clk), .rst(rst), .fcw(fcw), .sample(sample));
endmodule
