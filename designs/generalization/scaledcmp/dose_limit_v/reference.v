// Reference: steps * UL + PRIM >= HI is steps >= ceil((HI - PRIM) / UL) and
// steps * UL + PRIM <= LO is steps <= floor((LO - PRIM) / UL) (the volume cannot
// wrap at W+5 bits): no multipliers.
module dose_chk #(
    parameter W    = 9,
    parameter UL   = 7,
    parameter PRIM = 12,
    parameter HI   = 3000,
    parameter LO   = 400
) (
    input  wire [W-1:0] steps,
    output wire         over,
    output wire         under
);
    localparam OVER_AT  = (HI - PRIM + UL - 1) / UL;
    localparam UNDER_AT = (LO - PRIM) / UL;
    assign over  = steps >= OVER_AT;
    assign under = steps <= UNDER_AT;
endmodule

module dose_limit (
    input  wire       clk,
    input  wire [8:0] s0,
    input  wire [8:0] s1,
    output reg  [3:0] alarm
);
    wire o0, u0, o1, u1;
    dose_chk #(.UL(7),  .PRIM(12), .HI(3000), .LO(400)) c0 (.steps(s0), .over(o0), .under(u0));
    dose_chk #(.UL(11), .PRIM(5),  .HI(5000), .LO(150)) c1 (.steps(s1), .over(o1), .under(u1));
    always @(posedge clk) alarm <= {o1, u1, o0, u0};
endmodule
