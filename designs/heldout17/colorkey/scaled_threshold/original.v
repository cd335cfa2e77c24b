// Chroma-key mask generator: each colour channel is scaled by its white-
// balance gain (fixed per camera model) and compared with a key threshold.
module ch_key #(
    parameter W    = 10,
    parameter GAIN = 3,
    parameter TH   = 1000,
    parameter GT   = 0          // 1: key when above, 0: key when below
) (
    input  wire [W-1:0] x,
    output wire         key
);
    wire [W+7:0] scaled = x * GAIN;
    assign key = GT ? (scaled > TH) : (scaled < TH);
endmodule

module green_screen (
    input  wire        clk,
    input  wire        rst,
    input  wire        de,
    input  wire [7:0]  r,
    input  wire [7:0]  g,
    input  wire [7:0]  b,
    output reg         alpha
);
    wire kr, kg, kb;
    ch_key #(.W(8), .GAIN(37),  .TH(2900), .GT(0)) u_r (.x(r), .key(kr));
    ch_key #(.W(8), .GAIN(53),  .TH(7100), .GT(1)) u_g (.x(g), .key(kg));
    ch_key #(.W(8), .GAIN(29),  .TH(3300), .GT(0)) u_b (.x(b), .key(kb));
    always @(posedge clk) begin
        if (rst)     alpha <= 1'b0;
        else if (de) alpha <= kr & kg & kb;
    end
endmodule
