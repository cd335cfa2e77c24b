// Bit-rotate unit of a small DSP/crypto coprocessor: rotate left by a
// run-time amount, written as a search over every possible amount.
module rot_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input  wire [W-1:0]  x,
    input  wire [SW-1:0] amt,
    output reg  [W-1:0]  y
);
    integer k;
    always @(*) begin
        y = x;
        for (k = 1; k < W; k = k + 1) begin
            if (amt == k)
                y = (x << k) | (x >> (W - k));
        end
    end
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
