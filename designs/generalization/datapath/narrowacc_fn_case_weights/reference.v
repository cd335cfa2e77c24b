// Credit balance after a cycle of returns: the four worths (0/1/2/4) summed in
// a 5-bit accumulator (at most 16), then one W-bit add.
module credit_return #(parameter W = 16) (
  input  wire [W-1:0] balance,
  input  wire [7:0]   cls,       // four 2-bit classes
  output reg  [W-1:0] balance_nxt
);
  reg [4:0] tot;
  integer p;
  always @* begin
    tot = 5'd0;
    for (p = 0; p < 4; p = p + 1)
      case (cls[2*p +: 2])
        2'd1:    tot = tot + 5'd1;
        2'd2:    tot = tot + 5'd2;
        2'd3:    tot = tot + 5'd4;
        default: ;
      endcase
    balance_nxt = balance + {{(W-5){1'b0}}, tot};
  end
endmodule
