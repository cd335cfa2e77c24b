module port_pick (
  input  [31:0] req,
  output [11:0] pick,
  output [3:0]  any
);
  genvar p;
  generate
    for (p = 0; p < 4; p = p + 1) begin : port
      wire [7:0] r   = req[p*8 +: 8];
      wire [7:0] low = r & (~r + 8'd1);  // lowest request, one-hot
      assign pick[p*3 +: 3] = {|(low & 8'hF0), |(low & 8'hCC), |(low & 8'hAA)};
      assign any[p] = |r;
    end
  endgenerate
endmodule
