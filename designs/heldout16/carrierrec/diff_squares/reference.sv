// Squaring loop: I^2 - Q^2 computed as (I + Q)(I - Q), one multiplier
// instead of two squarers.
module cplx_square #(
    parameter int W = 8
) (
    input  logic signed [W-1:0]   i_in,
    input  logic signed [W-1:0]   q_in,
    output logic signed [2*W:0]   re,
    output logic signed [2*W:0]   im
);
    logic signed [W:0]     s, d;
    logic signed [2*W-1:0] iq;
    assign s  = i_in + q_in;
    assign d  = i_in - q_in;
    assign re = s * d;
    assign iq = i_in * q_in;
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
