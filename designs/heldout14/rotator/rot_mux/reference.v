// Bit-rotate unit of a small DSP/crypto coprocessor, hand-optimized: one
// shifter on the doubled word instead of a W-way mux of constant rotations.
module rot_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire [W-1:0]  x,
    input  wire [SW-1:0] amt,
    output reg  [W-1:0]  y
);
    // W is a power of two here (amt covers 0..W-1): a logarithmic rotator
    wire [2*W-1:0] dbl = {x, x} << amt;
    always @(*) y = dbl[2*W-1:W];
endmodule

module rot_stage #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          vld,
    input  wire [W-1:0]  a,
    input  wire [SW-1:0] sh,
    output reg  [W-1:0]  res
);
    wire [W-1:0] r;
    rot_unit #(.W(W), .SW(SW)) u_rot (.x(a), .amt(sh), .y(r));

    always @(posedge clk) begin
        if (rst)      res <= {W{1'b0}};
        else if (vld) res <= r;
    end
endmodule

module coproc_rot (
    input  wire        clk,
    input  wire        rst,
    input  wire        vld,
    input  wire [15:0] a,
    input  wire [3:0]  sh,
    output wire [15:0] res
);
    rot_stage #(.W(16), .SW(4)) u_stage (.clk(clk), .rst(rst), .vld(vld), .a(a), .sh(sh), .res(res));
endmodule
