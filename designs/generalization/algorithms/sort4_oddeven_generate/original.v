// Four 10-bit keys sorted ascending by odd-even transposition sort: 4 stages of a generate grid.
module oets4 #(parameter W = 10) (
    input  wire [4*W-1:0] din,
    output wire [4*W-1:0] dout
);
    wire [W-1:0] st [0:4][0:3];
    genvar s, k;
    generate
        for (k = 0; k < 4; k = k + 1) begin : g_in
            assign st[0][k] = din[k*W +: W];
        end
        for (s = 0; s < 4; s = s + 1) begin : g_stage
            for (k = 0; k < 4; k = k + 1) begin : g_lane
                if ((k % 2) == (s % 2) && k < 3) begin : g_lo
                    assign st[s+1][k] = (st[s][k] > st[s][k+1]) ? st[s][k+1] : st[s][k];
                end else if ((k % 2) != (s % 2) && k > 0) begin : g_hi
                    assign st[s+1][k] = (st[s][k-1] > st[s][k]) ? st[s][k-1] : st[s][k];
                end else begin : g_pass
                    assign st[s+1][k] = st[s][k];
                end
            end
        end
        for (k = 0; k < 4; k = k + 1) begin : g_out
            assign dout[k*W +: W] = st[4][k];
        end
    endgenerate
endmodule
