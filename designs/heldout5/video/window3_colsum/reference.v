// Sum each incoming column once and keep three column sums instead of nine pixels.
module box3x3_sum (
  input  wire        clk,
  input  wire        rst,
  input  wire [7:0]  row0,
  input  wire [7:0]  row1,
  input  wire [7:0]  row2,
  output wire [11:0] sum
);
  reg [9:0] cs0, cs1, cs2;
  always @(posedge clk) begin
    if (rst) begin
      cs0 <= 10'd0; cs1 <= 10'd0; cs2 <= 10'd0;
    end else begin
      cs0 <= row0 + row1 + row2;
      cs1 <= cs0;
      cs2 <= cs1;
    end
  end
  assign sum = cs0 + cs1 + cs2;
endmodule
