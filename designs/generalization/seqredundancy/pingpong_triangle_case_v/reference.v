// Reference: (ramp, down) walks one cycle of 512 states (each end held one tick), so a 9-bit
// phase counter folded by its MSB replaces the up/down counter and the end compares; the reset
// state (0xff, falling) is phase 256.
module sweep_tri (
    input  wire       clk,
    input  wire       rst,
    input  wire       tick,
    output wire [7:0] ctl,
    output wire       falling
);
    reg [8:0] ph;

    always @(posedge clk)
        if (rst)       ph <= 9'd256;
        else if (tick) ph <= ph + 1'b1;

    assign ctl     = ph[8] ? ~ph[7:0] : ph[7:0];
    assign falling = ph[8];
endmodule
