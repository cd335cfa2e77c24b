// Multi-lane deskew checker: all lanes must present the same alignment marker.
module eq_cmp #(
    parameter int W = 8
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic         eq
);
    assign eq = (a == b);
endmodule

module align_core #(
    parameter int N = 4,
    parameter int W = 8
) (
    input  logic [N-1:0][W-1:0] mark,
    input  logic [N-1:0]        mvalid,
    output logic                aligned
);
    localparam int P = N * (N - 1) / 2;
    logic [P-1:0] pair_eq;
    for (genvar i = 0; i < N; i++) begin : g_i
        for (genvar j = i + 1; j < N; j++) begin : g_j
            localparam int K = i * N - (i * (i + 1)) / 2 + (j - i - 1);
            eq_cmp #(.W(W)) u_eq (.a(mark[i]), .b(mark[j]), .eq(pair_eq[K]));
        end
    end
    assign aligned = (&mvalid) && (&pair_eq);
endmodule

module lane_align (
    input  logic            clk,
    input  logic            rst,
    input  logic [5:0][6:0] mark,
    input  logic [5:0]      mvalid,
    output logic            locked
);
    logic aligned;
    logic [1:0] good;
    align_core #(.N(6), .W(7)) u_core (.mark, .mvalid, .aligned);
    always_ff @(posedge clk) begin
        if (rst) begin
            good   <= '0;
            locked <= 1'b0;
        end else if (&mvalid) begin
            if (aligned) begin
                if (good != 2'd3) good <= good + 2'd1;
                else locked <= 1'b1;
            end else begin
                good   <= '0;
                locked <= 1'b0;
            end
        end
    end
endmodule
