// Sprite walker: one pixel position walks a W x H tile; x and y come from
// a divide by repeated subtraction, and a band flag from a compare.
module tile_walk #(parameter int W = 10, parameter int H = 5) (
    input  logic       clk,
    input  logic       rst,
    input  logic       adv,
    output logic [3:0] x,
    output logic [2:0] y,
    output logic       eol,
    output logic       top_band
);
    logic [5:0] p;
    logic [5:0] rem;
    logic [2:0] quo;
    always_ff @(posedge clk)
        if (rst)      p <= '0;
        else if (adv) p <= (p == W*H-1) ? '0 : p + 6'd1;
    always_comb begin
        rem = p;
        quo = '0;
        for (int k = 0; k < H; k++)
            if (rem >= W) begin
                rem = rem - W;
                quo = quo + 3'd1;
            end
    end
    assign x = rem[3:0];
    assign y = quo;
    assign eol = adv && x == W-1;
    assign top_band = p < 2*W;
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
