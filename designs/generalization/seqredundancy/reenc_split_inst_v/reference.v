// Reference: the position is kept in binary in the parent; only the encoder child remains, on the
// register output.
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
    output wire [5:0] gpos,
    output wire       at_end
);
    reg [5:0] bpos;
    always @(posedge clk) begin
        if (rst)      bpos <= 6'd0;
        else if (inc) bpos <= bpos + 6'd1;
        else if (dec) bpos <= bpos - 6'd1;
    end
    b2g_enc #(.W(6)) u_enc (.b(bpos), .g(gpos));
    assign at_end = &bpos;
endmodule
