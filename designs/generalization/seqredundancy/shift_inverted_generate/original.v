module shift_dual #(parameter W = 8, parameter N = 4) (
    input          clk,
    input          rst,
    input          en,
    input  [W-1:0] din,
    output [W-1:0] dout,
    output [W-1:0] dout_n
);
    genvar i;
    generate
        for (i = 0; i < N; i = i + 1) begin : stage
            reg [W-1:0] d_q;
            reg [W-1:0] dn_q;
            always @(posedge clk) begin
                if (rst) begin
                    d_q  <= {W{1'b0}};
                    dn_q <= {W{1'b1}};
                end else if (en) begin
                    if (i == 0) begin
                        d_q  <= din;
                        dn_q <= ~din;
                    end else begin
                        d_q  <= shift_dual.stage[i-1].d_q;
                        dn_q <= shift_dual.stage[i-1].dn_q;
                    end
                end
            end
        end
    endgenerate
    assign dout   = stage[N-1].d_q;
    assign dout_n = stage[N-1].dn_q;
endmodule
