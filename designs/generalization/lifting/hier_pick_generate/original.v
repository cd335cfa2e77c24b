module pick_unit (
  input      [7:0] req,
  input      [7:0] allow,
  output reg [2:0] idx
);
  integer k;
  reg     got;
  always @* begin
    idx = 3'd0;
    got = 1'b0;
    for (k = 0; k < 8; k = k + 1)
      if (req[k] && allow[k] && !got) begin
        idx = k;
        got = 1'b1;
      end
  end
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
