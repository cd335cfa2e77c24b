// Four-input sorting network (bitonic-style, 5 compare-exchange cells)
// used by a top-k statistics block.
module cas #(
    parameter int W = 16
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic [W-1:0] lo,
    output logic [W-1:0] hi
);
    always_comb begin
        lo = (a < b) ? a : b;
        hi = (a > b) ? a : b;
    end
endmodule

module sort4 #(
    parameter int W = 16
) (
    input  logic [3:0][W-1:0] d,
    output logic [3:0][W-1:0] q
);
    logic [3:0][W-1:0] s1;
    logic [3:0][W-1:0] s2;

    // layer 1: (0,1) (2,3)
    for (genvar i = 0; i < 2; i++) begin : g_l1
        cas #(.W(W)) u (.a(d[2*i]), .b(d[2*i+1]), .lo(s1[2*i]), .hi(s1[2*i+1]));
    end
    // layer 2: (0,2) (1,3)
    for (genvar i = 0; i < 2; i++) begin : g_l2
        cas #(.W(W)) u (.a(s1[i]), .b(s1[i+2]), .lo(s2[i]), .hi(s2[i+2]));
    end
    // layer 3: (1,2)
    cas #(.W(W)) u_l3 (.a(s2[1]), .b(s2[2]), .lo(q[1]), .hi(q[2]));
    assign q[0] = s2[0];
    assign q[3] = s2[3];
endmodule

module topk_stats (
    input  logic             clk,
    input  logic             rst_n,
    input  logic [3:0][11:0] sample,
    output logic [3:0][11:0] sorted_q
);
    logic [3:0][11:0] sorted;
    sort4 #(.W(12)) u_sort (.d(sample), .q(sorted));
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) sorted_q <= '0;
        else        sorted_q <= sorted;
    end
endmodule
