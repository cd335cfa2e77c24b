// Difference of squares as one product: (I + Q)(I - Q), negated operand for the swapped mode.
module iq_power (
    input  wire signed [7:0]  i_s,
    input  wire signed [7:0]  q_s,
    input  wire        [1:0]  mode,
    output wire signed [16:0] p,
    output wire               sgn
);
    wire signed [8:0] sum = i_s + q_s;
    wire signed [8:0] dif = mode[0] ? q_s - i_s : i_s - q_s;
    assign p   = sum * dif;
    assign sgn = p[16];
endmodule
