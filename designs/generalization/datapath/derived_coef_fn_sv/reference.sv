// Three-tap blend, factored: w * (l + 3 c + r) + bias, one multiplier
// instead of three; the derived weight 3 w is no longer needed.
module wcoef (
    input  logic       clk,
    input  logic       rst,
    input  logic       wr,
    input  logic [6:0] wd,
    output logic [6:0] w
);
    always_ff @(posedge clk)
        if (rst)     w <= '0;
        else if (wr) w <= wd;
endmodule

module blend3 (
    input  logic        clk,
    input  logic        rst,
    input  logic        wr,
    input  logic [6:0]  wd,
    input  logic [7:0]  bias,
    input  logic [5:0]  l,
    input  logic [5:0]  c,
    input  logic [5:0]  r,
    output logic [16:0] y
);
    logic [6:0]  w;
    logic [9:0]  tsum;
    logic [16:0] acc;

    wcoef u_coef (.clk, .rst, .wr, .wd, .w);

    always_comb begin
        tsum = l + r + {c, 1'b0} + c;
        acc  = tsum * w + bias;
    end

    always_ff @(posedge clk)
        if (rst) y <= '0;
        else     y <= acc;
endmodule
