// Video column counter (SystemVerilog): 'col' is the active pixel column,
// -1 during blanking. Data enable starts a line; the line ends after
// WIDTH pixels or on horizontal sync.
// (expert: a line-active flag and a $clog2(WIDTH)-bit column)
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
    localparam int CW = $clog2(WIDTH);
    logic          run;
    logic [CW-1:0] col;

    always_ff @(posedge clk) begin
        if (rst || hsync) begin
            run <= 1'b0;
            col <= '0;
        end else if (!run) begin
            if (de) begin
                run <= 1'b1;
                col <= '0;
            end
        end else if (col == CW'(WIDTH - 1))
            run <= 1'b0;
        else
            col <= col + 1'b1;
    end

    always_comb begin
        active   = run;
        at_mark  = run && col == CW'(MARK);
        line_end = run && col == CW'(WIDTH - 1);
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
