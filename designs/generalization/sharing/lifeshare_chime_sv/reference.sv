// Door chime: a sensor that stays active for SETTLE cycles rings the chime for HOLD cycles, then
// the chime waits until the sensor goes quiet. Settling and ringing never overlap: one timer,
// cleared when the ringing starts.
module door_chime #(parameter int SETTLE = 11, parameter int HOLD = 27) (
  input  logic clk, rst_n, sensor,
  output logic chime
);
  typedef enum logic [1:0] {ARMED, SETTLING, RINGING, COOLDOWN} st_t;
  st_t st;
  logic [4:0] tq;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= ARMED;
      tq <= '0;
    end else begin
      unique case (st)
        ARMED:    if (sensor) begin st <= SETTLING; tq <= '0; end
        SETTLING: if (!sensor) st <= ARMED;
                  else if (tq == 5'(SETTLE - 1)) begin st <= RINGING; tq <= '0; end
                  else tq <= tq + 5'd1;
        RINGING:  if (tq == 5'(HOLD - 1)) begin st <= COOLDOWN; tq <= '0; end
                  else tq <= tq + 5'd1;
        COOLDOWN: if (!sensor) st <= ARMED;
      endcase
    end
  end
  assign chime = (st == RINGING);
endmodule
