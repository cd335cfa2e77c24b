// Pump controller: priming delay, run until stop, purge delay; one 10-bit
// timer that counts ticks in the two timed states and is cleared elsewhere.
module pump_div3 (input clk, input rst, output tick);
  reg [1:0] d;
  always @(posedge clk)
    if (rst) d <= 2'd0;
    else if (d == 2'd2) d <= 2'd0;
    else d <= d + 2'd1;
  assign tick = (d == 2'd2);
endmodule

module pump_ctl (
  input  clk,
  input  rst,
  input  start,
  input  stop,
  input  fault,
  output valve,
  output motor,
  output busy
);
  localparam IDLE = 2'd0, PRIME = 2'd1, RUN = 2'd2, PURGE = 2'd3;
  localparam PRIME_T = 20, PURGE_T = 12;
  reg [1:0] st;
  reg [9:0] t;
  wire tick;
  pump_div3 u_div (.clk(clk), .rst(rst), .tick(tick));

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE;
      t  <= 10'd0;
    end else begin
      case (st)
        IDLE:  begin t <= 10'd0; if (start) st <= PRIME; end
        PRIME: begin
                 if (fault) begin st <= IDLE; t <= 10'd0; end
                 else if (tick) begin
                   t <= t + 10'd1;
                   if (t == PRIME_T - 1) st <= RUN;
                 end
               end
        RUN:   begin t <= 10'd0; if (stop || fault) st <= PURGE; end
        PURGE: begin
                 if (tick) begin
                   t <= t + 10'd1;
                   if (t == PURGE_T - 1) st <= IDLE;
                 end
               end
      endcase
    end
  end

  assign valve = (st == PRIME) || (st == RUN);
  assign motor = (st == RUN);
  assign busy  = (st != IDLE);
endmodule
