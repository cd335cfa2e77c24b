// Infusion pump dose limiter: the step count of each channel is converted to
// microlitres (constant steps-to-volume factor plus a priming offset) and
// checked against the channel's alarm limits.
module dose_chk #(
    parameter W    = 9,
    parameter UL   = 7,      // microlitres per step
    parameter PRIM = 12,     // priming volume
    parameter HI   = 3000,
    parameter LO   = 400
) (
    input  wire [W-1:0] steps,
    output wire         over,
    output wire         under
);
    wire [W+4:0] vol = steps * UL + PRIM;
    assign over  = vol >= HI;
    assign under = vol <= LO;
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
