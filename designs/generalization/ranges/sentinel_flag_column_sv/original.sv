// Video column counter (SystemVerilog): 'col' is the active pixel column,
// -1 during blanking. Data enable starts a line; the line ends after
// WIDTH pixels or on horizontal sync.
module col_counter #(
    parameter int WIDTH = 320,
    parameter int MARK  = 100
) (
    input  logic clk,
    input  logic rst,
    input  logic hsync,
    input  logic de,
    output logic active,
    output logic at_mark,
    output logic line_end
);
    int col;   // -1 = blanking

    always_ff @(posedge clk) begin
        if (rst)
            col <= -1;
        else if (hsync)
            col <= -1;
        else if (col == -1) begin
            if (de)
                col <= 0;
        end else if (col == WIDTH - 1)
            col <= -1;
        else
            col <= col + 1;
    end

    always_comb begin
        active   = col > -1;
        at_mark  = col == MARK;
        line_end = col == WIDTH - 1;
    end
endmodule

module video_top (
    input  logic clk,
    input  logic rst,
    input  logic hsync,
    input  logic de,
    output logic active,
    output logic at_mark,
    output logic line_end
);
    col_counter #(.WIDTH(400), .MARK(123)) u_col (.clk(clk), .rst(rst), .hsync(hsync), .de(de),
                                                .active(active), .at_mark(at_mark), .line_end(line_end));
endmodule
