// Sprite sheet walker (Verilog-2001, named connections): the sequencer steps a frame index through a
// sheet of FPR frames per row and exports the linear frame number; the blitter splits it again into
// the sheet's row and column to address the frame's pixels.
module sheet_seq #(parameter FPR = 12, parameter NROW = 7, parameter NW = 7) (
    input  wire          clk,
    input  wire          rst_n,
    input  wire          adv,
    output wire [NW-1:0] frame_no, output wire [2:0] sheet_row, output wire [3:0] sheet_col,
    output wire          wrap
);
    reg [3:0] fc;
    reg [2:0] fr;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            fc <= 4'd0;
            fr <= 3'd0;
        end else if (adv) begin
            if (fc == FPR - 1) begin
                fc <= 4'd0;
                if (fr == NROW - 1) fr <= 3'd0;
                else fr <= fr + 3'd1;
            end else
                fc <= fc + 4'd1;
        end
    assign frame_no = fc + fr * FPR;
    assign wrap = adv & (fc == FPR - 1) & (fr == NROW - 1);
    assign sheet_row = fr;
    assign sheet_col = fc;
endmodule

module sheet_blit #(parameter PER_ROW = 8, parameter NW = 6) (
    input  wire [NW-1:0] fnum, input  wire [2:0] srow_in, input  wire [3:0] scol_in,
    input  wire [3:0]    px,
    input  wire [3:0]    py,
    output wire [14:0]   pix_addr
);
    wire [2:0] srow = srow_in;
    wire [3:0] scol = scol_in;
    assign pix_addr = {srow, py, scol, px};
endmodule

module sprite_walk (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        adv,
    input  wire [3:0]  px,
    input  wire [3:0]  py,
    output wire [14:0] pix_addr,
    output wire        wrap
);
    wire [2:0] fr_w;
    wire [3:0] fc_w;
    wire [6:0] fn;
    sheet_seq #(.FPR(12), .NROW(7), .NW(7)) seq (.sheet_row(fr_w), .sheet_col(fc_w), .clk(clk), .rst_n(rst_n), .adv(adv), .frame_no(fn), .wrap(wrap));
    sheet_blit #(.PER_ROW(12), .NW(7)) blit (.srow_in(fr_w), .scol_in(fc_w), .fnum(fn), .px(px), .py(py), .pix_addr(pix_addr));
endmodule
