// Energy detector for a wake-up receiver: the rectified sample is squared
// and compared with a programmable threshold; a hit is registered.
module rectify #(
    parameter W = 8
) (
    input  wire signed [W-1:0] x,
    output wire        [W-2:0] mag
);
    // symmetric saturation: -2^(W-1) maps to 2^(W-1)-1
    wire [W-1:0] neg = -x;
    assign mag = x[W-1] ? ((x == {1'b1, {(W-1){1'b0}}}) ? {(W-1){1'b1}} : neg[W-2:0]) : x[W-2:0];
endmodule

module square #(
    parameter W = 8
) (
    input  wire [W-1:0]   a,
    output wire [2*W-1:0] p
);
    assign p = a * a;
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
    rectify #(.W(W))   u_rect (.x(sample), .mag(m));
    square  #(.W(W-1)) u_sq   (.a(m), .p(e));
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
