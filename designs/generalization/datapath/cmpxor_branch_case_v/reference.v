// Branch decision of a small 32-bit core: cc[0] inverts the sense of eq / signed lt / unsigned lt.
module br_decide (
  input  wire [31:0] a,
  input  wire [31:0] b,
  input  wire [2:0]  cc,
  input  wire        valid,
  output reg         go
);
  wire ltu = a < b;
  always @(*) begin
    go = 1'b0;
    if (valid)
      case ({cc[2], cc[1]})
        2'd0: go = (a == b) ^ cc[0];
        2'd2: go = ($signed(a) < $signed(b)) ^ cc[0];
        2'd3: go = ltu ^ cc[0];
        default: go = 1'b0;
      endcase
  end
endmodule
