// Graphic-equalizer band gain stage: each band's sample is multiplied by a
// gain chosen from an 8-step table (x2 .. x16 in uneven steps); the table
// lives in its own ROM module and the product is formed by a multiplier.
module eq_gain_rom (
    input  wire [2:0] code,
    output reg  [4:0] gain
);
    always @* begin
        case (code)
            3'd0: gain = 5'd2;
            3'd1: gain = 5'd3;
            3'd2: gain = 5'd5;
            3'd3: gain = 5'd6;
            3'd4: gain = 5'd9;
            3'd5: gain = 5'd10;
            3'd6: gain = 5'd12;
            default: gain = 5'd16;
        endcase
    end
endmodule

module eq_band #(
    parameter W = 16
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           en,
    input  wire [2:0]     code,
    input  wire [W-1:0]   x,
    output reg  [W+4:0]   y
);
    wire [4:0] gain;
    eq_gain_rom u_rom (.code(code), .gain(gain));
    always @(posedge clk) begin
        if (rst)     y <= {(W+5){1'b0}};
        else if (en) y <= x * gain;
    end
endmodule

module geq3 (
    input  wire        clk,
    input  wire        rst,
    input  wire        en,
    input  wire [8:0]  gcode,
    input  wire [11:0] lo,
    input  wire [11:0] mid,
    input  wire [11:0] hi,
    output wire [16:0] lo_o,
    output wire [16:0] mid_o,
    output wire [16:0] hi_o
);
    eq_band #(.W(12)) u_lo  (.clk(clk), .rst(rst), .en(en), .code(gcode[2:0]), .x(lo),  .y(lo_o));
    eq_band #(.W(12)) u_mid (.clk(clk), .rst(rst), .en(en), .code(gcode[5:3]), .x(mid), .y(mid_o));
    eq_band #(.W(12)) u_hi  (.clk(clk), .rst(rst), .en(en), .code(gcode[8:6]), .x(hi),  .y(hi_o));
endmodule
