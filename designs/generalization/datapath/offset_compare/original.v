module offset_compare (
  input      [15:0] addr,
  input      [15:0] data,
  output reg        hit,
  output reg [15:0] masked
);
  reg [15:0] rel;
  always @* begin
    rel = addr + 16'd1200;
    hit = (rel == 16'd5000);
    masked = hit ? data : 16'd0;
  end
endmodule
