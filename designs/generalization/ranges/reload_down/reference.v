module dtimer (
  input        clk, rst, load,
  output       zero,
  output [31:0] remain
);
  reg [3:0] cnt;
  always @(posedge clk) begin
    if (rst)            cnt <= 4'd0;
    else if (load)      cnt <= 4'd12;
    else if (cnt != 0)  cnt <= cnt - 4'd1;
  end
  assign zero = cnt == 4'd0;
  assign remain = {28'd0, cnt};
endmodule
