// Signed 9-bit error sample: nearest of three levels (-96, 0, 96) by |x - L| from a function, in a
// priority if-chain (first wins); a hold input keeps the middle level. Registered decision.
module tri_slice (
    input  logic              clk,
    input  logic              rst_n,
    input  logic              hold,
    input  logic signed [8:0] x,
    output logic        [1:0] lvl_q
);
    localparam logic signed [9:0] LN = -10'sd96;
    localparam logic signed [9:0] LZ = 10'sd0;
    localparam logic signed [9:0] LP = 10'sd96;

    function automatic logic [9:0] absdist(input logic signed [8:0] v, input logic signed [9:0] l);
        logic signed [10:0] d;
        d = v - l;
        if (d < 0) absdist = -d;
        else       absdist = d;
    endfunction

    logic [9:0] en, ez, ep;
    logic [1:0] lvl;
    always_comb begin
        en = absdist(x, LN);
        ez = absdist(x, LZ);
        ep = absdist(x, LP);
        if (hold)                       lvl = 2'd1;
        else if (en <= ez && en <= ep)  lvl = 2'd0;
        else if (ez <= ep)              lvl = 2'd1;
        else                            lvl = 2'd2;
    end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) lvl_q <= 2'd1;
        else        lvl_q <= lvl;
endmodule
