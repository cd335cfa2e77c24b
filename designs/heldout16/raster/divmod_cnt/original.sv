// LED matrix panel scanner: one linear pixel index walks the panel; the
// column and row are derived from it for the column data fetch and the
// row driver.
module pix_counter #(
    parameter int NPIX = 2048
) (
    input  logic                    clk,
    input  logic                    rst,
    input  logic                    en,
    output logic [$clog2(NPIX)-1:0] idx,
    output logic                    wrap
);
    assign wrap = en && (idx == NPIX-1);
    always_ff @(posedge clk)
        if (rst || wrap) idx <= '0;
        else if (en)     idx <= idx + 1'b1;
endmodule

module panel_scan #(
    parameter int COLS = 64,
    parameter int ROWS = 32
) (
    input  logic                    clk,
    input  logic                    rst,
    input  logic                    en,
    output logic [$clog2(COLS)-1:0] col,
    output logic [$clog2(ROWS)-1:0] row,
    output logic [ROWS-1:0]         row_sel,
    output logic                    latch,
    output logic                    frame
);
    localparam int NPIX = COLS * ROWS;
    logic [$clog2(NPIX)-1:0] idx;
    logic                    wrap;
    pix_counter #(.NPIX(NPIX)) u_cnt (.clk, .rst, .en, .idx, .wrap);
    assign col = idx % COLS;
    assign row = idx / COLS;
    always_comb begin
        row_sel = '0;
        row_sel[row] = 1'b1;
    end
    assign latch = en && (col == COLS-1);
    assign frame = wrap;
endmodule

module led_panel (
    input  logic       clk,
    input  logic       rst,
    input  logic       en,
    output logic [3:0] col,
    output logic [2:0] row,
    output logic [5:0] row_sel,
    output logic       latch,
    output logic       frame
);
    panel_scan #(.COLS(12), .ROWS(6)) u_scan (.*);
endmodule
