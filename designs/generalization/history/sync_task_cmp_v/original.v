// 3-byte sync detector: named history registers shifted when en is high; the header test is a Verilog
// task with one output (a blocking temporary), the registered hit is updated every cycle
module sync_task (input clk, input rst, input en, input [7:0] d, output reg hit);
  reg [7:0] h0, h1, h2;
  reg hw;
  task chk_hdr(input [7:0] a, input [7:0] b, input [7:0] c, output m);
    m = (a == 8'h47) && (b == 8'h1F) && (c == 8'hA0);
  endtask
  always @(posedge clk) begin
    if (rst) begin
      h0 <= 8'h00; h1 <= 8'h00; h2 <= 8'h00; hit <= 1'b0;
    end else begin
      if (en) begin
        h0 <= d; h1 <= h0; h2 <= h1;
      end
      chk_hdr(h2, h1, h0, hw);
      hit <= hw;
    end
  end
endmodule
