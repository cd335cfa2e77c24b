// Leaky-bucket levels per channel: the addressed level is read once and
// one saturating adder updates it.
module bucket_levels (
    input  logic        clk,
    input  logic        rst_n,
    input  logic        go,
    input  logic [1:0]  ch,
    input  logic [5:0]  credit,
    input  logic [1:0]  rd_ch,
    output logic [9:0]  rd_lvl
);
    logic [9:0] lvl [4];
    assign rd_lvl = lvl[rd_ch];
    logic [10:0] s;
    logic [9:0]  nxt;
    assign s = {1'b0, lvl[ch]} + {5'd0, credit};
    assign nxt = s[10] ? 10'h3ff : s[9:0];
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (int k = 0; k < 4; k++) lvl[k] <= '0;
        end else if (go) begin
            lvl[ch] <= nxt;
        end
    end
endmodule
