// Three-tap edge-preserving blend: the host writes a base weight w; the
// coefficient block derives the centre weight 3 w with a function. The
// blend forms the products in always_comb: y = w*l + (3w)*c + w*r + bias.
module wcoef (
    input  logic       clk,
    input  logic       rst,
    input  logic       wr,
    input  logic [6:0] wd,
    output logic [6:0] w,
    output logic [8:0] w3
);
    function automatic logic [8:0] triple(input logic [6:0] v);
        triple = {2'b00, v} + {1'b0, v, 1'b0};
    endfunction

    always_ff @(posedge clk)
        if (rst)     w <= '0;
        else if (wr) w <= wd;

    assign w3 = triple(w);
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
    logic [8:0]  w3;
    logic [12:0] pl, pr;
    logic [14:0] pc;
    logic [16:0] acc;

    wcoef u_coef (.clk, .rst, .wr, .wd, .w, .w3);

    always_comb begin
        pl  = l * w;
        pc  = c * w3;
        pr  = r * w;
        acc = pl + pc + pr + 17'(bias);
    end

    always_ff @(posedge clk)
        if (rst) y <= '0;
        else     y <= acc;
endmodule
