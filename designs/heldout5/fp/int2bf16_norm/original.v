// Unsigned 16-bit integer to bfloat16 (truncating): count leading zeros,
// shift the leading one out, exponent = 127 + 15 - lz.
module u16_to_bf16 (
  input  wire [15:0] x,
  output wire [15:0] y
);
  reg  [4:0]  lz;
  reg         found;
  integer     i;
  always @* begin
    lz = 5'd16;
    found = 1'b0;
    for (i = 15; i >= 0; i = i - 1) begin
      if (!found && x[i]) begin
        lz = 15 - i;
        found = 1'b1;
      end
    end
  end

  wire [15:0] norm = x << lz;
  wire [7:0]  expo = 8'd142 - {3'd0, lz};
  assign y = (x == 16'd0) ? 16'd0 : {1'b0, expo, norm[14:8]};
endmodule
