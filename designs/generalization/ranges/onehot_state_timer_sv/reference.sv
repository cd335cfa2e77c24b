// Kiln vent sequencer: two-process FSM with a 6-bit one-hot enum and a 12-bit timer; the soak phase
// lasts SOAK_T ticks, the vent phase VENT_T ticks (the timer is not cleared in the idle state).
module kiln_vent #(parameter int SOAK_T = 100, parameter int VENT_T = 25) (
  input  logic clk,
  input  logic rst_n,
  input  logic start,
  input  logic abort,
  output logic heat,
  output logic vent,
  output logic done
);
  typedef enum logic [5:0] {
    IDLE = 6'b000001, RAMP = 6'b000010, SOAK = 6'b000100,
    VENT = 6'b001000, FIN  = 6'b010000, HOLD = 6'b100000
  } st_t;
  st_t st, st_n;
  logic [6:0] cnt, cnt_n;  // below 100 in SOAK, below 25 in VENT: 7 bits

  always_comb begin
    st_n  = st;
    cnt_n = cnt;
    unique case (st)
      IDLE: if (start) begin st_n = RAMP; cnt_n = '0; end
      RAMP: st_n = SOAK;
      SOAK: if (abort) begin st_n = VENT; cnt_n = '0; end
            else if (cnt == 7'd99) begin st_n = VENT; cnt_n = '0; end
            else cnt_n = cnt + 7'd1;
      VENT: if (cnt == 7'd24) begin st_n = FIN; cnt_n = '0; end
            else cnt_n = cnt + 7'd1;
      FIN:  st_n = HOLD;
      HOLD: if (!start) st_n = IDLE;
      default: st_n = IDLE;
    endcase
  end

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st  <= IDLE;
      cnt <= '0;
    end else begin
      st  <= st_n;
      cnt <= cnt_n;
    end
  end

  assign heat = (st == RAMP) || (st == SOAK);
  assign vent = (st == VENT);
  assign done = (st == FIN) || (st == HOLD);
endmodule

module kiln_top (
  input  logic clk, rst_n, start, abort,
  output logic heat, vent, done
);
  kiln_vent #(.SOAK_T(100), .VENT_T(25)) u_k (.*);
endmodule
