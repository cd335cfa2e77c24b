// Block-match cost: four pixel pairs in flat buses, |a - b| as a ternary on a > b in a generate loop,
// the costs summed in an always block.
module sadpk_cost_gen_v (
    input  [31:0] a,
    input  [31:0] b,
    output reg [9:0] cost
);
  wire [7:0] d [0:3];
  genvar g;
  generate
    for (g = 0; g < 4; g = g + 1) begin : pair
      wire [7:0] x = a[8*g +: 8];
      wire [7:0] y = b[8*g +: 8];
      assign d[g] = (x > y) ? x - y : y - x;
    end
  endgenerate
  integer j;
  always @* begin
    cost = 10'd0;
    for (j = 0; j < 4; j = j + 1) cost = cost + d[j];
  end
endmodule
