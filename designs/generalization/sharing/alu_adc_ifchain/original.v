// 8-bit accumulator ALU with carry flag, written as an if/else-if chain on the
// function code; each branch writes its own arithmetic.
module acc_alu (
    input  wire [3:0] fn,
    input  wire [7:0] acc,
    input  wire [7:0] opnd,
    input  wire       c_in,
    output reg  [7:0] res,
    output reg        c_out,
    output reg        z
);
    always @* begin
        res = 8'd0; c_out = 1'b0; z = 1'b0;
        if (fn == 4'h1)      {c_out, res} = acc + opnd;
        else if (fn == 4'h2) {c_out, res} = acc + opnd + c_in;
        else if (fn == 4'h3) {c_out, res} = {1'b0, acc} - {1'b0, opnd};
        else if (fn == 4'h4) {c_out, res} = {1'b0, acc} - {1'b0, opnd} - c_in;
        else if (fn == 4'h5) {c_out, res} = acc + {7'd0, c_in};
        else if (fn == 4'h8) begin
            c_out = acc < opnd;
            z     = acc == opnd;
        end
        else if (fn == 4'h9) res = acc & opnd;
        else if (fn == 4'hA) res = acc | opnd;
    end
endmodule
