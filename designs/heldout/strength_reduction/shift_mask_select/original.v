module bit_pick (
    input  wire [31:0] vec,
    input  wire [4:0]  idx,
    input  wire [31:0] en,
    output wire        hit,
    output wire        hit_en
);
    wire [31:0] mask = 32'd1 << idx;
    assign hit    = |(vec & mask);
    assign hit_en = |(vec & en & mask);
endmodule
