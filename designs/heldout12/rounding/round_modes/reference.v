// Fixed-point to integer conversion unit with four rounding modes
// (0 truncate, 1 round half up, 2 ceiling, 3 round half to even).
module fx_round #(
    parameter W = 16,   // total bits
    parameter F = 8     // fraction bits
) (
    input  wire [W-1:0]   x,
    input  wire [1:0]     mode,
    output reg  [W-F:0]   y      // one extra bit for the carry out
);
    localparam [W:0] HALF = 1 << (F - 1);
    localparam [W:0] ONEM = (1 << F) - 1;

    wire [W-F-1:0] ip   = x[W-1:F];
    wire [F-1:0]   frac = x[F-1:0];
    // every mode adds 0 or 1 to the integer part: decide the bit, one incrementer
    wire half  = frac[F-1];
    wire below = |frac[F-2:0];
    reg  inc;
    always @(*) begin
        case (mode)
            2'd0:    inc = 1'b0;
            2'd1:    inc = half;
            2'd2:    inc = half | below;
            default: inc = half & (below | ip[0]);
        endcase
        y = {1'b0, ip} + inc;
    end
endmodule

module q_convert (
    input  wire [19:0] acc,
    input  wire [1:0]  rmode,
    output wire [14:0] val
);
    fx_round #(.W(20), .F(6)) u_r (.x(acc), .mode(rmode), .y(val));
endmodule
