// Load-cell front end: the 6-bit bridge code is scaled by the excitation gain
// and then by the amplifier gain in two reusable gain blocks (function bodied).
module gain_blk #(parameter IW = 6, parameter OW = 11, parameter G = 1) (
    input  wire [IW-1:0] din,
    output wire [OW-1:0] dout
);
    function [OW-1:0] scale;
        input [IW-1:0] v;
        scale = v * G;
    endfunction
    assign dout = scale(din);
endmodule

module loadcell_fe (
    input  wire        clk,
    input  wire        en,
    input  wire [5:0]  code,
    input  wire [3:0]  tare,
    output reg  [14:0] weight
);
    wire [10:0] exc;
    wire [14:0] amp;
    gain_blk #(.IW(6),  .OW(11), .G(17)) u_exc (.din(code), .dout(exc));
    gain_blk #(.IW(11), .OW(15), .G(15)) u_amp (.din(exc),  .dout(amp));
    always @(posedge clk)
        if (en) weight <= amp - tare;
endmodule
