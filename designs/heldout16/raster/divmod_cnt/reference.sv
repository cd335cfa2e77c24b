// LED matrix panel scanner: column and row counters (the column wraps at
// COLS and carries into the row) replace the index with its / and %.
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
    assign latch = en && (col == COLS-1);
    assign frame = latch && (row == ROWS-1);
    always_ff @(posedge clk)
        if (rst || latch) col <= '0;
        else if (en)      col <= col + 1'b1;
    always_ff @(posedge clk)
        if (rst || frame) row <= '0;
        else if (latch)   row <= row + 1'b1;
    always_comb begin
        row_sel = '0;
        row_sel[row] = 1'b1;
    end
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
