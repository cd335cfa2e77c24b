// Five 6-bit priorities sorted ascending by insertion sort (up to 10 compare-exchanges).
module sort5_ins (
    input  wire [29:0] pri_in,
    output reg  [29:0] pri_out
);
    reg [5:0] v [0:4];
    reg [5:0] t;
    integer i, j;
    always @* begin
        for (i = 0; i < 5; i = i + 1)
            v[i] = pri_in[6*i +: 6];
        for (i = 1; i < 5; i = i + 1)
            for (j = i; j > 0; j = j - 1)
                if (v[j-1] > v[j]) begin
                    t      = v[j];
                    v[j]   = v[j-1];
                    v[j-1] = t;
                end
        for (i = 0; i < 5; i = i + 1)
            pri_out[6*i +: 6] = v[i];
    end
endmodule
