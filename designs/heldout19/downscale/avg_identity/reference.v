// 2:1 horizontal downscaler: averages pixel pairs of three colour channels.
module pair_avg #(
    parameter W = 8
) (
    input  [W-1:0] a,
    input  [W-1:0] b,
    output [W-1:0] m
);
    // (a & b) + ((a ^ b) >> 1) == floor((a + b) / 2)
    wire [W:0] s = a + b;
    assign m = s[W:1];
endmodule

module hscale2 (
    input             clk,
    input             rst_n,
    input             in_valid,
    input      [29:0] px,        // {r, g, b}
    output reg        out_valid,
    output reg [29:0] out_px
);
    reg        phase;
    reg [29:0] hold;
    wire [9:0] mr, mg, mb;
    pair_avg #(.W(10)) u_r (.a(hold[29:20]), .b(px[29:20]), .m(mr));
    pair_avg #(.W(10)) u_g (.a(hold[19:10]), .b(px[19:10]), .m(mg));
    pair_avg #(.W(10)) u_b (.a(hold[9:0]),   .b(px[9:0]),   .m(mb));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            phase     <= 1'b0;
            hold      <= 30'd0;
            out_valid <= 1'b0;
            out_px    <= 30'd0;
        end else begin
            out_valid <= 1'b0;
            if (in_valid) begin
                phase <= ~phase;
                if (!phase)
                    hold <= px;
                else begin
                    out_valid <= 1'b1;
                    out_px    <= {mr, mg, mb};
                end
            end
        end
endmodule
