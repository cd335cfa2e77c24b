// 3-byte header delay line as an array of registers shifted by a generate loop in the same module; the
// taps are read only through == constants (C3 3C 99 conjunction and an FF flag on the newest byte)
module hdr_match (input clk, input rst, input en, input [7:0] din, output hit, output ff_now);
  reg [7:0] sr [0:2];
  always @(posedge clk)
    if (rst) sr[0] <= 8'h00;
    else if (en) sr[0] <= din;
  genvar g;
  generate
    for (g = 1; g < 3; g = g + 1) begin : st
      always @(posedge clk)
        if (rst) sr[g] <= 8'h00;
        else if (en) sr[g] <= sr[g - 1];
    end
  endgenerate
  assign hit = (sr[2] == 8'hC3) && (sr[1] == 8'h3C) && (sr[0] == 8'h99);
  assign ff_now = (sr[0] == 8'hFF);
endmodule
