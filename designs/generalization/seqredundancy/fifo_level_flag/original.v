// Command queue bookkeeping (8 entries, storage elsewhere): pointers, a level counter and a full flag.
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
    reg [2:0] wp, rp;
    reg [3:0] level;
    reg       full;
    wire do_w = wr & ~full;
    wire do_r = rd & (level != 4'd0);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            wp <= 3'd0;
            rp <= 3'd0;
        end else begin
            if (do_w) wp <= wp + 3'd1;
            if (do_r) rp <= rp + 3'd1;
        end

    always @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            level <= 4'd0;
            full  <= 1'b0;
        end else if (do_w && !do_r) begin
            level <= level + 4'd1;
            full  <= (level == 4'd7);
        end else if (do_r && !do_w) begin
            level <= level - 4'd1;
            full  <= 1'b0;
        end

    assign wa      = wp;
    assign ra      = rp;
    assign level_o = level;
    assign full_o  = full;
    assign empty_o = (level == 4'd0);
endmodule
