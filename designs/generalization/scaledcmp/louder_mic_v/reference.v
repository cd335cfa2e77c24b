// Reference: gl >= gr with a common non-negative gain is pga == 0 | env_l >= env_r
// (both products exact at 11 bits); pick the raw envelope, multiply once.
module louder_mic (
    input  wire        clk,
    input  wire [6:0]  env_l,
    input  wire [6:0]  env_r,
    input  wire [3:0]  pga,
    output reg         left,
    output reg  [10:0] level
);
    wire pick_l = (pga == 4'd0) | (env_l >= env_r);
    wire [6:0] env = pick_l ? env_l : env_r;
    always @(posedge clk) begin
        left  <= pick_l;
        level <= env * pga;
    end
endmodule
