// Squaring loop for BPSK carrier recovery: the baseband sample z = I + jQ
// is squared (z^2 = I^2 - Q^2 + j 2IQ) to strip the modulation, then the
// phase detector takes the product of the two parts.
module sq_unit #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]   x,
    output logic signed [2*W-1:0] x2
);
    assign x2 = x * x;
endmodule

module cplx_square #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]   i_in,
    input  logic signed [W-1:0]   q_in,
    output logic signed [2*W:0]   re,
    output logic signed [2*W:0]   im
);
    logic signed [2*W-1:0] ii, qq, iq;
    sq_unit #(.W(W)) u_sqi (.x(i_in), .x2(ii));
    sq_unit #(.W(W)) u_sqq (.x(q_in), .x2(qq));
    assign iq = i_in * q_in;
    assign re = ii - qq;
    assign im = {iq, 1'b0};
endmodule

module sq_loop_top #(
    parameter int W = 8
) (
    input  logic                 clk,
    input  logic                 rst_n,
    input  logic signed [W-1:0]  i_s,
    input  logic signed [W-1:0]  q_s,
    output logic signed [2*W:0]  re_q,
    output logic signed [2*W:0]  im_q
);
    logic signed [2*W:0] re, im;
    cplx_square #(.W(W)) u_sq (.i_in(i_s), .q_in(q_s), .re(re), .im(im));
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) begin
            re_q <= '0;
            im_q <= '0;
        end else begin
            re_q <= re;
            im_q <= im;
        end
endmodule

module carrier_top (
    input  logic              clk,
    input  logic              rst_n,
    input  logic signed [5:0] i_s,
    input  logic signed [5:0] q_s,
    output logic signed [12:0] re_q,
    output logic signed [12:0] im_q
);
    sq_loop_top #(.W(6)) u_loop (.*);
endmodule
