module grant_reg (
  input            clk,
  input            valid,
  input      [7:0] req,
  output reg [2:0] idx
);
  // isolate the lowest set bit, then encode the one-hot word
  wire [7:0] low = req & (~req + 8'd1);
  always @(posedge clk) begin
    if (valid)
      idx <= {|(low & 8'hF0), |(low & 8'hCC), |(low & 8'hAA)};
  end
endmodule
