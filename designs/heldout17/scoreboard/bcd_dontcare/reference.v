// Sports scoreboard: two team scores of two BCD digits each, incremented by
// the referee's buttons, shown on four 7-segment digits. The segment
// decoder is the shared hex decoder (0-9 and A-F).
// Reference: the BCD digits never exceed 9, so the decoder only needs the
// ten decimal patterns; codes 10-15 are don't-care (a smaller map).
module hex7 (
    input  wire [3:0] d,
    output wire [6:0] seg      // gfedcba, active high; valid for 0-9
);
    // minimal sums of products with 10-15 as don't-care
    wire a = d[3] | d[1] | (d[2] ~^ d[0]);
    wire b = ~d[2] | (d[1] ~^ d[0]);
    wire c = d[2] | ~d[1] | d[0];
    wire dd = d[3] | (~d[2] & ~d[0]) | (d[1] & ~d[0]) | (~d[2] & d[1]) | (d[2] & ~d[1] & d[0]);
    wire e = ~d[0] & (~d[2] | d[1]);
    wire f = d[3] | (~d[1] & ~d[0]) | (d[2] & ~d[1]) | (d[2] & ~d[0]);
    wire g = d[3] | (d[2] ^ d[1]) | (d[1] & ~d[0]);
    assign seg = {g, f, e, dd, c, b, a};
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
