module offset_compare (
  input      [15:0] addr,
  input      [15:0] data,
  output reg        hit,
  output reg [15:0] masked
);
  always @* begin
    hit = (addr == 16'd3800);
    masked = hit ? data : 16'd0;
  end
endmodule
