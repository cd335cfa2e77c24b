module tz_count (
  input      [7:0] v,
  output reg [3:0] tz
);
  wire [7:0] low = v & (~v + 8'd1);  // lowest set bit, one-hot
  always @* tz = (v == 8'd0) ? 4'd8 : {1'b0, |(low & 8'hF0), |(low & 8'hCC), |(low & 8'hAA)};
endmodule
