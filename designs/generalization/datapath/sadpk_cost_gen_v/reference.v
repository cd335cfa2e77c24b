// Reference: one 9-bit subtractor per pair, low bits inverted by the borrow, the borrows summed once.
module sadpk_cost_gen_v (
    input  [31:0] a,
    input  [31:0] b,
    output reg [9:0] cost
);
  wire [7:0] f [0:3];
  wire [3:0] bw;
  genvar g;
  generate
    for (g = 0; g < 4; g = g + 1) begin : pair
      wire [8:0] d = {1'b0, a[8*g +: 8]} - {1'b0, b[8*g +: 8]};
      assign bw[g] = d[8];
      assign f[g] = d[7:0] ^ {8{d[8]}};
    end
  endgenerate
  always @* cost = f[0] + f[1] + f[2] + f[3] + bw[0] + bw[1] + bw[2] + bw[3];
endmodule
