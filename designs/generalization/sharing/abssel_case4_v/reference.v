// Magnitude of the selected channel (Verilog-2001): select the word first, then one negator.
module abssel4 (
  input             clk,
  input      [2:0]  ch,
  input      [13:0] x0, x1, x2, x3, tw,
  output reg [13:0] mag
);
  reg [13:0] p;
  always @* begin
    case (ch)
      3'd0:    p = x0;
      3'd1:    p = x1;
      3'd2:    p = x2;
      3'd3:    p = x3;
      default: p = tw;
    endcase
  end
  always @(posedge clk)
    mag <= p[13] ? 14'd0 - p : p;
endmodule
