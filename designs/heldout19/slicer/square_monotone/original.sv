// PAM-4 receiver decision slicer: nearest of four levels by squared error.
module sq_err #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]   x,
    input  logic signed [W+1:0]   lvl,
    output logic        [2*W+3:0] e2
);
    logic signed [W+2:0] d;
    always_comb begin
        d  = x - lvl;
        e2 = d * d;
    end
endmodule

module slicer_core #(
    parameter int W    = 12,
    parameter int STEP = 64
) (
    input  logic signed [W-1:0] x,
    output logic        [1:0]   sym
);
    localparam logic signed [W+1:0] L0 = -3 * STEP;
    localparam logic signed [W+1:0] L1 = -1 * STEP;
    localparam logic signed [W+1:0] L2 =  1 * STEP;
    localparam logic signed [W+1:0] L3 =  3 * STEP;
    logic [3:0][2*W+3:0] e2;
    sq_err #(.W(W)) u_e0 (.x(x), .lvl(L0), .e2(e2[0]));
    sq_err #(.W(W)) u_e1 (.x(x), .lvl(L1), .e2(e2[1]));
    sq_err #(.W(W)) u_e2 (.x(x), .lvl(L2), .e2(e2[2]));
    sq_err #(.W(W)) u_e3 (.x(x), .lvl(L3), .e2(e2[3]));
    always_comb begin
        logic [2*W+3:0] best;
        best = e2[0];
        sym  = 2'd0;
        for (int i = 1; i < 4; i++) begin
            if (e2[i] < best) begin
                best = e2[i];
                sym  = i[1:0];
            end
        end
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
