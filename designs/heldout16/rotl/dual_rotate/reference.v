// Rotate unit: one logarithmic left rotator; ror by n is rol by -n.
module rot_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire          clk,
    input  wire          en,
    input  wire          dir_right,
    input  wire [W-1:0]  src,
    input  wire [SW-1:0] amt,
    output reg  [W-1:0]  res
);
    wire [SW-1:0] n = dir_right ? (~amt + 1'b1) : amt;
    reg  [W-1:0]  t;
    integer k;
    always @* begin
        t = src;
        for (k = 0; k < SW; k = k + 1)
            if (n[k])
                t = (t << (1 << k)) | (t >> (W - (1 << k)));
    end
    always @(posedge clk)
        if (en) res <= t;
endmodule

module dsp_rot (
    input  wire        clk,
    input  wire        en,
    input  wire        op_ror,
    input  wire [15:0] a,
    input  wire [3:0]  sh,
    output wire [15:0] r
);
    rot_unit #(.W(16), .SW(4)) u_rot (.clk(clk), .en(en), .dir_right(op_ror), .src(a), .amt(sh), .res(r));
endmodule
