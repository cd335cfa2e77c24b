module port_pick (
  input  [31:0] req,
  output [11:0] pick,
  output [3:0]  any
);
  genvar p;
  generate
    for (p = 0; p < 4; p = p + 1) begin : port
      wire [7:0] r = req[p*8 +: 8];
      reg  [2:0] idx;
      reg        hit;
      integer    j;
      always @* begin
        idx = 3'd0;
        hit = 1'b0;
        for (j = 0; j < 8; j = j + 1)
          if (r[j] && !hit) begin
            idx = j;
            hit = 1'b1;
          end
      end
      assign pick[p*3 +: 3] = idx;
      assign any[p] = hit;
    end
  endgenerate
endmodule
