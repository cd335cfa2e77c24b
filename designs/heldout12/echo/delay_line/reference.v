// Guitar-pedal echo: a circular sample buffer of DEPTH entries; the tap is
// read DELAY samples behind the write position and mixed with the input.
module echo_fx #(
    parameter W     = 12,
    parameter DEPTH = 32,
    parameter DELAY = 20
) (
    input  wire                clk,
    input  wire                rst,
    input  wire                s_en,
    input  wire signed [W-1:0] x,
    output reg  signed [W-1:0] y
);
    localparam AW = $clog2(DEPTH);
    reg signed [W-1:0] buf_mem [0:DEPTH-1];
    reg [AW-1:0] wp;
    // the read pointer is always wp - DELAY (mod DEPTH): compute it
    wire [AW-1:0] rp = wp - DELAY;

    integer i;
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < DEPTH; i = i + 1)
                buf_mem[i] <= {W{1'b0}};    // silence after reset
            wp <= {AW{1'b0}};
            y  <= {W{1'b0}};
        end else if (s_en) begin
            buf_mem[wp] <= x;
            wp <= wp + 1'b1;
            y  <= (x >>> 1) + (buf_mem[rp] >>> 1);
        end
    end
endmodule

module pedal_echo (
    input  wire               clk,
    input  wire               rst,
    input  wire               s_en,
    input  wire signed [7:0]  x,
    output wire signed [7:0]  y
);
    echo_fx #(.W(8), .DEPTH(8), .DELAY(5)) u_echo (.clk(clk), .rst(rst), .s_en(s_en), .x(x), .y(y));
endmodule
