// Delay line of DEPTH samples written as a for-loop shift register; out_ok rises once the
// line has been filled after reset (a 32-bit warm-up counter saturating at DEPTH).
module delay_line #(
    parameter W     = 8,
    parameter DEPTH = 12
) (
    input  wire         clk,
    input  wire         rst,
    input  wire         en,
    input  wire [W-1:0] din,
    output wire [W-1:0] dout,
    output wire         out_ok
);
    reg [W-1:0] taps [0:DEPTH-1];
    integer     warm;
    integer     i;

    always @(posedge clk) begin
        if (rst) begin
            warm <= 0;
            for (i = 0; i < DEPTH; i = i + 1)
                taps[i] <= {W{1'b0}};
        end else if (en) begin
            taps[0] <= din;
            for (i = 1; i < DEPTH; i = i + 1)
                taps[i] <= taps[i-1];
            if (warm < DEPTH)
                warm <= warm + 1;
        end
    end

    assign dout   = taps[DEPTH-1];
    assign out_ok = (warm == DEPTH);
endmodule
