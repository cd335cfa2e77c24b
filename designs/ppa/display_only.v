// Not synthesizable: only simulation constructs.
module display_only (input clk, output reg y);
  initial begin
    y = 0;
    #10 y = 1;
    $display("hello");
  end
endmodule
