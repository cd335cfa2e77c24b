// Branch decision of a small 32-bit core: the comparison is written out per condition code.
module br_decide (
  input  wire [31:0] a,
  input  wire [31:0] b,
  input  wire [2:0]  cc,
  input  wire        valid,
  output reg         go
);
  always @(*) begin
    go = 1'b0;
    if (valid)
      case (cc)
        3'd0: go = (a == b);
        3'd1: go = (a != b);
        3'd4: go = ($signed(a) < $signed(b));
        3'd5: go = ($signed(a) >= $signed(b));
        3'd6: go = (a < b);
        3'd7: go = !(a < b);
        default: go = 1'b0;
      endcase
  end
endmodule
