module pick_unit (
  input  [7:0] req,
  input  [7:0] allow,
  output [2:0] idx
);
  wire [7:0] r   = req & allow;
  wire [7:0] low = r & (~r + 8'd1);  // lowest eligible request, one-hot
  assign idx = {|(low & 8'hF0), |(low & 8'hCC), |(low & 8'hAA)};
endmodule

module multi_pick (
  input  [31:0] reqs,
  output [11:0] idxs
);
  genvar c;
  generate
    for (c = 0; c < 4; c = c + 1) begin : ch
      pick_unit u_pick (.req(reqs[c*8 +: 8]), .allow(8'hFF), .idx(idxs[c*3 +: 3]));
    end
  endgenerate
endmodule
