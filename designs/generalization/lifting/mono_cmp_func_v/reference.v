// Loudness gate: the log code is monotonic in the linear amplitude, so the codes compare directly.
module level_gate #(
    parameter EB = 3,
    parameter MB = 3
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [EB+MB-1:0]  lvl_a,
    input  wire [EB+MB-1:0]  lvl_b,
    input  wire [EB+MB-1:0]  thresh,
    output reg               a_louder,
    output reg               a_open,
    output reg               same
);
    always @(posedge clk) begin
        if (rst) begin
            a_louder <= 1'b0;
            a_open   <= 1'b0;
            same     <= 1'b0;
        end else begin
            a_louder <= lvl_a > lvl_b;
            a_open   <= lvl_a >= thresh;
            same     <= lvl_a == lvl_b;
        end
    end
endmodule

module level_gate_top (
    input  wire       clk,
    input  wire       rst,
    input  wire [6:0] lvl_a,
    input  wire [6:0] lvl_b,
    input  wire [6:0] thresh,
    output wire       a_louder,
    output wire       a_open,
    output wire       same
);
    level_gate #(.EB(3), .MB(4)) u_gate (.clk(clk), .rst(rst), .lvl_a(lvl_a), .lvl_b(lvl_b), .thresh(thresh),
                                        .a_louder(a_louder), .a_open(a_open), .same(same));
endmodule
