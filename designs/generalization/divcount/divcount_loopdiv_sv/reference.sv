// Sprite walker: x wraps at W and carries into y (no division loop); the
// band flag compares y alone.
module tile_walk #(parameter int W = 10, parameter int H = 5) (
    input  logic       clk,
    input  logic       rst,
    input  logic       adv,
    output logic [3:0] x,
    output logic [2:0] y,
    output logic       eol,
    output logic       top_band
);
    assign eol = adv && x == W-1;
    assign top_band = y < 2;
    always_ff @(posedge clk)
        if (rst) begin
            x <= '0;
            y <= '0;
        end else if (adv) begin
            x <= (x == W-1) ? '0 : x + 4'd1;
            if (x == W-1) y <= (y == H-1) ? '0 : y + 3'd1;
        end
endmodule

module sprite_walk (
    input  logic       clk,
    input  logic       rst,
    input  logic       adv,
    output logic [3:0] x,
    output logic [2:0] y,
    output logic       eol,
    output logic       top_band
);
    tile_walk #(.W(10), .H(5)) u_walk (.*);
endmodule
