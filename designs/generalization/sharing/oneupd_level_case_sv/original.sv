// Leaky-bucket levels per channel: a case on the channel updates that
// channel's level with its own saturating add of the credit.
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
    function automatic logic [9:0] sat_add(input logic [9:0] a, input logic [5:0] b);
        logic [10:0] s;
        begin
            s = {1'b0, a} + {5'd0, b};
            sat_add = s[10] ? 10'h3ff : s[9:0];
        end
    endfunction
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            for (int k = 0; k < 4; k++) lvl[k] <= '0;
        end else if (go) begin
            unique case (ch)
                2'd0: lvl[0] <= sat_add(lvl[0], credit);
                2'd1: lvl[1] <= sat_add(lvl[1], credit);
                2'd2: lvl[2] <= sat_add(lvl[2], credit);
                2'd3: lvl[3] <= sat_add(lvl[3], credit);
            endcase
        end
    end
endmodule
