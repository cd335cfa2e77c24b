// 20-bit rotate (left), written as a loop that rotates one place per step while the step is below sh.
module rot20_loop (
  input  wire [19:0] din,
  input  wire [4:0]  sh,
  output reg  [19:0] dout
);
  integer i;
  always @* begin
    dout = din;
    for (i = 0; i < 31; i = i + 1)
      if (i < sh)
        dout = {dout[18:0], dout[19]};
  end
endmodule
