module debounce(input clk, input rst, input btn, output reg pressed, output reg level);
  // state = {level, wait}: the stable level is itself the output register
  reg waiting;
  reg [5:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      waiting <= 1'b0; cnt <= 6'd0; pressed <= 1'b0; level <= 1'b0;
    end else begin
      pressed <= 1'b0;
      if (!waiting) begin
        if (btn ^ level) begin waiting <= 1'b1; cnt <= 6'd0; end
      end else if (btn == level) begin
        waiting <= 1'b0;
      end else if (cnt == 6'd40) begin
        waiting <= 1'b0; level <= btn; pressed <= btn;
      end else begin
        cnt <= cnt + 6'd1;
      end
    end
  end
endmodule
