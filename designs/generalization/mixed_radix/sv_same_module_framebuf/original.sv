// Frame-buffer read-out (SV, one module): the scan position is kept as x/y counters, the buffer is
// addressed linearly and the tile lookup takes the position back from the linear address.
module fb_scan #(
    parameter int unsigned W = 20,
    parameter int unsigned H = 12
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       en,
    output logic [7:0] lin,
    output logic [2:0] tile_x,
    output logic [1:0] tile_y,
    output logic       last
);
    logic [4:0] x;
    logic [3:0] y;
    logic [4:0] px;
    logic [3:0] py;
    always_ff @(posedge clk) begin
        if (rst) begin
            x <= '0;
            y <= '0;
        end else if (en) begin
            x <= (x == W - 1) ? '0 : x + 5'd1;
            if (x == W - 1) y <= (y == H - 1) ? '0 : y + 4'd1;
        end
    end
    always_comb begin
        lin    = W * y + x;
        px     = lin % W;
        py     = lin / W;
        tile_x = px[4:2];
        tile_y = py[3:2];
        last   = (px == W - 1) && (py == H - 1);
    end
endmodule
