// Pump controller: while 'req' is held the pump primes for PRIME ticks, then runs for RUN ticks
// and stops; the timers are advanced by functions. Priming and running never overlap: one timer,
// cleared when running starts and when it ends.
module pump_ctl #(parameter PRIME = 9, parameter RUN = 40) (
  input  wire clk, rst, req, tick,
  output reg  pump_on,
  output wire idle
);
  reg [5:0] t;
  reg running;

  function [3:0] step4(input [3:0] c, input en);
    step4 = en ? c + 4'd1 : c;
  endfunction

  function [5:0] step6(input [5:0] c, input en);
    step6 = en ? c + 6'd1 : c;
  endfunction

  always @(posedge clk) begin
    if (rst) begin
      t <= 6'd0;
      running <= 1'b0;
      pump_on <= 1'b0;
    end else if (!running) begin
      if (!req) t <= 6'd0;
      else if (t == PRIME - 1) begin running <= 1'b1; t <= 6'd0; pump_on <= 1'b1; end
      else t <= step6(t, tick);
    end else begin
      if (t == RUN - 1) begin t <= 6'd0; running <= 1'b0; pump_on <= 1'b0; end
      else t <= step6(t, tick);
    end
  end
  assign idle = !running && (t == 6'd0);
endmodule

module pump_pair (
  input  wire clk, rst, tick,
  input  wire [1:0] req,
  output wire [1:0] pump_on, idle
);
  pump_ctl #(.PRIME(9), .RUN(40)) u0 (.clk(clk), .rst(rst), .req(req[0]), .tick(tick), .pump_on(pump_on[0]), .idle(idle[0]));
  pump_ctl #(.PRIME(9), .RUN(40)) u1 (.clk(clk), .rst(rst), .req(req[1]), .tick(tick), .pump_on(pump_on[1]), .idle(idle[1]));
endmodule
