// Pump controller, hand reference: the two priming states merged, the hold timer 4 bits (HOLD = 12).
module pump_ctl #(parameter HOLD = 12) (
  input            clk,
  input            rst,
  input            req,
  input            low,
  input            fault,
  output reg       pump,
  output reg       valve,
  output reg       alarm
);
  localparam IDLE = 3'd0, PRIME = 3'd1, RUN = 3'd3, DRAIN = 3'd4, TRIP = 3'd5;
  reg [2:0] st;
  reg [3:0] hold;

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; hold <= 4'd0;
    end else begin
      case (st)
        IDLE:    if (fault) st <= TRIP; else if (req) st <= PRIME; else if (low) st <= DRAIN;
        PRIME: begin
          if (fault) begin st <= TRIP; hold <= 4'd0; end
          else if (hold == 4'd11) begin st <= RUN; hold <= 4'd0; end
          else hold <= hold + 4'd1;
        end
        RUN:     if (fault) st <= TRIP; else if (!req) st <= DRAIN;
        DRAIN:   if (req) st <= PRIME; else if (!low) st <= IDLE;
        TRIP:    if (!fault && !req) st <= IDLE;
        default: st <= IDLE;
      endcase
    end
  end

  always @(*) begin
    pump  = (st == RUN) || (st == PRIME);
    valve = (st == PRIME) || (st == DRAIN);
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
