// Battery-management passive balancing: a cell is bled when it sits more than
// THR counts above the lowest cell of the pack.
module cell_balance #(
    parameter int N   = 6,
    parameter int W   = 12,
    parameter int THR = 20
) (
    input  logic [N-1:0][W-1:0] vcell,
    output logic [N-1:0]        bleed,
    output logic [W-1:0]        vmin
);
    logic [W:0] lim;
    always_comb begin
        vmin = vcell[0];
        for (int i = 1; i < N; i++)
            if (vcell[i] < vmin) vmin = vcell[i];
        // v - vmin > THR  <=>  v > vmin + THR (vmin <= v): one adder, N comparators
        lim = {1'b0, vmin} + (W+1)'(THR);
        for (int i = 0; i < N; i++)
            bleed[i] = {1'b0, vcell[i]} > lim;
    end
endmodule

module bms_balance (
    input  logic [4:0][9:0] cells,
    output logic [4:0]      bleed_en,
    output logic [9:0]      v_low
);
    cell_balance #(.N(5), .W(10), .THR(12)) u_cb (.vcell(cells), .bleed(bleed_en), .vmin(v_low));
endmodule
