// Graphic-equalizer band gain stage: each band's sample is multiplied by a
// gain chosen from an 8-step table (x2 .. x16 in uneven steps); the table
// lives in its own ROM module and the product is formed by a multiplier.
// Reference: every table gain is 2^p + 2^q (p, q in 0..3), so the ROM
// gives the two exponents and the product is two small shifts and an add.
module eq_gain_rom (
    input  wire [2:0] code,
    output reg  [1:0] p,
    output reg  [1:0] q
);
    always @* begin
        case (code)
            3'd0: begin p = 2'd0; q = 2'd0; end
            3'd1: begin p = 2'd1; q = 2'd0; end
            3'd2: begin p = 2'd2; q = 2'd0; end
            3'd3: begin p = 2'd2; q = 2'd1; end
            3'd4: begin p = 2'd3; q = 2'd0; end
            3'd5: begin p = 2'd3; q = 2'd1; end
            3'd6: begin p = 2'd3; q = 2'd2; end
            default: begin p = 2'd3; q = 2'd3; end
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
    wire [1:0] p, q;
    wire [W+4:0] xe = {5'd0, x};
    eq_gain_rom u_rom (.code(code), .p(p), .q(q));
    always @(posedge clk) begin
        if (rst)     y <= {(W+5){1'b0}};
        else if (en) y <= (xe << p) + (xe << q);
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
