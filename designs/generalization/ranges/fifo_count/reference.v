module fcount (
  input         clk, rst, push, pop,
  output        full, empty,
  output [15:0] used
);
  reg [3:0] count;
  always @(posedge clk) begin
    if (rst)
      count <= 4'd0;
    else if (push && !pop && !count[3])
      count <= count + 4'd1;
    else if (pop && !push && count != 4'd0)
      count <= count - 4'd1;
  end
  assign full  = count[3];
  assign empty = count == 4'd0;
  assign used  = {12'd0, count};
endmodule
