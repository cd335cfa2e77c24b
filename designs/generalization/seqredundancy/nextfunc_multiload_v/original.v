// Fan-speed selector (Verilog-2005): faster/slower keys move a 3-bit level; a registered one-hot LED
// row follows it, loaded from the new level in each branch and from the reset level at reset.
module fan_sel (clk, rst, faster, slower, lvl, led);
  input clk;
  input rst;
  input faster;
  input slower;
  output [2:0] lvl;
  output [7:0] led;
  reg [2:0] lvl;
  reg [7:0] led;

  always @(posedge clk) begin
    if (rst) begin
      lvl <= 3'd2;
      led <= 8'b1 << 3'd2;
    end else if (faster && lvl != 3'd7) begin
      lvl <= lvl + 3'd1;
      led <= 8'b1 << (lvl + 3'd1);
    end else if (slower && lvl != 3'd0) begin
      lvl <= lvl - 3'd1;
      led <= 8'b1 << (lvl - 3'd1);
    end
  end
endmodule
