module credit_track (
    input            clk,
    input            rst,
    input      [3:0] take,
    input      [3:0] give,
    output     [3:0] has_credit,
    output     [3:0] mon_full
);
    reg [2:0] credit [0:3];
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

    genvar g;
    generate for (g = 0; g < 4; g = g + 1) begin : hc
        assign has_credit[g] = credit[g] != 3'd0;
        assign mon_full[g] = &credit[g];
    end endgenerate
endmodule
