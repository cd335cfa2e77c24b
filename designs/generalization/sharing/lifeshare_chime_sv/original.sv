// Door chime: a sensor that stays active for SETTLE cycles rings the chime for HOLD cycles, then
// the chime waits until the sensor goes quiet. The settle timer runs only while settling; the ring
// timer only while ringing, and it is cleared when the ringing ends (it waits at 0 elsewhere).
module door_chime #(parameter int SETTLE = 11, parameter int HOLD = 27) (
  input  logic clk, rst_n, sensor,
  output logic chime
);
  typedef enum logic [1:0] {ARMED, SETTLING, RINGING, COOLDOWN} st_t;
  st_t st;
  logic [3:0] settle_q;
  logic [4:0] ring_q;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= ARMED;
      settle_q <= '0;
      ring_q <= '0;
    end else begin
      unique case (st)
        ARMED:    if (sensor) begin st <= SETTLING; settle_q <= '0; end
        SETTLING: if (!sensor) st <= ARMED;
                  else if (settle_q == 4'(SETTLE - 1)) st <= RINGING;
                  else settle_q <= settle_q + 4'd1;
        RINGING:  if (ring_q == 5'(HOLD - 1)) begin st <= COOLDOWN; ring_q <= '0; end
                  else ring_q <= ring_q + 5'd1;
        COOLDOWN: if (!sensor) st <= ARMED;
      endcase
    end
  end
  assign chime = (st == RINGING);
endmodule
