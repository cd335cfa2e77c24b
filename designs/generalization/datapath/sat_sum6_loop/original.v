// Sum of six unsigned 10-bit ADC samples, saturated to a 12-bit result with an overflow flag.
module sum6_sat (
    input  wire [59:0] samples,
    output reg  [11:0] total,
    output reg         ovf
);
    reg [15:0] acc;
    integer i;
    always @* begin
        acc = 16'd0;
        for (i = 0; i < 6; i = i + 1)
            acc = acc + samples[i*10 +: 10];
        if (acc > 16'd4095) begin
            total = 12'hFFF;
            ovf   = 1'b1;
        end else begin
            total = acc[11:0];
            ovf   = 1'b0;
        end
    end
endmodule
