// Unit converter: a 2-bit range code selects a scale factor from a flat localparam table
// {40, 17, 24, 33}; two channels are scaled in an always_comb block.
module unit_scale (
    input  logic [1:0]  rng,
    input  logic [11:0] ch0,
    input  logic [11:0] ch1,
    output logic [17:0] o0,
    output logic [17:0] o1
);
    localparam logic [23:0] K = {6'd33, 6'd24, 6'd17, 6'd40};
    logic [5:0] k;
    always_comb begin
        k  = K[rng*6 +: 6];
        o0 = ch0 * k;
        o1 = ch1 * k;
    end
endmodule
