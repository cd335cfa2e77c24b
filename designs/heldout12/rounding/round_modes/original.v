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
    wire [W:0]     hu   = {1'b0, x} + HALF;    // round half up
    wire [W:0]     ce   = {1'b0, x} + ONEM;    // ceiling

    always @(*) begin
        case (mode)
            2'd0: y = {1'b0, ip};
            2'd1: y = hu[W:F];
            2'd2: y = ce[W:F];
            default: begin
                if (frac > HALF[F-1:0])
                    y = ip + 1'b1;
                else if (frac == HALF[F-1:0] && ip[0])
                    y = ip + 1'b1;
                else
                    y = {1'b0, ip};
            end
        endcase
    end
endmodule

module q_convert (
    input  wire [19:0] acc,
    input  wire [1:0]  rmode,
    output wire [14:0] val
);
    fx_round #(.W(20), .F(6)) u_r (.x(acc), .mode(rmode), .y(val));
endmodule
