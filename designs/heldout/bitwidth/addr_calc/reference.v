module desc_addr (
    input  wire [15:0] base,
    input  wire [2:0]  idx,
    input  wire [1:0]  word,
    output wire [15:0] addr,
    output wire        cross
);
    // off = 12*idx + 4*word = 4*(3*idx + word), at most 4*23 = 92
    wire [4:0]  q    = {idx, 1'b0} + idx + word;
    wire [16:0] full = base + {q, 2'b00};
    assign addr  = full[15:0];
    assign cross = full[16];
endmodule
