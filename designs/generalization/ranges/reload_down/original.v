module dtimer (
  input        clk, rst, load,
  output       zero,
  output [31:0] remain
);
  reg [31:0] cnt;
  always @(posedge clk) begin
    if (rst)            cnt <= 32'd0;
    else if (load)      cnt <= 32'd12;
    else if (cnt != 0)  cnt <= cnt - 32'd1;
  end
  assign zero = cnt == 32'd0;
  assign remain = cnt;
endmodule
