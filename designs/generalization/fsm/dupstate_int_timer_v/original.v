// Pump controller (Verilog-2005, localparam states, one always block): two priming states entered from
// different places behave identically (same outputs, same 32-bit `integer` hold timer, same exits), and the
// timer only counts to HOLD-1 = 11: the states merge once the timer is narrow.
module pump_ctl #(parameter HOLD = 30) (
  input            clk,
  input            rst,
  input            req,
  input            low,
  input            fault,
  output reg       pump,
  output reg       valve,
  output reg       alarm
);
  localparam IDLE = 3'd0, PRIME_A = 3'd1, PRIME_B = 3'd2, RUN = 3'd3, DRAIN = 3'd4, TRIP = 3'd5;
  reg [2:0] st;
  integer   hold;

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; hold <= 0;
    end else begin
      case (st)
        IDLE:    if (fault) st <= TRIP; else if (req) st <= PRIME_A; else if (low) st <= DRAIN;
        PRIME_A, PRIME_B: begin
          if (fault) begin st <= TRIP; hold <= 0; end
          else if (hold == HOLD - 1) begin st <= RUN; hold <= 0; end
          else hold <= hold + 1;
        end
        RUN:     if (fault) st <= TRIP; else if (!req) st <= DRAIN;
        DRAIN:   if (req) st <= PRIME_B; else if (!low) st <= IDLE;
        TRIP:    if (!fault && !req) st <= IDLE;
        default: st <= IDLE;
      endcase
    end
  end

  always @(*) begin
    pump  = (st == RUN) || (st == PRIME_A) || (st == PRIME_B);
    valve = (st == PRIME_A) || (st == PRIME_B) || (st == DRAIN);
    alarm = (st == TRIP);
  end
endmodule

module pump_top (
  input  clk,
  input  rst,
  input  req,
  input  low,
  input  fault,
  output pump,
  output valve,
  output alarm
);
  pump_ctl #(.HOLD(12)) u_ctl (.clk(clk), .rst(rst), .req(req), .low(low), .fault(fault),
                               .pump(pump), .valve(valve), .alarm(alarm));
endmodule
