module ones_count (
    input  wire [15:0] word,
    input  wire [4:0]  thresh,
    output reg  [4:0]  ones,
    output reg         dense
);
    integer i;
    integer n;
    always @(*) begin
        n = 0;
        for (i = 0; i < 16; i = i + 1)
            if (word[i])
                n = n + 1;
        ones  = n;
        dense = (n >= thresh);
    end
endmodule
