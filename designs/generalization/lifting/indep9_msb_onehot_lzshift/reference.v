module top_grant (
  input  wire [11:0] req,
  output wire [11:0] gnt
);
  wire [11:0] above;  // above[i] = |req[11:i+1]
  assign above[11] = 1'b0;
  genvar i;
  generate
    for (i = 10; i >= 0; i = i - 1) begin : g
      assign above[i] = above[i+1] | req[i+1];
    end
  endgenerate
  assign gnt = req & ~above;
endmodule
