module flip_mac_v (
    input                     flip,
    input  signed [6:0]       i_in,
    input  signed [6:0]       q_in,
    input  signed [15:0]      bias,
    output signed [15:0]      y
);
    wire signed [15:0] pr = i_in * q_in;
    assign y = bias + pr;
endmodule
