// Async-FIFO read-side level computation: convert the synchronized Gray pointers to binary.
module gray2bin #(
  parameter W = 8
) (
  input  wire [W-1:0] gray,
  output reg  [W-1:0] bin
);
  integer i;
  always @* begin
    for (i = 0; i < W; i = i + 1)
      bin[i] = ^(gray >> i);
  end
endmodule

module afifo_level #(
  parameter AW = 11
) (
  input  wire [AW:0] wptr_gray_sync,
  input  wire [AW:0] rptr_gray,
  output wire [AW:0] level,
  output wire        empty
);
  wire [AW:0] wbin, rbin;
  gray2bin #(.W(AW+1)) u_w (.gray(wptr_gray_sync), .bin(wbin));
  gray2bin #(.W(AW+1)) u_r (.gray(rptr_gray),      .bin(rbin));
  assign level = wbin - rbin;
  assign empty = (wptr_gray_sync == rptr_gray);
endmodule
