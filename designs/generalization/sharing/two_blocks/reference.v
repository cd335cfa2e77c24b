module twoblk (
  input  [15:0] a, b, c, d,
  input  [1:0]  mode,
  output [15:0] y1, y2
);
  wire [15:0] sh = (mode[0] ? a : c) + (mode[0] ? b : d);
  assign y1 = (mode == 2'b01) ? sh : 16'd0;
  assign y2 = (mode == 2'b10) ? sh : 16'd0;
endmodule
