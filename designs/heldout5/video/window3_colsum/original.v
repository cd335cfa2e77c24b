// 3x3 box filter sum over a streaming column of three rows (one column per clock).
module box3x3_sum (
  input  wire        clk,
  input  wire        rst,
  input  wire [7:0]  row0,
  input  wire [7:0]  row1,
  input  wire [7:0]  row2,
  output wire [11:0] sum
);
  reg [7:0] win [0:8];        // win[3*c + r], c = 0 newest column
  integer k;
  always @(posedge clk) begin
    if (rst) begin
      for (k = 0; k < 9; k = k + 1) win[k] <= 8'd0;
    end else begin
      for (k = 8; k >= 3; k = k - 1) win[k] <= win[k-3];
      win[0] <= row0;
      win[1] <= row1;
      win[2] <= row2;
    end
  end
  reg [11:0] acc;
  always @* begin
    acc = 12'd0;
    for (k = 0; k < 9; k = k + 1) acc = acc + win[k];
  end
  assign sum = acc;
endmodule
