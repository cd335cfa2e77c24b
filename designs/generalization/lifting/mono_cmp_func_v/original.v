// Loudness gate: two 6-bit log-coded levels (3-bit exponent, 3-bit mantissa, mu-law style) are
// expanded to linear amplitude by a function and compared; the louder channel is selected.
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
    localparam LW = MB + 1 + (1 << EB);

    function [LW-1:0] expand;
        input [EB+MB-1:0] code;
        reg   [EB-1:0] e;
        reg   [MB:0]   s;
        begin
            e = code[EB+MB-1:MB];
            s = {1'b1, code[MB-1:0]};
            expand = ({{(LW-MB-1){1'b0}}, s} << e) - (1 << MB);
        end
    endfunction

    wire [LW-1:0] lin_a = expand(lvl_a);
    wire [LW-1:0] lin_b = expand(lvl_b);
    wire [LW-1:0] lin_t = expand(thresh);

    always @(posedge clk) begin
        if (rst) begin
            a_louder <= 1'b0;
            a_open   <= 1'b0;
            same     <= 1'b0;
        end else begin
            a_louder <= lin_a > lin_b;
            a_open   <= lin_a >= lin_t;
            same     <= lin_a == lin_b;
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
