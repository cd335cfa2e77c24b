module credit_track (
    input            clk,
    input            rst,
    input      [3:0] take,
    input      [3:0] give,
    output     [3:0] has_credit,
    output     [3:0] mon_full
);
    reg [2:0] credit [0:3];
    reg [2:0] mon0, mon1, mon2, mon3;
    integer i;

    always @(posedge clk) begin
        for (i = 0; i < 4; i = i + 1) begin
            if (rst)
                credit[i] <= 3'd4;
            else if (take[i] && !give[i] && credit[i] != 3'd0)
                credit[i] <= credit[i] - 3'd1;
            else if (give[i] && !take[i] && credit[i] != 3'd7)
                credit[i] <= credit[i] + 3'd1;
        end
    end

    // monitor copy (unrolled)
    always @(posedge clk) begin
        if (rst) begin
            mon0 <= 3'd4; mon1 <= 3'd4; mon2 <= 3'd4; mon3 <= 3'd4;
        end else begin
            mon0 <= (take[0] & ~give[0] & |mon0) ? mon0 - 3'd1 : (give[0] & ~take[0] & ~&mon0) ? mon0 + 3'd1 : mon0;
            mon1 <= (take[1] & ~give[1] & |mon1) ? mon1 - 3'd1 : (give[1] & ~take[1] & ~&mon1) ? mon1 + 3'd1 : mon1;
            mon2 <= (take[2] & ~give[2] & |mon2) ? mon2 - 3'd1 : (give[2] & ~take[2] & ~&mon2) ? mon2 + 3'd1 : mon2;
            mon3 <= (take[3] & ~give[3] & |mon3) ? mon3 - 3'd1 : (give[3] & ~take[3] & ~&mon3) ? mon3 + 3'd1 : mon3;
        end
    end

    genvar g;
    generate for (g = 0; g < 4; g = g + 1) begin : hc
        assign has_credit[g] = credit[g] != 3'd0;
    end endgenerate
    assign mon_full = {&mon3, &mon2, &mon1, &mon0};
endmodule
