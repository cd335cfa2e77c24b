module satacc (
  input             clk, rst,
  input      [3:0]  din,
  output     [15:0] level,
  output            full
);
  reg [15:0] acc;
  always @(posedge clk) begin
    if (rst)
      acc <= 16'd0;
    else if (acc + din > 16'd1000)
      acc <= 16'd1000;
    else
      acc <= acc + din;
  end
  assign level = acc;
  assign full  = acc == 16'd1000;
endmodule
