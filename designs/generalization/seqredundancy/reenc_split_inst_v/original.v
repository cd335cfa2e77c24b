// Gray-coded position in the parent; the decode and the encode are child modules.
module g2b_dec #(parameter W = 6) (input [W-1:0] g, output reg [W-1:0] b);
    integer k;
    always @* begin
        b = g;
        for (k = 1; k < W; k = k + 1)
            b = b ^ (g >> k);
    end
endmodule

module b2g_enc #(parameter W = 6) (input [W-1:0] b, output [W-1:0] g);
    genvar j;
    generate
        for (j = 0; j < W - 1; j = j + 1) begin : bitx
            assign g[j] = b[j] ^ b[j + 1];
        end
    endgenerate
    assign g[W-1] = b[W-1];
endmodule

module scan_pos (
    input  wire       clk,
    input  wire       rst,
    input  wire       inc,
    input  wire       dec,
    output reg  [5:0] gpos,
    output wire       at_end
);
    wire [5:0] bpos, bnext, gnext;
    g2b_dec #(.W(6)) u_dec (.g(gpos), .b(bpos));
    assign bnext = inc ? bpos + 6'd1 : (dec ? bpos - 6'd1 : bpos);
    b2g_enc #(.W(6)) u_enc (.b(bnext), .g(gnext));
    always @(posedge clk) begin
        if (rst) gpos <= 6'd0;
        else     gpos <= gnext;
    end
    assign at_end = (bpos == 6'd63);
endmodule
