// Video line delay for a vertical filter: a 5-entry ring of 12-bit pixels in a
// sub-module (depth from the parent), read at the write pointer into an output
// register on the same pixel strobe, before the entry is overwritten.
module line_ring #(
    parameter int DEPTH = 4,
    parameter int PW    = 12
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          pix_en,
    input  logic [PW-1:0] pix,
    output logic [PW-1:0] pix_dly
);
    logic [PW-1:0] line [0:DEPTH-1];
    logic [$clog2(DEPTH)-1:0] wp;

    always_ff @(posedge clk) begin
        if (rst) begin
            for (int i = 0; i < DEPTH; i++) line[i] <= '0;
            wp      <= '0;
            pix_dly <= '0;
        end else if (pix_en) begin
            pix_dly  <= line[wp];
            line[wp] <= pix;
            wp       <= (wp == DEPTH - 1) ? '0 : wp + 1'b1;
        end
    end
endmodule

module vfilt (
    input  logic        clk,
    input  logic        rst,
    input  logic        pix_en,
    input  logic [11:0] pix,
    output logic [12:0] avg2
);
    logic [11:0] above;
    line_ring #(.DEPTH(5), .PW(12)) u_line (.clk(clk), .rst(rst), .pix_en(pix_en), .pix(pix), .pix_dly(above));
    assign avg2 = pix + above;
endmodule
