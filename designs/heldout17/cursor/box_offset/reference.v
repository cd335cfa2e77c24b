// Hardware mouse-cursor overlay: a 16x16 sprite at (cx, cy) is keyed over
// the video stream; the hit test and the sprite index are computed apart.
// Reference: one widened difference per axis gives both: the borrow says
// x < cx, the high bits being zero says x < cx + CS, the low bits index.
module cur_hit #(
    parameter XW = 12,
    parameter YW = 12,
    parameter CS = 16,
    parameter IW = 4
) (
    input  wire [XW-1:0] x,
    input  wire [YW-1:0] y,
    input  wire [XW-1:0] cx,
    input  wire [YW-1:0] cy,
    output wire          hit,
    output wire [IW-1:0] ix,
    output wire [IW-1:0] iy
);
    wire [XW:0] dx = {1'b0, x} - {1'b0, cx};
    wire [YW:0] dy = {1'b0, y} - {1'b0, cy};
    assign hit = (dx[XW:IW] == {(XW+1-IW){1'b0}}) && (dy[YW:IW] == {(YW+1-IW){1'b0}});
    assign ix  = dx[IW-1:0];
    assign iy  = dy[IW-1:0];
endmodule

module cur_shape #(
    parameter IW = 4
) (
    input  wire [IW-1:0] ix,
    input  wire [IW-1:0] iy,
    output reg  [1:0]    px      // 0 transparent, 1 outline, 2 fill
);
    always @* begin
        if (ix > iy)                      px = 2'd0;
        else if (ix == iy || ix == 4'd0)  px = 2'd1;
        else if (iy == 4'd15)             px = 2'd1;
        else                              px = 2'd2;
    end
endmodule

module vid_cursor #(
    parameter XW = 11,
    parameter YW = 10
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          de,
    input  wire [XW-1:0] hpos,
    input  wire [YW-1:0] vpos,
    input  wire [XW-1:0] cur_x,
    input  wire [YW-1:0] cur_y,
    input  wire [11:0]   rgb_in,
    output reg  [11:0]   rgb_out
);
    wire       hit;
    wire [3:0] ix, iy;
    wire [1:0] px;
    cur_hit   #(.XW(XW), .YW(YW), .CS(16), .IW(4)) u_hit (.x(hpos), .y(vpos), .cx(cur_x), .cy(cur_y),
                                                         .hit(hit), .ix(ix), .iy(iy));
    cur_shape #(.IW(4)) u_shp (.ix(ix), .iy(iy), .px(px));

    always @(posedge clk) begin
        if (rst)
            rgb_out <= 12'h000;
        else if (!de)
            rgb_out <= 12'h000;
        else if (hit && px == 2'd1)
            rgb_out <= 12'h000;
        else if (hit && px == 2'd2)
            rgb_out <= 12'hFFF;
        else
            rgb_out <= rgb_in;
    end
endmodule
