// One 9-bit adder acc + (opnd ^ inv) + ci for every arithmetic function; the
// compare reads the same subtractor's borrow and zero flag.
module acc_alu (
    input  wire [3:0] fn,
    input  wire [7:0] acc,
    input  wire [7:0] opnd,
    input  wire       c_in,
    output reg  [7:0] res,
    output reg        c_out,
    output reg        z
);
    wire       add  = fn == 4'h1 || fn == 4'h2;
    wire       sub  = fn == 4'h3 || fn == 4'h4 || fn == 4'h8;
    wire [7:0] yb   = sub ? ~opnd : add ? opnd : 8'd0;
    wire       ci   = (fn == 4'h2 || fn == 4'h5) ? c_in : fn == 4'h4 ? ~c_in : sub;
    wire [8:0] s    = {1'b0, acc} + {1'b0, yb} + {8'd0, ci};
    always @* begin
        res = 8'd0; c_out = 1'b0; z = 1'b0;
        case (fn)
            4'h1, 4'h2, 4'h5: {c_out, res} = s;
            4'h3, 4'h4:       {c_out, res} = {~s[8], s[7:0]};
            4'h8: begin c_out = ~s[8]; z = s[7:0] == 8'd0; end
            4'h9: res = acc & opnd;
            4'hA: res = acc | opnd;
            default: ;
        endcase
    end
endmodule
