// PAM-4 receiver decision slicer: nearest of four levels by squared error.
module slicer_core #(
    parameter int W    = 12,
    parameter int STEP = 64
) (
    input  logic signed [W-1:0] x,
    output logic        [1:0]   sym
);
    // nearest of equally spaced levels: thresholds at the midpoints -2*STEP, 0, 2*STEP;
    // a tie goes to the lower level, as the first-wins argmin does
    localparam logic signed [W+1:0] T0 = -2 * STEP;
    localparam logic signed [W+1:0] T2 =  2 * STEP;
    logic signed [W+1:0] xe;
    always_comb begin
        xe = x;
        if (xe <= T0)        sym = 2'd0;
        else if (xe <= 0)    sym = 2'd1;
        else if (xe <= T2)   sym = 2'd2;
        else                 sym = 2'd3;
    end
endmodule

module pam4_rx (
    input  logic              clk,
    input  logic              rst,
    input  logic              strobe,
    input  logic signed [7:0] sample,
    output logic [1:0]        sym_q,
    output logic              sym_v
);
    logic [1:0] sym;
    slicer_core #(.W(8), .STEP(24)) u_sl (.x(sample), .sym(sym));
    always_ff @(posedge clk) begin
        if (rst) begin
            sym_q <= '0;
            sym_v <= 1'b0;
        end else begin
            sym_v <= strobe;
            if (strobe) sym_q <= sym;
        end
    end
endmodule
