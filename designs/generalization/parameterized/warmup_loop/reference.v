// Delay line of DEPTH samples; the warm-up counter has just the bits DEPTH needs.
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
    localparam CW = $clog2(DEPTH + 1);

    reg [W-1:0]  taps [0:DEPTH-1];
    reg [CW-1:0] warm;
    integer      i;

    always @(posedge clk) begin
        if (rst) begin
            warm <= {CW{1'b0}};
            for (i = 0; i < DEPTH; i = i + 1)
                taps[i] <= {W{1'b0}};
        end else if (en) begin
            taps[0] <= din;
            for (i = 1; i < DEPTH; i = i + 1)
                taps[i] <= taps[i-1];
            if (!out_ok)
                warm <= warm + 1'b1;
        end
    end

    assign dout   = taps[DEPTH-1];
    assign out_ok = (warm == DEPTH);
endmodule
