// Range of six 12-bit samples: minimum and maximum found by two independent scans (10 compares).
module minmax6 (
    input  wire [71:0] smp,
    output reg  [11:0] smp_min,
    output reg  [11:0] smp_max
);
    integer i;
    always @* begin
        smp_min = smp[11:0];
        smp_max = smp[11:0];
        for (i = 1; i < 6; i = i + 1) begin
            if (smp[12*i +: 12] < smp_min) smp_min = smp[12*i +: 12];
            if (smp[12*i +: 12] > smp_max) smp_max = smp[12*i +: 12];
        end
    end
endmodule
