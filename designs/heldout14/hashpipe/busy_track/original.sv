// Three-stage hash mixing pipeline with valid/ready and a global stall
// (the output register holds while the consumer is not ready). A separate
// occupancy shift register tracks which stages hold data for the
// "pipe busy" status and the drain logic.
module mix_stage #(
    parameter int W = 32,
    parameter logic [31:0] K = 32'h9E3779B9,
    parameter int R = 5
) (
    input  logic [W-1:0] x,
    output logic [W-1:0] y
);
    logic [W-1:0] t;
    always_comb begin
        t = x ^ W'(K);
        y = {t[W-R-1:0], t[W-1:W-R]} + x;
    end
endmodule

module hash_pipe #(
    parameter int W = 32
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic [W-1:0] in_data,
    input  logic         in_valid,
    output logic         in_ready,
    output logic [W-1:0] out_data,
    output logic         out_valid,
    input  logic         out_ready,
    output logic         busy
);
    logic [W-1:0] d1, d2, d3, m1, m2, m3;
    logic         v1, v2, v3;
    logic [2:0]   occ;
    logic         adv;

    assign adv       = !v3 || out_ready;
    assign in_ready  = adv;
    assign out_data  = d3;
    assign out_valid = v3;
    assign busy      = |occ;

    mix_stage #(.W(W), .K(32'h9E3779B9), .R(5))  u_m1 (.x(in_data), .y(m1));
    mix_stage #(.W(W), .K(32'h85EBCA6B), .R(11)) u_m2 (.x(d1), .y(m2));
    mix_stage #(.W(W), .K(32'hC2B2AE35), .R(7))  u_m3 (.x(d2), .y(m3));

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            {v1, v2, v3} <= '0;
            d1 <= '0;
            d2 <= '0;
            d3 <= '0;
        end else if (adv) begin
            v1 <= in_valid;
            v2 <= v1;
            v3 <= v2;
            d1 <= m1;
            d2 <= m2;
            d3 <= m3;
        end
    end

    // occupancy tracker
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            occ <= 3'b000;
        else if (adv)
            occ <= {occ[1:0], in_valid && in_ready};
    end
endmodule

module packet_hasher (
    input  logic        clk,
    input  logic        rst_n,
    input  logic [15:0] in_data,
    input  logic        in_valid,
    output logic        in_ready,
    output logic [15:0] out_data,
    output logic        out_valid,
    input  logic        out_ready,
    output logic        busy
);
    hash_pipe #(.W(16)) u_pipe (.*);
endmodule
