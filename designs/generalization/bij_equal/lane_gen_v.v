// Verilog: a generate loop of XOR-then-invert coders on three lanes, each compared (!=) with the
// coded reference lane; the mismatch flags are OR-ed.
module coder #(parameter W = 8) (input [W-1:0] d, input [W-1:0] k, output [W-1:0] c);
    assign c = ~(d ^ k);
endmodule

module lane_gen_v (
    input  [23:0] lanes,
    input  [7:0]  ref_lane,
    input  [7:0]  key,
    output        any_diff
);
    wire [7:0] cref;
    wire [2:0] diff;
    coder #(.W(8)) u_ref (.d(ref_lane), .k(key), .c(cref));
    genvar g;
    generate
        for (g = 0; g < 3; g = g + 1) begin : gl
            wire [7:0] cl;
            coder #(.W(8)) u_c (.d(lanes[8*g +: 8]), .k(key), .c(cl));
            assign diff[g] = cref != cl;
        end
    endgenerate
    assign any_diff = |diff;
endmodule
