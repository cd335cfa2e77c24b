// Shift unit of a DSP coprocessor: logical and arithmetic right shifts.
module shift_unit #(
    parameter W  = 32,
    parameter SW = 5
) (
    input      [W-1:0]  a,
    input      [SW-1:0] sh,
    input      [1:0]    op,     // 00 pass, 01 srl, 10 sra, 11 sign fill
    output reg [W-1:0]  y
);
    wire [W-1:0] srl_res = a >> sh;
    wire [W-1:0] sra_res = $signed(a) >>> sh;

    always @(*) begin
        case (op)
            2'b00:   y = a;
            2'b01:   y = srl_res;
            2'b10:   y = sra_res;
            default: y = {W{a[W-1]}};
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
