// Washing-machine sequencer with one-hot state codes. A door opened mid-cycle and a fill timeout
// each have their own error state; both stop everything, sound the alarm and wait for ack.
module washer_fsm #(parameter int FILL_MAX = 60, parameter int WASH_T = 100, parameter int SPIN_T = 50) (
  input  logic clk, rst_n,
  input  logic go, door_open, water_full, drained, ack,
  output logic valve, motor, pump, spin, alarm, done
);
  typedef enum logic [7:0] {
    IDLE = 8'b0000_0001, FILL = 8'b0000_0010, WASH = 8'b0000_0100, DRAIN = 8'b0000_1000,
    SPIN = 8'b0001_0000, DONE = 8'b0010_0000, ERR_DOOR = 8'b0100_0000, ERR_WATER = 8'b1000_0000
  } state_t;
  state_t st, nst;
  logic [6:0] tmr;
  logic tmr_clr;

  always_comb begin
    nst = st;
    tmr_clr = 1'b0;
    unique case (st)
      IDLE:  if (go && !door_open) begin nst = FILL; tmr_clr = 1'b1; end
      FILL:  if (door_open) nst = ERR_DOOR;
             else if (water_full) begin nst = WASH; tmr_clr = 1'b1; end
             else if (tmr == 7'(FILL_MAX)) nst = ERR_WATER;
      WASH:  if (door_open) nst = ERR_DOOR;
             else if (tmr == 7'(WASH_T)) begin nst = DRAIN; tmr_clr = 1'b1; end
      DRAIN: if (drained) begin nst = SPIN; tmr_clr = 1'b1; end
      SPIN:  if (door_open) nst = ERR_DOOR;
             else if (tmr == 7'(SPIN_T)) nst = DONE;
      DONE:  if (ack) nst = IDLE;
      ERR_DOOR:  if (ack) nst = IDLE;
      ERR_WATER: if (ack) nst = IDLE;
      default: nst = IDLE;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin st <= IDLE; tmr <= '0; end
    else begin
      st <= nst;
      if (tmr_clr) tmr <= '0;
      else if (tmr != 7'h7f) tmr <= tmr + 1'b1;
    end
  end

  always_comb begin
    valve = (st == FILL);
    motor = (st == WASH) || (st == SPIN);
    pump  = (st == DRAIN) || (st == SPIN);
    spin  = (st == SPIN);
    alarm = (st == ERR_DOOR) || (st == ERR_WATER);
    done  = (st == DONE);
  end
endmodule

module washer (
  input  logic clk, rst_n, go, door_open, water_full, drained, ack,
  output logic valve, motor, pump, spin, alarm, done
);
  washer_fsm #(.FILL_MAX(90), .WASH_T(120), .SPIN_T(40)) u_fsm (.*);
endmodule
