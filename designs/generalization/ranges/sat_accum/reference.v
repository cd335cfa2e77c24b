module satacc (
  input             clk, rst,
  input      [3:0]  din,
  output     [15:0] level,
  output            full
);
  reg  [9:0]  acc;
  wire [10:0] nxt = acc + din;
  always @(posedge clk) begin
    if (rst)
      acc <= 10'd0;
    else if (nxt > 11'd1000)
      acc <= 10'd1000;
    else
      acc <= nxt[9:0];
  end
  assign level = {6'd0, acc};
  assign full  = acc == 10'd1000;
endmodule
