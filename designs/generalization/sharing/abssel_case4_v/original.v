// Magnitude of the selected channel (Verilog-2001): a 3-bit channel select picks one of four signed
// 14-bit samples or the test word; each case item takes the magnitude of its own word.
module abssel4 (
  input             clk,
  input      [2:0]  ch,
  input      [13:0] x0, x1, x2, x3, tw,
  output reg [13:0] mag
);
  always @(posedge clk) begin
    case (ch)
      3'd0:    mag <= x0[13] ? 14'd0 - x0 : x0;
      3'd1:    mag <= x1[13] ? 14'd0 - x1 : x1;
      3'd2:    mag <= x2[13] ? 14'd0 - x2 : x2;
      3'd3:    mag <= x3[13] ? 14'd0 - x3 : x3;
      default: mag <= tw[13] ? 14'd0 - tw : tw;
    endcase
  end
endmodule
