// Edge-directed green interpolation at a red/blue site of a Bayer mosaic.
module sort2 #(
    parameter int W = 8
) (
    input  logic [W-1:0] a,
    input  logic [W-1:0] b,
    output logic [W-1:0] lo,
    output logic [W-1:0] hi
);
    always_comb begin
        if (a < b) begin
            lo = a;
            hi = b;
        end else begin
            lo = b;
            hi = a;
        end
    end
endmodule

module gi_core #(
    parameter int W = 8
) (
    input  logic [W-1:0] gl, gr, gu, gd,
    input  logic         horiz,      // edge direction from the classifier stage
    output logic [W-1:0] g_out
);
    logic [W:0]   hsum, vsum;
    always_comb begin
        hsum  = gl + gr + 1'b1;   // min + max == a + b
        vsum  = gu + gd + 1'b1;
        g_out = horiz ? hsum[W:1] : vsum[W:1];
    end
endmodule

module green_interp (
    input  logic        clk,
    input  logic        rst,
    input  logic [9:0]  gl, gr, gu, gd,
    input  logic        horiz,
    output logic [9:0]  g_q,
    output logic        horiz_q
);
    logic [9:0] g_out;
    gi_core #(.W(10)) u_core (.*);
    always_ff @(posedge clk) begin
        if (rst) begin
            g_q     <= '0;
            horiz_q <= 1'b0;
        end else begin
            g_q     <= g_out;
            horiz_q <= horiz;
        end
    end
endmodule
