// Keeps only the most significant set bit of a 12-bit request word.
// Leading zeros are counted by a loop and the grant is a right shift of
// the top bit by that count.
module top_grant (
  input  wire [11:0] req,
  output reg  [11:0] gnt
);
  reg [3:0] lz;
  reg       seen;
  integer   k;
  always @* begin
    lz   = 4'd0;
    seen = 1'b0;
    for (k = 11; k >= 0; k = k - 1) begin
      if (!seen) begin
        if (req[k]) seen = 1'b1;
        else        lz   = lz + 4'd1;
      end
    end
    if (seen) gnt = 12'h800 >> lz;
    else      gnt = 12'h000;
  end
endmodule
