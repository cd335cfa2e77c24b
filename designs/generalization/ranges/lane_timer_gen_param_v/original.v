// Per-lane retrigger timers in a generate loop: a trigger restarts the lane's timer and captures the
// time since the previous trigger; the timer stops at HOLD.
module lane_timers #(parameter LANES = 4, parameter HOLD = 200) (
  input                    clk,
  input                    rst,
  input  [LANES-1:0]       trig,
  output [LANES*16-1:0]    elapsed,
  output [LANES-1:0]       busy
);
  genvar i;
  generate
    for (i = 0; i < LANES; i = i + 1) begin : lane
      reg [15:0] cnt;
      reg [15:0] last;
      always @(posedge clk) begin
        if (rst) begin
          cnt  <= 16'd0;
          last <= 16'd0;
        end else if (trig[i]) begin
          last <= cnt;
          cnt  <= 16'd1;
        end else if (cnt != 16'd0 && cnt < HOLD) begin
          cnt  <= cnt + 16'd1;
        end
      end
      assign elapsed[16*i +: 16] = last;
      assign busy[i] = (cnt != 16'd0) && (cnt != HOLD);
    end
  endgenerate
endmodule

module lane_timers6 (
  input         clk,
  input         rst,
  input  [5:0]  trig,
  output [95:0] elapsed,
  output [5:0]  busy
);
  lane_timers #(.LANES(6), .HOLD(200)) u_t (.clk(clk), .rst(rst), .trig(trig), .elapsed(elapsed), .busy(busy));
endmodule
