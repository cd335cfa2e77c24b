// LCD panel timing controller: horizontal and vertical counters, sync and
// data-enable generation, and a test pattern (colour bars with a blinking
// cursor block). Counter widths follow the usual "16 bits is enough for any
// mode" convention of video IP.

module crtc_hcount #(
    parameter H_TOTAL = 800,
    parameter CW      = 16
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    output reg  [CW-1:0] hcnt,
    output wire          line_end
);
    assign line_end = en && (hcnt == H_TOTAL - 1);

    always @(posedge clk) begin
        if (rst)
            hcnt <= {CW{1'b0}};
        else if (en) begin
            if (line_end)
                hcnt <= {CW{1'b0}};
            else
                hcnt <= hcnt + 1'b1;
        end
    end
endmodule

module crtc_vcount #(
    parameter V_TOTAL = 525,
    parameter CW      = 16
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          line_end,
    output reg  [CW-1:0] vcnt,
    output wire          frame_end
);
    assign frame_end = line_end && (vcnt == V_TOTAL - 1);

    always @(posedge clk) begin
        if (rst)
            vcnt <= {CW{1'b0}};
        else if (line_end) begin
            if (frame_end)
                vcnt <= {CW{1'b0}};
            else
                vcnt <= vcnt + 1'b1;
        end
    end
endmodule

module crtc_sync #(
    parameter H_ACTIVE = 640,
    parameter HS_START = 656,
    parameter HS_END   = 752,
    parameter V_ACTIVE = 480,
    parameter VS_START = 490,
    parameter VS_END   = 492,
    parameter CW       = 16
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire [CW-1:0] hcnt,
    input  wire [CW-1:0] vcnt,
    output reg           hsync_n,
    output reg           vsync_n,
    output reg           de
);
    always @(posedge clk) begin
        if (rst) begin
            hsync_n <= 1'b1;
            vsync_n <= 1'b1;
            de      <= 1'b0;
        end else if (en) begin
            hsync_n <= !((hcnt >= HS_START) && (hcnt < HS_END));
            vsync_n <= !((vcnt >= VS_START) && (vcnt < VS_END));
            de      <= (hcnt < H_ACTIVE) && (vcnt < V_ACTIVE);
        end
    end
endmodule

module crtc_pattern #(
    parameter H_ACTIVE = 640,
    parameter CW       = 16
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire [CW-1:0] hcnt,
    input  wire [CW-1:0] vcnt,
    input  wire          frame_end,
    output reg  [5:0]    rgb
);
    reg [31:0] frame_cnt;
    wire       blink  = frame_cnt[4];
    wire       cursor = (hcnt[CW-1:3] == 0) && (vcnt[CW-1:3] == 0);

    always @(posedge clk) begin
        if (rst)
            frame_cnt <= 32'd0;
        else if (frame_end)
            frame_cnt <= frame_cnt + 32'd1;
    end

    always @(posedge clk) begin
        if (rst)
            rgb <= 6'd0;
        else if (en) begin
            if (cursor && blink)
                rgb <= 6'b111111;
            else
                case (hcnt[6:5])
                    2'd0: rgb <= 6'b110000;
                    2'd1: rgb <= 6'b001100;
                    2'd2: rgb <= 6'b000011;
                    default: rgb <= 6'b101010;
                endcase
        end
    end
endmodule

module crtc_core #(
    parameter H_ACTIVE = 640,
    parameter HS_START = 656,
    parameter HS_END   = 752,
    parameter H_TOTAL  = 800,
    parameter V_ACTIVE = 480,
    parameter VS_START = 490,
    parameter VS_END   = 492,
    parameter V_TOTAL  = 525,
    parameter CW       = 16
) (
    input  wire       clk,
    input  wire       rst,
    input  wire       pix_en,
    output wire       hsync_n,
    output wire       vsync_n,
    output wire       de,
    output wire [5:0] rgb,
    output wire       vblank_irq
);
    wire [CW-1:0] hcnt, vcnt;
    wire          line_end, frame_end;

    crtc_hcount #(.H_TOTAL(H_TOTAL), .CW(CW)) u_h (
        .clk(clk), .rst(rst), .en(pix_en), .hcnt(hcnt), .line_end(line_end)
    );
    crtc_vcount #(.V_TOTAL(V_TOTAL), .CW(CW)) u_v (
        .clk(clk), .rst(rst), .line_end(line_end), .vcnt(vcnt), .frame_end(frame_end)
    );
    crtc_sync #(
        .H_ACTIVE(H_ACTIVE), .HS_START(HS_START), .HS_END(HS_END),
        .V_ACTIVE(V_ACTIVE), .VS_START(VS_START), .VS_END(VS_END), .CW(CW)
    ) u_sync (
        .clk(clk), .rst(rst), .en(pix_en), .hcnt(hcnt), .vcnt(vcnt),
        .hsync_n(hsync_n), .vsync_n(vsync_n), .de(de)
    );
    crtc_pattern #(.H_ACTIVE(H_ACTIVE), .CW(CW)) u_pat (
        .clk(clk), .rst(rst), .en(pix_en), .hcnt(hcnt), .vcnt(vcnt),
        .frame_end(frame_end), .rgb(rgb)
    );

    assign vblank_irq = frame_end;
endmodule

// 320x240 panel with a small porch budget
module lcd_timing (
    input  wire       clk,
    input  wire       rst,
    input  wire       pix_en,
    output wire       hsync_n,
    output wire       vsync_n,
    output wire       de,
    output wire [5:0] rgb,
    output wire       vblank_irq
);
    crtc_core #(
        .H_ACTIVE(320), .HS_START(340), .HS_END(370), .H_TOTAL(408),
        .V_ACTIVE(240), .VS_START(244), .VS_END(247), .V_TOTAL(262)
    ) u_core (
        .clk(clk), .rst(rst), .pix_en(pix_en), .hsync_n(hsync_n), .vsync_n(vsync_n),
        .de(de), .rgb(rgb), .vblank_irq(vblank_irq)
    );
endmodule
