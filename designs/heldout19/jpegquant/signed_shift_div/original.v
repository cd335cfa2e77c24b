// Quantiser with power-of-two step sizes: q = coef / 2^k rounded toward zero.
module qshift #(
    parameter W  = 16,
    parameter KW = 4
) (
    input  signed [W-1:0] x,
    input         [KW-1:0] k,
    output signed [W-1:0] q
);
    wire          neg  = x[W-1];
    wire [W-1:0]  mag  = neg ? (~x + 1'b1) : x;
    wire [W-1:0]  qmag = mag >> k;
    assign q = neg ? (~qmag + 1'b1) : qmag;
endmodule

module dct_quant (
    input                    clk,
    input                    rst_n,
    input                    in_valid,
    input      signed [11:0] coef,
    input             [5:0]  pos,      // zig-zag position
    output reg               out_valid,
    output reg signed [11:0] qcoef
);
    reg [3:0] k;
    always @* begin
        case (pos[5:3])
            3'd0: k = 4'd1;
            3'd1: k = 4'd2;
            3'd2: k = 4'd3;
            3'd3: k = 4'd3;
            3'd4: k = 4'd4;
            3'd5: k = 4'd5;
            3'd6: k = 4'd6;
            default: k = 4'd7;
        endcase
    end
    wire signed [11:0] q;
    qshift #(.W(12), .KW(4)) u_q (.x(coef), .k(k), .q(q));
    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            out_valid <= 1'b0;
            qcoef     <= 12'sd0;
        end else begin
            out_valid <= in_valid;
            if (in_valid)
                qcoef <= q;
        end
endmodule
