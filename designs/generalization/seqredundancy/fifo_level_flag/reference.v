// Pointers with a wrap bit carry the whole state: level = wp - rp, full = level[3], empty = wp == rp.
module cmdq_ctrl (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       wr,
    input  wire       rd,
    output wire [2:0] wa,
    output wire [2:0] ra,
    output wire [3:0] level_o,
    output wire       full_o,
    output wire       empty_o
);
    reg [3:0] wp, rp;
    wire [3:0] level = wp - rp;
    wire do_w = wr & ~level[3];
    wire do_r = rd & (wp != rp);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            wp <= 4'd0;
            rp <= 4'd0;
        end else begin
            if (do_w) wp <= wp + 4'd1;
            if (do_r) rp <= rp + 4'd1;
        end

    assign wa      = wp[2:0];
    assign ra      = rp[2:0];
    assign level_o = level;
    assign full_o  = level[3];
    assign empty_o = (wp == rp);
endmodule
