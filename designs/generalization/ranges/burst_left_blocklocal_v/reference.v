// Burst beat counter: the length is clipped to MAXB-1 in a named-block variable, the last-beat flag is
// an always @* function of the counter (Verilog-2005, parameter set by the top)
module burst_cnt #(parameter MAXB = 64) (
  input clk, input rst, input start, input [7:0] len_in, input step,
  output reg busy, output reg last, output [7:0] left
);
  reg [2:0] cnt;                           // at most MAXB-1 (7 in the top)
  always @* last = busy && (cnt == 3'd0);
  always @(posedge clk)
    if (rst) begin busy <= 1'b0; cnt <= 3'd0; end
    else if (start && !busy) begin : ld
      reg [7:0] n;
      n = (len_in > MAXB - 1) ? MAXB - 1 : len_in;
      busy <= 1'b1; cnt <= n[2:0];
    end else if (busy && step) begin
      if (last) busy <= 1'b0;
      else cnt <= cnt - 3'd1;
    end
  assign left = {5'd0, cnt};
endmodule

module burst8 (input clk, input rst, input start, input [7:0] len_in, input step,
               output busy, output last, output [7:0] left);
  burst_cnt #(.MAXB(8)) u_b (.clk(clk), .rst(rst), .start(start), .len_in(len_in), .step(step),
                             .busy(busy), .last(last), .left(left));
endmodule
