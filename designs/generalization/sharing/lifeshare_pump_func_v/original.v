// Pump controller: while 'req' is held the pump primes for PRIME ticks, then runs for RUN ticks
// and stops; the timers are advanced by functions. The run timer is used only while running and
// waits at 0 otherwise; the prime timer is used only before.
module pump_ctl #(parameter PRIME = 9, parameter RUN = 40) (
  input  wire clk, rst, req, tick,
  output reg  pump_on,
  output wire idle
);
  reg [3:0] prime_t;
  reg [5:0] run_t;
  reg running;

  function [3:0] step4(input [3:0] c, input en);
    step4 = en ? c + 4'd1 : c;
  endfunction

  function [5:0] step6(input [5:0] c, input en);
    step6 = en ? c + 6'd1 : c;
  endfunction

  always @(posedge clk) begin
    if (rst) begin
      prime_t <= 4'd0;
      run_t <= 6'd0;
      running <= 1'b0;
      pump_on <= 1'b0;
    end else if (!running) begin
      if (!req) prime_t <= 4'd0;
      else if (prime_t == PRIME - 1) begin running <= 1'b1; pump_on <= 1'b1; end
      else prime_t <= step4(prime_t, tick);
    end else begin
      if (run_t == RUN - 1) begin run_t <= 6'd0; prime_t <= 4'd0; running <= 1'b0; pump_on <= 1'b0; end
      else run_t <= step6(run_t, tick);
    end
  end
  assign idle = !running && (prime_t == 4'd0);
endmodule

module pump_pair (
  input  wire clk, rst, tick,
  input  wire [1:0] req,
  output wire [1:0] pump_on, idle
);
  pump_ctl #(.PRIME(9), .RUN(40)) u0 (.clk(clk), .rst(rst), .req(req[0]), .tick(tick), .pump_on(pump_on[0]), .idle(idle[0]));
  pump_ctl #(.PRIME(9), .RUN(40)) u1 (.clk(clk), .rst(rst), .req(req[1]), .tick(tick), .pump_on(pump_on[1]), .idle(idle[1]));
endmodule
