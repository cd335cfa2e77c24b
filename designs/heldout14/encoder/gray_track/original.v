// Absolute rotary encoder interface: coarse and fine Gray-coded tracks are
// converted to binary and combined into one position word.
module gray2bin #(
    parameter W = 8
) (
    input  wire [W-1:0] g,
    output wire [W-1:0] b
);
    genvar i;
    generate
        for (i = 0; i < W; i = i + 1) begin : g_bit
            // binary bit i is the parity of all Gray bits at and above i
            assign b[i] = ^(g >> i);
        end
    endgenerate
endmodule

module abs_encoder #(
    parameter CW = 6,
    parameter FW = 8
) (
    input  wire              clk,
    input  wire              rst,
    input  wire [CW-1:0]     coarse_gray,
    input  wire [FW-1:0]     fine_gray,
    output reg  [CW+FW-1:0]  position
);
    wire [CW-1:0] coarse_bin;
    wire [FW-1:0] fine_bin;

    gray2bin #(.W(CW)) u_coarse (.g(coarse_gray), .b(coarse_bin));
    gray2bin #(.W(FW)) u_fine   (.g(fine_gray),   .b(fine_bin));

    always @(posedge clk) begin
        if (rst) position <= {CW+FW{1'b0}};
        else     position <= {coarse_bin, fine_bin};
    end
endmodule

module spindle_pos (
    input  wire        clk,
    input  wire        rst,
    input  wire [9:0]  coarse_gray,
    input  wire [11:0] fine_gray,
    output wire [21:0] position
);
    abs_encoder #(.CW(10), .FW(12)) u_enc (
        .clk(clk), .rst(rst), .coarse_gray(coarse_gray), .fine_gray(fine_gray), .position(position)
    );
endmodule
