// Sum of six unsigned 10-bit ADC samples, saturated to a 12-bit result with an overflow flag.
// The sum is at most 6138: 13 bits (an adder tree), and it overflows 12 bits iff bit 12 is set.
module sum6_sat (
    input  wire [59:0] samples,
    output wire [11:0] total,
    output wire        ovf
);
    wire [12:0] acc = (samples[19:10] + samples[29:20]) +
                      ((samples[9:0] + samples[39:30]) + (samples[49:40] + samples[59:50]));
    assign ovf   = acc[12];
    assign total = acc[12] ? 12'hFFF : acc[11:0];
endmodule
