// Mini-float adder, first stage: one exponent subtraction whose borrow is
// the compare, operands swapped before a single alignment shifter.
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
    logic [EW:0]   d_ab;
    logic [EW-1:0] d_ba;
    logic          swap;
    assign d_ab    = {1'b0, ea} - {1'b0, eb};
    assign d_ba    = eb - ea;
    assign swap    = d_ab[EW];
    assign e_big   = swap ? eb : ea;
    assign m_big   = swap ? mb : ma;
    assign m_small = (swap ? ma : mb) >> (swap ? d_ba : d_ab[EW-1:0]);
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
