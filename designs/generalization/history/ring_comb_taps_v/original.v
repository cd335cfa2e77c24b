// Feed-forward comb filter on a byte stream: an 8-entry ring buffer written at
// a wrapping 3-bit pointer on each valid sample; two taps are read relative to
// the pointer (the oldest sample and the one written 4 samples ago).
module comb_ff (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       vld,
    input  wire [7:0] x,
    output wire [8:0] y,
    output wire [7:0] mid
);
    reg [7:0] ring [7:0];
    reg [2:0] ptr;
    integer k;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (k = 0; k < 8; k = k + 1)
                ring[k] <= 8'h00;
            ptr <= 3'd5;
        end else if (vld) begin
            ring[ptr] <= x;
            ptr <= ptr + 1'b1;
        end
    end
    assign y   = {1'b0, x} + {1'b0, ring[ptr]};
    assign mid = ring[ptr + 3'd4];
endmodule
