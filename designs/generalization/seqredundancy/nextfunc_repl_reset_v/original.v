// Threshold watcher: a level register (synchronous reset to a parameter
// expression) and a limit register (reset by replication); the "over" flag is
// registered from the next level and next limit.
module lvl_watch #(
    parameter W    = 8,
    parameter BASE = 3
) (
    input              clk,
    input              rst,
    input              inc,
    input              dec,
    input              set_lim,
    input      [W-1:0] lim_in,
    output reg [W-1:0] level,
    output reg         over
);
    reg  [W-1:0] limit;
    wire [W-1:0] level_d = inc ? level + 1'b1 : (dec ? level - 1'b1 : level);
    wire [W-1:0] limit_d = set_lim ? lim_in : limit;

    always @(posedge clk) begin
        if (rst) begin
            level <= BASE - 1;
            limit <= {{(W-2){1'b0}}, 2'b11};
            over  <= 1'b0;
        end else begin
            level <= level_d;
            limit <= limit_d;
            over  <= (level_d > limit_d);
        end
    end
endmodule
