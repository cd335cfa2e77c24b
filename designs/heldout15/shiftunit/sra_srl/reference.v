// Shift unit: one right shifter with a selectable fill bit.
module shift_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input      [W-1:0]  a,
    input      [SW-1:0] sh,
    input      [1:0]    op,
    output reg [W-1:0]  y
);
    wire         fill = op[1] & a[W-1];
    wire [W-1:0] sr   = $signed({fill, a}) >>> sh;

    always @(*) begin
        case (op)
            2'b00:   y = a;
            2'b11:   y = {W{a[W-1]}};
            default: y = sr;
        endcase
    end
endmodule

module dsp_shift (
    input  [15:0] opa,
    input  [3:0]  amt,
    input  [1:0]  op,
    output [15:0] res
);
    shift_unit #(.W(16), .SW(4)) u_sh (.a(opa), .sh(amt), .op(op), .y(res));
endmodule
