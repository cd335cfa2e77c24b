module tri_slice (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              hold,
    input  logic signed [8:0] x,
    output logic        [1:0] lvl_q
);
    logic [1:0] lvl;
    always_comb begin
        if (hold)            lvl = 2'd1;
        else if (x <= -48)   lvl = 2'd0;
        else if (x <= 48)    lvl = 2'd1;
        else                 lvl = 2'd2;
    end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) lvl_q <= 2'd1;
        else        lvl_q <= lvl;
endmodule
