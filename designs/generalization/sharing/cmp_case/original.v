module cmpsel (
  input  [15:0] a, b,
  input  [1:0]  op,
  output reg    flag
);
  always @* begin
    case (op)
      2'd0: flag = a < b;
      2'd1: flag = a > b;
      2'd2: flag = a <= b;
      default: flag = a >= b;
    endcase
  end
endmodule
