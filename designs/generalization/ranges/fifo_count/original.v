module fcount (
  input         clk, rst, push, pop,
  output        full, empty,
  output [15:0] used
);
  reg [15:0] count;
  always @(posedge clk) begin
    if (rst)
      count <= 16'd0;
    else if (push && !pop && count < 16'd8)
      count <= count + 16'd1;
    else if (pop && !push && count != 16'd0)
      count <= count - 16'd1;
  end
  assign full  = count == 16'd8;
  assign empty = count == 16'd0;
  assign used  = count;
endmodule
