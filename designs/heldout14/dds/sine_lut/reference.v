// Direct digital synthesis tone generator, hand-optimized: a 17-entry
// quarter-wave table with mirror and sign logic replaces the 64-entry table, amplitude scaled by
// an arithmetic right shift.
module sine_rom #(
    parameter SHIFT = 0
) (
    input  wire [5:0]        phase,
    output wire signed [7:0] y
);
    // quarter-wave table: sin is mirrored about 16 in each half-period and
    // negated in the second half
    function [6:0] quarter_at;
        input [4:0] p;
        begin
            case (p)
            5'd0: quarter_at = 7'd0;
            5'd1: quarter_at = 7'd12;
            5'd2: quarter_at = 7'd25;
            5'd3: quarter_at = 7'd37;
            5'd4: quarter_at = 7'd49;
            5'd5: quarter_at = 7'd60;
            5'd6: quarter_at = 7'd71;
            5'd7: quarter_at = 7'd81;
            5'd8: quarter_at = 7'd90;
            5'd9: quarter_at = 7'd98;
            5'd10: quarter_at = 7'd106;
            5'd11: quarter_at = 7'd112;
            5'd12: quarter_at = 7'd117;
            5'd13: quarter_at = 7'd122;
            5'd14: quarter_at = 7'd125;
            5'd15: quarter_at = 7'd126;
            5'd16: quarter_at = 7'd127;
            default: quarter_at = 7'd0;
            endcase
        end
    endfunction

    wire [4:0] qi  = phase[4] ? (5'd16 - {1'b0, phase[3:0]}) : {1'b0, phase[3:0]};
    wire [6:0] mag = quarter_at(qi);
    wire signed [7:0] s = phase[5] ? -$signed({1'b0, mag}) : $signed({1'b0, mag});

    assign y = s >>> SHIFT;
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
