module wr_enable_decode (
  input             we,
  input      [4:0]  waddr,
  output reg [31:0] row_we
);
  integer i;
  always @* begin
    for (i = 0; i < 32; i = i + 1)
      row_we[i] = we && (waddr == i);
  end
endmodule
