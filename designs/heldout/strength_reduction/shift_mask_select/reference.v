module bit_pick (
    input  wire [31:0] vec,
    input  wire [4:0]  idx,
    input  wire [31:0] en,
    output wire        hit,
    output wire        hit_en
);
    assign hit    = vec[idx];
    assign hit_en = hit & en[idx];
endmodule
