// Lock-in detector for an optical gas sensor: the LED is chopped by a
// square wave; the photodiode samples are multiplied by the in-phase and
// quadrature square references (+1/-1), integrated over a dump period, and
// the magnitude is estimated as max + min/2.
module ref_gen #(
    parameter K = 4
) (
    input  wire clk,
    input  wire rst,
    input  wire en,
    output wire ref_i,     // 1 = -1, 0 = +1
    output wire ref_q,
    output wire led
);
    reg [K:0] ph;
    always @(posedge clk)
        if (rst)     ph <= {(K+1){1'b0}};
        else if (en) ph <= ph + 1'b1;
    assign ref_i = ph[K];
    assign ref_q = ph[K] ^ ph[K-1];
    assign led   = ~ph[K];
endmodule

module ref_mult #(
    parameter W = 12
) (
    input  wire signed [W-1:0] x,
    input  wire                neg,
    output wire signed [W:0]   y
);
    wire signed [1:0] r = neg ? -2'sd1 : 2'sd1;
    assign y = x * r;
endmodule

module integ_dump #(
    parameter W  = 13,
    parameter AW = 20,
    parameter N  = 256
) (
    input  wire                 clk,
    input  wire                 rst,
    input  wire                 en,
    input  wire signed [W-1:0]  y,
    output reg  signed [AW-1:0] dump,
    output reg                  dump_vld
);
    reg signed [AW-1:0]    acc;
    reg [$clog2(N)-1:0]    n;
    always @(posedge clk)
        if (rst) begin
            acc <= {AW{1'b0}}; n <= 0; dump <= {AW{1'b0}}; dump_vld <= 1'b0;
        end else begin
            dump_vld <= 1'b0;
            if (en) begin
                if (n == N-1) begin
                    dump     <= acc + y;
                    dump_vld <= 1'b1;
                    acc      <= {AW{1'b0}};
                    n        <= 0;
                end else begin
                    acc <= acc + y;
                    n   <= n + 1'b1;
                end
            end
        end
endmodule

module mag_est #(
    parameter AW = 20
) (
    input  wire signed [AW-1:0] i_in,
    input  wire signed [AW-1:0] q_in,
    output wire        [AW-1:0] mag
);
    wire [AW-1:0] ai = i_in[AW-1] ? -i_in : i_in;
    wire [AW-1:0] aq = q_in[AW-1] ? -q_in : q_in;
    wire [AW-1:0] mx = (ai > aq) ? ai : aq;
    wire [AW-1:0] mn = (ai > aq) ? aq : ai;
    assign mag = mx + (mn >> 1);
endmodule

module lockin #(
    parameter W = 12,
    parameter K = 4,
    parameter N = 256
) (
    input  wire                clk,
    input  wire                rst,
    input  wire                s_vld,
    input  wire signed [W-1:0] s,
    output wire                led,
    output reg  [W+8:0]        mag_q,
    output reg                 mag_vld
);
    localparam AW = W + 9;
    wire               ri, rq, vi, vq;
    wire signed [W:0]  yi, yq;
    wire signed [AW-1:0] di, dq;
    wire [AW-1:0]      m;
    ref_gen    #(.K(K))                    u_ref (.clk(clk), .rst(rst), .en(s_vld), .ref_i(ri), .ref_q(rq), .led(led));
    ref_mult   #(.W(W))                    u_mi  (.x(s), .neg(ri), .y(yi));
    ref_mult   #(.W(W))                    u_mq  (.x(s), .neg(rq), .y(yq));
    integ_dump #(.W(W+1), .AW(AW), .N(N))  u_ii  (.clk(clk), .rst(rst), .en(s_vld), .y(yi), .dump(di), .dump_vld(vi));
    integ_dump #(.W(W+1), .AW(AW), .N(N))  u_iq  (.clk(clk), .rst(rst), .en(s_vld), .y(yq), .dump(dq), .dump_vld(vq));
    mag_est    #(.AW(AW))                  u_mag (.i_in(di), .q_in(dq), .mag(m));
    always @(posedge clk)
        if (rst) begin
            mag_q <= {AW{1'b0}}; mag_vld <= 1'b0;
        end else begin
            mag_vld <= vi;
            if (vi) mag_q <= m;
        end
endmodule

module gas_sensor (
    input  wire              clk,
    input  wire              rst,
    input  wire              s_vld,
    input  wire signed [7:0] s,
    output wire              led,
    output wire [16:0]       mag_q,
    output wire              mag_vld
);
    lockin #(.W(8), .K(2), .N(16)) u_li (.clk(clk), .rst(rst), .s_vld(s_vld), .s(s), .led(led),
                                         .mag_q(mag_q), .mag_vld(mag_vld));
endmodule
