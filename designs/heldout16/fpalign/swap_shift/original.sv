// Mini-float adder, first stage: exponent compare and mantissa alignment
// (same-sign add only; the pipeline's second stage normalizes).
module fp_align #(
    parameter int EW = 5,
    parameter int MW = 8
) (
    input  logic [EW-1:0] ea,
    input  logic [MW-1:0] ma,
    input  logic [EW-1:0] eb,
    input  logic [MW-1:0] mb,
    output logic [EW-1:0] e_big,
    output logic [MW-1:0] m_big,
    output logic [MW-1:0] m_small
);
    logic [EW-1:0] d_ab, d_ba;
    logic [MW-1:0] mb_sh, ma_sh;
    assign d_ab  = ea - eb;
    assign d_ba  = eb - ea;
    assign mb_sh = mb >> d_ab;
    assign ma_sh = ma >> d_ba;
    always_comb begin
        if (ea >= eb) begin
            e_big   = ea;
            m_big   = ma;
            m_small = mb_sh;
        end else begin
            e_big   = eb;
            m_big   = mb;
            m_small = ma_sh;
        end
    end
endmodule

module fp_add_s1 #(
    parameter int EW = 5,
    parameter int MW = 8
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          in_vld,
    input  logic [EW-1:0] ea,
    input  logic [MW-1:0] ma,
    input  logic [EW-1:0] eb,
    input  logic [MW-1:0] mb,
    output logic          s1_vld,
    output logic [EW-1:0] s1_exp,
    output logic [MW:0]   s1_sum
);
    logic [EW-1:0] e_big;
    logic [MW-1:0] m_big, m_small;
    fp_align #(.EW(EW), .MW(MW)) u_al (.ea, .ma, .eb, .mb, .e_big, .m_big, .m_small);
    always_ff @(posedge clk) begin
        if (rst) s1_vld <= 1'b0;
        else     s1_vld <= in_vld;
        if (in_vld) begin
            s1_exp <= e_big;
            s1_sum <= m_big + m_small;
        end
    end
endmodule

module fpadd_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       in_vld,
    input  logic [3:0] ea,
    input  logic [6:0] ma,
    input  logic [3:0] eb,
    input  logic [6:0] mb,
    output logic       s1_vld,
    output logic [3:0] s1_exp,
    output logic [7:0] s1_sum
);
    fp_add_s1 #(.EW(4), .MW(7)) u_s1 (.*);
endmodule
