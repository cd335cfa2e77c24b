// Feed-forward comb filter on a byte stream: the ring buffer read at fixed
// offsets from its write pointer is an 8-stage shift register with two taps.
module comb_ff (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       vld,
    input  wire [7:0] x,
    output wire [8:0] y,
    output wire [7:0] mid
);
    reg [63:0] sr;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            sr <= 64'd0;
        else if (vld)
            sr <= {sr[55:0], x};
    end
    assign y   = {1'b0, x} + {1'b0, sr[63:56]};
    assign mid = sr[31:24];
endmodule
