// Reference: 40 = 32 + 8, 17 = 16 + 1, 24 = 16 + 8, 33 = 32 + 1: two shifts and an adder per channel.
module unit_scale (
    input  logic [1:0]  rng,
    input  logic [11:0] ch0,
    input  logic [11:0] ch1,
    output logic [17:0] o0,
    output logic [17:0] o1
);
    logic [2:0] p, q;
    always_comb begin
        p  = (rng == 2'd0 || rng == 2'd3) ? 3'd5 : 3'd4;
        q  = (rng == 2'd0 || rng == 2'd2) ? 3'd3 : 3'd0;
        o0 = ({6'd0, ch0} << p) + ({6'd0, ch0} << q);
        o1 = ({6'd0, ch1} << p) + ({6'd0, ch1} << q);
    end
endmodule
