// Two-microphone beam picker: both envelope readings are scaled by the shared
// programmable gain; the louder scaled reading selects the microphone and is
// the reported level.
module env_gain (
    input  wire [6:0]  env,
    input  wire [3:0]  pga,
    output wire [10:0] lvl
);
    assign lvl = env * pga;
endmodule

module louder_mic (
    input  wire        clk,
    input  wire [6:0]  env_l,
    input  wire [6:0]  env_r,
    input  wire [3:0]  pga,
    output reg         left,
    output reg  [10:0] level
);
    wire [10:0] gl, gr;
    env_gain u_l (.env(env_l), .pga(pga), .lvl(gl));
    env_gain u_r (.env(env_r), .pga(pga), .lvl(gr));
    wire pick_l = gl >= gr;
    always @(posedge clk) begin
        left  <= pick_l;
        level <= pick_l ? gl : gr;
    end
endmodule
