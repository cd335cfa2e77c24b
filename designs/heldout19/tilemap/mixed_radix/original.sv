// Character-cell tile fetch: the scanner walks the cell grid, the fetch unit
// turns the cell address into a tile row/column for the glyph ROM address.
module cell_scan #(
    parameter int COLS = 32,
    parameter int ROWS = 16,
    parameter int AW   = 9
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          step,
    output logic [AW-1:0] cell_addr,
    output logic          frame_end
);
    logic [$clog2(COLS)-1:0] col;
    logic [$clog2(ROWS)-1:0] row;
    always_ff @(posedge clk) begin
        if (rst) begin
            col <= '0;
            row <= '0;
        end else if (step) begin
            if (col == COLS - 1) begin
                col <= '0;
                row <= (row == ROWS - 1) ? '0 : row + 1'b1;
            end else begin
                col <= col + 1'b1;
            end
        end
    end
    assign cell_addr = row * COLS + col;
    assign frame_end = step && (col == COLS - 1) && (row == ROWS - 1);
endmodule

module cell_fetch #(
    parameter int COLS = 32,
    parameter int AW   = 9
) (
    input  logic [AW-1:0] cell_addr,
    input  logic [2:0]    line,
    output logic [5:0]    tcol,
    output logic [4:0]    trow,
    output logic [13:0]   rom_addr
);
    always_comb begin
        trow     = cell_addr / COLS;
        tcol     = cell_addr % COLS;
        rom_addr = {trow, tcol, line};
    end
endmodule

module tile_fetch (
    input  logic        clk,
    input  logic        rst,
    input  logic        step,
    input  logic [2:0]  line,
    output logic [10:0] cell_addr,
    output logic [13:0] rom_addr,
    output logic        frame_end
);
    logic [5:0] tcol;
    logic [4:0] trow;
    cell_scan  #(.COLS(40), .ROWS(25), .AW(11)) u_scan (.*);
    cell_fetch #(.COLS(40), .AW(11))            u_fetch (.*);
endmodule
