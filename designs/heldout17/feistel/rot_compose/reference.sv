// Lightweight ARX block cipher datapath (RC5-like): each round rotates the
// mixed half by a data-dependent amount, then a diffusion stage rotates it
// again by the round's schedule amount before the subkey is added.
// Reference: rotations compose, rotl(rotl(v, p), q) = rotl(v, p + q mod W),
// so one rotator on the summed amount replaces the two.
module rotl_unit #(
    parameter int W  = 32,
    parameter int SW = 5
) (
    input  logic [W-1:0]  x,
    input  logic [SW-1:0] n,
    output logic [W-1:0]  y
);
    logic [2*W-1:0] dbl;
    always_comb begin
        dbl = {x, x} << n;
        y   = dbl[2*W-1:W];
    end
endmodule

module arx_round #(
    parameter int W  = 32,
    parameter int SW = 5
) (
    input  logic [W-1:0]  a,
    input  logic [W-1:0]  b,
    input  logic [SW-1:0] rsh,
    input  logic [W-1:0]  sk,
    output logic [W-1:0]  a_n
);
    logic [W-1:0]  t2;
    logic [SW-1:0] amt;
    assign amt = b[SW-1:0] + rsh;
    rotl_unit #(.W(W), .SW(SW)) u_rt (.x(a ^ b), .n(amt), .y(t2));
    assign a_n = t2 + sk;
endmodule

module arx_core (
    input  logic        clk,
    input  logic        rst,
    input  logic        load,
    input  logic [15:0] pa,
    input  logic [15:0] pb,
    input  logic [15:0] sk,
    output logic [15:0] ca,
    output logic [15:0] cb,
    output logic [3:0]  rnd
);
    logic [15:0] a_n;
    logic [3:0]  rsh;
    assign rsh = {rnd[1:0], rnd[3:2]} ^ 4'h5;
    arx_round #(.W(16), .SW(4)) u_r (.a(ca), .b(cb), .rsh, .sk, .a_n);

    always_ff @(posedge clk) begin
        if (rst) begin
            ca <= '0; cb <= '0; rnd <= '0;
        end else if (load) begin
            ca <= pa; cb <= pb; rnd <= '0;
        end else begin
            ca  <= cb;
            cb  <= a_n;
            rnd <= rnd + 4'd1;
        end
    end
endmodule
