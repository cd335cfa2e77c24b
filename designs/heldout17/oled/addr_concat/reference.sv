// Small OLED/LCD panel timing and pixel fetch: horizontal and vertical
// counters with blanking, plus a linear frame-buffer address counter that
// restarts each frame and advances on every active pixel.
// Reference: with power-of-two active sizes the address of an active pixel
// is {v, h}; the pattern is masked outside the active area, so the address
// counter is replaced by the concatenation.
module pnl_timing #(
    parameter int H_ACT = 128, H_TOT = 160,
    parameter int V_ACT = 64,  V_TOT = 72,
    parameter int HW = 8, VW = 7
) (
    input  logic          clk,
    input  logic          rst,
    output logic [HW-1:0] h,
    output logic [VW-1:0] v,
    output logic          de,
    output logic          eof
);
    always_ff @(posedge clk) begin
        if (rst) begin
            h <= '0; v <= '0;
        end else if (h == HW'(H_TOT - 1)) begin
            h <= '0;
            v <= (v == VW'(V_TOT - 1)) ? '0 : v + 1'b1;
        end else begin
            h <= h + 1'b1;
        end
    end
    assign de = (h < H_ACT) && (v < V_ACT);
    assign eof = (h == HW'(H_TOT - 1)) && (v == VW'(V_TOT - 1));
endmodule

module pnl_fetch #(
    parameter int AW = 13
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          de,
    input  logic          eof,
    output logic [AW-1:0] addr
);
    always_ff @(posedge clk) begin
        if (rst || eof) addr <= '0;
        else if (de)    addr <= addr + 1'b1;
    end
endmodule

module pnl_pattern #(
    parameter int AW = 13
) (
    input  logic [AW-1:0] addr,
    output logic [5:0]    pix
);
    assign pix = 6'(addr ^ (addr >> 2)) ^ 6'h15;
endmodule

module oled_scan (
    input  logic       clk,
    input  logic       rst,
    output logic [5:0] rgb,
    output logic       hsync,
    output logic       vsync
);
    logic [2:0] h;
    logic [2:0] v;
    logic       de, eof;
    logic [3:0] addr;
    logic [5:0] pix;
    pnl_timing  #(.H_ACT(4), .H_TOT(6), .V_ACT(4), .V_TOT(5), .HW(3), .VW(3)) u_tim (.clk, .rst, .h, .v, .de, .eof);
    assign addr = {v[1:0], h[1:0]};
    pnl_pattern #(.AW(4)) u_pat (.addr, .pix);
    always_ff @(posedge clk) begin
        if (rst) begin
            rgb <= '0; hsync <= 1'b0; vsync <= 1'b0;
        end else begin
            rgb   <= de ? pix : 6'd0;
            hsync <= (h == 3'd5);
            vsync <= (v == 3'd4);
        end
    end
endmodule
