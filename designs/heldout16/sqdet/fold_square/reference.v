// Energy detector: the square is built from folded partial products
// (a_i a_j + a_j a_i = 2 a_i a_j, a_i a_i = a_i): about half the rows.
module rectify #(
    parameter W = 8
) (
    input  wire signed [W-1:0] x,
    output wire        [W-2:0] mag
);
    wire [W-1:0] neg = -x;
    assign mag = x[W-1] ? ((x == {1'b1, {(W-1){1'b0}}}) ? {(W-1){1'b1}} : neg[W-2:0]) : x[W-2:0];
endmodule

module square_fold #(
    parameter W = 8
) (
    input  wire [W-1:0]   a,
    output wire [2*W-1:0] p
);
    wire [2*W-1:0] diag;
    wire [2*W-1:0] row [0:W-2];
    genvar i;
    generate
        for (i = 0; i < W; i = i + 1) begin : g_diag
            assign diag[2*i]   = a[i];
            assign diag[2*i+1] = 1'b0;
        end
        for (i = 0; i < W-1; i = i + 1) begin : g_row
            wire [W-1:0] part = (a >> (i + 1)) & {W{a[i]}};
            assign row[i] = {{W{1'b0}}, part} << (2 * i + 2);
        end
    endgenerate
    integer k;
    reg [2*W-1:0] acc;
    always @* begin
        acc = diag;
        for (k = 0; k < W-1; k = k + 1)
            acc = acc + row[k];
    end
    assign p = acc;
endmodule

module energy_det #(
    parameter W = 8
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire signed [W-1:0]  sample,
    input  wire [2*W-3:0]       thresh,
    output reg                  hit,
    output reg  [2*W-3:0]       energy
);
    wire [W-2:0]   m;
    wire [2*W-3:0] e;
    rectify     #(.W(W))   u_rect (.x(sample), .mag(m));
    square_fold #(.W(W-1)) u_sq   (.a(m), .p(e));
    always @(posedge clk)
        if (rst) begin
            hit    <= 1'b0;
            energy <= {(2*W-2){1'b0}};
        end else begin
            hit    <= e > thresh;
            energy <= e;
        end
endmodule

module wakeup_top (
    input  wire              clk,
    input  wire              rst,
    input  wire signed [9:0] rx,
    input  wire [17:0]       thr,
    output wire              wake,
    output wire [17:0]       level
);
    energy_det #(.W(10)) u_det (.clk(clk), .rst(rst), .sample(rx), .thresh(thr), .hit(wake), .energy(level));
endmodule
