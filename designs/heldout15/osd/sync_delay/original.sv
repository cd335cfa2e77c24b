// On-screen-display overlay path of a small LCD controller.
//   vtiming    : h/v counters, hs/vs/de
//   osd_box    : draws a rectangle over the video (combinational)
//   pix_stage  : one pipeline stage: pixel and its blanking flag
//   sync_delay : delays hs/vs/de by the pipeline latency
//   gamma4     : 4-bit per-colour gamma table on the panel output
//   osd_top

module vtiming #(
    parameter int H_ACT = 640, parameter int H_TOT = 800,
    parameter int V_ACT = 480, parameter int V_TOT = 525,
    parameter int HW = 10,     parameter int VW = 10
) (
    input  logic          clk,
    input  logic          rst,
    output logic [HW-1:0] x,
    output logic [VW-1:0] y,
    output logic          hs,
    output logic          vs,
    output logic          de
);
    always_ff @(posedge clk) begin
        if (rst) begin
            x <= '0;
            y <= '0;
        end else if (x == HW'(H_TOT - 1)) begin
            x <= '0;
            y <= (y == VW'(V_TOT - 1)) ? '0 : y + 1'b1;
        end else begin
            x <= x + 1'b1;
        end
    end
    assign de = (x < HW'(H_ACT)) && (y < VW'(V_ACT));
    assign hs = (x >= HW'(H_ACT + 1)) && (x < HW'(H_TOT - 1));
    assign vs = (y == VW'(V_ACT + 1));
endmodule

module osd_box #(
    parameter int HW = 10, parameter int VW = 10
) (
    input  logic [HW-1:0] x,
    input  logic [VW-1:0] y,
    input  logic [HW-1:0] x0, x1,
    input  logic [VW-1:0] y0, y1,
    input  logic [11:0]   color,
    input  logic [11:0]   vin,
    output logic [11:0]   vout
);
    logic in_box;
    assign in_box = (x >= x0) && (x <= x1) && (y >= y0) && (y <= y1);
    assign vout   = in_box ? color : vin;
endmodule

module pix_stage (
    input  logic        clk,
    input  logic        rst,
    input  logic [11:0] pin,
    input  logic        blank_in,
    output logic [11:0] pout,
    output logic        blank_out
);
    always_ff @(posedge clk) begin
        if (rst) begin
            pout      <= '0;
            blank_out <= 1'b1;
        end else begin
            pout      <= blank_in ? 12'h000 : pin;
            blank_out <= blank_in;
        end
    end
endmodule

module sync_delay #(
    parameter int N = 2
) (
    input  logic clk,
    input  logic rst,
    input  logic hs_in, vs_in, de_in,
    output logic hs_out, vs_out, de_out
);
    logic [N-1:0] hs_d, vs_d, de_d;
    always_ff @(posedge clk) begin
        if (rst) begin
            hs_d <= '0;
            vs_d <= '0;
            de_d <= '0;
        end else begin
            hs_d <= {hs_d[N-2:0], hs_in};
            vs_d <= {vs_d[N-2:0], vs_in};
            de_d <= {de_d[N-2:0], de_in};
        end
    end
    assign hs_out = hs_d[N-1];
    assign vs_out = vs_d[N-1];
    assign de_out = de_d[N-1];
endmodule

module gamma4 (
    input  logic [11:0] rgb_in,
    output logic [11:0] rgb_out
);
    function automatic logic [3:0] g(input logic [3:0] v);
        case (v)
            4'd0:  g = 4'd0;   4'd1:  g = 4'd0;   4'd2:  g = 4'd0;   4'd3:  g = 4'd1;
            4'd4:  g = 4'd1;   4'd5:  g = 4'd2;   4'd6:  g = 4'd2;   4'd7:  g = 4'd3;
            4'd8:  g = 4'd4;   4'd9:  g = 4'd5;   4'd10: g = 4'd6;   4'd11: g = 4'd7;
            4'd12: g = 4'd9;   4'd13: g = 4'd10;  4'd14: g = 4'd12;  default: g = 4'd15;
        endcase
    endfunction
    assign rgb_out = {g(rgb_in[11:8]), g(rgb_in[7:4]), g(rgb_in[3:0])};
endmodule

module osd_top (
    input  logic        clk,
    input  logic        rst,
    input  logic [11:0] video,
    input  logic [3:0]  box_x0, box_x1,
    input  logic [3:0]  box_y0, box_y1,
    input  logic [11:0] box_color,
    output logic [11:0] lcd_rgb,
    output logic        lcd_hs,
    output logic        lcd_vs,
    output logic        lcd_de
);
    logic [3:0]  x, y;
    logic        hs, vs, de;
    logic [11:0] ov, p1, p2, p3;
    logic        b1, b2, b3;

    vtiming #(.H_ACT(10), .H_TOT(14), .V_ACT(6), .V_TOT(9), .HW(4), .VW(4)) u_tim (
        .clk, .rst, .x, .y, .hs, .vs, .de
    );
    osd_box #(.HW(4), .VW(4)) u_box (
        .x, .y, .x0(box_x0), .x1(box_x1), .y0(box_y0), .y1(box_y1),
        .color(box_color), .vin(video), .vout(ov)
    );
    pix_stage u_s1 (.clk, .rst, .pin(ov), .blank_in(~de), .pout(p1), .blank_out(b1));
    pix_stage u_s2 (.clk, .rst, .pin(p1), .blank_in(b1), .pout(p2), .blank_out(b2));
    pix_stage u_s3 (.clk, .rst, .pin(p2), .blank_in(b2), .pout(p3), .blank_out(b3));
    gamma4 u_gamma (.rgb_in(p3), .rgb_out(lcd_rgb));
    sync_delay #(.N(3)) u_sd (
        .clk, .rst, .hs_in(hs), .vs_in(vs), .de_in(de),
        .hs_out(lcd_hs), .vs_out(lcd_vs), .de_out(lcd_de)
    );
endmodule
