// Sports scoreboard: two team scores of two BCD digits each, incremented by
// the referee's buttons, shown on four 7-segment digits. The segment
// decoder is the shared hex decoder (0-9 and A-F).
module hex7 (
    input  wire [3:0] d,
    output reg  [6:0] seg      // gfedcba, active high
);
    always @* begin
        case (d)
            4'h0: seg = 7'b0111111;
            4'h1: seg = 7'b0000110;
            4'h2: seg = 7'b1011011;
            4'h3: seg = 7'b1001111;
            4'h4: seg = 7'b1100110;
            4'h5: seg = 7'b1101101;
            4'h6: seg = 7'b1111101;
            4'h7: seg = 7'b0000111;
            4'h8: seg = 7'b1111111;
            4'h9: seg = 7'b1101111;
            4'hA: seg = 7'b1110111;
            4'hB: seg = 7'b1111100;
            4'hC: seg = 7'b0111001;
            4'hD: seg = 7'b1011110;
            4'hE: seg = 7'b1111001;
            default: seg = 7'b1110001;
        endcase
    end
endmodule

module bcd2 #(
    parameter MAXT = 5,
    parameter MAXU = 9
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       inc,
    input  wire       clr,
    output reg  [3:0] tens,
    output reg  [3:0] units
);
    always @(posedge clk) begin
        if (rst || clr) begin
            tens <= 4'd0; units <= 4'd0;
        end else if (inc) begin
            if (units == MAXU) begin
                units <= 4'd0;
                tens  <= (tens == MAXT) ? 4'd0 : tens + 4'd1;
            end else begin
                units <= units + 4'd1;
            end
        end
    end
endmodule

module score_panel (
    input  wire        clk,
    input  wire        rst,
    input  wire        home_pt,
    input  wire        guest_pt,
    input  wire        reset_game,
    output wire [27:0] segs
);
    wire [3:0] ht, hu, gt, gu;
    bcd2 #(.MAXT(9), .MAXU(9)) u_home  (.clk(clk), .rst(rst), .inc(home_pt),  .clr(reset_game), .tens(ht), .units(hu));
    bcd2 #(.MAXT(9), .MAXU(9)) u_guest (.clk(clk), .rst(rst), .inc(guest_pt), .clr(reset_game), .tens(gt), .units(gu));
    hex7 u_d0 (.d(hu), .seg(segs[6:0]));
    hex7 u_d1 (.d(ht), .seg(segs[13:7]));
    hex7 u_d2 (.d(gu), .seg(segs[20:14]));
    hex7 u_d3 (.d(gt), .seg(segs[27:21]));
endmodule
