// Sort four 8-bit keys, smallest first (k0 = min).
module sort4 (
    input  wire [31:0] keys_in,
    output reg  [31:0] keys_out
);
    reg [7:0] k [0:3];
    reg [7:0] t;
    integer i, j;
    always @* begin
        for (i = 0; i < 4; i = i + 1)
            k[i] = keys_in[8*i +: 8];
        for (i = 0; i < 3; i = i + 1)
            for (j = 0; j < 3 - i; j = j + 1)
                if (k[j] > k[j+1]) begin
                    t      = k[j];
                    k[j]   = k[j+1];
                    k[j+1] = t;
                end
        for (i = 0; i < 4; i = i + 1)
            keys_out[8*i +: 8] = k[i];
    end
endmodule
